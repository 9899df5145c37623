/**
 * The standalone page's workbook written as a stream (MemoryWorkbook.writeTo: ExcelJS's writer part by part
 * into the streaming zip writer, charts and column breaks edited in on the way) is the same workbook as
 * ExcelJS's whole-package writer + addPackageParts gives: the same parts with the same XML (cells, shared
 * formulas, styles, validations, names, tables, print set-up, charts), read back cell for cell, in every
 * compression mode; and the package is handed over in many chunks, never in one piece.
 */
import ExcelJS from "exceljs";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { addPackageParts } from "../../src/hosts/xlsx/charts";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { ChunkSink } from "../../src/hosts/xlsx/zipWriter";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { emptySheet, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { readRegisterWorkbook } from "../../src/workbook/register/reader";
import { registerTableRows } from "../../src/workbook/register/rows";
import { participants, registerRows } from "../fixtures/summary/projects";
import { chartsFromXlsx } from "./xlsxCharts";
import { richPlan } from "./richPlan";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{
    files: Record<string, { dir: boolean }>;
    file(n: string): { async(t: "string"): Promise<string> } | null;
  }>;
};

const card = builtinCard(DEFAULT_CARD_ID) as Card;

/** The criteria workbook of `n` participants (register with its column formulas, criteria, dictionaries). */
export function criteriaPlan(n: number): WorkbookPlan {
  const rows = readRegisterWorkbook({
    sheets: [{ name: "L", top: 0, left: 0, values: registerRows(participants(n, 4)) }],
  }).rows;
  return buildCheckWorkbookPlan(card, { rows: registerTableRows(rows), asOf: 45658 });
}

/** Today's writer: ExcelJS's whole package (JSZip), then the charts added by re-opening it. */
async function wholePackage(mem: MemoryWorkbook): Promise<Uint8Array> {
  const inner = mem as unknown as { wb: ExcelJS.Workbook; packaged: Map<string, SheetPlan> };
  const buf = await inner.wb.xlsx.writeBuffer();
  return addPackageParts(new Uint8Array(buf as ArrayBuffer), [...inner.packaged.values()]);
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

async function expectSameWorkbook(mem: MemoryWorkbook): Promise<Uint8Array> {
  const sink = new ChunkSink();
  await mem.writeTo(sink);
  const streamed = sink.bytes();
  // Handed over part by part (headers, compressed pieces, directory), not as one package.
  expect(sink.chunks.length).toBeGreaterThan(20);
  expect(Math.max(...sink.chunks.map((c) => c.length))).toBeLessThan(streamed.length / 2);
  const reference = await wholePackage(mem);
  const [a, b] = await Promise.all([parts(streamed), parts(reference)]);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, xml] of b) expect(`${name}: ${a.get(name)}`).toBe(`${name}: ${xml}`);
  const [x, y] = await Promise.all([readXlsx(streamed), readXlsx(reference)]);
  expect(x).toEqual(y);
  expect(await chartsFromXlsx(streamed)).toEqual(await chartsFromXlsx(reference));
  return streamed;
}

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
    mem.writePlans([withBreaks, ...rich.sheets.slice(1)], rich.names);
    const bytes = await expectSameWorkbook(mem);
    const zip = await parts(bytes);
    expect([...zip.keys()]).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]),
    );
    expect(await chartsFromXlsx(bytes)).toEqual(
      new Map([[main.name, [expect.objectContaining({ title: "Wartości", dataRange: "A3:B5" })]]]),
    );
    const sheetXml = [...zip.entries()].find(
      ([n, x]) => n.startsWith("xl/worksheets/sheet") && x.includes("<drawing"),
    )![1];
    expect(sheetXml).toContain('<colBreaks count="1" manualBreakCount="1"><brk id="3"');
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
