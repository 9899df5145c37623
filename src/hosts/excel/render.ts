import { columnLetters, parseRange } from "../../workbook/address";
import { a1ToR1C1 } from "../../workbook/r1c1";
import {
  BlockPlan,
  ColumnFormulaPlan,
  columnFormulaAt,
  CellStyle,
  CellValue,
  ChartPlan,
  ConditionalFormatPlan,
  NamePlan,
  PrintPlan,
  RowPlan,
  SheetPlan,
  TablePlan,
  ValidationPlan,
} from "../../workbook/plan";
import {
  Batcher,
  estimateRequestBytes,
  jsonBytes,
  MAX_REQUEST_BYTES,
  OPERATION_OVERHEAD_BYTES,
} from "./batch";
import { HostError, toHostError } from "./errors";

export { estimateRequestBytes, MAX_REQUEST_BYTES } from "./batch";

/**
 * Office.js renderer of sheet plans: writes exactly what src/hosts/xlsx/render.ts writes, through
 * the Excel JavaScript API. Requirement sets: ExcelApi 1.9 for everything here (page layout);
 * 1.8 data validation, 1.6 conditional formats, 1.4 names, 1.2 merge, 1.1 tables and charts.
 *
 * Batching: one sync to learn which sheets, tables and names already exist, then all writes in as
 * few requests as the 4 MB estimate allows (one for the monitoring layout). Large blocks are split
 * into row chunks so that each request stays under the limit.
 *
 * No runtime reference to the `Excel` global: enum values are passed as their string forms, so this
 * module also runs against the recording fake in tests.
 */

export interface RenderOptions {
  /** Largest estimated request between two syncs (default 4 000 000 bytes). */
  maxRequestBytes?: number;
  /** Called after each sync with the number of syncs so far. */
  onProgress?: (syncs: number) => void;
  /** Whether ExcelApi 1.<minor> is available; default asks Office.context.requirements when present. */
  supports?: (minor: number) => boolean;
  /**
   * Leave sheet visibility changes to the caller (returned in `RenderReport.visibility`): inside an undo group
   * (`mergeUndoGroup`, ExcelApi 1.20) Excel on Windows and Mac refuses `Worksheet.visibility` with
   * UndoNotSupported (Undo capabilities → Unsupported APIs), so it is set in a run of its own.
   */
  deferVisibility?: boolean;
}

export interface RenderReport {
  syncs: number;
  /** Estimated bytes of each request sent. */
  requests: number[];
  /**
   * Column formulas inside tables: how many Excel filled as calculated columns from one written cell
   * (confirmed by reading back a sample), and how many were written row by row because it did not
   * (AutoCorrect's "fill formulas in tables" off, or Excel kept something else).
   */
  calculatedColumns?: { filled: number; writtenPerRow: number };
  /** With `deferVisibility`: the visibility each sheet still needs (only those that differ from now). */
  visibility?: { sheet: string; visibility: "Visible" | "Hidden" }[];
}

/** Column width in Excel character units → Office.js `columnWidth` in points (Calibri 11: 7 px per char + 5 px padding). */
export function columnWidthToPoints(width: number): number {
  if (width <= 0) return 0;
  return Math.round((Math.round(width * 7) + 5) * 0.75 * 100) / 100;
}

