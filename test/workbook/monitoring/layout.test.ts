import { HyperFormula } from "hyperformula";
import { allIndicators, PROGRAMME } from "../../../src/domain/programme/programme";
import { a1, parseA1, parseRange } from "../../../src/workbook/address";
import {
  headerText,
  MONITORING_COLUMNS,
  MONITORING_ROWS,
  monitoringColumn,
  VALUE_FORMATS,
} from "../../../src/workbook/monitoring/columns";
import {
  buildMonitoringSheetPlan,
  emptyValueFormula,
  invalidValueFormula,
  layoutRows,
  MonitoringYearError,
} from "../../../src/workbook/monitoring/layout";
import { CellStyle, SheetPlan } from "../../../src/workbook/plan";
import { planToCells, samples } from "./helpers";
import { formatInLanguage } from "../../../src/workbook/numberLocale";

const PLAN = buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() });
const CELLS = planToCells(PLAN);
const V = monitoringColumn("value").index;
const CODE = monitoringColumn("code").index;
const LABEL = monitoringColumn("indicator").index;
const ROWS = layoutRows(PROGRAMME);
const rowOf = (id: string) => ROWS.find((r) => r.indicator?.id === id)!.row;
const at = (row: number, col: number) => CELLS.values[row][col];

/** The style of a cell after applying every format covering it, in order. */
function styleAt(plan: SheetPlan, row: number, col: number): CellStyle {
  const out: CellStyle = {};
  for (const f of plan.formats) {
    const r = parseRange(f.range);
    if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols)
      Object.assign(out, f.style);
  }
  return out;
}

