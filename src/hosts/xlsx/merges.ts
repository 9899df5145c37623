/**
 * Overlapping merged ranges in a file, read the way Excel repairs them. Excel never writes two merges that
 * share a cell, but other generators do (report writers, scripts, some exports); opening such a file, Excel
 * says it found a problem and drops the later merge ("Naprawione rekordy: Scalanie komórek"). ExcelJS instead
 * throws "Cannot merge already merged cells" while loading, so the whole file was refused as damaged.
 *
 * `tolerateOverlappingMerges(wb)` makes loading keep the first of two overlapping merges and drop the later,
 * as Excel does, and records what it dropped (`droppedMerges`). Merges carry no values: the cells of a
 * dropped merge keep what the file holds. The patch goes on the prototype of the worksheets of whichever
 * ExcelJS build is running (the CLI's `lib/` or the browser's bundle): it is found through a worksheet of `wb`.
 */
import type ExcelJS from "exceljs";

const PATCHED = Symbol("miernikTolerantMerges");
const DROPPED = Symbol("miernikDroppedMerges");

interface SheetInternals {
  mergeCellsWithoutStyle(range: string): void;
  [DROPPED]?: string[];
}

type Proto = { _parseMergeCells?: (model: { mergeCells?: unknown }) => void; [PATCHED]?: true };

let installed = false;

export function tolerateOverlappingMerges(wb: ExcelJS.Workbook): void {
  if (installed) return;
  installed = true;
  const probe = wb.addWorksheet("__miernik_probe__");
  const proto = Object.getPrototypeOf(probe) as Proto;
  wb.removeWorksheet(probe.id);
  if (proto[PATCHED] || typeof proto._parseMergeCells !== "function") return;
  proto._parseMergeCells = function (this: SheetInternals, model: { mergeCells?: unknown }): void {
    const merges = Array.isArray(model.mergeCells) ? (model.mergeCells as unknown[]) : [];
    for (const m of merges) {
      try {
        this.mergeCellsWithoutStyle(String(m));
      } catch (e) {
        if (!(e instanceof Error) || !/already merged/i.test(e.message)) throw e;
        (this[DROPPED] ??= []).push(String(m));
      }
    }
  };
  proto[PATCHED] = true;
}

/** The merges of `ws` dropped while loading because they overlapped an earlier one (A1 ranges). */
export function droppedMerges(ws: ExcelJS.Worksheet): readonly string[] {
  return (ws as unknown as SheetInternals)[DROPPED] ?? [];
}
