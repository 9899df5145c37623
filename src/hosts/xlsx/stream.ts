/**
 * Streaming .xlsx writer of a WorkbookPlan (ExcelJS `stream.xlsx.WorkbookWriter`): the same workbook as
 * `writeXlsx` of ./render.ts — values, formulas (block runs and column formulas as shared formulas),
 * styles, merges, validations, conditional formats, tables, names, print set-up, frozen panes, hidden
 * sheets — but written row by row, each row computed from the plan and committed at once, so a
 * 100 000-row register never exists as a workbook in memory (the in-memory renderer needs GBs).
 * test/hosts/xlsxStream.test.ts reads both files back and compares them cell for cell.
 *
 * Rows of sheets without merges are written as XML directly (./rowXml.ts: ExcelJS's own bytes, without
 * its per-cell objects); sheets with merges go through ExcelJS's rows and cells.
 *
 * Node only (file output). What ExcelJS's streaming writer lacks is added here:
 * - tables (the table part, its relationship, `<tableParts>` and the content type);
 * - shared-formula ids across rows (the writer restarts them at 0 in every row; see platform.md).
 */
import ExcelJS from "exceljs";
import { xlsxColumnWidth } from "./columnWidth";
import * as fs from "fs";
import { addPackageParts, needsPackageParts } from "./charts";
import { parseRange, rangeA1, RangeRef } from "../../workbook/address";
import {
  BlockPlan,
  CellStyle,
  CellValue,
  ColumnFormulaPlan,
  columnFormulaSpeller,
  NamePlan,
  RowPlan,
  SheetPlan,
  TablePlan,
  WorkbookPlan,
} from "../../workbook/plan";
import { setRawName } from "./names";
import { RowXml, Slot } from "./rowXml";
import {
  addConditionalFormat,
  applyPrint,
  argb,
  cellValue,
  EMPTY_STYLE,
  mergedStyle,
  sharedRuns,
  sheetViews,
  stripEq,
  tableColumnNames,
  validationModel,
} from "./render";

const RowXform = require("exceljs/lib/xlsx/xform/sheet/row-xform.js") as new () => {
  prepare(model: unknown, options: unknown): void;
  toXml(model: unknown): string;
};
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform.js") as new () => {
  prepare(model: unknown, options: unknown): void;
  toXml(model: unknown): string;
};
const Table = require("exceljs/lib/doc/table.js") as new (
  ws: unknown,
  model: unknown,
) => { model: Record<string, unknown> };
const RelType = require("exceljs/lib/xlsx/rel-type.js") as { Table: string };

/** The parts of ExcelJS's streaming writers this module reaches into (not in its typings). */
interface StreamWorksheet {
  getRow(n: number): ExcelJS.Row;
  getColumn(n: number): ExcelJS.Column;
  mergeCells(range: string): void;
  commit(): void;
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
  dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
  addConditionalFormatting(cf: ExcelJS.ConditionalFormattingOptions): void;
  stream: { write(x: string): void };
  useSharedStrings: boolean;
  _workbook: { styles: unknown; sharedStrings: unknown };
  _sheetRelsWriter: { hyperlinksProxy: unknown; addRelationship(rel: object): string };
  _merges: unknown;
  _formulae: Record<string, unknown>;
  _siFormulae: number;
  _rowZero: number;
  rowBreaks: { id: number; max: number; man: number }[];
  _sheetCommentsWriter: { addComments(c: unknown[]): void };
  hasComments: boolean;
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _writeRow(row: ExcelJS.Row): void;
  _writeCloseWorksheet(): void;
  _write(text: string): void;
}
interface StreamWorkbook {
  addWorksheet(name: string, options: object): StreamWorksheet;
  commit(): Promise<void>;
  zip: { append(data: string, options: { name: string }): void };
  addContentTypes(): Promise<void>;
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  media: unknown;
  creator: string;
  created: Date;
  modified: Date;
}

const rowXform = new RowXform();

/**
 * ExcelJS's `_writeRow` with one fix: shared-formula ids (`si`) continue from row to row instead of
 * restarting at 0 in every row (two runs starting in different rows would share an id).
 */
