/**
 * `miernik summarize` text: a call total just under its target never reads as reaching it. 2 699 of 6 000
 * (44,983%) printed "45,0% (cel 45,0%)", and 3 999 of 4 000 of a target "100,0%"; now each gets the decimals
 * that keep it on its side (`verdictDecimals`, as `miernik check`); one decimal stays where it suffices (76,2%).
 */
import { formatText } from "../../src/cli/commands/summarize";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { isoToSerial } from "../../src/domain/dates";
import { CallSummary, CallSummaryBuilder } from "../../src/domain/summary/callSummary";
import { participants } from "../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

function summary(): CallSummary {
  const b = new CallSummaryBuilder(card, isoToSerial("2025-06-30") as number);
  b.addProject("a.csv", "A", participants(40, 1, 0));
  const s = b.finish();
  const total = (id: string) => s.totals.find((t) => t.id === id)!;
  // A1 (target 45%): 2 699 of 6 000 = 44,983%, 99,963% of the target. A2 (target 28%): 3 048 / 4 000 = 76,2%.
  Object.assign(total("result.A1"), { numerator: 2699, denominator: 6000, value: 2699 / 6000, target: 0.45 });
  total("result.A1").reached = 2699 / 6000 / 0.45;
  Object.assign(total("result.A2"), { numerator: 3048, denominator: 4000, value: 0.762, target: 0.6 });
  total("result.A2").reached = 0.762 / 0.6;
  // A3: 2 399 of 4 000 against a 60% target.
  Object.assign(total("result.A3"), { numerator: 2399, denominator: 4000, value: 2399 / 4000, target: 0.6 });
  total("result.A3").reached = 2399 / 4000 / 0.6;
  // B1: 3 999 persons of a 4 000 target.
  Object.assign(total("product.B1"), { numerator: 3999, target: 4000, reached: 3999 / 4000 });
  return s;
}

const text = (lang: "pl" | "en") =>
  formatText(
    { call: summary(), monitoring: null, problems: [], filesRead: 1, ignoredCells: [], repeatedHeaders: [] },
    lang,
  );
const line = (t: string, id: string) => t.split("\n").find((l) => l.trimStart().startsWith(`${id} `))!;

test("2 399 / 4 000 reads 59,98% beside a 60% target, not 60,0%; its reach is under 100%", () => {
  expect(line(text("pl"), "A3")).toContain("= 59,98% (cel 60,0%)");
  expect(line(text("pl"), "A3")).toMatch(/ 99,96%$/);
  expect(line(text("en"), "A3")).toContain("= 59.98% (target 60.0%)");
  expect(line(text("pl"), "A1")).toContain("= 44,98% (cel 45,0%)");
  expect(line(text("pl"), "A1")).toMatch(/ 99,96%$/);
});

test("one decimal where it suffices: 76,2% stays 76,2%; 3 999 of 4 000 persons is not 100,0% of the target", () => {
  expect(line(text("pl"), "A2")).toMatch(/= +76,2% \(cel 60,0%\)/);
  expect(line(text("pl"), "A2")).toMatch(/ 127,0%$/);
  expect(line(text("pl"), "B1")).toMatch(/ 99,98%$/);
  expect(line(text("en"), "B1")).toMatch(/ 99\.98%$/);
  expect(line(text("pl"), "B1")).toMatch(/3\s999 \/ +4\s000/);
});
