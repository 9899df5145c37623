/**
 * The bench's HyperFormula steps (HyperFormula is a dev dependency, GPLv3 licence key; the bench runs from
 * a checkout): loading a workbook plan — formulas as formulas, text as text (an apostrophe keeps "02…"
 * PESELs and "2021" text, as the tests load them) — which recalculates every formula, and reading the
 * criteria sheet's numerators, denominators and pending counts back to compare them with `evaluate()`.
 */
import type { Card, Evaluation, Participant } from "../../domain/card/types";
import { criteriaCellMap, criteriaNames, buildCriteriaSheetPlan } from "../../workbook/criteria/plan";
import { parseA1 } from "../../workbook/address";
import { withSpelledOutFormulas } from "../../workbook/plan";
import type { CellValue, NamePlan, SheetPlan, WorkbookPlan } from "../../workbook/plan";
import { derivedRow } from "../../workbook/register/derivedValues";
import {
  DEFAULT_CAPACITY,
  DERIVED_KEYS,
  REGISTER_SHEET,
  registerNames,
} from "../../workbook/register/layout";
import { REGISTER_COLUMNS } from "../../domain/register/columns";

type HfCell = string | number | boolean | null;

interface HfInstance {
  getSheetId(name: string): number | undefined;
  getCellValue(a: { sheet: number; row: number; col: number }): unknown;
  setCellContents(a: { sheet: number; row: number; col: number }, v: HfCell[][]): unknown;
  destroy(): void;
}
interface HfStatic {
  buildFromSheets(s: Record<string, HfCell[][]>, c: object, n?: object[]): HfInstance;
}

export function hyperFormula(): HfStatic | string {
  try {
    return (require("hyperformula") as { HyperFormula: HfStatic }).HyperFormula;
  } catch {
    return "hyperformula not installed (a dev dependency: npm ci)";
  }
}

/**
 * Excel's sheet size: HyperFormula's default (40 000 rows) makes the names over rows 2..100 001 invalid,
 * and every criterion would be #NAME?.
 */
const HF_CONFIG = { licenseKey: "gpl-v3", maxRows: 1_048_576, maxColumns: 16_384 };

function cell(v: CellValue | undefined, f: string | null | undefined): HfCell {
  if (f) return f;
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return `'${v}`;
  return v as HfCell;
}

/** A sheet plan's cells as a HyperFormula grid. */
export function planGrid(sheet: SheetPlan): HfCell[][] {
  const s = withSpelledOutFormulas(sheet);
  const grid: HfCell[][] = [];
  for (const b of s.blocks)
    b.values.forEach((row, r) => {
      const line = (grid[b.row + r] ??= []);
      const width = Math.max(row.length, b.formulas?.[r]?.length ?? 0);
      for (let c = 0; c < width; c++) line[b.col + c] = cell(row[c], b.formulas?.[r]?.[c]);
    });
  return Array.from(grid, (row) => Array.from(row ?? [], (v) => (v === undefined ? null : v)));
}

function hfNames(names: readonly NamePlan[]): object[] {
  return names.map((n) => ({ name: n.name, expression: `=${n.refersTo.replace(/^=/, "")}` }));
}

export interface Recalculated {
  hf: HfInstance;
  /** Load + full recalculation (HyperFormula computes every formula while building). */
  ms: number;
}

/**
 * The whole check workbook (register with its derived formulas + criteria sheet), recalculated. The
 * register's duplicate column looks each row's person key up with an exact MATCH over the whole bounded
 * column: `useColumnIndex` gives HyperFormula the index Excel and LibreOffice keep for exact lookups
 * (without it every lookup is a linear scan, quadratic in the rows).
 */
export function recalcWorkbook(HF: HfStatic, plan: WorkbookPlan): Recalculated {
  const sheets: Record<string, HfCell[][]> = {};
  for (const s of plan.sheets) sheets[s.name] = planGrid(s);
  const t0 = performance.now();
  const hf = HF.buildFromSheets(sheets, { ...HF_CONFIG, useColumnIndex: true }, hfNames(plan.names));
  return { hf, ms: performance.now() - t0 };
}

/** Input columns the criteria formulas read (through their `U_*` names). */
export function referencedInputColumns(card: Card, asOf: number): Set<number> {
  const text = planGrid(buildCriteriaSheetPlan(card, { asOf }))
    .flat()
    .filter((v): v is string => typeof v === "string" && v.startsWith("="))
    .join(" ");
  const used = new Set<number>();
  REGISTER_COLUMNS.forEach((c, j) => {
    if (new RegExp(`\\bU_${c.key}\\b`).test(text)) used.add(j);
  });
  return used;
}

