/**
 * Compare what the two renderers produced with what the plan says.
 *
 *   const bytes = await writeXlsx(plan);
 *   const fake = new FakeExcel();
 *   await renderSheetPlans(fake.context() as never, plan.sheets, plan.names);
 *   await expectRenderingsMatchPlan(plan, bytes, fake);
 *
 * Each side is reduced to the same normalised snapshot (`Rendered`): cells (value, formula), cell
 * styles (number format, font, fill, alignment, borders, lock), column widths (in pixels), rows,
 * merges, validations (per cell), conditional formats, tables, names, freeze panes, print setup,
 * visibility, tab colour, charts (in the .xlsx: the DrawingML parts src/hosts/xlsx/charts.ts adds, read back
 * by ./xlsxCharts.ts); conditional formats' stopIfTrue is not compared (ExcelJS cannot write it).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { pointsToColumnWidth } from "../../src/hosts/excel/render";
import { normaliseValue } from "../../src/hosts/xlsx/read";
import { chartsFromXlsx } from "./xlsxCharts";
import { a1, parseRange } from "../../src/workbook/address";
import {
  CellStyle,
  CellValue,
  SheetPlan,
  ValidationPlan,
  withSpelledOutFormulas,
  WorkbookPlan,
} from "../../src/workbook/plan";
import { FakeExcel, FakeSheetState, refAddress } from "../fakes/excelFake";

export interface RenderedStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  border?: string;
  locked?: boolean;
}

export interface RenderedValidation {
  type: string;
  operator?: string;
  formulae: string[];
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string; style: string };
}

export interface RenderedSheet {
  name: string;
  visible: boolean;
  tabColor?: string;
  /** Non-empty cells: "B4" → value and/or formula. */
  cells: Record<string, { value?: CellValue; formula?: string }>;
  /** Styles of the cells the plan formats (and of every written cell): only non-default properties. */
  styles: Record<string, RenderedStyle>;
  /** Column index → width in pixels (Calibri 11) and hidden flag. */
  columns: Record<number, { px: number; hidden: boolean }>;
  rows: Record<number, { height?: number; hidden: boolean }>;
  merges: string[];
  validations: Record<string, RenderedValidation>;
  conditionalFormats: { range: string; formula: string; fill?: string; fontColor?: string; bold?: boolean }[];
  tables: { name: string; range: string; style: string }[];
  freeze?: { rows: number; columns: number };
  print?: {
    orientation: string;
    paperSize: string;
    fitToWidth: number;
    fitToHeight: number;
    printTitleRows?: string;
    printTitleColumns?: string;
    printArea?: string;
    scale?: number;
    centerHeader?: string;
    centerFooter?: string;
    leftFooter?: string;
    firstPageHeader?: string;
    margins?: Record<string, number>;
  };
  charts?: { type: string; title: string; dataRange: string; seriesBy: string; from: string; to: string }[];
}

export interface Rendered {
  sheets: Record<string, RenderedSheet>;
  names: Record<string, string>;
}

const pxOfWidth = (w: number) => (w <= 0 ? 0 : Math.round(w * 7) + 5);
const up = (c: string | undefined) => (c ? `#${c.replace(/^#/, "").slice(-6).toUpperCase()}` : undefined);

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Style properties other than Excel's defaults (so "bold: false" and "absent" compare equal). */
function normStyle(s: RenderedStyle): RenderedStyle {
  return clean({
    numberFormat: s.numberFormat && s.numberFormat !== "General" ? s.numberFormat : undefined,
    bold: s.bold || undefined,
    italic: s.italic || undefined,
    fontSize: s.fontSize !== undefined && s.fontSize !== 11 ? s.fontSize : undefined,
    fontColor: s.fontColor && up(s.fontColor) !== "#000000" ? up(s.fontColor) : undefined,
    fill: s.fill ? up(s.fill) : undefined,
    wrap: s.wrap || undefined,
    hAlign: s.hAlign && s.hAlign.toLowerCase() !== "general" ? s.hAlign.toLowerCase() : undefined,
    vAlign: s.vAlign && s.vAlign.toLowerCase() !== "bottom" ? s.vAlign.toLowerCase() : undefined,
    border: s.border || undefined,
    locked: s.locked === false ? false : undefined,
  });
}

