/**
 * `miernik check … -o out.xlsx`: the register (header-matched from the input) as the `Uczestnicy` table
 * with its derived formulas, the hidden `Słowniki` lists and the criteria sheet — the same workbook the
 * add-in creates — written by the streaming xlsx writer (temporary file, then renamed).
 */
import type { Card } from "../domain/card/types";
import type { Lang } from "../domain/i18n";
import { writeXlsxFile } from "../hosts/xlsx/stream";
import type { SheetCells } from "../workbook/cells";
import { buildCheckWorkbookPlan } from "../workbook/criteria/workbook";
import { readRegisterSheet } from "../workbook/register/reader";
import { registerTableRows } from "../workbook/register/rows";
import { writeFileAtomicWith } from "./files";

export async function writeCheckWorkbook(
  path: string,
  registerSheetCells: SheetCells,
  card: Card,
  asOf: number,
  /** The workbook's language (--lang): headers, labels and the verdict; Polish by default. */
  lang: Lang = "pl",
  /** The applicant for the criteria sheet's `Wnioskodawca:` row (null: left empty to type in). */
  applicant: string | null = null,
): Promise<void> {
  const rows = registerTableRows(readRegisterSheet(registerSheetCells).rows);
  const plan = buildCheckWorkbookPlan(card, { rows, asOf, lang, applicant });
  // Streamed: 100 000 rows are written at Node's default heap (the in-memory workbook needs GBs).
  await writeFileAtomicWith(path, (tmp) => writeXlsxFile(plan, tmp));
}
