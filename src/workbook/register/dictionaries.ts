/**
 * The hidden `Słowniki` sheet: the allowed values of every enumerated register column, one column each,
 * with a workbook name `L_<key>` that the register's list validations use as their source (Excel caps
 * literal lists at 255 characters; names over a sheet have no such limit and can be extended).
 */
import { ColumnKey, REGISTER_COLUMNS } from "../../domain/register/columns";
import { columnLetters } from "../address";
import { CellValue, emptySheet, NamePlan, SheetPlan } from "../plan";

export const DICTIONARIES_SHEET = "Słowniki";

const LISTED = REGISTER_COLUMNS.filter((c) => c.allowed && c.allowed.length > 0);

export function hasDictionary(key: ColumnKey): boolean {
  return LISTED.some((c) => c.key === key);
}

export function dictionaryName(key: ColumnKey): string {
  return `L_${key}`;
}

export function buildDictionariesSheetPlan(): SheetPlan {
  const sheet = emptySheet(DICTIONARIES_SHEET);
  const height = Math.max(...LISTED.map((c) => c.allowed!.length)) + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => LISTED.map(() => null as CellValue));
  LISTED.forEach((c, j) => {
    values[0][j] = c.header;
    c.allowed!.forEach((v, i) => (values[i + 1][j] = v));
  });
  sheet.blocks.push({ row: 0, col: 0, values });
  sheet.formats.push({ range: `A1:${columnLetters(LISTED.length - 1)}1`, style: { bold: true } });
  sheet.columns = LISTED.map(() => ({ width: 40 }));
  sheet.visibility = "hidden";
  return sheet;
}

export function dictionaryNames(): NamePlan[] {
  return LISTED.map((c, j) => {
    const L = columnLetters(j);
    return {
      name: dictionaryName(c.key),
      refersTo: `='${DICTIONARIES_SHEET}'!$${L}$2:$${L}$${c.allowed!.length + 1}`,
    };
  });
}
