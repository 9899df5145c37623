import { PROGRAMME } from "../../../src/domain/programme/programme";
import { Finding, FoundValue } from "../../../src/domain/validation";
import { SheetCells, WorkbookCells } from "../../../src/workbook/cells";
import { buildMonitoringSheetPlan } from "../../../src/workbook/monitoring/layout";
import { CellValue } from "../../../src/workbook/plan";
import { fixesToWrites, validateWorkbookCells } from "../../../src/workbook/validation";
import { parseA1 } from "../../../src/workbook/address";
import {
  clone,
  codeCell,
  deleteRow,
  findHeader,
  insertRows,
  isCodeHeader,
  isValueHeader,
  moveColumn,
  planToCells,
  rowOf,
  setCell,
  setValue,
  valueCell,
} from "./sheetHelpers";

function samples(): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) m.set(i.id, i.sample2023);
  return m;
}

const S2023 = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }));
const S2022 = { ...planToCells(buildMonitoringSheetPlan(PROGRAMME, 2022, { values: samples() })) };

function wb(...sheets: SheetCells[]): WorkbookCells {
  return { sheets };
}

function brief(f: Finding): [string, string, string, string | null] {
  return [f.rule, f.severity, f.sheet, f.cell];
}

const COUNT = "1.1.3-1"; // 1 796 in the seed
const PCT = "2.2.2-1"; // 76,2%
const PCT2 = "3.2.3-1"; // 83,29%

describe("the seed's 2023 sample workbook", () => {
  test("has the sheet plan's 60 indicators and validates with no findings", () => {
    const r = validateWorkbookCells(wb(S2023), PROGRAMME);
    expect(r.unreadable).toBeNull();
    expect(r.sheets).toEqual([
      { sheet: "Monitoring 2023", year: 2023, previous: null, indicators: 60, valueCells: expect.any(Array) },
    ]);
    expect(r.sheets[0].valueCells).toHaveLength(60);
    expect(r.findings).toEqual([]);
  });

  test("against the same values as 2022: no year-over-year warnings; previous sheet is named", () => {
    const r = validateWorkbookCells(wb(S2022, S2023), PROGRAMME, { year: 2023 });
    expect(r.sheets[0].previous).toBe("Monitoring 2022");
    expect(r.findings).toEqual([]);
  });
});

type Mutate = (s: SheetCells) => SheetCells;
interface Case {
  mutate: Mutate;
  rule: string;
  severity: "error" | "warning";
  /** Expected cell, computed on the UNmutated sheet (value cells) or given. */
  cell: (s: SheetCells) => string | null;
  fix?: number;
  previous?: Mutate;
  sheetName?: string;
}

const SPACES: [string, string][] = [
  ["space", " "],
  ["NBSP", "\u00A0"],
  ["narrow NBSP", "\u202F"],
  ["thin space", "\u2009"],
  ["figure space", "\u2007"],
];
const ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];

const value = (
  id: string,
  v: FoundValue,
  rule: string,
  severity: "error" | "warning",
  fix?: number,
): Case => ({
  mutate: (s) => setValue(s, id, v),
  rule,
  severity,
  cell: (s) => valueCell(s, id),
  fix,
});

const relation = (over: Record<string, number>, left: string): Case => ({
  mutate: (s) => Object.entries(over).reduce((acc, [id, v]) => setValue(acc, id, v), s),
  rule: "relation",
  severity: "warning",
  cell: (s) => valueCell(s, left),
});

const yoy = (cur: number, prev: number): Case => ({
  mutate: (s) => setValue(s, COUNT, cur),
  previous: (s) => setValue(s, COUNT, prev),
  rule: "year-over-year",
  severity: "warning",
  cell: (s) => valueCell(s, COUNT),
});

