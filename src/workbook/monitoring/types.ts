import { Localized } from "../../domain/i18n";
import { CellValue } from "../plan";
import { MonitoringField } from "./columns";

/**
 * What the monitoring sheet reader (reader.ts) returns. The validation engine's adapter
 * (src/workbook/validation/adapter.ts) and the re-layout (relayout.ts) consume these.
 * Rows and columns are 0-based sheet coordinates (row 0 = Excel row 1), whatever `SheetCells.top/left` are.
 */

/** One indicator's value cell, located by the indicator id in the `Kod miernika` column (or by its label). */
export interface MonitoringEntry {
  indicatorId: string;
  row: number;
  /** Column of the value cell. */
  col: number;
  /** A1 address of the value cell, local to the sheet ("E4"). */
  address: string;
  /** The value cell as found (null when empty). Never coerced: "1 796" stays text for the validator. */
  value: CellValue;
  /** The value cell's number format, when the sheet came with them ("#,##0", "dd.mm.yyyy"); else null. */
  numberFormat: string | null;
  /**
   * The value cell's formula, when the sheet came with formulas ("=SUM(E5:E7)"); else null. With `value` null it
   * is a formula whose result the file does not hold (written by a script or a program that does not calculate).
   */
  formula: string | null;
  /** For an empty value cell: a number elsewhere on its row (typed into the wrong column); else null. */
  stray: StrayValue | null;
  /** "code": by the id in the code column; "label": the code cell was emptied/overwritten, found by label. */
  foundBy: "code" | "label";
}

/** A number on an indicator's row outside its value cell. */
export interface StrayValue {
  /** A1 address, local to the sheet. */
  address: string;
  value: CellValue;
  /** The header of its column as the sheet has it; null for a column with no header. */
  header: string | null;
}

/**
 * Layout tampering kinds. The validation engine reports each as the rule `layout-<kind>`.
 * - header-not-found (error): no header row with the expected column titles in the first rows, or the
 *   value / indicator column is missing; nothing (or only what the layout's default positions give) is read.
 * - columns-moved (warning): columns found by their header text elsewhere than the layout puts them.
 * - missing-indicator (error): an indicator of the programme is on no row (row deleted, code and label changed).
 * - duplicate-code (error): the same indicator id on two rows; the first row is used.
 * - unknown-code (warning): the code column holds something that is no indicator id, on a row whose label is
 *   no indicator either.
 * - code-overwritten (warning): an indicator's code cell was emptied or overwritten; the indicator was found
 *   by its label and its value is read.
 */
export type MonitoringProblemKind =
  | "header-not-found"
  | "columns-moved"
  | "missing-indicator"
  | "duplicate-code"
  | "unknown-code"
  | "code-overwritten";

export interface MonitoringProblem {
  kind: MonitoringProblemKind;
  severity: "error" | "warning";
  sheet: string;
  /** A1 address of the cell concerned, or null (a deleted row, a missing header). */
  cell: string | null;
  indicatorId: string | null;
  /** The cell's content as found, when there is a cell. */
  value: CellValue;
  /** What happened and how to fix it, naming sheet and cell. */
  message: Localized;
}

/** Where the header and the columns were found. */
export interface MonitoringHeader {
  /** Sheet row of the header, or null when not found. */
  row: number | null;
  /** Sheet column of each field found (by header text; or the layout's default when the header is missing). */
  columns: Partial<Record<MonitoringField, number>>;
}

export interface MonitoringRead {
  sheet: string;
  header: MonitoringHeader;
  /** In the programme's order. */
  entries: MonitoringEntry[];
  problems: MonitoringProblem[];
}

/** A sheet named like a monitoring sheet. */
export interface MonitoringSheetRef {
  name: string;
  year: number;
}

export interface MonitoringSheetSearch {
  /** Sheets named "Monitoring YYYY" (case and extra spaces tolerated), in workbook order. */
  sheets: MonitoringSheetRef[];
  /**
   * When no sheet matches: why, naming a sheet that looks renamed ("Monitoring2023", "Monitorowanie 2023",
   * "Kopia Monitoring 2023"…) or saying there is none. null when at least one sheet matched.
   */
  message: Localized | null;
}
