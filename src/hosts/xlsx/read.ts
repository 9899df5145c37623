import ExcelJS from "exceljs";
import { SheetCells, WorkbookCells } from "../../workbook/cells";
import { CellValue } from "../../workbook/plan";
import { anchoredPrintArea, rawNames } from "./names";
import { tolerateOverlappingMerges } from "./merges";
import { checkXlsxPackage, damagedXlsxError, XlsxReadError } from "./preflight";
import { a1 as cellAddress } from "../../workbook/address";

const MS_PER_DAY = 86400000;

/** Excel serial (1900 system) of a JS Date as ExcelJS gives it (UTC-based). */
export function dateToSerial(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + 25569;
  // Round to the millisecond to remove float noise; whole days stay integers.
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Normalise an ExcelJS value (or formula result) per the cells.ts contract. */
export function normaliseValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  if (isObject(v)) {
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text?: unknown }[]).map((p) => String(p.text ?? "")).join("");
      return text === "" ? null : text;
    }
    if ("formula" in v || "sharedFormula" in v) return normaliseValue(v.result);
    if ("text" in v) return normaliseValue(v.text); // hyperlink
  }
  return String(v);
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  // `cell.formula` translates shared formulas relative to their master cell.
  const f = cell.formula;
  if (!f) return null;
  return f.startsWith("=") ? f : `=${f}`;
}

/** Bounds of the grid a sheet is read into (README, "Limits"). */
export const SHEET_LIMITS = {
  /** Empty rows / columns that end a block of data: a cell further away is a stray cell, ignored. */
  maxRowGap: 10000,
  maxColumnGap: 256,
  /** Cells of the grid (rows × columns of the block read), empty ones included… */
  maxGridCells: 12000000,
  /** …and at most this many grid cells per cell that holds something, above `sparseFloor`. */
  maxSparseness: 50,
  sparseFloor: 2000000,
};

interface ReadCell {
  r: number;
  c: number;
  v: CellValue;
  f: string | null;
  n: string | null;
}

/** The cluster of sorted coordinates (split at gaps above `gap`) holding the most cells. */
function mainCluster(counts: Map<number, number>, gap: number): [number, number] {
  const keys = [...counts.keys()].sort((a, b) => a - b);
  let best: [number, number] = [keys[0], keys[0]];
  let bestCount = -1;
  let from = keys[0];
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    count += counts.get(keys[i]) ?? 0;
    const last = i === keys.length - 1 || keys[i + 1] - keys[i] - 1 > gap;
    if (last) {
      if (count > bestCount) {
        bestCount = count;
        best = [from, keys[i]];
      }
      if (i < keys.length - 1) {
        from = keys[i + 1];
        count = 0;
      }
    }
  }
  return best;
}

/**
 * The cells of a sheet that hold something, as a grid over the block where the data is. Reading is
 * sparse: only cells present in the file are visited. A stray cell far from the data (one value at
 * XFD1048576 in a register) is left out and counted in `ignored`; a block larger than
 * SHEET_LIMITS.maxGridCells is refused (XlsxReadError "too-large").
 */
