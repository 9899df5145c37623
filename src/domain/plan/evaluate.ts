/**
 * `evaluatePlan(card, plan)`: the card's criteria over the applicant's PLANNED numbers — the reference for
 * the `Plan projektu` sheet's formulas (src/workbook/plan/sheet.ts), which must give exactly these figures.
 *
 * Rules (the sheet mirrors each one):
 * - A planned value counts when it is a whole number ≥ 0; anything else (text, negative, fraction) counts
 *   as 0 and is a finding. Empty = 0.
 * - share: n = planned group (within the base), d = planned base; met ⇔ d > 0 ∧ n/d ≥ t (null when d = 0).
 *   Shortfall at the planned base: 0 when met, else ⌈t·d − n⌉ (ROUND(…, 9) first, as the sheet).
 * - count: met ⇔ n ≥ t; shortfall t − n.  effectiveness: n = planned employed, d = planned ended, as share.
 * - resultShare: n = planned result, d = planned base.  productCount: n = planned group, reached = n/target.
 * - minimum: the smallest number meeting the criterion "przy N uczestnikach": ⌈t·base⌉ where the base is N,
 *   or the minimum of the base group's own criterion over N (sub-quotas: 48 unemployed → 29 long-term),
 *   or else the planned base; count: t.
 */
import { derive, GROUPS, isEvaluable } from "../card/groups";
import type { Card, Criterion, GroupId, Participant } from "../card/types";
import type { Localized } from "../i18n";
import {
  chainOf,
  crossKey,
  employedKey,
  endedKey,
  EXCLUSIVE_STATUSES,
  OTHER_COMPLEMENT,
  parentOf,
  PlanField,
  planFields,
  resultKey,
} from "./fields";
import { groupForms, locForm, numText, pluralForm } from "./words";

/** What the applicant typed, by field key (cells as read: numbers, text, booleans, null). */
export type PlanInput = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface PlanCriterion {
  id: string;
  kind: Criterion["kind"];
  label: Localized;
  numerator: number;
  denominator: number | null;
  share: number | null;
  threshold: number | null;
  met: boolean | null;
  points: number | null;
  shortfall: number | null;
  minimum: number | null;
  target?: number;
  /** Product indicators: planned / the call's target (null when the target is 0). */
  reached?: number | null;
}

export type PlanRule = "notNumber" | "negative" | "fraction" | "exceeds" | "otherExceeds" | "statusSum";

export interface PlanFinding {
  key: string;
  rule: PlanRule;
  /** The reason, exactly as the sheet's check column writes it. */
  message: Localized;
  fix: Localized;
}

export interface PlanEvaluation {
  card: string;
  /** Planned participants (N). */
  participants: number;
  /** Effective value of every field. */
  values: Record<string, number>;
  criteria: PlanCriterion[];
  premiumPoints: number;
  premiumPossible: number;
  /** Every formal and effectiveness criterion met or not applicable, and no finding. */
  allRequiredMet: boolean;
  findings: PlanFinding[];
  /** The "minimums for N participants" sentences, as the sheet writes them. */
  minimums: Localized[];
}

/** The sheet's ROUND(x, 9) (HyperFormula's and Excel's rounding of a non-negative x). */
export function round9(x: number): number {
  return x < 0 ? -Math.round(-x * 1e9) / 1e9 : Math.round(x * 1e9) / 1e9;
}
/** CEILING(ROUND(x, 9), 1). */
export function ceil9(x: number): number {
  return Math.ceil(round9(x));
}

export function effectiveValue(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 && Number.isInteger(v) ? v : 0;
}

function baseGroup(card: Card, c: Criterion): GroupId {
  if (c.base) return c.base;
  return c.subQuota ? card.parameters.subQuotaBase : "all";
}

/** The field keys of a criterion's numerator and denominator (null: none). */
export function criterionFieldKeys(card: Card, c: Criterion): { n: string; d: string | null } {
  switch (c.measure) {
    case "share": {
      const b = baseGroup(card, c);
      if (c.group === "all") return { n: b, d: b };
      const ancestor = b === "all" || chainOf(c.group).includes(b);
      return { n: ancestor ? c.group : crossKey(c.group, b), d: b };
    }
    case "count":
    case "productCount":
      return { n: c.group, d: null };
    case "effectiveness":
      return { n: employedKey(c.group), d: endedKey(c.group) };
    case "resultShare":
      return { n: resultKey(c.group, baseGroup(card, c)), d: baseGroup(card, c) };
  }
}

/**
 * Where a share criterion's minimum base comes from: "N" (base all), the criterion (index) that sets the
 * base group's minimum over N (the first share criterion with that group over all participants), or the
 * planned base ("plan").
 */
