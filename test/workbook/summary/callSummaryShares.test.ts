/**
 * Podsumowanie naboru: a share just under its threshold never reads as meeting it. 2 399 of 4 000 (59,975%)
 * printed "60,0%" beside a 60% threshold and NIE; the share cells now carry the criteria sheet's format band
 * (`shareFormat`: three decimals just under the threshold), the result totals the same against their target, and
 * "Realizacja celu" against 100%. Where one decimal reads on the right side it stays one ("76,2%").
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { isoToSerial } from "../../../src/domain/dates";
import { CallSummary, CallSummaryBuilder } from "../../../src/domain/summary/callSummary";
import { Lang } from "../../../src/domain/i18n";
import { buildCallSummaryPlan } from "../../../src/workbook/summary/callSummary";
import { participants } from "../../fixtures/summary/projects";
import { numberFormatAt, plainFormat } from "../planFormats";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = isoToSerial("2025-06-30") as number;

const formatOf = numberFormatAt;
/**
 * What a percent format such as `[>=0.6]0.0%;[>=0.5995]0.000%;0.0%` or `0.0%` shows for `v` in a Polish or
 * English locale: the first section whose condition holds (the last one otherwise), its decimals.
 */
function shown(format: string, v: number, lang: Lang = "pl"): string {
  const sections = (plainFormat(format) as string).split(";");
  let pick = sections[sections.length - 1];
  for (const s of sections) {
    const m = /^\[>=([0-9.]+)\](.*)$/.exec(s);
    if (!m) {
      pick = s;
      break;
    }
    if (v >= Number(m[1])) {
      pick = m[2];
      break;
    }
  }
  const decimals = /\.(0+)%$/.exec(pick)?.[1].length ?? 0;
  const t = (v * 100).toFixed(decimals);
  return `${lang === "pl" ? t.replace(".", ",") : t}%`;
}

function summary(): CallSummary {
  const b = new CallSummaryBuilder(card, AS_OF);
  b.addProject("a.csv", "A", participants(60, 1, 0));
  b.addProject("b.csv", "B", participants(30, 2, 100));
  const s = b.finish();
  // 2 399 of 4 000 long-term unemployed (threshold 60%): not met; 3 048 of 4 000 = 76,2%: met.
  const ltu = (share: number, met: boolean) => ({
    numerator: Math.round(share * 4000),
    denominator: 4000,
    share,
    met,
  });
  const set = (p: number, fig: ReturnType<typeof ltu>) => {
    const c = s.projects[p].criteria.find((x) => x.id === "formal.longTermUnemployed")!;
    Object.assign(c, fig);
  };
  set(0, ltu(2399 / 4000, false));
  set(1, ltu(3048 / 4000, true));
  // A1 (target 45%) and A2 (target 28%) totals; B1 reached 3 999 of 4 000 of its target.
  const total = (id: string) => s.totals.find((t) => t.id === id)!;
  Object.assign(total("result.A1"), { numerator: 2699, denominator: 6000, value: 2699 / 6000, target: 0.45 });
  total("result.A1").reached = total("result.A1").value! / 0.45;
  Object.assign(total("result.A2"), { numerator: 3048, denominator: 4000, value: 0.762, target: 0.28 });
  total("result.A2").reached = 0.762 / 0.28;
  total("product.B1").reached = 3999 / 4000;
  return s;
}

describe("Podsumowanie naboru: shares read on their verdict's side of the threshold", () => {
  const s = summary();
  const { sheet, layout } = buildCallSummaryPlan(s, card);
  const col = layout.criterionColumns["formal.longTermUnemployed"];

  test("a project's 2 399 / 4 000 reads 59,975% beside 60% and NIE; 76,2% stays one decimal", () => {
    const under = formatOf(sheet, layout.firstProjectRow, col)!;
    expect(shown(under, 2399 / 4000)).toBe("59,975%");
    expect(shown(under, 2399 / 4000, "en")).toBe("59.975%");
    expect(shown(formatOf(sheet, layout.firstProjectRow + 1, col)!, 3048 / 4000)).toBe("76,2%");
    // Exactly at the threshold: one decimal, "60,0%".
    expect(shown(under, 0.6)).toBe("60,0%");
    // A count criterion keeps its count format.
    const minCol = layout.criterionColumns["formal.minParticipants"];
    expect(formatOf(sheet, layout.firstProjectRow, minCol)).toBe("[$-415]#,##0");
  });

  test("result totals against their target; target reached against 100%", () => {
    const a1Row = layout.resultHeaderRow + 2;
    const a1 = s.totals.findIndex((t) => t.id === "result.A1");
    const a2 = s.totals.findIndex((t) => t.id === "result.A2");
    expect(a2).toBe(a1 + 1);
    // 2 699 / 6 000 = 44,983% against 45%: one decimal would read "45,0%".
    expect(shown(formatOf(sheet, a1Row, 5)!, 2699 / 6000)).toBe("44,983%");
    expect(shown(formatOf(sheet, a1Row, 7)!, 2699 / 6000 / 0.45)).toBe("99,963%");
    expect(shown(formatOf(sheet, a1Row + 1, 5)!, 0.762)).toBe("76,2%");
    // The product B1: 3 999 of 4 000 of its target is not "100,0%".
    expect(shown(formatOf(sheet, layout.productHeaderRow + 2, 7)!, 3999 / 4000)).toBe("99,975%");
    expect(shown(formatOf(sheet, layout.productHeaderRow + 2, 7)!, 1)).toBe("100,0%");
  });
});
