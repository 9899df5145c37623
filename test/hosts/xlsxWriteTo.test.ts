/**
 * The standalone page's workbook written as a stream (MemoryWorkbook.writeTo: ExcelJS's writer part by part
 * into the streaming zip writer, charts and column breaks edited in on the way) is the same workbook as
 * ExcelJS's whole-package writer + addPackageParts gives: the same parts with the same XML (cells, shared
 * formulas, styles, validations, names, tables, print set-up, charts), read back cell for cell, in every
 * compression mode; and the package is handed over in many chunks, never in one piece.
 */
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { emptySheet, SheetPlan } from "../../src/workbook/plan";
import { chartsFromXlsx } from "./xlsxCharts";
import { criteriaPlan, expectSameWorkbook, parts } from "./writeToHelpers";
import { richPlan } from "./richPlan";

jest.setTimeout(60_000);

describe("MemoryWorkbook.writeTo (streamed .xlsx)", () => {
  test("a criteria workbook (register with column formulas, criteria, dictionaries, names): the same parts", async () => {
    const plan = criteriaPlan(300);
    const mem = MemoryWorkbook.empty("kryteria.xlsx");
    mem.writePlans(plan.sheets, plan.names);
    const bytes = await expectSameWorkbook(mem);
    const zip = await parts(bytes);
    const sheets = [...zip.entries()].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const shared = sheets.map(([, x]) => (x.match(/t="shared"/g) ?? []).length);
    expect(Math.max(...shared)).toBeGreaterThan(100);
    expect(sheets.some(([, x]) => x.includes("<dataValidation "))).toBe(true);
    expect([...zip.keys()].some((n) => n.startsWith("xl/tables/"))).toBe(true);
    expect(zip.get("xl/workbook.xml")).toContain("<definedName");
    const back = await readXlsx(bytes);
    expect(back.sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
  });

  test("a file the user opened, with plans written into it (charts, print set-up): other sheets kept, same parts", async () => {
    const opened = await writeXlsx({
      sheets: [
        { ...emptySheet("Notatki"), blocks: [{ row: 0, col: 0, values: [["moje notatki", 1796]] }] },
        ...criteriaPlan(40).sheets,
      ],
      names: criteriaPlan(40).names,
    });
    const mem = await MemoryWorkbook.open("projekt.xlsx", opened);
    const rich = richPlan();
    const main = rich.sheets[0];
    const withBreaks: SheetPlan = { ...main, print: { ...main.print!, colBreaks: [3] } };
    // A chart on a sheet that has tables too: its rels part already exists and gets the drawing added.
    const reg = rich.sheets[2];
    const regChart: SheetPlan = {
      ...reg,
      charts: [
        { type: "line", title: "Wiek", dataRange: "A1:B3", seriesBy: "columns", from: "I2", to: "O12" },
      ],
    };
    mem.writePlans([withBreaks, rich.sheets[1], regChart], rich.names);
    const bytes = await expectSameWorkbook(mem);
    const zip = await parts(bytes);
    expect([...zip.keys()]).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]),
    );
    expect(await chartsFromXlsx(bytes)).toEqual(
      new Map([
        [main.name, [expect.objectContaining({ title: "Wartości", dataRange: "A3:B5" })]],
        [reg.name, [expect.objectContaining({ title: "Wiek", dataRange: "A1:B3" })]],
      ]),
    );
    const regRels = [...zip.entries()].find(
      ([n, x]) => n.startsWith("xl/worksheets/_rels/") && x.includes("/table") && x.includes("/drawing"),
    );
    expect(regRels).toBeDefined();
    const withColBreaks = [...zip.entries()].filter(([, x]) => x.includes("<colBreaks"));
    expect(withColBreaks.length).toBe(1);
    expect(withColBreaks[0][1]).toContain('<colBreaks count="1" manualBreakCount="1"><brk id="3"');
    expect(withColBreaks[0][1]).toContain("<drawing r:id=");
    const back = await readXlsx(bytes);
    expect(back.sheets.find((s) => s.name === "Notatki")!.values).toEqual([["moje notatki", 1796]]);
  });

  test.each(["deflate-zlib", "store"] as const)(
    "compression %s: the same workbook read back",
    async (mode) => {
      const plan = criteriaPlan(30);
      const mem = MemoryWorkbook.empty("kryteria.xlsx");
      mem.writePlans(plan.sheets, plan.names);
      const [x, y] = await Promise.all([
        mem.toBytes({ compression: mode }).then(readXlsx),
        mem.toBytes().then(readXlsx),
      ]);
      expect(x).toEqual(y);
    },
  );
});