const CASES: [string, Case][] = [
  ...SPACES.map(([n, sp]): [string, Case] => [
    `count 1${n}796`,
    value(COUNT, `1${sp}796`, "number-as-text", "error", 1796),
  ]),
  ...SPACES.map(([n, sp]): [string, Case] => [
    `percent 83,29${n}%`,
    value(PCT2, `83,29${sp}%`, "number-as-text", "error", 0.8329),
  ]),
  ["percent text 76,2%", value(PCT, "76,2%", "number-as-text", "error", 0.762)],
  ["count text 0,5", value(COUNT, "0,5", "number-as-text", "error")],
  ["percent text 0,5", value(PCT, "0,5", "number-as-text", "error", 0.5)],
  ["count text 1796", value(COUNT, "1796", "number-as-text", "error", 1796)],
  ["count text 1.796", value(COUNT, "1.796", "number-as-text", "error", 1796)],
  ["count text -3", value(COUNT, "-3", "number-as-text", "error")],
  ["count text abc", value(COUNT, "abc", "not-a-number", "error")],
  ["count text brak danych", value(COUNT, "brak danych", "not-a-number", "error")],
  ["percent text ok. 70%", value(PCT, "ok. 70%", "not-a-number", "error")],
  ["count TRUE", value(COUNT, true, "not-a-number", "error")],
  ["count -3", value(COUNT, -3, "negative", "error")],
  ["count 12.5", value(COUNT, 12.5, "fractional-count", "error")],
  ["percent -0.2", value(PCT, -0.2, "percent-out-of-range", "error")],
  ["percent 250", value(PCT, 250, "percent-out-of-range", "error")],
  ["percent 76.2", value(PCT, 76.2, "percent-as-whole-number", "error", 0.762)],
  ["percent 83.29", value(PCT2, 83.29, "percent-as-whole-number", "error", 0.8329)],
  ...ERRORS.map((e): [string, Case] => [`count ${e}`, value(COUNT, e, "excel-error", "error")]),
  ...ERRORS.map((e): [string, Case] => [`percent ${e}`, value(PCT2, e, "excel-error", "error")]),
  ["count empty", value(COUNT, null, "empty", "warning")],
  ["percent empty", value(PCT, null, "empty", "warning")],
  ["work after training > participants", relation({ "1.3.2-2": 500 }, "1.3.2-2")],
  ["participants < training areas", relation({ "1.3.3-1": 10, "1.3.2-2": 5 }, "1.3.3-1")],
  ["people < programmes 1.5.1", relation({ "1.5.1-2": 1 }, "1.5.1-2")],
  ["people < programmes 1.5.2", relation({ "1.5.2-2": 2 }, "1.5.2-2")],
  ["people < projects 1.5.3", relation({ "1.5.3-1": 900 }, "1.5.3-2")],
  ["partner projects, nobody 1.5.4", relation({ "1.5.4-1": 1 }, "1.5.4-2")],
  ["partner projects, nobody 1.5.5", relation({ "1.5.5-1": 1 }, "1.5.5-2")],
  ["exhibitors, no fairs", relation({ "1.2.1-1": 0 }, "1.2.1-2")],
  ["special deregistered > all deregistered", relation({ "1.2.4-1": 100 }, "2.2.1-2")],
  ["employers on instruments > cooperating", relation({ "3.2.2-1": 9000 }, "3.2.2-1")],
  ["new employers > cooperating", relation({ "3.2.4-1": 9000 }, "3.2.4-1")],
  ["year over year ×4", yoy(4000, 1000)],
  ["year over year ÷4", yoy(1000, 4000)],
  ["year over year from 0", yoy(10, 0)],
  ["year over year to 0", yoy(0, 10)],
];

describe("one bad input → one finding, exact rule, severity and cell", () => {
  test("at least 60 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(CASES)("%s", (_n, c) => {
    const sheets = [c.mutate(S2023)];
    if (c.previous) sheets.unshift(c.previous(S2022));
    const r = validateWorkbookCells(wb(...sheets), PROGRAMME, { year: 2023 });
    expect(r.findings.map(brief)).toEqual([[c.rule, c.severity, "Monitoring 2023", c.cell(S2023)]]);
    const f = r.findings[0];
    if (c.fix === undefined) expect(f.fix).toBeUndefined();
    else {
      expect(f.fix?.value).toBe(c.fix);
      // Applying the fix makes the sheet clean again.
      const [w] = fixesToWrites(f);
      const { row, col } = parseA1(w.address);
      const fixed = setCell(sheets[sheets.length - 1], row, col, w.value);
      expect(validateWorkbookCells(wb(fixed), PROGRAMME).findings).toEqual([]);
    }
  });
});