function forEachAddress(range: string, fn: (address: string, row: number, col: number) => void): void {
  const r = parseRange(range);
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) fn(a1(r.row + i, r.col + j), r.row + i, r.col + j);
}

/** Addresses whose styles are compared: every cell a format or a block of the plan touches. */
function styledAddresses(sheetPlan: SheetPlan): Set<string> {
  const plan = withSpelledOutFormulas(sheetPlan);
  const out = new Set<string>();
  for (const f of plan.formats) forEachAddress(f.range, (a) => out.add(a));
  for (const b of plan.blocks)
    b.values.forEach((row, i) => row.forEach((_v, j) => out.add(a1(b.row + i, b.col + j))));
  return out;
}

function normValidation(v: ValidationPlan): RenderedValidation {
  const r = v.rule;
  const strip = (f: string) => (f.startsWith("=") ? f.slice(1) : f);
  let base: RenderedValidation;
  switch (r.type) {
    case "list":
      base = { type: "list", formulae: [strip(r.source)], allowBlank: v.allowBlank };
      break;
    case "custom":
      base = { type: "custom", formulae: [strip(r.formula)], allowBlank: v.allowBlank };
      break;
    case "date":
      base = { type: "date", operator: "between", formulae: [r.min, r.max], allowBlank: v.allowBlank };
      break;
    case "textLength":
      base = {
        type: "textLength",
        operator: r.operator,
        formulae: [String(r.value)],
        allowBlank: v.allowBlank,
      };
      break;
    default:
      base =
        r.operator === "between"
          ? {
              type: r.type,
              operator: "between",
              formulae: [String(r.min), String(r.max)],
              allowBlank: v.allowBlank,
            }
          : { type: r.type, operator: r.operator, formulae: [String(r.value)], allowBlank: v.allowBlank };
  }
  if (v.prompt) base.prompt = { ...v.prompt };
  if (v.error) base.error = { ...v.error };
  return base;
}

/* ---------------- from the plan ---------------- */

/** Column formulas are compared as the per-cell formulas they stand for. */
function spelledOut(plan: WorkbookPlan): WorkbookPlan {
  return { ...plan, sheets: plan.sheets.map(withSpelledOutFormulas) };
}

