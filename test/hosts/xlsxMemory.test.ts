/**
 * The in-memory workbook of the standalone page: defined names are kept verbatim (not expanded cell by
 * cell, which made reading a register with 100 000-row names take ~45 s), survive a re-save, and a
 * workbook's other sheets stay when plans are written into it.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { anchoredPrintArea } from "../../src/hosts/xlsx/names";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { emptySheet } from "../../src/workbook/plan";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{ file(n: string): { async(t: "string"): Promise<string> } | null }>;
};

async function workbookXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("xl/workbook.xml")!.async("string");
}

const card = builtinCard(DEFAULT_CARD_ID) as Card;

describe("MemoryWorkbook", () => {
  test("names of a register survive open → write another sheet → save, verbatim", async () => {
    const plan = buildCheckWorkbookPlan(card, { rows: [], asOf: 45658, lang: "pl" });
    const bytes = await writeXlsx(plan);
    const wb = await MemoryWorkbook.open("rejestr.xlsx", bytes);
    // Stored as written, not as a per-cell matrix.
    const model = (wb as unknown as { wb: { definedNames: { model: { name: string; ranges: string[] }[] } } })
      .wb.definedNames.model;
    expect(model.map((n) => n.name).sort()).toEqual(plan.names.map((n) => n.name).sort());
    wb.writePlans([{ ...emptySheet("Notatki"), blocks: [{ row: 0, col: 0, values: [["x"]] }] }], []);
    const xml = await workbookXml(await wb.toBytes());
    for (const n of plan.names) {
      const ref = n.refersTo.replace(/^=/, "").replace(/'/g, "&apos;");
      expect(xml).toContain(`name="${n.name}">${ref}</definedName>`);
    }
    expect(wb.sheetNames()).toEqual([...plan.sheets.map((s) => s.name), "Notatki"]);
  });

  test("a monitoring sheet's print area survives open → fix a value → save (anchored, not $A1:$H64)", async () => {
    const plan = buildMonitoringSheetPlan(PROGRAMME, 2023);
    const wb = await MemoryWorkbook.open(
      "monitoring-2023.xlsx",
      await writeXlsx({ sheets: [plan], names: [] }),
    );
    wb.writeCells("Monitoring 2023", [{ address: "E4", value: 800 }]);
    const xml = await workbookXml(await wb.toBytes());
    // `$A1:$H64` (ExcelJS's own write of what it read) is no print area to LibreOffice: the whole sheet printed,
    // the code column too. Written as the plan has it, the table prints as laid out.
    const area = plan.print!.printArea!;
    expect(xml).toContain(`name="_xlnm.Print_Area" localSheetId="0">&apos;Monitoring 2023&apos;!${area}<`);
    expect(anchoredPrintArea("A1:H64&&J2:K3")).toBe("A$1:H$64&&J$2:K$3");
  });

  test("a .csv opens as the Uczestnicy sheet with its cells as text, like the CLI reads it", async () => {
    const csv = new TextEncoder().encode("Imię;Nazwisko;PESEL\r\nAnna;Nowak;02270803628\r\n");
    const wb = await MemoryWorkbook.open("lista.csv", csv);
    expect(wb.fileName).toBe("lista.xlsx");
    expect(wb.readSheet("uczestnicy")!.values).toEqual([
      ["Imię", "Nazwisko", "PESEL"],
      ["Anna", "Nowak", "02270803628"],
    ]);
    expect(wb.cellValue("Uczestnicy", "C2")).toBe("02270803628");
  });
});
