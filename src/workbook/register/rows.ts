/**
 * Register rows as read (header-matched, any column order) → data rows in the register table's column
 * order, ready for the table plan. Values are written as the engine reads them, so the table's formulas see
 * the same values: dates typed as text (every form `readDate` accepts) become real dates, numbers typed as
 * text (`6`, `0,5`; `Wymiar etatu` also `1/2`, `50%`, `pełny etat`) become numbers, and allowed-list values
 * with slips of case, spacing or diacritics become the allowed value (issue 12); anything else is kept as
 * typed (and flagged by the row checks).
 */
import { parseDate } from "../../domain/dates";
import { parsePolishNumber } from "../../domain/numbers";
import type { RawRow } from "../../domain/register/checks";
import { ColumnKey, REGISTER_COLUMNS, RegisterColumn } from "../../domain/register/columns";
import { collapseSpaces, matchAllowed, parseFte } from "../../domain/register/values";
import type { CellValue } from "../plan";

export function registerTableRows(rows: readonly RawRow[]): CellValue[][] {
  return rows.map((r) => REGISTER_COLUMNS.map((c) => registerTableValue(c, r.values[c.key])));
}

/** One value of a row as the register table holds it (see above); a row read back gives it unchanged. */
export function registerTableValue(c: RegisterColumn, v: RawRow["values"][ColumnKey]): CellValue {
  if (v === undefined || v === null) return null;
  if (c.kind === "date" && typeof v === "string") return parseDate(v) ?? v;
  if (c.key === "fte" && typeof v === "string") return parseFte(v)?.value ?? v;
  if (c.allowed && c.kind !== "education" && typeof v === "string")
    return matchAllowed(v, c.allowed)?.value ?? v;
  if (c.kind === "education" && typeof v === "string") return collapseSpaces(v);
  if ((c.kind === "number" || c.kind === "int") && typeof v === "string") {
    const n = parsePolishNumber(v);
    return n && !n.isPercent ? n.value : v;
  }
  return v as CellValue;
}
