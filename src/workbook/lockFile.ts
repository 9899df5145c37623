/** Files named or made as something Miernik cannot read, said as such with what to give instead. */
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

/**
 * An Apple Numbers document: given by its name (`.numbers`) or found by its contents (a zip holding
 * `Index/Document.iwa`, whatever its name says). Numbers cannot be read; it exports .xlsx.
 */
export const APPLE_NUMBERS: Localized = {
  pl: "to plik Apple Numbers (.numbers), nie .xlsx: wyeksportuj go w Numbers jako .xlsx (Plik → Eksportuj do → Excel…)",
  en: "an Apple Numbers file (.numbers), not an .xlsx: export it from Numbers as .xlsx (File → Export To → Excel…)",
};

export function isAppleNumbersName(name: string): boolean {
  return /\.numbers$/i.test(name.trim());
}
