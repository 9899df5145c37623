/**
 * A recording fake of the part of the Excel JavaScript API Miernik uses.
 *
 * - Records every write (sheet, address, property, value) and every method call.
 * - Counts `sync` calls and estimates the size of each request (JSON of everything queued between
 *   two syncs, computed here independently of the renderer's own estimator) and of each response
 *   (JSON of the values/formulas/number formats loaded).
 * - Keeps a grid per sheet, so reads return what was written, with Excel's typing semantics for
 *   `values`: a leading apostrophe keeps text, "=" makes a formula, numeric-looking text becomes a
 *   number (unless the cell's format is "@"), TRUE/FALSE become booleans, "" clears, null skips.
 * - Properties can be read only after `load` + `sync` (PropertyNotLoaded otherwise).
 * - Can be told to fail like Office does (`failOn`, `failNextSync`): the error, with its `code`, is
 *   thrown by the next `sync`, as Office.js does.
 * - Models table calculated columns: with `fillTableFormulas` (Excel's AutoCorrect option, on by
 *   default) a formula written into one cell of an empty table column fills the column; off, it does not.
 *   `formulasR1C1` reads and writes R1C1 as Excel spells it.
 * It never computes formulas: a formula cell reads back "" unless a result is given with `setResult`.
 *
 * Plain TypeScript, no jest globals: it can be bundled into a browser test page.
 */

export type FakeValue = string | number | boolean | null;

export interface FakeWrite {
  sheet: string;
  address: string;
  property: string;
  value: unknown;
}

/** What a Worksheet.onChanged handler receives (the fields Miernik reads, and a few more). */
export interface FakeChangedEvent {
  type: "WorksheetChanged";
  changeType: string;
  source: string;
  worksheetId: string;
  /** The edited range, local to the sheet ("B7" or "B7:C9"). */
  address: string;
  /**
   * ExcelApi 1.14 (Excel.EventTriggerSource): "ThisLocalAddin" when this add-in's own Office.js write raised
   * the event, "Unknown" otherwise; absent below 1.14.
   */
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

export interface FakeRequest {
  /** Estimated bytes: UTF-8 JSON of every queued operation (target, property/method, arguments). */
  bytes: number;
  operations: number;
  suspendedCalculation: boolean;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Ref {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/* ---------------- Excel's limits the fake enforces (each with its source) ---------------- */

/**
 * Excel on the web: "a payload size limit for requests and responses of 5 MB" — above it the request fails
 * with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (learn.microsoft.com, Office
 * add-ins → Resource limits and performance optimization → Excel add-ins). The "web" profile (default).
 */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** A range read over 5 M cells may come back with values = null (office-js issue 6781; resource limits page). */
export const READ_CELL_LIMIT = 5_000_000;
/** Excel specifications and limits: row height 409 points, column width 255 characters, formula 8 192 characters. */
export const MAX_ROW_HEIGHT_PT = 409;
/** 255 characters of Calibri 11 (7 px + 5 px padding) in points, as src/hosts/excel/render.ts converts widths. */
export const MAX_COLUMN_WIDTH_PT = ((255 * 7 + 5) * 3) / 4;
export const MAX_FORMULA_CHARS = 8192;
/** Excel's Data Validation dialog: input/error title ≤ 32 characters, message ≤ 255; a literal list ≤ 255. */
export const MAX_DV_TITLE = 32;
export const MAX_DV_MESSAGE = 255;
export const MAX_DV_LIST = 255;
/** Sheet names: ≤ 31 characters, none of [ ] : * ? / \, no leading/trailing apostrophe, not "History"
 * (Excel's rename-sheet rules, support.microsoft.com "Rename a worksheet"), unique ignoring case. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return "A sheet name has 1 to 31 characters.";
  if (/[[\]:*?/\\]/.test(name)) return "A sheet name cannot contain [ ] : * ? / \\.";
  if (name.startsWith("'") || name.endsWith("'"))
    return "A sheet name cannot begin or end with an apostrophe.";
  if (name.toLowerCase() === "history") return "History is a reserved sheet name.";
  return null;
}
/** Defined names (support.microsoft.com "Names in formulas"): ≤ 255 characters, a letter, _ or \ first,
 * not a cell reference (A1, XFD1048576) nor R1C1-like (R, C, R1C1, R2, C3). */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "A name has 1 to 255 characters.";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return `Bad name ${name}`;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
    const m = /^([A-Za-z]+)([0-9]+)$/.exec(name)!;
    if (colIndex(m[1]) < MAX_COLS && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROWS)
      return `${name} looks like a cell reference.`;
  }
  if (/^(r|c|r[0-9]*c[0-9]*|r[0-9]+|c[0-9]+)$/i.test(name)) return `${name} looks like an R1C1 reference.`;
  return null;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** Excel.PageOrientation, Excel.PaperType and Excel.PrintOrder (ExcelApi 1.9): any other string is refused. */
export const PAGE_ORIENTATIONS = ["Portrait", "Landscape"];
export const PAPER_TYPES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
];
export const PRINT_ORDERS = ["DownThenOver", "OverThenDown"];
/**
 * Excel.PageLayoutZoomOptions (ExcelApi 1.9): either `scale` ("Print page scale value can be between 10 and
 * 400") or the fit pages (`horizontalFitToPages` / `verticalFitToPages`, whole numbers ≥ 0; 0 = automatic),
 * each "null if" the other is used — so not both. Returns what is wrong, or null.
 */
export function zoomProblem(z: unknown): string | null {
  if (typeof z !== "object" || z === null) return "zoom is an object.";
  const o = z as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined && o[k] !== null);
  const allowed = ["scale", "horizontalFitToPages", "verticalFitToPages"];
  if (keys.some((k) => !allowed.includes(k))) return `zoom has only ${allowed.join(", ")}.`;
  if (keys.length === 0) return "zoom needs a scale or fit pages.";
  if (keys.includes("scale")) {
    if (keys.length > 1) return "zoom: a scale or fit pages, not both.";
    const v = o.scale;
    if (typeof v !== "number" || !(v >= 10 && v <= 400)) return "The print scale is between 10 and 400.";
    return null;
  }
  for (const k of keys) {
    const v = o[k];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) return `${k} is a whole number of pages.`;
  }
  return null;
}

/**
 * Table headers as Excel makes them (tables.add with headers, and any later write into a header cell):
 * every header is text; a blank one becomes "Column<n>" (n = its 1-based position in the table, the next free
 * number if taken); a repeated one (ignoring case) gets the next free number appended ("Name", "Name2").
 * Excel's behaviour in the grid (Insert → Table; typing a duplicate into a header); unverified through Office.js.
 */
