import type { Localized } from "../domain/i18n";

/**
 * The owner ("lock") file Excel keeps beside a workbook or CSV while it is open — `~$rejestr.xlsx`, a few bytes,
 * no workbook — said as such, with the file to give instead; null for any other name.
 */
export function excelLockFile(name: string): Localized | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  if (!base.startsWith("~$")) return null;
  const book = base.slice(2);
  return {
    pl: `to plik blokady Excela (powstaje, gdy „${book}” jest otwarty w Excelu), nie rejestr ani skoroszyt: podaj sam plik „${book}” (bez „~$”); jeśli Excel jest zamknięty, plik blokady to pozostałość i można go usunąć`,
    en: `Excel's lock file (made while “${book}” is open in Excel), not a register or workbook: give the file “${book}” itself (without “~$”); if Excel is closed, the lock file is a leftover and can be deleted`,
  };
}
