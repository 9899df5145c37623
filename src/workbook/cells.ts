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
}

export interface WorkbookCells {
  sheets: SheetCells[];
}

export const EXCEL_ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
] as const;

export function isExcelError(v: CellValue): boolean {
  return typeof v === "string" && (EXCEL_ERRORS as readonly string[]).includes(v);
}

/** Value at a sheet coordinate (0-based), or null outside the read range. */
export function cellAt(sheet: SheetCells, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}
