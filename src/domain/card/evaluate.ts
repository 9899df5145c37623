import { serialToIso } from "../dates";
import { COLUMN_BY_KEY } from "../register/columns";
import { deriveInto, GROUPS, isEvaluable, newDerived } from "./groups";
import { Card, Criterion, CriterionResult, Evaluation, GroupId, Participant, RowIssue } from "./types";

/** Rule id of the evaluation's own row warning (the row checks do not know the as-of date). */
export const JOB_AFTER_AS_OF = "date.jobAfterAsOf";

/** The base (denominator group) of a share-like criterion. */
export function baseOf(c: Criterion, card: Card): GroupId {
  if (c.base) return c.base;
  return c.subQuota ? card.parameters.subQuotaBase : "all";
}

/**
 * Shortfall of a share quota n/d < t: the smallest x of additional participants of the group with
 * (n+x)/(d+x) ≥ t; 0 when met. For t ≥ 1 no number of additions reaches it: the shortfall is d − n
 * (participants whose row must change).
 */
export function shareShortfall(n: number, d: number, t: number): number {
  if (d > 0 && n / d >= t) return 0;
  if (t >= 1) return Math.max(d - n, d === 0 ? 1 : 0);
  let x = Math.max(0, Math.floor((t * d - n) / (1 - t)) - 2);
  while ((n + x) / (d + x) < t) x++;
  return x;
}

/**
 * Effectiveness shortfall: the smallest k ≥ 0 with (n+k)/(d+k) ≥ t — k more participants of the group who end
 * and find a qualifying job (the "add k people" rule of the formal quotas, `shareShortfall`). Those whose
 * window has closed without a job stay in d: only new results (pending participants, or people still in the
 * project) can close the gap. Not applicable (null in the result) when nobody ended (d = 0).
 */
export function effectivenessShortfall(n: number, d: number, t: number): number {
  return shareShortfall(n, d, t);
}

interface Tally {
  n: number;
  d: number;
  /** effectiveness: ended in the group (incl. pending) */
  ended: number;
  pending: number;
}

/** Evaluates in batches (so a long register can be evaluated between UI updates); same result as `evaluate`. */
export interface CardEvaluator {
  add(participants: Iterable<Participant>): void;
  result(rowIssues?: RowIssue[]): Evaluation;
}

export function cardEvaluator(card: Card, asOf: number): CardEvaluator {
  const params = card.parameters;
  const crit = card.criteria;
  const tallies: Tally[] = crit.map(() => ({ n: 0, d: 0, ended: 0, pending: 0 }));
  // Each group the card uses is tested once per participant (into `member`), not once per criterion using it:
  // the 9.1 card has 32 criteria over 16 groups (issue 15 item 5).
  const used: GroupId[] = [];
  const slot = (g: GroupId): number => {
    const i = used.indexOf(g);
    return i >= 0 ? i : used.push(g) - 1;
  };
  const groupOf = crit.map((c) => slot(c.group));
  const baseOfCrit = crit.map((c) => slot(baseOf(c, card)));
  const tests = used.map((g) => GROUPS[g].test);
  const member = new Uint8Array(used.length);
  /** The derived flags of the participant being counted (one object, refilled: nothing keeps it). */
  const scratch = newDerived();
  let count = 0;
  let pendingAll = 0;
  const own: RowIssue[] = [];
  const asOfIso = serialToIso(asOf);
  const add = (participants: Iterable<Participant>): void => {
    for (const p of participants) {
      if (!isEvaluable(p)) continue;
      count++;
      if (p.jobStartDate !== null && p.jobStartDate > asOf) {
        const job = serialToIso(p.jobStartDate);
        own.push({
          row: p.row,
          column: COLUMN_BY_KEY.get("jobStartDate")?.header ?? "",
          rule: JOB_AFTER_AS_OF,
          severity: "warning",
          message: {
            pl: `Zatrudnienie od ${job}, po dniu „stan na” ${asOfIso} — jeszcze nie liczy się do efektywności ani rezultatów; sprawdź datę albo przelicz później.`,
            en: `Job from ${job}, after the as-of date ${asOfIso} — not counted yet for effectiveness or results; check the date or recalculate later.`,
          },
        });
      }
      const dv = deriveInto(scratch, p, params, asOf);
      if (dv.effPopulation && dv.pending) pendingAll++;
      for (let g = 0; g < tests.length; g++) member[g] = tests[g](p, dv, params) ? 1 : 0;
      for (let i = 0; i < crit.length; i++) {
        const c = crit[i];
        const t = tallies[i];
        switch (c.measure) {
          case "share":
            if (member[baseOfCrit[i]] === 1) {
              t.d++;
              if (member[groupOf[i]] === 1) t.n++;
            }
            break;
          case "resultShare":
            if (dv.left && member[baseOfCrit[i]] === 1) {
              t.d++;
              if (member[groupOf[i]] === 1) t.n++;
            }
            break;
          case "count":
          case "productCount":
            if (member[groupOf[i]] === 1) t.n++;
            break;
          case "effectiveness":
            if (dv.effPopulation && dv.ended && member[groupOf[i]] === 1) {
              t.ended++;
              if (dv.pending) t.pending++;
              else {
                t.d++;
                if (dv.employed) t.n++;
              }
            }
            break;
        }
      }
    }
  };
  const finish = (rowIssues: RowIssue[] = []): Evaluation => {
    const criteria = crit.map((c, i) => result(c, tallies[i]));
    return {
      card: card.id,
      asOf: asOfIso,
      participants: count,
      pending: pendingAll,
      criteria,
      rowIssues: own.length === 0 ? rowIssues : mergeByRow(rowIssues, own),
    };
  };
  return { add, result: finish };
}

