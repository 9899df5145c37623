import type { CellValue } from "../plan";
import { Finding } from "../../domain/validation";

/** One cell to write: what the Office.js `writeCells` and the ExcelJS writer take. */
export interface FixWrite {
  sheet: string;
  address: string;
  value: number;
}

/** Findings that carry a fix and a cell (the ones *Fix* can apply). */
export function fixable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.fix !== undefined && f.cell !== null);
}

/**
 * The writes that apply the given findings' fixes — pass one finding for *Fix one*, all for *Fix all*.
 * Findings without a fix or a cell are skipped, so nothing else is ever written; a cell named twice is
 * written once (the first fix wins).
 */
export function fixesToWrites(findings: readonly Finding[] | Finding): FixWrite[] {
  const list = Array.isArray(findings) ? (findings as readonly Finding[]) : [findings as Finding];
  const seen = new Set<string>();
  const writes: FixWrite[] = [];
  for (const f of fixable(list)) {
    const key = `${f.sheet}\u0000${f.cell!.replace(/\$/g, "").toUpperCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    writes.push({ sheet: f.sheet, address: f.cell!, value: f.fix!.value });
  }
  return writes;
}

/** Writes grouped by sheet, in first-seen order: one `writeCells(context, sheet, cells)` call per sheet. */
export function writesBySheet(
  writes: readonly FixWrite[],
): { sheet: string; cells: { address: string; value: number }[] }[] {
  const out: { sheet: string; cells: { address: string; value: number }[] }[] = [];
  for (const w of writes) {
    let g = out.find((x) => x.sheet === w.sheet);
    if (!g) out.push((g = { sheet: w.sheet, cells: [] }));
    g.cells.push({ address: w.address, value: w.value });
  }
  return out;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  return (a === null && b === "") || (a === "" && b === null);
}

/** What applying fixes comes to, given each target cell's value now. */
export interface FixPlan {
  applied: Finding[];
  /** Fixes not applied because the cell changed since it was validated (nothing is overwritten unasked). */
  skipped: Finding[];
  /** The cells to write, per sheet (cells already holding the fixed value are not written again). */
  bySheet: { sheet: string; cells: { address: string; value: number }[] }[];
}

/**
 * Decides which fixes to write: a cell still holding the value it had at validation gets its fix; a cell
 * that already holds the fixed value counts as applied and is not written; any other cell was edited
 * since and is skipped. `now(w)` gives each write's current cell value (normalised: "" → null).
 */
export function planFixes(findings: readonly Finding[], now: (w: FixWrite) => CellValue): FixPlan {
  const writes = fixesToWrites(findings);
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  const keep: FixWrite[] = [];
  for (const w of writes) {
    const finding = findings.find((f) => f.sheet === w.sheet && f.cell === w.address && f.fix)!;
    const current = now(w);
    if (sameValue(current, finding.value)) {
      applied.push(finding);
      keep.push(w);
    } else if (current === finding.fix!.value) applied.push(finding);
    else skipped.push(finding);
  }
  return { applied, skipped, bySheet: writesBySheet(keep) };
}