export function excelTableHeaders(raw: unknown[]): string[] {
  const out: string[] = [];
  const taken = new Set<string>();
  const free = (base: string, start: number): string => {
    for (let n = start; ; n++) if (!taken.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
  };
  raw.forEach((v, i) => {
    let h = v === null || v === undefined ? "" : String(v);
    if (h.trim() === "") h = free("Column", i + 1);
    else if (taken.has(h.toLowerCase())) h = free(h, 2);
    taken.add(h.toLowerCase());
    out.push(h);
  });
  return out;
}

/**
 * Office.js APIs the undo-capabilities page lists as not supporting undo, per profile: inside an
 * `Excel.run({ mergeUndoGroup: true })` (ExcelApi 1.20) they fail with UndoNotSupported
 * (learn.microsoft.com, Excel add-ins → Undo capabilities → Unsupported APIs). Keyed by the fake's recorded
 * property. Only those Miernik could reach are listed.
 */
export const UNDO_UNSUPPORTED: Record<"web" | "desktop", string[]> = {
  web: ["delete"],
  desktop: ["delete", "visibility"],
};

/** Recorded operations that change cell data: Worksheet.onChanged fires for them (Event triggers, events docs). */
const DATA_CHANGES = new Set(["values", "formulas", "formulasR1C1", "clear", "merge"]);

function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "A1", "A1:C3", "$3:$3", "A:C", "B" and "3". */
export function parseAddress(address: string): Ref {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = a.replace(/\$/g, "").split(":");
  const one = (p: string): { row?: number; col?: number } => {
    const m = /^([A-Za-z]{0,3})(\d*)$/.exec(p.trim());
    if (!m || (m[1] === "" && m[2] === ""))
      throw new FakeOfficeError("InvalidArgument", `Bad address "${address}"`);
    return { col: m[1] ? colIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const s = one(parts[0]);
  const e = parts[1] !== undefined ? one(parts[1]) : s;
  const r0 = s.row ?? 0;
  const r1 = e.row ?? (s.row === undefined ? MAX_ROWS - 1 : r0);
  const c0 = s.col ?? 0;
  const c1 = e.col ?? (s.col === undefined ? MAX_COLS - 1 : c0);
  return {
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
}

export function refAddress(r: Ref): string {
  const tl = `${colLetters(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${colLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

function contains(r: Ref, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}
function overlaps(a: Ref, b: Ref): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
/** Node's Buffer when there is one (native and fast); the browser page counts by hand. */
const nodeBuffer = (globalThis as { Buffer?: { byteLength(s: string, enc: string): number } }).Buffer;
function jsonSize(v: unknown): number {
  const s = JSON.stringify(v);
  if (s === undefined) return 4;
  return nodeBuffer ? nodeBuffer.byteLength(s, "utf8") : utf8Length(s);
}

/* ---------------- A1 / R1C1 (Excel's spelling: RC2, R[-1]C, R3C[2]) ---------------- */

/** A formula as its quoted parts (sheet names, text; never converted) and the parts between them. */
function splitQuotes(formula: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < formula.length) {
    const q = formula.slice(i).search(/["']/);
    if (q < 0) {
      out.push({ text: formula.slice(i), quoted: false });
      break;
    }
    if (q > 0) out.push({ text: formula.slice(i, i + q), quoted: false });
    const ch = formula[i + q];
    let j = i + q + 1;
    for (;;) {
      const end = formula.indexOf(ch, j);
      if (end < 0) {
        j = formula.length;
        break;
      }
      j = end + 1;
      if (formula[j] !== ch) break;
      j++;
    }
    out.push({ text: formula.slice(i + q, j), quoted: true });
    i = j;
  }
  return out;
}

/** A1 → R1C1 for the cell at 0-based (row, col). */
export function fakeA1ToR1C1(formula: string, row: number, col: number): string {
  return splitQuotes(formula)
    .map((p) =>
      p.quoted
        ? p.text
        : p.text.replace(
            /(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (_m, pre: string, cAbs: string, letters: string, rAbs: string, digits: string) => {
              const r = Number(digits) - 1;
              const c = colIndex(letters);
              const rp = rAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
              const cp = cAbs ? `C${c + 1}` : c === col ? "C" : `C[${c - col}]`;
              return pre + rp + cp;
            },
          ),
    )
    .join("");
}

/**
 * R1C1 → A1 for the cells of column `col`: the formula is parsed once and the returned function gives
 * its A1 text at any 0-based row (filling a calculated column of 100 000 rows stays fast).
 */
export function fakeR1C1Filler(formula: string, col: number): (row: number) => string {
  const parts: (string | ((row: number) => string))[] = [];
  for (const p of splitQuotes(formula)) {
    if (p.quoted) {
      parts.push(p.text);
      continue;
    }
    const re = /(^|[^A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;
    let last = 0;
    for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
      parts.push(p.text.slice(last, m.index) + m[1]);
      last = m.index + m[0].length;
      const [rs, cs] = [m[2], m[3]];
      const c = cs === undefined ? col : cs.startsWith("[") ? col + Number(cs.slice(1, -1)) : Number(cs) - 1;
      const colText = `${cs !== undefined && !cs.startsWith("[") ? "$" : ""}${colLetters(c)}`;
      if (rs !== undefined && !rs.startsWith("[")) parts.push(`${colText}$${rs}`);
      else {
        const d = rs === undefined ? 0 : Number(rs.slice(1, -1));
        parts.push((row: number) => `${colText}${row + d + 1}`);
      }
    }
    parts.push(p.text.slice(last));
  }
  return (row) => {
    let s = "";
    for (const x of parts) s += typeof x === "string" ? x : x(row);
    return s;
  };
}

/** R1C1 → A1 for the cell at 0-based (row, col). */
export function fakeR1C1ToA1(formula: string, row: number, col: number): string {
  return fakeR1C1Filler(formula, col)(row);
}

/* ---------------- state ---------------- */

export interface StyleOp {
  ref: Ref;
  props: Record<string, unknown>;
}

export interface FakeValidation {
  ref: Ref;
  rule?: unknown;
  ignoreBlanks?: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface FakeConditionalFormat {
  ref: Ref;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue?: boolean;
}

export interface FakeTable {
  name: string;
  sheet: string;
  ref: Ref;
  style?: string;
  showTotals?: boolean;
}

export interface FakeChart {
  name: string;
  type: string;
  source: Ref;
  seriesBy: string;
  title?: string;
  from?: string;
  to?: string;
}

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printTitleColumns?: string;
  printArea?: string;
  printOrder?: string;
  /** Manual page breaks: the A1 address of the cell right after each break. */
  horizontalBreaks?: string[];
  verticalBreaks?: string[];
  centerHeader?: string;
  centerFooter?: string;
  leftFooter?: string;
  /** headersFooters.state ("Default", "FirstAndDefault", …). */
  headerFooterState?: string;
  /** The first page's header and footers (used when the state is "FirstAndDefault"). */
  firstPage?: { centerHeader?: string; centerFooter?: string; leftFooter?: string };
  margins: Record<string, number>;
}

interface Row {
  v: FakeValue[];
  f: (string | null)[];
}

export class FakeSheetState {
  private cells = new Map<number, Row>();
  /** Calculated columns Excel filled, kept as one entry each until a cell-by-cell view is needed. */
  private calculated: { col: number; row: number; rows: number; at: (row: number) => string }[] = [];
  /** Cells by row (calculated columns spelled out first). */
  get rows(): Map<number, Row> {
    this.materialise();
    return this.cells;
  }
  styleOps: StyleOp[] = [];
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  /** Rows fitted to their content (`format.autofitRows()`): their height is Excel's, not a set one. */
  fittedRows = new Set<number>();
  hiddenRows = new Set<number>();
  merges: Ref[] = [];
  validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: FakePageLayout = { margins: {} };
  visibility = "Visible";
  tabColor = "";
  constructor(public name: string) {}

  private row(r: number): Row {
    let x = this.cells.get(r);
    if (!x) {
      x = { v: [], f: [] };
      this.cells.set(r, x);
    }
    return x;
  }
  get(row: number, col: number): { value: FakeValue; formula: string | null } {
    const x = this.cells.get(row);
    if (x && (x.v[col] !== undefined || x.f[col] !== undefined))
      return { value: x.v[col] ?? null, formula: x.f[col] ?? null };
    for (let i = this.calculated.length - 1; i >= 0; i--) {
      const c = this.calculated[i];
      if (c.col === col && row >= c.row && row < c.row + c.rows) return { value: null, formula: c.at(row) };
    }
    return { value: null, formula: null };
  }
  /** A calculated column over rows [row, row + rows) of `col`: cells not written since get `at(row)`. */
  fillColumn(col: number, row: number, rows: number, at: (row: number) => string): void {
    this.calculated.push({ col, row, rows, at });
  }
  private materialise(): void {
    const pending = this.calculated;
    if (pending.length === 0) return;
    this.calculated = [];
    for (const c of pending)
      for (let r = c.row; r < c.row + c.rows; r++) {
        const x = this.row(r);
        if (x.v[c.col] === undefined && x.f[c.col] === undefined) {
          x.v[c.col] = null;
          x.f[c.col] = c.at(r);
        }
      }
  }
  /** Puts rows of values straight into the sheet (test set-up: no recorded write, no typing rules). */
  putRows(top: number, left: number, values: readonly (readonly FakeValue[])[]): void {
    values.forEach((row, i) => {
      const v: FakeValue[] = new Array(left).fill(null);
      for (const x of row) v.push(x === "" || x === undefined ? null : x);
      this.cells.set(top + i, { v, f: [] });
    });
  }
  set(row: number, col: number, value: FakeValue, formula: string | null): void {
    const x = this.row(row);
    x.v[col] = value;
    x.f[col] = formula;
  }
  /** Style property of a cell: the last write of that property over a range containing it. */
  style(row: number, col: number, prop: string): unknown {
    for (let i = this.styleOps.length - 1; i >= 0; i--) {
      const op = this.styleOps[i];
      if (prop in op.props && contains(op.ref, row, col)) return op.props[prop];
    }
    return undefined;
  }
  numberFormat(row: number, col: number): string {
    const nf = this.style(row, col, "numberFormat");
    return typeof nf === "string" ? nf : "General";
  }
  /** Weight of each side of a cell's border, from Edge and Inside border writes ("" = none). */
  borderSides(row: number, col: number): { top: string; bottom: string; left: string; right: string } {
    const side = (pred: (op: StyleOp) => string | undefined): string => {
      for (let i = this.styleOps.length - 1; i >= 0; i--) {
        const op = this.styleOps[i];
        if (!contains(op.ref, row, col)) continue;
        const k = pred(op);
        if (k && `border.${k}.weight` in op.props) {
          const style = op.props[`border.${k}.style`];
          return style === "None" ? "" : String(op.props[`border.${k}.weight`]);
        }
      }
      return "";
    };
    const last = (r: Ref) => ({ bottom: r.row + r.rows - 1, right: r.col + r.cols - 1 });
    return {
      top: side((op) => (row === op.ref.row ? "EdgeTop" : "InsideHorizontal")),
      bottom: side((op) => (row === last(op.ref).bottom ? "EdgeBottom" : "InsideHorizontal")),
      left: side((op) => (col === op.ref.col ? "EdgeLeft" : "InsideVertical")),
      right: side((op) => (col === last(op.ref).right ? "EdgeRight" : "InsideVertical")),
    };
  }
  /**
   * Bounding box of non-empty cells, or null. Calculated columns count as they stand (one entry each: a
   * 100 000-row column is not spelled out), cells written since inside them included.
   */
  usedRange(): Ref | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r0: number, r1: number, c: number) => {
      if (r0 < top) top = r0;
      if (r1 > bottom) bottom = r1;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    const filled = (x: Row, c: number) => {
      const v = x.v[c];
      return (v !== null && v !== undefined && v !== "") || !!x.f[c];
    };
    for (const [r, x] of this.cells) {
      // The first and last filled cell of the row (scanning in from both ends: rows are mostly dense).
      const n = Math.max(x.v.length, x.f.length);
      let a = 0;
      while (a < n && !filled(x, a)) a++;
      if (a === n) continue;
      let b = n - 1;
      while (b > a && !filled(x, b)) b--;
      take(r, r, a);
      take(r, r, b);
    }
    for (const c of this.calculated) take(c.row, c.row + c.rows - 1, c.col);
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
  /** Whether column `col` has no value or formula in rows [r0, r1), row `except` aside. */
  columnEmpty(col: number, r0: number, r1: number, except: number): boolean {
    for (const c of this.calculated)
      if (c.col === col && c.row < r1 && c.row + c.rows > r0 && !(c.rows === 1 && c.row === except))
        return false;
    for (const [r, x] of this.cells) {
      if (r < r0 || r >= r1 || r === except) continue;
      const v = x.v[col];
      if (x.f[col] || (v !== null && v !== undefined && v !== "")) return false;
    }
    return true;
  }
  clearContents(ref: Ref): void {
    // Calculated columns: cut the cleared rows out of each (no cell-by-cell spelling out).
    const kept: typeof this.calculated = [];
    for (const c of this.calculated) {
      if (
        c.col < ref.col ||
        c.col >= ref.col + ref.cols ||
        c.row >= ref.row + ref.rows ||
        c.row + c.rows <= ref.row
      ) {
        kept.push(c);
        continue;
      }
      if (c.row < ref.row) kept.push({ ...c, rows: ref.row - c.row });
      const end = c.row + c.rows;
      if (end > ref.row + ref.rows)
        kept.push({ ...c, row: ref.row + ref.rows, rows: end - ref.row - ref.rows });
    }
    this.calculated = kept;
    const wholeRows = ref.col === 0 && ref.cols === MAX_COLS;
    if (wholeRows && ref.row === 0 && ref.rows === MAX_ROWS) {
      this.cells.clear();
      return;
    }
    for (const [r, x] of this.cells) {
      if (r < ref.row || r >= ref.row + ref.rows) continue;
      if (wholeRows) {
        this.cells.delete(r);
        continue;
      }
      for (let c = ref.col; c < Math.min(ref.col + ref.cols, Math.max(x.v.length, x.f.length)); c++) {
        x.v[c] = null;
        x.f[c] = null;
      }
    }
  }
  clearFormats(ref: Ref): void {
    if (ref.rows === MAX_ROWS && ref.cols === MAX_COLS) this.styleOps = [];
    else this.styleOps.push({ ref, props: CLEARED_STYLE });
    this.merges = this.merges.filter((m) => !overlaps(m, ref));
  }
}

const CLEARED_STYLE: Record<string, unknown> = {
  numberFormat: "General",
  "font.bold": false,
  "font.italic": false,
  "font.size": 11,
  "font.color": "#000000",
  "fill.color": "",
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  "protection.locked": true,
};

export interface FakeName {
  name: string;
  formula: string;
  comment?: string;
}

export interface FailRule {
  code: string;
  message?: string;
  /** Match on the recorded operation: property written or method called ("merge", "add", …). */
  property?: string;
  sheet?: string;
  /** Fail only once (default true). */
  once?: boolean;
}

/* ---------------- the fake ---------------- */

export class FakeExcel {
  readonly sheets: FakeSheetState[] = [];
  readonly names = new Map<string, FakeName>();
  readonly tables = new Map<string, FakeTable>();
  readonly writes: FakeWrite[] = [];
  /**
   * Keep every write's payload in `writes` (default). Off, a grid of more than one cell is logged as
   * "(not kept)" — its size still counts — so a 100 000-row layout does not hold a second copy of the sheet.
   */
  keepLargePayloads = true;
  readonly requests: FakeRequest[] = [];
  /** Every load() call: the proxy's class and the properties asked for (tests check what is read). */
  readonly loadLog: { proxy: string; props: string[]; cells?: number }[] = [];
  readonly responses: number[] = [];
  syncCount = 0;
  /** Handlers added with worksheet.onChanged.add and not removed yet. */
  readonly changeHandlers: { sheet: string; handler: (event: FakeChangedEvent) => unknown }[] = [];
  /** The sheet last activated (worksheet.activate() or range.select()), if any. */
  activeSheet: string | null = null;
  /** The range last selected ("Sheet!A1"), if any. */
  selection: string | null = null;
  /** Results for formula cells (the fake never computes), keyed "Sheet!A1". */
  readonly results = new Map<string, FakeValue>();
  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by default;
   * users can turn it off — office-js issue 2093). On: a formula written into one cell of a table
   * column whose other data cells are empty fills the whole column, adjusted row by row, as Excel does.
   */
  fillTableFormulas = true;

  private pendingBytes = 0;
  private pendingOps = 0;
  private pendingSuspend = false;
  private pendingError: FakeOfficeError | null = null;
  private pendingLoads: (() => number)[] = [];
  private failRules: FailRule[] = [];
  private syncFailures: FakeOfficeError[] = [];
  /**
   * What each proxy loaded (after a sync): its own properties are tracked one by one — reading one that was
   * not loaded throws PropertyNotLoaded, as Excel does ("The property 'x' is not available. Before reading
   * the property's value, call the load method on the containing object and call context.sync()").
   * Objects reached through a loaded parent (collection items, navigation) count as loaded.
   */
  readonly loaded = new WeakMap<object, Set<string>>();
  private loadQueue: { obj: object; props: string[] }[] = [];
  /**
   * "web": Excel on the web's 5 MB request/response limit is enforced (see WEB_PAYLOAD_LIMIT_BYTES);
   * "desktop": no payload limit (Excel on Windows/Mac has none documented).
   */
  profile: "web" | "desktop" = "web";
  /**
   * The highest ExcelApi minor version this Excel implements (1.N; default 12, as the e2e shim reports).
   * Decides what the fake honours: `runtime.enableEvents` (1.8; below it ApiNotFound), the events'
   * `triggerSource` (1.14) and `mergeUndoGroup` (1.20; below it the option is ignored). `installFakeOffice`
   * reports the same version through Office.context.requirements.
   */
  excelApiMinor = 12;
  /** Excel.Runtime.enableEvents (ExcelApi 1.8): "Toggle JavaScript events in the current task pane or content
   * add-in" — off, this add-in's handlers are not called (for its own writes nor for the user's edits). */
  eventsEnabled = true;
  /** Every Excel.run's options (null when none were given), in order. */
  readonly runOptions: (Excel.RunOptions | null)[] = [];
  /**
   * Undo records on the user's undo stack: one per sync that wrote something ("If false, an undo record is
   * created for each context.sync() call"), or one for a whole Excel.run with mergeUndoGroup at ExcelApi ≥ 1.20
   * (Excel.RunOptions.mergeUndoGroup).
   */
  undoRecords = 0;
  /** Events raised by every onChanged-firing API write and user edit, in the order they were delivered. */
  readonly deliveredEvents: FakeChangedEvent[] = [];

  private undoGroup: { open: boolean; wrote: boolean } | null = null;
  private pendingChanges: { sheet: string; address: string }[] = [];
  private delivery: Promise<void> = Promise.resolve();

  constructor(sheetNames: string[] = []) {
    for (const n of sheetNames) this.sheets.push(new FakeSheetState(n));
  }

  sheet(name: string): FakeSheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * The user typing into a cell or range, as in Excel's grid: the value is stored with Excel's typing
   * semantics (not a recorded write, no sync) and then, after the current task, every `onChanged` handler
   * of the sheet is called with the edited address. Resolves when the handlers have run. A number typed with
   * "%" ("100%") is stored as its fraction and, as Excel does, gives the cell a percent format ("0%").
   */
  async userEdit(sheet: string, address: string, value: FakeValue): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new FakeOfficeError("ItemNotFound", `No sheet ${sheet}`);
    const ref = parseAddress(address);
    for (let r = ref.row; r < ref.row + ref.rows; r++)
      for (let c = ref.col; c < ref.col + ref.cols; c++) {
        const text = s.numberFormat(r, c) === "@";
        const t = typed(value, text, true);
        s.set(r, c, t.value, t.formula);
        if (!text && typeof value === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)%\s*$/.test(value))
          s.styleOps.push({ ref: { row: r, col: c, rows: 1, cols: 1 }, props: { numberFormat: "0%" } });
      }
    if (!this.eventsEnabled) return;
    await Promise.resolve();
    await this.dispatch(this.changedEvent(s.name, refAddress(ref), "Unknown"));
  }

  private changedEvent(
    sheet: string,
    address: string,
    trigger: "ThisLocalAddin" | "Unknown",
  ): FakeChangedEvent {
    return {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: sheet,
      address,
      ...(this.excelApiMinor >= 14 ? { triggerSource: trigger } : {}),
    };
  }
  private async dispatch(event: FakeChangedEvent): Promise<void> {
    this.deliveredEvents.push(event);
    for (const h of this.changeHandlers.filter(
      (x) => x.sheet.toLowerCase() === event.worksheetId.toLowerCase(),
    ))
      await h.handler(event);
  }

  /**
   * Resolves when every onChanged event raised so far by API writes has been delivered and its handlers have
   * run. Excel delivers them asynchronously after the sync that carried the write ("Office Add-in (JavaScript)
   * code that changes the workbook" triggers events, with source "Local" — Work with events, Event triggers).
   */
  eventsDelivered(): Promise<void> {
    return this.delivery;
  }

  /** Context.runtime.enableEvents = v, in queue order with the writes around it. */
  setEnableEvents(v: boolean): void {
    this.record("", "", "runtime.enableEvents", v);
    if (this.excelApiMinor < 8) {
      this.error("ApiNotFound", "Runtime.enableEvents needs ExcelApi 1.8.");
      return;
    }
    this.eventsEnabled = v;
  }

  /** Make an operation fail with an Office error code (thrown at the next sync). */
  failOn(rule: FailRule): void {
    this.failRules.push({ once: true, ...rule });
  }
  /** Make the next sync throw this Office error. */
  failNextSync(code: string, message = code): void {
    this.syncFailures.push(new FakeOfficeError(code, message));
  }

  /** Give a formula cell a computed result (for reads). */
  setResult(sheet: string, address: string, value: FakeValue): void {
    this.results.set(`${sheet}!${address}`, value);
  }

  /** A request context, like the one Excel.run passes. */
  context(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /**
   * Excel.run(batch) or Excel.run(options, batch): runs the batch, then syncs what is still queued.
   * `mergeUndoGroup` is honoured only at ExcelApi ≥ 1.20 (below, it is not part of the API and is ignored).
   */
  async run<T>(
    a: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    b?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    const options = typeof a === "function" ? null : a;
    const batch = (typeof a === "function" ? a : b) as (context: Excel.RequestContext) => Promise<T>;
    this.runOptions.push(options);
    const group = !!options?.mergeUndoGroup && this.excelApiMinor >= 20;
    const outer = this.undoGroup;
    if (group && !outer) this.undoGroup = { open: true, wrote: false };
    const ctx = this.context();
    try {
      const out = await batch(ctx as unknown as Excel.RequestContext);
      if (this.pendingOps > 0 || this.pendingLoads.length > 0) await ctx.sync();
      return out;
    } finally {
      if (group && !outer) {
        if (this.undoGroup?.wrote) this.undoRecords++;
        this.undoGroup = null;
      }
    }
  }

  /** Totals for reports. */
  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.responses);
  }

  /* ----- used by the proxies ----- */

  record(sheet: string, address: string, property: string, value: unknown): void {
    const big = !this.keepLargePayloads && Array.isArray(value) && (value.length > 1 || value[0]?.length > 1);
    this.writes.push({ sheet, address, property, value: big ? "(not kept)" : value });
    if (this.eventsEnabled && DATA_CHANGES.has(property) && !(property === "clear" && value === "Formats"))
      this.pendingChanges.push({ sheet, address });
    if (this.undoGroup && UNDO_UNSUPPORTED[this.profile].includes(property))
      this.error("UndoNotSupported", `${property} cannot be undone, so it cannot be in an undo group.`);
    this.pendingBytes += jsonSize({ t: `${sheet}!${address}`, p: property, v: value });
    this.pendingOps++;
    for (const r of this.failRules) {
      if (
        (r.property === undefined || r.property === property) &&
        (r.sheet === undefined || r.sheet === sheet)
      ) {
        if (!this.pendingError) this.pendingError = new FakeOfficeError(r.code, r.message ?? r.code);
        if (r.once) this.failRules = this.failRules.filter((x) => x !== r);
        break;
      }
    }
  }
  error(code: string, message: string): void {
    if (!this.pendingError) this.pendingError = new FakeOfficeError(code, message);
  }
  suspend(): void {
    this.pendingSuspend = true;
    this.record("", "", "suspendApiCalculationUntilNextSync", null);
  }
  queueLoad(obj: object, responseBytes: () => number, props: string[] = ["*"]): void {
    this.loadQueue.push({ obj, props });
    this.pendingLoads.push(responseBytes);
    this.pendingOps++;
    this.pendingBytes += 60;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    this.requests.push({
      bytes: this.pendingBytes,
      operations: this.pendingOps,
      suspendedCalculation: this.pendingSuspend,
    });
    let response = 0;
    let err = this.pendingError ?? this.syncFailures.shift() ?? null;
    if (!err && this.profile === "web" && this.pendingBytes > WEB_PAYLOAD_LIMIT_BYTES)
      err = new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${this.pendingBytes} bytes) exceeds the limit (5 MB).`,
      );
    if (!err) {
      for (const l of this.pendingLoads) response += l();
      if (this.profile === "web" && response > WEB_PAYLOAD_LIMIT_BYTES)
        err = new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size (${response} bytes) exceeds the limit (5 MB).`,
        );
    }
    if (!err)
      for (const { obj, props } of this.loadQueue) {
        const set = this.loaded.get(obj) ?? new Set<string>();
        for (const p of props) set.add(p.split("/")[0]);
        this.loaded.set(obj, set);
      }
    this.responses.push(response);
    const wrote = this.pendingOps > this.pendingLoads.length;
    if (!err && wrote) {
      if (this.undoGroup) this.undoGroup.wrote = true;
      else this.undoRecords++;
    }
    const changes = err ? [] : this.pendingChanges;
    this.pendingChanges = [];
    if (changes.length > 0) {
      // Delivered after the sync, on a later task, in the order of the writes.
      const events = changes
        .filter((c) => this.sheet(c.sheet))
        .map((c) => this.changedEvent(this.sheet(c.sheet)!.name, c.address || "A1", "ThisLocalAddin"));
      this.delivery = this.delivery
        .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
        .then(async () => {
          for (const e of events) await this.dispatch(e).catch(() => undefined);
        });
    }
    this.pendingBytes = 0;
    this.pendingOps = 0;
    this.pendingSuspend = false;
    this.pendingLoads = [];
    this.loadQueue = [];
    this.pendingError = null;
    await Promise.resolve();
    if (err) throw err;
  }

  /** Whether `prop` of `obj` may be read: loaded on the proxy itself, or anything loaded on a parent. */
  isLoaded(obj: FakeProxy, prop?: string): boolean {
    const own = this.loaded.get(obj);
    if (own && (prop === undefined || own.has("*") || own.has(prop))) return true;
    for (let o: FakeProxy | undefined = obj.parent; o; o = o.parent) if (this.loaded.has(o)) return true;
    return false;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  /** Excel.Runtime (ExcelApi 1.5); `enableEvents` is ExcelApi 1.8. */
  readonly runtime: { enableEvents: boolean };
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(fake);
    this.application = { suspendApiCalculationUntilNextSync: () => fake.suspend() };
    this.runtime = {
      get enableEvents(): boolean {
        return fake.eventsEnabled;
      },
      set enableEvents(v: boolean) {
        fake.setEnableEvents(v);
      },
    };
  }
  sync(): Promise<void> {
    return this.fake.sync();
  }
}

/** Base of every proxy: load() and the "was it loaded" check. */
abstract class FakeProxy {
  constructor(
    readonly fake: FakeExcel,
    readonly parent?: FakeProxy,
  ) {}

  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      props === undefined
        ? ["*"]
        : typeof props === "string"
          ? props.split(",").map((p) => p.trim())
          : Array.isArray(props)
            ? props
            : Object.keys(props);
    const cells = this.loadCells();
    this.fake.loadLog.push({
      proxy: this.constructor.name,
      props: list,
      ...(cells === undefined ? {} : { cells }),
    });
    this.fake.queueLoad(this, () => this.responseBytes(list), list);
    return this;
  }
  /** How many cells a load of this proxy covers (ranges only). */
  protected loadCells(): number | undefined {
    return undefined;
  }
  /** Estimated bytes Excel would send back for these loaded properties. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  protected responseBytes(_props: string[]): number {
    return 100;
  }
  protected need<T>(prop: string, v: () => T): T {
    if (!this.fake.isLoaded(this, prop))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Call load() and sync first.`,
      );
    return v();
  }
}

export class FakeWorkbook extends FakeProxy {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly tables: FakeTables;
  constructor(fake: FakeExcel) {
    super(fake);
    this.worksheets = new FakeWorksheets(fake, this);
    this.names = new FakeNames(fake, this);
    this.tables = new FakeTables(fake, this, undefined);
  }
}

export class FakeWorksheets extends FakeProxy {
  get items(): FakeWorksheet[] {
    return this.need("items", () => this.fake.sheets.map((s) => new FakeWorksheet(this.fake, this, s)));
  }
  add(name: string): FakeWorksheet {
    this.fake.record(name, "", "worksheets.add", name);
    const problem = sheetNameProblem(name);
    if (problem) this.fake.error("InvalidArgument", problem);
    if (this.fake.sheet(name)) {
      this.fake.error("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      return new FakeWorksheet(this.fake, this, this.fake.sheet(name) as FakeSheetState);
    }
    const s = new FakeSheetState(name);
    this.fake.sheets.push(s);
    return new FakeWorksheet(this.fake, this, s);
  }
  getItem(name: string): FakeWorksheet {
    const s = this.fake.sheet(name);
    if (!s) {
      this.fake.error("ItemNotFound", `No sheet "${name}".`);
      return new FakeWorksheet(this.fake, this, new FakeSheetState(name));
    }
    return new FakeWorksheet(this.fake, this, s);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const s = this.fake.sheet(name);
    return new FakeWorksheet(this.fake, this, s ?? new FakeSheetState(name), !s);
  }
}

export class FakeWorksheet extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    readonly state: FakeSheetState,
    private readonly nullObject = false,
  ) {
    super(fake, parent);
  }
  get isNullObject(): boolean {
    return this.need("isNullObject", () => this.nullObject);
  }
  get name(): string {
    return this.need("name", () => this.state.name);
  }
  get visibility(): string {
    return this.need("visibility", () => this.state.visibility);
  }
  set visibility(v: string) {
    this.fake.record(this.state.name, "", "visibility", v);
    this.state.visibility = v;
  }
  get tabColor(): string {
    return this.need("tabColor", () => this.state.tabColor);
  }
  set tabColor(v: string) {
    this.fake.record(this.state.name, "", "tabColor", v);
    this.state.tabColor = v;
  }
  getRange(address?: string): FakeRange {
    const ref = address ? parseAddress(address) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
    return new FakeRange(this.fake, this, this.state, ref);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) this.fake.error("InvalidArgument", "Empty range");
    return new FakeRange(this.fake, this, this.state, { row, col, rows, cols });
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const u = this.nullObject ? null : this.state.usedRange();
    return new FakeRange(this.fake, this, this.state, u ?? { row: 0, col: 0, rows: 1, cols: 1 }, !u);
  }
  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.fake, this, this.state);
  }
  get pageLayout(): FakePageLayoutProxy {
    return new FakePageLayoutProxy(this.fake, this, this.state);
  }
  /** ExcelApi 1.9 page breaks: `add(cell)` puts a break before the cell's row / column. */
  get horizontalPageBreaks(): { add(at: string): void } {
    return this.pageBreaks("horizontal");
  }
  get verticalPageBreaks(): { add(at: string): void } {
    return this.pageBreaks("vertical");
  }
  private pageBreaks(kind: "horizontal" | "vertical"): { add(at: string): void } {
    const fake = this.fake;
    const state = this.state;
    return {
      add(at: string): void {
        fake.record(state.name, at, `${kind}PageBreaks.add`, at);
        const pl = state.pageLayout;
        const key = kind === "horizontal" ? "horizontalBreaks" : "verticalBreaks";
        pl[key] = [...(pl[key] ?? []), at];
      },
    };
  }
  get tables(): FakeTables {
    return new FakeTables(this.fake, this, this.state);
  }
  get charts(): FakeCharts {
    return new FakeCharts(this.fake, this, this.state);
  }
  /** Worksheet.onChanged: handlers are called by `fake.userEdit` (writes through the API do not fire). */
  get onChanged(): {
    add(handler: (event: FakeChangedEvent) => unknown): { context: FakeRequestContext; remove(): void };
  } {
    const fake = this.fake;
    const sheet = this.state.name;
    return {
      add: (handler) => {
        const entry = { sheet, handler };
        fake.changeHandlers.push(entry);
        return {
          context: fake.context(),
          remove: () => {
            const i = fake.changeHandlers.indexOf(entry);
            if (i >= 0) fake.changeHandlers.splice(i, 1);
          },
        };
      },
    };
  }
  /** Bring the sheet to the front: remembered in `fake.activeSheet` (not a recorded write). */
  activate(): void {
    this.fake.activeSheet = this.state.name;
  }
  delete(): void {
    this.fake.record(this.state.name, "", "delete", null);
    const i = this.fake.sheets.indexOf(this.state);
    if (i >= 0) this.fake.sheets.splice(i, 1);
  }
}

