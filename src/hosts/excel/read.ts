import { parseA1 } from "../../workbook/address";
import { SheetCells } from "../../workbook/cells";
import { CellValue } from "../../workbook/plan";
import { Batcher, estimateRequestBytes, jsonBytes, MAX_REQUEST_BYTES } from "./batch";
import { HostError, toHostError } from "./errors";
import { toOfficeInput } from "./render";

/** Office.js readers and small writers. Responses, like requests, are kept under 4 MB (estimated). */

export interface ReadOptions {
  /** Largest estimated response per sync (default 4 000 000 bytes). */
  maxResponseBytes?: number;
  /** Cells in the first chunk of a big used range (later chunks adapt to the measured size). */
  firstChunkCells?: number;
  onProgress?: (rowsRead: number, totalRows: number) => void;
  /** Read values only (no formulas, no number formats): a third of the response, enough for readers of data. */
  valuesOnly?: boolean;
  /**
   * With `valuesOnly`: still read the number formats when the used range has at most this many cells (a
   * monitoring sheet, ~70 × 9, among sheets scanned for one: its rules read formats; a register does not).
   */
  formatsUpToCells?: number;
}

/** A number format as SheetCells holds it: null for none ("General" is none). */
export function cellNumberFormat(nf: unknown): string | null {
  return typeof nf === "string" && nf !== "" && nf !== "General" ? nf : null;
}

export interface ReadReport {
  syncs: number;
  /** Measured JSON bytes of each chunk's response (values + formulas + number formats). */
  responses: number[];
}

function sheetMissing(name: string): HostError {
  return new HostError({
    kind: "itemNotFound",
    code: "ItemNotFound",
    message: {
      pl: `Nie ma arkusza „${name}”. Utwórz go w Mierniku albo sprawdź jego nazwę.`,
      en: `There is no sheet "${name}". Create it with Miernik or check its name.`,
    },
  });
}

const TOO_MANY_CELLS = {
  pl: "Excel nie zwrócił wartości zakresu (za dużo komórek naraz). Zgłoś to autorom Miernika.",
  en: "Excel returned no values for the range (too many cells at once). Please report it.",
};

