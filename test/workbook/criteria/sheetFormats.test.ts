/** The criteria sheet's plan: the applicant row, count and share formats (what a print-out shows). */
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { parseA1 } from "../../../src/workbook/address";
import {
  buildCriteriaSheetPlan,
  criteriaCellMap,
  criteriaTitle,
  shareFormat,
} from "../../../src/workbook/criteria/plan";
import { SheetPlan } from "../../../src/workbook/plan";
import { findApplicant } from "../../../src/workbook/summary/inputs";
import { planGrid } from "../summary/hfLoader";
import { numberFormatAt, plainFormat } from "../planFormats";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const map = criteriaCellMap(card);

/** The last format the plan gives the cell at an A1 address, without its language tag. */
function formatOf(plan: SheetPlan, a1: string): string | undefined {
  const { row, col } = parseA1(a1);
  return plainFormat(numberFormatAt(plan, row, col));
}

test("counts print with the thousands separator (4 000, 1 875), not 4000", () => {
  const plan = buildCriteriaSheetPlan(card, { asOf: 45000 });
  const c = map.criteria;
  expect(formatOf(plan, c["formal.longTermUnemployed"].numerator)).toBe("#,##0");
  expect(formatOf(plan, c["formal.longTermUnemployed"].denominator)).toBe("#,##0");
  expect(formatOf(plan, c["formal.longTermUnemployed"].shortfall)).toBe("#,##0");
  expect(formatOf(plan, c["effectiveness.women"].pending)).toBe("#,##0");
  expect(formatOf(plan, c["product.B1"].target)).toBe("#,##0");
  // A count threshold stays a count, a share threshold a percentage.
  expect(formatOf(plan, c["formal.minParticipants"].threshold)).toBeUndefined();
  expect(formatOf(plan, c["formal.unemployed"].threshold)).toBe("0%");
});

test("shares: three decimals just under the threshold, one elsewhere; none for counts", () => {
  const plan = buildCriteriaSheetPlan(card, { asOf: 45000 });
  expect(formatOf(plan, map.criteria["formal.longTermUnemployed"].share)).toBe(
    "[>=0.6]0.0%;[>=0.5995]0.000%;0.0%",
  );
  expect(formatOf(plan, map.criteria["formal.ipd"].share)).toBe("[>=1]0.0%;[>=0.9995]0.000%;0.0%");
  const byId = new Map(card.criteria.map((c) => [c.id, c]));
  expect(shareFormat(byId.get("formal.minParticipants")!)).toBeNull();
  expect(shareFormat(byId.get("product.B1")!)).toBeNull();
});

test("the applicant row: label and name; an empty name leaves a blank row under the label", () => {
  const named = planGrid(buildCriteriaSheetPlan(card, { asOf: 45000, applicant: "  Gmina Wólka " }));
  const { row, col } = parseA1(map.applicant);
  expect(named[row][0]).toBe("Wnioskodawca:");
  expect(named[row][col]).toBe("Gmina Wólka");
  const sheet = (values: unknown[][]) => ({
    sheets: [{ name: card.sheetName, top: 0, left: 0, values: values as (string | number | null)[][] }],
  });
  expect(findApplicant(sheet(named))).toBe("Gmina Wólka");
  const empty = planGrid(buildCriteriaSheetPlan(card, { asOf: 45000 }));
  expect(empty[row][col] ?? null).toBeNull();
  expect((empty[row + 1] ?? []).every((v) => v === null || v === undefined)).toBe(true);
  expect(
    findApplicant(
      sheet(
        empty.map((r) =>
          r.map((v) => (typeof v === "string" && v.startsWith("=") ? "Kryteria obowiązkowe" : v)),
        ),
      ),
    ),
  ).toBeNull();
  const en = planGrid(buildCriteriaSheetPlan(card, { asOf: 45000, lang: "en", applicant: "X" }));
  expect(en[row][0]).toBe("Applicant:");
});

test("the title prints once a page: page 1 has it in its own first row, later pages as the running head", () => {
  for (const lang of ["pl", "en"] as const) {
    const plan = buildCriteriaSheetPlan(card, { asOf: 45000, lang });
    const title = criteriaTitle(card, lang);
    expect(planGrid(plan)[0][0]).toBe(title);
    expect(plan.print).toMatchObject({
      centerHeader: title,
      firstPageHeader: "",
      leftFooter: lang === "pl" ? "Wydruk: &D" : "Printed: &D",
      centerFooter: "&P / &N",
    });
  }
});
