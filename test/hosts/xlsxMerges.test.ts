/**
 * A file with two merged ranges that share a cell (Excel never writes one; report writers and scripts do):
 * ExcelJS refused the whole file ("Cannot merge already merged cells", shown in English as "damaged"). It is
 * read as Excel repairs it — the first merge kept, the later dropped — with every value in place.
 */
import ExcelJS from "exceljs";
import { loadXlsx, readXlsx } from "../../src/hosts/xlsx/read";
import { droppedMerges } from "../../src/hosts/xlsx/merges";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{
    file(name: string): { async(t: "string"): Promise<string> } | null;
    file(name: string, data: string): void;
    generateAsync(o: { type: "uint8array" }): Promise<Uint8Array>;
  }>;
};

/** A workbook whose first sheet's merges are `merges` as written in the XML (ExcelJS would not write them). */
async function withMerges(merges: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Arkusz1");
  ws.getCell("A1").value = "Tytuł";
  ws.getCell("C3").value = 42;
  ws.getCell("D4").value = "ostatni";
  ws.mergeCells("E5:F5"); // so that the sheet has a <mergeCells> element to replace
  const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  const list = merges.map((m) => `<mergeCell ref="${m}"/>`).join("");
  const next = xml.replace(
    /<mergeCells[^>]*>.*?<\/mergeCells>/,
    `<mergeCells count="${merges.length}">${list}</mergeCells>`,
  );
  expect(next).not.toBe(xml);
  zip.file(part, next);
  return zip.generateAsync({ type: "uint8array" });
}

test("overlapping merges: the file is read, values kept, the later merge dropped as Excel repairs it", async () => {
  const bytes = await withMerges(["A1:B2", "B2:C3", "D4:E4", "E4:E6"]);
  const wb = await readXlsx(bytes);
  const sheet = wb.sheets[0];
  expect(sheet.values[0][0]).toBe("Tytuł");
  expect(sheet.values[2][2]).toBe(42);
  expect(sheet.values[3][3]).toBe("ostatni");
  const loaded = await loadXlsx(bytes);
  const ws = loaded.getWorksheet("Arkusz1")!;
  expect(droppedMerges(ws)).toEqual(["B2:C3", "E4:E6"]);
  expect(ws.getCell("B2").isMerged).toBe(true);
  expect(ws.getCell("A1").isMerged).toBe(true);
  expect(ws.getCell("C3").isMerged).toBe(false);
});

test("merges that do not overlap are all kept (nothing dropped)", async () => {
  const loaded = await loadXlsx(await withMerges(["A1:B2", "C3:D3"]));
  const ws = loaded.getWorksheet("Arkusz1")!;
  expect(droppedMerges(ws)).toEqual([]);
  expect(ws.getCell("D3").isMerged).toBe(true);
});

test("the standalone page opens such a file and saves it without the dropped merge", async () => {
  const mem = await MemoryWorkbook.open("raport.xlsx", await withMerges(["A1:B2", "B2:C3"]));
  const again = await readXlsx(await mem.toBytes());
  expect(again.sheets[0].values[2][2]).toBe(42);
});
