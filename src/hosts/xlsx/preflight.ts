/**
 * What can be checked of an .xlsx without ExcelJS: the first bytes (empty, OLE2 = .xls or encrypted,
 * not a zip) and the zip package (./zipGuard.ts). Kept free of ExcelJS so the CLI refuses a bad file
 * before loading the library.
 */
import { guardXlsx, ZipGuardError } from "./zipGuard";

export type XlsxReadReason =
  "not-zip" | "encrypted" | "legacy-xls" | "damaged" | "empty" | "ods" | "too-large" | "zip-bomb";

/** An .xlsx that cannot be read; `message` is one line saying why. */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly reason: XlsxReadReason,
    /** The same in Polish (the CLI's and the pane's default language). */
    readonly pl: string = message,
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/**
 * The error of a package that passed every check but that ExcelJS could not read (a part missing or
 * malformed: a shared-string index past the table, a truncated sheet). ExcelJS's text is a JavaScript error
 * ("Cannot read properties of undefined …"), no use to a user: it is kept as the technical detail, after what
 * the user can do — Excel offers to repair such a file, LibreOffice reads what it can.
 */
export function damagedXlsxError(detail: string): XlsxReadError {
  const d = detail.split("\n")[0].slice(0, 200);
  return new XlsxReadError(
    `damaged or unsupported .xlsx file — it cannot be read: open it in Excel (it offers to repair the file) or in LibreOffice Calc and save it again as .xlsx (technical detail: ${d})`,
    "damaged",
    `uszkodzony plik .xlsx — nie da się go odczytać: otwórz go w Excelu (zaproponuje naprawę pliku) albo w LibreOffice Calc i zapisz ponownie jako .xlsx (szczegóły techniczne: ${d})`,
  );
}

/** Every check before ExcelJS sees the bytes; throws XlsxReadError. */
export async function checkXlsxPackage(u8: Uint8Array): Promise<void> {
  if (u8.length === 0)
    // What is left of a save or a copy that failed, or of a cloud file (OneDrive, SharePoint) not downloaded.
    throw new XlsxReadError(
      "empty file (0 bytes): saving or copying it did not finish — save the workbook again in Excel as .xlsx (a OneDrive or SharePoint file: download it first)",
      "empty",
      "pusty plik (0 bajtów): jego zapis lub kopiowanie się nie powiodło — zapisz skoroszyt ponownie w Excelu jako .xlsx (plik z OneDrive lub SharePoint najpierw pobierz na dysk)",
    );
  if (u8[0] === 0xd0 && u8[1] === 0xcf && u8[2] === 0x11 && u8[3] === 0xe0) {
    // OLE2 container: a password-protected .xlsx (its streams EncryptionInfo + EncryptedPackage) or an old
    // binary .xls (stream Workbook, or Book before Excel 97); the names are in the container's directory.
    if (hasStreamName(u8, "EncryptedPackage"))
      throw new XlsxReadError(
        "the workbook is encrypted (a password to open it): open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear the field) and save it as .xlsx",
        "encrypted",
        "skoroszyt jest zaszyfrowany (hasło do otwarcia): otwórz go w Excelu, usuń hasło (Plik → Informacje → Chroń skoroszyt → Szyfruj przy użyciu hasła, wyczyść pole) i zapisz jako .xlsx",
      );
    if (hasStreamName(u8, "Workbook") || hasStreamName(u8, "Book"))
      throw new XlsxReadError(
        "an old .xls file (Excel 97–2003) whatever its name says: save it as .xlsx in Excel or LibreOffice (File → Save As)",
        "legacy-xls",
        "to stary plik .xls (Excel 97–2003), choć nazwa mówi inaczej: zapisz go jako .xlsx w Excelu lub LibreOffice (Plik → Zapisz jako)",
      );
    throw new XlsxReadError(
      "not an .xlsx file: an old .xls or an encrypted (password-protected) workbook — save it as an unprotected .xlsx",
      "encrypted",
      "to nie jest plik .xlsx: stary plik .xls albo skoroszyt zaszyfrowany (chroniony hasłem) — zapisz go jako niechroniony .xlsx",
    );
  }
  if (!(u8[0] === 0x50 && u8[1] === 0x4b))
    throw new XlsxReadError(
      "not an .xlsx file (not a zip archive)",
      "not-zip",
      "to nie jest plik .xlsx (nie jest archiwum zip)",
    );
  try {
    await guardXlsx(u8);
  } catch (e) {
    if (e instanceof ZipGuardError)
      throw new XlsxReadError(
        e.message,
        e.problem === "not-workbook" ? "not-zip" : e.problem === "not-zip" ? "not-zip" : e.problem,
        e.pl,
      );
    throw e;
  }
}

/**
 * Whether an OLE2 container has a directory entry named `name`: an entry is 128 bytes, its name UTF-16LE from
 * the entry's start with the name's byte length (terminator included) at offset 64. Entries sit at multiples
 * of 128 after the 512-byte header, so only those offsets are compared.
 */
function hasStreamName(u8: Uint8Array, name: string): boolean {
  const len = (name.length + 1) * 2;
  for (let at = 512; at + 128 <= u8.length; at += 128) {
    if (u8[at + 64] !== len || u8[at + 65] !== 0) continue;
    let same = true;
    for (let i = 0; i < name.length && same; i++)
      same = u8[at + 2 * i] === name.charCodeAt(i) && u8[at + 2 * i + 1] === 0;
    if (same && u8[at + 2 * name.length] === 0 && u8[at + 2 * name.length + 1] === 0) return true;
  }
  return false;
}
