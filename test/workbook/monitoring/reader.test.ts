import { allIndicators, PROGRAMME } from "../../../src/domain/programme/programme";
import { a1, parseA1 } from "../../../src/workbook/address";
import { SheetCells } from "../../../src/workbook/cells";
import { monitoringColumn } from "../../../src/workbook/monitoring/columns";
import { buildMonitoringSheetPlan, layoutRows } from "../../../src/workbook/monitoring/layout";
import { findMonitoringSheets, readMonitoringSheet } from "../../../src/workbook/monitoring/reader";
import { MonitoringRead } from "../../../src/workbook/monitoring/types";
import { CellValue } from "../../../src/workbook/plan";
import { clone, planToCells, rng, samples } from "./helpers";

const S = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }));
const V = monitoringColumn("value").index;
const CODE = monitoringColumn("code").index;
const LABEL = monitoringColumn("indicator").index;
const ROWS = layoutRows(PROGRAMME);
const rowOf = (id: string) => ROWS.find((r) => r.indicator?.id === id)!.row;

const read = (s: SheetCells): MonitoringRead => readMonitoringSheet(s, PROGRAMME);
const kinds = (r: MonitoringRead) => r.problems.map((p) => [p.kind, p.severity, p.cell, p.indicatorId]);
const entry = (r: MonitoringRead, id: string) => r.entries.find((e) => e.indicatorId === id);

function set(s: SheetCells, row: number, col: number, v: CellValue): SheetCells {
  const out = clone(s);
  while (out.values[row].length <= col) out.values[row].push(null);
  out.values[row][col] = v;
  return out;
}

function moveColumn(s: SheetCells, from: number, to: number): SheetCells {
  const out = clone(s);
  for (const r of out.values) {
    while (r.length <= Math.max(from, to)) r.push(null);
    const [v] = r.splice(from, 1);
    r.splice(to, 0, v);
  }
  return out;
}

