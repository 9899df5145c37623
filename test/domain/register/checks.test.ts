import { checkRegister, RawRow, RULES } from "../../../src/domain/register/checks";
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { nearestAllowed, normalizeText } from "../../../src/domain/text";
import { d } from "../../fixtures/register/participants";

const card = builtinCard("rpo-wl-9.1-2016") as Card;
const U = "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy";

/** A clean row: 44-year-old unemployed man with a valid PESEL (1980-01-01). */
function good(row: number, over: RawRow["values"] = {}): RawRow {
  return {
    row,
    values: {
      firstName: "Jan",
      lastName: `Nowak${row}`, // another person on every row (one person, one count)
      pesel: "80010112357",
      noPesel: "Nie",
      sex: "Mężczyzna",
      birthDate: "1980-01-01",
      education: "ponadgimnazjalne (ISCED 3)",
      status: U,
      subStatus: "inne",
      monthsWithoutWork: 3,
      leavingAgriculture: "Nie",
      disabled: "Nie",
      startDate: d("2024-03-01"),
      endDate: "2024-06-30",
      pathCompleted: "Tak",
      ipd: "Tak",
      training: "Nie",
      ...over,
    },
  };
}

// Each bad row differs from a good row in one thing; PESELs are made unique where duplicates are not the point.
const rows: RawRow[] = [
  good(2),
  good(3, { pesel: "8001011235" }),
  good(4, { pesel: "8001011235X" }),
  good(5, { pesel: "80010112358" }),
  good(6, { pesel: "80131312341" }), // month 13; checksum fixed below
  good(7, { pesel: "44051401359", birthDate: "1944-05-14", sex: "Kobieta" }),
  good(8, { pesel: "02322401019", birthDate: "2002-12-25", subStatus: "inne" }),
  good(9, { noPesel: "Tak", pesel: "80010112340", sex: "Kobieta" }),
  good(10, { pesel: "80010112357" }), // duplicate of row 2
  good(11, { pesel: null, noPesel: "Nie" }),
  good(12, { pesel: null, noPesel: "Tak", endDate: "2024-02-01" }),
  good(13, { pesel: null, noPesel: "Tak", jobStartDate: "2024-10-15" }),
  good(14, { pesel: null, noPesel: "Tak", sex: "kobieta" }),
  good(24, { pesel: null, noPesel: "Tak", ipd: "Tak " }),
  good(15, { pesel: null, noPesel: "Tak", status: "osoba bierna  zawodowo" }),
  good(16, { pesel: null, noPesel: "Tak", disabled: "może" }),
  good(17, { pesel: null, noPesel: "Tak", subStatus: "osoba długotrwale bezrobotna", monthsWithoutWork: 8 }),
  good(18, { pesel: null, noPesel: "Tak", birthDate: "2000-01-01", subStatus: "inne", monthsWithoutWork: 7 }),
  good(19, { pesel: null, noPesel: "Tak", firstName: '=HYPERLINK("x")', lastName: "@Nowak" }),
  good(20, { pesel: null, noPesel: "Tak", startDate: "32.13.2024" }),
  good(21, { pesel: null, noPesel: "Tak", status: null }),
  good(22, { pesel: null, noPesel: "Tak", education: "średnie" }),
  good(23, { pesel: null, noPesel: "Tak", monthsWithoutWork: "dużo" }),
];
// Fix the check digit of the month-13 PESEL so only the date is wrong.
{
  const base = "8013131234";
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const k = (10 - ([...base].reduce((s, c, i) => s + +c * w[i], 0) % 10)) % 10;
  rows[4].values.pesel = base + k;
}

const { participants, issues } = checkRegister(rows);
const at = (row: number) => issues.filter((i) => i.row === row).map((i) => [i.column, i.rule, i.severity]);

