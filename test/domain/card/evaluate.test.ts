import { builtinCard, parseCard } from "../../../src/domain/card/load";
import {
  allRequiredMet,
  evaluate,
  shareShortfall,
  effectivenessShortfall,
} from "../../../src/domain/card/evaluate";
import { Card, CriterionResult, Evaluation, Participant } from "../../../src/domain/card/types";
import { d, ENDED, JOB, many, person } from "../../fixtures/register/participants";

const card = builtinCard("rpo-wl-9.1-2016") as Card;
const LATE = d("2025-01-01"); // every window closed
const crit = (e: Evaluation, id: string): CriterionResult => {
  const c = e.criteria.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe("formal quotas", () => {
  it("unemployed ≥ 80 %: exactly at threshold met, one below not, shortfall", () => {
    const at = evaluate([...many(8), ...many(2, { status: "inactive" })], card, LATE);
    expect(crit(at, "formal.unemployed")).toMatchObject({
      numerator: 8,
      denominator: 10,
      share: 0.8,
      met: true,
      shortfall: 0,
    });
    const below = evaluate([...many(7), ...many(3, { status: "inactive" })], card, LATE);
    // (7+x)/(10+x) ≥ 0.8 → x = 5
    expect(crit(below, "formal.unemployed")).toMatchObject({
      numerator: 7,
      denominator: 10,
      met: false,
      shortfall: 5,
    });
  });
  it("long-term unemployed and leaving agriculture are counted over the unemployed", () => {
    const ps = [
      ...many(6, { longTerm: true, leavingAgriculture: true }),
      ...many(4),
      ...many(5, { status: "inactive", longTerm: true }),
    ];
    const e = evaluate(ps, card, LATE);
    expect(crit(e, "formal.longTermUnemployed")).toMatchObject({ numerator: 6, denominator: 10, met: true });
    expect(crit(e, "formal.leavingAgriculture")).toMatchObject({ numerator: 6, denominator: 10, met: true });
  });
  it("minimum 50 participants: 50 met, 49 short by 1", () => {
    expect(crit(evaluate(many(50), card, LATE), "formal.minParticipants")).toMatchObject({
      numerator: 50,
      met: true,
      shortfall: 0,
    });
    expect(crit(evaluate(many(49), card, LATE), "formal.minParticipants")).toMatchObject({
      numerator: 49,
      met: false,
      shortfall: 1,
    });
  });
  it("IPD 100 %: one missing is not met, shortfall = rows to fix", () => {
    const e = evaluate([...many(9), person({ ipd: false })], card, LATE);
    expect(crit(e, "formal.ipd")).toMatchObject({ numerator: 9, denominator: 10, met: false, shortfall: 1 });
  });
  it("internships: 3–6 months and linked; none → not applicable", () => {
    const ok = evaluate(
      [
        person({ internshipMonths: 3, internshipLinked: true }),
        person({ internshipMonths: 6, internshipLinked: true }),
      ],
      card,
      LATE,
    );
    expect(crit(ok, "formal.internship")).toMatchObject({ numerator: 2, denominator: 2, met: true });
    const bad = evaluate(
      [
        person({ internshipMonths: 7, internshipLinked: true }),
        person({ internshipMonths: 4, internshipLinked: false }),
        person(),
      ],
      card,
      LATE,
    );
    expect(crit(bad, "formal.internship")).toMatchObject({ numerator: 0, denominator: 2, met: false });
    expect(crit(evaluate(many(3), card, LATE), "formal.internship")).toMatchObject({
      denominator: 0,
      share: null,
      met: null,
    });
  });
  it("zero participants: shares null, count not met", () => {
    const e = evaluate([], card, LATE);
    expect(e.participants).toBe(0);
    expect(crit(e, "formal.unemployed")).toMatchObject({
      numerator: 0,
      denominator: 0,
      share: null,
      met: null,
    });
    expect(crit(e, "formal.minParticipants")).toMatchObject({ met: false, shortfall: 50 });
    expect(crit(e, "effectiveness.women")).toMatchObject({ met: null, share: null });
  });
});

describe("effectiveness", () => {
  const women = (n: number, over: Partial<Participant> = {}): Participant[] =>
    many(n, { sex: "F", ...ENDED, ...over });
  it("women 39 %: 39/100 met, 38/100 short by 2 ((38+k)/(100+k) ≥ 0.39 ⇔ k ≥ 1.64)", () => {
    const e = evaluate([...women(39, JOB), ...women(61)], card, LATE);
    expect(crit(e, "effectiveness.women")).toMatchObject({
      numerator: 39,
      denominator: 100,
      share: 0.39,
      met: true,
      shortfall: 0,
    });
    const f = evaluate([...women(38, JOB), ...women(62)], card, LATE);
    expect(crit(f, "effectiveness.women")).toMatchObject({
      numerator: 38,
      denominator: 100,
      met: false,
      shortfall: 2, // 39/101 = 38.6 % still short; 40/102 = 39.2 %
    });
  });
  it("a group with nobody ended is not applicable", () => {
    const e = evaluate(many(5, { sex: "F" }), card, LATE);
    expect(crit(e, "effectiveness.women")).toMatchObject({
      numerator: 0,
      denominator: 0,
      met: null,
      shortfall: null,
    });
  });
  it("pending: ended, not employed, window open → out of n and d, counted", () => {
    const asOf = d("2024-08-01"); // end 2024-06-30 + 90 = 2024-09-28
    const e = evaluate([...women(1, JOB), ...women(2)], card, asOf);
    expect(crit(e, "effectiveness.women")).toMatchObject({
      numerator: 1,
      denominator: 1,
      pending: 2,
      met: true,
    });
    expect(e.pending).toBe(2);
    const closed = evaluate([...women(1, JOB), ...women(2)], card, d("2024-09-28"));
    expect(crit(closed, "effectiveness.women")).toMatchObject({ numerator: 1, denominator: 3, pending: 0 });
  });
  it("exclusions: start-up funds, school, employed at start; other drop-outs switch", () => {
    const ps = [
      ...women(1, { ...JOB, startupFunds: true }),
      ...women(1, { ...JOB, dropoutReason: "school", pathCompleted: false }),
      ...women(1, { ...JOB, status: "employed" }),
      ...women(1, { pathCompleted: false, dropoutReason: "other" }),
      ...women(1, { ...JOB, pathCompleted: false, dropoutReason: "job" }),
      ...women(1),
    ];
    const e = evaluate(ps, card, LATE);
    expect(crit(e, "effectiveness.women")).toMatchObject({ numerator: 1, denominator: 2 });
    const keep = parseCard({ ...card, parameters: { ...card.parameters, excludeOtherDropouts: false } });
    expect(crit(evaluate(ps, keep, LATE), "effectiveness.women")).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });
  it("qualifying jobs and the window", () => {
    const ps = [
      ...women(1, { ...JOB, fte: 0.25 }), // too small etat
      ...women(1, { ...JOB, employmentMonths: 2 }), // too short
      ...women(1, { ...JOB, contractType: "civil", contractValue3x: true }), // counts
      ...women(1, { ...JOB, contractType: "civil", contractValue3x: false }),
      ...women(1, { ...JOB, contractType: "business", employmentMonths: null, fte: null }),
      ...women(1, { ...JOB, jobStartDate: d("2024-09-28") }), // end + 90: in
      ...women(1, { ...JOB, jobStartDate: d("2024-09-29") }), // end + 91: out
      ...women(1, { ...JOB, jobStartDate: d("2024-02-01") }), // before start: out
    ];
    const e = evaluate(ps, card, LATE);
    expect(crit(e, "effectiveness.women")).toMatchObject({ numerator: 3, denominator: 8 });
    const noCivil = parseCard({ ...card, parameters: { ...card.parameters, civilContractsCount: false } });
    expect(crit(evaluate(ps, noCivil, LATE), "effectiveness.women")).toMatchObject({
      numerator: 2,
      denominator: 8,
    });
  });
  it("groups overlap; other = none of the five", () => {
    const old = person({ ...ENDED, ...JOB, birthDate: d("1970-01-01"), sex: "F", isced: 2 });
    const plain = person({ ...ENDED });
    const e = evaluate([old, plain], card, LATE);
    for (const g of ["age50plus", "women", "lowQualified"])
      expect(crit(e, `effectiveness.${g}`)).toMatchObject({ numerator: 1, denominator: 1 });
    expect(crit(e, "effectiveness.other")).toMatchObject({
      numerator: 0,
      denominator: 1,
      met: false,
      shortfall: 1,
    });
    expect(crit(e, "effectiveness.disabled")).toMatchObject({ met: null });
  });
  it("age comes from a valid PESEL before Data urodzenia", () => {
    // 44051401359 → 1944-05-14: 79 at start
    const p = person({ ...ENDED, pesel: "44051401359", noPesel: false, birthDate: d("1990-01-01") });
    expect(crit(evaluate([p], card, LATE), "effectiveness.age50plus")).toMatchObject({ denominator: 1 });
    const q = person({ ...ENDED, pesel: "44051401358", noPesel: false, birthDate: d("1990-01-01") });
    expect(crit(evaluate([q], card, LATE), "effectiveness.age50plus")).toMatchObject({ denominator: 0 });
  });
});

describe("premium, result and product indicators", () => {
  it("premium points when met, 0 when not, null when the card states none", () => {
    const ps = [
      ...many(8, { training: true, qualification: true, trainingWhiteGreen: true }),
      ...many(2, { training: true, qualification: false }),
    ];
    const e = evaluate(ps, card, LATE);
    expect(crit(e, "premium.qualifications")).toMatchObject({
      numerator: 8,
      denominator: 10,
      met: true,
      points: 10,
    });
    expect(crit(e, "premium.whiteGreenEconomy")).toMatchObject({ met: true, points: 5 });
    expect(crit(e, "premium.age50plus")).toMatchObject({ met: false, points: 0 });
    expect(crit(e, "premium.disabled")).toMatchObject({ met: false, points: null });
  });
  it("A1 employed within 28 days of leaving among unemployed leavers; B1 count vs target", () => {
    const ps = [
      person({ ...ENDED, ...JOB, jobStartDate: d("2024-07-28") }), // end + 28
      person({ ...ENDED, ...JOB, jobStartDate: d("2024-07-29") }), // end + 29
      person(), // has not left
    ];
    const e = evaluate(ps, card, LATE);
    expect(crit(e, "result.A1")).toMatchObject({
      numerator: 1,
      denominator: 2,
      share: 0.5,
      threshold: 0.45,
      met: true,
    });
    expect(crit(e, "product.B1")).toMatchObject({ numerator: 3, target: 1875, met: null, denominator: null });
  });
  it("rows without a start date or status are left out", () => {
    const e = evaluate([person(), person({ startDate: null }), person({ status: null })], card, LATE);
    expect(e.participants).toBe(1);
  });
  it("exit rule: not met formal → false", () => {
    expect(allRequiredMet(evaluate(many(10), card, LATE))).toBe(false);
  });
});

describe("shortfall formulas", () => {
  it("share: smallest x with (n+x)/(d+x) ≥ t", () => {
    expect(shareShortfall(0, 10, 0.6)).toBe(15);
    expect(shareShortfall(6, 10, 0.6)).toBe(0);
    expect(shareShortfall(5, 10, 0.6)).toBe(3); // 8/13 = 0.615; 7/12 = 0.583
  });
  it("effectiveness: the same smallest k with (n+k)/(d+k) ≥ t, without float slips", () => {
    expect(effectivenessShortfall(0, 10, 0.3)).toBe(5); // 5/15 = 33 %; 4/14 = 28.6 %
    expect(effectivenessShortfall(2, 10, 0.33)).toBe(2); // 4/12 = 33.3 %; 3/11 = 27.3 %
  });
});