/** Inverse of columnWidthToPoints (to compare an Office.js width with an .xlsx one). */
export function pointsToColumnWidth(points: number): number {
  if (points <= 0) return 0;
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

/**
 * Text that Excel would turn into something else when typed (a formula, number, date, boolean or
 * error) gets a leading apostrophe, which Excel keeps as a prefix and never shows in the value.
 */
export function needsTextGuard(s: string): boolean {
  return (
    /^[=+\-@'#]/.test(s) ||
    /^\s*[\d.,(]/.test(s) ||
    /^\s*(true|false|prawda|fałsz)\s*$/i.test(s) ||
    /^\s*\p{L}{3,9}\.?[\s\-/.]+\d{1,4}\s*$/u.test(s)
  );
}

/** A plan value as Office.js input (`values`/`formulas` entry): null → "" (empty cell). */
export function toOfficeInput(v: CellValue, formula?: string | null): string | number | boolean {
  if (formula !== null && formula !== undefined) return formula;
  if (v === null) return "";
  if (typeof v === "string") return needsTextGuard(v) ? `'${v}` : v;
  return v;
}

function defaultSupports(minor: number): boolean {
  const g = globalThis as {
    Office?: { context?: { requirements?: { isSetSupported(n: string, v: string): boolean } } };
  };
  const req = g.Office?.context?.requirements;
  return req ? req.isSetSupported("ExcelApi", `1.${minor}`) : true;
}

/* ---------------- blocks ---------------- */

interface BlockChunk {
  row: number;
  col: number;
  rows: number;
  cols: number;
  grid: (string | number | boolean | null)[][];
  useFormulas: boolean;
  bytes: number;
}

/** Split a block into row chunks whose estimated request size stays under `maxBytes`. */
export function chunkBlock(b: BlockPlan, maxBytes = MAX_REQUEST_BYTES): BlockChunk[] {
  // A loop, not Math.max(...rows): spreading 100 000+ rows overflows the call stack.
  let width = 0;
  for (const r of b.values) if (r.length > width) width = r.length;
  for (const r of b.formulas ?? []) if (r && r.length > width) width = r.length;
  if (width === 0 || b.values.length === 0) return [];
  const budget = maxBytes - 2 * OPERATION_OVERHEAD_BYTES;
  const chunks: BlockChunk[] = [];
  let grid: (string | number | boolean | null)[][] = [];
  let bytes = 2; // "[]"
  let start = 0;
  let useFormulas = false;
  const emit = (end: number) => {
    if (grid.length === 0) return;
    chunks.push({
      row: b.row + start,
      col: b.col,
      rows: grid.length,
      cols: width,
      grid,
      useFormulas,
      bytes: bytes + OPERATION_OVERHEAD_BYTES,
    });
    grid = [];
    bytes = 2;
    start = end;
    useFormulas = false;
  };
  for (let i = 0; i < b.values.length; i++) {
    const vr = b.values[i];
    const fr = b.formulas?.[i];
    const row: (string | number | boolean | null)[] = [];
    let hasFormula = false;
    for (let j = 0; j < width; j++) {
      const f = fr?.[j];
      if (f !== null && f !== undefined) hasFormula = true;
      // Entries past a ragged row's end are null: Office.js leaves such cells untouched.
      row.push(j < vr.length || (f !== null && f !== undefined) ? toOfficeInput(vr[j] ?? null, f) : null);
    }
    const rowBytes = jsonBytes(row) + 1;
    if (grid.length > 0 && bytes + rowBytes > budget) emit(i);
    grid.push(row);
    bytes += rowBytes;
    useFormulas ||= hasFormula;
  }
  emit(b.values.length);
  return chunks;
}

/* ---------------- column formulas ---------------- */

/** A column formula in R1C1: the same text for every row of the column. */
export function columnFormulaR1C1(cf: ColumnFormulaPlan): string {
  return a1ToR1C1(columnFormulaAt(cf, cf.row), cf.row, cf.col);
}

/** Rows read back to confirm that Excel filled a calculated column: the second, the middle and the last. */
export function calculatedColumnSample(cf: ColumnFormulaPlan): number[] {
  const rows = new Set<number>();
  for (const i of [1, Math.floor(cf.rows / 2), cf.rows - 1]) if (i > 0 && i < cf.rows) rows.add(cf.row + i);
  return [...rows];
}

/**
 * Column formulas written row by row: adjacent columns over the same rows go in one R1C1 grid whose
 * rows are all the same array (no per-row strings are made), in row chunks under the request limit.
 */
async function writeColumnFormulasPerRow(
  b: Batcher,
  sheet: () => Excel.Worksheet,
  cfs: ColumnFormulaPlan[],
  maxBytes: number,
): Promise<void> {
  const sorted = [...cfs].sort((x, y) => x.row - y.row || x.rows - y.rows || x.col - y.col);
  const groups: ColumnFormulaPlan[][] = [];
  for (const cf of sorted) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (last && last.row === cf.row && last.rows === cf.rows && last.col + 1 === cf.col) g.push(cf);
    else groups.push([cf]);
  }
  const budget = maxBytes - 2 * OPERATION_OVERHEAD_BYTES;
  for (const g of groups) {
    const line = g.map(columnFormulaR1C1);
    const lineBytes = jsonBytes(line) + 1;
    const perChunk = Math.max(1, Math.floor((budget - 2) / lineBytes));
    for (let start = 0; start < g[0].rows; start += perChunk) {
      const rows = Math.min(perChunk, g[0].rows - start);
      await b.add(rows * lineBytes + 2 + OPERATION_OVERHEAD_BYTES, () => {
        const range = sheet().getRangeByIndexes(g[0].row + start, g[0].col, rows, g.length);
        range.formulasR1C1 = new Array<string[]>(rows).fill(line);
      });
    }
  }
}

/** A column formula over exactly the data rows of one of the sheet's tables (a calculated column). */
function inTableBody(cf: ColumnFormulaPlan, tables: TablePlan[]): boolean {
  return tables.some((t) => {
    const r = parseRange(t.range);
    const bodyRows = Math.max(1, r.rows - 1);
    return cf.col >= r.col && cf.col < r.col + r.cols && cf.row === r.row + 1 && cf.rows === bodyRows;
  });
}

interface PendingCalculatedColumn {
  sheet: string;
  cf: ColumnFormulaPlan;
}

/**
 * Reads back a sample of every calculated column written from one cell (one request for them all) and
 * writes the columns Excel did not fill row by row. Returns how many were filled and how many not.
 */
async function confirmCalculatedColumns(
  context: Excel.RequestContext,
  b: Batcher,
  pending: PendingCalculatedColumn[],
  maxBytes: number,
): Promise<{ filled: number; writtenPerRow: number }> {
  if (pending.length === 0) return { filled: 0, writtenPerRow: 0 };
  await b.flush();
  let probes: { sheet: string; cf: ColumnFormulaPlan; cells: Excel.Range[]; expected: string }[] = [];
  const loads = pending.reduce((n, p) => n + calculatedColumnSample(p.cf).length, 0);
  await b.add(loads * OPERATION_OVERHEAD_BYTES, () => {
    probes = pending.map((p) => {
      const sheet = context.workbook.worksheets.getItem(p.sheet);
      const cells = calculatedColumnSample(p.cf).map((row) => {
        const cell = sheet.getRangeByIndexes(row, p.cf.col, 1, 1);
        cell.load("formulasR1C1");
        return cell;
      });
      return { ...p, cells, expected: normaliseFormula(columnFormulaR1C1(p.cf)) };
    });
  });
  await b.flush();
  const missed = probes.filter((p) =>
    p.cells.some((c) => normaliseFormula(String(c.formulasR1C1?.[0]?.[0] ?? "")) !== p.expected),
  );
  const bySheet = new Map<string, ColumnFormulaPlan[]>();
  for (const p of missed) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p.cf]);
  for (const [name, cfs] of bySheet) {
    let sheet: Excel.Worksheet | undefined;
    await writeColumnFormulasPerRow(
      b,
      () => (sheet ??= context.workbook.worksheets.getItem(name)),
      cfs,
      maxBytes,
    );
  }
  return { filled: probes.length - missed.length, writtenPerRow: missed.length };
}

