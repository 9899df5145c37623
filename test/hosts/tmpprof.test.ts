import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { sampleParticipants } from "../../src/domain/card/sample";
import { Card } from "../../src/domain/card/types";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";
import { participantToValues } from "../../src/domain/register/toRow";
import { renderSheetPlans } from "../../src/hosts/excel/render";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { CellValue } from "../../src/workbook/plan";
import { FakeExcel } from "../fakes/excelFake";
test("prof", async () => {
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  let t = Date.now();
  const rows: CellValue[][] = [];
  let i = 0;
  for (const p of sampleParticipants(100000, 3)) {
    const v = participantToValues(p, ++i);
    rows.push(REGISTER_COLUMNS.map((c) => v[c.key]));
  }
  console.log("gen", Date.now() - t); t = Date.now();
  const p = buildCheckWorkbookPlan(card, { rows, asOf: 45658 });
  console.log("plan", Date.now() - t); t = Date.now();
  const bare = { ...p, sheets: p.sheets.map((s) => ({ ...s, columnFormulas: [] })) };
  let fake = new FakeExcel();
  await renderSheetPlans(fake.context() as never, bare.sheets, p.names, { supports: () => true });
  console.log("bare", Date.now() - t); t = Date.now();
  fake = new FakeExcel();
  await renderSheetPlans(fake.context() as never, p.sheets, p.names, { supports: () => true });
  console.log("full", Date.now() - t); t = Date.now();
}, 600000);
