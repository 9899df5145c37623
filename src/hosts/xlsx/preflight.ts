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

/** Every check before ExcelJS sees the bytes; throws XlsxReadError. */
export async function checkXlsxPackage(u8: Uint8Array): Promise<void> {
  if (u8.length === 0) throw new XlsxReadError("empty file (0 bytes)", "empty", "pusty plik (0 bajtów)");
  if (u8[0] === 0xd0 && u8[1] === 0xcf && u8[2] === 0x11 && u8[3] === 0xe0) {
    // OLE2 container: a password-protected .xlsx or an old binary .xls.
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
