/**
 * Row checks + card evaluation of a long register without freezing the pane: rows are processed in
 * slices bounded by a time budget (default 50 ms, far under the 200 ms the pane allows itself and the
 * 5 s after which desktop Excel restarts an unresponsive add-in), yielding to the browser between slices,
 * reporting progress and stopping at the next slice boundary when cancelled. Same result as
 * `evaluate(checkRegister(rows))` — the engine's batch APIs keep one state across slices.
 */
import { cardEvaluator } from "../../domain/card/evaluate";
import type { Card, Evaluation } from "../../domain/card/types";
import { RawRow, registerChecker } from "../../domain/register/checks";

export interface SliceOptions {
  /** Rows per step; a slice runs steps until its time budget is spent. */
  stepRows?: number;
  budgetMs?: number;
  now?: () => number;
  /** Gives the browser a turn between slices (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Called after each slice with its duration and row count (the bench reports the longest). */
  onSlice?: (ms: number, rows: number) => void;
}

export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function checkAndEvaluateSliced(
  rows: readonly RawRow[],
  card: Card,
  asOf: number,
  opts: SliceOptions = {},
): Promise<Evaluation> {
  const step = opts.stepRows ?? 500;
  const budget = opts.budgetMs ?? 50;
  const now = opts.now ?? (() => performance.now());
  const yieldToUi = opts.yieldToUi ?? macrotask;
  const checker = registerChecker(card.parameters);
  const evaluator = cardEvaluator(card, asOf);
  let done = 0;
  let fed = 0;
  while (done < rows.length) {
    opts.signal?.throwIfAborted();
    const t0 = now();
    const first = done;
    do {
      const next = Math.min(rows.length, done + step);
      checker.add(rows.slice(done, next));
      const { participants } = checker.result();
      evaluator.add(participants.slice(fed));
      fed = participants.length;
      done = next;
    } while (done < rows.length && now() - t0 < budget);
    opts.onSlice?.(now() - t0, done - first);
    opts.onProgress?.(done, rows.length);
    if (done < rows.length) await yieldToUi();
  }
  opts.signal?.throwIfAborted();
  return evaluator.result(checker.result().issues);
}
