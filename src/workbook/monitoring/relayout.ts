import { formatDay, isDateFormat } from "../../domain/dates";
import { Lang } from "../../domain/i18n";
import { Programme } from "../../domain/programme/types";
import { a1 } from "../address";
import { SheetCells } from "../cells";
import { CellValue, SheetPlan } from "../plan";
import { monitoringColumn } from "./columns";
import { buildMonitoringSheetPlan } from "./layout";
import { readMonitoringSheet } from "./reader";

/**
 * Laying out a year whose sheet already exists. The renderers clear an existing sheet before writing it, so:
 * - every value already typed is carried into the new plan, matched by indicator id through the reader (not by
 *   row position: rows may have been inserted, deleted or moved);
 * - every other non-empty cell whose content the new plan does not reproduce (a user's note, a changed heading,
 *   a formula in a value cell, anything beyond the table) is a conflict, so the UI can ask before replacing it.
 *   The layout's own texts that merely moved (rows inserted or deleted) are no conflict: they are rewritten at
 *   their place and nothing is lost. No conflicts: lay out without asking.
 * Laying out over a sheet this module produced gives the identical plan and no conflicts.
 */

export interface RelayoutConflict {
  /** A1 address, local to the sheet. */
  address: string;
  /** What the cell holds now (its formula, when it has one). */
  found: CellValue;
  /** What the new layout would put there (null: the cell would be emptied). */
  wouldBe: CellValue;
}

export interface RelayoutResult {
  plan: SheetPlan;
  /** Number of typed values carried over. */
  kept: number;
  /** The values carried over, by indicator id. */
  values: Map<string, CellValue>;
  conflicts: RelayoutConflict[];
}

export interface RelayoutOptions {
  lang?: Lang;
}

function norm(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n");
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  return null;
}

function same(a: CellValue, b: CellValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return a === b;
}

/** The plan's written cells as a map "row,col" → value (formulas win, as the renderers write them). */
function plannedCells(plan: SheetPlan): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of plan.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = b.formulas?.[r]?.[c];
        out.set(`${b.row + r},${b.col + c}`, f ?? v);
      }),
    );
  return out;
}

export function planRelayout(
  existing: SheetCells | null,
  programme: Programme,
  year: number,
  opts: RelayoutOptions = {},
): RelayoutResult {
  if (!existing) {
    return {
      plan: buildMonitoringSheetPlan(programme, year, { lang: opts.lang }),
      kept: 0,
      values: new Map(),
      conflicts: [],
    };
  }
  const top = Number.isInteger(existing.top) && existing.top >= 0 ? existing.top : 0;
  const left = Number.isInteger(existing.left) && existing.left >= 0 ? existing.left : 0;
  const rows: unknown[] = Array.isArray(existing.values) ? existing.values : [];
  const formulas: unknown[] = Array.isArray(existing.formulas) ? existing.formulas : [];

  const read = readMonitoringSheet(existing, programme, { year });
  const values = new Map<string, CellValue>();
  /** Existing value cells whose content is carried over ("row,col"). */
  const carried = new Set<string>();
  for (const e of read.entries) {
    let v = norm(e.value);
    if (v === null) continue;
    // A number shown as a date (the spreadsheet took "3.12" for 3 December) is carried as the date's text:
    // in the new layout's number format it would pass for a count (46 359) that nobody typed, while as text
    // it stays visible and flagged (conditional format, `miernik validate`) until the real value is typed.
    if (typeof v === "number" && isDateFormat(e.numberFormat)) v = formatDay(v, opts.lang ?? "pl");
    values.set(e.indicatorId, v);
    carried.add(`${e.row},${e.col}`);
  }
  const plan = buildMonitoringSheetPlan(programme, year, { values, lang: opts.lang });
  const planned = plannedCells(plan);
  const valueCol = monitoringColumn("value").index;
  const layoutTexts = new Set<string>();
  for (const [key, v] of planned)
    if (typeof v === "string" && Number(key.split(",")[1]) !== valueCol) layoutTexts.add(v.trim());

  const conflicts: RelayoutConflict[] = [];
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) return;
    const frow = formulas[i];
    row.forEach((raw: unknown, j) => {
      const r = top + i;
      const c = left + j;
      const f =
        Array.isArray(frow) && typeof frow[j] === "string" && frow[j].startsWith("=") ? frow[j] : null;
      const found = f ?? norm(raw);
      if (found === null) return;
      const key = `${r},${c}`;
      const wouldBe = planned.get(key) ?? null;
      if (f === null && carried.has(key)) return; // a typed value, kept (at this address or its indicator's new one)
      if (wouldBe !== null && same(found, wouldBe)) return;
      // The layout's own text (a heading, label, code…) that only moved: rewritten at its place, nothing lost.
      if (f === null && typeof found === "string" && layoutTexts.has(found.trim())) return;
      conflicts.push({ address: a1(r, c), found, wouldBe });
    });
  });
  return { plan, kept: values.size, values, conflicts };
}
