/**
 * Issue 18: defects of the Office.js renderer and hosts found against the Office.js reference, each test
 * failing on the code before its fix (the fake models what Excel does; see docs/excel-behaviours.md).
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { describeHostError, HostError } from "../../src/hosts/excel/errors";
import { renderSheetPlans } from "../../src/hosts/excel/render";
import { runInExcel } from "../../src/hosts/excel/run";
import { validateInExcel } from "../../src/hosts/excel/validation";
import { createExcelWorkbookHost } from "../../src/hosts/excel/workbookHost";
import * as renderModule from "../../src/hosts/excel/render";
import { createRegister } from "../../src/taskpane/participants/flows";
import { layoutDoneText } from "../../src/taskpane/i18n";
import { hasSheet } from "../../src/taskpane/summaries/flows";
import { FakeExcel } from "../fakes/excelFake";
import { richPlan } from "./richPlan";

const ctx = (fake: FakeExcel) => fake.context() as unknown as Excel.RequestContext;

describe("Office.js renderer: issue 18 defects", () => {
  test("names are added after the sheets exist and before any validation or formula that uses them", async () => {
    const fake = new FakeExcel();
    const plan = richPlan();
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    const props = fake.writes.map((w) => w.property);
    const firstName = props.indexOf("names.add");
    const lastSheet = props.lastIndexOf("worksheets.add");
    expect(firstName).toBeGreaterThan(lastSheet);
    const firstRule = props.indexOf("dataValidation.rule");
    const firstFormula = props.indexOf("formulas");
    expect(firstRule).toBeGreaterThan(-1);
    expect(firstFormula).toBeGreaterThan(-1);
    expect(props.lastIndexOf("names.add")).toBeLessThan(Math.min(firstRule, firstFormula));
  });

  test('a "monitoring 2023" sheet is found as "Monitoring 2023" (no ItemAlreadyExists)', async () => {
    const fake = new FakeExcel(["monitoring 2023"]);
    fake.sheet("monitoring 2023")!.set(0, 0, "stare", null);
    const plan = richPlan();
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    expect(fake.sheets.filter((s) => s.name.toLowerCase() === "monitoring 2023")).toHaveLength(1);
    // Cleared and rewritten, as a sheet of the plan's own spelling is.
    expect(fake.sheet("Monitoring 2023")!.get(0, 0).value).not.toBe("stare");
  });

  test("the summaries find an existing sheet ignoring case", () => {
    expect(hasSheet(["monitoring 2023"], "Monitoring 2023")).toBe(true);
    expect(hasSheet(["Monitoring 2022"], "Monitoring 2023")).toBe(false);
  });

  test("conditional formats end in the plan's order (the .xlsx renderer's priorities 1, 2, …)", async () => {
    const fake = new FakeExcel();
    const plan = richPlan();
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    for (const p of plan.sheets) {
      const got = fake.sheet(p.name)!.conditionalFormats.map((c) => c.formula);
      expect(got).toEqual(p.conditionalFormats.map((c) => c.formula));
    }
    expect(plan.sheets[0].conditionalFormats.length).toBeGreaterThan(1);
  });

  test("a table of the plan's name on another sheet is not converted: the user is told", async () => {
    const fake = new FakeExcel(["Inny"]);
    fake.tables.set("uczestnicy", {
      name: "Uczestnicy",
      sheet: "Inny",
      ref: { row: 0, col: 0, rows: 2, cols: 2 },
    });
    const plan = richPlan();
    const err = await renderSheetPlans(ctx(fake), plan.sheets, plan.names).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).info.message.pl).toContain("„Inny”");
    expect(fake.tables.get("uczestnicy")?.sheet).toBe("Inny");
    expect(fake.writes.some((w) => w.property === "table.convertToRange")).toBe(false);
  });

  test("a table of the plan's name on the plan's own sheet is converted and laid out again", async () => {
    const fake = new FakeExcel();
    const plan = richPlan();
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    expect(fake.tables.get("uczestnicy")?.sheet).toBe("Uczestnicy");
  });
});

describe("Excel.run options and error codes", () => {
  async function optionsAt(sets: string[]): Promise<Excel.RunOptions | undefined> {
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    g.Office = { context: { requirements: { isSetSupported: (_n: string, v: string) => sets.includes(v) } } };
    let seen: Excel.RunOptions | undefined;
    const runner = {
      run: (a: unknown, b?: unknown) => {
        if (typeof a !== "function") seen = a as Excel.RunOptions;
        const batch = (typeof a === "function" ? a : b) as (c: unknown) => Promise<unknown>;
        return batch({});
      },
    };
    try {
      await runInExcel(() => Promise.resolve(1), runner as never);
    } finally {
      g.Office = before;
    }
    return seen;
  }
  const upTo = (n: number) => Array.from({ length: n }, (_, i) => `1.${i + 1}`);

  test("mergeUndoGroup only at ExcelApi 1.20 (not 1.19)", async () => {
    expect((await optionsAt(upTo(19)))?.mergeUndoGroup).toBeUndefined();
    expect((await optionsAt(upTo(19)))?.delayForCellEdit).toBe(true);
    expect((await optionsAt(upTo(20)))?.mergeUndoGroup).toBe(true);
  });

  test("errors map Excel.ErrorCodes: AccessDenied is a protected sheet, ItemAlreadyExists is named", () => {
    expect(describeHostError({ code: "AccessDenied", message: "x" }).kind).toBe("protected");
    expect(describeHostError({ code: "ItemAlreadyExists", message: "x" }).kind).toBe("itemAlreadyExists");
    expect(describeHostError({ code: "RequestAborted", message: "x" }).kind).toBe("busy");
    expect(describeHostError({ code: "OperationCellsExceedLimit", message: "x" }).kind).toBe(
      "requestTooLarge",
    );
  });
});

describe("bounded reads", () => {
  test("a 20 000-row register and no monitoring sheet validate with no request or response over 4 MB", async () => {
    const fake = new FakeExcel(["Uczestnicy"]);
    const st = fake.sheet("Uczestnicy")!;
    const cols = 16;
    for (let c = 0; c < cols; c++) st.set(0, c, `Kolumna ${c + 1}`, null);
    for (let r = 1; r <= 20_000; r++)
      for (let c = 0; c < cols; c++) st.set(r, c, c === 0 ? `${44051400000 + r}` : `wartość ${r}-${c}`, null);
    const res = await validateInExcel(ctx(fake), PROGRAMME, { year: 2023 });
    expect(res.syncs).toBeGreaterThan(2);
    expect(fake.maxResponseBytes).toBeLessThan(4_000_000);
    expect(fake.maxRequestBytes).toBeLessThan(4_000_000);
    // The register is read as values only: no formulas, and no number formats over its 320 016 cells (only
    // the monitoring sheets asked for by name load theirs, and they do not exist here).
    const rangeLoads = fake.loadLog.filter((l) => l.proxy === "FakeRange");
    expect(rangeLoads.flatMap((l) => l.props)).toContain("values");
    expect(rangeLoads.flatMap((l) => l.props)).not.toContain("formulas");
    const formatCells = rangeLoads
      .filter((l) => l.props.includes("numberFormat"))
      .reduce((n, l) => n + (l.cells ?? 0), 0);
    expect(formatCells).toBeLessThan(10);
  }, 60_000);

  test("create register reads the existing register as values only", async () => {
    const fake = new FakeExcel();
    const host = createExcelWorkbookHost({
      excel: fake as never,
      excelApi: () => true,
      loadRenderer: () => Promise.resolve(renderModule),
    });
    const card = builtinCard(DEFAULT_CARD_ID) as Card;
    const deps = { host, lang: "pl" as const, confirmReplace: () => Promise.resolve(true) };
    await createRegister(deps, card, Date.UTC(2024, 8, 1));
    fake.loadLog.length = 0;
    await createRegister(deps, card, Date.UTC(2024, 8, 1));
    const rangeLoads = fake.loadLog.filter((l) => l.proxy === "FakeRange").flatMap((l) => l.props);
    expect(rangeLoads).toContain("values");
    expect(rangeLoads.filter((p) => p === "formulas" || p === "numberFormat")).toEqual([]);
  });
});

describe("fit to page (office-js issue 1860)", () => {
  test("a layout with fit-to-page is reported, and the pane tells the user to open Page Layout once", async () => {
    const fake = new FakeExcel();
    const host = createExcelWorkbookHost({
      excel: fake as never,
      excelApi: () => true,
      loadRenderer: () => Promise.resolve(renderModule),
    });
    const plan = richPlan();
    const report = await host.writePlans(plan.sheets, plan.names);
    expect(report.fitToPage).toBe(true);
    // What can be set is set: the zoom with the fit pages.
    expect(fake.writes.some((w) => w.property.includes("zoom"))).toBe(true);
    const text = layoutDoneText({ sheet: "Monitoring 2023", kept: 0, fitToPage: true }, "pl");
    expect(text).toContain("Widok → Układ strony");
    const noPrint = await host.writePlans([{ ...plan.sheets[1], print: undefined }], []);
    expect(noPrint.fitToPage).toBeUndefined();
  });
});
