import ExcelJS from "exceljs";
import { xlsxColumnWidth } from "./columnWidth";
import { parseRange, rangeA1 } from "../../workbook/address";
import {
  BlockPlan,
  CellStyle,
  CellValue,
  ColumnFormulaPlan,
  columnFormulaAt,
  ConditionalFormatPlan,
  NamePlan,
  PrintPlan,
  SheetPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
} from "../../workbook/plan";

export { readXlsx, XlsxReadError } from "./read";
import { addPackageParts } from "./charts";
import { anchoredPrintArea, setRawName } from "./names";
import { slideFormula } from "./sharedFormula";

/**
 * ExcelJS renderer of a WorkbookPlan. ExcelJS 4.4 cannot write charts: `writeXlsx` adds the plan's charts
 * (DrawingML parts) and column page breaks to the package ExcelJS wrote (./charts.ts). Name comments are not
 * written (ExcelJS has no field).
 *
 * Works in Node and in the browser: no fs here (the CLI writes the bytes).
 */

/** Excel serial day number (1900 system) of an ISO date "YYYY-MM-DD". */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Bad ISO date "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000 + 25569;
}

/** @internal shared with ./stream.ts */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(h)) throw new RangeError(`Bad colour "${hex}" (expected #RRGGBB)`);
  return `FF${h}`;
}

/** @internal shared with ./stream.ts */
export function stripEq(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const r = parseRange(range);
  for (let i = 0; i < r.rows; i++) {
    const row = ws.getRow(r.row + i + 1);
    for (let j = 0; j < r.cols; j++) fn(row.getCell(r.col + j + 1));
  }
}

/** @internal shared with ./stream.ts */
export function cellValue(v: CellValue, formula: string | null | undefined): ExcelJS.CellValue {
  if (formula !== null && formula !== undefined)
    return { formula: stripEq(formula) } as ExcelJS.CellFormulaValue;
  // Text stays text: ExcelJS writes strings as shared strings, never as formulas.
  return v;
}

/** One shared (never mutated) style object for unformatted cells; see mergedStyle. */
export const EMPTY_STYLE: Partial<ExcelJS.Style> = Object.freeze({}) as Partial<ExcelJS.Style>;

function isEmptyStyle(style: object): boolean {
  for (const _k in style) return false;
  return true;
}

function put(target: ExcelJS.Cell, value: ExcelJS.CellValue): void {
  target.value = value;
  if (isEmptyStyle(target.style)) target.style = EMPTY_STYLE;
}

/**
 * Runs of cells down a column whose formulas are the same formula slid one row at a time (the register's
 * derived columns) are written as one shared formula: `<f t="shared" ref=… si=…>` once, then `<f si=…/>`
 * per cell. Excel and LibreOffice read them as the per-row formulas; the sheet XML shrinks ~5×, which is
 * what lets a 100 000-row register be written at all (one XML string per sheet). A cell joins a run only
 * when ExcelJS's own translation of the run's first formula gives exactly its formula.
 */
/** @internal shared with ./stream.ts */
export function sharedRuns(b: BlockPlan): Map<string, { master: string; ref?: string }> {
  const out = new Map<string, { master: string; ref?: string }>();
  const rows = b.formulas?.length ?? 0;
  let width = 0;
  for (const r of b.formulas ?? []) width = Math.max(width, r?.length ?? 0);
  for (let j = 0; j < width; j++) {
    let i = 0;
    while (i < rows) {
      const f = b.formulas?.[i]?.[j];
      if (!f) {
        i++;
        continue;
      }
      const master = rangeA1(b.row + i, b.col + j, 1, 1);
      const body = stripEq(f);
      let k = i + 1;
      while (k < rows) {
        const g = b.formulas?.[k]?.[j];
        if (!g || slideFormula(body, master, rangeA1(b.row + k, b.col + j, 1, 1)) !== stripEq(g)) break;
        k++;
      }
      if (k - i >= 2) {
        out.set(master, { master, ref: `${master}:${rangeA1(b.row + k - 1, b.col + j, 1, 1)}` });
        for (let r = i + 1; r < k; r++) out.set(rangeA1(b.row + r, b.col + j, 1, 1), { master });
      }
      i = k;
    }
  }
  return out;
}