export function minimumBase(
  card: Card,
  c: Criterion,
): { from: "N" } | { from: "criterion"; index: number } | { from: "plan" } {
  const b = baseGroup(card, c);
  if (b === "all") return { from: "N" };
  const i = card.criteria.findIndex(
    (x) => x.measure === "share" && x.group === b && baseGroup(card, x) === "all",
  );
  return i >= 0 && card.criteria[i] !== c ? { from: "criterion", index: i } : { from: "plan" };
}

/** The fix of a cell that is no number (the message already says to type a whole number ≥ 0). */
const FIX_INTEGER: Localized = {
  pl: "Same cyfry, bez słów i jednostek (np. 12, nie „12 osób”).",
  en: "Digits only, no words or units (e.g. 12, not “12 people”).",
};

/**
 * The fix of a number stored as text ("48" in a cell formatted as Text, or typed after an apostrophe): the
 * digits are right, the cell is not — saying "digits only" would send the applicant in circles.
 */
const FIX_NUMBER_AS_TEXT = (raw: string): Localized => ({
  pl: `W komórce jest tekst „${raw.trim()}”, nie liczba (format Tekst albo apostrof przed liczbą): ustaw format Ogólny lub Liczbowy i wpisz liczbę ponownie.`,
  en: `The cell holds the text “${raw.trim()}”, not a number (Text format or a leading apostrophe): set the format to General or Number and type the number again.`,
});
/**
 * A text that reads as a whole number in every locale: digits, an optional sign, thousands spaces ("1 875").
 * ("12,5" is not: in an English Excel it stays text however it is retyped.)
 */
const NUMBER_AS_TEXT = /^[-+]?\d{1,3}(?:[ \u00a0\u202f]?\d{3})*$/;

/** The finding of one field (the first rule it breaks), or null. */
function fieldFinding(
  f: PlanField,
  raw: unknown,
  v: Record<string, number>,
  byKey: Map<string, PlanField>,
): PlanFinding | null {
  const key = f.key;
  const empty = raw === null || raw === undefined || raw === "";
  if (!empty && typeof raw !== "number")
    return {
      key,
      rule: "notNumber",
      message: { pl: "Nie liczba: wpisz liczbę całkowitą ≥ 0", en: "Not a number: type a whole number ≥ 0" },
      fix: typeof raw === "string" && NUMBER_AS_TEXT.test(raw.trim()) ? FIX_NUMBER_AS_TEXT(raw) : FIX_INTEGER,
    };
  if (typeof raw === "number" && raw < 0)
    return {
      key,
      rule: "negative",
      message: { pl: "Liczba ujemna: wpisz liczbę całkowitą ≥ 0", en: "Negative: type a whole number ≥ 0" },
      fix: { pl: "Wpisz 0 lub liczbę dodatnią.", en: "Type 0 or a positive number." },
    };
  if (typeof raw === "number" && !Number.isInteger(raw))
    return {
      key,
      rule: "fraction",
      message: { pl: "Ułamek: wpisz liczbę całkowitą", en: "A fraction: type a whole number" },
      fix: { pl: "Zaokrąglij do całkowitej liczby osób.", en: "Round to a whole number of persons." },
    };
  for (const w of f.within) {
    if (v[key] > v[w]) {
      const l = byKey.get(w)?.label ?? { pl: w, en: w };
      return {
        key,
        rule: "exceeds",
        message: { pl: `Więcej niż „${l.pl}” (${numText(v[w])})`, en: `More than “${l.en}” (${v[w]})` },
        fix: {
          pl: `Wpisz najwyżej ${numText(v[w])} albo zwiększ „${l.pl}”.`,
          en: `Type at most ${v[w]} or increase “${l.en}”.`,
        },
      };
    }
  }
  if (f.kind === "count" && f.group === "other") {
    const others = OTHER_COMPLEMENT.filter((g) => byKey.has(g));
    if (others.length > 0) {
      const left = Math.max(0, v.all - Math.max(...others.map((g) => v[g])));
      if (v[key] > left)
        return {
          key,
          rule: "otherExceeds",
          message: {
            pl: `Więcej niż zostawiają pozostałe grupy (${numText(left)})`,
            en: `More than the other groups leave (${left})`,
          },
          fix: {
            pl: "„Pozostali uczestnicy” nie należą do żadnej z grup 50+, kobiet, osób z niepełnosprawnościami, długotrwale bezrobotnych ani o niskich kwalifikacjach: zmniejsz tę liczbę albo największą z tych grup.",
            en: "“Other participants” belong to none of the 50+, women, disabled, long-term unemployed or low-qualified groups: lower this number or the largest of those groups.",
          },
        };
    }
  }
  if (f.kind === "count" && f.group === "all") {
    const statuses = EXCLUSIVE_STATUSES.filter((g) => byKey.has(g) && parentOf(g) === "all");
    if (statuses.length > 1) {
      const sum = statuses.reduce((s, g) => s + v[g], 0);
      if (sum > v.all)
        return {
          key,
          rule: "statusSum",
          message: {
            pl: `Mniej niż suma grup statusu na rynku pracy (${numText(sum)})`,
            en: `Less than the labour-market status groups together (${sum})`,
          },
          fix: {
            pl: `Status na rynku pracy jest jeden na osobę: zwiększ liczbę uczestników do co najmniej ${numText(sum)} albo zmniejsz grupy statusu.`,
            en: `Each person has one labour-market status: raise the total to at least ${sum} or lower the status groups.`,
          },
        };
    }
  }
  return null;
}

