import { renderSheetPlans } from "../../src/hosts/excel/render";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { FakeExcel } from "../fakes/excelFake";
import {
  diffRendered,
  expectedFromPlan,
  expectRenderingsMatchPlan,
  renderedFromFake,
  renderedFromXlsx,
} from "./planAssertions";
import { richPlan } from "./richPlan";

describe("both renderers write exactly what the plan says", () => {
  test("rich plan: xlsx and Office.js (recording fake) agree with the plan", async () => {
    const plan = richPlan();
    const bytes = await writeXlsx(plan);
    const fake = new FakeExcel();
    const report = await renderSheetPlans(fake.context() as never, plan.sheets, plan.names);
    await expectRenderingsMatchPlan(plan, bytes, fake);
    expect(report.syncs).toBeLessThanOrEqual(2);
    expect(fake.syncCount).toBe(report.syncs);
  });
});

describe("the comparison catches differences", () => {
  type Mutation = [string, (p: ReturnType<typeof richPlan>) => void, RegExp];
  const mutations: Mutation[] = [
    ["a value", (p) => (p.sheets[0].blocks[1].values[1][1] = 1797), /Monitoring 2023!B4 cell/],
    ["a text that looks like a number", (p) => (p.sheets[0].blocks[2].values[0][0] = "0124"), /A9 cell/],
    ["a formula", (p) => (p.sheets[0].blocks[1].formulas![3][1] = "=SUM(B4:B6)"), /B6 cell/],
    ["a number format", (p) => (p.sheets[0].formats[2].style.numberFormat = "0"), /B4 style/],
    ["a border", (p) => (p.sheets[0].formats[1].style.border = "thin"), /A3 style/],
    ["a fill", (p) => (p.sheets[0].formats[1].style.fill = "#FFFFFF"), /A3 style/],
    ["an alignment", (p) => (p.sheets[0].formats[0].style.vAlign = "top"), /A1 style/],
    ["a lock", (p) => delete p.sheets[0].formats[2].style.locked, /B4 style/],
    ["a column width", (p) => (p.sheets[0].columns[0].width = 31), /columns/],
    ["a hidden row", (p) => (p.sheets[0].rows![1].hidden = false), /rows/],
    ["a merge", (p) => (p.sheets[0].merges[1] = "A12:C13"), /merges/],
    [
      "a list source",
      (p) => ((p.sheets[0].validations[2].rule as { source: string }).source = "=Słowniki!$A$2:$A$5"),
      /E4 validation/,
    ],
    ["an error alert", (p) => (p.sheets[0].validations[0].error!.style = "warning"), /B4 validation/],
    [
      "a date bound",
      (p) => ((p.sheets[0].validations[3].rule as { max: string }).max = "2027-12-30"),
      /B7 validation/,
    ],
    [
      "a conditional format",
      (p) => (p.sheets[0].conditionalFormats[0].formula = "=C4>0.5"),
      /conditionalFormats/,
    ],
    ["a table", (p) => (p.sheets[2].tables[0].range = "A1:C4"), /tables/],
    ["freeze panes", (p) => (p.sheets[0].freeze = { rows: 2, columns: 1 }), /freeze/],
    ["print titles", (p) => (p.sheets[0].print!.printTitleRows = "$4:$4"), /print/],
    ["a footer", (p) => (p.sheets[0].print!.centerFooter = "&P"), /print/],
    ["a left footer", (p) => (p.sheets[0].print!.leftFooter = "&D &P"), /print/],
    ["page 1's own header", (p) => (p.sheets[0].print!.firstPageHeader = "Tytuł"), /print/],
    ["no page 1 header of its own", (p) => delete p.sheets[0].print!.firstPageHeader, /print/],
    ["visibility", (p) => (p.sheets[1].visibility = "visible"), /visible/],
    ["tab colour", (p) => (p.sheets[0].tabColor = "#000001"), /tabColor/],
    ["a name", (p) => (p.names[1].refersTo = "='Monitoring 2023'!$B$5"), /name Prog/],
    ["a chart", (p) => (p.sheets[0].charts![0].title = "Inny"), /charts/],
    ["a chart's data", (p) => (p.sheets[0].charts![0].dataRange = "A3:B6"), /charts/],
    ["a print area", (p) => (p.sheets[0].print!.printArea = "$A$1:$F$21"), /print/],
    ["print title columns", (p) => (p.sheets[0].print!.printTitleColumns = "$A:$B"), /print/],
  ];
  test.each(mutations)("%s", async (_label, mutate, where) => {
    const plan = richPlan();
    const bytes = await writeXlsx(plan);
    const fake = new FakeExcel();
    await renderSheetPlans(fake.context() as never, plan.sheets, plan.names);
    const changed = richPlan();
    mutate(changed);
    const expected = expectedFromPlan(changed);
    const office = diffRendered(expected, renderedFromFake(fake, changed), "office.js");
    expect(office.join("\n")).toMatch(where);
    const xlsx = diffRendered(expected, await renderedFromXlsx(bytes, changed), "xlsx");
    expect(xlsx.join("\n")).toMatch(where);
  });
});