function writeBlock(ws: ExcelJS.Worksheet, b: BlockPlan): void {
  const shared = sharedRuns(b);
  b.values.forEach((rowValues, i) => {
    const row = ws.getRow(b.row + i + 1);
    const width = Math.max(rowValues.length, b.formulas?.[i]?.length ?? 0);
    for (let j = 0; j < width; j++) {
      const v = rowValues[j] ?? null;
      const f = b.formulas?.[i]?.[j];
      const run = f ? shared.get(rangeA1(b.row + i, b.col + j, 1, 1)) : undefined;
      if (run?.ref)
        put(row.getCell(b.col + j + 1), {
          formula: stripEq(f!),
          shareType: "shared",
          ref: run.ref,
        } as unknown as ExcelJS.CellValue);
      else if (run) put(row.getCell(b.col + j + 1), { sharedFormula: run.master } as ExcelJS.CellValue);
      else put(row.getCell(b.col + j + 1), cellValue(v, f));
    }
  });
}

/**
 * A column formula as one shared formula: the first cell carries the formula and the run's ref, every
 * other cell only points at it (ExcelJS writes `<f si=…/>`); no per-row formula text is made.
 */
function writeColumnFormula(ws: ExcelJS.Worksheet, cf: ColumnFormulaPlan): void {
  if (cf.rows <= 0) return;
  const master = rangeA1(cf.row, cf.col, 1, 1);
  const first = stripEq(columnFormulaAt(cf, cf.row));
  if (cf.rows === 1) {
    put(ws.getRow(cf.row + 1).getCell(cf.col + 1), { formula: first } as ExcelJS.CellFormulaValue);
    return;
  }
  put(ws.getRow(cf.row + 1).getCell(cf.col + 1), {
    formula: first,
    shareType: "shared",
    ref: `${master}:${rangeA1(cf.row + cf.rows - 1, cf.col, 1, 1)}`,
  } as unknown as ExcelJS.CellValue);
  const slave = { sharedFormula: master } as ExcelJS.CellValue;
  for (let i = 1; i < cf.rows; i++) put(ws.getRow(cf.row + i + 1).getCell(cf.col + 1), slave);
}

const H_ALIGN: Record<string, ExcelJS.Alignment["horizontal"]> = {
  left: "left",
  center: "center",
  right: "right",
};
const V_ALIGN: Record<string, ExcelJS.Alignment["vertical"]> = {
  top: "top",
  center: "middle",
  bottom: "bottom",
};

/** The face of a new workbook's body text (ExcelJS's font 0; with the minor scheme, the theme's body font in Excel). */
const BODY_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, scheme: "minor" };

/**
 * A new style object: `old` with the plan's style on top. Never mutates `old`: ExcelJS cells share
 * style objects here on purpose (its writer caches style ids per object, which makes writing 100 000
 * rows several times faster than with one style object per cell). To restyle a cell of a rendered
 * workbook, assign a new object: `cell.style = { ...cell.style, numFmt: "0%" }`.
 */
