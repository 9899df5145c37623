import { EXCEL_ERROR_NAMES } from "../domain/excelErrors";
import { countOf, Localized, NOUNS } from "../domain/i18n";
import { CellValue } from "./plan";

/**
 * What readers hand to the workbook/domain layers: a sheet as a 2-D array of values, the same shape
 * whichever host it came from (Office.js `range.values`, ExcelJS, CSV).
 * - Dates are Excel serial day numbers (1900 date system: 45292 = 2024-01-01), as Office.js returns them.
 * - Error values are their text: "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!".
 * - Empty cells are null (Office.js gives "", readers normalise it to null).
 * - `formulas`, when present, has the same shape; a non-null entry is the cell's formula ("=A1+1").
 * - `numberFormats`, when present, has the same shape (e.g. "0.0%", "#,##0").
 */
export interface SheetCells {
  name: string;
  /** 0-based row and column of values[0][0] in the sheet (the used range may not start at A1). */
  top: number;
  left: number;
  values: CellValue[][];
  formulas?: (string | null)[][];
  numberFormats?: (string | null)[][];
  /** Cells left out of the grid because they lie far from the sheet's data (a stray cell at XFD1048576). */
  ignored?: { count: number; first: string };
  /** Set when the cells come from a CSV file: how it was decoded (each row of `values` holds its record's fields). */
  csv?: CsvSource;
}

/** How a CSV file was read (issue 12): shown by `check --verbose`, named when its headers are not found. */
export interface CsvSource {
  /** Encoding label ("UTF-8", "Windows-1250", …) and whether the bytes decided it (BOM / valid UTF-8). */
  encoding: string;
  encodingCertain: boolean;
  /** Every encoding tried, in order. */
  tried: string[];
  /** ";", "," or "TAB". */
  separator: string;
}

/**
 * What to tell the user of a sheet's cells left out far from its data (after "UWAGA <file>: "): the sheet,
 * how many, the first one's address. The same words for `check`, `validate` and `summarize`.
 */
export function strayCellsNote(sheet: string, ignored: NonNullable<SheetCells["ignored"]>): Localized {
  const { count, first } = ignored;
  return {
    // "pominięto" takes the accusative: 1 komórkę, 2 komórki, 5 komórek (only the singular differs).
    pl: `arkusz „${sheet}”: pominięto ${count === 1 ? "1 komórkę" : countOf(count, NOUNS.cell, "pl")} daleko od danych (${sheet}!${first})`,
    en: `sheet "${sheet}": ${countOf(count, NOUNS.cell, "en")} far from the data left out (${sheet}!${first})`,
  };
}

export interface WorkbookCells {
  sheets: SheetCells[];
}

/** Excel's error values as a read cell holds them ("#N/A", "#REF!", …). */
export const EXCEL_ERRORS: readonly string[] = Object.keys(EXCEL_ERROR_NAMES);

export function isExcelError(v: CellValue): boolean {
  return typeof v === "string" && EXCEL_ERRORS.includes(v);
}

/** Value at a sheet coordinate (0-based), or null outside the read range. */
export function cellAt(sheet: SheetCells, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}
