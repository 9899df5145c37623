/** Helpers of the streamed-writer tests: the criteria workbook, today's writer, and the part-by-part comparison. */
import ExcelJS from "exceljs";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { addPackageParts } from "../../src/hosts/xlsx/charts";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { ChunkSink } from "../../src/hosts/xlsx/zipWriter";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { readRegisterWorkbook } from "../../src/workbook/register/reader";
import { registerTableRows } from "../../src/workbook/register/rows";
import { participants, registerRows } from "../fixtures/summary/projects";
import { chartsFromXlsx } from "./xlsxCharts";

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

export async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

export async function expectSameWorkbook(mem: MemoryWorkbook): Promise<Uint8Array> {
  const sink = new ChunkSink();
  const xlsx = (mem as unknown as { wb: ExcelJS.Workbook }).wb.xlsx;
  const whole = jest.spyOn(xlsx, "writeBuffer");
  const sheets = jest.spyOn(xlsx as unknown as { addWorksheets: () => Promise<void> }, "addWorksheets");
  await mem.writeTo(sink);
  // Part by part (one call per worksheet), not ExcelJS's whole-package writer.
  expect(whole).not.toHaveBeenCalled();
  expect(sheets).toHaveBeenCalledTimes(mem.sheetNames().length);
  whole.mockRestore();
  sheets.mockRestore();
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