export function expectedFromPlan(workbookPlan: WorkbookPlan): Rendered {
  const plan = spelledOut(workbookPlan);
  const sheets: Record<string, RenderedSheet> = {};
  for (const p of plan.sheets) {
    const cells: RenderedSheet["cells"] = {};
    const mergedAway = new Set<string>();
    for (const m of p.merges) {
      const r = parseRange(m);
      const topLeft = a1(r.row, r.col);
      forEachAddress(m, (a) => {
        if (a !== topLeft) mergedAway.add(a);
      });
    }
    for (const b of p.blocks) {
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const addr = a1(b.row + i, b.col + j);
          const f = b.formulas?.[i]?.[j];
          delete cells[addr];
          if (mergedAway.has(addr)) return;
          if (f) cells[addr] = { formula: f };
          else if (v !== null && v !== "") cells[addr] = { value: v };
        }),
      );
    }
    const styles: Record<string, RenderedStyle> = {};
    const acc = new Map<string, CellStyle>();
    for (const f of p.formats)
      forEachAddress(f.range, (a) => acc.set(a, { ...(acc.get(a) ?? {}), ...f.style }));
    for (const a of styledAddresses(p)) {
      const s = acc.get(a) ?? {};
      const n = normStyle({ ...s, hAlign: s.hAlign, vAlign: s.vAlign });
      if (Object.keys(n).length) styles[a] = n;
    }
    const columns: RenderedSheet["columns"] = {};
    p.columns.forEach((c, i) => (columns[i] = { px: pxOfWidth(c.width), hidden: !!c.hidden }));
    const rows: RenderedSheet["rows"] = {};
    for (const r of p.rows ?? []) rows[r.index] = clean({ height: r.height, hidden: !!r.hidden });
    const validations: Record<string, RenderedValidation> = {};
    for (const v of p.validations) forEachAddress(v.range, (a) => (validations[a] = normValidation(v)));
    sheets[p.name] = clean({
      name: p.name,
      visible: p.visibility !== "hidden",
      tabColor: up(p.tabColor),
      cells,
      styles,
      columns,
      rows,
      merges: [...p.merges].map((m) => refAddress(parseRange(m))).sort(),
      validations,
      conditionalFormats: p.conditionalFormats
        .map((c) =>
          clean({
            range: c.range,
            formula: c.formula.replace(/^=/, ""),
            fill: up(c.style.fill),
            fontColor: up(c.style.fontColor),
            bold: c.style.bold || undefined,
          }),
        )
        .sort((x, y) => (x.range + x.formula).localeCompare(y.range + y.formula)),
      tables: p.tables
        .map((t) => {
          const r = parseRange(t.range);
          return {
            name: t.name,
            range: refAddress({ ...r, rows: Math.max(2, r.rows) }),
            style: t.style ?? "TableStyleMedium2",
          };
        })
        .sort((x, y) => x.name.localeCompare(y.name)),
      freeze: p.freeze && (p.freeze.rows > 0 || p.freeze.columns > 0) ? { ...p.freeze } : undefined,
      print: p.print
        ? clean({
            orientation: p.print.orientation,
            paperSize: "A4",
            fitToWidth: p.print.scale === undefined ? p.print.fitToWidth : -1,
            fitToHeight: p.print.scale === undefined ? p.print.fitToHeight : -1,
            printTitleRows: p.print.printTitleRows,
            printTitleColumns: p.print.printTitleColumns?.replace(/\$/g, ""),
            printArea: p.print.printArea?.replace(/\$/g, ""),
            scale: p.print.scale,
            centerHeader: p.print.centerHeader,
            centerFooter: p.print.centerFooter,
            leftFooter: p.print.leftFooter,
            firstPageHeader: p.print.firstPageHeader,
            margins: p.print.margins ? { ...p.print.margins } : undefined,
          })
        : undefined,
      charts: (p.charts ?? []).map((c) => ({ ...c })),
    });
  }
  const names: Record<string, string> = {};
  for (const n of plan.names) names[n.name] = n.refersTo;
  return { sheets, names };
}

/* ---------------- from an .xlsx (read back with ExcelJS) ---------------- */

/** One section ("&L…", "&C…", "&R…") of an .xlsx header/footer string; "&&" (a literal &) is no marker. */
function hfSection(s: string | undefined, which: "L" | "C" | "R"): string | undefined {
  if (!s) return undefined;
  const parts: Partial<Record<"L" | "C" | "R", string>> = {};
  let current: "L" | "C" | "R" = "C";
  let text = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "&" && i + 1 < s.length) {
      const next = s[i + 1];
      if (next === "L" || next === "C" || next === "R") {
        if (text) parts[current] = (parts[current] ?? "") + text;
        current = next;
        text = "";
        parts[current] ??= "";
        i++;
        continue;
      }
      text += s[i] + next;
      i++;
      continue;
    }
    text += s[i];
  }
  if (text) parts[current] = (parts[current] ?? "") + text;
  return parts[which];
}

async function namesFromXlsx(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")?.async("string");
  const out: Record<string, string> = {};
  const decode = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const m of (xml ?? "").matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /name="([^"]*)"/.exec(m[1])?.[1] ?? "";
    if (name.startsWith("_xlnm.")) continue;
    out[decode(name)] = `=${decode(m[2])}`;
  }
  return out;
}

function styleOfExcelJS(cell: ExcelJS.Cell): RenderedStyle {
  const b = cell.border ?? {};
  const sides = [b.top?.style, b.bottom?.style, b.left?.style, b.right?.style];
  const vAlign = cell.alignment?.vertical === "middle" ? "center" : cell.alignment?.vertical;
  return normStyle({
    numberFormat: cell.numFmt,
    bold: cell.font?.bold,
    italic: cell.font?.italic,
    fontSize: cell.font?.size,
    fontColor: cell.font?.color?.argb,
    fill: cell.fill && cell.fill.type === "pattern" ? cell.fill.fgColor?.argb : undefined,
    wrap: cell.alignment?.wrapText,
    hAlign: cell.alignment?.horizontal,
    vAlign,
    border: sides.every((s) => s && s === sides[0])
      ? sides[0]
      : sides.some(Boolean)
        ? `mixed:${sides.join(",")}`
        : undefined,
    locked: cell.protection?.locked,
  });
}

