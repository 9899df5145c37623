/**
 * The Office.js renderer creates the check workbook (criteria sheet, register table with N rows, hidden
 * Słowniki) on the recording fake in a number of syncs that does not depend on N except for the chunked
 * data writes, each request estimated under 4 MB; and it writes exactly what the plan says.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { sampleParticipants } from "../../src/domain/card/sample";
import { Card } from "../../src/domain/card/types";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";
import { participantToValues } from "../../src/domain/register/toRow";
import { chunkBlock, renderSheetPlans } from "../../src/hosts/excel/render";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { CellValue, WorkbookPlan } from "../../src/workbook/plan";
import { FakeExcel } from "../fakes/excelFake";
import { diffRendered, expectedFromPlan, renderedFromFake } from "./planAssertions";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

function plan(n: number): WorkbookPlan {
  const rows: CellValue[][] = [];
  let i = 0;
  for (const p of sampleParticipants(n, 3)) {
    const v = participantToValues(p, ++i);
    rows.push(REGISTER_COLUMNS.map((c) => v[c.key]));
  }
  return buildCheckWorkbookPlan(card, { rows, asOf: 45658 });
}

async function render(n: number) {
  const p = plan(n);
  const fake = new FakeExcel();
  const report = await renderSheetPlans(fake.context() as never, p.sheets, p.names, { supports: () => true });
  const chunks = p.sheets.reduce((a, s) => a + s.blocks.reduce((b, bl) => b + chunkBlock(bl).length, 0), 0);
  return { p, fake, report, chunks };
}

describe("register + criteria through Office.js (recording fake)", () => {
  test("10 rows: what Excel receives is the plan", async () => {
    const { p, fake } = await render(10);
    expect(diffRendered(expectedFromPlan(p), renderedFromFake(fake, p), "check workbook")).toEqual([]);
  });

  test("2 syncs for a small register; beyond that one more per 4 MB data chunk, whatever N; every request < 4 MB", async () => {
    const overhead: number[] = [];
    for (const n of [10, 10_000, 100_000]) {
      const { fake, report, chunks } = await render(n);
      expect(report.syncs).toBe(fake.syncCount);
      expect(fake.maxRequestBytes).toBeLessThan(4_000_000);
      overhead.push(fake.syncCount - chunks);
      if (n === 10) expect(fake.syncCount).toBe(2);
      if (n === 100_000) expect(chunks).toBeGreaterThan(3); // the register really is split
    }
    // Small chunks share a request (10 rows: fewer syncs than chunks); large registers add one sync per chunk.
    expect(overhead[1]).toBe(overhead[2]);
    for (const o of overhead) expect(o).toBeLessThanOrEqual(0);
  }, 120_000);
});