describe("readMonitoringSheet", () => {
  test("the laid-out sample sheet: 60 entries at the layout's value cells with the seed's values, no problem", () => {
    const r = read(S);
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(60);
    expect(r.header.row).toBe(2);
    for (const i of allIndicators()) {
      const e = entry(r, i.id)!;
      expect(e).toMatchObject({ row: rowOf(i.id), col: V, address: a1(rowOf(i.id), V), foundBy: "code" });
      expect(e.value).toBe(i.sample2023);
    }
    expect(entry(r, "1.1.1-1")!.address).toBe("E4");
    expect(r.entries.map((e) => e.indicatorId)).toEqual(allIndicators().map((i) => i.id));
  });

  test("a sheet read from an offset (used range from B3) gives the same addresses", () => {
    const shifted: SheetCells = { ...S, top: 2, left: 1, values: S.values.slice(2).map((r) => r.slice(1)) };
    const r = read(shifted);
    expect(r.problems).toEqual([]);
    expect(entry(r, "2.2.2-1")).toMatchObject({ address: a1(rowOf("2.2.2-1"), V), value: 0.762 });
  });

  test("empty value cells: entries with null values", () => {
    const r = read(planToCells(buildMonitoringSheetPlan(PROGRAMME, 2024)));
    expect(r.entries).toHaveLength(60);
    expect(r.entries.every((e) => e.value === null)).toBe(true);
    expect(r.problems).toEqual([]);
  });

  test("Office.js-style empty strings are empty", () => {
    const r = read(set(S, rowOf("1.1.2-1"), V, ""));
    expect(entry(r, "1.1.2-1")!.value).toBeNull();
  });

  test("an indicator row deleted: missing-indicator by id; the others found at their new rows", () => {
    const s = clone(S);
    s.values.splice(rowOf("1.1.1-2"), 1);
    const r = read(s);
    expect(kinds(r)).toEqual([["missing-indicator", "error", null, "1.1.1-2"]]);
    expect(r.problems[0].message.pl).toContain("1.1.1-2");
    expect(entry(r, "1.1.2-1")!.row).toBe(rowOf("1.1.2-1") - 1);
    expect(r.entries).toHaveLength(59);
  });

  test("rows inserted (blank or with notes): values found at their new cells, nothing reported", () => {
    const s = clone(S);
    const at = rowOf("1.3.3-1");
    s.values.splice(at, 0, Array(9).fill(null), ["uwaga", null, null, null, null, null, null, null, null]);
    const r = read(s);
    expect(r.problems).toEqual([]);
    expect(entry(r, "3.2.4-1")).toMatchObject({ row: rowOf("3.2.4-1") + 2, value: 423 });
  });

  test("columns moved: found by header text, reported once as a warning", () => {
    const s = moveColumn(S, CODE, 0);
    const r = read(s);
    expect(kinds(r)).toEqual([["columns-moved", "warning", "A3", null]]);
    expect(r.entries).toHaveLength(60);
    expect(entry(r, "1.1.3-1")).toMatchObject({ address: a1(rowOf("1.1.3-1"), V + 1), value: 1796 });
    const far = read(moveColumn(S, V, 15));
    expect(entry(far, "1.1.3-1")).toMatchObject({ address: a1(rowOf("1.1.3-1"), 15), value: 1796 });
    expect(far.problems.every((p) => p.severity === "warning")).toBe(true);
  });

  test("header row cleared: reported; values still read from the layout's default columns", () => {
    const s = clone(S);
    s.values[2] = Array(9).fill(null);
    const r = read(s);
    expect(kinds(r)).toEqual([["header-not-found", "error", null, null]]);
    expect(r.entries).toHaveLength(60);
    expect(entry(r, "1.1.3-1")!.value).toBe(1796);
  });

  test("rows with a letterhead and notes inserted above the title: header found, nothing reported", () => {
    const s = clone(S);
    const above = Array.from({ length: 20 }, (_, i) => [`Miejski Urząd Pracy w Lublinie — notatka ${i + 1}`]);
    s.values.unshift(...above);
    const r = read(s);
    expect(r.problems).toEqual([]);
    expect(r.header.row).toBe(2 + 20);
    expect(r.entries).toHaveLength(60);
    expect(entry(r, "1.1.3-1")).toMatchObject({ address: a1(rowOf("1.1.3-1") + 20, V), value: 1796 });
  });

  test("header row overwritten with other titles: header-not-found only — its cells are not table rows", () => {
    const s = clone(S);
    s.values[2] = [
      "Obszar",
      "Zadanie",
      "Działanie",
      "Miernik",
      "Wartość za 2023 r.",
      "Podmioty",
      "Kiedy",
      "Jak",
      "Kod",
    ];
    const r = read(s);
    expect(kinds(r)).toEqual([["header-not-found", "error", null, null]]);
    expect(r.entries).toHaveLength(60);
    expect(entry(r, "1.1.3-1")!.value).toBe(1796);
  });

  test("header cleared and columns moved: nothing can be read; header-not-found and every indicator missing", () => {
    const s = moveColumn(clone(S), CODE, 0);
    s.values[2] = Array(9).fill(null);
    const r = read(s);
    expect(r.entries).toEqual([]);
    expect(r.problems[0]).toMatchObject({ kind: "header-not-found", severity: "error" });
    expect(r.problems.filter((p) => p.kind === "missing-indicator")).toHaveLength(60);
  });

  test("a value column header renamed: header-not-found naming the column", () => {
    const r = read(set(S, 2, V, "Liczba"));
    expect(r.problems[0]).toMatchObject({ kind: "header-not-found", severity: "error" });
    expect(r.problems[0].message.pl).toContain("Wartość");
  });

  test("a code cell overwritten: found by label, reported at the code cell", () => {
    const row = rowOf("1.1.3-1");
    const r = read(set(S, row, CODE, "xyz"));
    expect(kinds(r)).toEqual([["code-overwritten", "warning", a1(row, CODE), "1.1.3-1"]]);
    expect(r.problems[0].value).toBe("xyz");
    expect(entry(r, "1.1.3-1")).toMatchObject({ foundBy: "label", value: 1796, address: a1(row, V) });
  });

  test.each(["1.5.2-1", "1.5.2-2", "1.5.5-2", "3.1.5-1", "4.4.1-1"])(
    "a code cell emptied on a label that repeats across actions (%s): the action above disambiguates",
    (id) => {
      const row = rowOf(id);
      const r = read(set(S, row, CODE, null));
      expect(kinds(r)).toEqual([["code-overwritten", "warning", a1(row, CODE), id]]);
      expect(entry(r, id)).toMatchObject({ row, foundBy: "label" });
    },
  );

  test("code emptied and label changed: the indicator is missing; the row's content is not taken for it", () => {
    const row = rowOf("1.1.3-1");
    const r = read(set(set(S, row, CODE, null), row, LABEL, "porady"));
    expect(kinds(r)).toEqual([["missing-indicator", "error", null, "1.1.3-1"]]);
  });

  test("code typed as a number or with spaces around: spaces tolerated; a number is no code", () => {
    const row = rowOf("1.1.2-1");
    expect(read(set(S, row, CODE, " 1.1.2-1 ")).problems).toEqual([]);
    const r = read(set(S, row, CODE, 1.12));
    expect(kinds(r)).toEqual([["code-overwritten", "warning", a1(row, CODE), "1.1.2-1"]]);
  });

  test("a duplicate code: error at the second, the first row's value is used", () => {
    // 1.1.2-1's code typed on 1.1.3-1's row: 1.1.3-1 then missing (its label matches nothing left? no: by label)
    const s = clone(S);
    s.values.splice(rowOf("1.1.4-1") + 1, 0, [null, null, null, "kopia", 5, null, null, null, "1.1.2-1"]);
    const r = read(s);
    expect(kinds(r)).toEqual([["duplicate-code", "error", a1(rowOf("1.1.4-1") + 1, CODE), "1.1.2-1"]]);
    expect(entry(r, "1.1.2-1")!.value).toBe(449);
  });

  test("an unknown code on a row that is no indicator: unknown-code warning", () => {
    const s = clone(S);
    s.values.push([null, null, null, null, 7, null, null, null, "9.9.9-1"]);
    const r = read(s);
    expect(kinds(r)).toEqual([["unknown-code", "warning", a1(S.values.length, CODE), null]]);
    expect(r.problems[0].message.pl).toContain("9.9.9-1");
  });

  test("the 3.3.2 row (no indicator) is not reported", () => {
    const r = read(S);
    const row = ROWS.find((x) => x.indicator === null)!.row;
    expect(r.problems.some((p) => p.cell?.endsWith(String(row + 1)))).toBe(false);
  });

  test("English headers are read too", () => {
    const r = read(planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples(), lang: "en" })));
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(60);
  });

  test("never throws on random 2-D input", () => {
    const rand = rng(42);
    const pool: unknown[] = [
      null,
      undefined,
      "",
      "abc",
      "Kod miernika",
      "Wartość 2023",
      "Mierniki",
      "1.1.1-1",
      "1.5.2-1",
      "liczba osób objętych poradnictwem indywidualnym",
      "1.5.2. Tworzenie",
      "#N/A",
      0,
      -1,
      1e308,
      NaN,
      Infinity,
      true,
      {},
      [],
      Symbol.for("x"),
    ];
    for (let n = 0; n < 400; n++) {
      const h = Math.floor(rand() * 30);
      const w = Math.floor(rand() * 14);
      const values: unknown[] = [];
      for (let i = 0; i < h; i++) {
        if (rand() < 0.05) {
          values.push(rand() < 0.5 ? null : "row");
          continue;
        }
        const row: unknown[] = [];
        for (let j = 0; j < w; j++) row.push(pool[Math.floor(rand() * pool.length)]);
        values.push(row);
      }
      const cells = {
        name: "X",
        top: Math.floor(rand() * 3),
        left: Math.floor(rand() * 3),
        values,
      } as unknown as SheetCells;
      const r = read(cells);
      expect(Array.isArray(r.entries)).toBe(true);
      for (const p of r.problems) expect(typeof p.message.pl).toBe("string");
    }
    for (const weird of [null, undefined, { name: 1, values: "x" }, { values: [[1]], top: -3, left: 1.5 }])
      expect(() => read(weird as unknown as SheetCells)).not.toThrow();
  });

  test("random tampering of the real sheet: never throws; every entry's value is what its cell holds", () => {
    const rand = rng(7);
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
      "Mierniki",
    ];
    for (let n = 0; n < 200; n++) {
      const s = clone(S);
      for (let k = 0; k < 25; k++) {
        const r = Math.floor(rand() * s.values.length);
        const c = Math.floor(rand() * 11);
        while (s.values[r].length <= c) s.values[r].push(null);
        s.values[r][c] = pool[Math.floor(rand() * pool.length)];
      }
      if (rand() < 0.3) s.values.splice(Math.floor(rand() * s.values.length), 1);
      const r = read(s);
      const ids = r.entries.map((e) => e.indicatorId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const e of r.entries) {
        const { row, col } = parseA1(e.address);
        const v = s.values[row]?.[col];
        expect(e.value).toBe(v === "" || v === undefined ? null : v);
      }
      // every indicator is either found or reported missing
      const missing = r.problems.filter((p) => p.kind === "missing-indicator").map((p) => p.indicatorId);
      expect(ids.length + missing.length).toBe(60);
    }
  });
});