function dvOfExcelJS(dv: ExcelJS.DataValidation): RenderedValidation {
  const type = dv.type === "whole" ? "wholeNumber" : dv.type;
  const needsOp = ["whole", "decimal", "date", "textLength"].includes(dv.type);
  const formulae = (dv.formulae ?? []).map((f: unknown) => {
    if (f instanceof Date) return f.toISOString().slice(0, 10);
    if (dv.type === "date" && typeof f === "string" && /^\d{4}-\d{2}-\d{2}T/.test(f)) return f.slice(0, 10);
    return String(f);
  });
  const out: RenderedValidation = {
    type,
    operator: needsOp ? (dv.operator ?? "between") : undefined,
    formulae,
    allowBlank: !!dv.allowBlank,
  };
  if (!needsOp) delete out.operator;
  if (dv.showInputMessage) out.prompt = { title: dv.promptTitle ?? "", message: dv.prompt ?? "" };
  if (dv.showErrorMessage)
    out.error = { title: dv.errorTitle ?? "", message: dv.error ?? "", style: dv.errorStyle ?? "stop" };
  return out;
}

export async function renderedFromXlsx(bytes: Uint8Array, plan: WorkbookPlan): Promise<Rendered> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const packaged = await chartsFromXlsx(bytes);
  const sheets: Record<string, RenderedSheet> = {};
  for (const p of plan.sheets) {
    const ws = wb.getWorksheet(p.name);
    if (!ws) continue;
    const cells: RenderedSheet["cells"] = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (cell.type === ExcelJS.ValueType.Formula) cells[cell.address] = { formula: `=${cell.formula}` };
        else {
          const v = normaliseValue(cell.value);
          if (v !== null) cells[cell.address] = { value: v };
        }
      }),
    );
    const styles: Record<string, RenderedStyle> = {};
    for (const a of styledAddresses(p)) {
      const s = styleOfExcelJS(ws.getCell(a));
      if (Object.keys(s).length) styles[a] = s;
    }
    const columns: RenderedSheet["columns"] = {};
    p.columns.forEach((_c, i) => {
      const { width, hidden } = ws.getColumn(i + 1);
      columns[i] = { px: pxOfWidth(width ?? 0), hidden: !!hidden };
    });
    const rows: RenderedSheet["rows"] = {};
    for (const r of p.rows ?? []) {
      const { height, hidden } = ws.getRow(r.index + 1);
      rows[r.index] = clean({
        height: r.height !== undefined ? height : undefined,
        hidden: !!hidden,
      });
    }
    const validations: Record<string, RenderedValidation> = {};
    const dvModel = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }
    ).dataValidations.model;
    for (const [addr, dv] of Object.entries(dvModel)) if (dv) validations[addr] = dvOfExcelJS(dv);
    const cfs =
      (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
        .conditionalFormattings ?? [];
    const conditionalFormats: RenderedSheet["conditionalFormats"] = [];
    for (const cf of cfs)
      for (const rule of cf.rules as ExcelJS.ExpressionRuleType[]) {
        const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
        conditionalFormats.push(
          clean({
            range: cf.ref,
            formula: (rule.formulae ?? [])[0] ?? "",
            fill: up(fill?.bgColor?.argb),
            fontColor: up(rule.style?.font?.color?.argb),
            bold: rule.style?.font?.bold || undefined,
          }),
        );
      }
    conditionalFormats.sort((x, y) => (x.range + x.formula).localeCompare(y.range + y.formula));
    const tables = ws
      .getTables()
      .map((t) => {
        const tt = (t as unknown as { table: { name: string; tableRef: string; style?: { theme?: string } } })
          .table;
        return { name: tt.name, range: tt.tableRef, style: tt.style?.theme ?? "" };
      })
      .sort((x, y) => x.name.localeCompare(y.name));
    const view = (ws.views ?? [])[0] as
      (Partial<ExcelJS.WorksheetViewFrozen> & { state?: string }) | undefined;
    const freeze =
      view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : undefined;
    const ps = ws.pageSetup;
    const hf = ws.headerFooter ?? {};
    const centre = (s: string | undefined) => hfSection(s, "C");
    const print = p.print
      ? clean({
          orientation: String(ps.orientation),
          paperSize: ps.paperSize === 9 ? "A4" : String(ps.paperSize),
          fitToWidth: ps.fitToPage ? (ps.fitToWidth ?? 1) : -1,
          fitToHeight: ps.fitToPage ? (ps.fitToHeight ?? 1) : -1,
          printTitleRows: ps.printTitlesRow
            ? ps.printTitlesRow
                .split(":")
                .map((x) => `$${x}`)
                .join(":")
            : undefined,
          printTitleColumns: ps.printTitlesColumn || undefined,
          printArea: ps.printArea || undefined,
          scale: ps.fitToPage ? undefined : ps.scale,
          centerHeader: centre(hf.oddHeader)?.replace(/&&/g, "&"),
          centerFooter: centre(hf.oddFooter),
          leftFooter: hfSection(hf.oddFooter, "L"),
          // Page 1's own header; its footer must be the pages' footer.
          firstPageHeader: hf.differentFirst
            ? hf.firstFooter === hf.oddFooter
              ? (centre(hf.firstHeader ?? "") ?? "").replace(/&&/g, "&")
              : `first footer ${hf.firstFooter} differs from ${hf.oddFooter}`
            : undefined,
          margins: p.print.margins ? { ...(ps.margins as unknown as Record<string, number>) } : undefined,
        })
      : undefined;
    const tab = ws.properties.tabColor as { argb?: string } | undefined;
    sheets[p.name] = clean({
      name: p.name,
      visible: ws.state === "visible",
      tabColor: up(tab?.argb),
      cells,
      styles,
      columns,
      rows,
      merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
      validations,
      conditionalFormats,
      tables,
      freeze,
      print,
      charts: packaged.get(p.name) ?? [],
    });
  }
  return { sheets, names: await namesFromXlsx(bytes) };
}