/** Typing semantics of `values`/`formulas` input, as Excel applies them. */
function typed(
  input: unknown,
  textFormat: boolean,
  allowFormula: boolean,
): { value: FakeValue; formula: string | null } {
  if (input === "" || input === null || input === undefined) return { value: null, formula: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  const s = String(input);
  if (s.startsWith("'")) return { value: s.slice(1) === "" ? null : s.slice(1), formula: null };
  if (textFormat) return { value: s, formula: null };
  // Plain text (most cells): nothing below can match a string starting with a letter other than t/f.
  const c0 = s.charCodeAt(0);
  if (((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 > 127) && !/^[tTfF]/.test(s))
    return { value: s, formula: null };
  if (s.startsWith("=") && s.length > 1)
    return allowFormula ? { value: null, formula: s } : { value: null, formula: s };
  if (/^\s*(true|false)\s*$/i.test(s)) return { value: /true/i.test(s), formula: null };
  const t = s.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/.test(t)) {
    const pct = t.endsWith("%");
    const n = Number(pct ? t.slice(0, -1) : t);
    return { value: pct ? n / 100 : n, formula: null };
  }
  if (/^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$/.test(t)) {
    const [a, b] = t.split(/[/-]/).map(Number);
    return { value: Date.UTC(2000, a - 1, b) / 86400000 + 25569, formula: null };
  }
  return { value: s, formula: null };
}

export class FakeRange extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    readonly sheet: FakeSheetState,
    readonly ref: Ref,
    private readonly nullObject = false,
  ) {
    super(fake, parent);
  }
  private addr(): string {
    return refAddress(this.ref);
  }
  private rec(property: string, value: unknown): void {
    this.fake.record(this.sheet.name, this.addr(), property, value);
  }
  /** Record a style property over this range. */
  setStyle(prop: string, value: unknown): void {
    this.rec(prop, value);
    this.sheet.styleOps.push({ ref: this.ref, props: { [prop]: value } });
  }
  protected override loadCells(): number {
    return this.ref.rows * this.ref.cols;
  }
  protected override responseBytes(props: string[]): number {
    // What Excel would send back: the JSON of the loaded cell arrays, plus a little for scalars.
    const all = props.includes("*");
    const want = (p: string) => all || props.includes(p);
    if (
      (want("values") || want("formulas") || want("formulasR1C1") || want("numberFormat")) &&
      this.ref.rows * this.ref.cols > 5_000_000
    )
      return Number.MAX_SAFE_INTEGER; // Excel refuses reads over 5 million cells
    // What was loaded is a snapshot taken at the sync (as Excel's loaded values are), computed once.
    let bytes = 100;
    const snap: typeof this.snapshot = {};
    if (want("values")) bytes += jsonSize((snap.values = this.readValues()));
    if (want("formulas")) bytes += jsonSize((snap.formulas = this.readFormulas()));
    if (want("formulasR1C1")) bytes += jsonSize((snap.formulasR1C1 = this.readFormulasR1C1()));
    if (want("numberFormat")) bytes += jsonSize((snap.numberFormat = this.readNumberFormats()));
    this.snapshot = { ...this.snapshot, ...snap };
    return bytes;
  }
  private snapshot: {
    values?: unknown[][];
    formulas?: unknown[][];
    formulasR1C1?: unknown[][];
    numberFormat?: unknown[][];
  } = {};

  get isNullObject(): boolean {
    return this.need("isNullObject", () => this.nullObject);
  }
  get address(): string {
    return this.need("address", () => `${this.sheet.name}!${this.addr()}`);
  }
  get rowIndex(): number {
    return this.need("rowIndex", () => this.ref.row);
  }
  get columnIndex(): number {
    return this.need("columnIndex", () => this.ref.col);
  }
  get rowCount(): number {
    return this.need("rowCount", () => this.ref.rows);
  }
  get columnCount(): number {
    return this.need("columnCount", () => this.ref.cols);
  }

  private grid<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.ref.rows; i++) {
      const r: T[] = [];
      for (let j = 0; j < this.ref.cols; j++) r.push(fn(this.ref.row + i, this.ref.col + j));
      out.push(r);
    }
    return out;
  }
  private readValues(): (string | number | boolean)[][] {
    return this.grid((r, c) => {
      const x = this.sheet.get(r, c);
      if (x.formula) {
        if (this.fake.results.size === 0) return "";
        const res = this.fake.results.get(`${this.sheet.name}!${colLetters(c)}${r + 1}`);
        return res ?? "";
      }
      return x.value ?? "";
    });
  }
  private readFormulas(): (string | number | boolean)[][] {
    return this.grid((r, c) => {
      const x = this.sheet.get(r, c);
      return x.formula ?? x.value ?? "";
    });
  }
  private readNumberFormats(): string[][] {
    return this.grid((r, c) => this.sheet.numberFormat(r, c));
  }
  get values(): unknown[][] {
    // Over 5 M cells Excel may return values = null (office-js issue 6781).
    if (this.ref.rows * this.ref.cols > READ_CELL_LIMIT && this.fake.isLoaded(this, "values"))
      return null as unknown as unknown[][];
    return this.need("values", () => this.snapshot.values ?? this.readValues());
  }
  get formulas(): unknown[][] {
    return this.need("formulas", () => this.snapshot.formulas ?? this.readFormulas());
  }
  get numberFormat(): unknown[][] {
    return this.need("numberFormat", () => this.snapshot.numberFormat ?? this.readNumberFormats());
  }
  /** Like Excel's toJSON(): only what was loaded. */
  toJSON(): { values?: unknown[][] | null; formulas?: unknown[][]; numberFormat?: unknown[][] } {
    const out: { values?: unknown[][] | null; formulas?: unknown[][]; numberFormat?: unknown[][] } = {};
    if (this.fake.isLoaded(this, "values")) out.values = this.values;
    if (this.fake.isLoaded(this, "formulas")) out.formulas = this.formulas;
    if (this.fake.isLoaded(this, "numberFormat")) out.numberFormat = this.numberFormat;
    return out;
  }

  private writeGrid(input: unknown[][], property: "values" | "formulas"): void {
    this.rec(property, input);
    if (
      !Array.isArray(input) ||
      input.length !== this.ref.rows ||
      input.some((r) => r.length !== this.ref.cols)
    ) {
      const single = Array.isArray(input) && input.length === 1 && input[0].length === 1;
      if (!single) {
        this.fake.error(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${this.addr()}).`,
        );
        return;
      }
    }
    // Only number-format writes over this range can make a cell text ("@"): look those up, not every style.
    const nfOps = this.sheet.styleOps.some((op) => "numberFormat" in op.props && overlaps(op.ref, this.ref));
    const one = input.length === 1 && input[0].length === 1;
    for (let i = 0; i < this.ref.rows; i++) {
      for (let j = 0; j < this.ref.cols; j++) {
        const raw = one ? input[0][0] : input[i][j];
        if (raw === null) continue; // null: leave the cell as it is
        const r = this.ref.row + i;
        const c = this.ref.col + j;
        const t = typed(raw, nfOps && this.sheet.numberFormat(r, c) === "@", property === "formulas");
        this.sheet.set(r, c, t.value, t.formula);
      }
    }
  }
  /** A formula typed into one cell of an otherwise empty table column becomes a calculated column. */
  private fillCalculatedColumn(): void {
    if (!this.fake.fillTableFormulas || this.ref.rows !== 1 || this.ref.cols !== 1) return;
    const { row, col } = this.ref;
    const formula = this.sheet.get(row, col).formula;
    if (!formula) return;
    for (const t of this.fake.tables.values()) {
      if (t.sheet !== this.sheet.name || !contains(t.ref, row, col) || row === t.ref.row) continue;
      if (!this.sheet.columnEmpty(col, t.ref.row + 1, t.ref.row + t.ref.rows, row)) return;
      const at = fakeR1C1Filler(fakeA1ToR1C1(formula, row, col), col);
      this.sheet.fillColumn(col, t.ref.row + 1, t.ref.rows - 1, at);
      return;
    }
  }
  /** A write into a table's header row: Excel keeps the headers unique and non-blank. */
  private fixTableHeaders(): void {
    for (const t of this.fake.tables.values()) {
      if (t.sheet !== this.sheet.name) continue;
      const header = { row: t.ref.row, col: t.ref.col, rows: 1, cols: t.ref.cols };
      if (overlaps(header, this.ref)) normaliseHeaders(this.sheet, t);
    }
  }
  set values(v: unknown[][]) {
    this.writeGrid(v, "values");
    this.fixTableHeaders();
    this.fillCalculatedColumn();
  }
  set formulas(v: unknown[][]) {
    if (Array.isArray(v))
      for (const row of v)
        for (const f of Array.isArray(row) ? row : [])
          if (typeof f === "string" && f.length > MAX_FORMULA_CHARS)
            this.fake.error(
              "FormulaLengthExceedsLimit",
              `A formula has at most ${MAX_FORMULA_CHARS} characters.`,
            );
    this.writeGrid(v, "formulas");
    this.fixTableHeaders();
    this.fillCalculatedColumn();
  }
  get formulasR1C1(): unknown[][] {
    return this.need("formulasR1C1", () => this.snapshot.formulasR1C1 ?? this.readFormulasR1C1());
  }
  private readFormulasR1C1(): (string | number | boolean)[][] {
    return this.grid((r, c) => {
      const x = this.sheet.get(r, c);
      return x.formula ? fakeA1ToR1C1(x.formula, r, c) : (x.value ?? "");
    });
  }
  /** R1C1 input: each formula is turned into A1 for its own cell, then written as `formulas` are. */
  set formulasR1C1(v: unknown[][]) {
    this.rec("formulasR1C1", v);
    const fits = Array.isArray(v) && v.length === this.ref.rows && v.every((r) => r.length === this.ref.cols);
    if (!fits) {
      this.fake.error(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${this.addr()}).`,
      );
      return;
    }
    for (let i = 0; i < this.ref.rows; i++)
      for (let j = 0; j < this.ref.cols; j++) {
        const raw = v[i][j];
        if (raw === null) continue;
        const r = this.ref.row + i;
        const c = this.ref.col + j;
        const a1 = typeof raw === "string" && raw.startsWith("=") ? fakeR1C1ToA1(raw, r, c) : raw;
        const t = typed(a1, this.sheet.numberFormat(r, c) === "@", true);
        this.sheet.set(r, c, t.value, t.formula);
      }
    this.fillCalculatedColumn();
  }
  set numberFormat(v: unknown[][]) {
    const single = v.length === 1 && v[0].length === 1;
    if (single) {
      this.setStyle("numberFormat", v[0][0]);
      return;
    }
    this.rec("numberFormat", v);
    if (v.length !== this.ref.rows || v.some((r) => r.length !== this.ref.cols)) {
      this.fake.error("InvalidArgument", `numberFormat dimensions do not match ${this.addr()}`);
      return;
    }
    v.forEach((row, i) =>
      row.forEach((nf, j) => {
        if (nf !== null)
          this.sheet.styleOps.push({
            ref: { row: this.ref.row + i, col: this.ref.col + j, rows: 1, cols: 1 },
            props: { numberFormat: nf },
          });
      }),
    );
  }
  set columnHidden(v: boolean) {
    this.rec("columnHidden", v);
    for (let c = this.ref.col; c < this.ref.col + this.ref.cols; c++) {
      if (v) this.sheet.hiddenColumns.add(c);
      else this.sheet.hiddenColumns.delete(c);
    }
  }
  set rowHidden(v: boolean) {
    this.rec("rowHidden", v);
    for (let r = this.ref.row; r < this.ref.row + this.ref.rows; r++) {
      if (v) this.sheet.hiddenRows.add(r);
      else this.sheet.hiddenRows.delete(r);
    }
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.fake, this, this.sheet, {
      row: 0,
      col: this.ref.col,
      rows: MAX_ROWS,
      cols: this.ref.cols,
    });
  }
  getEntireRow(): FakeRange {
    return new FakeRange(this.fake, this, this.sheet, {
      row: this.ref.row,
      col: 0,
      rows: this.ref.rows,
      cols: MAX_COLS,
    });
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.fake, this, this.sheet, {
      row: this.ref.row + row,
      col: this.ref.col + col,
      rows: 1,
      cols: 1,
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.fake, this, this);
  }
  merge(across = false): void {
    this.rec("merge", across);
    if (this.sheet.merges.some((m) => overlaps(m, this.ref))) {
      this.fake.error("InvalidOperation", `Cannot merge ${this.addr()}: it overlaps a merged range.`);
      return;
    }
    for (const t of this.fake.tables.values())
      if (t.sheet === this.sheet.name && overlaps(t.ref, this.ref)) {
        this.fake.error("MergedRangeConflict", `Cannot merge ${this.addr()} over table ${t.name}.`);
        return;
      }
    this.sheet.merges.push(this.ref);
    // Like Excel, merging keeps only the top-left cell's content.
    for (let i = 0; i < this.ref.rows; i++)
      for (let j = 0; j < this.ref.cols; j++)
        if (i > 0 || j > 0) this.sheet.set(this.ref.row + i, this.ref.col + j, null, null);
  }
  unmerge(): void {
    this.rec("unmerge", null);
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.ref));
  }
  /** Select the range: remembered in `fake.selection` ("Sheet!A1"; not a recorded write). */
  select(): void {
    this.fake.activeSheet = this.sheet.name;
    this.fake.selection = `${this.sheet.name}!${this.addr()}`;
  }
  clear(applyTo: string = "All"): void {
    this.rec("clear", applyTo);
    if (applyTo === "All" || applyTo === "Contents") this.sheet.clearContents(this.ref);
    if (applyTo === "All" || applyTo === "Formats") this.sheet.clearFormats(this.ref);
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.fake, this, this);
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.fake, this, this);
  }
}

