/**
 * `miernik check … -o out.xlsx`: the register (header-matched from the input) as the `Uczestnicy` table
 * with its derived formulas, the hidden `Słowniki` lists and the criteria sheet — the same workbook the
 * add-in creates — written with the xlsx renderer (temporary file, then renamed).
 */
import * as fs from "fs";
import type { Card } from "../domain/card/types";
import type { Lang } from "../domain/i18n";
import { writeXlsx } from "../hosts/xlsx/render";
import type { SheetCells } from "../workbook/cells";
import { buildCheckWorkbookPlan } from "../workbook/criteria/workbook";
import { readRegisterSheet } from "../workbook/register/reader";
import { registerTableRows } from "../workbook/register/rows";

export async function writeCheckWorkbook(
  path: string,
  registerSheetCells: SheetCells,
  card: Card,
  asOf: number,
  /** The workbook's language (--lang): headers, labels and the verdict; Polish by default. */
  lang: Lang = "pl",
): Promise<void> {
  const rows = registerTableRows(readRegisterSheet(registerSheetCells).rows);
  const bytes = await writeXlsx(buildCheckWorkbookPlan(card, { rows, asOf, lang }));
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, path);
  } finally {
    if (fs.existsSync(tmp)) fs.unlinkSync(tmp);
  }
}