/** Formula text compared without case or spaces (Excel may respell what it stores). */
function normaliseFormula(f: string): string {
  return f.replace(/\s+/g, "").toUpperCase();
}

/* ---------------- formats ---------------- */

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function applyStyle(range: Excel.Range, s: CellStyle, rows: number, cols: number): void {
  if (s.numberFormat !== undefined) range.numberFormat = [[s.numberFormat]]; // 1×1 applies to every cell
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontColor !== undefined) f.font.color = s.fontColor;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.border !== undefined) {
    const edges: Excel.BorderIndex[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ] as Excel.BorderIndex[];
    if (cols > 1) edges.push("InsideVertical" as Excel.BorderIndex);
    if (rows > 1) edges.push("InsideHorizontal" as Excel.BorderIndex);
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = "Continuous";
      b.weight = s.border === "medium" ? "Medium" : "Thin";
    }
  }
  if (s.locked !== undefined) f.protection.locked = s.locked;
}

function styleBytes(s: CellStyle): number {
  return jsonBytes(s) + (s.border ? 6 * OPERATION_OVERHEAD_BYTES : 0) + 8 * OPERATION_OVERHEAD_BYTES;
}

/* ---------------- validation, conditional formats, tables, charts, print ---------------- */

const CMP = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.type) {
    case "list":
      return { list: { inCellDropDown: true, source: r.source } };
    case "wholeNumber":
    case "decimal": {
      const basic: Excel.BasicDataValidation =
        r.operator === "between"
          ? { operator: "Between", formula1: r.min, formula2: r.max }
          : { operator: CMP[r.operator], formula1: r.value };
      return r.type === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
    }
    case "date":
      return { date: { operator: "Between", formula1: r.min, formula2: r.max } };
    case "textLength":
      return { textLength: { operator: CMP[r.operator], formula1: r.value } };
    case "custom":
      return { custom: { formula: r.formula } };
  }
}

