import { PROGRAMME } from "../../src/domain/programme/programme";
import { renderSheetPlans } from "../../src/hosts/excel/render";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { CellValue, WorkbookPlan } from "../../src/workbook/plan";
import { FakeExcel } from "../fakes/excelFake";
import { expectRenderingsMatchPlan } from "./planAssertions";

function samples(): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) m.set(i.id, i.sample2023);
  return m;
}

describe("the monitoring layout through both renderers", () => {
  test.each([2021, 2023, 2027])(
    "year %i: same cells, values, formats; Office.js in at most 2 syncs",
    async (year) => {
      const sheet = buildMonitoringSheetPlan(PROGRAMME, year, year === 2023 ? { values: samples() } : {});
      const plan: WorkbookPlan = { sheets: [sheet], names: [] };
      const bytes = await writeXlsx(plan);
      const fake = new FakeExcel();
      const report = await renderSheetPlans(fake.context() as never, plan.sheets, plan.names);
      expect(fake.syncCount).toBeLessThanOrEqual(2);
      expect(report.syncs).toBe(fake.syncCount);
      for (const r of fake.requests) expect(r.bytes).toBeLessThan(4_000_000);
      await expectRenderingsMatchPlan(plan, bytes, fake);
    },
  );
});
