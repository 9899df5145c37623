import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard } from "../../../src/domain/card/load";
import { sampleParticipants } from "../../../src/domain/card/sample";
import { benchEvaluate } from "../../../src/domain/card/bench";
import { Card } from "../../../src/domain/card/types";

const card = builtinCard("rpo-wl-9.1-2016") as Card;

describe("scale", () => {
  it("evaluates 100 000 participants streamed in one pass; the same as evaluating them from an array", () => {
    const streamed = evaluate(sampleParticipants(100000, 7), card, 45658);
    expect(streamed.participants).toBe(100000);
    const arr = [...sampleParticipants(100000, 7)];
    expect(evaluate(arr, card, 45658)).toEqual(streamed);
    // Sanity of the synthetic register: every effectiveness group has people and not everything is met.
    for (const c of streamed.criteria.filter((x) => x.kind === "effectiveness"))
      expect(c.denominator).toBeGreaterThan(1000);
    expect(streamed.criteria.some((c) => c.met === false)).toBe(true);
  });
  it("the bench prints a figure", () => {
    expect(benchEvaluate(1000)).toMatch(
      /^evaluate rpo-wl-9.1-2016: 1000 participants, \d+ criteria in \d+ ms$/,
    );
  });
});