export class FakeRangeFormat extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly range: FakeRange,
  ) {
    super(fake, parent);
  }
  private setProp(prop: string, v: unknown): void {
    this.range.setStyle(prop, v);
  }
  get font() {
    const set = (p: string, v: unknown) => this.setProp(`font.${p}`, v);
    return {
      set bold(v: boolean) {
        set("bold", v);
      },
      set italic(v: boolean) {
        set("italic", v);
      },
      set size(v: number) {
        set("size", v);
      },
      set color(v: string) {
        set("color", v);
      },
    };
  }
  get fill() {
    const set = (v: unknown) => this.setProp("fill.color", v);
    return {
      set color(v: string) {
        set(v);
      },
    };
  }
  get protection() {
    const set = (v: unknown) => this.setProp("protection.locked", v);
    return {
      set locked(v: boolean) {
        set(v);
      },
    };
  }
  set wrapText(v: boolean) {
    this.setProp("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.setProp("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.setProp("verticalAlignment", v);
  }
  set columnWidth(v: number) {
    this.range.setStyle("columnWidth", v);
    if (!(v >= 0 && v <= MAX_COLUMN_WIDTH_PT))
      this.fake.error("InvalidArgument", `Column width ${v} pt is over 255 characters.`);
    const r = this.range.ref;
    for (let c = r.col; c < r.col + r.cols; c++) this.range.sheet.columnWidths.set(c, v);
  }
  set rowHeight(v: number) {
    this.range.setStyle("rowHeight", v);
    if (!(v >= 0 && v <= MAX_ROW_HEIGHT_PT))
      this.fake.error("InvalidArgument", `Row height ${v} pt is over 409.`);
    const r = this.range.ref;
    for (let i = r.row; i < r.row + r.rows; i++) {
      this.range.sheet.rowHeights.set(i, v);
      this.range.sheet.fittedRows.delete(i);
    }
  }
  autofitRows(): void {
    const r = this.range.ref;
    for (let i = r.row; i < r.row + r.rows; i++) {
      this.range.sheet.rowHeights.delete(i);
      this.range.sheet.fittedRows.add(i);
    }
  }
  get borders() {
    const range = this.range;
    const fake = this.fake;
    const valid = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];
    return {
      getItem(index: string) {
        if (!valid.includes(index)) fake.error("InvalidArgument", `Bad border index ${index}`);
        return {
          set style(v: string) {
            range.setStyle(`border.${index}.style`, v);
          },
          set weight(v: string) {
            range.setStyle(`border.${index}.weight`, v);
          },
          set color(v: string) {
            range.setStyle(`border.${index}.color`, v);
          },
        };
      },
    };
  }
}

