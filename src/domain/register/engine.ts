/**
 * The engine in one pass (issue 15 item 5): each register row is checked (`RowChecker`, ./checks.ts) and
 * counted into the card's criteria (`Tallier`, ../card/evaluate.ts) before the next is read, so no
 * participant object is kept per row; the row issues stay compact records until someone reads them. Same
 * result as `evaluate(checkRegister(rows).participants, card, asOf, checkRegister(rows).issues)`, which
 * test/domain/register/engineReference.test.ts compares on random registers.
 */
import { mergeByRow, Tallier } from "../card/evaluate";
import { Card, Evaluation, RowIssue } from "../card/types";
import { IssueLog, materializeIssues, RawRow, RowChecker } from "./checks";

/** Checks and evaluates in batches (the pane's slices); same result as `checkAndEvaluate` of all the rows. */
export interface RegisterEvaluator {
  add(rows: readonly RawRow[]): void;
  result(): Evaluation;
}

/** The row issues of an evaluation before they are built: how many, the first ones, all of them. */
interface LazyRowIssues {
  count: number;
  first(n: number): RowIssue[];
  all(): RowIssue[];
}

const LAZY = Symbol("row issues not built yet");

export function registerEvaluator(card: Card, asOf: number): RegisterEvaluator {
  const log = new IssueLog(card.parameters);
  const checker = new RowChecker(card.parameters, log);
  const tallier = new Tallier(card, asOf);
  const add = (rows: readonly RawRow[]): void => {
    checker.reserve(rows.length);
    for (let i = 0; i < rows.length; i++) {
      checker.check(rows[i]);
      tallier.add(checker.p, checker.age);
    }
  };
  const result = (): Evaluation => {
    const checks = log.size;
    const own = tallier.own.size;
    // The row checks' issues with the evaluation's own merged in by row, as `evaluate` merges them.
    const first = (n: number): RowIssue[] => {
      if (own === 0) return materializeIssues(log, 0, [], Math.min(n, checks));
      const ownIssues = tallier.ownIssues();
      const out: RowIssue[] = [];
      let i = 0;
      let j = 0;
      while (out.length < n && (i < checks || j < own)) {
        if (i < checks && !(j < own && tallier.own.row(j) < log.row(i))) out.push(log.materialize(i++));
        else out.push(ownIssues[j++]);
      }
      return out;
    };
    const all = (): RowIssue[] => {
      const issues = materializeIssues(log, 0, [], checks);
      return own === 0 ? issues : mergeByRow(issues, tallier.ownIssues().slice(0, own));
    };
    return lazyRowIssues(tallier.evaluation(), { count: checks + own, first, all });
  };
  return { add, result };
}

/** Row checks + the card's evaluation of `rows` in one pass (what `miernik check` runs). */
export function checkAndEvaluate(rows: readonly RawRow[], card: Card, asOf: number): Evaluation {
  const e = registerEvaluator(card, asOf);
  e.add(rows);
  return e.result();
}

/**
 * The evaluation with `rowIssues` built on first read (an ordinary property from then on): reading it,
 * spreading, cloning or serialising the evaluation gives the same array as before, and a reader of the
 * first few (`rowIssuesHead`) does not pay for the tens of thousands a large register can have.
 */
function lazyRowIssues(e: Omit<Evaluation, "rowIssues">, lazy: LazyRowIssues): Evaluation {
  const settle = (value: RowIssue[]): RowIssue[] => {
    Object.defineProperty(e, "rowIssues", { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(e, "rowIssues", {
    get: () => settle(lazy.all()),
    set: (v: RowIssue[]) => {
      settle(v);
    },
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(e, LAZY, { value: lazy, enumerable: false });
  return e as Evaluation;
}

/**
 * How many row issues an evaluation has and its first `n`, without building the others when they have not
 * been built yet (the pane lists the first few hundred of what can be tens of thousands).
 */
export function rowIssuesHead(e: Evaluation, n: number): { count: number; head: RowIssue[] } {
  const lazy = (e as Evaluation & { [LAZY]?: LazyRowIssues })[LAZY];
  if (lazy && Object.getOwnPropertyDescriptor(e, "rowIssues")?.get)
    return { count: lazy.count, head: lazy.first(n) };
  return { count: e.rowIssues.length, head: e.rowIssues.slice(0, n) };
}