describe("findMonitoringSheets", () => {
  test("sheets named Monitoring YYYY, case and extra spaces tolerated", () => {
    const r = findMonitoringSheets(["Arkusz1", "Monitoring 2023", " monitoring  2022 ", "MONITORING 2021"]);
    expect(r.sheets).toEqual([
      { name: "Monitoring 2023", year: 2023 },
      { name: " monitoring  2022 ", year: 2022 },
      { name: "MONITORING 2021", year: 2021 },
    ]);
    expect(r.message).toBeNull();
  });

  test("a renamed sheet is named in the message when nothing matches", () => {
    const r = findMonitoringSheets(["Arkusz1", "Monitoring2023 (2)"]);
    expect(r.sheets).toEqual([]);
    expect(r.message!.pl).toContain("„Monitoring2023 (2)”");
    expect(r.message!.en).toContain('"Monitoring2023 (2)"');
  });

  test("no sheet at all", () => {
    const r = findMonitoringSheets(["Arkusz1"]);
    expect(r.sheets).toEqual([]);
    expect(r.message!.pl).toContain("Monitoring RRRR");
    expect(findMonitoringSheets([]).sheets).toEqual([]);
  });
});

describe("a value cell's formula", () => {
  test("is read with the entry (its result may be missing: a file written by a script)", () => {
    const s = set(S, rowOf("1.1.3-1"), V, null);
    s.formulas = s.values.map((r) => r.map(() => null));
    s.formulas[rowOf("1.1.3-1") - s.top][V - s.left] = "=SUM(E5:E6)";
    s.formulas[rowOf("1.1.4-1") - s.top][V - s.left] = "=3473";
    const r = read(s);
    expect(entry(r, "1.1.3-1")).toMatchObject({ value: null, formula: "=SUM(E5:E6)" });
    expect(entry(r, "1.1.4-1")).toMatchObject({ formula: "=3473" });
    expect(entry(r, "1.1.1-1")!.formula).toBeNull();
    // Sheets read without formulas (Office.js values only): no formula.
    expect(read(S).entries.every((e) => e.formula === null)).toBe(true);
  });
});