export class FakeDataValidation extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly range: FakeRange,
  ) {
    super(fake, parent);
  }
  private entry(): FakeValidation {
    const list = this.range.sheet.validations;
    let e = list.find((v) => refAddress(v.ref) === refAddress(this.range.ref));
    if (!e) {
      e = { ref: this.range.ref };
      list.push(e);
    }
    return e;
  }
  private rec(p: string, v: unknown): void {
    this.fake.record(this.range.sheet.name, refAddress(this.range.ref), `dataValidation.${p}`, v);
  }
  clear(): void {
    this.rec("clear", null);
    const s = this.range.sheet;
    s.validations = s.validations.filter((v) => !overlaps(v.ref, this.range.ref));
  }
  set rule(v: unknown) {
    this.rec("rule", v);
    const e = this.entry();
    if (e.rule !== undefined)
      this.fake.error("InvalidOperation", "A data validation rule already exists; clear it first.");
    const keys = Object.keys(v as object);
    if (keys.length !== 1) this.fake.error("InvalidArgument", "A data validation rule has exactly one type.");
    const list = (v as { list?: { source?: unknown } }).list;
    if (
      list &&
      typeof list.source === "string" &&
      !list.source.startsWith("=") &&
      list.source.length > MAX_DV_LIST
    )
      this.fake.error("InvalidArgument", `A list of values has at most ${MAX_DV_LIST} characters.`);
    e.rule = v;
  }
  set ignoreBlanks(v: boolean) {
    this.rec("ignoreBlanks", v);
    this.entry().ignoreBlanks = v;
  }
  private checkText(v: { title?: string; message?: string } | undefined): void {
    if ((v?.title?.length ?? 0) > MAX_DV_TITLE)
      this.fake.error("InvalidArgument", `A data validation title has at most ${MAX_DV_TITLE} characters.`);
    if ((v?.message?.length ?? 0) > MAX_DV_MESSAGE)
      this.fake.error(
        "InvalidArgument",
        `A data validation message has at most ${MAX_DV_MESSAGE} characters.`,
      );
  }
  set prompt(v: FakeValidation["prompt"]) {
    this.rec("prompt", v);
    this.checkText(v as { title?: string; message?: string });
    this.entry().prompt = v;
  }
  set errorAlert(v: FakeValidation["errorAlert"]) {
    this.rec("errorAlert", v);
    this.checkText(v as { title?: string; message?: string });
    this.entry().errorAlert = v;
  }
}

