/**
 * Registers as applicants keep them by hand or get them back from Excel: PESEL numbers Excel turned into
 * scientific notation (digits lost), typed with Excel's text apostrophe or with spaces, and dates with
 * two-digit years, formula cells whose cached value is an Excel error (#N/A, #ADR!). Each must say what is wrong and what to do — not only "contains non-digits" / "not a date".
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { checkRegister } from "../../../src/domain/register/checks";
import { sourceKeyOfHeader } from "../../../src/domain/register/headers";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { parseCsv } from "../../../src/workbook/csv";
import { csvSheet, readRegisterSheet } from "../../../src/workbook/register/reader";

const canonical = readFileSync(join(__dirname, "../../fixtures/register/canonical.csv"), "utf8");

/** The canonical register with the cells of its first data row under `header` set to `value`. */
function issuesWith(edits: Record<string, string>) {
  const table = parseCsv(canonical);
  for (const [header, value] of Object.entries(edits)) table[1][table[0].indexOf(header)] = value;
  return checkRegister(readRegisterSheet(csvSheet(table)).rows).issues.filter((i) => i.row === 2);
}
const about = (edits: Record<string, string>, column: string) => {
  const found = issuesWith(edits).filter((i) => i.column === column);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("hand-kept register slips", () => {
  it.each(["8,00101E+10", "8.00101E+10", "8,00101e+10", "8E+10"])(
    "a PESEL in scientific notation (%s) says its digits are lost and where to get them",
    (pesel) => {
      const i = about({ PESEL: pesel }, "PESEL");
      expect(i.rule).toBe("pesel.digits");
      expect(i.message.pl).toContain("notacji naukowej");
      expect(i.message.pl).toContain("przepadły");
      expect(i.message.pl).toContain("SL2014 / SM EFS");
      expect(i.message.pl).toContain("Tekst");
      expect(i.message.en).toContain("scientific notation");
    },
  );
  it("a PESEL typed with Excel's text apostrophe asks to remove it", () => {
    for (const pesel of ["'80010112357", "’80010112357"]) {
      const i = about({ PESEL: pesel }, "PESEL");
      expect(i.rule).toBe("pesel.digits");
      expect(i.message.pl).toContain("usuń apostrof");
    }
  });
  it("a PESEL with spaces or hyphens between its digits asks for the digits only", () => {
    for (const pesel of ["800101 12357", "800 101 123 57", "800101-12357", "800101\u00a012357"]) {
      const i = about({ PESEL: pesel }, "PESEL");
      expect(i.message.pl).toContain("wpisz same cyfry");
    }
  });
  it("other non-digits keep the plain message", () => {
    expect(about({ PESEL: "8001O112357" }, "PESEL").message.pl).toBe(
      "PESEL „8001O112357” zawiera znaki inne niż cyfry.",
    );
  });
  it.each(["01.01.80", "01-01-80", "1/1/80", "01.01.80 00:00"])(
    "a date with a two-digit year (%s) asks for four digits instead of 'not a date'",
    (v) => {
      const i = about({ "Data urodzenia": v }, "Data urodzenia");
      expect(i.rule).toBe("date.format");
      expect(i.message.pl).toContain("rok zapisany dwiema cyframi");
      expect(i.message.pl).toContain("DD.MM.RRRR");
      expect(i.message.en).toContain("two-digit year");
    },
  );
  it("a date in no accepted form keeps the general message", () => {
    expect(about({ "Data urodzenia": "styczeń 1980" }, "Data urodzenia").message.pl).toContain(
      "to nie data — wpisz datę Excela",
    );
  });

  it("formula cells holding an Excel error say it is a formula to correct, in the .xlsx and in a CSV from Polish Excel", async () => {
    const table = parseCsv(canonical);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Uczestnicy");
    table.forEach((r, i) => (ws.getRow(i + 1).values = r.map((v) => (v === "" ? null : v))));
    const col = (h: string) => table[0].indexOf(h) + 1;
    ws.getCell(2, col("Data rozpoczęcia udziału w projekcie")).value = {
      formula: "VLOOKUP(A2,Daty!A:B,2,0)",
      result: { error: "#N/A" },
    } as ExcelJS.CellValue;
    ws.getCell(2, col("Okres bez pracy (mies.)")).value = {
      formula: "Arkusz2!A1",
      result: { error: "#REF!" },
    } as ExcelJS.CellValue;
    ws.getCell(2, col("PESEL")).value = {
      formula: "A1*1",
      result: { error: "#VALUE!" },
    } as ExcelJS.CellValue;
    ws.getCell(2, col("Płeć")).value = { formula: "X1", result: { error: "#NAME?" } } as ExcelJS.CellValue;
    ws.getCell(2, col("Imię")).value = {
      formula: "VLOOKUP(D2,Osoby!A:B,2,0)",
      result: { error: "#N/A" },
    } as ExcelJS.CellValue;
    const cells = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const got = checkRegister(readRegisterSheet(cells.sheets[0]).rows).issues.filter((i) => i.row === 2);
    const of = (column: string) => got.filter((i) => i.column === column);
    expect(of("Data rozpoczęcia udziału w projekcie")).toMatchObject([
      { rule: "date.format", message: { pl: expect.stringContaining("błąd formuły #N/D! (#N/A)") } },
    ]);
    expect(of("Data rozpoczęcia udziału w projekcie")[0].message.pl).toContain("Wiersz pominięty");
    expect(of("Okres bez pracy (mies.)")).toMatchObject([
      { rule: "value.number", message: { pl: expect.stringContaining("błąd formuły #ADR! (#REF!)") } },
    ]);
    expect(of("PESEL")).toMatchObject([
      { rule: "pesel.digits", message: { pl: expect.stringContaining("błąd formuły #ARG! (#VALUE!)") } },
    ]);
    expect(of("Płeć")).toMatchObject([
      { rule: "value.allowed", message: { en: expect.stringContaining("formula error #NAME?") } },
    ]);
    // A name that is a failed formula's value is no name: a value still to enter (it was taken as a name).
    expect(of("Imię")).toMatchObject([
      { rule: "required", message: { pl: expect.stringContaining("błąd formuły #N/D! (#N/A)") } },
    ]);
    // In English, a Polish code with its English name.
    expect(about({ Nazwisko: "#ADR!" }, "Nazwisko").message.en).toContain("formula error #ADR! (#REF!)");
    expect(about({ Nazwisko: "#N/D" }, "Nazwisko").message.en).toContain("formula error #N/D (#N/A)");
    // A CSV saved from Polish Excel writes the Polish codes.
    const csvIssue = about(
      { "Data rozpoczęcia udziału w projekcie": "#N/D!" },
      "Data rozpoczęcia udziału w projekcie",
    );
    expect(csvIssue.message.pl).toContain("błąd formuły #N/D!");
    expect(about({ "Okres bez pracy (mies.)": "#ADR!" }, "Okres bez pracy (mies.)").message.pl).toContain(
      "popraw formułę",
    );
    // Text that only starts with # keeps its own message.
    expect(about({ "Okres bez pracy (mies.)": "#12" }, "Okres bez pracy (mies.)").message.pl).toContain(
      "to nie liczba",
    );
  });

  it("a totals row with counts under the last names and PESEL numbers (=ILE.NIEPUSTYCH) is skipped, not a participant", async () => {
    const t = parseCsv(canonical);
    const n = t.length - 1;
    const col = (h: string) => t[0].indexOf(h);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Uczestnicy");
    t.forEach((r, i) => (ws.getRow(i + 1).values = r.map((v) => (v === "" ? null : v))));
    const at = t.length + 1; // one empty row, then the totals
    ws.getCell(at, col("Lp.") + 1).value = "Razem";
    ws.getCell(at, col("Nazwisko") + 1).value = {
      formula: `COUNTA(C2:C${n + 1})`,
      result: n,
    } as ExcelJS.CellValue;
    ws.getCell(at, col("PESEL") + 1).value = {
      formula: `COUNTA(D2:D${n + 1})`,
      result: 2,
    } as ExcelJS.CellValue;
    const cells = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const read = readRegisterSheet(cells.sheets[0]);
    expect(read.rows).toHaveLength(n);
    const { participants, issues } = checkRegister(read.rows);
    expect(participants).toHaveLength(n);
    expect(issues.filter((i) => i.row === at).map((i) => i.rule)).toEqual(["row.total"]);
    // The same row in a CSV saved from Excel: the counts are text.
    const csv = [
      ...t,
      t[0].map((_h, j) => (j === col("Lp.") ? "Razem:" : j === col("Nazwisko") ? String(n) : "")),
    ];
    expect(readRegisterSheet(csvSheet(csv)).rows).toHaveLength(n);
    // A person whose last name is missing but who has a PESEL is still a row.
    const nameless = t[1].map((v, j) => (j === col("Nazwisko") ? "" : j === col("Lp.") ? "Razem" : v));
    expect(readRegisterSheet(csvSheet([...t, nameless])).rows).toHaveLength(n + 1);
  });

  it("headers of a hand-made template with required-field marks and filling hints are the register's columns", () => {
    const t = parseCsv(canonical);
    const marked = [
      t[0].map((h, j) => (j % 3 === 0 ? `${h}*` : j % 3 === 1 ? `${h} *` : `${h}:`)),
      t[0].map((h) =>
        h === "Płeć"
          ? "Płeć (K/M)"
          : h === "Data urodzenia"
            ? "Data urodzenia (dd.mm.rrrr)"
            : h === "PESEL"
              ? "PESEL [11 cyfr]"
              : h === "IPD"
                ? "IPD (wymagane)"
                : h === "Imię"
                  ? "Imię¹"
                  : h,
      ),
    ];
    const plain = checkRegister(readRegisterSheet(csvSheet(t)).rows);
    for (const header of marked) {
      const read = readRegisterSheet(csvSheet([header, ...t.slice(1)]));
      expect(read.columns.filter((c) => c.key === null)).toEqual([]);
      expect(read.columns.every((c) => c.via === "header")).toBe(true);
      expect(checkRegister(read.rows)).toEqual(plain);
    }
    // A bracket that changes the meaning is not a hint: the column is not read as the register's.
    expect(sourceKeyOfHeader("Data zakończenia udziału w projekcie (planowana)")).toBeNull();
    expect(sourceKeyOfHeader("Okres bez pracy (mies.)")).toBe("monthsWithoutWork");
  });
});
