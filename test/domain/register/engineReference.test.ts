/**
 * The one-pass engine (issue 15 item 5: src/domain/register/engine.ts, checks.ts, persons.ts and the
 * evaluation's `Tallier`) against the engine as it was (./referenceEngine.ts, kept verbatim): the same
 * participants, row issues (every message) and evaluation on random registers whose cells are drawn from
 * what users type — slips of case and spelling, numbers as text, dates as text, impossible dates, PESELs of
 * every kind, repeated persons by PESEL (text and number) and by name (case, diacritics, spaces), names with
 * `|`, wildcards, non-Polish letters and over 200 characters, and the reader's own issues.
 */
import { evaluate } from "../../../src/domain/card/evaluate";
import { personKey } from "../../../src/domain/card/groups";
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { rng, sampleParticipants } from "../../../src/domain/card/sample";
import { Card, DEFAULT_PARAMETERS } from "../../../src/domain/card/types";
import { checkRegister, RawRow } from "../../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../../src/domain/register/columns";
import { checkAndEvaluate, registerEvaluator, rowIssuesHead } from "../../../src/domain/register/engine";
import { hashKeyString, NEW, NO_KEY, PersonTable, REPEAT } from "../../../src/domain/register/persons";
import { participantToValues } from "../../../src/domain/register/toRow";
import { referenceCheckRegister, referenceEvaluate } from "./referenceEngine";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = 45658;

const PESELS = [
  "80010112357",
  " 80010112357 ",
  "8001011235",
  "8001011235X",
  "80010112358",
  "44051401359",
  "02322401019",
  "00891212345",
  "12345678*01",
  "12345678?01",
  "  12345678901",
  "",
  "   ",
  80010112357,
  44051401359,
  2322401019,
  -44051401359,
  123.6,
  Number.NaN,
  true,
];
const NAMES = [
  "Jan",
  "jan",
  "JAN",
  " Jan ",
  "Jan  Maria",
  "Łukasz",
  "LUKASZ",
  "łukasz",
  "Zażółć",
  "Gęślą",
  "A|B",
  "A",
  "B|C",
  "B",
  "Ann*",
  "Ann?",
  "Ann~",
  "Ann_",
  "José",
  "JOSÉ",
  "ımie",
  "IMIE",
  "Straße",
  "STRASSE",
  "Tab\tName",
  "=SUM(A1)",
  "@x",
  "-5",
  "x".repeat(190),
  "x".repeat(250),
  "",
  null,
  42,
];
const TEXTS: Record<string, readonly unknown[]> = {
  sex: ["Kobieta", "Mężczyzna", "kobieta", "MĘŻCZYZNA", "Kobieta ", "Mezczyzna", "K", null, ""],
  status: [
    "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy",
    "osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy",
    "osoba bierna zawodowo",
    "osoba bierna  zawodowo",
    "Osoba Pracująca",
    "osoba pracujaca",
    "student",
    null,
  ],
  subStatus: ["osoba długotrwale bezrobotna", "inne", "INNE", "osoba dlugotrwale bezrobotna", "x", null],
  disabled: ["Tak", "Nie", "Odmowa podania informacji", "tak", "może", null],
  dropoutReason: ["podjęcie zatrudnienia", "podjęcie nauki", "inna", "Inna", "podjecie nauki", "?", null],
  contractType: [
    "umowa o pracę",
    "umowa cywilnoprawna",
    "działalność gospodarcza",
    "UMOWA O PRACĘ",
    "b2b",
    null,
  ],
  yesNo: ["Tak", "Nie", "tak", "NIE", "Tak\u00a0", "T", "yes", 1, true, null, " "],
  education: [
    "ponadgimnazjalne (ISCED 3)",
    "wyższe (ISCED 5-8)",
    "3",
    " 2 ",
    "brak",
    "Brak",
    "średnie",
    null,
    "isced 1",
  ],
  date: [
    45352,
    45352.75,
    0,
    -3,
    3000000,
    "2024-03-01",
    "01.03.2024",
    "1.3.2024",
    "03/15/2024",
    "03/04/2024",
    "2024-03-01 00:00",
    "45352",
    "31.02.2023",
    "2024-13-01",
    "jutro",
    "",
    "  ",
    null,
    true,
  ],
  number: [0, 3, 7, 13, 25, 2.5, -1, "1 796", "0,5", "12", "-3", "dużo", "", Infinity, null],
  fte: [1, 0.5, 0.25, "1/2", "½", "50%", "pełny etat", "pół etatu", "0,75", "3/4 etatu", "x", "-1", null],
  age: [30, 45, 51.5, -2, "40", "czterdzieści", null],
};
const YES_NO_KEYS = REGISTER_COLUMNS.filter((c) => c.kind === "yesNo").map((c) => c.key);
const DATE_KEYS = ["birthDate", "startDate", "endDate", "jobStartDate"] as const;
const NUMBER_KEYS = ["monthsWithoutWork", "internshipMonths", "employmentMonths"] as const;

