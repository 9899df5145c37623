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