describe("a number on an empty value cell's row, in another column (typed into the wrong column)", () => {
  const ROW = rowOf("1.1.3-1");
  const ENTITIES = monitoringColumn("entities").index;
  const empty = set(S, ROW, V, null);

  test("in a table column: found with its address and the column's header", () => {
    const r = read(set(empty, ROW, ENTITIES, 1796));
    expect(entry(r, "1.1.3-1")!.stray).toEqual({
      address: a1(ROW, ENTITIES),
      value: 1796,
      header: "Podmioty realizujące i współpracujące",
    });
  });

  test("as text, and the report's „- label: value” pasted over the label", () => {
    expect(entry(read(set(empty, ROW, ENTITIES, "1 796")), "1.1.3-1")!.stray?.value).toBe("1 796");
    const pasted = "- liczba udzielonych porad zawodowych: 1 796";
    expect(entry(read(set(empty, ROW, LABEL, pasted)), "1.1.3-1")!.stray).toMatchObject({
      address: a1(ROW, LABEL),
      header: "Mierniki",
    });
  });

  test("in a column with no header right of the table: found, header null", () => {
    const r = read(set(empty, ROW, CODE + 1, 1796));
    expect(entry(r, "1.1.3-1")!.stray).toEqual({ address: a1(ROW, CODE + 1), value: 1796, header: null });
  });

  test("not looked for: a filled value cell, a column people headed themselves, the code column, plain text", () => {
    expect(entry(read(set(S, ROW, ENTITIES, 5)), "1.1.3-1")!.stray).toBeNull();
    const headed = set(set(empty, S.top + 2, CODE + 1, "Uwagi"), ROW, CODE + 1, 12);
    expect(entry(read(headed), "1.1.3-1")!.stray).toBeNull();
    const compare = set(set(empty, S.top + 2, CODE + 1, "Wartość 2022"), ROW, CODE + 1, 1500);
    expect(entry(read(compare), "1.1.3-1")!.stray).toBeNull();
    expect(
      entry(read(set(empty, ROW, ENTITIES, "Miejski Urząd Pracy w Lublinie")), "1.1.3-1")!.stray,
    ).toBeNull();
    // The laid-out empty table has no number anywhere but the code column.
    const blank = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2024));
    expect(read(blank).entries.every((e) => e.stray === null)).toBe(true);
  });
});
