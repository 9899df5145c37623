/**
 * Sliced row checks + evaluation: the same result as the one-shot engine, work split into slices bounded
 * by the time budget (a fake clock: no timing is asserted), a yield between slices, monotonic progress,
 * cancellation at a slice boundary.
 */
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { sampleParticipants } from "../../../src/domain/card/sample";
import { Card } from "../../../src/domain/card/types";
import { checkRegister, RawRow } from "../../../src/domain/register/checks";
import { participantToValues } from "../../../src/domain/register/toRow";
import { checkAndEvaluateSliced } from "../../../src/taskpane/work/sliced";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = 45658;

function rows(n: number): RawRow[] {
  const out: RawRow[] = [];
  let i = 0;
  for (const p of sampleParticipants(n, 9)) {
    i++;
    const v = participantToValues(p, i);
    // Every 1000th row repeats an earlier PESEL: duplicates across slices must still be found.
    if (i % 1000 === 0) v.pesel = "44051401359";
    out.push({ row: i + 1, values: v });
  }
  return out;
}

/** A clock that advances 10 ms every time it is read. */
function fakeClock(): () => number {
  let t = 0;
  return () => (t += 10);
}

test("100 000 rows: same result as checkRegister + evaluate, in bounded slices with yields between", async () => {
  const data = rows(100_000);
  const { participants, issues } = checkRegister(data, card.parameters);
  const expected = evaluate(participants, card, AS_OF, issues);
  const slices: number[] = [];
  const progress: number[] = [];
  let yields = 0;
  const got = await checkAndEvaluateSliced(data, card, AS_OF, {
    stepRows: 500,
    budgetMs: 50,
    now: fakeClock(),
    yieldToUi: () => (yields++, Promise.resolve()),
    onSlice: (_ms, n) => slices.push(n),
    onProgress: (d) => progress.push(d),
  });
  expect(got).toEqual(expected);
  expect(got.rowIssues.some((i) => i.rule === "pesel.duplicate")).toBe(true);
  // With 10 ms per clock read and a 50 ms budget a slice runs at most a few 500-row steps.
  expect(Math.max(...slices)).toBeLessThanOrEqual(2500);
  expect(slices.reduce((a, b) => a + b, 0)).toBe(100_000);
  expect(yields).toBe(slices.length - 1);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress[progress.length - 1]).toBe(100_000);
});

test("cancel stops at the next slice boundary", async () => {
  const data = rows(20_000);
  const controller = new AbortController();
  let slicesRun = 0;
  const run = checkAndEvaluateSliced(data, card, AS_OF, {
    now: fakeClock(),
    signal: controller.signal,
    onSlice: () => {
      slicesRun++;
      if (slicesRun === 2) controller.abort();
    },
  });
  await expect(run).rejects.toBeDefined();
  expect(slicesRun).toBe(2);
});

test("an empty register evaluates like the engine", async () => {
  expect(await checkAndEvaluateSliced([], card, AS_OF)).toEqual(evaluate([], card, AS_OF, []));
});
