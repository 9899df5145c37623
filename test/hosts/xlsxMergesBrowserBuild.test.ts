/**
 * The page's bundle resolves ExcelJS to its browser build (dist/exceljs.min.js, a bundle of its own): the
 * overlapping-merges repair must reach that build's worksheets too.
 */
jest.mock("exceljs", () => jest.requireActual("exceljs/dist/exceljs.min.js"));

import ExcelJS from "exceljs";
import { readXlsx } from "../../src/hosts/xlsx/read";

test("ExcelJS's browser build: a file with overlapping merges is read", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Arkusz1");
  ws.getCell("C3").value = 7;
  ws.mergeCells("A1:B2");
  ws.mergeCells("C4:D4");
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  // "C4:D4" → "B2:C3": overlaps A1:B2.
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(buf);
  const xml: string = await zip.file("xl/worksheets/sheet1.xml").async("string");
  zip.file("xl/worksheets/sheet1.xml", xml.replace('ref="C4:D4"', 'ref="B2:C3"'));
  const bytes: Uint8Array = await zip.generateAsync({ type: "uint8array" });
  const read = await readXlsx(bytes);
  const sheet = read.sheets[0];
  expect([sheet.top, sheet.left, sheet.values[0][0]]).toEqual([2, 2, 7]);
});