function readSheet(ws: ExcelJS.Worksheet): SheetCells {
  const cells: ReadCell[] = [];
  const rowCounts = new Map<number, number>();
  const colCounts = new Map<number, number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const merged = cell.type === ExcelJS.ValueType.Merge;
      const v = merged ? null : normaliseValue(cell.value);
      const f = merged ? null : formulaOf(cell);
      if (v === null && f === null) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ r, c, v, f, n: cell.numFmt ?? null });
      rowCounts.set(r, (rowCounts.get(r) ?? 0) + 1);
      colCounts.set(c, (colCounts.get(c) ?? 0) + 1);
    });
  });
  const empty: SheetCells = { name: ws.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
  if (cells.length === 0) return empty;
  const [left, right] = mainCluster(colCounts, SHEET_LIMITS.maxColumnGap);
  const inCols = new Map<number, number>();
  for (const x of cells) if (x.c >= left && x.c <= right) inCols.set(x.r, (inCols.get(x.r) ?? 0) + 1);
  const [top, bottom] = mainCluster(inCols, SHEET_LIMITS.maxRowGap);
  const height = bottom - top + 1;
  const width = right - left + 1;
  const allowed = Math.min(
    SHEET_LIMITS.maxGridCells,
    Math.max(SHEET_LIMITS.sparseFloor, SHEET_LIMITS.maxSparseness * cells.length),
  );
  if (height * width > allowed)
    throw new XlsxReadError(
      `sheet "${ws.name}": its data spans ${height} rows × ${width} columns (${cellAddress(top, left)}:${cellAddress(bottom, right)}), more than Miernik reads for ${cells.length} filled cells (${allowed} cells)`,
      "too-large",
      `arkusz „${ws.name}”: dane zajmują ${height} wierszy × ${width} kolumn (${cellAddress(top, left)}:${cellAddress(bottom, right)}), więcej niż Miernik czyta przy ${cells.length} wypełnionych komórkach (${allowed} komórek)`,
    );
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
    numberFormats.push(new Array<string | null>(width).fill(null));
  }
  let ignored = 0;
  let firstIgnored: string | null = null;
  for (const x of cells) {
    if (x.r < top || x.r > bottom || x.c < left || x.c > right) {
      ignored++;
      if (firstIgnored === null) firstIgnored = cellAddress(x.r, x.c);
      continue;
    }
    values[x.r - top][x.c - left] = x.v;
    formulas[x.r - top][x.c - left] = x.f;
    numberFormats[x.r - top][x.c - left] = x.n;
  }
  const out: SheetCells = { name: ws.name, top, left, values, formulas, numberFormats };
  if (ignored > 0) out.ignored = { count: ignored, first: firstIgnored as string };
  return out;
}

function toUint8(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/**
 * Load an .xlsx into an ExcelJS workbook, with one-line typed errors (English `message`, Polish `pl`)
 * for unreadable input. The package is checked before anything is inflated (./zipGuard.ts).
 */
export async function loadXlsx(
  bytes: Uint8Array | ArrayBuffer,
  opts: { checked?: boolean } = {},
): Promise<ExcelJS.Workbook> {
  const u8 = toUint8(bytes);
  if (!opts.checked) await checkXlsxPackage(u8);
  const wb = new ExcelJS.Workbook();
  rawNames(wb); // names stay verbatim instead of being expanded cell by cell (see ./names.ts)
  tolerateOverlappingMerges(wb); // overlapping merges: the later dropped, as Excel repairs them (./merges.ts)
  try {
    // ExcelJS's typings want a Node Buffer; in the browser an ArrayBuffer works.
    const input = (
      typeof Buffer !== "undefined" ? Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8
    ) as never;
    await wb.xlsx.load(input);
  } catch (e) {
    throw damagedXlsxError(e instanceof Error ? e.message : String(e));
  }
  // Written back (the standalone page saves the opened workbook), each sheet's print area stays what it was.
  wb.eachSheet((ws) => {
    const area = ws.pageSetup?.printArea;
    if (typeof area === "string" && area) ws.pageSetup.printArea = anchoredPrintArea(area);
  });
  return wb;
}

/** Every sheet of an .xlsx as cell arrays (values normalised per src/workbook/cells.ts). */
export async function readXlsx(
  bytes: Uint8Array | ArrayBuffer,
  opts: { checked?: boolean } = {},
): Promise<WorkbookCells> {
  const wb = await loadXlsx(bytes, opts);
  const sheets: SheetCells[] = [];
  wb.eachSheet((ws) => sheets.push(readSheet(ws)));
  return { sheets };
}

export { readSheet as readWorksheetCells };
export { XlsxReadError };
export type { XlsxReadReason } from "./preflight";
