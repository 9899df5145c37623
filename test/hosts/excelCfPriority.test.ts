/**
 * Issue 18, defect 5 (acceptance: "the CF priorities in Excel equal the .xlsx file's"): the conditional formats
 * the Office.js renderer leaves in Excel (where `conditionalFormats.add` puts each new one first) are in the
 * priority order of the .xlsx file the ExcelJS renderer writes for the same plan, read back from the file.
 */
import ExcelJS from "exceljs";
import { renderSheetPlans } from "../../src/hosts/excel/render";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { FakeExcel } from "../fakes/excelFake";
import { richPlan } from "./richPlan";

test("conditional-format priorities in Excel equal the .xlsx file's, sheet by sheet", async () => {
  const plan = richPlan();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeXlsx(plan)) as never);
  const fake = new FakeExcel();
  await renderSheetPlans(fake.context() as never, plan.sheets, plan.names);
  let compared = 0;
  for (const p of plan.sheets) {
    const ws = wb.getWorksheet(p.name)!;
    const rules = (
      ws as unknown as { conditionalFormattings: { rules: { priority: number; formulae?: string[] }[] }[] }
    ).conditionalFormattings
      .flatMap((c) => c.rules)
      .sort((a, b) => a.priority - b.priority)
      .map((r) => `=${r.formulae?.[0]}`);
    const excel = fake.sheet(p.name)!.conditionalFormats.map((c) => c.formula);
    expect(excel).toEqual(rules);
    compared += rules.length;
  }
  expect(compared).toBeGreaterThan(1);
});
