/** Test helper: what a sheet plan formats a cell as. */
import { withoutLanguageTag } from "../../src/domain/dates";
import { parseA1 } from "../../src/workbook/address";
import type { SheetPlan } from "../../src/workbook/plan";

/** The last number format the plan gives the cell at 0-based `row`, `col` (later formats win, as the renderers apply them). */
export function numberFormatAt(plan: SheetPlan, row: number, col: number): string | undefined {
  let f: string | undefined;
  for (const x of plan.formats) {
    const [from, to = from] = x.range.split(":").map(parseA1);
    if (
      x.style.numberFormat !== undefined &&
      row >= from.row &&
      row <= to.row &&
      col >= from.col &&
      col <= to.col
    )
      f = x.style.numberFormat;
  }
  return f;
}

/**
 * A number format without its language tags (`[$-415]`, which every number format of a Polish sheet carries:
 * src/workbook/numberLocale.ts): what it shows, for tests about decimals and separators.
 */
export function plainFormat(f: string | undefined): string | undefined {
  return f === undefined ? undefined : withoutLanguageTag(f);
}
