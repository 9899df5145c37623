/**
 * Every wrapped bold cell of every sheet Miernik writes (the tables' headers, section titles) is wide enough for
 * its longest word: a header that breaks a word before its last letters ("wnioskodawc|y", "obowiązkow|e") reads
 * badly on screen and on paper. Widths are estimated with textFit (DejaVu Sans Bold, LibreOffice's stand-in for
 * Calibri Bold, a little wider than Calibri itself), over the cell's merged span, at the cell's font size.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { isoToSerial } from "../../src/domain/dates";
import { Lang } from "../../src/domain/i18n";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { CallSummaryBuilder } from "../../src/domain/summary/callSummary";
import { summarizeMonitoring } from "../../src/domain/summary/monitoringSummary";
import { a1, parseA1, parseRange } from "../../src/workbook/address";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { SheetPlan } from "../../src/workbook/plan";
import { buildPlanSheetPlan } from "../../src/workbook/projectPlan/sheet";
import { buildCallSummaryPlan } from "../../src/workbook/summary/callSummary";
import {
  buildMonitoringSummaryPlan,
  monitoringColumnRefs,
} from "../../src/workbook/summary/monitoringSummary";
import { unbrokenWidth } from "../../src/workbook/textFit";
import { participants } from "../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = isoToSerial("2025-06-30")!;

interface Broken {
  sheet: string;
  cell: string;
  text: string;
  width: number;
  needs: number;
}

/** The wrapped bold text cells whose longest word does not fit their column (or merged columns). */
function brokenWords(plan: SheetPlan): Broken[] {
  const out: Broken[] = [];
  const style = (row: number, col: number) => {
    const s: { bold?: boolean; wrap?: boolean; fontSize?: number } = {};
    for (const f of plan.formats) {
      const r = parseRange(f.range.replace(/\$/g, ""));
      if (row < r.row || row >= r.row + r.rows || col < r.col || col >= r.col + r.cols) continue;
      if (f.style.bold !== undefined) s.bold = f.style.bold;
      if (f.style.wrap !== undefined) s.wrap = f.style.wrap;
      if (f.style.fontSize !== undefined) s.fontSize = f.style.fontSize;
    }
    return s;
  };
  const spanWidth = (row: number, col: number) => {
    for (const m of plan.merges) {
      const r = parseRange(m.replace(/\$/g, ""));
      if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols) {
        if (r.row !== row || r.col !== col) return null; // not the merge's own cell
        let w = 0;
        for (let c = r.col; c < r.col + r.cols; c++) w += plan.columns[c]?.width ?? 8.43;
        return w;
      }
    }
    return plan.columns[col]?.width ?? 8.43;
  };
  for (const b of plan.blocks)
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (typeof v !== "string" || !v.trim()) return;
        const row = b.row + i;
        const col = b.col + j;
        const s = style(row, col);
        if (!s.bold || !s.wrap || plan.columns[col]?.hidden) return;
        const width = spanWidth(row, col);
        if (width === null) return;
        const needs = unbrokenWidth(v, true) * ((s.fontSize ?? 11) / 11);
        if (needs > width) out.push({ sheet: plan.name, cell: a1(row, col), text: v, width, needs });
      }),
    );
  return out;
}

function plans(lang: Lang): SheetPlan[] {
  const monitoring = buildMonitoringSheetPlan(PROGRAMME, 2023, { lang });
  const check = buildCheckWorkbookPlan(card, { rows: [], asOf: AS_OF, lang, applicant: "Fundacja" });
  const b = new CallSummaryBuilder(card, AS_OF);
  b.addProject("projekt-01.csv", "Wnioskodawca", participants(20, 1));
  b.addProblem("zepsuty.xlsx", { pl: "uszkodzony plik", en: "damaged file" });
  const call = buildCallSummaryPlan(b.finish(), card, { lang }).sheet;
  const ms = buildMonitoringSummaryPlan(
    PROGRAMME,
    summarizeMonitoring(PROGRAMME, []),
    () => monitoringColumnRefs(),
    { lang },
  ).sheet;
  return [monitoring, ...check.sheets, call, ms, buildPlanSheetPlan(card, { lang })];
}

describe("bold wrapped cells keep their words whole", () => {
  for (const lang of ["pl", "en"] as Lang[])
    test(`every sheet Miernik writes (${lang})`, () => {
      const broken = plans(lang).flatMap(brokenWords);
      expect(broken).toEqual([]);
    });
  test("the check can fail: a header word wider than its column is found", () => {
    const p: SheetPlan = {
      ...buildPlanSheetPlan(card, {}),
      name: "T",
      blocks: [{ row: 0, col: 0, values: [["Wnioski tego wnioskodawcy"]] }],
      formats: [{ range: "A1", style: { bold: true, wrap: true } }],
      merges: [],
      columns: [{ width: 10 }],
    };
    expect(brokenWords(p).map((x) => x.cell)).toEqual(["A1"]);
    expect(parseA1("A1")).toEqual({ row: 0, col: 0 });
  });
});
