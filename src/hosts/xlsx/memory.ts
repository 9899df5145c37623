/**
 * A workbook held in memory (ExcelJS), for the pane opened outside Office: open an .xlsx or .csv the
 * user picked, read its sheets as cell arrays, render plans into it (other sheets are kept as they
 * are), write single cells (validation fixes) and save it back to .xlsx bytes. Works in the browser
 * and in Node; no I/O here.
 */
import ExcelJS from "exceljs";
import { parseRange } from "../../workbook/address";
import type { SheetCells } from "../../workbook/cells";
import { CellValue, emptySheet, NamePlan, SheetPlan } from "../../workbook/plan";
import { csvSheetFromBytes, RegisterReadError } from "../../workbook/register/reader";
import { loadXlsx, normaliseValue, readWorksheetCells, XlsxReadError } from "./read";
import { addPackageParts, needsPackageParts } from "./charts";
import { renderWorkbookPlan, writeCellsToWorkbook, XlsxCellWrite } from "./render";

export { XlsxReadError };

export class MemoryWorkbook {
  /** Sheets already read as cells (reading a 100 000-row sheet takes seconds); dropped on every write. */
  private readonly cache = new Map<string, SheetCells>();
  /**
   * A CSV file's cells as read (with how it was decoded and each record's width, which the register reader
   * checks), returned by readSheet until the sheet is written.
   */
  private readonly csvSheets = new Map<string, SheetCells>();
  /** Plans whose charts / column breaks ExcelJS cannot hold: added to the package on save (./charts.ts). */
  private readonly packaged = new Map<string, SheetPlan>();

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    /** The file name offered when the workbook is saved ("….xlsx"). */
    readonly fileName: string,
  ) {}

  /** A new, empty workbook. */
  static empty(fileName: string): MemoryWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Miernik";
    return new MemoryWorkbook(wb, fileName);
  }

  /**
   * Opens the bytes of an .xlsx, or of a .csv (by its name): a CSV becomes one sheet named as the
   * participant register ("Uczestnicy"), holding the cells as they were read (text stays text, as in
   * `miernik check file.csv`). Throws XlsxReadError (one line, says why) for unreadable input.
   */
  static async open(name: string, bytes: Uint8Array): Promise<MemoryWorkbook> {
    const base = name.replace(/\.[^.]*$/, "") || "miernik";
    if (/\.csv$/i.test(name)) {
      let sheet: SheetCells;
      try {
        sheet = csvSheetFromBytes(bytes);
      } catch (e) {
        if (e instanceof RegisterReadError) throw new XlsxReadError(e.message, "damaged");
        throw e;
      }
      const mem = MemoryWorkbook.empty(`${base}.xlsx`);
      mem.writePlans([{ ...emptySheet(sheet.name), blocks: [{ row: 0, col: 0, values: sheet.values }] }], []);
      mem.csvSheets.set(sheet.name.toLowerCase(), sheet);
      return mem;
    }
    if (/\.xls$/i.test(name))
      throw new XlsxReadError(
        "an old .xls file: save it as .xlsx in Excel or LibreOffice",
        "legacy-xls",
        "stary plik .xls: zapisz go jako .xlsx w Excelu lub LibreOffice",
      );
    if (/\.ods$/i.test(name))
      throw new XlsxReadError(
        "an OpenDocument spreadsheet (.ods): save it as .xlsx in LibreOffice (File → Save As)",
        "ods",
        "arkusz OpenDocument (.ods): zapisz go jako .xlsx w LibreOffice (Plik → Zapisz jako)",
      );
    const mem = new MemoryWorkbook(await loadXlsx(bytes), /\.xlsx$/i.test(name) ? name : `${base}.xlsx`);
    // Every sheet is read once now, so a sheet beyond the reader's limits fails here, at opening.
    for (const sheet of mem.sheetNames()) mem.readSheet(sheet);
    return mem;
  }

  /** Sheet names in workbook order (hidden ones included). */
  sheetNames(): string[] {
    return this.wb.worksheets
      .slice()
      .sort(
        (a, b) =>
          (a as unknown as { orderNo: number }).orderNo - (b as unknown as { orderNo: number }).orderNo,
      )
      .map((w) => w.name);
  }

  /** The used cells of a sheet (name matched case-insensitively, as Excel does), or null. */
  readSheet(name: string): SheetCells | null {
    const ws = this.worksheet(name);
    if (!ws) return null;
    const csv = this.csvSheets.get(ws.name.toLowerCase());
    if (csv) return csv;
    let cells = this.cache.get(ws.name);
    if (!cells) this.cache.set(ws.name, (cells = readWorksheetCells(ws)));
    return cells;
  }

  /** The value of one cell ("B7") of a sheet, normalised like readSheet's, or null. */
  cellValue(sheet: string, address: string): CellValue {
    const ws = this.worksheet(sheet);
    if (!ws) return null;
    const { row, col } = parseRange(address.replace(/\$/g, ""));
    const cell = ws.findCell(row + 1, col + 1);
    return cell ? normaliseValue(cell.value) : null;
  }

  /** Renders the plans, replacing sheets of the same name in place; every other sheet stays. */
  writePlans(plans: SheetPlan[], names: NamePlan[]): void {
    this.cache.clear();
    for (const p of plans) this.csvSheets.delete(p.name.toLowerCase());
    renderWorkbookPlan({ sheets: plans, names }, this.wb);
    for (const p of plans) {
      this.packaged.delete(p.name.toLowerCase());
      if (needsPackageParts([p])) this.packaged.set(p.name.toLowerCase(), p);
    }
  }

  /** Writes single cells of an existing sheet (formats stay). */
  writeCells(sheet: string, cells: XlsxCellWrite[]): void {
    const ws = this.worksheet(sheet);
    this.cache.clear();
    this.csvSheets.delete((ws?.name ?? sheet).toLowerCase());
    writeCellsToWorkbook(this.wb, ws?.name ?? sheet, cells);
  }

  /** The workbook as .xlsx bytes. */
  async toBytes(): Promise<Uint8Array> {
    const buf = await this.wb.xlsx.writeBuffer();
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
    return addPackageParts(bytes, [...this.packaged.values()]);
  }

  private worksheet(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.wb.worksheets.find((w) => w.name.toLowerCase() === lower);
  }
}