describe("row checks", () => {
  it("a clean row has no issues", () => expect(at(2)).toEqual([]));
  it.each([
    [3, [["PESEL", RULES.peselLength, "error"]]],
    [4, [["PESEL", RULES.peselDigits, "error"]]],
    [5, [["PESEL", RULES.peselChecksum, "error"]]],
    [6, [["PESEL", RULES.peselDate, "error"]]],
    [7, [["Płeć", RULES.peselSex, "error"]]],
    [
      8,
      [
        ["Data urodzenia", RULES.peselBirthDate, "error"],
        ["", RULES.ageUnder30, "warning"],
      ],
    ],
    [9, [["Brak PESEL", RULES.noPeselWithPesel, "error"]]],
    [10, [["PESEL", RULES.peselDuplicate, "error"]]],
    [11, [["PESEL", RULES.peselMissing, "error"]]],
    [12, [["Data zakończenia udziału w projekcie", RULES.dateOrder, "error"]]],
    [13, [["Data podjęcia zatrudnienia", RULES.jobAfterWindow, "info"]]],
    [14, [["Płeć", RULES.valueCase, "warning"]]],
    [
      15,
      [["Status osoby na rynku pracy w chwili przystąpienia do projektu", RULES.valueSpelling, "warning"]],
    ],
    [16, [["Osoba z niepełnosprawnościami", RULES.valueAllowed, "error"]]],
    [17, [["W tym", RULES.longTermContradiction, "warning"]]],
    [
      18,
      [
        ["", RULES.ageUnder30, "warning"],
        ["W tym", RULES.longTermContradiction, "warning"],
      ],
    ],
    [
      19,
      [
        ["Imię", RULES.formulaLikeText, "info"],
        ["Nazwisko", RULES.formulaLikeText, "info"],
      ],
    ],
    [20, [["Data rozpoczęcia udziału w projekcie", RULES.dateFormat, "error"]]],
    [21, [["Status osoby na rynku pracy w chwili przystąpienia do projektu", RULES.required, "error"]]],
    [22, [["Wykształcenie", RULES.education, "error"]]],
    [23, [["Okres bez pracy (mies.)", RULES.number, "error"]]],
    [24, [["IPD", RULES.valueSpelling, "warning"]]],
  ])("row %i", (row, expected) => {
    expect(at(row)).toEqual(expected);
  });
  it("dates in messages: dd.mm.rrrr in Polish, ISO in English", () => {
    const m = issues.find((i) => i.row === 8 && i.rule === RULES.peselBirthDate)!.message;
    expect(m.pl).toMatch(/\(PESEL: \d{2}\.\d{2}\.\d{4}\)\.$/);
    expect(m.en).toMatch(/\(PESEL: \d{4}-\d{2}-\d{2}\)\.$/);
  });
  it("suggests the nearest allowed value for slips", () => {
    expect(issues.find((i) => i.row === 15)?.suggestion).toBe("osoba bierna zawodowo");
    expect(issues.find((i) => i.row === 14)?.suggestion).toBe("Kobieta");
    expect(issues.find((i) => i.row === 16)?.suggestion).toBeUndefined();
    expect(issues.find((i) => i.row === 17)?.suggestion).toBe("inne");
    expect(issues.find((i) => i.row === 24)?.suggestion).toBe("Tak");
    // Slips of case and of spacing are read as the allowed value (issue 12: never dropped because of spelling;
    // Miernik writes the allowed value into its register sheet, so COUNTIFS agrees).
    expect(participants.find((p) => p.row === 14)?.sex).toBe("F");
    expect(participants.find((p) => p.row === 24)?.ipd).toBe(true);
    expect(participants.find((p) => p.row === 15)?.status).toBe("inactive");
  });
  it("messages are Polish and English and name the fix", () => {
    const dup = issues.find((i) => i.rule === RULES.peselDuplicate);
    expect(dup?.message.pl).toContain("wierszu 2");
    expect(dup?.message.en).toContain("row 2");
  });
  it("an age in a message takes its Polish plural form (22 lata, 25 lat, 24 lata)", () => {
    const young = (row: number, birth: string, age?: number): RawRow =>
      good(row, { pesel: null, noPesel: "Tak", birthDate: birth, ageAtStart: age ?? null });
    const { issues } = checkRegister([
      young(2, "2002-01-01"),
      young(3, "1999-01-01"),
      young(4, "2000-01-01", 30),
    ]);
    const pl = (rule: string, row: number) =>
      issues.find((i) => i.rule === rule && i.row === row)?.message.pl;
    expect(pl(RULES.ageUnder30, 2)).toMatch(/^Wiek w dniu rozpoczęcia: 22 lata — /);
    expect(pl(RULES.ageUnder30, 3)).toMatch(/^Wiek w dniu rozpoczęcia: 25 lat — /);
    expect(pl(RULES.ageMismatch, 4)).toContain("(w dniu rozpoczęcia: 24 lata)");
  });

  it("a 10-digit PESEL that lost its leading zero says so and suggests the PESEL with it", () => {
    const { issues } = checkRegister([
      good(2, { pesel: "2211203458", sex: "Kobieta", birthDate: "2002-11-12" }),
      good(3, { pesel: "2211203459" }),
    ]);
    const at2 = issues.find((i) => i.row === 2 && i.rule === RULES.peselLength);
    expect(at2?.message.pl).toBe(
      "PESEL „2211203458” ma 10 cyfr — arkusz zapewne zapisał go jako liczbę i zgubił zero z przodu; jeśli to „02211203458”, wpisz go jako tekst.",
    );
    expect(at2?.suggestion).toBe("02211203458");
    // Not a PESEL with a zero in front either: the plain message, no suggestion.
    const at3 = issues.find((i) => i.row === 3 && i.rule === RULES.peselLength);
    expect(at3?.message.pl).toBe("PESEL „2211203459” nie ma 11 cyfr.");
    expect(at3?.suggestion).toBeUndefined();
  });

  it("K/M and T/N (the one-letter forms of Polish forms) are read as the value, with a warning naming it", () => {
    const { participants, issues } = checkRegister([
      good(2, { sex: "K", pesel: null, noPesel: "T", ipd: "n" }),
      good(3, { sex: "m", pesel: null, noPesel: "T", training: "T", disabled: "N" }),
      // Only where the column allows the value: "K" is no yes/no answer.
      good(4, { pesel: null, noPesel: "T", ipd: "K" }),
    ]);
    expect(participants.map((p) => [p.sex, p.noPesel, p.ipd, p.training, p.disabled])).toEqual([
      ["F", true, false, false, false],
      ["M", true, true, true, false],
      ["M", true, null, false, false],
    ]);
    const on = (row: number) =>
      issues.filter((i) => i.row === row).map((i) => [i.column, i.rule, i.message.pl]);
    expect(on(2)).toContainEqual(["Płeć", RULES.valueSpelling, "„K”: przyjęto „Kobieta” — wpisz „Kobieta”."]);
    expect(on(2)).toContainEqual(["IPD", RULES.valueSpelling, "„n”: przyjęto „Nie” — wpisz „Nie”."]);
    expect(on(4).map(([c, r]) => [c, r])).toContainEqual(["IPD", RULES.valueAllowed]);
  });

  it("`W tym` of an employed or inactive person may hold the export's own sub-type; for the unemployed it must be a listed one", () => {
    const mmsp = "Osoba pracująca w MMŚP (mikro, małe, średnie przedsiębiorstwa)";
    const { participants, issues } = checkRegister([
      good(2, { status: "osoba pracująca", subStatus: mmsp, pesel: null, noPesel: "Tak" }),
      good(3, {
        status: "osoba bierna zawodowo",
        subStatus: "osoba ucząca się",
        pesel: null,
        noPesel: "Tak",
      }),
      good(4, { subStatus: mmsp, pesel: null, noPesel: "Tak" }),
    ]);
    const wTym = issues.filter((i) => i.column === "W tym").map((i) => [i.row, i.rule]);
    expect(wTym).toEqual([[4, RULES.valueAllowed]]);
    expect(participants.map((p) => p.longTerm)).toEqual([null, null, null]);
  });

  it("name fields starting with = + - @ stay text", () => {
    expect(participants.find((p) => p.row === 19)).toMatchObject({
      firstName: '=HYPERLINK("x")',
      lastName: "@Nowak",
    });
  });
  it("criteria are still computed over the valid rows: rows without start date or status are left out", () => {
    const e = evaluate(participants, card, d("2025-01-01"), issues);
    // Left out: row 10 (PESEL of row 2), row 20 (start date unreadable), row 21 (status empty);
    // row 15's status slip is read.
    expect(e.participants).toBe(rows.length - 3);
    expect(e.rowIssues).toBe(issues);
    // Every other row counts, including those with PESEL problems (row 5) or warnings (row 18).
    expect(
      evaluate(
        participants.filter((p) => p.row === 5 || p.row === 18),
        card,
        d("2025-01-01"),
      ).participants,
    ).toBe(2);
  });
});

describe("text matching", () => {
  it("normalises case, NBSP, spacing, diacritics", () => {
    expect(normalizeText("  Osoba\u00a0BIERNA   zawodowo ")).toBe("osoba bierna zawodowo");
    expect(normalizeText("Płeć Łódź")).toBe("plec lodz");
    expect(nearestAllowed("mezczyzna", ["Kobieta", "Mężczyzna"])).toBe("Mężczyzna");
    expect(nearestAllowed("facet", ["Kobieta", "Mężczyzna"])).toBeNull();
  });
});