/** A register of `n` sample rows, a share of whose cells are replaced by hostile values. */
function register(n: number, seed: number, hostile: number): RawRow[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: RawRow[] = [];
  let i = 0;
  for (const p of sampleParticipants(n, seed)) {
    i++;
    const v = participantToValues(p, i) as RawRow["values"];
    const hit = () => r() < hostile;
    if (hit()) v.pesel = pick(PESELS) as string;
    else if (r() < 0.5) {
      // A real-looking PESEL; some repeat (a duplicate), some as numbers.
      const base = 44051401359 + Math.floor(r() * 50) * 11;
      v.pesel = r() < 0.3 ? base : String(base);
      v.noPesel = "Nie";
    }
    if (hit()) v.firstName = pick(NAMES) as string;
    if (hit()) v.lastName = pick(NAMES) as string;
    else if (r() < 0.05) v.lastName = "Nowak"; // the same person by name and birth date, sometimes
    if (r() < 0.05) v.birthDate = 30000;
    for (const k of [
      "sex",
      "status",
      "subStatus",
      "disabled",
      "dropoutReason",
      "contractType",
      "education",
    ] as const)
      if (hit()) v[k] = pick(TEXTS[k]) as string;
    for (const k of YES_NO_KEYS) if (hit()) v[k] = pick(TEXTS.yesNo) as string;
    for (const k of DATE_KEYS) if (hit()) v[k] = pick(TEXTS.date) as string;
    for (const k of NUMBER_KEYS) if (hit()) v[k] = pick(TEXTS.number) as string;
    if (hit()) v.fte = pick(TEXTS.fte) as string;
    if (hit()) v.ageAtStart = pick(TEXTS.age) as string;
    if (r() < 0.02) delete v.sex;
    const raw: RawRow = { row: i + 1, values: v };
    if (r() < 0.03)
      raw.issues = [
        {
          row: i + 1,
          column: "",
          rule: "csv.width",
          severity: "error",
          message: { pl: "szer.", en: "width" },
        },
      ];
    out.push(raw);
  }
  return out;
}

