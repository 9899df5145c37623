/**
 * Issue 18: page-layout enums and the zoom shape as Office.js defines them (Excel.PageOrientation,
 * Excel.PaperType, Excel.PrintOrder; PageLayoutZoomOptions: a scale of 10–400 or fit pages, not both). The fake
 * refuses anything else; every print set-up Miernik writes passes.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { isoToSerial } from "../../src/domain/dates";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { CallSummaryBuilder } from "../../src/domain/summary/callSummary";
import { renderSheetPlans } from "../../src/hosts/excel/render";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { SheetPlan } from "../../src/workbook/plan";
import { buildPlanSheetPlan, planNames } from "../../src/workbook/projectPlan/sheet";
import { buildRegisterSheetPlan } from "../../src/workbook/register/plan";
import { buildCallSummaryPlan } from "../../src/workbook/summary/callSummary";
import { FakeExcel, FakeOfficeError } from "../fakes/excelFake";
import { participants } from "../fixtures/summary/projects";

type Layout = ReturnType<ReturnType<FakeExcel["context"]>["workbook"]["worksheets"]["getItem"]>["pageLayout"];
async function failure(set: (pl: Layout) => void): Promise<string | null> {
  const fake = new FakeExcel(["A"]);
  const c = fake.context();
  set(c.workbook.worksheets.getItem("A").pageLayout);
  try {
    await c.sync();
    return null;
  } catch (e) {
    return (e as FakeOfficeError).code;
  }
}

describe("strict fake: page layout", () => {
  test("orientation, paper size and print order take only Office.js's enum strings", async () => {
    expect(await failure((pl) => (pl.orientation = "Landscape"))).toBeNull();
    expect(await failure((pl) => (pl.orientation = "landscape"))).toBe("InvalidArgument");
    expect(await failure((pl) => (pl.paperSize = "A4"))).toBeNull();
    expect(await failure((pl) => (pl.paperSize = "A6"))).toBe("InvalidArgument");
    expect(await failure((pl) => (pl.paperSize = "a4"))).toBe("InvalidArgument");
    expect(await failure((pl) => (pl.printOrder = "OverThenDown"))).toBeNull();
    expect(await failure((pl) => (pl.printOrder = "overThenDown"))).toBe("InvalidArgument");
  });

  test.each([
    [{ scale: 10 }, null],
    [{ scale: 400 }, null],
    [{ horizontalFitToPages: 1, verticalFitToPages: 0 }, null],
    [{ horizontalFitToPages: 1 }, null],
    [{ scale: 9 }, "InvalidArgument"],
    [{ scale: 401 }, "InvalidArgument"],
    [{ scale: 100, horizontalFitToPages: 1 }, "InvalidArgument"],
    [{ horizontalFitToPages: 1.5 }, "InvalidArgument"],
    [{ verticalFitToPages: -1 }, "InvalidArgument"],
    [{}, "InvalidArgument"],
    [{ zoom: 100 }, "InvalidArgument"],
  ])("zoom %j → %s", async (zoom, code) => {
    expect(await failure((pl) => (pl.zoom = zoom as never))).toBe(code);
  });
});

describe("Miernik's print set-ups pass", () => {
  test("monitoring, register, criteria workbook, project plan and call summary lay out without a refusal", async () => {
    const card = builtinCard(DEFAULT_CARD_ID) as Card;
    const b = new CallSummaryBuilder(card, isoToSerial("2025-06-30") as number);
    b.addProject("a.csv", "A", participants(20, 1, 0));
    const plans: SheetPlan[] = [
      buildMonitoringSheetPlan(PROGRAMME, 2023),
      buildRegisterSheetPlan(card),
      ...buildCheckWorkbookPlan(card, { rows: [], asOf: 45536, capacity: 100 }).sheets,
      buildPlanSheetPlan(card),
      buildCallSummaryPlan(b.finish(), card).sheet,
    ];
    const uniq = plans.filter((p, i) => plans.findIndex((q) => q.name === p.name) === i);
    const fake = new FakeExcel();
    await renderSheetPlans(fake.context() as never, uniq, planNames(card));
    const printed = uniq.filter((p) => p.print);
    expect(printed.some((p) => p.print!.scale !== undefined)).toBe(true);
    expect(printed.some((p) => p.print!.scale === undefined)).toBe(true);
    for (const p of printed) {
      const pl = fake.sheet(p.name)!.pageLayout;
      expect(pl.orientation).toBe(p.print!.orientation === "landscape" ? "Landscape" : "Portrait");
      expect(pl.paperSize).toBe("A4");
      expect(pl.zoom).toEqual(
        p.print!.scale !== undefined
          ? { scale: p.print!.scale }
          : { horizontalFitToPages: p.print!.fitToWidth, verticalFitToPages: p.print!.fitToHeight },
      );
    }
  });
});
