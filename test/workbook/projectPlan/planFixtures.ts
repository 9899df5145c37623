/**
 * Plans for the planner's tests: random consistent plans (every group within its parent, employed within
 * ended, "other" within what the other groups leave), random bad input, and comparison of a sheet's
 * computed cells with `evaluatePlan()`.
 */
import { rng } from "../../../src/domain/card/sample";
import type { Card } from "../../../src/domain/card/types";
import { evaluatePlan, PlanInput } from "../../../src/domain/plan/evaluate";
import { OTHER_COMPLEMENT, planFields } from "../../../src/domain/plan/fields";
import { metWords } from "../../../src/workbook/criteria/plan";
import { planCellMap } from "../../../src/workbook/projectPlan/sheet";

export type Get = (a1: string) => string | number | boolean | null;

/** A consistent plan: N from 0–300 (often 49/50), each field a random part of what bounds it. */
export function randomPlan(card: Card, seed: number): Record<string, number> {
  const r = rng(seed);
  const k = r();
  const N = k < 0.1 ? 49 : k < 0.2 ? 50 : k < 0.25 ? 0 : Math.floor(r() * 300);
  const v: Record<string, number> = { all: N };
  const fields = planFields(card);
  const part = (x: number) => {
    const q = r();
    return q < 0.15 ? x : q < 0.25 ? 0 : Math.floor(r() * (x + 1));
  };
  let statusLeft = N;
  for (const f of fields) {
    if (f.key === "all") continue;
    let bound = Math.min(...f.within.map((w) => v[w] ?? 0));
    if (f.kind === "count" && ["unemployed", "inactive", "employedAtStart"].includes(f.group)) {
      bound = Math.min(bound, statusLeft);
    }
    if (f.kind === "count" && f.group === "other") {
      const others = OTHER_COMPLEMENT.filter((g) => g in v);
      bound = Math.min(bound, Math.max(0, N - Math.max(0, ...others.map((g) => v[g]))));
    }
    v[f.key] = part(bound);
    if (f.kind === "count" && ["unemployed", "inactive", "employedAtStart"].includes(f.group))
      statusLeft -= v[f.key];
  }
  return v;
}

/** A plan with bad cells: text, negatives, fractions, booleans and numbers larger than their group. */
export function badPlan(card: Card, seed: number): Record<string, string | number | boolean | null> {
  const r = rng(seed);
  const out: Record<string, string | number | boolean | null> = { ...randomPlan(card, seed + 7) };
  for (const f of planFields(card)) {
    const q = r();
    if (q < 0.06) out[f.key] = "dużo";
    else if (q < 0.1) out[f.key] = -Math.ceil(r() * 10);
    else if (q < 0.14) out[f.key] = Math.floor(r() * 40) + 0.5;
    else if (q < 0.16) out[f.key] = true;
    else if (q < 0.22) out[f.key] = Math.floor(r() * 400);
    else if (q < 0.26) out[f.key] = null;
  }
  return out;
}

/**
 * Every computed figure of the plan sheet equals evaluatePlan(card, input) — collected into one object per
 * side and compared once (a diff names the cell's meaning).
 */
export function expectSheetMatches(
  card: Card,
  input: PlanInput,
  get: Get,
  ctx: string,
  tolerance = 1e-9,
  lang: "pl" | "en" = "pl",
): void {
  const e = evaluatePlan(card, input);
  const map = planCellMap(card);
  const MET = metWords(lang);
  const metText = (m: boolean | null) => (m === null ? MET.na : m ? MET.yes : MET.no);
  const num = (a: string) => {
    const x = get(a);
    return typeof x === "string" && x !== "" && !Number.isNaN(Number(x)) ? Number(x) : x;
  };
  const got: Record<string, unknown> = {};
  const want: Record<string, unknown> = {};
  const eq = (k: string, g: unknown, w: unknown) => {
    got[k] = g;
    want[k] = w;
  };
  const share = (k: string, a: string, w: number) => {
    const g = num(a);
    // HyperFormula may round a quotient's last bits; LibreOffice's CSV writes percentages as shown.
    eq(k, typeof g === "number" && Math.abs(g - w) < tolerance ? w : g, w);
  };
  for (const f of planFields(card)) {
    const finding = e.findings.find((x) => x.key === f.key);
    eq(`${f.key} check`, get(map.fields[f.key].check) ?? "", finding?.message[lang] ?? "");
    eq(`${f.key} used`, num(map.fields[f.key].used), e.values[f.key]);
  }
  eq("flags", num(map.flagsTotal), e.findings.length);
  for (const c of e.criteria) {
    const at = map.criteria[c.id];
    eq(`${c.id} numerator`, num(at.numerator), c.numerator);
    if (c.denominator !== null) eq(`${c.id} denominator`, num(at.denominator), c.denominator);
    if (c.share !== null) share(`${c.id} share`, at.share, c.share);
    else if (c.denominator !== null) eq(`${c.id} share`, get(at.share) ?? "", "");
    if (c.kind !== "product") {
      eq(`${c.id} met`, get(at.met) ?? "", c.threshold === null ? "" : metText(c.met));
      eq(`${c.id} shortfall`, num(at.shortfall) ?? "", c.shortfall ?? "");
      eq(`${c.id} minimum`, num(at.minimum) ?? "", c.minimum ?? "");
    }
    if (c.kind === "premium") eq(`${c.id} points`, num(at.points), c.points ?? "—");
    if (c.reached !== undefined && c.reached !== null) share(`${c.id} reached`, at.reached, c.reached);
  }
  eq("premium", num(map.premiumPoints), e.premiumPoints);
  eq("possible", num(map.premiumPossible), e.premiumPossible);
  eq("required", get(map.allRequiredMet), e.allRequiredMet ? MET.yes : MET.no);
  map.minimums.forEach((a, i) => eq(`minimum sentence ${i + 1}`, get(a), e.minimums[i]?.[lang]));
  expect([ctx, got]).toEqual([ctx, want]);
}