/* ---------------- from the recording fake ---------------- */

function styleOfFake(s: FakeSheetState, row: number, col: number): RenderedStyle {
  const g = (p: string) => s.style(row, col, p);
  const sides = s.borderSides(row, col);
  const all = [sides.top, sides.bottom, sides.left, sides.right];
  const border = all.every((x) => x && x === all[0])
    ? all[0].toLowerCase()
    : all.some(Boolean)
      ? `mixed:${all.map((x) => x.toLowerCase()).join(",")}`
      : undefined;
  return normStyle({
    numberFormat: s.numberFormat(row, col),
    bold: g("font.bold") as boolean | undefined,
    italic: g("font.italic") as boolean | undefined,
    fontSize: g("font.size") as number | undefined,
    fontColor: g("font.color") as string | undefined,
    fill: (g("fill.color") as string | undefined) || undefined,
    wrap: g("wrapText") as boolean | undefined,
    hAlign: g("horizontalAlignment") as string | undefined,
    vAlign: g("verticalAlignment") as string | undefined,
    border,
    locked: g("protection.locked") as boolean | undefined,
  });
}

function dvOfFake(v: {
  rule?: unknown;
  ignoreBlanks?: boolean;
  prompt?: { title?: string; message?: string; showPrompt?: boolean };
  errorAlert?: { title?: string; message?: string; style?: string; showAlert?: boolean };
}): RenderedValidation {
  const rule = (v.rule ?? {}) as Record<string, Record<string, unknown>>;
  const [type] = Object.keys(rule);
  const body = rule[type] ?? {};
  const op = (o: unknown) =>
    ({
      Between: "between",
      GreaterThanOrEqualTo: "greaterThanOrEqual",
      LessThanOrEqualTo: "lessThanOrEqual",
    })[String(o)] ?? String(o);
  const strip = (f: unknown) => String(f).replace(/^=/, "");
  let out: RenderedValidation;
  if (type === "list") out = { type, formulae: [strip(body.source)], allowBlank: !!v.ignoreBlanks };
  else if (type === "custom") out = { type, formulae: [strip(body.formula)], allowBlank: !!v.ignoreBlanks };
  else
    out = {
      type,
      operator: op(body.operator),
      formulae: [body.formula1, body.formula2].filter((x) => x !== undefined).map(String),
      allowBlank: !!v.ignoreBlanks,
    };
  if (v.prompt?.showPrompt) out.prompt = { title: v.prompt.title ?? "", message: v.prompt.message ?? "" };
  if (v.errorAlert?.showAlert)
    out.error = {
      title: v.errorAlert.title ?? "",
      message: v.errorAlert.message ?? "",
      style: (v.errorAlert.style ?? "Stop").toLowerCase(),
    };
  return out;
}

