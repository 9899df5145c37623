/**
 * The `Plan projektu` sheet's formulas, evaluated by HyperFormula, give exactly `evaluatePlan()`: 200 random
 * consistent plans per card, random bad input, 30+ hand-made boundary plans (each with the verdict it must
 * have), and the minimums in words against sentences written by hand.
 */
import { HyperFormula } from "hyperformula";
import * as fs from "fs";
import * as path from "path";
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../../src/domain/card/load";
import type { Card } from "../../../src/domain/card/types";
import { evaluatePlan, PlanInput } from "../../../src/domain/plan/evaluate";
import { planFields } from "../../../src/domain/plan/fields";
import { parseA1 } from "../../../src/workbook/address";
import {
  buildPlanSheetPlan,
  planCellMap,
  planNames,
  PLAN_SHEET,
} from "../../../src/workbook/projectPlan/sheet";
import { loadPlans, valueAt } from "../summary/hfLoader";
import { badPlan, expectSheetMatches, Get, randomPlan } from "./planFixtures";

const card91 = builtinCard(DEFAULT_CARD_ID) as Card;
const otherCard = parseCardText(
  fs.readFileSync(path.join(__dirname, "../../fixtures/cards/other-call.json"), "utf8"),
);

/** One HyperFormula workbook per card; each plan is typed into the input cells and recalculated. */
function sheetFor(
  card: Card,
  lang: "pl" | "en" = "pl",
): { hf: HyperFormula; check(input: PlanInput, ctx: string): void } {
  const hf = loadPlans([buildPlanSheetPlan(card, { lang })], planNames(card));
  const sheet = hf.getSheetId(PLAN_SHEET) as number;
  const map = planCellMap(card);
  const get: Get = (a) => {
    const { row, col } = parseA1(a);
    return valueAt(hf, PLAN_SHEET, row, col);
  };
  return {
    hf,
    check(input, ctx) {
      hf.batch(() => {
        for (const f of planFields(card)) {
          const { row, col } = parseA1(map.fields[f.key].plan);
          const v = input[f.key];
          hf.setCellContents({ sheet, row, col }, typeof v === "string" ? `'${v}` : (v ?? null));
        }
      });
      expectSheetMatches(card, input, get, ctx, 1e-9, lang);
    },
  };
}

