/**
 * The *Plan projektu* flows over a host that keeps what is written: creating the sheet keeps every number
 * typed in it (pane edits fill or override only the fields edited), a foreign sheet of that name is
 * replaced only after asking, the register's presence adds the actual figures.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import type { Card } from "../../../src/domain/card/types";
import type { WorkbookHost } from "../../../src/taskpane/host";
import { minimumPlan } from "../../../src/domain/plan/evaluate";
import { planFields } from "../../../src/domain/plan/fields";
import { damagedSheetNote, percentCellNote } from "../../../src/domain/plan/notes";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { writeXlsx } from "../../../src/hosts/xlsx/render";
import {
  createPlanSheet,
  evaluateValues,
  PlanDeps,
  readPlanState,
  typedValue,
} from "../../../src/taskpane/participants/planFlows";
import type { SheetCells } from "../../../src/workbook/cells";
import type { SheetPlan } from "../../../src/workbook/plan";
import { parseA1 } from "../../../src/workbook/address";
import {
  buildPlanSheetPlan,
  planCellMap,
  planNames,
  PLAN_SHEET,
} from "../../../src/workbook/projectPlan/sheet";
import { planGrid } from "../../workbook/summary/hfLoader";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const map = planCellMap(card);

function host(
  initial: SheetCells[] = [],
): WorkbookHost & { sheets: Map<string, SheetCells>; plans: SheetPlan[] } {
  const sheets = new Map(initial.map((s) => [s.name, s]));
  const plans: SheetPlan[] = [];
  return {
    kind: "excel",
    sheets,
    plans,
    excelApi: () => true,
    listSheets: () => Promise.resolve([...sheets.keys()]),
    readSheet: (n) => Promise.resolve(sheets.get(n) ?? null),
    writePlans: (ps: SheetPlan[]) => {
      for (const p of ps) {
        plans.push(p);
        sheets.set(p.name, {
          name: p.name,
          top: 0,
          left: 0,
          values: planGrid(p).map((r) =>
            r.map((v) => (typeof v === "string" && v.startsWith("=") ? null : v)),
          ),
        });
      }
      return Promise.resolve({});
    },
    showSheet: () => Promise.resolve(),
  };
}
const deps = (h: WorkbookHost, answer = true, asked: string[] = []): PlanDeps => ({
  host: h,
  lang: "pl",
  confirmReplace: (s) => (asked.push(s), Promise.resolve(answer)),
});
const at = (h: ReturnType<typeof host>, a: string) => {
  const { row, col } = parseA1(a);
  return h.sheets.get(PLAN_SHEET)!.values[row]?.[col] ?? null;
};

test("re-creating keeps every number typed in the sheet; pane edits override only their fields", async () => {
  const h = host();
  expect((await createPlanSheet(deps(h), card, { all: 60, unemployed: 48 })).status).toBe("done");
  // The user types into the sheet.
  const { row, col } = parseA1(map.fields.women.plan);
  h.sheets.get(PLAN_SHEET)!.values[row][col] = 30;
  const out = await createPlanSheet(deps(h), card, { unemployed: 50 });
  expect(out).toMatchObject({ status: "done", kept: 3, withRegister: false });
  expect([
    at(h, map.fields.all.plan),
    at(h, map.fields.unemployed.plan),
    at(h, map.fields.women.plan),
  ]).toEqual([60, 50, 30]);
});

test("a foreign 'Plan projektu' is replaced only after asking; No keeps it", async () => {
  const foreign: SheetCells = { name: PLAN_SHEET, top: 0, left: 0, values: [["moje notatki"]] };
  const asked: string[] = [];
  const h = host([foreign]);
  expect(await createPlanSheet(deps(h, false, asked), card, { all: 5 })).toEqual({ status: "kept" });
  expect(h.sheets.get(PLAN_SHEET)).toBe(foreign);
  expect(asked).toEqual([PLAN_SHEET]);
  expect((await createPlanSheet(deps(h, true), card, { all: 5 })).status).toBe("done");
});

test("with the register and the criteria sheet, the plan sheet gets the actual figures", async () => {
  const h = host([
    { name: "Uczestnicy", top: 0, left: 0, values: [["Lp."]] },
    { name: card.sheetName, top: 0, left: 0, values: [["x"]] },
  ]);
  const out = await createPlanSheet(deps(h), card, {});
  expect(out).toMatchObject({ withRegister: true });
  const { row, col } = parseA1(map.fields.all.actual);
  const f = h.plans[0].blocks[0].formulas![row][col];
  expect(f).toMatch(/^=COUNTIFS\(D_evaluable,1\)$/);
});

test("typed text becomes a finding with the cell and the fix", () => {
  expect([
    typedValue("12"),
    typedValue(""),
    typedValue("1 875"),
    typedValue("2,5"),
    typedValue("abc"),
  ]).toEqual([12, null, 1875, 2.5, "abc"]);
  const o = evaluateValues(card, { all: 10, inactive: "abc", trained: 2.5 });
  expect(o.findings.map((f) => [f.cell, f.rule])).toEqual([
    [`${PLAN_SHEET}!${map.fields.inactive.plan}`, "notNumber"],
    [`${PLAN_SHEET}!${map.fields.trained.plan}`, "fraction"],
  ]);
});

test("a plan sheet the applicant renamed is found by its codes and rewritten in place, names following it", async () => {
  const h = host([
    { name: "Uczestnicy", top: 0, left: 0, values: [["Lp.", "Imię"]] },
    { name: "notatki", top: 0, left: 0, values: [["spotkanie 12.03"]] },
  ]);
  await createPlanSheet(deps(h), card, { all: 60 });
  // Renamed in Excel: the PL_* names follow it there; the pane must not make a second "Plan projektu".
  const renamed = { ...h.sheets.get(PLAN_SHEET)!, name: "Plan — wersja 2" };
  h.sheets.delete(PLAN_SHEET);
  h.sheets.set(renamed.name, renamed);
  const { row, col } = parseA1(map.fields.women.plan);
  renamed.values[row][col] = 30;
  let names: { name: string; refersTo: string }[] = [];
  const write = h.writePlans.bind(h);
  h.writePlans = (ps, ns) => ((names = ns), write(ps, ns));
  const out = await createPlanSheet(deps(h), card, { unemployed: 48 });
  expect(out).toMatchObject({ status: "done", kept: 2, sheet: "Plan — wersja 2" });
  expect([...h.sheets.keys()]).toEqual(["Uczestnicy", "notatki", "Plan — wersja 2"]);
  expect(h.plans[h.plans.length - 1].name).toBe("Plan — wersja 2");
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n.refersTo).toMatch(/^='Plan — wersja 2'!\$[A-Z]+\$\d+$/);
  const cells = h.sheets.get("Plan — wersja 2")!;
  expect(cells.values[row][col]).toBe(30);
  // Findings point at the sheet as it is named now.
  const f = evaluateValues(card, { all: 60, women: 200 }, out.status === "done" ? out.sheet : PLAN_SHEET);
  expect(f.findings.length).toBeGreaterThan(0);
  for (const x of f.findings)
    expect(x.cell.startsWith("'Plan — wersja 2'!") || x.cell.startsWith("Plan — wersja 2!")).toBe(true);
});

describe("a share typed where the plan wants persons (100% read as 1)", () => {
  /** A plan sheet as a spreadsheet saves it: `ipd` holds 1 under a percent format (the applicant typed 100%). */
  async function savedPlan(name = PLAN_SHEET): Promise<SheetCells> {
    const sheet = buildPlanSheetPlan(card, { values: { ...minimumPlan(card, 60), ipd: 1 } });
    sheet.formats.push({ range: map.fields.ipd.plan, style: { numberFormat: "0%" } });
    const wb = await readXlsx(await writeXlsx({ sheets: [sheet], names: planNames(card) }));
    return { ...wb.sheets[0], name };
  }
  /** Excel's host: `valuesOnly` leaves out formulas and number formats, as src/hosts/excel/read.ts does. */
  function excelLike(sheets: SheetCells[]): WorkbookHost {
    const h = host(sheets);
    h.readSheet = (n, opts) => {
      const s = h.sheets.get(n);
      if (!s) return Promise.resolve(null);
      return Promise.resolve(
        opts?.valuesOnly ? { name: s.name, top: s.top, left: s.left, values: s.values } : s,
      );
    };
    return h;
  }

  test("reading the sheet back names the cell, as miernik plan does; in Excel too (formats read)", async () => {
    const state = await readPlanState(excelLike([await savedPlan()]), card);
    expect(state.values?.ipd).toBe(1);
    expect(state.percent).toEqual([{ key: "ipd", cell: `${PLAN_SHEET}!${map.fields.ipd.plan}`, value: 1 }]);
    const note = percentCellNote(
      { cell: state.percent[0].cell, label: planFields(card).find((f) => f.key === "ipd")!.label, value: 1 },
      60,
      card.parameters,
    );
    expect(note.pl).toBe(
      `Uwaga: ${PLAN_SHEET}!${map.fields.ipd.plan} („w tym uczestnicy z IPD”) to procent (100%), a plan to liczby osób — liczone jako 1. ` +
        "Wpisz liczbę osób (np. 60 przy 60 uczestnikach) i ustaw format komórki Ogólny lub Liczbowy.",
    );
    expect(note.en).toBe(
      `Note: ${PLAN_SHEET}!${map.fields.ipd.plan} (“of which participants with an IPD”) is a percentage (100%), but the plan holds numbers of persons — counted as 1. ` +
        "Type the number of persons (e.g. 60 of 60 participants) and set the cell format to General or Number.",
    );
  });

  test("a renamed plan sheet is read again with its formats; the same 1 without a percent format is no note", async () => {
    const renamed = await readPlanState(excelLike([await savedPlan("Mój plan")]), card);
    expect(renamed.sheet).toBe("Mój plan");
    expect(renamed.percent.map((p) => p.cell)).toEqual([`Mój plan!${map.fields.ipd.plan}`]);
    const plain = await readXlsx(
      await writeXlsx({
        sheets: [buildPlanSheetPlan(card, { values: { ...minimumPlan(card, 60), ipd: 1 } })],
        names: planNames(card),
      }),
    );
    expect((await readPlanState(excelLike(plain.sheets), card)).percent).toEqual([]);
  });

  test("re-creating the sheet keeps the 1 and says so, unless the field was typed in the pane", async () => {
    const kept = await createPlanSheet(deps(excelLike([await savedPlan()])), card, {});
    expect(kept).toMatchObject({ status: "done", percent: [{ key: "ipd", value: 1 }] });
    const typed = await createPlanSheet(deps(excelLike([await savedPlan()])), card, { ipd: 60 });
    expect(typed).toMatchObject({ status: "done", percent: [] });
  });

  test("with no total planned yet the note gives no example count", () => {
    const note = percentCellNote(
      { cell: "Plan projektu!C9", label: { pl: "x", en: "x" }, value: 0.5 },
      0,
      card.parameters,
    );
    expect(note.pl).toContain("to procent (50%)");
    expect(note.pl).toContain("liczone jako 0,5. Wpisz liczbę osób i ustaw format");
    expect(note.en).toContain("counted as 0.5. Type the number of persons and set");
    // 1 participant: the singular forms.
    const one = percentCellNote({ cell: "C9", label: { pl: "x", en: "x" }, value: 1 }, 1, card.parameters);
    expect(one.pl).toContain("(np. 1 przy 1 uczestniku)");
    expect(one.en).toContain("(e.g. 1 of 1 participant)");
  });
});