export class FakeConditionalFormats extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly range: FakeRange,
  ) {
    super(fake, parent);
  }
  add(type: string) {
    const s = this.range.sheet;
    const addr = refAddress(this.range.ref);
    this.fake.record(s.name, addr, "conditionalFormats.add", type);
    if (type !== "Custom")
      this.fake.error("InvalidArgument", `Unsupported conditional format type in the fake: ${type}`);
    const e: FakeConditionalFormat = { ref: this.range.ref, type };
    // Excel puts a new conditional format first — priority 0, the others move down (Excel.ConditionalFormat
    // `priority`: "the priority ... 0 is the highest"; ConditionalFormatCollection.add adds at the top,
    // as Home → Conditional Formatting → New Rule does). The sheet's list is kept in priority order.
    s.conditionalFormats.unshift(e);
    const rec = (p: string, v: unknown) => this.fake.record(s.name, addr, `conditionalFormat.${p}`, v);
    return {
      custom: {
        rule: {
          set formula(v: string) {
            rec("formula", v);
            e.formula = v;
          },
        },
        format: {
          fill: {
            set color(v: string) {
              rec("fill", v);
              e.fill = v;
            },
          },
          font: {
            set color(v: string) {
              rec("fontColor", v);
              e.fontColor = v;
            },
            set bold(v: boolean) {
              rec("bold", v);
              e.bold = v;
            },
          },
        },
      },
      set stopIfTrue(v: boolean) {
        rec("stopIfTrue", v);
        e.stopIfTrue = v;
      },
    };
  }
  clearAll(): void {
    const s = this.range.sheet;
    this.fake.record(s.name, refAddress(this.range.ref), "conditionalFormats.clearAll", null);
    s.conditionalFormats = s.conditionalFormats.filter((c) => !overlaps(c.ref, this.range.ref));
  }
}