export function renderedFromFake(fake: FakeExcel, plan: WorkbookPlan): Rendered {
  const sheets: Record<string, RenderedSheet> = {};
  for (const p of plan.sheets) {
    const s = fake.sheet(p.name);
    if (!s) continue;
    const cells: RenderedSheet["cells"] = {};
    for (const [r, row] of s.rows)
      for (let c = 0; c < Math.max(row.v.length, row.f.length); c++) {
        const f = row.f[c];
        const v = row.v[c];
        if (f) cells[a1(r, c)] = { formula: f };
        else if (v !== null && v !== undefined && v !== "") cells[a1(r, c)] = { value: v };
      }
    const styles: Record<string, RenderedStyle> = {};
    for (const a of styledAddresses(p)) {
      const { row, col } = parseRange(a);
      const st = styleOfFake(s, row, col);
      if (Object.keys(st).length) styles[a] = st;
    }
    const columns: RenderedSheet["columns"] = {};
    p.columns.forEach((_c, i) => {
      const pts = s.columnWidths.get(i);
      columns[i] = {
        px: pts === undefined ? -1 : pxOfWidth(pointsToColumnWidth(pts)),
        hidden: s.hiddenColumns.has(i),
      };
    });
    const rows: RenderedSheet["rows"] = {};
    for (const r of p.rows ?? [])
      rows[r.index] = clean({
        // A row fitted to its content has Excel's height: the plan's is its estimate.
        height:
          r.height === undefined
            ? undefined
            : r.fit && s.fittedRows.has(r.index)
              ? r.height
              : s.rowHeights.get(r.index),
        hidden: s.hiddenRows.has(r.index),
      });
    const validations: Record<string, RenderedValidation> = {};
    for (const v of s.validations) forEachAddress(refAddress(v.ref), (a) => (validations[a] = dvOfFake(v)));
    const pl = s.pageLayout;
    const m = pl.margins;
    const inch = (x: number | undefined) =>
      x === undefined ? undefined : Math.round((x / 72) * 1000) / 1000;
    sheets[p.name] = clean({
      name: p.name,
      visible: s.visibility === "Visible",
      tabColor: up(s.tabColor || undefined),
      cells,
      styles,
      columns,
      rows,
      merges: s.merges.map(refAddress).sort(),
      validations,
      conditionalFormats: s.conditionalFormats
        .map((c) =>
          clean({
            range: refAddress(c.ref),
            formula: (c.formula ?? "").replace(/^=/, ""),
            fill: up(c.fill),
            fontColor: up(c.fontColor),
            bold: c.bold || undefined,
          }),
        )
        .sort((x, y) => (x.range + x.formula).localeCompare(y.range + y.formula)),
      tables: [...fake.tables.values()]
        .filter((t) => t.sheet === p.name)
        .map((t) => ({ name: t.name, range: refAddress(t.ref), style: t.style ?? "" }))
        .sort((x, y) => x.name.localeCompare(y.name)),
      freeze: s.freeze ?? undefined,
      print: p.print
        ? clean({
            orientation: (pl.orientation ?? "").toLowerCase(),
            paperSize: pl.paperSize ?? "",
            fitToWidth: pl.zoom?.horizontalFitToPages ?? -1,
            fitToHeight: pl.zoom?.verticalFitToPages ?? -1,
            printTitleRows: pl.printTitleRows,
            printTitleColumns: pl.printTitleColumns?.replace(/\$/g, ""),
            printArea: pl.printArea?.replace(/\$/g, ""),
            scale: pl.zoom?.scale,
            centerHeader: pl.centerHeader?.replace(/&&/g, "&"),
            centerFooter: pl.centerFooter,
            leftFooter: pl.leftFooter,
            firstPageHeader:
              pl.headerFooterState === "FirstAndDefault"
                ? pl.firstPage?.centerFooter === pl.centerFooter && pl.firstPage?.leftFooter === pl.leftFooter
                  ? (pl.firstPage?.centerHeader ?? "").replace(/&&/g, "&")
                  : "first page footers differ"
                : undefined,
            margins:
              m.leftMargin === undefined
                ? undefined
                : {
                    left: inch(m.leftMargin) as number,
                    right: inch(m.rightMargin) as number,
                    top: inch(m.topMargin) as number,
                    bottom: inch(m.bottomMargin) as number,
                    header: inch(m.headerMargin) as number,
                    footer: inch(m.footerMargin) as number,
                  },
          })
        : undefined,
      charts: s.charts.map((c) => ({
        type: c.type === "Line" ? "line" : "columnClustered",
        title: c.title ?? "",
        dataRange: refAddress(c.source),
        seriesBy: c.seriesBy.toLowerCase(),
        from: c.from ?? "",
        to: c.to ?? "",
      })),
    });
  }
  const names: Record<string, string> = {};
  for (const n of fake.names.values()) names[n.name] = n.formula;
  return { sheets, names };
}

