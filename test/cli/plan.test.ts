/**
 * `miernik plan`: writes the plan sheet (empty / with the card's minimums for N), refuses an existing file
 * without --force, evaluates a filled workbook (--json) with every bad cell named, never writes onto it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import type { Card } from "../../src/domain/card/types";
import { evaluatePlan, minimumPlan } from "../../src/domain/plan/evaluate";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { readPlanSheet } from "../../src/workbook/projectPlan/reader";
import { buildPlanSheetPlan, planCellMap, planNames, PLAN_SHEET } from "../../src/workbook/projectPlan/sheet";
import { parseA1 } from "../../src/workbook/address";
import { csvBytes, participants } from "../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
let dir = "";
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-plan-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { cwd: dir, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("writes the sheet with N pre-filled; the minimums meet every formal criterion", async () => {
  const r = await cli(["plan", "--participants", "60", "-o", "p.xlsx"]);
  expect(r).toMatchObject({ code: 0 });
  const wb = await readXlsx(fs.readFileSync(path.join(dir, "p.xlsx")));
  const read = readPlanSheet(
    wb.sheets.find((s) => s.name === PLAN_SHEET)!,
    card,
  );
  expect(read.values).toMatchObject({
    all: 60,
    unemployed: 48,
    longTermUnemployed: 29,
    leavingAgriculture: 8,
    ipd: 60,
  });
  const e = evaluatePlan(card, read.values);
  expect(e.criteria.filter((c) => c.kind === "formal").map((c) => [c.id, c.met])).toEqual([
    ["formal.unemployed", true],
    ["formal.longTermUnemployed", true],
    ["formal.leavingAgriculture", true],
    ["formal.ipd", true],
    ["formal.internship", null],
    ["formal.minParticipants", true],
  ]);
  // Evaluating it: exit 0 (consistent, formal met, effectiveness not applicable yet).
  const j = await cli(["plan", "p.xlsx", "--json"]);
  expect(j.code).toBe(0);
  expect(JSON.parse(j.out)).toMatchObject({
    participants: 60,
    allRequiredMet: true,
    premiumPoints: 5,
    findings: [],
  });
});

test("refuses an existing output without --force; an empty sheet by default", async () => {
  expect((await cli(["plan", "-o", "p.xlsx"])).code).toBe(0);
  const again = await cli(["plan", "-o", "p.xlsx"]);
  expect(again.code).toBe(2);
  expect(again.err).toContain("--force");
  expect((await cli(["plan", "-o", "p.xlsx", "--force", "--participants", "10"])).code).toBe(0);
  expect((await cli(["plan", "--participants", "-3"])).code).toBe(2);
  expect((await cli(["plan", "--participants", "2.5"])).code).toBe(2);
  expect((await cli(["plan", "--participants", "1 2x"])).code).toBe(2);
  // A thousands space, as people write 1 200.
  const spaced = await cli(["plan", "--participants", "1 200", "-o", "p1200.xlsx"]);
  expect(spaced.code).toBe(0);
  expect(spaced.out).toMatch(/minima dla 1[\s\u00a0\u202f]200 uczestników/);
});

test("a filled plan with bad cells: each finding names the cell and the fix; the input is not written", async () => {
  const values = {
    ...minimumPlan(card, 50),
    longTermUnemployed: 45,
    inactive: "dziesięć",
    women: -2,
    trained: 7.5,
  };
  const file = path.join(dir, "filled.xlsx");
  fs.writeFileSync(
    file,
    await writeXlsx({ sheets: [buildPlanSheetPlan(card, { values })], names: planNames(card) }),
  );
  const before = fs.readFileSync(file);
  const r = await cli(["plan", "filled.xlsx", "--json"]);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.out) as { findings: { cell: string; field: string; rule: string; fix: string }[] };
  const map = planCellMap(card);
  expect(j.findings.map((f) => [f.field, f.rule, f.cell])).toEqual([
    ["longTermUnemployed", "exceeds", `${PLAN_SHEET}!${map.fields.longTermUnemployed.plan}`],
    ["inactive", "notNumber", `${PLAN_SHEET}!${map.fields.inactive.plan}`],
    ["women", "negative", `${PLAN_SHEET}!${map.fields.women.plan}`],
    ["trained", "fraction", `${PLAN_SHEET}!${map.fields.trained.plan}`],
  ]);
  expect(j.findings[0].fix).toContain("40");
  const text = await cli(["plan", "filled.xlsx"]);
  expect(text.out).toContain(`${PLAN_SHEET}!${map.fields.inactive.plan}: Nie liczba`);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect((await cli(["plan", "filled.xlsx", "-o", "filled.xlsx"])).code).toBe(2);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
});

test("unreadable input and a workbook without a plan sheet: exit 2 with a message", async () => {
  fs.writeFileSync(path.join(dir, "x.xlsx"), "not a zip");
  const r = await cli(["plan", "x.xlsx"]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("x.xlsx");
  const other = await cli(["layout", "--year", "2023", "-o", "m.xlsx"]);
  expect(other.code).toBe(0);
  const m = await cli(["plan", "m.xlsx"]);
  expect(m.code).toBe(2);
  expect(m.err).toContain(PLAN_SHEET);
});

test("--register: the check workbook plus the plan sheet with the register's actual figures", async () => {
  fs.writeFileSync(path.join(dir, "reg.csv"), csvBytes(participants(30, 77)));
  const r = await cli([
    "plan",
    "--register",
    "reg.csv",
    "--as-of",
    "2024-09-01",
    "--participants",
    "60",
    "-o",
    "wb.xlsx",
  ]);
  expect(r).toMatchObject({ code: 0 });
  const wb = await readXlsx(fs.readFileSync(path.join(dir, "wb.xlsx")));
  expect(wb.sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining([PLAN_SHEET, "Uczestnicy", card.sheetName]),
  );
  const plan = wb.sheets.find((s) => s.name === PLAN_SHEET)!;
  const { row, col } = parseA1(planCellMap(card).fields.all.actual);
  expect(plan.formulas?.[row - plan.top]?.[col - plan.left]).toMatch(/COUNTIFS\(D_evaluable,1\)/);
  expect((await cli(["plan", "--register", "reg.csv", "-o", "reg.csv", "--force"])).code).toBe(2);
  expect((await cli(["plan", "--as-of", "2024-09-01", "-o", "y.xlsx"])).code).toBe(2);
});

test("says what it wrote: empty, the minimums for N, or with the register's sheets; --lang is in the usage", async () => {
  expect((await cli(["plan", "-o", "e.xlsx"])).out).toBe(
    "Zapisano e.xlsx: arkusz „Plan projektu” (karta rpo-wl-9.1-2016), pusty",
  );
  expect((await cli(["plan", "--participants", "1", "-o", "one.xlsx"])).out).toContain(
    "minima dla 1 uczestnika",
  );
  expect((await cli(["plan", "--participants", "1", "-o", "one-en.xlsx", "--lang", "en"])).out).toBe(
    "Written one-en.xlsx: sheet “Plan projektu” (card rpo-wl-9.1-2016), the minimums for 1 participant",
  );
  fs.writeFileSync(path.join(dir, "r.csv"), csvBytes(participants(3, 1)));
  const r = await cli(["plan", "--register", "r.csv", "-o", "r.xlsx"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/, z rejestrem \(3 osoby\): arkusze „Uczestnicy”, „Kryteria 9\.1”$/);
  expect(r.out).not.toContain("pusty");
  const help = await cli(["plan", "--help"]);
  expect(help.out + help.err).toContain("[--lang pl|en]");
});

test("a renamed plan sheet is found by its codes in column A; findings name the sheet as it is now", async () => {
  const values = { ...minimumPlan(card, 60), women: 70 };
  const file = path.join(dir, "renamed.xlsx");
  const sheet = { ...buildPlanSheetPlan(card, { values }), name: "Plan 2017" };
  const names = planNames(card).map((n) => ({ ...n, refersTo: n.refersTo.replace(PLAN_SHEET, "Plan 2017") }));
  fs.writeFileSync(file, await writeXlsx({ sheets: [sheet], names }));
  const r = await cli(["plan", "renamed.xlsx", "--json"]);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.out) as { sheet: string; participants: number; findings: { cell: string }[] };
  expect(j.sheet).toBe("Plan 2017");
  expect(j.participants).toBe(60);
  expect(j.findings.map((f) => f.cell)).toEqual([`Plan 2017!${planCellMap(card).fields.women.plan}`]);
  const text = await cli(["plan", "renamed.xlsx"]);
  expect(text.out).toContain("Plan z arkusza „Plan 2017”");
});

test("values pasted over the sheet's formula cells are named: the workbook no longer follows the plan", async () => {
  const sheet = buildPlanSheetPlan(card, { values: minimumPlan(card, 60) });
  const map = planCellMap(card);
  const block = sheet.blocks[0];
  // The applicant pastes values over a hidden "value used" cell and types TAK over a verdict.
  for (const [a, v] of [
    [map.fields.unemployed.used, 48],
    [map.criteria["formal.unemployed"].met, "TAK"],
  ] as const) {
    const { row, col } = parseA1(a);
    block.formulas![row][col] = null;
    block.values[row][col] = v;
  }
  fs.writeFileSync(
    path.join(dir, "pasted.xlsx"),
    await writeXlsx({ sheets: [sheet], names: planNames(card) }),
  );
  const j = await cli(["plan", "pasted.xlsx", "--json"]);
  expect(j.code).toBe(1);
  const parsed = JSON.parse(j.out) as { allRequiredMet: boolean; overwritten: string[] };
  expect(parsed.allRequiredMet).toBe(true);
  expect(parsed.overwritten).toEqual([
    `${PLAN_SHEET}!${map.fields.unemployed.used}`,
    `${PLAN_SHEET}!${map.criteria["formal.unemployed"].met}`,
  ]);
  const t = await cli(["plan", "pasted.xlsx"]);
  expect(t.out).toContain(
    `Wartość zamiast formuły: 2 komórki (${PLAN_SHEET}!${map.fields.unemployed.used}, ${PLAN_SHEET}!${map.criteria["formal.unemployed"].met})`,
  );
  expect(t.out).not.toContain("Plan spójny");
  // The sheet as written has no such cell.
  fs.writeFileSync(
    path.join(dir, "clean.xlsx"),
    await writeXlsx({
      sheets: [buildPlanSheetPlan(card, { values: minimumPlan(card, 60) })],
      names: planNames(card),
    }),
  );
  expect(JSON.parse((await cli(["plan", "clean.xlsx", "--json"])).out).overwritten).toEqual([]);
});

test("a deleted plan row: the missing item named by its label with the fix; formulas saved with #REF! named", async () => {
  const file = path.join(dir, "deleted.xlsx");
  fs.writeFileSync(
    file,
    await writeXlsx({
      sheets: [buildPlanSheetPlan(card, { values: minimumPlan(card, 60) })],
      names: planNames(card),
    }),
  );
  // As Excel saves it after the row of "inactive" is deleted: no row with that code, PL_inactive and the
  // formulas that used it (the status sum in the check of "all", criterion A3) give #REF!.
  const map = planCellMap(card);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as never);
  const ws = wb.getWorksheet(PLAN_SHEET)!;
  const inactiveRow = parseA1(map.fields.inactive.plan).row + 1;
  ws.getCell(`A${inactiveRow}`).value = null;
  ws.getCell(`B${inactiveRow}`).value = null;
  for (const a of [map.fields.all.check, map.criteria["result.A3"].met]) {
    const c = ws.getCell(a);
    // eslint-disable-next-line office-addins/call-sync-before-read -- an ExcelJS cell, not Office.js
    c.value = { formula: c.formula, result: { error: "#REF!" } };
  }
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const j = await cli(["plan", "deleted.xlsx", "--json"]);
  expect(j.code).toBe(1);
  const parsed = JSON.parse(j.out) as {
    allRequiredMet: boolean;
    missing: { field: string; label: string }[];
    broken: string[];
  };
  expect(parsed.allRequiredMet).toBe(true);
  expect(parsed.missing).toEqual([{ field: "inactive", label: "w tym osoby bierne zawodowo" }]);
  expect(parsed.broken).toEqual([
    `${PLAN_SHEET}!${map.fields.all.check}`,
    `${PLAN_SHEET}!${map.criteria["result.A3"].met}`,
  ]);
  const t = await cli(["plan", "deleted.xlsx"]);
  expect(t.out).toContain(
    "Uwaga: w arkuszu „Plan projektu” brak pozycji planu (ich kodów w kolumnie A), liczonych jako 0: „w tym osoby bierne zawodowo” (inactive).",
  );
  expect(t.out).toContain(
    `Formuła z błędem (#ADR!, #NAZWA? …): 2 komórki (${PLAN_SHEET}!${map.fields.all.check}`,
  );
  expect(t.out).toContain("arkusz trzeba naprawić");
  expect(t.out).toContain("miernik plan deleted.xlsx -o nowy-plan.xlsx");
});

test("plan <workbook> -o / --register: a new sheet with the numbers typed in the workbook's plan; the input untouched", async () => {
  // A damaged plan (a verdict typed over its formula) with the applicant's own numbers, one of them text.
  const typed = { ...minimumPlan(card, 70), women: 40, inactive: "14" };
  const sheet = buildPlanSheetPlan(card, { values: typed });
  const { row, col } = parseA1(planCellMap(card).criteria["formal.unemployed"].met);
  sheet.blocks[0].formulas![row][col] = null;
  sheet.blocks[0].values[row][col] = "TAK";
  const file = path.join(dir, "my plan.xlsx");
  fs.writeFileSync(file, await writeXlsx({ sheets: [sheet], names: planNames(card) }));
  const before = fs.readFileSync(file);
  const damaged = await cli(["plan", "my plan.xlsx"]);
  expect(damaged.out).toContain('miernik plan "my plan.xlsx" -o nowy-plan.xlsx');

  const r = await cli(["plan", "my plan.xlsx", "-o", "fixed.xlsx"]);
  expect(r).toMatchObject({ code: 0 });
  expect(r.out).toBe(
    "Zapisano fixed.xlsx: arkusz „Plan projektu” (karta rpo-wl-9.1-2016), liczby planu z my plan.xlsx",
  );
  const wb = await readXlsx(fs.readFileSync(path.join(dir, "fixed.xlsx")));
  expect(
    readPlanSheet(
      wb.sheets.find((s) => s.name === PLAN_SHEET)!,
      card,
    ).values,
  ).toMatchObject({
    all: 70,
    women: 40,
    inactive: "14",
  });
  const j = JSON.parse((await cli(["plan", "fixed.xlsx", "--json"])).out) as {
    overwritten: string[];
    findings: { field: string }[];
  };
  expect(j.overwritten).toEqual([]);
  expect(j.findings.map((f) => f.field)).toEqual(["inactive"]);
  expect(fs.readFileSync(file).equals(before)).toBe(true);

  fs.writeFileSync(path.join(dir, "reg.csv"), csvBytes(participants(30, 77)));
  const withReg = await cli(["plan", "fixed.xlsx", "--register", "reg.csv", "-o", "vs.xlsx"]);
  expect(withReg.code).toBe(0);
  const vs = await readXlsx(fs.readFileSync(path.join(dir, "vs.xlsx")));
  expect(
    readPlanSheet(
      vs.sheets.find((s) => s.name === PLAN_SHEET)!,
      card,
    ).values.all,
  ).toBe(70);
  expect(vs.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Uczestnicy", card.sheetName]));
  // Never onto the input, nor with --participants as well.
  expect((await cli(["plan", "fixed.xlsx", "-o", "fixed.xlsx", "--force"])).code).toBe(2);
  expect((await cli(["plan", "fixed.xlsx", "-o", "x.xlsx", "--participants", "60"])).code).toBe(2);
});

test("a share typed where the plan wants persons (100% for IPD) is named: it passes the sheet's checks as 1", async () => {
  const sheet = buildPlanSheetPlan(card, { values: { ...minimumPlan(card, 60), ipd: 1 } });
  const ipd = planCellMap(card).fields.ipd.plan;
  sheet.formats.push({ range: ipd, style: { numberFormat: "0%" } });
  fs.writeFileSync(path.join(dir, "pct.xlsx"), await writeXlsx({ sheets: [sheet], names: planNames(card) }));
  const t = await cli(["plan", "pct.xlsx"]);
  expect(t.code).toBe(1);
  expect(t.out).toContain(
    `Uwaga: ${PLAN_SHEET}!${ipd} („w tym uczestnicy z IPD”) to procent (100%), a plan to liczby osób — liczone jako 1. ` +
      "Wpisz liczbę osób (np. 60 przy 60 uczestnikach) i ustaw format komórki Ogólny lub Liczbowy.",
  );
  const j = JSON.parse((await cli(["plan", "pct.xlsx", "--json"])).out) as { percent: unknown[] };
  expect(j.percent).toEqual([{ cell: `${PLAN_SHEET}!${ipd}`, field: "ipd", value: 1 }]);
  // The same 1 without the percent format is a number of persons like any other.
  fs.writeFileSync(
    path.join(dir, "one.xlsx"),
    await writeXlsx({
      sheets: [buildPlanSheetPlan(card, { values: { ...minimumPlan(card, 60), ipd: 1 } })],
      names: planNames(card),
    }),
  );
  expect(JSON.parse((await cli(["plan", "one.xlsx", "--json"])).out).percent).toEqual([]);
});

test("a planned share just under its threshold reads under it: 1 919 of 3 200 is 59,97%, not 60% beside NIE", async () => {
  const values = { ...minimumPlan(card, 4000), longTermUnemployed: 1919 };
  const plan = buildPlanSheetPlan(card, { values });
  fs.writeFileSync(path.join(dir, "p.xlsx"), await writeXlsx({ sheets: [plan], names: planNames(card) }));
  const r = await cli(["plan", "p.xlsx"]);
  expect(r.out).toMatch(
    /\[NIE\] w tym osoby długotrwale bezrobotne co najmniej 60%: 1\s919\/3\s200 = 59,97%, brakuje 1\n/,
  );
  expect(r.out).toMatch(/\[TAK\] Osoby bezrobotne co najmniej 80% uczestników: 3\s200\/4\s000 = 80%\n/);
  // The sheet's share cell: three decimals in the band under the threshold (Excel / LibreOffice format condition).
  const at = planCellMap(card).criteria["formal.longTermUnemployed"].share;
  const format = [...plan.formats].reverse().find((f) => f.range === at && f.style.numberFormat)
    ?.style.numberFormat;
  // Each section in Polish (`[$-415]`: LibreOffice prints 59,969% on any machine).
  expect(format).toBe("[$-415][>=0.6]0.0%;[$-415][>=0.5995]0.000%;[$-415]0.0%");
});