/** @internal shared with ./stream.ts */
export function mergedStyle(old: Partial<ExcelJS.Style>, s: CellStyle): Partial<ExcelJS.Style> {
  const st: Partial<ExcelJS.Style> = { ...old };
  if (s.numberFormat !== undefined) st.numFmt = s.numberFormat;
  if (
    s.bold !== undefined ||
    s.italic !== undefined ||
    s.fontSize !== undefined ||
    s.fontColor !== undefined
  ) {
    // A cell's font names its face (the workbook's body font, as ExcelJS's default font 0 does): a font record
    // with a size or bold only has no face, and LibreOffice prints such cells in its own default, a serif
    // face, beside the Calibri of the unstyled cells.
    const font: Partial<ExcelJS.Font> = { ...BODY_FONT, ...(old.font ?? {}) };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize !== undefined) font.size = s.fontSize;
    if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
    st.font = font;
  }
  if (s.fill !== undefined) st.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.hAlign !== undefined || s.vAlign !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...(old.alignment ?? {}) };
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    if (s.hAlign !== undefined) al.horizontal = H_ALIGN[s.hAlign];
    if (s.vAlign !== undefined) al.vertical = V_ALIGN[s.vAlign];
    st.alignment = al;
  }
  if (s.border !== undefined) {
    const edge: Partial<ExcelJS.Border> = { style: s.border };
    st.border = { top: edge, left: edge, bottom: edge, right: edge };
  }
  if (s.locked !== undefined) st.protection = { ...(old.protection ?? {}), locked: s.locked };
  // Frozen: code that later does `cell.numFmt = …` on a rendered workbook would change every cell
  // sharing the object; it fails loudly instead (assign `cell.style = { ...cell.style, … }`).
  return Object.freeze(st);
}

/** Apply one format to a range: cells that shared a style object share the new one too. */
function applyFormat(ws: ExcelJS.Worksheet, range: string, s: CellStyle): void {
  const cache = new Map<object, Partial<ExcelJS.Style>>();
  forEachCell(ws, range, (cell) => {
    const old = cell.style as Partial<ExcelJS.Style>;
    let next = cache.get(old);
    if (!next) {
      next = mergedStyle(old, s);
      cache.set(old, next);
    }
    cell.style = next;
  });
}

/** @internal shared with ./stream.ts */
export function validationModel(v: ValidationPlan): ExcelJS.DataValidation {
  const r = v.rule;
  let base: ExcelJS.DataValidation;
  switch (r.type) {
    case "list":
      base = { type: "list", allowBlank: v.allowBlank, formulae: [stripEq(r.source)] };
      break;
    case "wholeNumber":
    case "decimal": {
      const type = r.type === "wholeNumber" ? "whole" : "decimal";
      base =
        r.operator === "between"
          ? { type, operator: "between", allowBlank: v.allowBlank, formulae: [r.min, r.max] }
          : { type, operator: r.operator, allowBlank: v.allowBlank, formulae: [r.value] };
      break;
    }
    case "date":
      // ExcelJS turns each date formula into a serial with `new Date(formula)`: ISO dates are UTC.
      base = { type: "date", operator: "between", allowBlank: v.allowBlank, formulae: [r.min, r.max] };
      break;
    case "textLength":
      base = { type: "textLength", operator: r.operator, allowBlank: v.allowBlank, formulae: [r.value] };
      break;
    case "custom":
      base = { type: "custom", allowBlank: v.allowBlank, formulae: [stripEq(r.formula)] };
      break;
  }
  if (v.prompt) {
    base.showInputMessage = true;
    base.promptTitle = v.prompt.title;
    base.prompt = v.prompt.message;
  }
  if (v.error) {
    base.showErrorMessage = true;
    base.errorStyle = v.error.style;
    base.errorTitle = v.error.title;
    base.error = v.error.message;
  }
  return base;
}

/** @internal shared with ./stream.ts */
export function addConditionalFormat(
  ws: ExcelJS.Worksheet,
  cf: ConditionalFormatPlan,
  priority: number,
): void {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fill)
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } };
  if (cf.style.fontColor !== undefined || cf.style.bold !== undefined) {
    const font: Partial<ExcelJS.Font> = {};
    if (cf.style.fontColor) font.color = { argb: argb(cf.style.fontColor) };
    if (cf.style.bold !== undefined) font.bold = cf.style.bold;
    style.font = font;
  }
  const rule: ExcelJS.ExpressionRuleType & { stopIfTrue?: boolean } = {
    type: "expression",
    priority,
    formulae: [stripEq(cf.formula)],
    style,
  };
  if (cf.stopIfTrue) rule.stopIfTrue = true;
  ws.addConditionalFormatting({ ref: cf.range, rules: [rule] });
}

function cellToTableValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  return cell.value;
}

