import { builtinCard, DEFAULT_CARD_ID } from "./load";
import { evaluate } from "./evaluate";
import { sampleParticipants } from "./sample";
import { Card } from "./types";

/** Times one evaluation of `n` synthetic participants (for `npm run bench`; prints, never asserts). */
export function benchEvaluate(n = 100000, now: () => number = () => performance.now()): string {
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  const t0 = now();
  const e = evaluate(sampleParticipants(n, 42), card, 45658);
  const ms = now() - t0;
  return `evaluate ${DEFAULT_CARD_ID}: ${e.participants} participants, ${e.criteria.length} criteria in ${ms.toFixed(0)} ms`;
}
