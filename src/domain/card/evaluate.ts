import { serialToIso } from "../dates";
import { formatDateIso } from "../i18n";
import { COLUMN_BY_KEY } from "../register/columns";
import { grown } from "../register/refs";
import { ageOf, deriveWithAge, GROUP_BIT, GROUP_IDS, groupMask, isEvaluable, newDerived } from "./groups";
import {
  Card,
  CardParameters,
  Criterion,
  CriterionResult,
  Evaluation,
  GroupId,
  Participant,
  RowIssue,
} from "./types";

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

const MEASURE_CODE: Record<Criterion["measure"], number> = {
  share: 0,
  resultShare: 1,
  count: 2,
  productCount: 2,
  effectiveness: 3,
};

/** The measure flags of a row's profile (`Tallier`), below its group mask. */
const F_EMPLOYED = 1;
const F_PENDING = 2;
const F_ENDED_IN_POPULATION = 4;
const F_LEFT = 8;
const FLAG_BITS = 16;
/** Groups a profile can hold: their bits × FLAG_BITS must stay a non-negative 32-bit integer. */
const PROFILE_GROUPS_MAX = 26;
if (GROUP_IDS.length > PROFILE_GROUPS_MAX)
  throw new Error(`Tallier: ${GROUP_IDS.length} groups do not fit a row profile (${PROFILE_GROUPS_MAX})`);

/**
 * The counting core of the evaluation: per participant, the groups of the card it belongs to as one bit mask
 * (`groupMask`: one straight-line function instead of one call per group) and the four flags the measures
 * read — together the row's profile, one integer. A row only adds one to its profile's count
 * (`ProfileCounts`); the criteria are counted from the few distinct profiles when the tallies are read,
 * each as one or two bit tests (issue 15 item 5). No memory per participant.
 */
export class Tallier {
  count = 0;
  pendingAll = 0;
  private readonly params: CardParameters;
  private readonly asOfIso: string;
  private readonly scratch = newDerived();
  /** The criteria of each measure, by index (count and productCount count alike). */
  private readonly shares: Int32Array;
  private readonly resultShares: Int32Array;
  private readonly counts: Int32Array;
  private readonly effectiveness: Int32Array;
  private readonly group: Int32Array;
  private readonly base: Int32Array;
  private readonly profiles = new ProfileCounts();
  /** The evaluation's own row warnings (a job start after the as-of date): rows and job dates. */
  own = new RowDates();

  constructor(
    private readonly card: Card,
    private readonly asOf: number,
  ) {
    this.params = card.parameters;
    this.asOfIso = serialToIso(asOf);
    const crit = card.criteria;
    const code = crit.map((c) => MEASURE_CODE[c.measure]);
    const of = (k: number) => Int32Array.from(crit.flatMap((_c, i) => (code[i] === k ? [i] : [])));
    this.shares = of(0);
    this.resultShares = of(1);
    this.counts = of(2);
    this.effectiveness = of(3);
    this.group = Int32Array.from(crit, (c) => GROUP_BIT[c.group]);
    this.base = Int32Array.from(crit, (c) => GROUP_BIT[baseOf(c, card)]);
  }

  /** Counts `p` (skipped unless `isEvaluable`); `age` = `ageOf(p)`. */
  add(p: Participant, age: number | null): void {
    if (!isEvaluable(p)) return;
    this.count++;
    if (p.jobStartDate !== null && p.jobStartDate > this.asOf) this.own.add(p.row, p.jobStartDate);
    const dv = deriveWithAge(this.scratch, p, age, this.params, this.asOf);
    if (dv.effPopulation && dv.pending) this.pendingAll++;
    const flags =
      (dv.employed ? F_EMPLOYED : 0) |
      (dv.pending ? F_PENDING : 0) |
      (dv.effPopulation && dv.ended ? F_ENDED_IN_POPULATION : 0) |
      (dv.left ? F_LEFT : 0);
    // The group bits × 16 stay below 2^31 (PROFILE_GROUPS_MAX, checked where GROUP_BIT is read in).
    this.profiles.add(groupMask(p, dv, this.params) * FLAG_BITS + flags);
  }

  /** The criteria's tallies, counted from the profiles so far (reading them changes nothing). */
  tallies(): Tally[] {
    const len = this.card.criteria.length;
    const n = new Float64Array(len);
    const d = new Float64Array(len);
    const ended = new Float64Array(len);
    const pending = new Float64Array(len);
    const { group, base, shares, counts, resultShares, effectiveness } = this;
    // One loop per measure over its criteria (the result shares only for those who left, the effectiveness
    // criteria only for those of its population who ended), `c` rows of the profile at a time.
    this.profiles.forEach((profile, c) => {
      const m = Math.floor(profile / FLAG_BITS);
      const f = profile % FLAG_BITS;
      for (let k = 0; k < shares.length; k++) {
        const i = shares[k];
        if ((m & base[i]) !== 0) {
          d[i] += c;
          if ((m & group[i]) !== 0) n[i] += c;
        }
      }
      for (let k = 0; k < counts.length; k++) if ((m & group[counts[k]]) !== 0) n[counts[k]] += c;
      if ((f & F_LEFT) !== 0)
        for (let k = 0; k < resultShares.length; k++) {
          const i = resultShares[k];
          if ((m & base[i]) !== 0) {
            d[i] += c;
            if ((m & group[i]) !== 0) n[i] += c;
          }
        }
      if ((f & F_ENDED_IN_POPULATION) !== 0)
        for (let k = 0; k < effectiveness.length; k++) {
          const i = effectiveness[k];
          if ((m & group[i]) !== 0) {
            ended[i] += c;
            if ((f & F_PENDING) !== 0) pending[i] += c;
            else {
              d[i] += c;
              if ((f & F_EMPLOYED) !== 0) n[i] += c;
            }
          }
        }
    });
    return Array.from({ length: len }, (_x, i) => ({
      n: n[i],
      d: d[i],
      ended: ended[i],
      pending: pending[i],
    }));
  }

