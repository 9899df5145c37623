/**
 * Validation in Excel through Office.js: read the monitoring sheets in ONE sync, validate them with the
 * pure engine, and apply fixes touching only the fixed cells. Used by the task pane's Validate panel
 * through the validation host (./validationHost.ts) — no React here.
 */
import { Programme } from "../../domain/programme/types";
import { Finding } from "../../domain/validation";
import { toHostError } from "./errors";
import { cellNumberFormat, readSheetCells, writeCells } from "./read";
import { SheetCells, WorkbookCells } from "../../workbook/cells";
import { CellValue } from "../../workbook/plan";
import { fixesToWrites, planFixes } from "../../workbook/validation/fixes";
import { validateWorkbookCells, WorkbookValidation } from "../../workbook/validation/validate";

export interface ExcelValidationOptions {
  /** The year whose sheet ("Monitoring <year>") is validated; its previous year's sheet is read too. */
  year: number;
  yoyFactor?: number;
}

export interface ExcelValidationResult extends WorkbookValidation {
  /** context.sync calls spent reading (1 for a sheet named as the layout names it). */
  syncs: number;
}

/** Sheets up to this many cells are scanned with their number formats (a monitoring sheet is ~630). */
const MONITORING_SIZED_CELLS = 20_000;

function normalise(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

interface PendingRead {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

function queueRead(context: Excel.RequestContext, name: string): PendingRead {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is no navigation property: loaded so that it is set in every host (office-js issue 195)
  sheet.load("isNullObject");
  const used = sheet.getUsedRangeOrNullObject(true);
  // Number formats too: the rules for a date or a share typed into a count cell read them (a small sheet).
  // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is no navigation property: loaded so that it is set in every host (office-js issue 195)
  used.load("isNullObject,rowIndex,columnIndex,values,numberFormat");
  return { name, sheet, used };
}

function toCells(p: PendingRead): SheetCells | null {
  if (p.sheet.isNullObject) return null;
  if (p.used.isNullObject) return { name: p.name, top: 0, left: 0, values: [] };
  return {
    name: p.name,
    top: p.used.rowIndex,
    left: p.used.columnIndex,
    values: p.used.values.map((r) => r.map(normalise)),
    numberFormats: (p.used.numberFormat as unknown[][]).map((r) => r.map(cellNumberFormat)),
  };
}

/**
 * Reads "Monitoring <year>", "Monitoring <year-1>" and the list of sheet names in one sync (a monitoring
 * sheet is ~70 rows × 9 columns: far below the 5 MB response limit), then validates. When the year's sheet
 * is not found by name (renamed), every other sheet is read (in chunks, values only) so a renamed
 * monitoring sheet can still be validated by its content.
 */
export async function validateInExcel(
  context: Excel.RequestContext,
  programme: Programme,
  opts: ExcelValidationOptions,
): Promise<ExcelValidationResult> {
  try {
    const names = [`Monitoring ${opts.year}`, `Monitoring ${opts.year - 1}`];
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const reads = names.map((n) => queueRead(context, n));
    await context.sync();
    let syncs = 1;
    const all = sheets.items.map((s) => s.name);
    const cells: SheetCells[] = [];
    for (const r of reads) {
      const c = toCells(r);
      // Keep the workbook's own spelling of the name (lookups are case-insensitive).
      if (c) cells.push({ ...c, name: all.find((n) => n.toLowerCase() === r.name.toLowerCase()) ?? r.name });
    }
    if (!cells.some((c) => c.name.toLowerCase() === names[0].toLowerCase())) {
      const rest = all.filter((n) => !names.some((k) => k.toLowerCase() === n.toLowerCase()));
      // Chunked and values only: a register of 20 000 rows would make one response far over Excel on
      // the web's 5 MB limit, and a read over 5 M cells can return values = null (office-js issue 6781).
      for (const n of rest) {
        const report = { syncs: 0, responses: [] as number[] };
        const c = await readSheetCells(
          context,
          n,
          { valuesOnly: true, formatsUpToCells: MONITORING_SIZED_CELLS },
          report,
        );
        syncs += report.syncs;
        cells.push({ ...c, values: c.values.map((r) => r.map(normalise)) });
      }
    }
    const wb: WorkbookCells = { sheets: cells };
    return { ...validateWorkbookCells(wb, programme, { year: opts.year, yoyFactor: opts.yoyFactor }), syncs };
  } catch (e) {
    throw toHostError(e);
  }
}

export interface FixResult {
  applied: Finding[];
  /** Fixes not applied because the cell changed since it was validated (nothing is overwritten unasked).
   * A cell that already holds the fixed value counts as applied and is not written again. */
  skipped: Finding[];
  syncs: number;
}

/**
 * Applies the fixes of the given findings (one for *Fix one*, all for *Fix all*) and changes nothing else:
 * one sync reads the cells to fix, any cell whose value changed since validation is skipped, then the rest
 * are written in one batch (per sheet) by `writeCells`.
 */
export async function applyFixes(
  context: Excel.RequestContext,
  findings: readonly Finding[],
): Promise<FixResult> {
  const writes = fixesToWrites(findings);
  if (writes.length === 0) return { applied: [], skipped: [], syncs: 0 };
  try {
    // One sync reads every target cell; cells edited since validation are left alone.
    const key = (w: { sheet: string; address: string }) => `${w.sheet}\u0000${w.address}`;
    const ranges = new Map<string, Excel.Range>();
    for (const w of writes) {
      const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.address);
      range.load("values");
      ranges.set(key(w), range);
    }
    await context.sync();
    let syncs = 1;
    const plan = planFixes(findings, (w) => normalise(ranges.get(key(w))!.values[0][0]));
    for (const g of plan.bySheet) syncs += await writeCells(context, g.sheet, g.cells);
    return { applied: plan.applied, skipped: plan.skipped, syncs };
  } catch (e) {
    throw toHostError(e);
  }
}