const ERROR_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

function applyValidation(range: Excel.Range, v: ValidationPlan): void {
  const dv = range.dataValidation;
  dv.clear();
  dv.ignoreBlanks = v.allowBlank;
  dv.rule = validationRule(v);
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  if (v.error)
    dv.errorAlert = {
      showAlert: true,
      style: ERROR_STYLE[v.error.style],
      title: v.error.title,
      message: v.error.message,
    };
}

function applyConditionalFormat(range: Excel.Range, cf: ConditionalFormatPlan): void {
  const added = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  added.custom.rule.formula = cf.formula;
  if (cf.style.fill !== undefined) added.custom.format.fill.color = cf.style.fill;
  if (cf.style.fontColor !== undefined) added.custom.format.font.color = cf.style.fontColor;
  if (cf.style.bold !== undefined) added.custom.format.font.bold = cf.style.bold;
  if (cf.stopIfTrue) added.stopIfTrue = true;
}

function addTable(sheet: Excel.Worksheet, t: TablePlan): void {
  const table = sheet.tables.add(sheet.getRange(t.range), true);
  table.name = t.name;
  table.style = t.style ?? "TableStyleMedium2";
  table.showTotals = false;
}

function addChart(sheet: Excel.Worksheet, c: ChartPlan, index: number): void {
  const type = c.type === "line" ? "Line" : "ColumnClustered";
  const chart = sheet.charts.add(
    type as Excel.ChartType,
    sheet.getRange(c.dataRange),
    (c.seriesBy === "rows" ? "Rows" : "Columns") as Excel.ChartSeriesBy,
  );
  chart.name = chartName(index);
  chart.title.text = c.title;
  chart.setPosition(c.from, c.to);
}

/** Charts Miernik adds are named "Miernik1", "Miernik2", … on their sheet. */
export function chartName(index: number): string {
  return `Miernik${index + 1}`;
}