describe("plan sheet = evaluatePlan() (HyperFormula)", () => {
  const s91 = sheetFor(card91);
  const sOther = sheetFor(otherCard);
  afterAll(() => {
    s91.hf.destroy();
    sOther.hf.destroy();
  });

  test("the English sheet: same figures, English checks and sentences (20 plans)", () => {
    const en = sheetFor(card91, "en");
    for (let i = 0; i < 10; i++) en.check(randomPlan(card91, 9000 + i), `en ${i}`);
    for (let i = 0; i < 10; i++) en.check(badPlan(card91, 9100 + i), `en bad ${i}`);
    en.hf.destroy();
  });

  test("an empty plan", () => {
    s91.check({}, "empty");
    sOther.check({}, "empty other");
  });

  test("200 random consistent plans (card 9.1) have no findings and agree", () => {
    for (let i = 0; i < 200; i++) {
      const p = randomPlan(card91, 1000 + i);
      expect([i, evaluatePlan(card91, p).findings]).toEqual([i, []]);
      s91.check(p, `random ${i}`);
    }
  });

  test("the second card works without code changes (30 random plans)", () => {
    for (let i = 0; i < 30; i++) sOther.check(randomPlan(otherCard, 5000 + i), `other ${i}`);
  });

  test("bad input: text, negatives, fractions, booleans, groups larger than theirs — same checks", () => {
    let findings = 0;
    for (let i = 0; i < 30; i++) {
      const p = badPlan(card91, 7000 + i);
      findings += evaluatePlan(card91, p).findings.length;
      s91.check(p, `bad ${i}`);
    }
    for (let i = 0; i < 10; i++) sOther.check(badPlan(otherCard, 8000 + i), `bad other ${i}`);
    expect(findings).toBeGreaterThan(30);
  });

  /** A plan meeting every formal criterion of 9.1 at N participants (effectiveness exactly at thresholds). */
  const base = (N: number): Record<string, number> => ({
    all: N,
    unemployed: Math.ceil(0.8 * N),
    longTermUnemployed: Math.ceil(0.6 * Math.ceil(0.8 * N)),
    leavingAgriculture: Math.ceil(0.15 * Math.ceil(0.8 * N)),
    inactive: N - Math.ceil(0.8 * N),
    ipd: N,
    internship: 10,
    internshipCompliant: 10,
  });
  const met = (input: PlanInput, id: string) =>
    evaluatePlan(card91, input).criteria.find((c) => c.id === id)!.met;

  // [name, plan, criterion, expected met] — the verdict is stated by hand, the sheet must agree with it.
  const boundary: [string, Record<string, number>, string, boolean | null][] = [
    ["N = 50 meets the size", base(50), "formal.minParticipants", true],
    ["N = 49 is one short", base(49), "formal.minParticipants", false],
    ["unemployed exactly 80% (40/50)", { ...base(50), unemployed: 40 }, "formal.unemployed", true],
    [
      "unemployed one below (39/50)",
      { ...base(50), unemployed: 39, longTermUnemployed: 24 },
      "formal.unemployed",
      false,
    ],
    [
      "long-term exactly 60% (24/40)",
      { ...base(50), longTermUnemployed: 24 },
      "formal.longTermUnemployed",
      true,
    ],
    [
      "long-term one below (23/40)",
      { ...base(50), longTermUnemployed: 23 },
      "formal.longTermUnemployed",
      false,
    ],
    [
      "leaving agriculture exactly 15% (6/40)",
      { ...base(50), leavingAgriculture: 6 },
      "formal.leavingAgriculture",
      true,
    ],
    [
      "leaving agriculture one below (5/40)",
      { ...base(50), leavingAgriculture: 5 },
      "formal.leavingAgriculture",
      false,
    ],
    [
      "leaving agriculture 15% of 60 unemployed (9)",
      { ...base(75), unemployed: 60, inactive: 15, leavingAgriculture: 9 },
      "formal.leavingAgriculture",
      true,
    ],
    ["IPD for all (50/50)", base(50), "formal.ipd", true],
    ["IPD one missing (49/50)", { ...base(50), ipd: 49 }, "formal.ipd", false],
    ["internships all compliant (10/10)", base(50), "formal.internship", true],
    [
      "internships one not compliant (9/10)",
      { ...base(50), internshipCompliant: 9 },
      "formal.internship",
      false,
    ],
    [
      "no internships: not applicable",
      { ...base(50), internship: 0, internshipCompliant: 0 },
      "formal.internship",
      null,
    ],
    ["N = 0: shares not applicable", { all: 0 }, "formal.unemployed", null],
    [
      "50+ effectiveness exactly 33% (33/100)",
      { ...base(150), age50plus: 100, ended_age50plus: 100, employed_age50plus: 33 },
      "effectiveness.age50plus",
      true,
    ],
    [
      "50+ effectiveness one below (32/100)",
      { ...base(150), age50plus: 100, ended_age50plus: 100, employed_age50plus: 32 },
      "effectiveness.age50plus",
      false,
    ],
    [
      "women exactly 39% (39/100)",
      { ...base(150), women: 100, ended_women: 100, employed_women: 39 },
      "effectiveness.women",
      true,
    ],
    [
      "women one below (38/100)",
      { ...base(150), women: 100, ended_women: 100, employed_women: 38 },
      "effectiveness.women",
      false,
    ],
    [
      "long-term effectiveness 30% (15/50)",
      { ...base(100), ended_longTermUnemployed: 48, employed_longTermUnemployed: 15 },
      "effectiveness.longTermUnemployed",
      true,
    ],
    [
      "long-term effectiveness 14/48 below",
      { ...base(100), ended_longTermUnemployed: 48, employed_longTermUnemployed: 14 },
      "effectiveness.longTermUnemployed",
      false,
    ],
    [
      "low-qualified 38% (19/50)",
      { ...base(60), lowQualified: 50, ended_lowQualified: 50, employed_lowQualified: 19 },
      "effectiveness.lowQualified",
      true,
    ],
    [
      "low-qualified one below (18/50)",
      { ...base(60), lowQualified: 50, ended_lowQualified: 50, employed_lowQualified: 18 },
      "effectiveness.lowQualified",
      false,
    ],
    [
      "other 45% (9/20)",
      { ...base(60), other: 20, ended_other: 20, employed_other: 9 },
      "effectiveness.other",
      true,
    ],
    [
      "other one below (8/20)",
      { ...base(60), other: 20, ended_other: 20, employed_other: 8 },
      "effectiveness.other",
      false,
    ],
    [
      "disabled effectiveness 33% (33/100)",
      { ...base(150), disabled: 100, ended_disabled: 100, employed_disabled: 33 },
      "effectiveness.disabled",
      true,
    ],
    ["nobody of a group ends: not applicable", { ...base(60), women: 20 }, "effectiveness.women", null],
    [
      "white/green exactly 10% (3/30)",
      { ...base(60), trained: 30, trainedWhiteGreen: 3 },
      "premium.whiteGreenEconomy",
      true,
    ],
    [
      "white/green one below (2/30)",
      { ...base(60), trained: 30, trainedWhiteGreen: 2 },
      "premium.whiteGreenEconomy",
      false,
    ],
    [
      "qualifications exactly 80% (24/30)",
      { ...base(60), trained: 30, trainedQualified: 24 },
      "premium.qualifications",
      true,
    ],
    [
      "qualifications one below (23/30)",
      { ...base(60), trained: 30, trainedQualified: 23 },
      "premium.qualifications",
      false,
    ],
    ["50+ exactly 25% (15/60)", { ...base(60), age50plus: 15 }, "premium.age50plus", true],
    ["50+ one below (14/60)", { ...base(60), age50plus: 14 }, "premium.age50plus", false],
    ["disabled exactly 50% (25/50)", { ...base(50), disabled: 25 }, "premium.disabled", true],
    ["disabled one below (24/50)", { ...base(50), disabled: 24 }, "premium.disabled", false],
    ["A1 exactly 45% (18/40)", { ...base(50), employedAfterLeaving_of_unemployed: 18 }, "result.A1", true],
    ["A1 one below (17/40)", { ...base(50), employedAfterLeaving_of_unemployed: 17 }, "result.A1", false],
    [
      "A9 exactly 22% (11/50 leaving agriculture)",
      {
        ...base(100),
        unemployed: 80,
        leavingAgriculture: 50,
        nonAgriculturalJobAfterLeaving_of_leavingAgriculture: 11,
      },
      "result.A9",
      true,
    ],
  ];
  test.each(boundary)("boundary: %s", (name, plan, id, expected) => {
    expect(met(plan, id)).toBe(expected);
    s91.check(plan, name);
  });

  test("the verdict follows the plan: premium points and shortfalls at the boundary", () => {
    const e = evaluatePlan(card91, {
      ...base(60),
      age50plus: 14,
      trained: 30,
      trainedQualified: 23,
      trainedWhiteGreen: 3,
    });
    const by = (id: string) => e.criteria.find((c) => c.id === id)!;
    expect(by("premium.age50plus").shortfall).toBe(1);
    expect(by("premium.qualifications").shortfall).toBe(1);
    expect(e.premiumPoints).toBe(5);
    expect(by("formal.unemployed").minimum).toBe(48);
  });
});