function normalise(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * The used range of a sheet as SheetCells (values, formulas, number formats). One sync for the
 * range's size, then one per chunk of rows (one chunk unless the sheet is big); chunk sizes adapt
 * so each response stays under the limit. `report` (optional) receives sync and size figures.
 */
export async function readSheetCells(
  context: Excel.RequestContext,
  sheetName: string,
  opts: ReadOptions = {},
  report?: ReadReport,
): Promise<SheetCells> {
  const maxBytes = opts.maxResponseBytes ?? MAX_REQUEST_BYTES;
  const target = Math.floor(maxBytes * 0.75);
  const rep: ReadReport = report ?? { syncs: 0, responses: [] };
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    const used = sheet.getUsedRangeOrNullObject(true);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is no navigation property: loaded so that it is set in every host (office-js issue 195)
    sheet.load("isNullObject");
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is no navigation property: loaded so that it is set in every host (office-js issue 195)
    used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    rep.syncs++;
    if (sheet.isNullObject) throw sheetMissing(sheetName);
    if (used.isNullObject)
      return { name: sheetName, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
    const { rowIndex: top, columnIndex: left, rowCount, columnCount } = used;
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    const withFormats = !opts.valuesOnly || rowCount * columnCount <= (opts.formatsUpToCells ?? -1);
    const withFormulas = !opts.valuesOnly;
    let rowsPerChunk = Math.max(1, Math.floor((opts.firstChunkCells ?? 20_000) / columnCount));
    let done = 0;
    while (done < rowCount) {
      const n = Math.min(rowsPerChunk, rowCount - done);
      const range = sheet.getRangeByIndexes(top + done, left, n, columnCount);
      range.load(["values", ...(withFormulas ? ["formulas"] : []), ...(withFormats ? ["numberFormat"] : [])]);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk by design: each response stays under Excel on the web's 5 MB, and the next chunk is sized from this one's bytes
      await context.sync();
      rep.syncs++;
      const { values: rv, formulas: rf, numberFormat: rn } = range.toJSON();
      // A read over Excel's 5 M-cell limit can come back with values = null (office-js issue 6781).
      if (!rv) throw new HostError({ kind: "responseTooLarge", message: TOO_MANY_CELLS });
      const bytes = jsonBytes(rv) + (withFormulas ? jsonBytes(rf) : 0) + (withFormats ? jsonBytes(rn) : 0);
      rep.responses.push(bytes);
      for (let i = 0; i < n; i++) {
        const vr = (rv?.[i] ?? []) as unknown[];
        const fr = (rf?.[i] ?? []) as unknown[];
        const nr = (rn?.[i] ?? []) as unknown[];
        const vals: CellValue[] = [];
        const forms: (string | null)[] = [];
        const fmts: (string | null)[] = [];
        for (let j = 0; j < columnCount; j++) {
          const v = normalise(vr[j]);
          const f = fr[j];
          vals.push(v);
          // Office.js returns constants in `formulas` too; a formula starts with "=" and differs from its value.
          forms.push(typeof f === "string" && f.startsWith("=") && f !== vr[j] ? f : null);
          fmts.push(cellNumberFormat(nr[j]));
        }
        values.push(vals);
        formulas.push(forms);
        numberFormats.push(fmts);
      }
      done += n;
      opts.onProgress?.(done, rowCount);
      // Adapt: aim the next response at 75% of the limit, from the bytes per row just measured.
      const perRow = Math.max(1, bytes / n);
      rowsPerChunk = Math.max(1, Math.floor(target / perRow));
    }
    if (opts.valuesOnly)
      return withFormats
        ? { name: sheetName, top, left, values, numberFormats }
        : { name: sheetName, top, left, values };
    return { name: sheetName, top, left, values, formulas, numberFormats };
  } catch (e) {
    throw toHostError(e);
  }
}

export interface CellWrite {
  /** A1 address on the sheet, e.g. "D12". */
  address: string;
  /** New value (text stays text), ignored when `formula` is given. */
  value?: CellValue;
  /** A formula ("=…", English names). */
  formula?: string;
}

/**
 * Write single cells, touching nothing else (used by "Fix" in validation). Batched under the
 * request limit; returns the number of syncs.
 */
export async function writeCells(
  context: Excel.RequestContext,
  sheetName: string,
  cells: CellWrite[],
  opts: { maxRequestBytes?: number } = {},
): Promise<number> {
  for (const c of cells) parseA1(c.address); // bad address → RangeError before anything is written
  try {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const b = new Batcher(context, opts.maxRequestBytes ?? MAX_REQUEST_BYTES);
    for (const c of cells) {
      const input = toOfficeInput(c.value ?? null, c.formula);
      await b.add(estimateRequestBytes([[input]]), () => {
        const r = sheet.getRange(c.address);
        if (c.formula !== undefined) r.formulas = [[input]];
        else r.values = [[input]];
      });
    }
    await b.flush();
    return b.syncs;
  } catch (e) {
    throw toHostError(e);
  }
}

export interface SheetInfo {
  name: string;
  visible: boolean;
}

/** Names and visibility of every sheet, in workbook order (one sync). */
export async function listSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
  try {
    const ws = context.workbook.worksheets;
    ws.load("items/name,items/visibility");
    await context.sync();
    return ws.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
  } catch (e) {
    throw toHostError(e);
  }
}

/** Whether a sheet of that name exists (one sync). */
export async function sheetExists(context: Excel.RequestContext, name: string): Promise<boolean> {
  try {
    const s = context.workbook.worksheets.getItemOrNullObject(name);
    // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is no navigation property: loaded so that it is set in every host (office-js issue 195)
    s.load("isNullObject");
    await context.sync();
    return !s.isNullObject;
  } catch (e) {
    throw toHostError(e);
  }
}