export function evaluatePlan(card: Card, plan: PlanInput): PlanEvaluation {
  const fields = planFields(card);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const v: Record<string, number> = {};
  for (const f of fields) v[f.key] = effectiveValue(plan[f.key]);
  const findings: PlanFinding[] = [];
  for (const f of fields) {
    const x = fieldFinding(f, plan[f.key], v, byKey);
    if (x) findings.push(x);
  }
  const N = v.all;
  const minimums: (number | null)[] = [];
  const criteria: PlanCriterion[] = card.criteria.map((c, i) => {
    const keys = criterionFieldKeys(card, c);
    const n = v[keys.n];
    const d = keys.d === null ? null : v[keys.d];
    const t = c.threshold ?? null;
    const r: PlanCriterion = {
      id: c.id,
      kind: c.kind,
      label: c.label,
      numerator: n,
      denominator: d,
      share: d !== null && d > 0 ? n / d : null,
      threshold: t,
      met: null,
      points: null,
      shortfall: null,
      minimum: null,
    };
    if (c.measure === "count") {
      if (t !== null) {
        r.met = n >= t;
        r.shortfall = Math.max(0, t - n);
        r.minimum = t;
      }
    } else if (c.measure === "productCount") {
      r.target = c.target;
      r.reached = c.target !== undefined && c.target > 0 ? n / c.target : null;
    } else if (t !== null && d !== null) {
      if (d > 0) {
        r.met = n / d >= t;
        r.shortfall = r.met ? 0 : Math.max(0, ceil9(t * d - n));
      }
      let base = d;
      if (c.measure === "share") {
        const mb = minimumBase(card, c);
        base = mb.from === "N" ? N : mb.from === "criterion" ? (minimums[mb.index] ?? 0) : d;
      }
      r.minimum = ceil9(t * base);
    }
    if (c.kind === "premium")
      r.points = c.points === null || c.points === undefined ? null : r.met === true ? c.points : 0;
    minimums[i] = r.minimum;
    return r;
  });
  const premium = card.criteria.filter((c) => c.kind === "premium");
  const premiumPoints = criteria.reduce(
    (s, c) => s + (c.kind === "premium" && c.points !== null ? c.points : 0),
    0,
  );
  const premiumPossible = premium.reduce((s, c) => s + (c.points ?? 0), 0);
  const allRequiredMet =
    findings.length === 0 &&
    criteria.every((c) => (c.kind !== "formal" && c.kind !== "effectiveness") || c.met !== false);
  return {
    card: card.id,
    participants: N,
    values: v,
    criteria,
    premiumPoints,
    premiumPossible,
    allRequiredMet,
    findings,
    minimums: minimumSentences(card, criteria, v),
  };
}