/** A table's column names from its header cells: unique (Excel appends 2, 3, …), "ColumnN" for blanks. */
export function tableColumnNames(headers: readonly unknown[]): string[] {
  const names: string[] = [];
  headers.forEach((v, j) => {
    let name = v === null || v === undefined || v === "" ? `Column${j + 1}` : String(v);
    // Header names must be unique (a duplicate makes Excel repair the file).
    const taken = (n: string) => names.some((c) => c.toLowerCase() === n.toLowerCase());
    if (taken(name)) {
      let k = 2;
      while (taken(`${name}${k}`)) k++;
      name = `${name}${k}`;
    }
    names.push(name);
  });
  return names;
}

/** The frozen-pane view of a sheet plan (ExcelJS `views`). */
export function sheetViews(plan: SheetPlan): Partial<ExcelJS.WorksheetView>[] {
  const views: Partial<ExcelJS.WorksheetView>[] = [];
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    views.push({
      state: "frozen",
      xSplit: plan.freeze.columns,
      ySplit: plan.freeze.rows,
      topLeftCell: rangeA1(plan.freeze.rows, plan.freeze.columns, 1, 1),
    });
  }
  return views;
}

/**
 * Tables: the header texts come from the cells the blocks wrote. A header-only table
 * ("A1:D1") gets one empty data row, as Excel itself does (Office.js `tables.add` too).
 */
function addTable(ws: ExcelJS.Worksheet, t: TablePlan): void {
  const r = parseRange(t.range);
  const header = ws.getRow(r.row + 1);
  const headers: unknown[] = [];
  for (let j = 0; j < r.cols; j++) headers.push(cellToTableValue(header.getCell(r.col + j + 1)));
  const columns: ExcelJS.TableColumnProperties[] = tableColumnNames(headers).map((name) => ({
    name,
    filterButton: true,
  }));
  const rows: ExcelJS.CellValue[][] = [];
  const dataRows = Math.max(1, r.rows - 1);
  for (let i = 0; i < dataRows; i++) {
    const row = ws.getRow(r.row + 2 + i);
    const values: ExcelJS.CellValue[] = [];
    for (let j = 0; j < r.cols; j++) values.push(cellToTableValue(row.getCell(r.col + j + 1)));
    rows.push(values);
  }
  // Table.store() rewrites values only (no column styles given), so formats set later survive.
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: rangeA1(r.row, r.col, 1, 1),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns,
    rows,
  });
}

/** @internal shared with ./stream.ts */
export function applyPrint(ws: ExcelJS.Worksheet, p: PrintPlan): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    orientation: p.orientation,
    paperSize: 9, // A4
    fitToPage: p.scale === undefined,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
  };
  if (p.scale !== undefined) setup.scale = p.scale;
  if (p.printOrder) setup.pageOrder = p.printOrder;
  if (p.printTitleRows) setup.printTitlesRow = p.printTitleRows.replace(/\$/g, "");
  if (p.printTitleColumns) setup.printTitlesColumn = p.printTitleColumns.replace(/\$/g, "");
  // ExcelJS writes `'Sheet'!$<first>:$<last>`, which anchors only the columns: "A$1:H$64" → $A$1:$H$64.
  if (p.printArea) setup.printArea = anchoredPrintArea(p.printArea);
  // Column breaks (and charts) are added to the package afterwards by ./charts.ts.
  for (const r of p.rowBreaks ?? []) ws.getRow(r).addPageBreak();
  if (p.margins) setup.margins = { ...p.margins };
  Object.assign(ws.pageSetup, setup);
  const hf: Partial<ExcelJS.HeaderFooter> = {};
  // The header is plain text: "&" must be doubled; the footer may carry &P / &N / &D codes as is.
  const header = (text: string) => (text === "" ? "" : `&C${text.replace(/&/g, "&&")}`);
  if (p.centerHeader !== undefined) hf.oddHeader = header(p.centerHeader);
  const footer =
    (p.leftFooter !== undefined ? `&L${p.leftFooter}` : "") +
    (p.centerFooter !== undefined ? `&C${p.centerFooter}` : "");
  if (footer) hf.oddFooter = footer;
  if (p.firstPageHeader !== undefined) {
    // Page 1 has a header (and footer) of its own: the footer is the same as on every page.
    hf.differentFirst = true;
    hf.firstHeader = header(p.firstPageHeader);
    if (footer) hf.firstFooter = footer;
  }
  Object.assign(ws.headerFooter, hf);
}

