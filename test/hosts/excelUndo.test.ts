/**
 * Issue 18: `mergeUndoGroup` is ExcelApi 1.20 — the fake honours it only there (below, the option is not part of
 * the API and each sync is its own undo record), and inside a group it refuses what cannot be undone
 * (UndoNotSupported). Miernik's layouts work at either version and give the same workbook.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import * as renderModule from "../../src/hosts/excel/render";
import { createExcelWorkbookHost } from "../../src/hosts/excel/workbookHost";
import { createRegister } from "../../src/taskpane/participants/flows";
import { FakeExcel, FakeOfficeError, installFakeOffice } from "../fakes/excelFake";

type Ctx = Excel.RequestContext;
const ws = (c: Ctx, n: string) => c.workbook.worksheets.getItem(n);

async function twoWrites(fake: FakeExcel): Promise<void> {
  await fake.run({ mergeUndoGroup: true }, async (c) => {
    ws(c, "A").getRange("A1").values = [[1]];
    await c.sync();
    const r = ws(c, "A").getRange("A1");
    r.load("values");
    await c.sync(); // a read: no undo record
    ws(c, "A").getRange("A2").values = [[2]];
    await c.sync();
  });
}

describe("strict fake: mergeUndoGroup (Excel.RunOptions, ExcelApi 1.20)", () => {
  test("below 1.20 the option is ignored: one undo record per writing sync; at 1.20 one for the run", async () => {
    const old = new FakeExcel(["A"]);
    old.excelApiMinor = 19;
    await twoWrites(old);
    expect(old.undoRecords).toBe(2);
    const now = new FakeExcel(["A"]);
    now.excelApiMinor = 20;
    await twoWrites(now);
    expect(now.undoRecords).toBe(1);
  });

  test("inside a group, what cannot be undone is refused with UndoNotSupported (Worksheet.visibility on desktop)", async () => {
    const hide = async (fake: FakeExcel, options: Excel.RunOptions) =>
      fake
        .run(options, async (c) => {
          ws(c, "A").visibility = "Hidden" as Excel.SheetVisibility;
          await c.sync();
          return null;
        })
        .catch((e: unknown) => (e as FakeOfficeError).code);
    const desk = () => {
      const f = new FakeExcel(["A", "B"]);
      f.excelApiMinor = 20;
      f.profile = "desktop";
      return f;
    };
    expect(await hide(desk(), { mergeUndoGroup: true })).toBe("UndoNotSupported");
    expect(await hide(desk(), {})).toBeNull();
    const web = new FakeExcel(["A", "B"]);
    web.excelApiMinor = 20;
    expect(await hide(web, { mergeUndoGroup: true })).toBeNull();
    const old = desk();
    old.excelApiMinor = 19;
    expect(await hide(old, { mergeUndoGroup: true })).toBeNull();
  });
});

describe("Miernik with and without undo grouping", () => {
  async function register(minor: number, profile: "web" | "desktop") {
    const fake = new FakeExcel();
    fake.excelApiMinor = minor;
    fake.profile = profile;
    const restore = installFakeOffice(fake);
    try {
      const host = createExcelWorkbookHost({
        excel: fake as never,
        excelApi: (v) => Number(v.split(".")[1]) <= minor,
        loadRenderer: () => Promise.resolve(renderModule),
      });
      const card = builtinCard(DEFAULT_CARD_ID) as Card;
      const deps = { host, lang: "pl" as const, confirmReplace: () => Promise.resolve(true) };
      const res = await createRegister(deps, card, Date.UTC(2024, 8, 1));
      return { fake, res };
    } finally {
      restore();
    }
  }
  const state = (f: FakeExcel) =>
    f.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.rows].map(([r, x]) => [r, x.v, x.f]),
      validations: s.validations.length,
      conditionalFormats: s.conditionalFormats.map((c) => c.formula),
    }));

  test("creating the register on Excel desktop at 1.20 works (the hidden dictionary sheet is hidden outside the group)", async () => {
    const { fake, res } = await register(20, "desktop");
    expect(res.status).toBe("done");
    expect(fake.sheets.find((s) => s.name === "Słowniki")?.visibility).toBe("Hidden");
    // The layout is one undo step; hiding the dictionary sheet (which cannot be undone on desktop) is apart.
    expect(fake.runOptions.filter((o) => o?.mergeUndoGroup)).not.toHaveLength(0);
    expect(fake.undoRecords).toBe(2);
  });

  test("the renderer does not depend on the option: the same workbook at 1.12, 1.19 and 1.20 (web and desktop)", async () => {
    const base = state((await register(12, "web")).fake);
    expect(state((await register(19, "desktop")).fake)).toEqual(base);
    expect(state((await register(20, "web")).fake)).toEqual(base);
    expect(state((await register(20, "desktop")).fake)).toEqual(base);
  });
});
