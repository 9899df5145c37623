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
import { addPackageParts, needsPackageParts, packageEdits, PackageFacts, Rel } from "./charts";
import { renderWorkbookPlan, writeCellsToWorkbook, XlsxCellWrite } from "./render";
import { ByteSink, ChunkSink, ZipCompression, ZipWriter } from "./zipWriter";
import { isDelimitedTextName } from "../../workbook/csv";
import { formatCount } from "../../domain/i18n";
import { XLSX_LIMITS } from "./zipGuard";
import { APPLE_NUMBERS, excelLockFile, isAppleNumbersName } from "../../workbook/lockFile";

export type { ByteSink };

/** The parts of ExcelJS 4.4's model the package writer reads (after XLSX.prepareModel). */
interface ModelSheet {
  id: number;
  name: string;
  rels?: { Id: string; Type: string; Target: string }[];
  drawing?: { name: string };
}
interface WorkbookModel {
  worksheets: ModelSheet[];
}
type Part = (zip: PartSink, model: WorkbookModel) => Promise<void> | void;
/** ExcelJS's XLSX writer, part by part: the steps of its `write()` (lib/xlsx/xlsx.js), each appending parts. */
interface XlsxParts {
  prepareModel(model: WorkbookModel, options: object): void;
  addContentTypes: Part;
  addOfficeRels: Part;
  addWorkbookRels: Part;
  addWorksheets: Part;
  addSharedStrings: Part;
  addDrawings: Part;
  addTables: Part;
  addThemes: Part;
  addStyles: Part;
  addMedia: Part;
  addApp: Part;
  addCore: Part;
  addWorkbook: Part;
}
const STEPS = [
  "prepareModel",
  "addContentTypes",
  "addOfficeRels",
  "addWorkbookRels",
  "addWorksheets",
  "addSharedStrings",
  "addDrawings",
  "addTables",
  "addThemes",
  "addStyles",
  "addMedia",
  "addApp",
  "addCore",
  "addWorkbook",
] as const;

/** What ExcelJS's steps append to: ExcelJS's own ZipWriter interface (`append(data, {name, base64})`). */
interface PartSink {
  append(data: unknown, options: { name: string; base64?: boolean }): void;
}

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Parts appended by ExcelJS go one at a time into the streaming zip (edited on the way when the charts
 * module asks for it); `flush` waits until every part appended so far is in the sink.
 */
class PartQueue implements PartSink {
  private chain: Promise<void> = Promise.resolve();
  constructor(
    private readonly zip: ZipWriter,
    private readonly edits: Map<string, (xml: string) => string>,
  ) {}

  append(data: unknown, options: { name: string; base64?: boolean }): void {
    const { name } = options;
    let part: string | Uint8Array;
    if (typeof data === "string") part = options.base64 ? base64Bytes(data) : data;
    else if (data instanceof Uint8Array) part = data;
    else if (data instanceof ArrayBuffer) part = new Uint8Array(data);
    else throw new Error(`xlsx: part ${name} has data of an unknown kind`);
    const edit = this.edits.get(name);
    if (edit) part = edit(typeof part === "string" ? part : new TextDecoder().decode(part));
    const zip = this.zip;
    this.chain = this.chain.then(() => zip.add(name, part));
  }

  flush(): Promise<void> {
    return this.chain;
  }
}

/** What the chart edits need to know, from ExcelJS's prepared model (the parts it is about to write). */
function factsOfModel(model: WorkbookModel): PackageFacts {
  const sheetParts = new Map<string, string>();
  const parts = new Set<string>();
  const rels = new Map<string, Rel[]>();
  const drawn = new Set<string>();
  for (const ws of model.worksheets) {
    const part = `xl/worksheets/sheet${ws.id}.xml`;
    sheetParts.set(ws.name, part);
    parts.add(part);
    if (ws.rels && ws.rels.length > 0) {
      const relsPart = `xl/worksheets/_rels/sheet${ws.id}.xml.rels`;
      parts.add(relsPart);
      rels.set(
        relsPart,
        ws.rels.map((r) => ({ id: r.Id, type: r.Type, target: r.Target })),
      );
    }
    if (ws.drawing) {
      drawn.add(part);
      parts.add(`xl/drawings/${ws.drawing.name}.xml`);
      parts.add(`xl/drawings/_rels/${ws.drawing.name}.xml.rels`);
    }
  }
  return { sheetParts, parts, rels: (p) => rels.get(p) ?? [], hasDrawing: (p) => drawn.has(p) };
}

export { XlsxReadError };