function renderSheet(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const existing = wb.getWorksheet(plan.name);
  const order = existing ? (existing as unknown as { orderNo: number }).orderNo : undefined;
  if (existing) wb.removeWorksheet(existing.id);
  const views = sheetViews(plan);
  const ws = wb.addWorksheet(plan.name, {
    state: plan.visibility === "hidden" ? "hidden" : "visible",
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views,
  });
  if (order !== undefined) (ws as unknown as { orderNo: number }).orderNo = order;

  plan.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = xlsxColumnWidth(c.width);
    if (c.hidden) col.hidden = true;
  });
  for (const r of plan.rows ?? []) {
    const row = ws.getRow(r.index + 1);
    if (r.height !== undefined) row.height = r.height;
    // ExcelJS drops rows with neither cells nor a height: a hidden empty row needs the default height.
    else if (r.hidden) row.height = 15;
    if (r.hidden) row.hidden = true;
  }
  for (const b of plan.blocks) writeBlock(ws, b);
  for (const cf of plan.columnFormulas ?? []) writeColumnFormula(ws, cf);
  for (const m of plan.merges) ws.mergeCells(m);
  for (const t of plan.tables) addTable(ws, t);
  for (const f of plan.formats) applyFormat(ws, f.range, f.style);
  // `dataValidations` exists on ExcelJS worksheets but is missing from its typings.
  const dvs = (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of plan.validations) dvs.add(v.range, validationModel(v));
  plan.conditionalFormats.forEach((cf, i) => addConditionalFormat(ws, cf, i + 1));
  if (plan.print) applyPrint(ws, plan.print);
}

function addNames(wb: ExcelJS.Workbook, names: NamePlan[]): void {
  if (names.length === 0) return;
  for (const n of names) setRawName(wb, n.name, n.refersTo);
}

/** Render a whole plan into a workbook (a new one unless given). Re-rendering replaces the plan's sheets. */
export function renderWorkbookPlan(plan: WorkbookPlan, into?: ExcelJS.Workbook): ExcelJS.Workbook {
  const wb = into ?? new ExcelJS.Workbook();
  if (!into) {
    wb.creator = "Miernik";
    wb.created = new Date(Date.UTC(2000, 0, 1));
    wb.modified = wb.created;
  }
  for (const s of plan.sheets) renderSheet(wb, s);
  addNames(wb, plan.names);
  return wb;
}

/** The .xlsx bytes of a plan (charts and column breaks added to the package by ./charts.ts). */
export async function writeXlsx(plan: WorkbookPlan, into?: ExcelJS.Workbook): Promise<Uint8Array> {
  const wb = renderWorkbookPlan(plan, into);
  const buf = await wb.xlsx.writeBuffer();
  return addPackageParts(buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer), plan.sheets);
}

/** A single-cell write for an ExcelJS workbook (same shape as the Office.js `writeCells`). */
export interface XlsxCellWrite {
  address: string;
  value?: CellValue;
  /** "=…"; wins over value. */
  formula?: string;
}

/**
 * Write single cells of an existing sheet, touching nothing else (formats stay). Used to apply
 * validation fixes to a workbook outside Excel. Throws a RangeError naming the sheet if it is missing.
 */
export function writeCellsToWorkbook(wb: ExcelJS.Workbook, sheetName: string, cells: XlsxCellWrite[]): void {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new RangeError(`There is no sheet "${sheetName}"`);
  for (const c of cells) {
    const { row, col } = parseRange(c.address.replace(/\$/g, ""));
    ws.getRow(row + 1).getCell(col + 1).value = cellValue(c.value ?? null, c.formula);
  }
}
