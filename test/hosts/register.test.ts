/**
 * The Office.js renderer creates the check workbook (criteria sheet, register table with N rows, hidden
 * Słowniki) on the recording fake. The register's derived columns are column formulas: written once per
 * table column, Excel fills the calculated column (the fake does so while its AutoCorrect switch is on),
 * the renderer reads back a sample, and writes the columns row by row (R1C1) when Excel did not fill
 * them. Both paths leave exactly the spelled-out formulas of the plan; every request stays under 4 MB.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { sampleParticipants } from "../../src/domain/card/sample";
import { Card } from "../../src/domain/card/types";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";
import { participantToValues } from "../../src/domain/register/toRow";
import { chunkBlock, renderSheetPlans } from "../../src/hosts/excel/render";
import { a1 } from "../../src/workbook/address";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { DERIVED_INDEX, DERIVED_KEYS } from "../../src/workbook/register/layout";
import { derivedFormulas } from "../../src/workbook/register/plan";
import { CellValue, WorkbookPlan } from "../../src/workbook/plan";
import { FakeExcel } from "../fakes/excelFake";
import { diffRendered, expectedFromPlan, renderedFromFake } from "./planAssertions";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

const SAMPLE: CellValue[][] = [];
for (const p of sampleParticipants(500, 3)) {
  const v = participantToValues(p, SAMPLE.length + 1);
  SAMPLE.push(REGISTER_COLUMNS.map((c) => v[c.key]));
}

/** The check workbook of n participants (the 500 sample rows repeated: the renderer does not care). */
function plan(n: number): WorkbookPlan {
  const rows = Array.from({ length: n }, (_x, i) => SAMPLE[i % SAMPLE.length]);
  return buildCheckWorkbookPlan(card, { rows, asOf: 45658 });
}

async function render(p: WorkbookPlan, fill = true, maxRequestBytes?: number) {
  const fake = new FakeExcel();
  fake.fillTableFormulas = fill;
  const report = await renderSheetPlans(fake.context() as never, p.sheets, p.names, {
    supports: () => true,
    maxRequestBytes,
  });
  return { fake, report };
}

/** Every derived cell of the fake's register holds the formula derivedFormulas() spells out for its row. */
function expectSpelledOut(fake: FakeExcel, n: number): void {
  const sheet = fake.sheet("Uczestnicy")!;
  const wrong: string[] = [];
  for (let r = 1; r <= n; r++) {
    const f = derivedFormulas(r + 1);
    for (const k of DERIVED_KEYS) {
      const got = sheet.get(r, DERIVED_INDEX.get(k)!).formula;
      if (got !== f[k]) wrong.push(`${a1(r, DERIVED_INDEX.get(k)!)} ${k}: ${String(got).slice(0, 60)}`);
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
}

describe("register + criteria through Office.js (recording fake)", () => {
  test.each([
    ["Excel fills the calculated columns", true],
    ["AutoCorrect off: written row by row", false],
  ])("30 rows, %s: what Excel holds is the plan, formula for formula", async (_label, fill) => {
    const p = plan(30);
    const { fake, report } = await render(p, fill);
    expect(diffRendered(expectedFromPlan(p), renderedFromFake(fake, p), "check workbook")).toEqual([]);
    expectSpelledOut(fake, 30);
    expect(report.calculatedColumns).toEqual(
      fill
        ? { filled: DERIVED_KEYS.length, writtenPerRow: 0 }
        : { filled: 0, writtenPerRow: DERIVED_KEYS.length },
    );
    // Calculated path: one formula per derived column is sent, never one per row.
    const formulaWrites = fake.writes.filter((w) => w.sheet === "Uczestnicy" && /^formulas/.test(w.property));
    if (fill) expect(formulaWrites).toHaveLength(DERIVED_KEYS.length);
    else expect(formulaWrites.some((w) => w.property === "formulasR1C1")).toBe(true);
  });

  test("AutoCorrect off, small requests: the per-row fallback is chunked, every request under the limit", async () => {
    const p = plan(400);
    const { fake, report } = await render(p, false, 200_000);
    expect(report.calculatedColumns?.writtenPerRow).toBe(DERIVED_KEYS.length);
    expect(fake.maxRequestBytes).toBeLessThan(200_000);
    expect(fake.writes.filter((w) => w.property === "formulasR1C1").length).toBeGreaterThan(3);
    expectSpelledOut(fake, 400);
  });

  test("derived columns add one request (the read-back) whatever N", async () => {
    for (const n of [10, 5_000]) {
      const p = plan(n);
      const { fake, report } = await render(p);
      expect(report.syncs).toBe(fake.syncCount);
      expect(report.calculatedColumns?.filled).toBe(DERIVED_KEYS.length);
      const bare = { ...p, sheets: p.sheets.map((s) => ({ ...s, columnFormulas: [] })) };
      const { fake: bareFake } = await render(bare);
      expect(fake.syncCount - bareFake.syncCount).toBe(1);
      if (n === 10) expect(fake.syncCount).toBe(3);
    }
  });

  test("100 000 rows: every request < 4 MB; the calculated columns reach the last row", async () => {
    const p = plan(100_000);
    const { fake, report } = await render(p);
    expect(report.calculatedColumns?.filled).toBe(DERIVED_KEYS.length);
    expect(fake.maxRequestBytes).toBeLessThan(4_000_000);
    const chunks = p.sheets.reduce((a, s) => a + s.blocks.reduce((b, bl) => b + chunkBlock(bl).length, 0), 0);
    expect(chunks).toBeGreaterThan(1); // the input values really are split
    expect(fake.syncCount).toBeLessThanOrEqual(chunks + 3);
    expect(fake.sheet("Uczestnicy")!.get(100_000, DERIVED_INDEX.get("rowStatus")!).formula).toBe(
      derivedFormulas(100_001).rowStatus,
    );
  }, 120_000);
});