/** Line breaks in a file's bytes (LF; CR LF counts once). */
function lineCount(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** A CSV longer than the workbook it would open as can hold; `rows` null: told by its line count alone. */
function tooManyRows(rows: number | null): XlsxReadError {
  const limit = XLSX_LIMITS.maxRows;
  const has = (lang: "pl" | "en") =>
    rows === null
      ? lang === "pl"
        ? `ponad ${formatCount(4 * limit, "pl")} wierszy`
        : `over ${formatCount(4 * limit, "en")} lines`
      : lang === "pl"
        ? `${formatCount(rows, "pl")} wierszy`
        : `${formatCount(rows, "en")} rows`;
  return new XlsxReadError(
    `the list has ${has("en")}, more than Miernik opens as a workbook (${formatCount(limit, "en")} rows) — split it into smaller files`,
    "too-large",
    `lista ma ${has("pl")}, więcej niż Miernik otwiera jako skoroszyt (${formatCount(limit, "pl")} wierszy) — podziel ją na mniejsze pliki`,
  );
}

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
    const lock = excelLockFile(name);
    if (lock) throw new XlsxReadError(lock.en, "not-zip", lock.pl);
    if (isAppleNumbersName(name)) throw new XlsxReadError(APPLE_NUMBERS.en, "not-zip", APPLE_NUMBERS.pl);
    if (isDelimitedTextName(name)) {
      // Nothing at all (what a failed save or copy leaves): opened, it would be an empty register.
      if (bytes.length === 0)
        throw new XlsxReadError(
          "empty file (0 bytes): saving or copying it did not finish — save the list again as CSV (Excel: File → Save As → CSV UTF-8)",
          "empty",
          "pusty plik (0 bajtów): jego zapis lub kopiowanie się nie powiodło — zapisz listę ponownie jako CSV (Excel: Plik → Zapisz jako → CSV UTF-8)",
        );
      // The workbook a CSV becomes is saved as .xlsx: no more rows than Miernik reads back from one (and
      // refused before a long parse when the line count alone says so — 4 lines a row allow line breaks in cells).
      if (lineCount(bytes) > 4 * XLSX_LIMITS.maxRows) throw tooManyRows(null);
      let sheet: SheetCells;
      try {
        sheet = csvSheetFromBytes(bytes);
      } catch (e) {
        // Its message is both languages at once ("… / …"): each screen gets its own.
        if (e instanceof RegisterReadError) throw new XlsxReadError(e.en, "damaged", e.pl);
        throw e;
      }
      if (sheet.values.every((r) => r.every((v) => v === null || v === "")))
        throw new XlsxReadError(
          "the file holds no data (only blank lines or separators) — save the list again as CSV (Excel: File → Save As → CSV UTF-8)",
          "empty",
          "plik nie ma danych (same puste wiersze lub separatory) — zapisz listę ponownie jako CSV (Excel: Plik → Zapisz jako → CSV UTF-8)",
        );
      if (sheet.values.length > XLSX_LIMITS.maxRows) throw tooManyRows(sheet.values.length);
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

  /** The workbook as .xlsx bytes (writeTo, collected). */
  async toBytes(opts: { compression?: ZipCompression } = {}): Promise<Uint8Array> {
    const sink = new ChunkSink();
    await this.writeTo(sink, opts);
    return sink.bytes();
  }

  /**
   * Writes the workbook as an .xlsx into `sink`, part by part: ExcelJS's XLSX writer renders each part
   * (one worksheet at a time) and the streaming zip writer (./zipWriter.ts) compresses it and hands the
   * chunks on, so the package is never held whole — only the part being written (a sheet's XML, as
   * ExcelJS renders it) and the model itself. Charts and column breaks (./charts.ts) are edits of the
   * parts as they pass, plus parts added at the end. The result is the workbook `xlsx.writeBuffer()` +
   * addPackageParts gives (test/hosts/xlsxWriteTo.test.ts compares them part by part).
   */
  async writeTo(sink: ByteSink, opts: { compression?: ZipCompression } = {}): Promise<void> {
    const xlsx = this.wb.xlsx as unknown as Partial<XlsxParts>;
    const zip = new ZipWriter(sink, { compression: opts.compression });
    const sheets = [...this.packaged.values()];
    if (!STEPS.every((s) => typeof xlsx[s] === "function")) {
      // Not ExcelJS 4.4's writer (another build or version): its whole-package writer, then the same zip.
      const buf = await this.wb.xlsx.writeBuffer();
      const bytes = await addPackageParts(
        buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer),
        sheets,
      );
      await sink.write(bytes);
      return;
    }
    const w = xlsx as XlsxParts;
    const model = (this.wb as unknown as { model: WorkbookModel }).model;
    w.prepareModel(model, {});
    const { edits, added } = packageEdits(sheets, factsOfModel(model));
    const parts = new PartQueue(zip, edits);
    const step = async (f: Part, m: WorkbookModel = model) => {
      await f.call(w, parts, m);
      await parts.flush();
    };
    // The order of ExcelJS's write(); worksheets one by one, so only one sheet's XML exists at a time.
    await step(w.addContentTypes);
    await step(w.addOfficeRels);
    await step(w.addWorkbookRels);
    for (const ws of model.worksheets) await step(w.addWorksheets, { ...model, worksheets: [ws] });
    await step(w.addSharedStrings);
    await step(w.addDrawings);
    await step(w.addTables);
    await step(w.addThemes);
    await step(w.addStyles);
    await step(w.addMedia);
    await step(w.addApp);
    await step(w.addCore);
    await step(w.addWorkbook);
    for (const a of added) await zip.add(a.name, a.text);
    await zip.finish();
  }

  private worksheet(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.wb.worksheets.find((w) => w.name.toLowerCase() === lower);
  }
}
