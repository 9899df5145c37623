/** Reading the CLI's input workbooks: one place for the checks and the messages naming the file. */
import type { Lang } from "../domain/i18n";
import { XlsxReadError } from "../hosts/xlsx/preflight";
import { excelLockFile } from "../workbook/lockFile";
import { strayCellsNote, type SheetCells, type WorkbookCells } from "../workbook/cells";
import { oneLine } from "./cardOptions";
import { readRegularFile } from "./files";
import { InputError } from "./io";
import { readXlsxIsolated } from "./isolatedRead";

/** Excel's `~$` lock file, `.ods`/`.xls` given by name: say what to do instead of failing on the bytes. */
export function refuseOtherFormats(file: string, display: string, lang: Lang = "pl"): void {
  const lock = excelLockFile(file);
  if (lock) throw new InputError(`${display}: ${lock[lang]}`);
  const lower = file.toLowerCase();
  if (lower.endsWith(".ods"))
    throw new InputError(
      `${display}: arkusz OpenDocument (.ods) — zapisz go jako .xlsx (LibreOffice: Plik → Zapisz jako) / an OpenDocument spreadsheet (.ods): save it as .xlsx`,
    );
  if (lower.endsWith(".xls"))
    throw new InputError(
      `${display}: stary format .xls — zapisz go jako .xlsx w Excelu lub LibreOffice / an old .xls file: save it as .xlsx`,
    );
}

/** Reads an .xlsx (isolated: its own memory and time limits) with errors naming the file. */
export async function readWorkbookFile(file: string, display: string, lang: Lang): Promise<WorkbookCells> {
  refuseOtherFormats(file, display, lang);
  const bytes = readRegularFile(file, display);
  try {
    return await readXlsxIsolated(bytes);
  } catch (e) {
    const pl = e instanceof XlsxReadError ? e.pl : oneLine(e);
    const en = oneLine(e);
    throw new InputError(lang === "pl" ? `${display}: ${pl}` : `${display}: ${en}`);
  }
}

/** Warnings about cells left out (stray cells far from the data), naming the file, sheet and cell. */
export function ignoredWarning(display: string, sheet: SheetCells, lang: Lang): string | null {
  if (!sheet.ignored) return null;
  return `${lang === "pl" ? "UWAGA" : "WARNING"} ${display}: ${strayCellsNote(sheet.name, sheet.ignored)[lang]}`;
}