function writeRowKeepingSharedIds(this: StreamWorksheet, row: ExcelJS.Row): void {
  if (!this.startedData) {
    this._writeColumns();
    this._writeOpenSheetData();
    this.startedData = true;
  }
  // Unlike ExcelJS's, rows of styled empty cells are written too (the register's spare rows).
  const r = row as unknown as { cellCount: number; height?: number; model: unknown };
  if (r.cellCount === 0 && !r.height) return;
  const options = {
    styles: this._workbook.styles,
    sharedStrings: this.useSharedStrings ? this._workbook.sharedStrings : undefined,
    hyperlinks: this._sheetRelsWriter.hyperlinksProxy,
    merges: this._merges,
    formulae: this._formulae,
    siFormulae: this._siFormulae,
    comments: [] as unknown[],
  };
  const { model } = r;
  if (!model) return;
  rowXform.prepare(model, options);
  this._siFormulae = options.siFormulae;
  this.stream.write(rowXform.toXml(model));
  if (options.comments.length) {
    this.hasComments = true;
    this._sheetCommentsWriter.addComments(options.comments);
  }
}

/** Styles of the cells of one row: formats covering it, folded in plan order (cached per set of formats). */
class RowStyles {
  private readonly formats: { ref: RangeRef; style: CellStyle }[];
  private readonly byKey = new Map<string, (Partial<ExcelJS.Style> | undefined)[]>();
  private readonly folds = new Map<string, Partial<ExcelJS.Style>>();

  constructor(plan: SheetPlan) {
    this.formats = plan.formats.map((f) => ({ ref: parseRange(f.range), style: f.style }));
  }

  /** The number of columns formats cover (to the last one covered). */
  get width(): number {
    let w = 0;
    for (const f of this.formats) w = Math.max(w, f.ref.col + f.ref.cols);
    return w;
  }

  /** The last row any format covers (0-based), or -1. */
  get lastRow(): number {
    let last = -1;
    for (const f of this.formats) last = Math.max(last, f.ref.row + f.ref.rows - 1);
    return last;
  }

  /** For each column of row `r`: the style of its cell, or undefined when no format covers it. */
  row(r: number): (Partial<ExcelJS.Style> | undefined)[] {
    const active: number[] = [];
    this.formats.forEach((f, i) => {
      if (r >= f.ref.row && r < f.ref.row + f.ref.rows) active.push(i);
    });
    const key = active.join(",");
    let styles = this.byKey.get(key);
    if (!styles) {
      styles = [];
      let width = 0;
      for (const i of active) width = Math.max(width, this.formats[i].ref.col + this.formats[i].ref.cols);
      for (let c = 0; c < width; c++) {
        const covering = active.filter((i) => {
          const f = this.formats[i].ref;
          return c >= f.col && c < f.col + f.cols;
        });
        if (covering.length === 0) {
          styles.push(undefined);
          continue;
        }
        const k = covering.join(",");
        let st = this.folds.get(k);
        if (!st) {
          st = EMPTY_STYLE;
          for (const i of covering) st = mergedStyle(st, this.formats[i].style);
          this.folds.set(k, st);
        }
        styles.push(st);
      }
      this.byKey.set(key, styles);
    }
    return styles;
  }
}

function valueOf(cell: ExcelJS.Cell | undefined): unknown {
  return cell === undefined ? null : cell.value;
}

interface TablePart {
  target: string;
  rId: string;
}

function tableModel(t: TablePlan, names: string[], id: number): Record<string, unknown> {
  const r = parseRange(t.range);
  const dataRows = Math.max(1, r.rows - 1);
  // A stand-in worksheet: Table's constructor stores header and rows into it (the real cells are
  // written by the rows of this module).
  const stub = { getRow: () => ({ getCell: () => ({}) }) };
  const table = new Table(stub, {
    name: t.name,
    displayName: t.name,
    ref: rangeA1(r.row, r.col, 1, 1),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns: names.map((name) => ({ name, filterButton: true })),
    rows: Array.from({ length: dataRows }, () => []),
  });
  const model = table.model;
  model.id = id;
  model.target = `table${id}.xml`;
  return model;
}

interface SheetRows {
  blocks: { b: BlockPlan; shared: Map<string, { master: string; ref?: string }> }[];
  cfs: { cf: ColumnFormulaPlan; master: string; first: string }[];
  tables: { ref: RangeRef; names: string[] }[];
  rowPlans: Map<number, RowPlan>;
  rowBreaks: Set<number>;
  styles: RowStyles;
  last: number;
}

const CHUNK = 1 << 16;

/**
 * The rows of a sheet without merges, as the ExcelJS loop of writeSheet writes them (same cells, same
 * order, so the same style, shared-string and shared-formula ids), through ./rowXml.ts.
 */