  /** The evaluation's own row warnings, from `from` on, as row issues. */
  ownIssues(from = 0): RowIssue[] {
    const out: RowIssue[] = [];
    const column = COLUMN_BY_KEY.get("jobStartDate")?.header ?? "";
    for (let i = from; i < this.own.size; i++) {
      const job = serialToIso(this.own.date(i));
      out.push({
        row: this.own.row(i),
        column,
        rule: JOB_AFTER_AS_OF,
        severity: "warning",
        message: {
          pl: `Zatrudnienie od ${formatDateIso(job, "pl")}, po dniu „stan na” ${formatDateIso(this.asOfIso, "pl")} — jeszcze nie liczy się do efektywności ani rezultatów; sprawdź datę albo przelicz później.`,
          en: `Job from ${job}, after the as-of date ${this.asOfIso} — not counted yet for effectiveness or results; check the date or recalculate later.`,
        },
      });
    }
    return out;
  }

  /** The evaluation without its row issues (the caller adds them: `rowIssues`). */
  evaluation(): Omit<Evaluation, "rowIssues"> {
    const tallies = this.tallies();
    return {
      card: this.card.id,
      asOf: this.asOfIso,
      participants: this.count,
      pending: this.pendingAll,
      criteria: this.card.criteria.map((c, i) => result(c, tallies[i])),
    };
  }
}

/** Rows and dates in growing typed arrays (the evaluation's own warnings, built into issues on demand). */
export class RowDates {
  size = 0;
  private rows = new Float64Array(64);
  private dates = new Float64Array(64);
  add(row: number, date: number): void {
    if (this.size === this.rows.length) {
      this.rows = grown(this.rows, this.size * 2);
      this.dates = grown(this.dates, this.size * 2);
    }
    this.rows[this.size] = row;
    this.dates[this.size++] = date;
  }
  row(i: number): number {
    return this.rows[i];
  }
  date(i: number): number {
    return this.dates[i];
  }
}

/**
 * How many rows had each profile (a non-negative integer below 2^31): an open-addressing table in typed
 * arrays, small because a register's rows fall into few distinct profiles (at most one per row), with the
 * last profile's slot remembered (runs of alike rows).
 */
export class ProfileCounts {
  private keys = new Int32Array(256).fill(-1);
  private counts = new Float64Array(256);
  private mask = 255;
  private size = 0;
  private lastKey = -1;
  private lastSlot = 0;

  add(key: number): void {
    if (key === this.lastKey) {
      this.counts[this.lastSlot]++;
      return;
    }
    let s = this.slotOf(key);
    if (this.keys[s] === -1) {
      if ((this.size + 1) * 2 > this.mask + 1) {
        this.grow();
        s = this.slotOf(key);
      }
      this.keys[s] = key;
      this.size++;
    }
    this.counts[s]++;
    this.lastKey = key;
    this.lastSlot = s;
  }

  /** Each profile seen and its count, in no particular order. */
  forEach(f: (key: number, count: number) => void): void {
    for (let s = 0; s <= this.mask; s++) if (this.keys[s] !== -1) f(this.keys[s], this.counts[s]);
  }

  /** The slot that holds `key`, or the empty slot where it goes. */
  private slotOf(key: number): number {
    let s = Math.imul(key, 0x9e3779b1) >>> 0;
    s = (s ^ (s >>> 16)) & this.mask;
    while (this.keys[s] !== key && this.keys[s] !== -1) s = (s + 1) & this.mask;
    return s;
  }

  /** Twice the slots, every profile placed again with its count. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Int32Array(oldKeys.length * 2).fill(-1);
    this.counts = new Float64Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.lastKey = -1;
    for (let o = 0; o < oldKeys.length; o++) {
      if (oldKeys[o] === -1) continue;
      const s = this.slotOf(oldKeys[o]);
      this.keys[s] = oldKeys[o];
      this.counts[s] = oldCounts[o];
    }
  }
}

export function cardEvaluator(card: Card, asOf: number): CardEvaluator {
  const t = new Tallier(card, asOf);
  const add = (participants: Iterable<Participant>): void => {
    for (const p of participants) t.add(p, isEvaluable(p) ? ageOf(p) : null);
  };
  const finish = (rowIssues: RowIssue[] = []): Evaluation => ({
    ...t.evaluation(),
    rowIssues: t.own.size === 0 ? rowIssues : mergeByRow(rowIssues, t.ownIssues()),
  });
  return { add, result: finish };
}

/** Two row-ordered issue lists as one, row by row (stable: `a`'s issues of a row come first). */
export function mergeByRow(a: readonly RowIssue[], b: readonly RowIssue[]): RowIssue[] {
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