describe("tampered layouts", () => {
  const valueCol = findHeader(S2023, isValueHeader).col;
  const codeCol = findHeader(S2023, isCodeHeader).col;

  test("indicator row deleted: reported by id as missing; the rest still validated by id", () => {
    const id = "1.1.1-2"; // second indicator of 1.1.1: not the top of a merged block
    let s = deleteRow(S2023, rowOf(S2023, id));
    s = setValue(s, "1.1.3-1", "abc");
    const r = validateWorkbookCells(wb(s), PROGRAMME);
    expect(r.findings.map((f) => [f.rule, f.severity, f.indicatorId])).toEqual(
      expect.arrayContaining([
        ["layout-missing-indicator", "error", id],
        ["not-a-number", "error", "1.1.3-1"],
      ]),
    );
    expect(r.findings.find((f) => f.rule === "not-a-number")!.cell).toBe(valueCell(s, "1.1.3-1"));
    expect(r.findings.filter((f) => f.rule === "layout-missing-indicator")).toHaveLength(1);
  });

  test("blank rows inserted: values found at their new cells, nothing else reported", () => {
    const at = rowOf(S2023, "1.3.3-1");
    let s = insertRows(S2023, at, [[], []]);
    s = setValue(s, "3.2.4-1", -5);
    const r = validateWorkbookCells(wb(s), PROGRAMME);
    expect(r.findings.map(brief)).toEqual([
      ["negative", "error", "Monitoring 2023", valueCell(s, "3.2.4-1")],
    ]);
    expect(parseA1(valueCell(s, "3.2.4-1")).row).toBe(parseA1(valueCell(S2023, "3.2.4-1")).row + 2);
  });

  test("columns moved: the code column first; values still found by header", () => {
    let s = moveColumn(S2023, codeCol, 0);
    s = setValue(s, PCT, 76.2);
    const r = validateWorkbookCells(wb(s), PROGRAMME);
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.rule)).toEqual(["percent-as-whole-number"]); // 7 620 %: above 100 %
    const pct = r.findings.find((f) => f.rule === "percent-as-whole-number")!;
    expect([pct.cell, pct.fix?.value]).toEqual([valueCell(s, PCT), 0.762]);
    expect(valueCell(s, PCT)).not.toBe(valueCell(S2023, PCT));
  });

  test("the value column moved to the far right", () => {
    let s = moveColumn(S2023, valueCol, S2023.values[0].length + 2);
    s = setValue(s, COUNT, "1 796");
    const r = validateWorkbookCells(wb(s), PROGRAMME);
    expect(r.findings.filter((f) => f.severity === "error").map(brief)).toEqual([
      ["number-as-text", "error", "Monitoring 2023", valueCell(s, COUNT)],
    ]);
  });

  test("sheet renamed: still found by its content, validated, and the rename reported", () => {
    const s = { ...setValue(S2023, COUNT, "abc"), name: "Arkusz1" };
    const r = validateWorkbookCells(wb(s), PROGRAMME);
    expect(r.unreadable).toBeNull();
    expect(r.sheets.map((x) => [x.sheet, x.year])).toEqual([["Arkusz1", 2023]]);
    expect(r.findings.map(brief)).toEqual([
      ["layout-sheet-renamed", "warning", "Arkusz1", null],
      ["not-a-number", "error", "Arkusz1", valueCell(s, COUNT)],
    ]);
  });

  test("sheet renamed and its grey code column deleted: still found by its headers and labels", () => {
    const col = findHeader(S2023, isCodeHeader).col - S2023.left;
    const typed = setValue(S2023, COUNT, "abc");
    const noCode: SheetCells = {
      ...typed,
      name: "Sprawozdanie",
      values: typed.values.map((r) => r.map((v, j) => (j === col ? null : v))),
    };
    const r = validateWorkbookCells(wb(noCode), PROGRAMME);
    expect(r.unreadable).toBeNull();
    expect(r.sheets.map((x) => [x.sheet, x.year, x.indicators])).toEqual([["Sprawozdanie", 2023, 60]]);
    expect(r.findings.map((f) => f.rule)).toEqual(["layout-sheet-renamed", "not-a-number"]);
    // A sheet with neither the code header nor the indicator and value headers is not taken for one.
    const other: SheetCells = { name: "Notatki", top: 0, left: 0, values: [["Mierniki"], ["Wartość 2023"]] };
    expect(validateWorkbookCells(wb(other), PROGRAMME).unreadable).not.toBeNull();
  });

  test("a sheet named for a year outside the programme: validated, and the year reported with the fix", () => {
    for (const year of [2019, 2030]) {
      const s = { ...setValue(S2023, COUNT, -1), name: `Monitoring ${year}` };
      const r = validateWorkbookCells(wb(s), PROGRAMME);
      expect(r.unreadable).toBeNull();
      // (the 2023 title and header of the renamed sheet are reported too: layout-year-mismatch)
      expect(r.findings.filter((x) => x.rule !== "layout-year-mismatch").map(brief)).toEqual([
        ["layout-year-outside-programme", "warning", `Monitoring ${year}`, null],
        ["negative", "error", `Monitoring ${year}`, valueCell(s, COUNT)],
      ]);
      const f = r.findings[0];
      expect(f.message.pl).toContain(`rok ${year} jest poza okresem programu (2021–2027)`);
      expect(f.message.pl).toContain("popraw rok w nazwie arkusza");
      expect(f.message.en).toContain(`${year} is outside the programme (2021–2027)`);
    }
    // The programme's own years are not reported.
    const s2027 = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2027, { values: samples() }));
    const r = validateWorkbookCells(wb(s2027), PROGRAMME);
    expect(r.findings).toEqual([]);
  });

  test("last year's sheet copied and renamed for this year: the title and header years reported", () => {
    const s = { ...clone(S2023), name: "Monitoring 2024" };
    const r = validateWorkbookCells(wb(S2022, s), PROGRAMME, { year: 2024 });
    const f = r.findings.filter((x) => x.rule === "layout-year-mismatch");
    expect(f.map(brief)).toEqual([["layout-year-mismatch", "warning", "Monitoring 2024", "A1"]]);
    const header = `${String.fromCharCode(65 + valueCol)}3`;
    expect(f[0].message.pl).toContain(
      `komórki A1, A2, ${header}: tytuł lub nagłówek mówi o roku 2023, a arkusz jest za rok 2024`,
    );
    expect(f[0].message.en).toContain("the title or header names 2023, but the sheet is for 2024");
    // The sheet's own year everywhere (the layout of 2024, in either language): nothing to report.
    for (const lang of ["pl", "en"] as const) {
      const own = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2024, { values: samples(), lang }));
      const ok = validateWorkbookCells(wb(own), PROGRAMME);
      expect(ok.findings.filter((x) => x.rule === "layout-year-mismatch")).toEqual([]);
    }
  });

  test("last year's values in a column added before this year's (Wartość 2022 | Wartość 2023): this year's are read", () => {
    // Staff put last year's figures beside this year's to compare: a column inserted before the value column.
    const s = clone(S2023);
    const header = findHeader(S2023, isValueHeader);
    for (const row of s.values) row.splice(valueCol, 0, null);
    s.values[header.row][valueCol] = "Wartość 2022";
    // Last year: every count ×10 and the percents as a fraction well apart, so a wrong read cannot pass.
    for (let r = header.row + 1; r < s.values.length; r++) {
      const v = s.values[r][valueCol + 1];
      if (typeof v === "number") s.values[r][valueCol] = v < 1 ? 0.1 : v * 10;
    }
    const r = validateWorkbookCells(wb(s), PROGRAMME, { year: 2023 });
    // Read from the 2023 column (F), as before the insertion: nothing but the columns that moved to report.
    expect(r.findings.map((f) => f.rule)).toEqual(["layout-columns-moved"]);
    expect(r.sheets[0].valueCells[0]).toBe(`${String.fromCharCode(65 + valueCol + 1)}${header.row + 2}`);
    // A value typed wrong in this year's column is found there.
    const bad = clone(s);
    bad.values[rowOf(s, COUNT)][valueCol + 1] = "1\u00A0796";
    const f = validateWorkbookCells(wb(bad), PROGRAMME).findings.filter((x) => x.rule === "number-as-text");
    expect(f.map(brief)).toEqual([
      [
        "number-as-text",
        "error",
        "Monitoring 2023",
        `${String.fromCharCode(65 + valueCol + 1)}${rowOf(s, COUNT) + 1}`,
      ],
    ]);
    // The same in a renamed copy whose year comes from its title.
    const renamed = { ...clone(s), name: "Kopia" };
    const rr = validateWorkbookCells(wb(renamed), PROGRAMME);
    expect(rr.findings.map((x) => x.rule).sort()).toEqual(["layout-columns-moved", "layout-sheet-renamed"]);
  });

  test("a copy next to its original (Monitoring 2023 (2)): the fix is not a name already taken", () => {
    const copy = { ...clone(S2023), name: "Monitoring 2023 (2)" };
    const r = validateWorkbookCells(wb(S2023, copy), PROGRAMME);
    const f = r.findings.find((x) => x.rule === "layout-sheet-renamed")!;
    expect(f.sheet).toBe("Monitoring 2023 (2)");
    expect(f.message.pl).not.toContain("zmień nazwę na „Monitoring 2023”");
    expect(f.message.pl).toContain("arkusz „Monitoring 2023” już jest w skoroszycie");
    expect(f.message.en).toContain('sheet "Monitoring 2023" is already in the workbook');
  });

  test("a code cell overwritten: reported at that cell; the indicator still validated by its label", () => {
    const cell = codeCell(S2023, COUNT);
    const { row, col } = parseA1(cell);
    let s = setValue(S2023, COUNT, -1);
    s = setCell(s, row, col, "xyz");
    const r = validateWorkbookCells(wb(s), PROGRAMME);
    const layout = r.findings.filter((f) => f.rule.startsWith("layout-"));
    expect(layout.length).toBeGreaterThanOrEqual(1);
    expect(layout.map((f) => f.cell)).toContain(cell);
    expect(r.findings.find((f) => f.rule === "negative")?.cell).toBe(valueCell(S2023, COUNT));
    expect(r.findings.some((f) => f.rule === "layout-missing-indicator")).toBe(false);
  });

  test("a code cell emptied", () => {
    const { row, col } = parseA1(codeCell(S2023, COUNT));
    const s = setCell(S2023, row, col, null);
    const r = validateWorkbookCells(wb(s), PROGRAMME);
    expect(r.findings.some((f) => f.rule === "layout-missing-indicator")).toBe(false);
  });

  test("garbage never crashes and never reports a value finding on a non-value cell", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool: CellValue[] = [
      null,
      "",
      "abc",
      "#N/A",
      1,
      -1,
      0.5,
      true,
      "1.1.1-1",
      "Kod miernika",
      "Monitoring 2023",
    ];
    for (let i = 0; i < 200; i++) {
      const s = clone(S2023);
      for (let k = 0; k < 30; k++) {
        const r = Math.floor(rnd() * s.values.length);
        const c = Math.floor(rnd() * (s.values[0].length + 2));
        s.values[r][c] = pool[Math.floor(rnd() * pool.length)];
      }
      const res = validateWorkbookCells(wb(s), PROGRAMME);
      for (const f of res.findings) expect(typeof f.message.pl).toBe("string");
    }
  });
});

describe("unreadable workbooks", () => {
  test("no monitoring sheet", () => {
    const r = validateWorkbookCells(wb({ name: "Arkusz1", top: 0, left: 0, values: [["a", 1]] }), PROGRAMME);
    expect(r.unreadable?.pl).toContain("nie ma arkusza monitoringu");
    expect(r.findings).toEqual([]);
  });
  test("no sheet for the year asked", () => {
    const r = validateWorkbookCells(wb(S2023), PROGRAMME, { year: 2024 });
    expect(r.unreadable?.en).toContain("2024");
  });
  test("several years: each validated against its previous", () => {
    const r = validateWorkbookCells(wb(setValue(S2022, COUNT, 100), S2023), PROGRAMME);
    expect(r.sheets.map((s) => [s.sheet, s.previous])).toEqual([
      ["Monitoring 2022", null],
      ["Monitoring 2023", "Monitoring 2022"],
    ]);
    expect(r.findings.map(brief)).toEqual([
      ["year-over-year", "warning", "Monitoring 2023", valueCell(S2023, COUNT)],
    ]);
  });
});
