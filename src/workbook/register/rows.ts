/**
 * Register rows as read (header-matched, any column order) → data rows in the register table's column
 * order, ready for the table plan. Dates typed as text (`YYYY-MM-DD`, `DD.MM.YYYY`) become real dates,
 * and numbers typed as text (`6`, `0,5`) become numbers, as the engine reads them, so the table's
 * formulas see the same values; anything else is kept as typed (and flagged by the row checks).
 */
import { parseDate } from "../../domain/dates";
import { parsePolishNumber } from "../../domain/numbers";
import type { RawRow } from "../../domain/register/checks";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import type { CellValue } from "../plan";

export function registerTableRows(rows: readonly RawRow[]): CellValue[][] {
  return rows.map((r) =>
    REGISTER_COLUMNS.map((c) => {
      const v = r.values[c.key];
      if (v === undefined || v === null) return null;
      if (c.kind === "date" && typeof v === "string") return parseDate(v) ?? v;
      if ((c.kind === "number" || c.kind === "int") && typeof v === "string") {
        const n = parsePolishNumber(v);
        return n && !n.isPercent ? n.value : v;
      }
      return v as CellValue;
    }),
  );
}