async function writeRowsDirect(ws: StreamWorksheet, s: SheetRows): Promise<void> {
  let width = s.styles.width;
  for (const { b } of s.blocks)
    for (let i = 0; i < b.values.length; i++)
      width = Math.max(width, b.col + Math.max(b.values[i].length, b.formulas?.[i]?.length ?? 0));
  for (const { cf } of s.cfs) width = Math.max(width, cf.col + 1);
  for (const { ref } of s.tables) width = Math.max(width, ref.col + ref.cols);
  const row = new RowXml(
    width,
    ws._workbook.styles as ConstructorParameters<typeof RowXml>[1],
    (ws.useSharedStrings ? ws._workbook.sharedStrings : undefined) as ConstructorParameters<typeof RowXml>[2],
    { next: () => ws._siFormulae++ },
  );
  if (!ws.startedData) {
    ws._writeColumns();
    ws._writeOpenSheetData();
    ws.startedData = true;
  }
  // Rows go to the sheet's stream in chunks of some 64 K characters (one buffer per row costs more).
  let chunk = "";
  for (let r = 0; r <= s.last; r++) {
    row.clear();
    for (const { b, shared } of s.blocks) {
      const i = r - b.row;
      if (i < 0 || i >= b.values.length) continue;
      const rowValues = b.values[i];
      const fr = b.formulas?.[i];
      const w = Math.max(rowValues.length, fr?.length ?? 0);
      for (let j = 0; j < w; j++) {
        const f = fr?.[j];
        const c = b.col + j;
        if (f === null || f === undefined) {
          row.set(c, Slot.Value, rowValues[j] ?? null);
          continue;
        }
        const run = f ? shared.get(rangeA1(r, c, 1, 1)) : undefined;
        if (run?.ref) row.set(c, Slot.Master, stripEq(f), run.ref);
        else if (run) row.set(c, Slot.Follower, run.master);
        else row.set(c, Slot.Formula, stripEq(f));
      }
    }
    for (const { cf, master, first } of s.cfs) {
      if (r < cf.row || r >= cf.row + cf.rows) continue;
      if (r > cf.row) row.set(cf.col, Slot.Follower, master);
      else if (cf.rows === 1) row.set(cf.col, Slot.Formula, first);
      else row.set(cf.col, Slot.Master, first, `${master}:${rangeA1(cf.row + cf.rows - 1, cf.col, 1, 1)}`);
    }
    for (const t of s.tables) {
      if (r !== t.ref.row) continue;
      const headers: unknown[] = [];
      for (let j = 0; j < t.ref.cols; j++) headers.push(row.valueAt(t.ref.col + j) ?? null);
      t.names = tableColumnNames(headers);
      t.names.forEach((name, j) => row.set(t.ref.col + j, Slot.Value, name));
    }
    const rowStyles = s.styles.row(r);
    for (let c = 0; c < rowStyles.length; c++) {
      const st = rowStyles[c];
      if (st) row.setStyle(c, st);
    }
    const rp = s.rowPlans.get(r);
    if (rp) {
      if (rp.height !== undefined) row.height = rp.height;
      else if (rp.hidden) row.height = 15;
      if (rp.fit && rp.height !== undefined) row.fit = true;
      if (rp.hidden) row.hidden = true;
    }
    // What `row.addPageBreak()` of ExcelJS records.
    if (s.rowBreaks.has(r + 1)) ws.rowBreaks.push({ id: r + 1, max: 16838, man: 1 });
    chunk += row.write(r + 1);
    if (chunk.length >= CHUNK) {
      ws.stream.write(chunk);
      chunk = "";
      // Let the zip take what is written (deflated off the main thread) instead of holding the sheet.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (chunk) ws.stream.write(chunk);
}

/** Writes one sheet, row by row. `nextTableId` numbers the workbook's tables. */
async function writeSheet(
  wb: StreamWorkbook,
  plan: SheetPlan,
  tableParts: TablePart[],
  nextTableId: () => number,
  direct: boolean,
): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    state: plan.visibility === "hidden" ? "hidden" : "visible",
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: sheetViews(plan),
    // The sheet's properties (fit to page among them) are written when the sheet opens: set up front.
    pageSetup: plan.print
      ? {
          // A fixed scale (manual page breaks) is not fit to page: Excel ignores breaks while fitting.
          fitToPage: plan.print.scale === undefined,
          fitToWidth: plan.print.fitToWidth,
          fitToHeight: plan.print.fitToHeight,
        }
      : undefined,
  });
  ws._writeRow = writeRowKeepingSharedIds;
  plan.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = xlsxColumnWidth(c.width);
    if (c.hidden) col.hidden = true;
  });

  // Table header cells hold the table's column names (as the in-memory renderer's table stores them).
  const tables = plan.tables.map((t) => ({ t, ref: parseRange(t.range), names: [] as string[] }));

  // What each row holds: blocks and column formulas, by the rows they cover.
  const blocks = plan.blocks.map((b) => ({ b, shared: sharedRuns(b) }));
  const cfs = (plan.columnFormulas ?? [])
    .filter((cf) => cf.rows > 0)
    .map((cf: ColumnFormulaPlan) => ({
      cf,
      master: rangeA1(cf.row, cf.col, 1, 1),
      first: stripEq(columnFormulaSpeller(cf)(cf.row)),
    }));
  const rowPlans = new Map((plan.rows ?? []).map((r) => [r.index, r]));
  // Row page breaks (1-based, as PrintPlan has them) go on their rows before the rows are committed.
  const rowBreaks = new Set(plan.print?.rowBreaks ?? []);
  const merges = plan.merges.map((m) => ({ m, ref: parseRange(m) }));
  // Cells merged into another (their values are dropped, as Excel and the in-memory renderer do).
  const mergedAway = new Set<string>();
  for (const { ref } of merges)
    for (let i = 0; i < ref.rows; i++)
      for (let j = 0; j < ref.cols; j++) if (i > 0 || j > 0) mergedAway.add(`${ref.row + i},${ref.col + j}`);
  const merged = (r: number, c: number) => mergedAway.size > 0 && mergedAway.has(`${r},${c}`);
  const styles = new RowStyles(plan);
  let last = styles.lastRow;
  for (const { b } of blocks) last = Math.max(last, b.row + b.values.length - 1);
  for (const { cf } of cfs) last = Math.max(last, cf.row + cf.rows - 1);
  for (const r of plan.rows ?? []) last = Math.max(last, r.index);
  for (const { ref } of merges) last = Math.max(last, ref.row + ref.rows - 1);
  for (const { ref } of tables) last = Math.max(last, ref.row + Math.max(2, ref.rows) - 1);
  for (const b of rowBreaks) last = Math.max(last, b - 1);

  if (direct && merges.length === 0) {
    await writeRowsDirect(ws, { blocks, cfs, tables, rowPlans, rowBreaks, styles, last });
    ws._rowZero = last + 2;
  } else {
    for (let r = 0; r <= last; r++) {
      let row: ExcelJS.Row | undefined;
      const getRow = () => (row ??= ws.getRow(r + 1));
      for (const { b, shared } of blocks) {
        const i = r - b.row;
        if (i < 0 || i >= b.values.length) continue;
        const rowValues = b.values[i];
        const fr = b.formulas?.[i];
        const width = Math.max(rowValues.length, fr?.length ?? 0);
        for (let j = 0; j < width; j++) {
          const v: CellValue = rowValues[j] ?? null;
          const f = fr?.[j];
          if (merged(r, b.col + j)) continue;
          const cell = getRow().getCell(b.col + j + 1);
          const run = f ? shared.get(rangeA1(r, b.col + j, 1, 1)) : undefined;
          if (run?.ref)
            cell.value = {
              formula: stripEq(f!),
              shareType: "shared",
              ref: run.ref,
            } as unknown as ExcelJS.CellValue;
          else if (run) cell.value = { sharedFormula: run.master } as ExcelJS.CellValue;
          else cell.value = cellValue(v, f);
        }
      }
      for (const { cf, master, first } of cfs) {
        if (r < cf.row || r >= cf.row + cf.rows || merged(r, cf.col)) continue;
        const cell = getRow().getCell(cf.col + 1);
        if (r > cf.row) cell.value = { sharedFormula: master } as ExcelJS.CellValue;
        else if (cf.rows === 1) cell.value = { formula: first } as ExcelJS.CellFormulaValue;
        else
          cell.value = {
            formula: first,
            shareType: "shared",
            ref: `${master}:${rangeA1(cf.row + cf.rows - 1, cf.col, 1, 1)}`,
          } as unknown as ExcelJS.CellValue;
      }
      // Table headers: the names the table declares (unique, "ColumnN" for blanks), as Excel needs them.
      for (const t of tables) {
        if (r !== t.ref.row) continue;
        const headers: unknown[] = [];
        for (let j = 0; j < t.ref.cols; j++) {
          headers.push(valueOf(row?.findCell(t.ref.col + j + 1)));
        }
        t.names = tableColumnNames(headers);
        t.names.forEach((name, j) => {
          getRow().getCell(t.ref.col + j + 1).value = name;
        });
      }
      // Merges starting in this row (their other cells, in later rows too, become merged cells).
      for (const { m, ref } of merges) if (ref.row === r) ws.mergeCells(m);
      const rowStyles = styles.row(r);
      for (let c = 0; c < rowStyles.length; c++) {
        const st = rowStyles[c];
        if (st) getRow().getCell(c + 1).style = st;
      }
      const rp = rowPlans.get(r);
      if (rp) {
        if (rp.height !== undefined) getRow().height = rp.height;
        else if (rp.hidden) getRow().height = 15;
        if (rp.hidden) getRow().hidden = true;
      }
      if (rowBreaks.has(r + 1)) getRow().addPageBreak();
      if (row) row.commit();
    }
  }

  const dvs = ws.dataValidations;
  for (const v of plan.validations) dvs.add(v.range, validationModel(v));
  plan.conditionalFormats.forEach((cf, i) =>
    addConditionalFormat(ws as unknown as ExcelJS.Worksheet, cf, i + 1),
  );
  if (plan.print) applyPrint(ws as unknown as ExcelJS.Worksheet, { ...plan.print, rowBreaks: [] });

  const parts: string[] = [];
  for (const t of tables) {
    const id = nextTableId();
    const model = tableModel(t.t, t.names.length ? t.names : tableColumnNames([]), id);
    const xform = new TableXform();
    xform.prepare(model, {});
    wb.zip.append(xform.toXml(model), { name: `xl/tables/${model.target as string}` });
    const rId = ws._sheetRelsWriter.addRelationship({
      Target: `../tables/${model.target as string}`,
      Type: RelType.Table,
    });
    parts.push(rId);
    tableParts.push({ target: model.target as string, rId });
  }
  if (parts.length > 0) {
    const close = ws._writeCloseWorksheet.bind(ws);
    ws._writeCloseWorksheet = () => {
      ws._write(
        `<tableParts count="${parts.length}">${parts.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`,
      );
      close();
    };
  }
  ws.commit();
}

