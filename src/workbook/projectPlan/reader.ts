/**
 * Reads the `Plan projektu` sheet back: the typed value of every plan field, found by its code in column A
 * (not by row position, so a re-laid-out sheet keeps every number), and the cell it sits in.
 */
import { planFields } from "../../domain/plan/fields";
import type { Card } from "../../domain/card/types";
import { isPercentFormat } from "../../domain/dates";
import type { PlanFinding, PlanInput } from "../../domain/plan/evaluate";
import { columnLetters } from "../address";
import { isExcelError, type SheetCells } from "../cells";
import type { CellValue } from "../plan";
import { buildPlanSheetPlan } from "./sheet";

export interface PlanSheetRead {
  values: Record<string, CellValue>;
  /** Field key → A1 address of its input cell in the sheet read. */
  cells: Record<string, string>;
  /** Field keys of the card with no row in the sheet (an older or another card's plan). */
  missing: string[];
}

const KEY_COL = 0;
const PLAN_COL = 2;

export function readPlanSheet(sheet: SheetCells, card: Card): PlanSheetRead {
  const keys = new Set(planFields(card).map((f) => f.key));
  const values: Record<string, CellValue> = {};
  const cells: Record<string, string> = {};
  sheet.values.forEach((row, i) => {
    const k = row[KEY_COL - sheet.left];
    if (typeof k !== "string" || !keys.has(k) || k in values) return;
    const v = row[PLAN_COL - sheet.left];
    values[k] = v === undefined || v === "" ? null : v;
    cells[k] = `${columnLetters(PLAN_COL)}${sheet.top + i + 1}`;
  });
  return { values, cells, missing: [...keys].filter((k) => !(k in values)) };
}

/**
 * The plan sheet of a workbook: the one named `Plan projektu`, else (the applicant renamed it — Excel's
 * `PL_*` names follow a renamed sheet, so its formulas still work) the sheet whose column A holds the most
 * of the card's plan codes. Null when no sheet holds any.
 */
export function findPlanSheet<S extends SheetCells>(
  sheets: readonly S[],
  card: Card,
  planSheetName: string,
): S | null {
  const exact = sheets.find((s) => s.name === planSheetName);
  if (exact) return exact;
  const keys = new Set(planFields(card).map((f) => f.key));
  let best: S | null = null;
  let bestCount = 0;
  for (const s of sheets) {
    const found = new Set<string>();
    for (const row of s.values) {
      const k = row[KEY_COL - s.left];
      if (typeof k === "string" && keys.has(k)) found.add(k);
    }
    if (found.size > bestCount) {
      best = s;
      bestCount = found.size;
    }
  }
  return best;
}

/**
 * Cells of the plan sheet that should hold a formula but hold a value (values pasted over the sheet, a
 * verdict typed over "NIE"): the workbook no longer recalculates them, so what it shows can differ from
 * what the plan's numbers give. Rows are found by their code in column A (field keys, criterion ids), as
 * the reader finds fields; the formula columns are those the sheet is written with (without the register's
 * actual-figure columns, which only a --register sheet has). Empty when the read cells carry no formulas.
 */
export function overwrittenFormulaCells(sheet: SheetCells, card: Card): string[] {
  return formulaCells(sheet, card)
    .filter((x) => x.formula === null)
    .map((x) => x.cell);
}

/**
 * Formula cells of the plan sheet whose saved result is an error (#REF! after a plan item's row was deleted:
 * its `PL_*` name and every formula using it break). Only files saved by a spreadsheet carry results.
 */
export function errorFormulaCells(sheet: SheetCells, card: Card): string[] {
  return formulaCells(sheet, card)
    .filter((x) => x.formula !== null && isExcelError(x.value))
    .map((x) => x.cell);
}

/** The cells that should hold the sheet's formulas, as read (A1, formula or null, value). */
function formulaCells(
  sheet: SheetCells,
  card: Card,
): { cell: string; formula: string | null; value: CellValue }[] {
  if (!sheet.formulas) return [];
  const block = buildPlanSheetPlan(card).blocks[0];
  const expected = new Map<string, number[]>();
  block.values.forEach((row, r) => {
    const code = row[KEY_COL];
    const cols = (block.formulas?.[r] ?? []).flatMap((f, c) => (f ? [c] : []));
    if (typeof code === "string" && cols.length > 0 && !expected.has(code)) expected.set(code, cols);
  });
  const out: { cell: string; formula: string | null; value: CellValue }[] = [];
  const seen = new Set<string>();
  sheet.values.forEach((row, i) => {
    const code = row[KEY_COL - sheet.left];
    if (typeof code !== "string" || seen.has(code)) return;
    const cols = expected.get(code);
    if (!cols) return;
    seen.add(code);
    for (const c of cols) {
      const j = c - sheet.left;
      if (j < 0) continue;
      out.push({
        cell: `${columnLetters(c)}${sheet.top + i + 1}`,
        formula: sheet.formulas?.[i]?.[j] ?? null,
        value: row[j] ?? null,
      });
    }
  });
  return out;
}

/**
 * Plan cells holding a number shown as a percentage: the applicant typed the criterion's share ("100%" for
 * "Wszyscy uczestnicy objęci IPD") where the plan wants a number of persons. 100% is 1 and passes the
 * sheet's whole-number validation and checks, so nothing else would point at it.
 */
export function percentCells(
  sheet: SheetCells,
  read: PlanSheetRead,
): { key: string; cell: string; value: number }[] {
  if (!sheet.numberFormats) return [];
  const out: { key: string; cell: string; value: number }[] = [];
  for (const [key, a1] of Object.entries(read.cells)) {
    const v = read.values[key];
    if (typeof v !== "number") continue;
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) continue;
    const i = Number(m[2]) - 1 - sheet.top;
    const fmt = sheet.numberFormats[i]?.[PLAN_COL - sheet.left] ?? null;
    // Not "0\% osób" or "0"%"": a % quoted or escaped is text.
    if (isPercentFormat(fmt)) out.push({ key, cell: a1, value: v });
  }
  return out;
}

/** A finding with the sheet cell it is about ("Plan projektu!C7"). */
export interface LocatedPlanFinding extends PlanFinding {
  cell: string;
}

export function locateFindings(
  findings: readonly PlanFinding[],
  read: PlanSheetRead,
  sheetName: string,
): LocatedPlanFinding[] {
  return findings.map((f) => ({ ...f, cell: `${sheetName}!${read.cells[f.key] ?? "?"}` }));
}

export type { PlanInput };