/* ---------------- the assertion ---------------- */

/** Differences between two snapshots, as readable lines (empty = same). `charts` only when both have them. */
export function diffRendered(expected: Rendered, actual: Rendered, label: string): string[] {
  const out: string[] = [];
  const cmp = (path: string, e: unknown, a: unknown) => {
    const je = JSON.stringify(e);
    const ja = JSON.stringify(a);
    if (je !== ja) out.push(`${label} ${path}: expected ${je} got ${ja}`);
  };
  for (const [name, e] of Object.entries(expected.sheets)) {
    const a = actual.sheets[name];
    if (!a) {
      out.push(`${label}: sheet "${name}" missing`);
      continue;
    }
    const keys = new Set([...Object.keys(e.cells), ...Object.keys(a.cells)]);
    for (const k of keys) cmp(`${name}!${k} cell`, e.cells[k], a.cells[k]);
    const skeys = new Set([...Object.keys(e.styles), ...Object.keys(a.styles)]);
    for (const k of skeys) cmp(`${name}!${k} style`, e.styles[k], a.styles[k]);
    const vkeys = new Set([...Object.keys(e.validations), ...Object.keys(a.validations)]);
    for (const k of vkeys) cmp(`${name}!${k} validation`, e.validations[k], a.validations[k]);
    for (const f of [
      "visible",
      "tabColor",
      "columns",
      "rows",
      "merges",
      "conditionalFormats",
      "tables",
      "freeze",
      "print",
    ] as const)
      cmp(`${name} ${f}`, e[f], a[f]);
    if (e.charts && a.charts) cmp(`${name} charts`, e.charts, a.charts);
  }
  const nkeys = new Set([...Object.keys(expected.names), ...Object.keys(actual.names)]);
  for (const k of nkeys) cmp(`name ${k}`, expected.names[k], actual.names[k]);
  return out;
}

/**
 * Assert that the .xlsx bytes and the fake (after renderSheetPlans) both hold exactly what the plan
 * says. Throws with the first 40 differences.
 */
export async function expectRenderingsMatchPlan(
  plan: WorkbookPlan,
  xlsx: Uint8Array,
  fake: FakeExcel,
): Promise<void> {
  const expected = expectedFromPlan(plan);
  const fromXlsx = await renderedFromXlsx(xlsx, plan);
  const fromFake = renderedFromFake(fake, plan);
  const diffs = [
    ...diffRendered(expected, fromXlsx, "xlsx"),
    ...diffRendered(expected, fromFake, "office.js"),
  ];
  if (diffs.length)
    throw new Error(`Renderings differ from the plan (${diffs.length}):\n${diffs.slice(0, 40).join("\n")}`);
}