/** Content types with the tables' parts (ExcelJS's streaming writer leaves them out). */
function withTableContentTypes(wb: StreamWorkbook, tables: TablePart[]): void {
  const ContentTypesXform = require("exceljs/lib/xlsx/xform/core/content-types-xform.js") as new () => {
    toXml(model: unknown): string;
  };
  wb.addContentTypes = () => {
    const model = {
      worksheets: wb._worksheets.filter(Boolean),
      sharedStrings: wb.sharedStrings,
      commentRefs: wb.commentRefs,
      media: wb.media,
      tables,
    };
    wb.zip.append(new ContentTypesXform().toXml(model), { name: "[Content_Types].xml" });
    return Promise.resolve();
  };
}

export interface WriteOptions {
  /**
   * Rows of sheets without merges written as XML directly (./rowXml.ts; the default) rather than through
   * ExcelJS's row and cell objects: the same bytes, several times faster. `false` is for the tests that
   * compare both.
   */
  direct?: boolean;
}

/**
 * Writes a plan to `filename` as .xlsx, streaming (the file is written as the rows are made).
 * The caller writes to a temporary name and renames (an interrupted write leaves a broken file).
 */
export async function writeXlsxFile(
  plan: WorkbookPlan,
  filename: string,
  options: WriteOptions = {},
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename,
    useStyles: true,
    useSharedStrings: true,
  }) as unknown as StreamWorkbook;
  wb.creator = "Miernik";
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const tables: TablePart[] = [];
  let tableId = 0;
  withTableContentTypes(wb, tables);
  for (const s of plan.sheets) await writeSheet(wb, s, tables, () => ++tableId, options.direct ?? true);
  addNames(wb, plan.names);
  await wb.commit();
  // Charts and column breaks (which ExcelJS cannot write) are added to the package as writeXlsx does.
  if (needsPackageParts(plan.sheets))
    fs.writeFileSync(filename, await addPackageParts(fs.readFileSync(filename), plan.sheets));
}

function addNames(wb: StreamWorkbook, names: NamePlan[]): void {
  for (const n of names) setRawName(wb as unknown as ExcelJS.Workbook, n.name, n.refersTo);
}
