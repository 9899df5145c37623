import { Localized } from "../i18n";
import { IndicatorRelation } from "../programme/relations";
import { Programme } from "../programme/types";

/** A cell's value as readers give it (same shape as CellValue in src/workbook/plan.ts). */
export type FoundValue = string | number | boolean | null;

export type Severity = "error" | "warning";

/** Stable rule ids: tests, the CLI's --json output and the task pane key on them. */
export const VALUE_RULES = [
  "number-as-text",
  "not-a-number",
  "negative",
  "fractional-count",
  "count-implausible",
  "percent-out-of-range",
  "percent-as-whole-number",
  "excel-error",
  "date-value",
  "value-format",
  "formula-no-result",
  "value-in-other-column",
  "empty",
] as const;
export const CROSS_RULES = ["relation", "year-over-year"] as const;
/**
 * Layout tampering: "layout-" + a problem kind. The kinds this project uses are listed; the engine passes any
 * other kind through as "layout-<kind>" too, so a reader can add kinds without breaking anything.
 */
export const LAYOUT_RULES = [
  "layout-missing-indicator",
  "layout-duplicate-code",
  "layout-unknown-code",
  "layout-code-overwritten",
  "layout-header-not-found",
  "layout-columns-moved",
  "layout-rows-inserted",
  "layout-sheet-renamed",
  "layout-year-outside-programme",
  "layout-year-mismatch",
] as const;

export type RuleId =
  | (typeof VALUE_RULES)[number]
  | (typeof CROSS_RULES)[number]
  | (typeof LAYOUT_RULES)[number]
  | `layout-${string}`;

export interface Fix {
  /** The value to write into the finding's cell (a number; percents as fractions). */
  value: number;
  description: Localized;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address local to the sheet; null when the finding has no cell (a deleted row, a renamed sheet). */
  cell: string | null;
  indicatorId: string | null;
  /** The value as found in the cell (null for empty or no cell). */
  value: FoundValue;
  message: Localized;
  fix?: Fix;
}

/** One indicator's value cell, as located by the monitoring sheet reader. */
export interface IndicatorEntry {
  indicatorId: string;
  sheet: string;
  address: string;
  value: FoundValue;
  /** The value cell's number format, when the reader has it: a date format makes a number a day ("date-value"). */
  numberFormat?: string | null;
  /**
   * The value cell's formula, when the reader has formulas. A formula with no value (`value` null) is one whose
   * result the file does not hold ("formula-no-result"), not an empty cell.
   */
  formula?: string | null;
  /** For an empty value cell: a number found elsewhere on its row (the value typed into the wrong column). */
  stray?: StrayValue | null;
}

/** A number on an indicator's row outside its value cell, as the reader found it. */
export interface StrayValue {
  /** A1 address, local to the sheet. */
  address: string;
  value: FoundValue;
  /** Its column's header as the sheet has it; null for a column with no header. */
  header: string | null;
}

/** A layout problem found by the reader, passed through as a finding `layout-<kind>`. */
export interface LayoutProblem {
  kind: string;
  sheet: string;
  cell: string | null;
  indicatorId?: string | null;
  value?: FoundValue;
  severity?: Severity;
  message: Localized;
}

export interface ValidationOptions {
  /**
   * A value moving by more than this factor either way (or to/from 0) since last year is a warning, unless the
   * change is below `yoyMinChange`. Default 3.
   */
  yoyFactor?: number;
  /**
   * The smallest change year over year that is reported, for counts (persons, projects…); a percentage's is
   * the same number of percentage points. Default DEFAULT_YOY_MIN_CHANGE (10). 0 reports every change past the factor.
   */
  yoyMinChange?: number;
  /** A count above this is a warning (`count-implausible`). Default DEFAULT_MAX_COUNT. */
  maxCount?: number;
  /** Defaults to RELATIONS from src/domain/programme/relations.ts. */
  relations?: readonly IndicatorRelation[];
  /**
   * Report programme indicators that have no entry (and no layout problem naming them) as
   * `layout-missing-indicator`. Default true.
   */
  reportMissing?: boolean;
}

export interface ValidationInput {
  programme: Programme;
  /** The sheet being validated (used for findings about the sheet as a whole). */
  sheet: string;
  entries: IndicatorEntry[];
  problems?: LayoutProblem[];
  /** The previous year's values, when its sheet exists. */
  previous?: { sheet: string; entries: IndicatorEntry[] };
  options?: ValidationOptions;
}

export const DEFAULT_YOY_FACTOR = 3;

/**
 * The default of `maxCount`: a count above it is a warning, whatever the year before held. One million is
 * about three times Lublin's population; no yearly count of the city's employment programme (persons,
 * offers, projects, events — the published report's are at most a few thousand) comes near it, and what
 * lands above it is another number typed or pasted into the cell (a PESEL, a phone or account number, a
 * value in groszy). A parameter, not a fact of the programme: `miernik validate --max-count N`.
 */
export const DEFAULT_MAX_COUNT = 1_000_000;

/**
 * The default of `yoyMinChange`: a change year over year smaller than this is never flagged, whatever its ratio —
 * a count moving by fewer than 10 (0 → 1 project, 1 → 4 fairs, 5 → 0 programmes — a third of the programme's
 * counts are 0–5 a year), a percentage by fewer than 10 points. The ratio says nothing about such small numbers.
 */
export const DEFAULT_YOY_MIN_CHANGE = 10;
