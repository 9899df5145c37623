/**
 * A package that passes the zip checks but that ExcelJS cannot read (a shared-string index past the table,
 * a truncated sheet part): the message says what to do first, in Polish by default; ExcelJS's JavaScript
 * error text is only the technical detail at the end.
 */
import ExcelJS from "exceljs";
import { readXlsx, XlsxReadError } from "../../src/hosts/xlsx/read";
import { openFailureReason } from "../../src/taskpane/standaloneHost";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{
    file(name: string): { async(t: "string"): Promise<string> } | null;
    file(name: string, data: string): void;
    generateAsync(o: { type: "uint8array" }): Promise<Uint8Array>;
  }>;
};

async function withSheetXml(edit: (xml: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Uczestnicy").addRow(["Imię", "Nazwisko"]);
  const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const part = "xl/worksheets/sheet1.xml";
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "uint8array" });
}

const cases: [string, (xml: string) => string][] = [
  [
    "a shared-string index past the table",
    (x) => x.replace(/<c r="A1"([^>]*)><v>\d+<\/v>/, '<c r="A1"$1><v>99</v>'),
  ],
  ["a truncated sheet part", () => '<?xml version="1.0"?><worksheet><sheetData><row'],
];

test.each(cases)("%s: what to do, then the technical detail", async (_name, edit) => {
  const bytes = await withSheetXml(edit);
  const e = await readXlsx(bytes).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(XlsxReadError);
  const err = e as XlsxReadError;
  expect(err.reason).toBe("damaged");
  expect(err.pl).toMatch(
    /^uszkodzony plik \.xlsx — nie da się go odczytać: otwórz go w Excelu .* zapisz ponownie jako \.xlsx \(szczegóły techniczne: .+\)$/,
  );
  expect(err.message).toMatch(
    /^damaged or unsupported \.xlsx file — .*save it again as \.xlsx \(technical detail: .+\)$/,
  );
  // The pane shows the reader's own Polish text.
  expect(openFailureReason(err).pl).toBe(err.pl);
});
