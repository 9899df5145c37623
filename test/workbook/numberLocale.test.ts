/** Number formats in the sheet's language: `[$-415]` on every number section of a Polish sheet, none on an English one. */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { isoToSerial } from "../../src/domain/dates";
import { Lang } from "../../src/domain/i18n";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { CallSummaryBuilder } from "../../src/domain/summary/callSummary";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { formatInLanguage, POLISH_FORMAT_TAG } from "../../src/workbook/numberLocale";
import { SheetPlan } from "../../src/workbook/plan";
import { buildPlanSheetPlan } from "../../src/workbook/projectPlan/sheet";
import { buildCallSummaryPlan } from "../../src/workbook/summary/callSummary";
import { participants, registerRows } from "../fixtures/summary/projects";

describe("formatInLanguage", () => {
  test.each<[string, string]>([
    ["#,##0", "[$-415]#,##0"],
    ["#,##0  ", "[$-415]#,##0  "],
    ["0.0%", "[$-415]0.0%"],
    ["dd.mm.yyyy", "[$-415]dd.mm.yyyy"],
    ["[>=0.6]0.0%;[>=0.5995]0.000%;0.0%", "[$-415][>=0.6]0.0%;[$-415][>=0.5995]0.000%;[$-415]0.0%"],
    ['+0.0" p.p.";-0.0" p.p.";0.0" p.p."', '[$-415]+0.0" p.p.";[$-415]-0.0" p.p.";[$-415]0.0" p.p."'],
    // A ";" inside quoted text or after a backslash splits nothing.
    ['0" a;b"', '[$-415]0" a;b"'],
    ["0\\;0", "[$-415]0\\;0"],
    // Text, General and a format with its own language stay as they are; an empty section too.
    ["@", "@"],
    ["General", "General"],
    ["[$-409]#,##0", "[$-409]#,##0"],
    ["#,##0;;", "[$-415]#,##0;;"],
  ])("%s → %s", (format, pl) => {
    expect(formatInLanguage(format, "pl")).toBe(pl);
    expect(formatInLanguage(pl, "pl")).toBe(pl); // idempotent
    expect(formatInLanguage(format, "en")).toBe(format);
  });
});

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const asOf = isoToSerial("2025-06-30") as number;

function sheets(lang: Lang): SheetPlan[] {
  const call = new CallSummaryBuilder(card, asOf);
  call.addProject("a.csv", "A", participants(30, 1));
  const rows = registerRows(participants(20, 3)).slice(1);
  return [
    buildMonitoringSheetPlan(PROGRAMME, 2023, { lang }),
    ...buildCheckWorkbookPlan(card, { rows, asOf, lang }).sheets,
    buildPlanSheetPlan(card, { lang }),
    buildCallSummaryPlan(call.finish(), card, { lang }).sheet,
  ];
}

const numberFormats = (s: SheetPlan): string[] =>
  s.formats.flatMap((f) => (f.style.numberFormat === undefined ? [] : [f.style.numberFormat]));

test("every number format of a Polish sheet is Polish, section by section; text formats stay text", () => {
  let tagged = 0;
  for (const s of sheets("pl"))
    for (const f of numberFormats(s)) {
      if (f === "@") continue;
      for (const section of f.split(";")) expect(section.startsWith(POLISH_FORMAT_TAG)).toBe(true);
      tagged++;
    }
  expect(tagged).toBeGreaterThan(20);
});

test("an English sheet's formats carry no language: they follow the reader's machine", () => {
  for (const s of sheets("en")) for (const f of numberFormats(s)) expect(f).not.toContain("[$-");
});
