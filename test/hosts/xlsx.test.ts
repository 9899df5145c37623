import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  isoToSerial,
  readXlsx,
  renderWorkbookPlan,
  writeCellsToWorkbook,
  writeXlsx,
  XlsxReadError,
} from "../../src/hosts/xlsx/render";
import { dateToSerial } from "../../src/hosts/xlsx/read";
import { addPackageParts } from "../../src/hosts/xlsx/charts";
import { emptySheet, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { diffRendered, expectedFromPlan, renderedFromXlsx } from "./planAssertions";
import { richPlan } from "./richPlan";

/** The workbook's bytes; with plans, their charts added to the package as writeXlsx / MemoryWorkbook do. */
async function bytesOf(wb: ExcelJS.Workbook, plans: SheetPlan[] = []): Promise<Uint8Array> {
  return addPackageParts(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), plans);
}

describe("readXlsx", () => {
  test("values are normalised: dates → serials, errors → text, rich text → text, formulas → cached result + formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dane");
    ws.getCell("B2").value = new Date(Date.UTC(2024, 0, 1));
    ws.getCell("C2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("D2").value = { richText: [{ text: "Łódź " }, { font: { bold: true }, text: "Bałuty" }] };
    ws.getCell("E2").value = { formula: "B2+1", result: 45293 } as ExcelJS.CellFormulaValue;
    ws.getCell("F2").value = { text: "strona", hyperlink: "https://example.invalid" };
    ws.getCell("B3").value = 1;
    ws.getCell("C3").value = {
      formula: "B3*2",
      result: 2,
      shareType: "shared",
      ref: "C3:C5",
    } as ExcelJS.CellFormulaValue;
    ws.getCell("B4").value = 2;
    ws.getCell("C4").value = { sharedFormula: "C3", result: 4 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("B5").value = 3;
    ws.getCell("C5").value = { sharedFormula: "C3", result: 6 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("G2").value = "";
    ws.getCell("B3").numFmt = "#,##0";
    const cells = await readXlsx(await bytesOf(wb));
    const s = cells.sheets[0];
    expect(s.name).toBe("Dane");
    expect(s.top).toBe(1);
    expect(s.left).toBe(1);
    expect(s.values[0]).toEqual([45292, "#N/A", "Łódź Bałuty", 45293, "strona"]);
    expect(s.formulas![0][3]).toBe("=B2+1");
    expect(s.values.map((r) => r[1])).toEqual(["#N/A", 2, 4, 6]);
    expect(s.formulas!.map((r) => r[1])).toEqual([null, "=B3*2", "=B4*2", "=B5*2"]);
    expect(s.numberFormats![1][0]).toBe("#,##0");
  });

  test("dates with a time keep the fraction; ISO dates convert to serials", () => {
    expect(dateToSerial(new Date(Date.UTC(2023, 11, 31, 12)))).toBe(45291.5);
    expect(isoToSerial("1970-01-01")).toBe(25569);
    expect(isoToSerial("2023-01-01")).toBe(44927);
  });

  test("unreadable input gives a one-line typed reason", async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [new Uint8Array(0), "empty", /empty/],
      [new TextEncoder().encode("PESEL;Imię\n44051401359;Jan\n"), "not-zip", /not an \.xlsx file/],
      [
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        "encrypted",
        /password|\.xls/,
      ],
      [Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), "damaged", /damaged/],
    ];
    for (const [bytes, reason, msg] of cases) {
      const err = await readXlsx(bytes).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(XlsxReadError);
      expect((err as XlsxReadError).reason).toBe(reason);
      expect((err as XlsxReadError).message).toMatch(msg);
      expect((err as XlsxReadError).message).not.toContain("\n");
    }
  });
});

describe("renderWorkbookPlan", () => {
  test("re-rendering into the same workbook replaces the plan's sheets, keeps others and their order", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Moje").getCell("A1").value = "notatka";
    const plan = richPlan();
    renderWorkbookPlan(plan, wb);
    const first = await renderedFromXlsx(await bytesOf(wb, plan.sheets), plan);
    renderWorkbookPlan(plan, wb);
    const bytes = await bytesOf(wb, plan.sheets);
    const second = await renderedFromXlsx(bytes, plan);
    expect(second).toEqual(first);
    expect(diffRendered(expectedFromPlan(plan), second, "xlsx")).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(bytes) as never);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Moje", "Monitoring 2023", "Słowniki", "Uczestnicy"]);
    expect(back.getWorksheet("Moje")!.getCell("A1").value).toBe("notatka");
  }, 30_000);

  test("a text starting with = stays text; a formula is a formula", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          ...emptySheet("S"),
          blocks: [{ row: 0, col: 0, values: [["=A2", null]], formulas: [[null, "=1+1"]] }],
        },
      ],
      names: [],
    };
    const cells = await readXlsx(await writeXlsx(plan));
    expect(cells.sheets[0].values[0][0]).toBe("=A2");
    expect(cells.sheets[0].formulas![0]).toEqual([null, "=1+1"]);
  });

  test("the written file is a valid zip with the defined names verbatim (no per-cell expansion)", async () => {
    const bytes = await writeXlsx(richPlan());
    expect(bytes[0]).toBe(0x50);
    const rendered = await renderedFromXlsx(bytes, richPlan());
    expect(rendered.names).toEqual({
      ListaTak: "=Słowniki!$A$2:$A$4",
      Prog: "='Monitoring 2023'!$B$4",
      PeselKol: "=Uczestnicy!$A$2:$A$100000",
    });
  });

  test("every font of the styles names the body face: a bold or sized cell is not left to the reader's default", async () => {
    const plan = richPlan();
    plan.sheets[0].formats.push(
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: "A2", style: { italic: true, fontColor: "#595959" } },
    );
    const zip = await JSZip.loadAsync(await writeXlsx(plan));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    // The cell fonts (<fonts>; the conditional formats' <dxfs> fonts are partial by design).
    const cellFonts = /<fonts[^>]*>(.*?)<\/fonts>/.exec(styles)![1];
    const fonts = [...cellFonts.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(2);
    for (const f of fonts) expect({ f, named: /<name val="Calibri"\/>/.test(f) }).toEqual({ f, named: true });
    expect(fonts.some((f) => /<b\/>/.test(f) && /<sz val="14"\/>/.test(f))).toBe(true);
  });
});

describe("writeCellsToWorkbook", () => {
  test("writes only the given cells and keeps their formats", async () => {
    const plan = richPlan();
    const wb = renderWorkbookPlan(plan);
    writeCellsToWorkbook(wb, "Monitoring 2023", [
      { address: "$B$4", value: 1800 },
      { address: "C7", formula: "=B4*2" },
    ]);
    const after = await renderedFromXlsx(await bytesOf(wb, plan.sheets), plan);
    const expected = expectedFromPlan(plan);
    expected.sheets["Monitoring 2023"].cells.B4 = { value: 1800 };
    expected.sheets["Monitoring 2023"].cells.C7 = { formula: "=B4*2" };
    expect(diffRendered(expected, after, "fixed")).toEqual([]);
    expect(() => writeCellsToWorkbook(wb, "Brak", [])).toThrow(/"Brak"/);
  });
});
