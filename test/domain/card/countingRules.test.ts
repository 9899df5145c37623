/**
 * The counting rules of issue 12 at their boundaries, against figures worked out by hand
 * (test/fixtures/register/countingCases.ts), through the row checks and the engine as the CLI runs them.
 */
import { evaluate, JOB_AFTER_AS_OF } from "../../../src/domain/card/evaluate";
import { isEvaluable, personKey } from "../../../src/domain/card/groups";
import { rng, sampleParticipant } from "../../../src/domain/card/sample";
import { DEFAULT_PARAMETERS, Participant } from "../../../src/domain/card/types";
import { checkRegister, RawRow, RULES } from "../../../src/domain/register/checks";
import { participantToValues } from "../../../src/domain/register/toRow";
import { CARD91, COUNTING_CASES, PESEL_1899_F } from "../../fixtures/register/countingCases";
import { d, person } from "../../fixtures/register/participants";

function rawRows(ps: readonly Participant[]): RawRow[] {
  return ps.map((p, i) => ({ row: i + 2, values: participantToValues(p, i + 1) }));
}

describe.each(Object.keys(COUNTING_CASES))("%s", (name) => {
  const c = COUNTING_CASES[name]();
  const { participants, issues } = checkRegister(rawRows(c.participants), c.card.parameters);
  const e = evaluate(participants, c.card, c.asOf, issues);
  test("participants counted", () => expect(e.participants).toBe(c.counted));
  test.each(Object.keys(c.criteria))("%s", (id) => {
    expect(e.criteria.find((x) => x.id === id)).toMatchObject(c.criteria[id]);
  });
  if (c.issues)
    test("row problems", () => {
      for (const [i, rule] of c.issues!)
        expect([i, rule, e.rowIssues.some((x) => x.row === i + 2 && x.rule === rule)]).toEqual([
          i,
          rule,
          true,
        ]);
    });
});

describe("one person, one count", () => {
  const params = DEFAULT_PARAMETERS;
  test("a PESEL read as a number is the same person as the text PESEL (leading zero restored)", () => {
    expect(personKey(2322401019, "A", "B", null, params)).toBe("P:02322401019");
    expect(personKey(" 02322401019 ", "A", "B", null, params)).toBe("P:02322401019");
    const rows: RawRow[] = rawRows([person(), person()]);
    rows[0].values.pesel = 2322401019;
    rows[1].values.pesel = "02322401019";
    const { participants, issues } = checkRegister(rows, params);
    expect(participants.map((p) => p.duplicateOf)).toEqual([null, 2]);
    const dup = issues.find((i) => i.rule === RULES.peselDuplicate)!;
    expect(dup).toMatchObject({ row: 3, column: "PESEL", severity: "error" });
    // Names both rows.
    expect(dup.message.pl).toMatch(/wierszu 2\b.*wiersz 3\b/);
    expect(dup.message.en).toMatch(/row 2\b.*row 3\b/);
  });
  test("names: case, spaces and Polish letters ignored; another birth date is another person", () => {
    const k = (f: string, l: string, b: number) => personKey(null, f, l, b, params);
    expect(k("Łukasz", "Zając", 100)).toBe(k("  łukasz", "ZAJAC  ", 100));
    expect(k("Jan  Maria", "Nowak", 100)).toBe(k("jan maria", "nowak", 100));
    expect(k("Łukasz", "Zając", 100)).not.toBe(k("Łukasz", "Zając", 101));
    expect(k("Anna", "Nowak", 100)).not.toBe(k("Anna", "Nowakowska", 100));
    // Without a birth date, or a name, there is nothing sure to compare.
    expect(k("Anna", "", 100)).toBeNull();
    expect(personKey(null, "Anna", "Nowak", null, params)).toBeNull();
    // MATCH wildcards cannot make two different keys equal.
    expect(k("An*", "Nowak", 100)).toBe("N:AN_|NOWAK|100");
  });
  test("the card parameter turns the name-and-birth-date rule off (PESEL only)", () => {
    const off = { ...params, duplicatesByNameAndBirthDate: false };
    expect(personKey(null, "Anna", "Nowak", 100, off)).toBeNull();
    expect(personKey("80010112357", "Anna", "Nowak", 100, off)).toBe("P:80010112357");
    const twins = rawRows([person({ lastName: "Nowak" }), person({ lastName: "Nowak" })]);
    expect(checkRegister(twins, params).participants.filter(isEvaluable)).toHaveLength(1);
    expect(checkRegister(twins, off).participants.filter(isEvaluable)).toHaveLength(2);
  });
});

