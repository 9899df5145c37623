/** Reading real files (issue 12): record widths, encodings that fail, repeated headers, the column mapping. */
import { checkRegister, RULES } from "../../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../../src/domain/register/columns";
import {
  csvSheetFromBytes,
  readRegisterSheet,
  RegisterReadError,
} from "../../../src/workbook/register/reader";
import { registerTableRows } from "../../../src/workbook/register/rows";

const HEADER = REGISTER_COLUMNS.map((c) => c.header);
const row = (over: Record<string, string> = {}): string[] =>
  REGISTER_COLUMNS.map((c) => {
    const base: Record<string, string> = {
      firstName: "Anna",
      lastName: "Nowak",
      noPesel: "Tak",
      sex: "Kobieta",
      birthDate: "1980-01-01",
      education: "podstawowe (ISCED 1)",
      status: "osoba bierna zawodowo",
      leavingAgriculture: "Nie",
      disabled: "Nie",
      startDate: "2024-03-01",
      ipd: "Tak",
      training: "Nie",
    };
    return over[c.key] ?? base[c.key] ?? "";
  });
const utf8 = (lines: string[][], sep = ";") =>
  new TextEncoder().encode(lines.map((l) => l.join(sep)).join("\n"));

describe("reading real files (issue 12)", () => {
  it("a record with fewer or more fields than the header is a row error, and the row still counts", () => {
    const short = row().slice(0, HEADER.length - 2);
    const long = [...row(), "extra"];
    const read = readRegisterSheet(csvSheetFromBytes(utf8([HEADER, row(), short, long])));
    expect(read.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    const { participants, issues } = checkRegister(read.rows);
    expect(participants).toHaveLength(3);
    expect(issues.filter((i) => i.rule === "csv.width").map((i) => [i.row, i.severity])).toEqual([
      [3, "error"],
      [4, "error"],
    ]);
    expect(issues.find((i) => i.row === 3)?.message.pl).toContain(
      `${HEADER.length - 2} pól, a nagłówek ${HEADER.length}`,
    );
  });

  it("an unterminated quote: one error naming the line, nothing read", () => {
    const lines = [HEADER.join(";"), row().join(";"), row({ lastName: '"Nowak' }).join(";"), row().join(";")];
    expect(() => csvSheetFromBytes(new TextEncoder().encode(lines.join("\n")))).toThrow(
      /niezamknięty cudzysłów w wierszu 3/,
    );
  });

  /** The RegisterReadError that reading `bytes` as a register CSV throws (anything else, or nothing, fails the test). */
  const readError = (bytes: Uint8Array): RegisterReadError => {
    let err: unknown;
    try {
      readRegisterSheet(csvSheetFromBytes(bytes));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RegisterReadError);
    return err as RegisterReadError;
  };

  it("a file no encoding decodes to the headers: one message naming every encoding tried", () => {
    // "Imię" with a byte that is no Polish letter in Windows-1250 nor ISO-8859-2 (not UTF-8 either).
    const text = [HEADER.join(";"), row().join(";")].join("\n");
    const bytes = Uint8Array.from(
      [...text].map((c) =>
        c === "ę" ? 0x81 : c === "ł" ? 0xb3 : c.charCodeAt(0) > 127 ? 0xe6 : c.charCodeAt(0),
      ),
    );
    const err = readError(bytes);
    expect(err.pl).toContain("UTF-8, Windows-1250, ISO-8859-2");
    expect(err.pl).not.toMatch(/^Arkusz .*brak wymaganej kolumny/);
    expect(err.en).toContain("none of the encodings tried");
  });

  it("a Windows-1250 file whose headers read fine but are no register's: no blame on the encoding", () => {
    // "Imię;Nazwisko" in Windows-1250 (ę = 0xEA): decoded right, but two columns are no register header row.
    const bytes = Uint8Array.from(
      [..."Imię;Nazwisko\nJan;Kowalski\n"].map((c) => (c === "ę" ? 0xea : c.charCodeAt(0))),
    );
    const err = readError(bytes);
    expect(err.pl).toContain("nie znaleziono wiersza nagłówków rejestru uczestników");
    expect(err.pl).not.toContain("kodowań");
    expect(err.pl).not.toContain("nie znaleziono „Imię”");
  });

  it("a UTF-8 file really missing a column says so (the encoding is certain)", () => {
    const cut = (l: string[]) => l.filter((_v, j) => REGISTER_COLUMNS[j].key !== "sex");
    expect(() => readRegisterSheet(csvSheetFromBytes(utf8([cut(HEADER), cut(row())])))).toThrow(
      /brak wymaganej kolumny „Płeć”/,
    );
  });

  it("SL2014: of two `W tym`, the one right after the status is the status's; the mapping says which column fed which", () => {
    const statusAt = HEADER.indexOf("Status osoby na rynku pracy w chwili przystąpienia do projektu");
    const ins = <T>(xs: T[], at: number, x: T) => [...xs.slice(0, at), x, ...xs.slice(at)];
    // An institution-block `W tym` first, the status's after the status, the support's at the end.
    let header = [...HEADER, "Rodzaj przyznanego wsparcia", "W tym"];
    let data = [
      ...row({
        status: "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy",
        subStatus: "osoba długotrwale bezrobotna",
      }),
      "szkolenie",
      "szkolenie zawodowe",
    ];
    header = ins(header, 0, "W tym");
    data = ins(data, 0, "");
    const read = readRegisterSheet(csvSheetFromBytes(utf8([header, data])));
    const { participants } = checkRegister(read.rows);
    expect(participants[0].longTerm).toBe(true);
    const wTym = read.columns.filter((c) => c.file === "W tym");
    expect(wTym.map((c) => [c.fileColumn, c.via])).toEqual([
      ["A", "duplicate"],
      [String.fromCharCode(65 + statusAt + 2), "position"],
      [wTym[2].fileColumn, "duplicate"],
    ]);
    expect(read.columns.find((c) => c.file === "Rodzaj przyznanego wsparcia")).toMatchObject({
      register: null,
      via: "ignored",
    });
  });

  it("SM EFS: PESEL/Inny identyfikator is the PESEL (synonym); Osoba bezrobotna reads the registration column", () => {
    const header = HEADER.map((h) => (h === "PESEL" ? "PESEL/Inny identyfikator" : h));
    const bytes = utf8([
      [...header, "Osoba zarejestrowana w urzędzie pracy"],
      [...row({ pesel: "80010112340", noPesel: "Nie", status: "Osoba bezrobotna" }), "Nie"],
      [...row({ status: "Osoba bezrobotna" }), ""],
    ]);
    const read = readRegisterSheet(csvSheetFromBytes(bytes));
    expect(read.columns.find((c) => c.file === "PESEL/Inny identyfikator")).toMatchObject({
      register: "PESEL",
      via: "synonym",
    });
    const { participants, issues } = checkRegister(read.rows);
    expect(participants.map((p) => p.status)).toEqual(["unemployedUnregistered", "unemployedRegistered"]);
    expect(issues.filter((i) => i.rule === "status.cst2021").map((i) => i.severity)).toEqual([
      "warning",
      "warning",
    ]);
    expect(participants[0].pesel).toBe("80010112340");
  });

  it("a value matching nothing is an error naming the cell, listing the allowed values and what the row still counts in", () => {
    const read = readRegisterSheet(
      csvSheetFromBytes(utf8([HEADER, row({ sex: "X" }), row({ status: "bezrobotny" })])),
    );
    const { participants, issues } = checkRegister(read.rows);
    const sex = issues.find((i) => i.row === 2 && i.rule === RULES.valueAllowed);
    expect(sex).toMatchObject({ column: "Płeć", severity: "error" });
    expect(sex?.message.pl).toContain("Dozwolone: „Kobieta”, „Mężczyzna”");
    expect(sex?.message.pl).toContain(
      "Wiersz liczy się we wszystkich kryteriach; w tych, które zależą od „Płeć” (kobiety",
    );
    expect(participants[0].sex).toBeNull();
    const status = issues.find((i) => i.row === 3 && i.rule === RULES.valueAllowed);
    expect(status?.message.pl).toContain("Wiersz pominięty we wszystkich kryteriach.");
  });

  it("an impossible date is a row error naming the cell", () => {
    const read = readRegisterSheet(csvSheetFromBytes(utf8([HEADER, row({ startDate: "31.02.2023" })])));
    const { issues } = checkRegister(read.rows);
    expect(issues.find((i) => i.rule === RULES.dateFormat)).toMatchObject({
      row: 2,
      column: "Data rozpoczęcia udziału w projekcie",
      severity: "error",
    });
    expect(issues.find((i) => i.rule === RULES.dateFormat)?.message.pl).toContain("nieistniejąca data");
  });

  it("the register sheet Miernik writes holds the allowed values, dates and numbers", () => {
    const read = readRegisterSheet(
      csvSheetFromBytes(
        utf8([
          HEADER,
          row({ sex: " kobieta\u00a0", status: "OSOBA  BIERNA ZAWODOWO", startDate: "01/03/2024", fte: "½" }),
        ]),
      ),
    );
    const [written] = registerTableRows(read.rows);
    const at = (k: string) => written[REGISTER_COLUMNS.findIndex((c) => c.key === k)];
    expect([at("sex"), at("status"), at("startDate"), at("fte")]).toEqual([
      "Kobieta",
      "osoba bierna zawodowo",
      45352,
      0.5,
    ]);
  });
});

describe("a system export without the columns the project keeps itself", () => {
  // An SM EFS "Uczestnicy projektu" export, as Polish Excel saves it (Windows-1250): it has no
  // „Osoba odchodząca z rolnictwa”, „IPD”, „Szkolenie” (the project tracks those itself).
  const kept = new Set(["leavingAgriculture", "ipd", "training"]);
  const cut = (l: string[]) => l.filter((_v, j) => !kept.has(REGISTER_COLUMNS[j].key));
  const cp1250 = (lines: string[][]): Uint8Array =>
    Uint8Array.from(
      [...lines.map((l) => l.join(";")).join("\r\n")].map((c) => {
        const table: Record<string, number> = {
          ę: 0xea,
          ł: 0xb3,
          ą: 0xb9,
          ó: 0xf3,
          ś: 0x9c,
          ż: 0xbf,
          ź: 0x9f,
          ć: 0xe6,
          ń: 0xf1,
          Ł: 0xa3,
          Ż: 0xaf,
          Ś: 0x8c,
        };
        if (c.charCodeAt(0) < 128) return c.charCodeAt(0);
        if (table[c] === undefined) throw new Error(`no Windows-1250 byte for ${c} in this test`);
        return table[c];
      }),
    );

  it("is read (not blamed on its encoding): one warning per absent column, every row still there", () => {
    const read = readRegisterSheet(
      csvSheetFromBytes(cp1250([cut(HEADER), cut(row()), cut(row({ firstName: "Łucja" }))])),
    );
    expect(read.csv?.encoding).toBe("Windows-1250");
    expect(read.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(read.absent).toEqual(["Osoba odchodząca z rolnictwa", "IPD", "Szkolenie"]);
    const { participants, issues } = checkRegister(read.rows);
    expect(participants.map((p) => p.firstName)).toEqual(["Anna", "Łucja"]);
    const absent = issues.filter((i) => i.rule === "column.absent");
    expect(absent.map((i) => [i.row, i.column, i.severity])).toEqual([
      [1, "Osoba odchodząca z rolnictwa", "warning"],
      [1, "IPD", "warning"],
      [1, "Szkolenie", "warning"],
    ]);
    expect(absent[1].message.pl).toContain("Plik nie ma kolumny „IPD”");
    // Each row still says what it lacks (the register's own check of the same rows after an import).
    expect(issues.filter((i) => i.rule === RULES.required && i.column === "IPD").map((i) => i.row)).toEqual([
      2, 3,
    ]);
  });

  it("a column every export has is still required, by name, and in the plural when there are several", () => {
    const drop = new Set(["sex", "education"]);
    const cut2 = (l: string[]) => l.filter((_v, j) => !drop.has(REGISTER_COLUMNS[j].key));
    let err: RegisterReadError | undefined;
    try {
      readRegisterSheet(csvSheetFromBytes(cp1250([cut2(HEADER), cut2(row())])));
    } catch (e) {
      err = e as RegisterReadError;
    }
    // Found headers with Polish letters („Imię”, „Data rozpoczęcia udziału…”) decoded right: not an encoding problem.
    expect(err?.pl).toBe(
      "Plik CSV: brak wymaganych kolumn „Płeć”, „Wykształcenie” — dodaj je w wierszu nagłówków (wiersz 1).",
    );
    expect(err?.en).toBe(
      "CSV file: required columns „Płeć”, „Wykształcenie” missing — add them to the header row (row 1).",
    );
  });
});

describe("two exports joined into one file", () => {
  it("a repeat of the header row is skipped with one warning naming it; the rows around it are read", () => {
    const sheet = csvSheetFromBytes(utf8([HEADER, row(), HEADER, row({ firstName: "Ewa" }), HEADER]));
    const read = readRegisterSheet(sheet);
    expect(read.rows.map((r) => r.row)).toEqual([2, 4]);
    const { participants, issues } = checkRegister(read.rows);
    expect(participants.map((p) => p.firstName)).toEqual(["Anna", "Ewa"]);
    expect(
      issues.filter((i) => i.rule === "row.header").map((i) => [i.row, i.severity, i.message.pl]),
    ).toEqual([
      [
        3,
        "warning",
        "Wiersz 3 powtarza wiersz nagłówków (np. po złączeniu dwóch eksportów) — pominięty; usuń go z pliku.",
      ],
      [
        5,
        "warning",
        "Wiersz 5 powtarza wiersz nagłówków (np. po złączeniu dwóch eksportów) — pominięty; usuń go z pliku.",
      ],
    ]);
    // No row errors from reading headers as values.
    expect(issues.filter((i) => i.row === 3 || i.row === 5).map((i) => i.rule)).toEqual([
      "row.header",
      "row.header",
    ]);
  });

  it("a row that only shares a few words with the header is a row, not a repeat", () => {
    const odd = row({ firstName: "Imię", lastName: "Nazwisko" });
    const read = readRegisterSheet(csvSheetFromBytes(utf8([HEADER, odd])));
    expect(read.rows.map((r) => r.row)).toEqual([2]);
  });
});

describe("a register kept in Excel with a totals row", () => {
  it("„Razem” with counts under the participants is skipped with one warning; a person without a name is still a row", () => {
    const lp = REGISTER_COLUMNS.findIndex((c) => c.key === "lp");
    const ipd = REGISTER_COLUMNS.findIndex((c) => c.key === "ipd");
    const total = HEADER.map((_h, j) => (j === lp ? "Razem:" : j === ipd ? "2" : ""));
    const nameless = row({ firstName: "", lastName: "" });
    const read = readRegisterSheet(
      csvSheetFromBytes(utf8([HEADER, row(), row({ firstName: "Ewa" }), total, nameless])),
    );
    expect(read.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    const { issues } = checkRegister(read.rows);
    expect(issues.filter((i) => i.row === 4).map((i) => [i.rule, i.severity, i.message.pl])).toEqual([
      [
        "row.total",
        "warning",
        "Wiersz 4 to wiersz podsumowania (np. „Razem”), nie uczestnik — pominięty. Jeśli to uczestnik, wpisz jego nazwisko, PESEL lub datę urodzenia.",
      ],
    ]);
    // The row without names has a birth date: a participant whose names are missing, reported as such.
    expect(issues.filter((i) => i.row === 5).map((i) => i.rule)).toContain(RULES.required);
  });

  it("a totals row after the last participant: its warning comes after that participant's issues (row order)", () => {
    const lp = REGISTER_COLUMNS.findIndex((c) => c.key === "lp");
    const total = HEADER.map((_h, j) => (j === lp ? "Razem" : ""));
    const young = row({ birthDate: "2002-01-01" });
    const { issues } = checkRegister(readRegisterSheet(csvSheetFromBytes(utf8([HEADER, young, total]))).rows);
    const rowsInOrder = issues.map((i) => i.row);
    expect(rowsInOrder).toEqual([...rowsInOrder].sort((a, b) => a - b));
    expect(issues.at(-1)?.rule).toBe("row.total");
    expect(issues.length).toBeGreaterThan(1);
  });

  it("a participant called Suma is a participant", () => {
    const read = readRegisterSheet(csvSheetFromBytes(utf8([HEADER, row({ lastName: "Suma" })])));
    expect(read.rows.map((r) => r.row)).toEqual([2]);
  });
});
