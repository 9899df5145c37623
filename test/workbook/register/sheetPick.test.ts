/**
 * Which sheet is the register in a workbook kept by hand: a sheet named "Uczestnicy" that is not the register
 * (a contact list, an empty template) must not hide the register on another sheet; and when no sheet has the
 * headers, the message names the sheets searched, how far, and what to do.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { SheetCells } from "../../../src/workbook/cells";
import { parseCsv } from "../../../src/workbook/csv";
import {
  csvSheetFromBytes,
  readRegisterSheet,
  readRegisterWorkbook,
  RegisterReadError,
} from "../../../src/workbook/register/reader";

const table = parseCsv(readFileSync(join(__dirname, "../../fixtures/register/canonical.csv"), "utf8"));
const sheet = (name: string, values: SheetCells["values"]): SheetCells => ({ name, top: 0, left: 0, values });
const contacts = sheet("Uczestnicy", [
  ["Lista kontaktowa"],
  ["Imię i nazwisko", "Telefon", "E-mail"],
  ["Jan Nowak", "123 456 789", "jan@example.com"],
]);

function error(f: () => unknown): RegisterReadError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegisterReadError) return e;
    throw e;
  }
  throw new Error("read");
}

describe("picking the register sheet", () => {
  it("a 'Uczestnicy' sheet without the register's headers does not hide the register on another sheet", () => {
    const got = readRegisterWorkbook({
      sheets: [sheet("Instrukcja", [["Jak wypełniać"]]), contacts, sheet("Rejestr 2024", table)],
    });
    expect(got.sheet).toBe("Rejestr 2024");
    expect(got.rows).toHaveLength(table.length - 1);
  });
  it("a 'Uczestnicy' sheet with the headers still wins over an earlier register-like sheet", () => {
    const got = readRegisterWorkbook({
      sheets: [sheet("Kopia", table), sheet("Uczestnicy", table.slice(0, 3))],
    });
    expect(got.sheet).toBe("Uczestnicy");
    expect(got.rows).toHaveLength(2);
  });
  it("when no sheet has the headers: the 'Uczestnicy' sheet's message says where it looked and what to do", () => {
    const e = error(() => readRegisterWorkbook({ sheets: [contacts, sheet("Dane", [["x"]])] }));
    expect(e.pl).toBe(
      "Arkusz „Uczestnicy”: nie znaleziono wiersza nagłówków rejestru uczestników (np. „PESEL”, „Płeć”, „Data rozpoczęcia udziału w projekcie”) w pierwszych 20 wierszach — wpisz nagłówki rejestru w jednym wierszu nad danymi.",
    );
  });
  it("a workbook without any register sheet names the sheets it searched", () => {
    const e = error(() =>
      readRegisterWorkbook({ sheets: [sheet("Instrukcja", [["Jak wypełniać"]]), sheet("Dane", [["x"]])] }),
    );
    expect(e.pl).toContain("(arkusze: „Instrukcja”, „Dane”)");
    expect(e.pl).toContain("w pierwszych 20 wierszach");
    expect(e.pl).toContain("zapisz rejestr w arkuszu „Uczestnicy”");
    expect(e.en).toContain("(sheets: “Instrukcja”, “Dane”)");
  });
  it("a CSV without the headers is called a CSV file, not a sheet named 'Uczestnicy'", () => {
    const e = error(() =>
      readRegisterSheet(csvSheetFromBytes(new TextEncoder().encode("Instrukcja\nJak wypełniać;rejestr\n"))),
    );
    expect(e.pl).toMatch(/^Plik CSV: nie znaleziono wiersza nagłówków/);
    expect(e.pl).not.toContain("Arkusz");
    expect(e.pl).toContain("sprawdź, czy to rejestr uczestników");
    expect(e.en).toMatch(/^CSV file: /);
  });
});