/** The sentences of the minimums block (see the module comment of words.ts and sheet.ts). */
export function minimumSentences(
  card: Card,
  results: readonly PlanCriterion[],
  v: Record<string, number>,
): Localized[] {
  const p = card.parameters;
  const N = v.all;
  const lines: Localized[] = [];
  const subsOf = (i: number) =>
    card.criteria
      .map((c, j) => ({ c, j }))
      .filter(({ c }) => c.measure === "share" && (c.kind === "formal" || c.kind === "premium"))
      .filter(({ c }) => {
        const mb = minimumBase(card, c);
        return mb.from === "criterion" && mb.index === i;
      });
  const premiumSuffix = (c: Criterion): Localized =>
    c.kind !== "premium"
      ? { pl: "", en: "" }
      : c.points === null || c.points === undefined
        ? { pl: " (kryterium premiujące)", en: " (premium criterion)" }
        : { pl: ` (premia ${c.points} pkt)`, en: ` (premium ${c.points} points)` };
  const phrase = (m: number, g: GroupId): Localized => ({
    pl: `${numText(m)} ${pluralForm(m, groupForms(g, p))}`,
    en: `${m} ${g === "all" ? "participants" : GROUPS[g].label.en}`,
  });
  card.criteria.forEach((c, i) => {
    const r = results[i];
    if (c.kind !== "formal" && c.kind !== "premium" && c.kind !== "effectiveness") return;
    const m = r.minimum ?? 0;
    if (c.measure === "share") {
      const mb = minimumBase(card, c);
      if (mb.from === "criterion") return; // said in its base's sentence ("w tym …")
      const subs = subsOf(i);
      const first = phrase(m, c.group === "all" ? baseGroup(card, c) : c.group);
      const subText = (lang: "pl" | "en"): string => {
        if (subs.length === 0) return "";
        const parts = subs.map(
          ({ c: s, j }) => phrase(results[j].minimum ?? 0, s.group)[lang] + premiumSuffix(s)[lang],
        );
        const and = lang === "pl" ? " i " : " and ";
        const joined =
          parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")}${and}${parts[parts.length - 1]}`;
        return lang === "pl" ? `, w tym ${joined}` : `, of which ${joined}`;
      };
      const b = baseGroup(card, c);
      const P = mb.from === "N" ? N : v[b];
      const head: Localized =
        mb.from === "N"
          ? { pl: `Przy ${numText(N)} ${locForm(N, groupForms("all", p))}`, en: `With ${N} participants` }
          : {
              pl: `Przy ${numText(P)} ${locForm(P, groupForms(b, p))}`,
              en: `With ${P} ${GROUPS[b].label.en}`,
            };
      lines.push({
        pl: `${head.pl}: co najmniej ${first.pl}${premiumSuffix(c).pl}${subText("pl")}`,
        en: `${head.en}: at least ${first.en}${premiumSuffix(c).en}${subText("en")}`,
      });
    } else if (c.measure === "count") {
      const n = r.numerator;
      const short = Math.max(0, m - n);
      lines.push({
        pl: `Co najmniej ${phrase(m, c.group).pl}${short > 0 ? ` (w planie brakuje ${numText(short)})` : ""}`,
        en: `At least ${phrase(m, c.group).en}${short > 0 ? ` (the plan is ${short} short)` : ""}`,
      });
    } else if (c.measure === "effectiveness") {
      const E = r.denominator ?? 0;
      lines.push({
        pl: `${c.label.pl} — przy ${numText(E)} ${locForm(E, groupForms("ended", p))} co najmniej ${numText(m)} ${pluralForm(m, groupForms("employed", p))}`,
        en: `${c.label.en} — with ${E} ending the project at least ${m} employed`,
      });
    }
  });
  return lines;
}

/**
 * The plan a register amounts to: every field set to the number of evaluable participants it counts
 * (effectiveness: ended and not pending, as the evaluation's denominator). Its formal criteria must agree
 * with `evaluate()` of the same register.
 */
export function planFromRegister(
  participants: Iterable<Participant>,
  card: Card,
  asOf: number,
): Record<string, number> {
  const fields = planFields(card);
  const params = card.parameters;
  const out: Record<string, number> = {};
  for (const f of fields) out[f.key] = 0;
  const inChain = (g: GroupId, p: Participant, d: ReturnType<typeof derive>) =>
    chainOf(g).every((x) => GROUPS[x].test(p, d, params));
  for (const p of participants) {
    if (!isEvaluable(p)) continue;
    const d = derive(p, params, asOf);
    for (const f of fields) {
      let hit = false;
      switch (f.kind) {
        case "count":
          hit = inChain(f.group, p, d);
          break;
        case "cross":
          hit = inChain(f.group, p, d) && inChain(f.base as GroupId, p, d);
          break;
        case "ended":
          hit = d.effPopulation && d.ended && !d.pending && inChain(f.group, p, d);
          break;
        case "employed":
          hit = d.effPopulation && d.ended && d.employed && inChain(f.group, p, d);
          break;
        case "result":
          hit = d.left && inChain(f.base as GroupId, p, d) && GROUPS[f.group].test(p, d, params);
          break;
      }
      if (hit) out[f.key]++;
    }
  }
  return out;
}

/**
 * The smallest plan of N participants the card admits (`miernik plan --participants N`): N, and for every
 * formal share criterion and every premium one that carries points, its group at the minimum the card
 * asks "przy N uczestnikach" (sub-quotas within their group's minimum). Bases not set by N (trained,
 * internships) and the effectiveness numbers stay empty for the applicant.
 */
export function minimumPlan(card: Card, N: number): Record<string, number> {
  const out: Record<string, number> = { all: N };
  const e = evaluatePlan(card, { all: N });
  card.criteria.forEach((c, i) => {
    if (c.measure !== "share") return;
    if (c.kind !== "formal" && !(c.kind === "premium" && (c.points ?? 0) > 0)) return;
    if (minimumBase(card, c).from === "plan") return;
    const key = criterionFieldKeys(card, c).n;
    out[key] = Math.max(out[key] ?? 0, e.criteria[i].minimum ?? 0);
  });
  return out;
}