describe("unknown age, age column, PESEL + 80", () => {
  test("a whole number ≥ 0 in the age column is an age; anything else is an error and no age", () => {
    const rows = rawRows([
      person({ birthDate: null }),
      person({ birthDate: null }),
      person({ birthDate: null }),
    ]);
    rows[0].values.ageAtStart = "52";
    rows[1].values.ageAtStart = 52.5;
    rows[2].values.ageAtStart = -1;
    const { participants, issues } = checkRegister(rows);
    expect(participants.map((p) => p.ageAtStart ?? null)).toEqual([52, null, null]);
    expect(issues.filter((i) => i.rule === RULES.ageInvalid).map((i) => i.row)).toEqual([3, 4]);
    expect(issues.filter((i) => i.rule === RULES.ageUnknown).map((i) => i.row)).toEqual([3, 4]);
  });
  test("the birth date wins over the age column; a different age is a warning", () => {
    // born 1989-01-01, start 2024-03-01: 35
    const rows = rawRows([person({ ageAtStart: 52 })]);
    const { participants, issues } = checkRegister(rows);
    const e = evaluate(participants, CARD91, d("2025-01-01"));
    expect(e.criteria.find((c) => c.id === "premium.age50plus")).toMatchObject({ numerator: 0 });
    expect(issues.map((i) => i.rule)).toEqual([RULES.ageMismatch]);
  });
  test("a PESEL coding 1800–1899 is flagged and its date not used (no birth-date mismatch reported)", () => {
    const rows = rawRows([
      person({ sex: "F", pesel: PESEL_1899_F, noPesel: false, birthDate: d("1990-01-01") }),
    ]);
    const { issues } = checkRegister(rows);
    expect(issues.map((i) => [i.rule, i.severity])).toEqual([[RULES.peselBefore1900, "warning"]]);
  });
});

describe("bad input never costs a participant silently", () => {
  test("every row left out of the counts carries an error; unknown ages and future jobs a warning", () => {
    const r = rng(12);
    const asOf = d("2024-07-01");
    const ps: Participant[] = [];
    for (let i = 0; i < 400; i++) {
      const p = sampleParticipant(r, i + 2);
      const k = r();
      const earlier = ps[Math.floor(r() * ps.length)];
      if (k < 0.1) ps.push({ ...p, startDate: null });
      else if (k < 0.2) ps.push({ ...p, status: null });
      else if (k < 0.3) ps.push({ ...p, birthDate: null });
      else if (k < 0.45 && earlier?.birthDate)
        ps.push({ ...p, lastName: earlier.lastName, birthDate: earlier.birthDate }); // a repeat
      else ps.push(p);
    }
    const rows = rawRows(ps);
    rows.forEach((row, i) => {
      if (i % 17 === 0) row.values.startDate = "31.02.2024"; // not a date
      if (i % 23 === 0) row.values.status = "bezrobotny"; // not an allowed value
    });
    const { participants, issues } = checkRegister(rows);
    const e = evaluate(participants, CARD91, asOf, issues);
    const has = (row: number, pred: (rule: string, severity: string) => boolean) =>
      e.rowIssues.some((i) => i.row === row && pred(i.rule, i.severity));
    let left = 0;
    for (const p of participants) {
      if (!isEvaluable(p)) {
        left++;
        expect([p.row, has(p.row, (_r, s) => s === "error")]).toEqual([p.row, true]);
        if (p.duplicateOf)
          expect([p.row, has(p.row, (x) => x === RULES.personDuplicate)]).toEqual([p.row, true]);
        continue;
      }
      const future = p.jobStartDate !== null && p.jobStartDate > asOf;
      expect([p.row, has(p.row, (x) => x === JOB_AFTER_AS_OF)]).toEqual([p.row, future]);
      const job = e.rowIssues.find((i) => i.row === p.row && i.rule === JOB_AFTER_AS_OF);
      // Its dates as people write them: dd.mm.rrrr in Polish, ISO in English.
      if (job) {
        expect(job.message.pl).toMatch(
          /^Zatrudnienie od \d{2}\.\d{2}\.\d{4}, po dniu „stan na” \d{2}\.\d{2}\.\d{4} — /,
        );
        expect(job.message.en).toMatch(
          /^Job from \d{4}-\d{2}-\d{2}, after the as-of date \d{4}-\d{2}-\d{2} — /,
        );
      }
      if (p.birthDate === null)
        expect([p.row, has(p.row, (x) => x === RULES.ageUnknown)]).toEqual([p.row, true]);
    }
    expect(e.rowIssues.some((i) => i.rule === JOB_AFTER_AS_OF)).toBe(true);
    expect(e.participants).toBe(participants.length - left);
    expect(left).toBeGreaterThan(60);
    expect(participants.some((p) => p.duplicateOf)).toBe(true);
    // The evaluation's warnings are merged into the row order.
    const order = e.rowIssues.map((i) => i.row);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
