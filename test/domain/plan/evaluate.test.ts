/** The planner's findings as the pane shows them: "message — fix", each saying something of its own. */
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import type { Card } from "../../../src/domain/card/types";
import { evaluatePlan, minimumPlan } from "../../../src/domain/plan/evaluate";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

test("a cell that is no number: the fix does not repeat the message's advice", () => {
  const plan = { ...minimumPlan(card, 60), inactive: "12 osób" } as Parameters<typeof evaluatePlan>[1];
  const f = evaluatePlan(card, plan).findings.find((x) => x.key === "inactive" && x.rule === "notNumber");
  expect(f).toBeDefined();
  for (const lang of ["pl", "en"] as const) {
    const shown = `${f!.message[lang]} — ${f!.fix[lang]}`;
    // The advice (a whole number ≥ 0) is said once.
    expect(shown.match(/≥ 0/g)).toHaveLength(1);
  }
  expect(`${f!.message.pl} — ${f!.fix.pl}`).toBe(
    "Nie liczba: wpisz liczbę całkowitą ≥ 0 — Same cyfry, bez słów i jednostek (np. 12, nie „12 osób”).",
  );
});