export class FakeFreezePanes extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly sheet: FakeSheetState,
  ) {
    super(fake, parent);
  }
  freezeRows(n: number): void {
    this.fake.record(this.sheet.name, "", "freezePanes.freezeRows", n);
    this.sheet.freeze = { rows: n, columns: 0 };
  }
  freezeColumns(n: number): void {
    this.fake.record(this.sheet.name, "", "freezePanes.freezeColumns", n);
    this.sheet.freeze = { rows: 0, columns: n };
  }
  freezeAt(range: FakeRange | string): void {
    const ref = typeof range === "string" ? parseAddress(range) : range.ref;
    this.fake.record(this.sheet.name, refAddress(ref), "freezePanes.freezeAt", null);
    this.sheet.freeze = { rows: ref.row + ref.rows, columns: ref.col + ref.cols };
  }
  unfreeze(): void {
    this.fake.record(this.sheet.name, "", "freezePanes.unfreeze", null);
    this.sheet.freeze = null;
  }
}

export class FakePageLayoutProxy extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly sheet: FakeSheetState,
  ) {
    super(fake, parent);
  }
  private set(p: string, v: unknown): void {
    this.fake.record(this.sheet.name, "", `pageLayout.${p}`, v);
  }
  /** An enum property: only Office.js's own string values are accepted (InvalidArgument otherwise). */
  private setEnum(p: "orientation" | "paperSize" | "printOrder", allowed: string[], v: string): void {
    this.set(p, v);
    if (!allowed.includes(v)) {
      this.fake.error("InvalidArgument", `${v} is not a valid ${p}.`);
      return;
    }
    this.sheet.pageLayout[p] = v;
  }
  set orientation(v: string) {
    this.setEnum("orientation", PAGE_ORIENTATIONS, v);
  }
  set paperSize(v: string) {
    this.setEnum("paperSize", PAPER_TYPES, v);
  }
  set printOrder(v: string) {
    this.setEnum("printOrder", PRINT_ORDERS, v);
  }
  set zoom(v: FakePageLayout["zoom"]) {
    this.set("zoom", v);
    const problem = zoomProblem(v);
    if (problem) {
      this.fake.error("InvalidArgument", problem);
      return;
    }
    this.sheet.pageLayout.zoom = v;
  }
  setPrintTitleRows(v: string | FakeRange): void {
    const s = typeof v === "string" ? v : refAddress(v.ref);
    this.set("setPrintTitleRows", s);
    this.sheet.pageLayout.printTitleRows = s;
  }
  setPrintTitleColumns(v: string | FakeRange): void {
    const s = typeof v === "string" ? v : refAddress(v.ref);
    this.set("setPrintTitleColumns", s);
    this.sheet.pageLayout.printTitleColumns = s;
  }
  setPrintArea(v: string | FakeRange): void {
    const s = typeof v === "string" ? v : refAddress(v.ref);
    this.set("setPrintArea", s);
    this.sheet.pageLayout.printArea = s;
  }
  private margin(name: string, v: number): void {
    this.set(name, v);
    this.sheet.pageLayout.margins[name] = v;
  }
  set leftMargin(v: number) {
    this.margin("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.margin("rightMargin", v);
  }
  set topMargin(v: number) {
    this.margin("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.margin("bottomMargin", v);
  }
  set headerMargin(v: number) {
    this.margin("headerMargin", v);
  }
  set footerMargin(v: number) {
    this.margin("footerMargin", v);
  }
  get headersFooters() {
    const pl = this.sheet.pageLayout;
    const set = (p: string, v: unknown) => this.set(p, v);
    const first = () => (pl.firstPage ??= {});
    const fake = this.fake;
    return {
      set state(v: string) {
        set("headersFooters.state", v);
        if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(v))
          fake.error("InvalidArgument", `${v} is not a valid HeaderFooterState.`);
        else pl.headerFooterState = v;
      },
      defaultForAllPages: {
        set centerHeader(v: string) {
          set("centerHeader", v);
          pl.centerHeader = v;
        },
        set centerFooter(v: string) {
          set("centerFooter", v);
          pl.centerFooter = v;
        },
        set leftFooter(v: string) {
          set("leftFooter", v);
          pl.leftFooter = v;
        },
      },
      firstPage: {
        set centerHeader(v: string) {
          set("firstPage.centerHeader", v);
          first().centerHeader = v;
        },
        set centerFooter(v: string) {
          set("firstPage.centerFooter", v);
          first().centerFooter = v;
        },
        set leftFooter(v: string) {
          set("firstPage.leftFooter", v);
          first().leftFooter = v;
        },
      },
    };
  }
}

