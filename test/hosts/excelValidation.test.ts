import { PROGRAMME } from "../../src/domain/programme/programme";
import { applyFixes, validateInExcel } from "../../src/hosts/excel/validation";
import { parseA1 } from "../../src/workbook/address";
import { SheetCells } from "../../src/workbook/cells";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { CellValue } from "../../src/workbook/plan";
import { FakeExcel } from "../fakes/excelFake";
import { planToCells, setValue, valueCell } from "../workbook/validation/sheetHelpers";

function samples(): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) m.set(i.id, i.sample2023);
  return m;
}

const BASE = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }));

/** A fake Excel holding these sheets (put straight into its state: no recorded writes). */
function excelWith(...sheets: SheetCells[]): FakeExcel {
  const fake = new FakeExcel(["Arkusz1", ...sheets.map((s) => s.name)]);
  for (const s of sheets) {
    const st = fake.sheet(s.name)!;
    s.values.forEach((row, r) => row.forEach((v, c) => v !== null && st.set(s.top + r, s.left + c, v, null)));
  }
  return fake;
}

describe("validation through Office.js (recording fake)", () => {
  test("reading and validating the year's sheet costs one sync and writes nothing", async () => {
    const fake = excelWith(setValue(BASE, "1.1.3-1", "1 796"));
    const r = await validateInExcel(fake.context() as never, PROGRAMME, { year: 2023 });
    expect(fake.syncCount).toBe(1);
    expect(r.syncs).toBe(1);
    expect(fake.writes).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([["number-as-text", valueCell(BASE, "1.1.3-1")]]);
  });

  test("number formats are read: a date typed into a count cell is date-value, as in the .xlsx readers", async () => {
    // Excel turns "12.05" typed into a count cell into a date: a serial number shown as a day.
    const withDate = (s: SheetCells, name: string): FakeExcel => {
      const fake = excelWith({ ...setValue(s, "1.1.3-1", 45424), name });
      const { row, col } = parseA1(valueCell(s, "1.1.3-1"));
      fake
        .sheet(name)!
        .styleOps.push({ ref: { row, col, rows: 1, cols: 1 }, props: { numberFormat: "dd.mm.yyyy" } });
      return fake;
    };
    const named = await validateInExcel(withDate(BASE, "Monitoring 2023").context() as never, PROGRAMME, {
      year: 2023,
    });
    expect(named.syncs).toBe(1);
    expect(named.findings.map((f) => [f.rule, f.cell])).toEqual([["date-value", valueCell(BASE, "1.1.3-1")]]);
    // A renamed sheet is found among the others, read with its formats too (it is small).
    const renamed = await validateInExcel(withDate(BASE, "MUP 2023").context() as never, PROGRAMME, {
      year: 2023,
    });
    expect(renamed.findings.map((f) => f.rule)).toContain("date-value");
  });

  test("the previous year's sheet is read in the same sync", async () => {
    const prev = { ...planToCells(buildMonitoringSheetPlan(PROGRAMME, 2022, { values: samples() })) };
    const fake = excelWith(setValue(prev, "1.1.3-1", 100), BASE);
    const r = await validateInExcel(fake.context() as never, PROGRAMME, { year: 2023 });
    expect(fake.syncCount).toBe(1);
    expect(r.findings.map((f) => f.rule)).toEqual(["year-over-year"]);
  });

  test("Fix all writes exactly the fixed cells, in one write batch, and nothing else", async () => {
    let s = setValue(BASE, "1.1.3-1", "1\u202F796");
    s = setValue(s, "2.2.2-1", 76.2);
    s = setValue(s, "3.2.3-1", "83,29 %");
    s = setValue(s, "1.2.1-1", "abc"); // no fix
    s = setValue(s, "1.3.2-2", 500); // relation warning, no fix
    const fake = excelWith(s);
    const r = await validateInExcel(fake.context() as never, PROGRAMME, { year: 2023 });
    const before = fake.syncCount;
    const res = await applyFixes(fake.context() as never, r.findings);
    expect(res.syncs).toBe(fake.syncCount - before);
    expect(res.syncs).toBe(2); // one read (unchanged since validation?), one write
    expect(res.skipped).toEqual([]);
    const written = fake.writes.map((w) => [w.sheet, w.address, w.property, w.value]);
    expect(written).toEqual([
      ["Monitoring 2023", valueCell(BASE, "1.1.3-1"), "values", [[1796]]],
      ["Monitoring 2023", valueCell(BASE, "2.2.2-1"), "values", [[0.762]]],
      ["Monitoring 2023", valueCell(BASE, "3.2.3-1"), "values", [[0.8329]]],
    ]);
    const again = await validateInExcel(fake.context() as never, PROGRAMME, { year: 2023 });
    expect(again.findings.map((f) => f.rule).sort()).toEqual(["not-a-number", "relation"]);
  });

  test("Fix one writes one cell; a cell edited since validation is skipped, not overwritten", async () => {
    let s = setValue(BASE, "1.1.3-1", "1 796");
    s = setValue(s, "2.2.2-1", 76.2);
    const fake = excelWith(s);
    const r = await validateInExcel(fake.context() as never, PROGRAMME, { year: 2023 });
    const one = r.findings.find((f) => f.indicatorId === "1.1.3-1")!;
    await applyFixes(fake.context() as never, [one]);
    expect(fake.writes.map((w) => w.address)).toEqual([valueCell(BASE, "1.1.3-1")]);

    // The user retypes the percent cell after validating: its fix must not be applied.
    const pctCell = valueCell(BASE, "2.2.2-1");
    const { row, col } = parseA1(pctCell);
    fake.sheet("Monitoring 2023")!.set(row, col, 0.5, null);
    const res = await applyFixes(fake.context() as never, r.findings);
    expect(res.skipped.map((f) => f.indicatorId)).toEqual(["2.2.2-1"]);
    expect(fake.writes.map((w) => w.address)).toEqual([valueCell(BASE, "1.1.3-1")]);
  });

  test("a renamed monitoring sheet is found by reading the other sheets (chunked, values only)", async () => {
    const fake = excelWith({ ...setValue(BASE, "1.1.3-1", -1), name: "Kopia" });
    const r = await validateInExcel(fake.context() as never, PROGRAMME, { year: 2023 });
    // 1 sync for the named sheets; then per other sheet 1 for its used range + 1 per chunk (empty Arkusz1: none).
    expect(r.syncs).toBe(4);
    expect(r.findings.map((f) => [f.rule, f.sheet])).toEqual([
      ["layout-sheet-renamed", "Kopia"],
      ["negative", "Kopia"],
    ]);
  });
});