export interface CriteriaSheetOptions {
  /** Data rows in REGISTER_COLUMNS order (no header), aligned with `participants`. */
  rows: readonly (readonly CellValue[])[];
  participants: readonly Participant[];
  asOf: number;
  /** Load every input column, or only those the criteria read (the others stay empty). Default "all". */
  columns?: "all" | "referenced";
  /** Rows the names cover (default 100 000 as the add-in writes them, or more when the register is longer). */
  capacity?: number;
}

/**
 * The criteria sheet over a register whose derived columns hold VALUES from `derivedValues()` (the
 * reference the derived formulas are tested against): HyperFormula computes only the criteria sheet's
 * COUNTIFS over the bounded `U_*` / `D_*` names (capacity 100 000 rows, as the add-in writes them).
 */
export function recalcCriteriaSheet(
  HF: HfStatic,
  card: Card,
  o: CriteriaSheetOptions,
): Recalculated & { loadedColumns: number } {
  if (o.rows.length !== o.participants.length)
    throw new Error(`${o.rows.length} register rows but ${o.participants.length} participants`);
  const keep = o.columns === "referenced" ? referencedInputColumns(card, o.asOf) : null;
  const inputs = REGISTER_COLUMNS.length;
  const register: HfCell[][] = [
    [...REGISTER_COLUMNS.map((c) => `'${c.header}`), ...DERIVED_KEYS.map((k) => `'${k}`)],
  ];
  for (let i = 0; i < o.rows.length; i++) {
    const line: HfCell[] = new Array<HfCell>(inputs + DERIVED_KEYS.length);
    const input = o.rows[i];
    for (let j = 0; j < inputs; j++) line[j] = keep && !keep.has(j) ? null : cell(input[j], null);
    const derived = derivedRow(o.participants[i], card.parameters, o.asOf);
    for (let k = 0; k < derived.length; k++) line[inputs + k] = cell(derived[k], null);
    register.push(line);
  }
  const capacity = Math.max(o.capacity ?? DEFAULT_CAPACITY, o.rows.length + 1);
  const criteria = buildCriteriaSheetPlan(card, { asOf: o.asOf });
  const sheets = { [criteria.name]: planGrid(criteria), [REGISTER_SHEET]: register };
  const names = [...registerNames(capacity), ...criteriaNames(card)];
  const t0 = performance.now();
  const hf = HF.buildFromSheets(sheets, HF_CONFIG, hfNames(names));
  return { hf, ms: performance.now() - t0, loadedColumns: (keep ? keep.size : inputs) + DERIVED_KEYS.length };
}

function valueAt(hf: HfInstance, sheet: string, a1: string): unknown {
  const { row, col } = parseA1(a1);
  const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  return v !== null && typeof v === "object" ? `#ERR ${(v as { value?: string }).value ?? "?"}` : v;
}

/** Every criterion's numerator, denominator and pending count from HyperFormula vs `evaluate()`. */
export function compareCriteria(
  hf: HfInstance,
  card: Card,
  e: Evaluation,
): { checked: number; mismatches: string[] } {
  const map = criteriaCellMap(card);
  const mismatches: string[] = [];
  let checked = 0;
  for (const r of e.criteria) {
    const cells = map.criteria[r.id];
    const pairs: [string, unknown, number][] = [
      ["numerator", valueAt(hf, card.sheetName, cells.numerator), r.numerator],
    ];
    if (r.denominator !== null)
      pairs.push(["denominator", valueAt(hf, card.sheetName, cells.denominator), r.denominator]);
    if (r.pending !== undefined)
      pairs.push(["pending", valueAt(hf, card.sheetName, cells.pending), r.pending]);
    for (const [what, got, want] of pairs) {
      checked++;
      if (got !== want) mismatches.push(`${r.id} ${what}: HyperFormula ${String(got)}, evaluate ${want}`);
    }
  }
  return { checked, mismatches };
}

/** Changes the as-of date cell and times the recalculation it triggers; puts the date back (not timed). */
export function recalcAfterAsOfChange(hf: HfInstance, card: Card, asOf: number): number {
  const { row, col } = parseA1(criteriaCellMap(card).asOf);
  const at = { sheet: hf.getSheetId(card.sheetName)!, row, col };
  const t0 = performance.now();
  hf.setCellContents(at, [[asOf + 1]]);
  const ms = performance.now() - t0;
  hf.setCellContents(at, [[asOf]]);
  return ms;
}
