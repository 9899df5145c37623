import { Finding } from "../../../src/domain/validation";
import { fixable, fixesToWrites, writesBySheet } from "../../../src/workbook/validation/fixes";
import {
  areaOf,
  countsText,
  groupFindingsByArea,
  plural,
  totals,
} from "../../../src/workbook/validation/groups";
import { MINI } from "../../domain/validation/miniProgramme";

function f(over: Partial<Finding>): Finding {
  return {
    rule: "number-as-text",
    severity: "error",
    sheet: "Monitoring 2023",
    cell: "E5",
    indicatorId: "1.1.3-1",
    value: "1 796",
    message: { pl: "p", en: "e" },
    ...over,
  };
}

const FIX = { value: 1796, description: { pl: "Wpisz 1796", en: "Enter 1796" } };

describe("fixesToWrites", () => {
  test("one finding → one write; findings without a fix or a cell → nothing", () => {
    expect(fixesToWrites(f({ fix: FIX }))).toEqual([
      { sheet: "Monitoring 2023", address: "E5", value: 1796 },
    ]);
    expect(fixesToWrites(f({}))).toEqual([]);
    expect(fixesToWrites(f({ cell: null, fix: FIX }))).toEqual([]);
  });

  test("all: only fixable findings, each cell once, first fix wins", () => {
    const list = [
      f({ fix: FIX }),
      f({ rule: "relation", severity: "warning", cell: "E6" }),
      f({ cell: "$E$5", fix: { ...FIX, value: 1 } }),
      f({ sheet: "Monitoring 2022", cell: "E5", fix: { ...FIX, value: 7 } }),
      f({ rule: "percent-as-whole-number", severity: "error", cell: "E9", fix: { ...FIX, value: 0.762 } }),
    ];
    expect(fixable(list)).toHaveLength(4);
    const writes = fixesToWrites(list);
    expect(writes).toEqual([
      { sheet: "Monitoring 2023", address: "E5", value: 1796 },
      { sheet: "Monitoring 2022", address: "E5", value: 7 },
      { sheet: "Monitoring 2023", address: "E9", value: 0.762 },
    ]);
    expect(writesBySheet(writes)).toEqual([
      {
        sheet: "Monitoring 2023",
        cells: [
          { address: "E5", value: 1796 },
          { address: "E9", value: 0.762 },
        ],
      },
      { sheet: "Monitoring 2022", cells: [{ address: "E5", value: 7 }] },
    ]);
  });
});

describe("grouping by area", () => {
  test("areaOf", () => {
    expect(areaOf(MINI, "3.2.3-1")?.code).toBe("III");
    expect(areaOf(MINI, "9.9.9-1")).toBeNull();
    expect(areaOf(MINI, null)).toBeNull();
  });

  test("groups in programme order with counts; layout findings first; empty groups left out", () => {
    const list = [
      f({ indicatorId: "3.2.3-1", severity: "warning" }),
      f({ indicatorId: "1.1.3-1" }),
      f({ indicatorId: "3.2.4-1" }),
      f({ rule: "layout-sheet-renamed", indicatorId: null, cell: null, severity: "warning" }),
      f({ indicatorId: "9.9.9-1", severity: "warning" }),
    ];
    const groups = groupFindingsByArea(list, MINI);
    expect(groups.map((g) => [g.key, g.errors, g.warnings, g.findings.length])).toEqual([
      ["", 0, 2, 2],
      ["I", 1, 0, 1],
      ["III", 1, 1, 2],
    ]);
    expect(groups[2].findings.map((x) => x.indicatorId)).toEqual(["3.2.3-1", "3.2.4-1"]);
    expect(groups[1].title.pl).toContain("I.");
  });

  test("totals and Polish plurals", () => {
    expect(totals([f({ fix: FIX }), f({ severity: "warning" })])).toEqual({
      errors: 1,
      warnings: 1,
      fixable: 1,
    });
    expect([1, 2, 5, 12, 22, 25].map((n) => plural(n, "błąd", "błędy", "błędów"))).toEqual([
      "1 błąd",
      "2 błędy",
      "5 błędów",
      "12 błędów",
      "22 błędy",
      "25 błędów",
    ]);
    expect(countsText(0, 3)).toEqual({ pl: "0 błędów, 3 ostrzeżenia", en: "0 errors, 3 warnings" });
  });
});
