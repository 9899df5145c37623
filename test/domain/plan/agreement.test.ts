/**
 * The two engines agree where they overlap: a plan whose numbers are the counts of a generated register
 * (`planFromRegister`) gives, on every formal, effectiveness and premium criterion, the numerator,
 * denominator and met / not met of `evaluate()` of that register — both cards.
 */
import * as fs from "fs";
import * as path from "path";
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../../src/domain/card/load";
import { rng, sampleParticipant } from "../../../src/domain/card/sample";
import type { Card, Participant } from "../../../src/domain/card/types";
import { evaluatePlan, planFromRegister } from "../../../src/domain/plan/evaluate";

const card91 = builtinCard(DEFAULT_CARD_ID) as Card;
const otherCard = parseCardText(
  fs.readFileSync(path.join(__dirname, "../../fixtures/cards/other-call.json"), "utf8"),
);
const AS_OF = 45600;

function register(seed: number, n: number): Participant[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const p = sampleParticipant(r, i + 2);
    // Mostly unemployed with IPD, so formal criteria land on both sides of their thresholds.
    if (r() < 0.6) return { ...p, status: "unemployedRegistered", longTerm: r() < 0.65, ipd: r() < 0.995 };
    return p;
  });
}

function agree(ps: Participant[], card: Card, ctx: string): void {
  const e = evaluate(ps, card, AS_OF);
  const p = evaluatePlan(card, planFromRegister(ps, card, AS_OF));
  expect([ctx, p.participants]).toEqual([ctx, e.participants]);
  for (const c of e.criteria) {
    if (c.kind !== "formal" && c.kind !== "effectiveness" && c.kind !== "premium") continue;
    const q = p.criteria.find((x) => x.id === c.id)!;
    const id = `${ctx} ${c.id}`;
    expect([id, q.numerator, q.denominator, q.met]).toEqual([id, c.numerator, c.denominator, c.met]);
  }
  expect([ctx, p.findings]).toEqual([ctx, []]);
}

test("120 generated registers of 0–130 participants (N = 49 and 50 included), card 9.1", () => {
  const r = rng(5);
  let met = 0;
  let notMet = 0;
  for (let i = 0; i < 120; i++) {
    const n = i === 0 ? 49 : i === 1 ? 50 : Math.floor(r() * 131);
    const ps = register(100 + i, n);
    agree(ps, card91, `register ${i} (${n})`);
    const e = evaluate(ps, card91, AS_OF);
    for (const c of e.criteria) if (c.kind === "formal") c.met ? met++ : c.met === false && notMet++;
  }
  // Both verdicts occur, so agreement is not agreement on one side only.
  expect(met).toBeGreaterThan(50);
  expect(notMet).toBeGreaterThan(50);
});

test("the second card", () => {
  for (let i = 0; i < 30; i++) agree(register(900 + i, 5 + i * 3), otherCard, `other ${i}`);
});