describe("the one-pass engine gives the reference engine's results", () => {
  it.each([
    [1, 400, 0.3],
    [2, 600, 0.1],
    [3, 300, 0.6],
    [4, 2000, 0.02],
  ])("random register %i (%i rows, %f of the cells hostile)", (seed, n, hostile) => {
    const rows = register(n, seed, hostile);
    const ref = referenceCheckRegister(rows, card.parameters);
    const expected = referenceEvaluate(ref.participants, card, AS_OF, ref.issues);

    // The participants' path (call summaries, derived values) and the evaluation over its participants.
    const checked = checkRegister(rows, card.parameters);
    expect(checked.participants).toEqual(ref.participants);
    expect(checked.issues).toEqual(ref.issues);
    expect(evaluate(checked.participants, card, AS_OF, checked.issues)).toEqual(expected);

    // One pass, and in batches (the pane's slices).
    const one = checkAndEvaluate(rows, card, AS_OF);
    const head = rowIssuesHead(one, 50);
    expect(head.count).toBe(expected.rowIssues.length);
    expect(head.head).toEqual(expected.rowIssues.slice(0, 50));
    expect(one).toEqual(expected);
    expect(JSON.parse(JSON.stringify(checkAndEvaluate(rows, card, AS_OF)))).toEqual(
      JSON.parse(JSON.stringify(expected)),
    );
    const batched = registerEvaluator(card, AS_OF);
    for (let i = 0; i < rows.length; i += 97) batched.add(rows.slice(i, i + 97));
    expect(batched.result()).toEqual(expected);

    // The register really exercises the checks: many kinds of issue, duplicates of both kinds.
    const rules = new Set(expected.rowIssues.map((x) => x.rule));
    expect(rules.size).toBeGreaterThanOrEqual(n >= 1000 ? 8 : 15);
    if (hostile >= 0.1) {
      expect(rules).toContain("pesel.duplicate");
      expect(rules).toContain("value.case");
      expect(rules).toContain("value.allowed");
    }
  });

  it("other card parameters (no duplicates by name, other windows and ages)", () => {
    const rows = register(500, 7, 0.2);
    const c: Card = {
      ...card,
      parameters: {
        ...card.parameters,
        duplicatesByNameAndBirthDate: false,
        effectivenessWindowDays: 30,
        minTargetAge: 45,
        excludeOtherDropouts: false,
      },
    };
    const ref = referenceCheckRegister(rows, c.parameters);
    expect(checkAndEvaluate(rows, c, AS_OF)).toEqual(
      referenceEvaluate(ref.participants, c, AS_OF, ref.issues),
    );
  });

  it("a lazily built rowIssues list reads, spreads, clones and can be replaced like a plain one", () => {
    const rows = register(200, 5, 0.3);
    const e = checkAndEvaluate(rows, card, AS_OF);
    const copy = { ...e };
    expect(copy.rowIssues).toEqual(e.rowIssues);
    expect(e.rowIssues).toBe(e.rowIssues);
    expect(structuredClone(checkAndEvaluate(rows, card, AS_OF))).toEqual(e);
    const f = checkAndEvaluate(rows, card, AS_OF);
    f.rowIssues = [];
    expect(f.rowIssues).toEqual([]);
    expect(rowIssuesHead(f, 10)).toEqual({ count: 0, head: [] });
  });
});

describe("person keys without key strings", () => {
  const params = DEFAULT_PARAMETERS;
  const cells: unknown[] = [...PESELS, null, undefined];
  const names = [...NAMES, "Nowak", "NOWAK", "nowak", "Nowak ", "Nówak"];
  const births: (number | null)[] = [30000, 30000.5, 29999, -5, 0, 1e22, null];

  it("each kind of key is the string personKey builds, and is new in an empty table", () => {
    const r = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    for (let i = 0; i < 3000; i++) {
      const args = [pick(cells), pick(names), pick(names), pick(births)] as const;
      const t = new PersonTable();
      const first = typeof args[1] === "string" ? args[1] : null;
      const last = typeof args[2] === "string" ? args[2] : null;
      const key = personKey(args[0], first, last, args[3], params);
      const seen = t.see(args[0], first, last, args[3], params, 2);
      expect(seen).toBe(key === null ? NO_KEY : NEW);
      if (key !== null) {
        expect(t.keyFound()).toBe(key);
        // The same key string again, given as a key the table cannot take apart, is the same person.
        expect(hashKeyString(key)).toBe(hashKeyString(t.keyFound()));
      }
    }
  });

  it("two rows are the same person exactly when personKey gives the same string", () => {
    const r = rng(12);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const t = new PersonTable();
    const firstOf = new Map<string, number>();
    for (let row = 1; row <= 20000; row++) {
      const cell = pick(cells);
      const first = pick(names);
      const last = pick(names);
      const birth = pick(births);
      const f = typeof first === "string" ? first : null;
      const l = typeof last === "string" ? last : null;
      const key = personKey(cell, f, l, birth, params);
      const seen = t.see(cell, f, l, birth, params, row);
      if (key === null) expect(seen).toBe(NO_KEY);
      else if (firstOf.has(key)) {
        expect(seen).toBe(REPEAT);
        expect(t.firstRowFound()).toBe(firstOf.get(key));
        expect(t.keyFound()).toBe(key);
      } else {
        expect(seen).toBe(NEW);
        firstOf.set(key, row);
      }
    }
    expect(firstOf.size).toBeGreaterThan(500);
  });
});