function applyPrint(sheet: Excel.Worksheet, p: PrintPlan): void {
  const pl = sheet.pageLayout;
  pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  pl.paperSize = "A4";
  pl.zoom =
    p.scale !== undefined
      ? { scale: p.scale }
      : { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  if (p.printTitleRows) pl.setPrintTitleRows(p.printTitleRows);
  if (p.printTitleColumns) pl.setPrintTitleColumns(p.printTitleColumns);
  if (p.printArea) pl.setPrintArea(p.printArea);
  if (p.printOrder) pl.printOrder = p.printOrder === "overThenDown" ? "OverThenDown" : "DownThenOver";
  for (const r of p.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${r + 1}`);
  for (const c of p.colBreaks ?? []) sheet.verticalPageBreaks.add(`${columnLetters(c)}1`);
  // Header/footer use Excel's codes: in plain text "&" is doubled; the footers may carry &P / &N / &D.
  const hf = pl.headersFooters;
  if (p.centerHeader !== undefined) hf.defaultForAllPages.centerHeader = p.centerHeader.replace(/&/g, "&&");
  if (p.centerFooter !== undefined) hf.defaultForAllPages.centerFooter = p.centerFooter;
  if (p.leftFooter !== undefined) hf.defaultForAllPages.leftFooter = p.leftFooter;
  if (p.firstPageHeader !== undefined) {
    // Page 1 has a header (and footer) of its own: the footer is the same as on every page.
    hf.state = "FirstAndDefault";
    hf.firstPage.centerHeader = p.firstPageHeader.replace(/&/g, "&&");
    if (p.centerFooter !== undefined) hf.firstPage.centerFooter = p.centerFooter;
    if (p.leftFooter !== undefined) hf.firstPage.leftFooter = p.leftFooter;
  }
  if (p.margins) {
    // Office.js margins are in points; plans give inches.
    pl.leftMargin = p.margins.left * 72;
    pl.rightMargin = p.margins.right * 72;
    pl.topMargin = p.margins.top * 72;
    pl.bottomMargin = p.margins.bottom * 72;
    pl.headerMargin = p.margins.header * 72;
    pl.footerMargin = p.margins.footer * 72;
  }
}

/* ---------------- the renderer ---------------- */

/** A table the plan needs is already defined on another sheet: tell the user rather than convert it. */
function tableElsewhere(name: string, sheet: string): HostError {
  return new HostError({
    kind: "itemAlreadyExists",
    code: "ItemAlreadyExists",
    message: {
      pl: `W arkuszu „${sheet}” jest już tabela o nazwie „${name}”. Zmień jej nazwę (Projekt tabeli → Nazwa tabeli) i spróbuj ponownie.`,
      en: `Sheet "${sheet}" already has a table named "${name}". Rename it (Table Design → Table Name) and try again.`,
    },
  });
}

interface Existing {
  /** Sheet names, lower-cased: Excel compares sheet names ignoring case. */
  sheets: Set<string>;
  /** Tables by lower-cased name, with the lower-cased name of their sheet. */
  tables: Map<string, { table: Excel.Table; sheet: string }>;
  names: Set<string>;
  charts: Map<string, Excel.Chart[]>;
  /** Sheets not visible now (Hidden or VeryHidden), lower-cased. */
  hidden: Set<string>;
}

async function loadExisting(context: Excel.RequestContext): Promise<Existing> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/charts/items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  const charts = new Map<string, Excel.Chart[]>();
  for (const s of sheets.items) charts.set(s.name.toLowerCase(), s.charts.items);
  return {
    sheets: new Set(sheets.items.map((s) => s.name.toLowerCase())),
    tables: new Map(
      tables.items.map((t) => [t.name.toLowerCase(), { table: t, sheet: t.worksheet.name.toLowerCase() }]),
    ),
    names: new Set(names.items.map((n) => n.name.toLowerCase())),
    charts,
    hidden: new Set(sheets.items.filter((s) => s.visibility !== "Visible").map((s) => s.name.toLowerCase())),
  };
}

/** Create the plan's sheet, or clear it when it exists (found ignoring case, as Excel does). */
async function prepareSheet(
  context: Excel.RequestContext,
  b: Batcher,
  plan: SheetPlan,
  existing: Existing,
): Promise<Excel.Worksheet> {
  const ws = context.workbook.worksheets;
  let sheet!: Excel.Worksheet;
  const exists = existing.sheets.has(plan.name.toLowerCase());
  await b.add(OPERATION_OVERHEAD_BYTES * 8, () => {
    if (exists) {
      sheet = ws.getItem(plan.name);
      // Re-layout: the plan is the whole sheet (the caller has merged what the user typed into it).
      for (const c of existing.charts.get(plan.name.toLowerCase()) ?? []) c.delete();
      sheet.freezePanes.unfreeze();
      const all = sheet.getRange();
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      all.unmerge();
      all.clear("All" as Excel.ClearApplyTo);
    } else {
      sheet = ws.add(plan.name);
    }
    if (plan.tabColor) sheet.tabColor = plan.tabColor;
  });
  return sheet;
}

async function renderSheet(
  b: Batcher,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  maxBytes: number,
  pending: PendingCalculatedColumn[],
  visibility: { now: "Visible" | "Hidden"; deferred: RenderReport["visibility"] | null },
): Promise<void> {
  for (let i = 0; i < plan.columns.length; i++) {
    const c = plan.columns[i];
    await b.add(OPERATION_OVERHEAD_BYTES * 2, () => {
      const col = sheet.getRangeByIndexes(0, i, 1, 1).getEntireColumn();
      col.format.columnWidth = columnWidthToPoints(c.width);
      if (c.hidden) col.columnHidden = true;
    });
  }
  // Rows that fit their content are fitted by Excel once everything is written (one call over their span,
  // not one operation per row: a register's rows are many); the other rows get their heights now.
  const fits = (r: RowPlan): boolean => r.fit === true && !r.hidden;
  const fitted = (plan.rows ?? []).filter(fits);
  for (const r of plan.rows ?? []) {
    if (fits(r)) continue;
    await b.add(OPERATION_OVERHEAD_BYTES * 2, () => {
      const row = sheet.getRangeByIndexes(r.index, 0, 1, 1).getEntireRow();
      if (r.height !== undefined) row.format.rowHeight = r.height;
      if (r.hidden) row.rowHidden = true;
    });
  }
  for (const block of plan.blocks) {
    for (const ch of chunkBlock(block, maxBytes)) {
      await b.add(ch.bytes, () => {
        const range = sheet.getRangeByIndexes(ch.row, ch.col, ch.rows, ch.cols);
        if (ch.useFormulas) range.formulas = ch.grid as unknown[][];
        else range.values = ch.grid as unknown[][];
      });
    }
  }
  for (const m of plan.merges) {
    await b.add(estimateRequestBytes(m), () => sheet.getRange(m).merge(false));
  }
  for (const t of plan.tables) {
    await b.add(estimateRequestBytes(t, 4), () => addTable(sheet, t));
  }
  // Column formulas: in a table, written once into the column's first data cell — Excel fills the
  // calculated column (confirmed by reading back after every sheet is written); elsewhere row by row.
  const perRow: ColumnFormulaPlan[] = [];
  for (const cf of plan.columnFormulas ?? []) {
    if (cf.rows <= 0) continue;
    if (!inTableBody(cf, plan.tables)) {
      perRow.push(cf);
      continue;
    }
    const first = columnFormulaAt(cf, cf.row);
    await b.add(estimateRequestBytes([[first]]), () => {
      sheet.getRangeByIndexes(cf.row, cf.col, 1, 1).formulas = [[first]];
    });
    pending.push({ sheet: plan.name, cf });
  }
  await writeColumnFormulasPerRow(b, () => sheet, perRow, maxBytes);
  for (const f of plan.formats) {
    const r = parseRange(f.range);
    await b.add(styleBytes(f.style), () => applyStyle(sheet.getRange(f.range), f.style, r.rows, r.cols));
  }
  for (const v of plan.validations) {
    await b.add(estimateRequestBytes(v, 5), () => applyValidation(sheet.getRange(v.range), v));
  }
  // conditionalFormats.add puts the new format first (priority 0), so adding the plan's formats last to
  // first leaves them in the plan's order — the priorities the .xlsx renderer writes.
  for (const cf of [...plan.conditionalFormats].reverse()) {
    await b.add(estimateRequestBytes(cf, 6), () => applyConditionalFormat(sheet.getRange(cf.range), cf));
  }
  for (const [i, c] of (plan.charts ?? []).entries()) {
    await b.add(estimateRequestBytes(c, 5), () => addChart(sheet, c, i));
  }
  if (fitted.length > 0) {
    // Every row from the first fitted one to the last (rows between them without a height of their own are
    // auto-height anyway); rows with a set height inside that span get it back afterwards.
    let first = fitted[0].index;
    let last = first;
    for (const r of fitted) {
      first = Math.min(first, r.index);
      last = Math.max(last, r.index);
    }
    const fixed = (plan.rows ?? []).filter(
      (r) => !fits(r) && r.height !== undefined && r.index >= first && r.index <= last,
    );
    await b.add(OPERATION_OVERHEAD_BYTES * 2, () => {
      sheet
        .getRangeByIndexes(first, 0, last - first + 1, 1)
        .getEntireRow()
        .format.autofitRows();
    });
    for (const r of fixed)
      await b.add(OPERATION_OVERHEAD_BYTES * 2, () => {
        sheet.getRangeByIndexes(r.index, 0, 1, 1).getEntireRow().format.rowHeight = r.height!;
      });
  }
  await b.add(OPERATION_OVERHEAD_BYTES * 12, () => {
    const fr = plan.freeze;
    if (fr && fr.rows > 0 && fr.columns > 0)
      sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, fr.rows, fr.columns));
    else if (fr && fr.rows > 0) sheet.freezePanes.freezeRows(fr.rows);
    else if (fr && fr.columns > 0) sheet.freezePanes.freezeColumns(fr.columns);
    if (plan.print) applyPrint(sheet, plan.print);
    // Only a change is written (a new sheet is visible): Worksheet.visibility cannot be undone on desktop.
    const want = plan.visibility === "hidden" ? "Hidden" : "Visible";
    if (want !== visibility.now) {
      if (visibility.deferred) visibility.deferred.push({ sheet: plan.name, visibility: want });
      else sheet.visibility = want as Excel.SheetVisibility;
    }
  });
}

/**
 * Lay out sheets and defined names. Existing sheets of the same name are cleared and rewritten
 * (the caller must have asked the user and merged typed values into the plans); tables and names the
 * plans define are replaced (an existing table of that name is converted to a plain range first).
 * Office errors are rethrown as HostError with a Localized message.
 */
export async function renderSheetPlans(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  names: NamePlan[] = [],
  opts: RenderOptions = {},
): Promise<RenderReport> {
  const maxBytes = opts.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const supports = opts.supports ?? defaultSupports;
  const canSuspend = supports(6);
  let syncs = 0;
  try {
    const existing = await loadExisting(context);
    syncs = 1;
    opts.onProgress?.(syncs);
    const b = new Batcher(
      context,
      maxBytes,
      () => {
        if (canSuspend) context.application.suspendApiCalculationUntilNextSync();
      },
      (n) => opts.onProgress?.(n + 1),
    );
    // Free the table names the plans use before any sheet is cleared or written — only tables on the
    // sheet the plan lays out; a table of that name elsewhere is the user's and is left alone.
    for (const p of plans) {
      for (const t of p.tables) {
        const found = existing.tables.get(t.name.toLowerCase());
        if (!found) continue;
        if (found.sheet !== p.name.toLowerCase()) throw tableElsewhere(t.name, found.table.worksheet.name);
        await b.add(OPERATION_OVERHEAD_BYTES, () => found.table.convertToRange());
      }
    }
    const sheets: Excel.Worksheet[] = [];
    for (const p of plans) sheets.push(await prepareSheet(context, b, p, existing));
    // Names before the validations (`=L_*`) and formulas that refer to them; after the sheets exist.
    for (const n of names) {
      await b.add(estimateRequestBytes(n, 2), () => {
        if (existing.names.has(n.name.toLowerCase())) context.workbook.names.getItem(n.name).delete();
        context.workbook.names.add(n.name, n.refersTo, n.comment);
      });
    }
    const pending: PendingCalculatedColumn[] = [];
    const deferred: NonNullable<RenderReport["visibility"]> | null = opts.deferVisibility ? [] : null;
    for (const [i, p] of plans.entries()) {
      const now = existing.hidden.has(p.name.toLowerCase()) ? "Hidden" : "Visible";
      await renderSheet(b, sheets[i], p, maxBytes, pending, { now, deferred });
    }
    // After every sheet, so that the read-back is the only request the calculated columns add.
    const calc = await confirmCalculatedColumns(context, b, pending, maxBytes);
    await b.flush();
    return {
      syncs: syncs + b.syncs,
      requests: b.requests,
      calculatedColumns: { filled: calc.filled, writtenPerRow: calc.writtenPerRow },
      ...(deferred ? { visibility: deferred } : {}),
    };
  } catch (e) {
    throw toHostError(e);
  }
}