export class FakeTables extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly sheet: FakeSheetState | undefined,
  ) {
    super(fake, parent);
  }
  get items(): FakeTableProxy[] {
    return this.need("items", () =>
      [...this.fake.tables.values()]
        .filter((t) => !this.sheet || t.sheet === this.sheet.name)
        .map((t) => new FakeTableProxy(this.fake, this, t)),
    );
  }
  add(range: FakeRange | string, hasHeaders: boolean): FakeTableProxy {
    const sheet = this.sheet ?? (typeof range === "string" ? undefined : range.sheet);
    const ref = typeof range === "string" ? parseAddress(range) : range.ref;
    const name = `Table${this.fake.tables.size + 1}`;
    this.fake.record(sheet?.name ?? "", refAddress(ref), "tables.add", hasHeaders);
    if (!sheet) {
      this.fake.error("InvalidArgument", "Table range without a sheet");
      return new FakeTableProxy(this.fake, this, { name, sheet: "", ref });
    }
    // Excel gives a header-only table one empty data row.
    const tref = hasHeaders && ref.rows === 1 ? { ...ref, rows: 2 } : ref;
    if (sheet.merges.some((m) => overlaps(m, tref)))
      this.fake.error("MergedRangeConflict", "A table cannot overlap merged cells.");
    for (const t of this.fake.tables.values())
      if (t.sheet === sheet.name && overlaps(t.ref, tref))
        this.fake.error("InvalidOperation", "Tables cannot overlap.");
    const t: FakeTable = { name, sheet: sheet.name, ref: tref };
    this.fake.tables.set(name.toLowerCase(), t);
    if (hasHeaders) normaliseHeaders(sheet, t);
    return new FakeTableProxy(this.fake, this, t);
  }
  getItem(name: string): FakeTableProxy {
    const t = this.fake.tables.get(name.toLowerCase());
    if (!t) this.fake.error("ItemNotFound", `No table ${name}`);
    return new FakeTableProxy(
      this.fake,
      this,
      t ?? { name, sheet: "", ref: { row: 0, col: 0, rows: 1, cols: 1 } },
    );
  }
}

/** Rewrites a table's header row as Excel keeps it: text, none blank, none repeated (see excelTableHeaders). */
function normaliseHeaders(sheet: FakeSheetState, t: FakeTable): void {
  const raw: unknown[] = [];
  for (let c = t.ref.col; c < t.ref.col + t.ref.cols; c++) {
    const x = sheet.get(t.ref.row, c);
    raw.push(x.formula ?? x.value);
  }
  excelTableHeaders(raw).forEach((h, i) => {
    const x = sheet.get(t.ref.row, t.ref.col + i);
    if (x.formula !== null || x.value !== h) sheet.set(t.ref.row, t.ref.col + i, h, null);
  });
}

export class FakeTableProxy extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    readonly table: FakeTable,
  ) {
    super(fake, parent);
  }
  get name(): string {
    return this.need("name", () => this.table.name);
  }
  /** The table's sheet (Excel.Table.worksheet, ExcelApi 1.2); its name needs loading like any property. */
  get worksheet(): FakeWorksheet {
    const s = this.fake.sheet(this.table.sheet) ?? new FakeSheetState(this.table.sheet);
    return new FakeWorksheet(this.fake, this, s);
  }
  set name(v: string) {
    this.fake.record(this.table.sheet, refAddress(this.table.ref), "table.name", v);
    const existing = this.fake.tables.get(v.toLowerCase());
    if (this.fake.names.has(v.toLowerCase())) {
      this.fake.error("InvalidArgument", `A defined name ${v} already exists.`);
      return;
    }
    if (existing && existing !== this.table) {
      this.fake.error("InvalidArgument", `A table named ${v} already exists.`);
      return;
    }
    this.fake.tables.delete(this.table.name.toLowerCase());
    this.table.name = v;
    this.fake.tables.set(v.toLowerCase(), this.table);
  }
  set style(v: string) {
    this.fake.record(this.table.sheet, refAddress(this.table.ref), "table.style", v);
    this.table.style = v;
  }
  set showTotals(v: boolean) {
    this.fake.record(this.table.sheet, refAddress(this.table.ref), "table.showTotals", v);
    this.table.showTotals = v;
  }
  convertToRange(): void {
    this.fake.record(this.table.sheet, refAddress(this.table.ref), "table.convertToRange", null);
    this.fake.tables.delete(this.table.name.toLowerCase());
  }
  delete(): void {
    this.fake.record(this.table.sheet, refAddress(this.table.ref), "table.delete", null);
    this.fake.tables.delete(this.table.name.toLowerCase());
  }
}

export class FakeCharts extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly sheet: FakeSheetState,
  ) {
    super(fake, parent);
  }
  get items(): FakeChartProxy[] {
    return this.need("items", () =>
      this.sheet.charts.map((c) => new FakeChartProxy(this.fake, this, this.sheet, c)),
    );
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    this.fake.record(this.sheet.name, refAddress(source.ref), "charts.add", { type, seriesBy });
    const c: FakeChart = {
      name: `Chart ${this.sheet.charts.length + 1}`,
      type,
      source: source.ref,
      seriesBy,
    };
    this.sheet.charts.push(c);
    return new FakeChartProxy(this.fake, this, this.sheet, c);
  }
}

export class FakeChartProxy extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    private readonly sheet: FakeSheetState,
    readonly chart: FakeChart,
  ) {
    super(fake, parent);
  }
  get name(): string {
    return this.need("name", () => this.chart.name);
  }
  set name(v: string) {
    this.fake.record(this.sheet.name, "", "chart.name", v);
    this.chart.name = v;
  }
  get title() {
    const c = this.chart;
    const rec = (v: string) => this.fake.record(this.sheet.name, "", "chart.title.text", v);
    return {
      set text(v: string) {
        rec(v);
        c.title = v;
      },
    };
  }
  setPosition(from: string, to?: string): void {
    this.fake.record(this.sheet.name, "", "chart.setPosition", [from, to]);
    this.chart.from = from;
    this.chart.to = to;
  }
  delete(): void {
    this.fake.record(this.sheet.name, "", "chart.delete", this.chart.name);
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this.chart);
  }
}

export class FakeNames extends FakeProxy {
  get items(): FakeNamedItem[] {
    return this.need("items", () =>
      [...this.fake.names.values()].map((n) => new FakeNamedItem(this.fake, this, n)),
    );
  }
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.fake.record("", "", "names.add", { name, reference, comment });
    if (this.fake.names.has(name.toLowerCase()))
      this.fake.error("ItemAlreadyExists", `The name ${name} already exists.`);
    const problem = definedNameProblem(name);
    if (problem) this.fake.error("InvalidArgument", problem);
    // A defined name and a table name share one namespace (Excel: "the name already exists").
    if (this.fake.tables.has(name.toLowerCase()))
      this.fake.error("ItemAlreadyExists", `A table named ${name} already exists.`);
    // A reference to a sheet must name an existing sheet (Excel: InvalidReference / "#REF!").
    for (const m of reference.matchAll(/(?:'((?:[^']|'')+)'|([\p{L}\p{N}_.]+))!/gu)) {
      const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
      if (!this.fake.sheet(sheet)) this.fake.error("InvalidReference", `No sheet ${sheet} for name ${name}.`);
    }
    const n: FakeName = { name, formula: reference, comment };
    this.fake.names.set(name.toLowerCase(), n);
    return new FakeNamedItem(this.fake, this, n);
  }
  getItem(name: string): FakeNamedItem {
    const n = this.fake.names.get(name.toLowerCase());
    if (!n) this.fake.error("ItemNotFound", `No name ${name}`);
    return new FakeNamedItem(this.fake, this, n ?? { name, formula: "" });
  }
}

export class FakeNamedItem extends FakeProxy {
  constructor(
    fake: FakeExcel,
    parent: FakeProxy,
    readonly item: FakeName,
  ) {
    super(fake, parent);
  }
  get name(): string {
    return this.need("name", () => this.item.name);
  }
  delete(): void {
    this.fake.record("", "", "names.delete", this.item.name);
    this.fake.names.delete(this.item.name.toLowerCase());
  }
}

/**
 * Put a fake `Excel` global in place (for task-pane code that calls Excel.run, in jest or in a
 * browser test page). Returns a function that restores the previous global.
 */
export function installFakeExcel(fake: FakeExcel): () => void {
  const g = globalThis as unknown as { Excel?: unknown };
  const previous = g.Excel;
  g.Excel = {
    run: <T>(a: unknown, b?: (context: Excel.RequestContext) => Promise<T>) =>
      typeof a === "function"
        ? fake.run(a as (context: Excel.RequestContext) => Promise<T>)
        : fake.run(a as Excel.RunOptions, b as (context: Excel.RequestContext) => Promise<T>),
  };
  return () => {
    g.Excel = previous;
  };
}

/**
 * Put fake `Excel` and `Office` globals in place: Office.context.requirements.isSetSupported("ExcelApi", "1.N")
 * answers from `fake.excelApiMinor`, so the product's requirement-set checks and the fake agree. Returns a
 * function that restores both.
 */
export function installFakeOffice(fake: FakeExcel): () => void {
  const g = globalThis as unknown as { Office?: unknown };
  const previous = g.Office;
  const restoreExcel = installFakeExcel(fake);
  g.Office = {
    context: {
      requirements: {
        isSetSupported(name: string, version = "1.1"): boolean {
          if (name.toLowerCase() !== "excelapi") return false;
          const [major, minor = "0"] = version.split(".");
          return Number(major) < 1 || (Number(major) === 1 && Number(minor) <= fake.excelApiMinor);
        },
      },
    },
  };
  return () => {
    restoreExcel();
    g.Office = previous;
  };
}
