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

test("a number stored as text (Text format, apostrophe): the fix says so instead of 'digits only'", () => {
  const plan = { ...minimumPlan(card, 60), unemployed: "48", inactive: " 1 200 " } as Parameters<
    typeof evaluatePlan
  >[1];
  const found = evaluatePlan(card, plan).findings.filter((x) => x.rule === "notNumber");
  expect(found.map((f) => f.key)).toEqual(["unemployed", "inactive"]);
  expect(found[0].message.pl).toBe("Nie liczba: wpisz liczbę całkowitą ≥ 0");
  expect(found[0].fix.pl).toBe(
    "W komórce jest tekst „48”, nie liczba (format Tekst albo apostrof przed liczbą): ustaw format Ogólny lub Liczbowy i wpisz liczbę ponownie.",
  );
  expect(found[1].fix.pl).toContain("„1 200”");
  expect(found[0].fix.en).toContain("Text format");
  // Words or a decimal comma keep the "digits only" fix.
  for (const raw of ["48 osób", "12,5", "około 10"]) {
    const f = evaluatePlan(card, { ...minimumPlan(card, 60), unemployed: raw }).findings.find(
      (x) => x.key === "unemployed",
    );
    expect(f?.fix.pl).toMatch(/^Same cyfry/);
  }
});