test("formula cells pasted over or showing #REF! are named on reading the sheet back, with the pane's fix", async () => {
  const sheet = buildPlanSheetPlan(card, { values: minimumPlan(card, 60) });
  const cells = (await readXlsx(await writeXlsx({ sheets: [sheet], names: planNames(card) }))).sheets[0];
  const at = (a: string) => {
    const { row, col } = parseA1(a);
    return { r: row - cells.top, c: col - cells.left };
  };
  // A value pasted over the used-value formula of "all"; #REF! saved in that of "unemployed".
  const over = at(map.fields.all.used);
  cells.formulas![over.r][over.c] = null;
  cells.values[over.r][over.c] = 60;
  const bad = at(map.fields.unemployed.used);
  cells.values[bad.r][bad.c] = "#REF!";
  const state = await readPlanState(host([cells]), card);
  expect(state.overwritten).toEqual([`${PLAN_SHEET}!${map.fields.all.used}`]);
  expect(state.broken).toEqual([`${PLAN_SHEET}!${map.fields.unemployed.used}`]);
  const note = damagedSheetNote(state.overwritten, state.broken, {
    pl: "Utwórz arkusz planu",
    en: "Create the plan sheet",
  })!;
  expect(note.pl).toBe(
    `Wartość zamiast formuły: 1 komórka (${PLAN_SHEET}!${map.fields.all.used}) — arkusz jej nie przelicza, więc może pokazywać co innego niż ta ocena. ` +
      `Formuła z błędem (#ADR!, #NAZWA? …): 1 komórka (${PLAN_SHEET}!${map.fields.unemployed.used}) — zwykle po usunięciu wiersza pozycji planu. ` +
      "Kliknij „Utwórz arkusz planu”: arkusz zostanie zapisany od nowa z wpisanymi liczbami; pozycję bez uczestników zostaw pustą zamiast usuwać wiersz.",
  );
  expect(note.en).toContain("A value instead of a formula: 1 cell");
  expect(note.en).toContain("Click “Create the plan sheet”");
  // A sheet as written: nothing to say.
  const clean = (await readXlsx(await writeXlsx({ sheets: [sheet], names: planNames(card) }))).sheets[0];
  const ok = await readPlanState(host([clean]), card);
  expect([ok.overwritten, ok.broken]).toEqual([[], []]);
  expect(damagedSheetNote(ok.overwritten, ok.broken, { pl: "x", en: "x" })).toBeNull();
});