/** Two row-ordered issue lists as one, row by row (stable: `a`'s issues of a row come first). */
function mergeByRow(a: readonly RowIssue[], b: readonly RowIssue[]): RowIssue[] {
  const out: RowIssue[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j].row < x.row) out.push(b[j++]);
    out.push(x);
  }
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * Evaluates a card over participants at `asOf` (Excel serial). One pass over the participants; memory is
 * O(criteria). Rows failing `isEvaluable` are left out; `rowIssues` (the row checks') is passed through for the
 * report, with the evaluation's own warnings merged in by row (a job start after `asOf`: not counted yet).
 */
export function evaluate(
  participants: Iterable<Participant>,
  card: Card,
  asOf: number,
  rowIssues: RowIssue[] = [],
): Evaluation {
  const e = cardEvaluator(card, asOf);
  e.add(participants);
  return e.result(rowIssues);
}

function result(c: Criterion, t: Tally): CriterionResult {
  const threshold = c.threshold ?? null;
  const base: CriterionResult = {
    id: c.id,
    kind: c.kind,
    label: c.label,
    numerator: t.n,
    denominator: null,
    share: null,
    threshold,
    met: null,
    points: null,
    shortfall: null,
  };
  switch (c.measure) {
    case "share":
    case "resultShare": {
      base.denominator = t.d;
      base.share = t.d > 0 ? t.n / t.d : null;
      if (threshold !== null && t.d > 0) {
        base.met = t.n / t.d >= threshold;
        base.shortfall = shareShortfall(t.n, t.d, threshold);
      }
      break;
    }
    case "count":
      if (threshold !== null) {
        base.met = t.n >= threshold;
        base.shortfall = Math.max(0, threshold - t.n);
      }
      break;
    case "productCount":
      base.target = c.target;
      break;
    case "effectiveness":
      base.denominator = t.d;
      base.share = t.d > 0 ? t.n / t.d : null;
      base.pending = t.pending;
      if (threshold !== null && t.d > 0) {
        base.met = t.n / t.d >= threshold;
        base.shortfall = effectivenessShortfall(t.n, t.d, threshold);
      }
      break;
  }
  if (c.kind === "premium") {
    if (c.points === null || c.points === undefined) base.points = null;
    else base.points = base.met === true ? c.points : 0;
  }
  return base;
}

/** Exit-code rule of `miernik check`: every formal and effectiveness criterion met or not applicable. */
export function allRequiredMet(e: Evaluation): boolean {
  return e.criteria.every((c) => (c.kind !== "formal" && c.kind !== "effectiveness") || c.met !== false);
}