function covers(range: string, row: number, col: number): boolean {
  const r = parseRange(range);
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

describe("monitoring sheet layout", () => {
  test("one sheet per year, 2021–2027; other years are a clear error", () => {
    expect(PLAN.name).toBe("Monitoring 2023");
    expect(buildMonitoringSheetPlan(PROGRAMME, 2021).name).toBe("Monitoring 2021");
    expect(buildMonitoringSheetPlan(PROGRAMME, 2027).name).toBe("Monitoring 2027");
    for (const y of [2020, 2028, 2023.5, NaN]) {
      expect(() => buildMonitoringSheetPlan(PROGRAMME, y)).toThrow(MonitoringYearError);
      expect(() => buildMonitoringSheetPlan(PROGRAMME, y)).toThrow(/2021–2027/);
    }
  });

  test("title and header row in the seed's order and wording, value after the label, code last", () => {
    expect(at(MONITORING_ROWS.title, 0)).toBe(
      "Monitoring realizacji Programu Promocji Zatrudnienia i Aktywizacji Rynku Pracy miasta Lublin na lata 2021 - 2027 za rok 2023",
    );
    expect(CELLS.values[MONITORING_ROWS.header]).toEqual([
      "Obszar/kierunek priorytetowy",
      "Zadania",
      "Działania",
      "Mierniki",
      "Wartość 2023",
      "Podmioty realizujące i współpracujące",
      "Monitorowanie",
      "Sposób weryfikacji",
      "Kod miernika",
    ]);
    expect(MONITORING_COLUMNS.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Title and note span the printed columns; the code column is explained by its cells' prompt.
    expect(PLAN.merges).toEqual(expect.arrayContaining(["A1:H1", "A2:H2"]));
    expect(PLAN.print?.printArea).toBe(`$A$1:$H$${PLAN.blocks[0].values.length}`);
    // The note must not look like a header to a reader searching the top rows.
    expect(String(at(MONITORING_ROWS.note, 0))).toMatch(/^Wpisz wartości/);
  });

  test("one row per indicator plus one for 3.3.2; ids in the code column; sample values typed", () => {
    expect(ROWS).toHaveLength(61);
    expect(CELLS.values).toHaveLength(MONITORING_ROWS.firstData + 61);
    const codes = ROWS.map((r) => at(r.row, CODE));
    expect(codes.filter((c) => c !== null)).toEqual(allIndicators().map((i) => i.id));
    for (const i of allIndicators()) {
      expect(at(rowOf(i.id), LABEL)).toBe(i.label);
      expect(at(rowOf(i.id), V)).toBe(i.sample2023);
    }
    expect(at(rowOf("1.1.3-1"), V)).toBe(1796);
    expect(at(rowOf("2.2.2-1"), V)).toBe(0.762);
    const empty = ROWS.find((r) => r.indicator === null)!;
    expect(empty.action.code).toBe("3.3.2");
    expect([at(empty.row, LABEL), at(empty.row, V), at(empty.row, CODE)]).toEqual(["—", null, null]);
    expect(at(empty.row, monitoringColumn("action").index)).toBe(
      "3.3.2. Diagnozowanie potrzeb szkoleniowych pod działalność gospodarczą.",
    );
    // without values the value cells are empty
    const bare = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2024));
    for (const r of ROWS) expect(bare.values[r.row][V]).toBeNull();
  });

  test("area, task, action, entities, monitoring, verification merged over their rows", () => {
    // Area I: 30 indicators on rows 4–33; task 1.1: 5 rows; action 1.1.1: 2 rows; area III includes 3.3.2.
    expect(PLAN.merges).toEqual(
      expect.arrayContaining(["A4:A33", "B4:B8", "C4:C5", "F4:F5", "G4:G8", "H4:H8", "A46:A60", "A61:A64"]),
    );
    expect(at(3, 0)).toBe(
      "I. Zapewnienie pomocy osobom bezrobotnym i poszukującym pracy w uzyskaniu odpowiedniego zatrudnienia oraz pracodawcom w znalezieniu odpowiednich pracowników.",
    );
    expect(at(3, 1)).toBe("1.1. Promowanie i świadczenie poradnictwa zawodowego i informacji zawodowej.");
    expect(at(3, 5)).toBe("- Miejski Urząd Pracy w Lublinie");
    expect(at(3, 6)).toBe("Raz do roku, po upływie roku kalendarzowego");
    expect(at(3, 7)).toBe("Informacje i dane statystyczne");
    expect(at(4, 0)).toBeNull(); // inside the merged area cell
    // single-row actions are not merged, and no merge is a single cell
    expect(PLAN.merges.every((m) => m.includes(":"))).toBe(true);
    expect(PLAN.merges.some((m) => m.startsWith("C6"))).toBe(false);
    // merges never overlap
    const seen = new Set<string>();
    for (const m of PLAN.merges) {
      const r = parseRange(m);
      for (let i = 0; i < r.rows; i++)
        for (let j = 0; j < r.cols; j++) {
          const k = a1(r.row + i, r.col + j);
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }
    }
    // entities of 1.2.1 on its 3 rows
    const r121 = rowOf("1.2.1-1");
    expect(PLAN.merges).toContain(`F${r121 + 1}:F${r121 + 3}`);
    expect(at(r121, 5)).toBe(
      "- Miejski Urząd Pracy w Lublinie\n- pracodawcy\n- organizacje pracodawców\n- agencje zatrudnienia",
    );
  });

  test("value cells: typed number formats, unlocked; borders and wrapping on the table", () => {
    for (const i of allIndicators()) {
      const s = styleAt(PLAN, rowOf(i.id), V);
      // In the sheet's language (Polish: `[$-415]`, so LibreOffice prints 1 796 and 76,2% anywhere).
      expect(s.numberFormat).toBe(
        formatInLanguage(i.unit === "count" ? VALUE_FORMATS.count : VALUE_FORMATS.percent, "pl"),
      );
      expect(s.locked).toBe(false);
      expect(s.border).toBe("thin");
    }
    expect(VALUE_FORMATS).toEqual({ count: "#,##0  ", percent: "0.0#%  " });
    const empty = ROWS.find((r) => r.indicator === null)!.row;
    expect(styleAt(PLAN, empty, V).locked).not.toBe(false);
    expect(styleAt(PLAN, 3, 2).wrap).toBe(true);
    expect(styleAt(PLAN, MONITORING_ROWS.header, 0)).toMatchObject({
      bold: true,
      border: "thin",
      wrap: true,
    });
    expect(styleAt(PLAN, rowOf("1.1.1-1"), CODE)).toMatchObject({ fontColor: "#808080", fill: "#F2F2F2" });
    // the code column is the narrowest text column
    const widths = PLAN.columns.map((c) => c.width);
    expect(widths).toHaveLength(9);
    expect(widths[CODE]).toBeLessThan(Math.min(widths[0], widths[1], widths[2], widths[3], widths[5]));
  });

  test("Excel-native validation: one rule per value cell with a prompt naming indicator and unit", () => {
    // 60 value cells, plus the code column's prompt (what it is for; not printed).
    expect(PLAN.validations).toHaveLength(61);
    const code = PLAN.validations.find((x) => x.range.startsWith(a1(MONITORING_ROWS.header, CODE)))!;
    expect(code.prompt!.message).toContain("nie zmieniaj");
    for (const i of allIndicators()) {
      const addr = a1(rowOf(i.id), V);
      const v = PLAN.validations.filter((x) => x.range === addr);
      expect(v).toHaveLength(1);
      const [rule] = v;
      if (i.unit === "count")
        expect(rule.rule).toEqual({ type: "wholeNumber", operator: "greaterThanOrEqual", value: 0 });
      else expect(rule.rule).toEqual({ type: "decimal", operator: "between", min: 0, max: 1 });
      expect(rule.allowBlank).toBe(true);
      expect(rule.prompt!.title).toBe(`Miernik ${i.id}`);
      expect(rule.prompt!.title.length).toBeLessThanOrEqual(32);
      expect(rule.prompt!.message.length).toBeLessThanOrEqual(255);
      expect(rule.prompt!.message).toContain(i.unit === "count" ? "Jednostka: liczba" : "Jednostka: procent");
      expect(rule.prompt!.message).toContain(i.label.slice(0, 100));
      expect(rule.error!.style).toBe("stop");
      expect(rule.error!.title.length).toBeLessThanOrEqual(32);
      expect(rule.error!.message.length).toBeLessThanOrEqual(255);
      expect(rule.error!.message).toContain(i.id);
    }
    // the longest label (3.3.3-1) fits whole
    const long = PLAN.validations.find((x) => x.range === a1(rowOf("3.3.3-1"), V))!;
    expect(long.prompt!.message).toContain("Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych)");
  });

  test("conditional formats cover every value cell once per rule, and nothing else", () => {
    const rules = PLAN.conditionalFormats;
    for (const cf of rules) {
      const r = parseRange(cf.range);
      expect(r.col).toBe(V);
      // formulas are relative to the range's top-left cell
      expect(cf.formula).toContain(a1(r.row, V));
      expect(cf.formula.startsWith("=")).toBe(true);
      for (const fn of cf.formula.match(/[A-Z]+(?=\()/g) ?? [])
        expect([
          "LEN",
          "IF",
          "ISBLANK",
          "NOT",
          "ISNUMBER",
          "OR",
          "ISTEXT",
          "ISLOGICAL",
          "TRIM",
          "CLEAN",
          "SUBSTITUTE",
          "ABS",
          "ROUND",
        ]).toContain(fn);
    }
    for (const r of ROWS) {
      const on = rules.filter((cf) => covers(cf.range, r.row, V));
      if (r.indicator === null) expect(on).toEqual([]);
      else {
        expect(on).toHaveLength(2);
        expect(on.filter((cf) => cf.style.fill === "#FFF2CC")).toHaveLength(1); // empty: light yellow
        expect(on.filter((cf) => cf.style.fill === "#FFC7CE")).toHaveLength(1); // out of range: light red
        const unit = r.indicator.unit;
        const inv = on.find((cf) => cf.style.fill === "#FFC7CE")!;
        const top = parseRange(inv.range);
        expect(inv.formula).toBe(invalidValueFormula(a1(top.row, V), unit));
      }
    }
  });

  describe("the conditional-format formulas compute as intended (HyperFormula)", () => {
    // [cell content, unit, invalid?, empty?]; "=1/0" makes an error value.
    const cases: [string | number | null, "count" | "percent", boolean, boolean][] = [
      [5, "count", false, false],
      [0, "count", false, false],
      [1796, "count", false, false],
      [-1, "count", true, false],
      [2.5, "count", true, false],
      ["1 796", "count", true, false],
      ["abc", "count", true, false],
      ["=1/0", "count", true, false],
      [null, "count", false, true],
      [0.762, "percent", false, false],
      [0, "percent", false, false],
      [1, "percent", false, false],
      [1.2, "percent", true, false],
      [76.2, "percent", true, false],
      [-0.1, "percent", true, false],
      ["76,2%", "percent", true, false],
      ["=NA()", "percent", true, false],
      [null, "percent", false, true],
      // Cells that only look empty are empty, as `miernik validate` reports them (warning "empty"), not invalid.
      [" ", "count", false, true],
      ["\u00A0", "count", false, true],
      [" \u202F\u00A0 ", "percent", false, true],
      ["\n", "count", false, true],
      ['=""', "count", false, true],
      ['=" "', "percent", false, true],
      // …while a value with padding is still a number typed as text (invalid), as validate says.
      // (formulas make the text: HyperFormula would read typed "800 " as a number)
      ['="800"&"\u00A0"', "count", true, false],
      ['=" 1 "', "count", true, false],
      ["=TRUE()", "count", true, false],
      // A count off a whole number by formula noise only is whole, as validate reads it; a real fraction is not.
      [3.0000000001, "count", false, false],
      [3.000001, "count", true, false],
      [-0.0000000001, "count", true, false],
    ];
    test.each(cases)("%p as %s → invalid %p, empty %p", (content, unit, invalid, empty) => {
      const hf = HyperFormula.buildFromArray(
        [[content, invalidValueFormula("A1", unit), emptyValueFormula("A1")]],
        { licenseKey: "gpl-v3" },
      );
      const inv = hf.getCellValue({ sheet: 0, row: 0, col: 1 });
      const emp = hf.getCellValue({ sheet: 0, row: 0, col: 2 });
      expect(inv).toBe(invalid);
      // For an error value the "empty" rule is itself an error: Excel then does not apply the format.
      if (typeof emp === "boolean") expect(emp).toBe(empty);
      else expect(empty).toBe(false);
      hf.destroy();
    });
  });

  test("print-ready: A4 landscape, 1 page wide, header row repeated, page numbers; header frozen", () => {
    expect(PLAN.print).toMatchObject({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: "$3:$3",
    });
    expect(PLAN.print!.centerFooter).toContain("&P");
    expect(PLAN.print!.centerFooter).toContain("&N");
    expect(CELLS.values[2][0]).toBe("Obszar/kierunek priorytetowy"); // row 3 is the header
    expect(PLAN.freeze).toEqual({ rows: 3, columns: 0 });
  });

  test("row heights: every row has one, long texts get taller rows, merged texts fit their rows", () => {
    const h = new Map(PLAN.rows!.map((r) => [r.index, r.height!]));
    for (let r = 0; r < CELLS.values.length; r++) expect(h.get(r)).toBeGreaterThanOrEqual(17);
    expect(h.get(rowOf("3.3.3-1"))!).toBeGreaterThan(h.get(rowOf("1.1.2-1"))!);
    // the 1.5.4 entities list (9 entities, 2 rows) needs at least 9 lines of 13 pt
    const r = rowOf("1.5.4-1");
    expect(h.get(r)! + h.get(r + 1)!).toBeGreaterThanOrEqual(9 * 13);
  });

  test("deterministic: the same input gives an identical plan", () => {
    const again = buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(PLAN));
  });

  test("values are written as given (text stays text for the validator); unknown ids ignored", () => {
    const values = new Map<string, string | number | null>([
      ["1.1.3-1", "1 796"],
      ["9.9.9-1", 5],
    ]);
    const c = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values }));
    expect(c.values[rowOf("1.1.3-1")][V]).toBe("1 796");
    expect(c.values.flat().filter((x) => x === 5)).toEqual([]);
  });

  test("English: headers, title, prompts; the programme's wording stays Polish", () => {
    const en = buildMonitoringSheetPlan(PROGRAMME, 2023, { lang: "en" });
    const c = planToCells(en);
    expect(c.values[MONITORING_ROWS.header][V]).toBe("Value 2023");
    expect(c.values[MONITORING_ROWS.header][CODE]).toBe(headerText("code", 2023, "en"));
    expect(String(c.values[MONITORING_ROWS.header][CODE])).toMatch(/kod miernika/i);
    expect(String(c.values[0][0])).toMatch(/for 2023$/);
    expect(en.validations[0].prompt!.message).toContain("Unit: count");
    expect(c.values[rowOf("1.1.1-1")][LABEL]).toBe("liczba osób objętych poradnictwem indywidualnym");
  });

  test("print title rows and freeze point at the header, the value cells' addresses from the columns table", () => {
    const addr = a1(rowOf("1.1.1-1"), V);
    expect(addr).toBe("E4");
    expect(parseA1(addr).col).toBe(monitoringColumn("value").index);
  });
});
