import { PROGRAMME } from "../../../src/domain/programme/programme";
import { a1 } from "../../../src/workbook/address";
import { SheetCells } from "../../../src/workbook/cells";
import { monitoringColumn } from "../../../src/workbook/monitoring/columns";
import {
  buildMonitoringSheetPlan,
  layoutRows,
  planRelayout as reexported,
} from "../../../src/workbook/monitoring/layout";
import { planRelayout } from "../../../src/workbook/monitoring/relayout";
import { CellValue } from "../../../src/workbook/plan";
import { clone, planToCells, samples } from "./helpers";

const V = monitoringColumn("value").index;
const CODE = monitoringColumn("code").index;
const ROWS = layoutRows(PROGRAMME);
const rowOf = (id: string) => ROWS.find((r) => r.indicator?.id === id)!.row;
const EMPTY = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023));

function typed(values: Record<string, CellValue>): SheetCells {
  const s = clone(EMPTY);
  for (const [id, v] of Object.entries(values)) s.values[rowOf(id)][V] = v;
  return s;
}

describe("planRelayout", () => {
  test("no sheet yet: the plain layout, nothing kept, no conflict", () => {
    const r = planRelayout(null, PROGRAMME, 2023);
    expect(r.plan).toEqual(buildMonitoringSheetPlan(PROGRAMME, 2023));
    expect([r.kept, r.conflicts]).toEqual([0, []]);
  });

  test("over its own layout with every value typed: identical plan, all 60 kept, no conflict", () => {
    const sheet = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }));
    const r = planRelayout(sheet, PROGRAMME, 2023);
    expect(r.plan).toEqual(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }));
    expect(r.kept).toBe(60);
    expect(r.conflicts).toEqual([]);
  });

  test("twice in a row gives the identical plan", () => {
    const sheet = typed({ "1.1.1-1": 12, "2.2.2-1": 0.5, "4.4.1-1": "1 796" });
    const once = planRelayout(sheet, PROGRAMME, 2023);
    const twice = planRelayout(planToCells(once.plan), PROGRAMME, 2023);
    expect(JSON.stringify(twice.plan)).toBe(JSON.stringify(once.plan));
    expect(twice.conflicts).toEqual([]);
    expect(twice.kept).toBe(3);
  });

  test("last year's column added before this year's (Wartość 2022 | Wartość 2023): this year's values are kept", () => {
    const sheet = typed({ "1.1.1-1": 800, "2.2.2-1": 0.762 });
    for (const row of sheet.values) row.splice(V, 0, null);
    sheet.values[2][V] = "Wartość 2022";
    sheet.values[rowOf("1.1.1-1")][V] = 650;
    sheet.values[rowOf("2.2.2-1")][V] = 0.7;
    const r = planRelayout(sheet, PROGRAMME, 2023);
    expect(r.values).toEqual(
      new Map<string, CellValue>([
        ["1.1.1-1", 800],
        ["2.2.2-1", 0.762],
      ]),
    );
    // Last year's figures are what the new layout would drop: listed, not silently taken for this year's.
    expect(r.conflicts).toContainEqual({ address: a1(rowOf("1.1.1-1"), V), found: 650, wouldBe: 800 });
  });

  test("typed values kept by indicator id, even after rows were inserted and deleted", () => {
    const s = typed({ "1.1.3-1": 1796, "3.2.3-1": 0.8329, "1.2.1-3": 5 });
    s.values.splice(rowOf("1.1.2-1"), 0, Array(9).fill(null), Array(9).fill(null)); // 2 blank rows above 1.1.3
    s.values.splice(rowOf("4.4.1-1") + 2, 1); // 4.4.1-1's row deleted (it had no value)
    const r = planRelayout(s, PROGRAMME, 2023);
    expect(r.kept).toBe(3);
    expect([...r.values.entries()].sort()).toEqual([
      ["1.1.3-1", 1796],
      ["1.2.1-3", 5],
      ["3.2.3-1", 0.8329],
    ]);
    const out = planToCells(r.plan);
    expect(out.values[rowOf("1.1.3-1")][V]).toBe(1796); // back at its layout row
    expect(out.values[rowOf("3.2.3-1")][V]).toBe(0.8329);
    expect(out.values[rowOf("4.4.1-1")][V]).toBeNull();
    expect(out.values[rowOf("4.4.1-1")][CODE]).toBe("4.4.1-1"); // the deleted row is back
    // the layout's own texts shifted by the insert are rewritten in place: nothing to ask
    expect(r.conflicts).toEqual([]);
  });

  test("values typed as text (wrong, for the validator to flag) are kept as they are", () => {
    const r = planRelayout(typed({ "1.1.3-1": "1 796", "2.2.2-1": "76,2%" }), PROGRAMME, 2023);
    const out = planToCells(r.plan);
    expect(out.values[rowOf("1.1.3-1")][V]).toBe("1 796");
    expect(out.values[rowOf("2.2.2-1")][V]).toBe("76,2%");
    expect(r.conflicts).toEqual([]);
  });

  test("a number shown as a date (the spreadsheet took „3.12” for a day) is kept as the date's text", () => {
    const s = typed({ "1.1.3-1": 46359, "1.1.4-1": 3473 });
    s.numberFormats = s.values.map((row) => row.map(() => null));
    s.numberFormats[rowOf("1.1.3-1")][V] = "dd.mmm";
    s.numberFormats[rowOf("1.1.4-1")][V] = '#,##0"  "';
    const r = planRelayout(s, PROGRAMME, 2023);
    const out = planToCells(r.plan);
    // In the new layout's count format 46359 would pass for a count; as text it stays flagged.
    expect(out.values[rowOf("1.1.3-1")][V]).toBe("03.12.2026");
    expect(out.values[rowOf("1.1.4-1")][V]).toBe(3473);
    expect(r.conflicts).toEqual([]);
  });

  test("a note in an inserted row is a conflict even though the rows around it only moved", () => {
    const s = typed({ "1.1.3-1": 1796 });
    const at = rowOf("1.2.1-1");
    s.values.splice(at, 0, [null, null, null, "uwaga: dane wstępne", null, null, null, null, null]);
    const r = planRelayout(s, PROGRAMME, 2023);
    expect(r.conflicts).toEqual([
      { address: a1(at, 3), found: "uwaga: dane wstępne", wouldBe: "liczba zorganizowanych targów pracy" },
    ]);
    expect(r.values.get("1.1.3-1")).toBe(1796);
  });

  test("a user's note beside the table and a changed heading are conflicts with what would replace them", () => {
    const s = clone(typed({ "1.1.1-1": 3 }));
    s.values[5].push(null, "sprawdzić z działem kadr"); // K6
    s.values[2][1] = "Zadanie";
    const r = planRelayout(s, PROGRAMME, 2023);
    expect(r.conflicts).toEqual([
      { address: "B3", found: "Zadanie", wouldBe: "Zadania" },
      { address: "K6", found: "sprawdzić z działem kadr", wouldBe: null },
    ]);
    expect(r.kept).toBe(1);
  });

  test("something typed in the value cell of 3.3.2 (no indicator) is a conflict", () => {
    const row = ROWS.find((x) => x.indicator === null)!.row;
    const s = clone(EMPTY);
    s.values[row][V] = 7;
    const r = planRelayout(s, PROGRAMME, 2023);
    expect(r.conflicts).toEqual([{ address: a1(row, V), found: 7, wouldBe: null }]);
  });

  test("a formula in a value cell: its value is kept, the formula listed as a conflict", () => {
    const s = typed({ "1.5.1-2": 60 });
    s.formulas![rowOf("1.5.1-2")][V] = "=30+30";
    const r = planRelayout(s, PROGRAMME, 2023);
    expect(r.values.get("1.5.1-2")).toBe(60);
    expect(r.conflicts).toEqual([{ address: a1(rowOf("1.5.1-2"), V), found: "=30+30", wouldBe: 60 }]);
  });

  test("a code cell overwritten: the value is still kept (found by label), the code cell is a conflict", () => {
    const s = typed({ "1.1.3-1": 1796 });
    s.values[rowOf("1.1.3-1")][CODE] = "xyz";
    const r = planRelayout(s, PROGRAMME, 2023);
    expect(r.values.get("1.1.3-1")).toBe(1796);
    expect(r.conflicts).toEqual([{ address: a1(rowOf("1.1.3-1"), CODE), found: "xyz", wouldBe: "1.1.3-1" }]);
  });

  test("an unrelated sheet of that name: everything on it is a conflict; bad years throw clearly", () => {
    const s: SheetCells = { name: "Monitoring 2023", top: 0, left: 0, values: [["a", 1]] };
    const r = planRelayout(s, PROGRAMME, 2023);
    expect(r.conflicts).toEqual([
      { address: "A1", found: "a", wouldBe: expect.stringMatching(/^Monitoring realizacji/) },
      { address: "B1", found: 1, wouldBe: null },
    ]);
    expect(() => planRelayout(null, PROGRAMME, 2030)).toThrow(/2021–2027/);
  });

  test("layout.ts re-exports planRelayout for the task pane", () => {
    expect(reexported).toBe(planRelayout);
  });
});
