/**
 * Every criterion of the built-in card 1/9.1/2016 carries the card's own number (what the sheets print and the
 * verdict lists): section I.B "Kryteria formalne specyficzne" numbers its criteria 1)–7) — 1) the structure
 * of the target group (80 % unemployed) with a) long-term unemployed and b) persons leaving agriculture,
 * 2) employment effectiveness (its six groups, in the card's order, 2.1–2.6), 3) IPD, 4) internships (a, b),
 * 6) target group size; 5) cross-financing and 7) the number of applications are not register facts. Section
 * II.C "Kryteria premiujące" numbers the premium criteria 1)–4): C1–C4 (the letter keeps them apart from the
 * formal 1–4). The indicators are A.1–9 (result) and B.1–7 (product): A1…A9, B1…B7.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { criterionCode } from "../../../src/workbook/criteria/plan";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

test("card 9.1: each criterion by the card's own number, in the card's order", () => {
  expect(card.criteria.map((c) => [c.id, criterionCode(c)])).toEqual([
    ["formal.unemployed", "1"],
    ["formal.longTermUnemployed", "1a"],
    ["formal.leavingAgriculture", "1b"],
    ["formal.ipd", "3"],
    ["formal.internship", "4"],
    ["formal.minParticipants", "6"],
    ["effectiveness.age50plus", "2.1"],
    ["effectiveness.women", "2.2"],
    ["effectiveness.disabled", "2.3"],
    ["effectiveness.longTermUnemployed", "2.4"],
    ["effectiveness.lowQualified", "2.5"],
    ["effectiveness.other", "2.6"],
    ["premium.whiteGreenEconomy", "C1"],
    ["premium.qualifications", "C2"],
    ["premium.age50plus", "C3"],
    ["premium.disabled", "C4"],
    ...Array.from({ length: 9 }, (_x, i) => [`result.A${i + 1}`, `A${i + 1}`]),
    ...Array.from({ length: 7 }, (_x, i) => [`product.B${i + 1}`, `B${i + 1}`]),
  ]);
  // The codes are unique: the verdict's list of unmet criteria names each one once.
  expect(new Set(card.criteria.map(criterionCode)).size).toBe(card.criteria.length);
});