describe("the minimums in words follow N (sentences written by hand)", () => {
  const s = (() => {
    const hf = loadPlans([buildPlanSheetPlan(card91)], planNames(card91));
    return hf;
  })();
  afterAll(() => s.destroy());
  const map = planCellMap(card91);
  const sentences = (N: number): string[] => {
    const { row, col } = parseA1(map.fields.all.plan);
    s.setCellContents({ sheet: s.getSheetId(PLAN_SHEET) as number, row, col }, N);
    return map.minimums.map((a) => {
      const p = parseA1(a);
      return String(valueAt(s, PLAN_SHEET, p.row, p.col));
    });
  };
  const E = "przy 0 osobach kończących udział co najmniej 0 osób zatrudnionych";
  const eff = [
    `Efektywność zatrudnieniowa: osoby w wieku 50 lat i więcej — ${E}`,
    `Efektywność zatrudnieniowa: kobiety — ${E}`,
    `Efektywność zatrudnieniowa: osoby z niepełnosprawnościami — ${E}`,
    `Efektywność zatrudnieniowa: osoby długotrwale bezrobotne — ${E}`,
    `Efektywność zatrudnieniowa: osoby o niskich kwalifikacjach — ${E}`,
    `Efektywność zatrudnieniowa: pozostali uczestnicy — ${E}`,
  ];
  const trained = [
    "Przy 0 osobach szkolonych: co najmniej 0 osób szkolonych w białej/zielonej gospodarce (premia 5 pkt)",
    "Przy 0 osobach szkolonych: co najmniej 0 osób szkolonych z kwalifikacjami (premia 10 pkt)",
  ];
  const expected: Record<number, string[]> = {
    50: [
      "Przy 50 uczestnikach: co najmniej 40 osób bezrobotnych, w tym 24 osoby długotrwale bezrobotne i 6 osób odchodzących z rolnictwa",
      "Przy 50 uczestnikach: co najmniej 50 osób z IPD",
      "Przy 0 osobach odbywających staż: co najmniej 0 osób ze stażem 3–6 mies. powiązanym ze szkoleniem",
      "Co najmniej 50 uczestników",
      ...eff,
      ...trained,
      "Przy 50 uczestnikach: co najmniej 13 osób w wieku 50 lat i więcej (premia 5 pkt)",
      "Przy 50 uczestnikach: co najmniej 25 osób z niepełnosprawnościami (kryterium premiujące)",
    ],
    60: [
      "Przy 60 uczestnikach: co najmniej 48 osób bezrobotnych, w tym 29 osób długotrwale bezrobotnych i 8 osób odchodzących z rolnictwa",
      "Przy 60 uczestnikach: co najmniej 60 osób z IPD",
      "Przy 0 osobach odbywających staż: co najmniej 0 osób ze stażem 3–6 mies. powiązanym ze szkoleniem",
      "Co najmniej 50 uczestników",
      ...eff,
      ...trained,
      "Przy 60 uczestnikach: co najmniej 15 osób w wieku 50 lat i więcej (premia 5 pkt)",
      "Przy 60 uczestnikach: co najmniej 30 osób z niepełnosprawnościami (kryterium premiujące)",
    ],
    61: [
      "Przy 61 uczestnikach: co najmniej 49 osób bezrobotnych, w tym 30 osób długotrwale bezrobotnych i 8 osób odchodzących z rolnictwa",
      "Przy 61 uczestnikach: co najmniej 61 osób z IPD",
      "Przy 0 osobach odbywających staż: co najmniej 0 osób ze stażem 3–6 mies. powiązanym ze szkoleniem",
      "Co najmniej 50 uczestników",
      ...eff,
      ...trained,
      "Przy 61 uczestnikach: co najmniej 16 osób w wieku 50 lat i więcej (premia 5 pkt)",
      "Przy 61 uczestnikach: co najmniej 31 osób z niepełnosprawnościami (kryterium premiujące)",
    ],
    100: [
      "Przy 100 uczestnikach: co najmniej 80 osób bezrobotnych, w tym 48 osób długotrwale bezrobotnych i 12 osób odchodzących z rolnictwa",
      "Przy 100 uczestnikach: co najmniej 100 osób z IPD",
      "Przy 0 osobach odbywających staż: co najmniej 0 osób ze stażem 3–6 mies. powiązanym ze szkoleniem",
      "Co najmniej 50 uczestników",
      ...eff,
      ...trained,
      "Przy 100 uczestnikach: co najmniej 25 osób w wieku 50 lat i więcej (premia 5 pkt)",
      "Przy 100 uczestnikach: co najmniej 50 osób z niepełnosprawnościami (kryterium premiujące)",
    ],
    1875: [
      "Przy 1 875 uczestnikach: co najmniej 1 500 osób bezrobotnych, w tym 900 osób długotrwale bezrobotnych i 225 osób odchodzących z rolnictwa",
      "Przy 1 875 uczestnikach: co najmniej 1 875 osób z IPD",
      "Przy 0 osobach odbywających staż: co najmniej 0 osób ze stażem 3–6 mies. powiązanym ze szkoleniem",
      "Co najmniej 50 uczestników",
      ...eff,
      ...trained,
      "Przy 1 875 uczestnikach: co najmniej 469 osób w wieku 50 lat i więcej (premia 5 pkt)",
      "Przy 1 875 uczestnikach: co najmniej 938 osób z niepełnosprawnościami (kryterium premiujące)",
    ],
    1: [
      "Przy 1 uczestniku: co najmniej 1 osoba bezrobotna, w tym 1 osoba długotrwale bezrobotna i 1 osoba odchodząca z rolnictwa",
      "Przy 1 uczestniku: co najmniej 1 osoba z IPD",
      "Przy 0 osobach odbywających staż: co najmniej 0 osób ze stażem 3–6 mies. powiązanym ze szkoleniem",
      "Co najmniej 50 uczestników (w planie brakuje 49)",
      ...eff,
      ...trained,
      "Przy 1 uczestniku: co najmniej 1 osoba w wieku 50 lat i więcej (premia 5 pkt)",
      "Przy 1 uczestniku: co najmniej 1 osoba z niepełnosprawnościami (kryterium premiujące)",
    ],
  };
  test.each([50, 60, 61, 100, 1875, 1])("N = %d", (N) => {
    expect(sentences(N)).toEqual(expected[N]);
    expect(evaluatePlan(card91, { all: N }).minimums.map((m) => m.pl)).toEqual(expected[N]);
  });

  test("effectiveness and trained sentences follow the planned numbers (2–4 forms)", () => {
    const hf = loadPlans(
      [buildPlanSheetPlan(card91, { values: { all: 60, women: 30, ended_women: 22, trained: 3 } })],
      planNames(card91),
    );
    const at = (a: string) => {
      const p = parseA1(a);
      return valueAt(hf, PLAN_SHEET, p.row, p.col);
    };
    const lines = map.minimums.map(at);
    expect(lines).toContain(
      "Efektywność zatrudnieniowa: kobiety — przy 22 osobach kończących udział co najmniej 9 osób zatrudnionych",
    );
    expect(lines).toContain(
      "Przy 3 osobach szkolonych: co najmniej 3 osoby szkolone z kwalifikacjami (premia 10 pkt)",
    );
    hf.destroy();
  });
});

test("the actual-figure columns are headed only when the register is there to fill them", () => {
  const heading = (withRegister: boolean): unknown[] => {
    const hf = loadPlans([buildPlanSheetPlan(card91, { withRegister })], planNames(card91));
    // Row 4 (0-based 3) heads the plan items; D, E, F are Wykonanie, % planu, Pozostało.
    return [1, 2, 3, 4, 5, 6].map((c) => valueAt(hf, PLAN_SHEET, 3, c));
  };
  expect(heading(true)).toEqual([
    "Pozycja planu",
    "Plan (wpisz)",
    "Wykonanie",
    "% planu",
    "Pozostało",
    "Uwagi",
  ]);
  expect(heading(false)).toEqual(["Pozycja planu", "Plan (wpisz)", null, null, null, "Uwagi"]);
});
