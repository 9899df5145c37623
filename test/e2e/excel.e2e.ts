/**
 * The production task pane inside a simulated Excel, in Debian's Chromium. office.js is replaced by a
 * script (./fakeOffice.ts) defining `Office` and `Excel` over the repo's recording fake
 * (test/fakes/excelFake.ts), so the pane starts as it does in Excel on the web and every Excel.run lands
 * in the fake, read here through `window.__fake`. The UI is driven by clicks, typing and the keyboard only;
 * what the pane writes is compared cell by cell with the plans built here in node:
 * - Monitoring: keyboard-only layout of the default year; layout of 2023 = buildMonitoringSheetPlan;
 *   a text-typed number in a value cell → Validate shows it → Fix writes the fix, the finding goes away;
 * - Participants: replacing a foreign "Uczestnicy" sheet asks first (dialog, axe); the register, Słowniki
 *   and the criteria sheet (and the defined names) = buildCheckWorkbookPlan; an imported .csv lands in
 *   the register; Check criteria shows exactly evaluate(checkRegister(rows)) — in Polish and in English;
 * - Summaries: the "Podsumowanie" sheet = the monitoring summary plan built from the same sheets;
 * - axe-core (no serious/critical) on the findings list and the confirm dialog; no request off 127.0.0.1.
 * Screenshots go to test-output/screenshots (excel-*.png).
 */
import type { Page } from "playwright-core";
import { evaluate } from "../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import type { Card, CriterionResult, Evaluation } from "../../src/domain/card/types";
import { isoToSerial } from "../../src/domain/dates";
import type { Lang } from "../../src/domain/i18n";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { checkRegister, RawRow } from "../../src/domain/register/checks";
import { checkValue } from "../../src/domain/validation/values";
import { readSheetCells } from "../../src/hosts/excel/read";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { columnLetters } from "../../src/workbook/address";
import type { SheetCells } from "../../src/workbook/cells";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { groupFindingsByArea } from "../../src/workbook/validation/groups";
import {
  buildMonitoringSheetPlan,
  layoutRows,
  monitoringSheetName,
} from "../../src/workbook/monitoring/layout";
import { monitoringColumn } from "../../src/workbook/monitoring/columns";
import { withSpelledOutFormulas } from "../../src/workbook/plan";
import type { CellValue, NamePlan, SheetPlan } from "../../src/workbook/plan";
import { readRegisterWorkbook } from "../../src/workbook/register/reader";
import { registerTableRows } from "../../src/workbook/register/rows";
import { readInputFile } from "../../src/workbook/summary/inputs";
import { buildWorkbookMonitoringSummary } from "../../src/workbook/summary/monitoringInputs";
import { MONITORING_SUMMARY_SHEET } from "../../src/workbook/summary/monitoringSummary";
import { FakeExcel, FakeSheetState, StyleOp } from "../fakes/excelFake";
import { csvBytes, participants } from "../fixtures/summary/projects";
import { expectAccessible } from "./a11y";
import { screenshot, Session } from "./browser";
import { fakeOfficeScript } from "./fakeOffice";
import { expectCspClean, openPane, Pane, selectTab } from "./pane";

/** The page's clock: "today" for the pane (default year 2024, as-of date, summary timestamp). */
const NOW = new Date("2025-07-15T10:00:00Z");
const AS_OF_ISO = "2025-06-30";
const AS_OF = isoToSerial(AS_OF_ISO)!;
const YEAR = 2023;
const DEFAULT_YEAR = 2024;
const CARD = builtinCard(DEFAULT_CARD_ID) as Card;
const PEOPLE = participants(40, 9101);
const CSV_NAME = "uczestnicy-projektu.csv";

function escapeRegExp(x: string): string {
  return x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A finding's message as the pane shows it under its cell: without the leading "Sheet!A1, ", capitalised. */
function findingText(f: {
  sheet: string;
  cell: string | null;
  message: { pl: string };
  fix?: unknown;
}): string {
  const where = `${f.sheet}!${f.cell}, `;
  let m = f.cell && f.message.pl.startsWith(where) ? f.message.pl.slice(where.length) : f.message.pl;
  // A fixable finding shows its fix apart (found → fix), not as the message's "; poprawka: …" tail.
  if (f.fix) m = m.replace(/;\s*poprawka:[^;]*$/, "");
  return m.charAt(0).toLocaleUpperCase("pl-PL") + m.slice(1);
}

/** Polls `read` until `ok` holds (or the time is up); returns the last value read. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

/* ---------------- reading the fake in the page ---------------- */

/** A non-empty cell of a fake sheet: [row, col, value, formula] (0-based). */
type DumpedCell = [number, number, CellValue, string | null];

interface DumpedSheet {
  name: string;
  cells: DumpedCell[];
  styleOps: StyleOp[];
  visibility: string;
}

async function dumpSheet(page: Page, name: string): Promise<DumpedSheet | null> {
  return page.evaluate((n) => {
    type Row = { v: (string | number | boolean | null)[]; f: (string | null)[] };
    const fake = (window as unknown as { __fake: { sheet(n: string): unknown } }).__fake;
    const s = fake.sheet(n) as
      { name: string; rows: Map<number, Row>; styleOps: unknown[]; visibility: string } | undefined;
    if (!s) return null;
    const cells: [number, number, string | number | boolean | null, string | null][] = [];
    for (const [r, x] of s.rows) {
      for (let c = 0; c < Math.max(x.v.length, x.f.length); c++) {
        const v = x.v[c] ?? null;
        const f = x.f[c] ?? null;
        if ((v === null || v === "") && !f) continue;
        cells.push([r, c, v, f]);
      }
    }
    return {
      name: s.name,
      cells,
      styleOps: JSON.parse(JSON.stringify(s.styleOps)),
      visibility: s.visibility,
    };
  }, name) as Promise<DumpedSheet | null>;
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __fake: { sheets: { name: string }[] } }).__fake.sheets.map((s) => s.name),
  );
}

async function fakeNames(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __fake: { names: Map<string, { name: string; formula: string }> } })
      .__fake;
    const out: Record<string, string> = {};
    for (const n of fake.names.values()) out[n.name] = n.formula;
    return out;
  });
}

async function syncCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __fake: { syncCount: number } }).__fake.syncCount);
}

async function cellOf(page: Page, sheet: string, row: number, col: number): Promise<CellValue> {
  return page.evaluate(
    ([s, r, c]) =>
      (
        window as unknown as {
          __fake: { sheet(n: string): { get(r: number, c: number): { value: CellValue } } };
        }
      ).__fake
        .sheet(s as string)
        .get(r as number, c as number).value,
    [sheet, row, col] as const,
  );
}

/** The user typing into Excel's grid: the fake stores it as Excel would and fires Worksheet.onChanged. */
async function userEdit(page: Page, sheet: string, address: string, value: CellValue): Promise<void> {
  await page.evaluate(
    ([s, a, v]) =>
      (
        window as unknown as { __fake: { userEdit(s: string, a: string, v: unknown): Promise<void> } }
      ).__fake.userEdit(s as string, a as string, v),
    [sheet, address, value] as const,
  );
}

/* ---------------- comparing with plans ---------------- */

/** What a plan leaves in each cell once written: formula, or value (later blocks overwrite earlier ones). */
function planCells(sheetPlan: SheetPlan): Map<string, { value: CellValue; formula: string | null }> {
  const plan = withSpelledOutFormulas(sheetPlan);
  const out = new Map<string, { value: CellValue; formula: string | null }>();
  for (const b of plan.blocks)
    b.values.forEach((row, r) => {
      const width = Math.max(row.length, b.formulas?.[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const key = `${columnLetters(b.col + c)}${b.row + r + 1}`;
        const f = b.formulas?.[r]?.[c] ?? null;
        const v = row[c] ?? null;
        if (f) out.set(key, { value: null, formula: f });
        else if (v !== null && v !== "") out.set(key, { value: v, formula: null });
        else out.delete(key);
      }
    });
  return out;
}

/** Every cell of the fake's sheet equals the plan (values and formulas), and no other cell is filled. */
function expectSheetEqualsPlan(sheet: DumpedSheet | null, plan: SheetPlan, minCells = 1): void {
  expect(sheet?.name).toBe(plan.name);
  const expected = planCells(plan);
  const actual = new Map<string, { value: CellValue; formula: string | null }>();
  for (const [r, c, value, formula] of sheet!.cells)
    actual.set(`${columnLetters(c)}${r + 1}`, formula ? { value: null, formula } : { value, formula: null });
  const diffs: string[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key);
    const a = actual.get(key);
    if (e?.formula !== a?.formula || (e?.value ?? null) !== (a?.value ?? null))
      diffs.push(
        `${plan.name}!${key}: expected ${JSON.stringify(e ?? null)}, found ${JSON.stringify(a ?? null)}`,
      );
  }
  expect(diffs.slice(0, 20)).toEqual([]);
  expect(expected.size).toBeGreaterThanOrEqual(minCells);
}

function expectNamesEqual(found: Record<string, string>, names: NamePlan[]): void {
  const want: Record<string, string> = {};
  for (const n of names) want[n.name] = n.refersTo;
  expect(found).toEqual(want);
}

/** A node-side copy of the browser fake's sheets, to read them with the pane's own reader. */
function nodeFake(sheets: DumpedSheet[]): FakeExcel {
  const fake = new FakeExcel();
  for (const d of sheets) {
    const s = new FakeSheetState(d.name);
    for (const [r, c, v, f] of d.cells) s.set(r, c, v, f);
    s.styleOps = d.styleOps;
    fake.sheets.push(s);
  }
  return fake;
}

/* ---------------- the pane's criteria text (ParticipantsSection's CriterionCard) ---------------- */

function pct(v: number | null, lang: Lang): string {
  if (v === null) return "—";
  const s = (Math.round(v * 1000) / 10).toFixed(1);
  return `${lang === "pl" ? s.replace(".", ",") : s}%`;
}

/** Numbers as the pane prints them: Intl.NumberFormat, Polish grouping 4-digit numbers too (1 875). */
function num(v: number, lang: Lang): string {
  return v.toLocaleString(lang === "pl" ? "pl-PL" : "en-GB", {
    useGrouping: "always",
  } as unknown as Intl.NumberFormatOptions);
}

function valueText(c: CriterionResult, lang: Lang): string {
  const n = (v: number) => num(v, lang);
  if (c.kind === "product") return `${n(c.numerator)}${c.target !== undefined ? ` / ${n(c.target)}` : ""}`;
  if (c.denominator === null) return `${n(c.numerator)}${c.threshold !== null ? ` / ${n(c.threshold)}` : ""}`;
  return `${n(c.numerator)} / ${n(c.denominator)} = ${pct(c.share, lang)}${
    c.threshold !== null ? ` (${lang === "pl" ? "próg" : "threshold"} ${pct(c.threshold, lang)})` : ""
  }`;
}

async function expectCriteriaShown(page: Page, e: Evaluation, lang: Lang): Promise<void> {
  // Polish dates dd.mm.rrrr; 40 participants → "40 uczestników".
  const summary =
    lang === "pl"
      ? `Stan na ${e.asOf.split("-").reverse().join(".")}: ${e.participants} uczestników, oczekujący na wynik: ${e.pending}`
      : `As of ${e.asOf}: ${e.participants} participants, ${e.pending} pending`;
  await expect(page.locator("[data-summary]").textContent()).resolves.toBe(summary);
  // The verdict first; not-met criteria open, the rest folded: open every group to read each card.
  await page.locator("[data-verdict]").waitFor();
  const folded = page.locator("main button[aria-expanded='false']");
  while ((await folded.count()) > 0) await folded.first().click();
  for (const c of e.criteria) {
    const card = page.locator(`[data-criterion="${c.id}"]`);
    await expect(card.locator("[data-value]").textContent()).resolves.toBe(valueText(c, lang));
    await expect(card.textContent()).resolves.toContain(c.label[lang]);
  }
  await expect(page.locator("[data-criterion]").count()).resolves.toBe(e.criteria.length);
}

/* ---------------- the test ---------------- */

describe("task pane in a simulated Excel (production build)", () => {
  let pane: Pane;
  let s: Session;
  let page: Page;
  /** Rows of the imported file as the pane reads them (computed in node from the same bytes). */
  let importedRows: RawRow[];
  /** Uncaught errors in the page (none expected). */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    pane = await openPane({
      host: "excel",
      officeScript: fakeOfficeScript({ sheets: ["Arkusz1"] }),
      beforeLoad: async (p) => {
        await p.clock.setFixedTime(NOW);
        p.on("pageerror", (e) => pageErrors.push(e.message));
      },
    });
    s = pane.session;
    page = s.page;
    await page.getByRole("tab", { name: "Monitoring" }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await pane?.close();
  });

  test("starts as an Excel add-in: host excel, the simulated Office answered", async () => {
    expect(await page.evaluate(() => document.body.dataset.miernikHost)).toBe("excel");
    // Excel on the web outside a workbook would show the standalone note: inside Excel it must not.
    await expect(page.getByText("Miernik działa poza Excelem").count()).resolves.toBe(0);
    // The Validate panel exists only where the host can validate (Excel).
    await expect(page.getByRole("heading", { name: "Sprawdzanie wartości" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Rozplanuj szablon", exact: true }).count()).resolves.toBe(
      1,
    );
    await screenshot(page, "excel-pl-monitoring");
  });

  test("keyboard only: Tab to the layout button, Enter lays out the default year", async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(
        () =>
          document.activeElement?.textContent === "Rozplanuj szablon" &&
          document.activeElement.tagName === "BUTTON",
      );
    }
    expect(found).toBe(true);
    const before = await syncCount(page);
    await page.keyboard.press("Enter");
    await page.getByText(`Arkusz „${monitoringSheetName(DEFAULT_YEAR)}” jest gotowy.`).waitFor();
    expect(await syncCount(page)).toBeGreaterThan(before);
    expectSheetEqualsPlan(
      await dumpSheet(page, monitoringSheetName(DEFAULT_YEAR)),
      buildMonitoringSheetPlan(PROGRAMME, DEFAULT_YEAR),
      200,
    );
    // showSheet brought it to the front; runInExcel waited for cell edit mode (ExcelApi 1.11 reported).
    expect(
      await page.evaluate(
        () => (window as unknown as { __fake: { activeSheet: string } }).__fake.activeSheet,
      ),
    ).toBe(monitoringSheetName(DEFAULT_YEAR));
    const runs = await page.evaluate(() => (window as unknown as { __excelRuns: unknown[] }).__excelRuns);
    expect(runs.length).toBeGreaterThan(0);
    expect(
      runs.every((r) => r === "context" || (r as { delayForCellEdit?: boolean })?.delayForCellEdit === true),
    ).toBe(true);
  }, 60_000);

  test("Monitoring: laying out 2023 writes exactly buildMonitoringSheetPlan(PROGRAMME, 2023)", async () => {
    await page.getByRole("combobox", { name: /^Rok/ }).selectOption(String(YEAR));
    const before = await syncCount(page);
    await page.getByRole("button", { name: "Rozplanuj szablon", exact: true }).click();
    await page.getByText(`Arkusz „${monitoringSheetName(YEAR)}” jest gotowy.`).waitFor();
    const syncs = (await syncCount(page)) - before;
    expect(syncs).toBeGreaterThan(0);
    expect(syncs).toBeLessThan(40);
    const maxRequest = await page.evaluate(
      () => (window as unknown as { __fake: { maxRequestBytes: number } }).__fake.maxRequestBytes,
    );
    expect(maxRequest).toBeLessThan(5 * 1024 * 1024);
    const plan = buildMonitoringSheetPlan(PROGRAMME, YEAR);
    expectSheetEqualsPlan(await dumpSheet(page, monitoringSheetName(YEAR)), plan, 200);
    // Strictness check of the comparison itself: one wrong cell is reported.
    const dumped = (await dumpSheet(page, monitoringSheetName(YEAR)))!;
    const tampered = {
      ...dumped,
      cells: dumped.cells.map((c, i) => (i === 5 ? ([c[0], c[1], "x", null] as DumpedCell) : c)),
    };
    expect(() => expectSheetEqualsPlan(tampered, plan)).toThrow();
    await screenshot(page, "excel-pl-monitoring-done");
  }, 60_000);

  test("Monitoring: laying out over a user's note asks first (dialog, axe); Cancel changes nothing", async () => {
    const sheet = monitoringSheetName(YEAR);
    const plan = buildMonitoringSheetPlan(PROGRAMME, YEAR);
    const below = Math.max(...plan.blocks.map((b) => b.row + b.values.length)) + 2;
    const setCell = (r: number, v: CellValue) =>
      page.evaluate(
        ([name, row, value]) =>
          (
            window as unknown as {
              __fake: { sheet(n: string): { set(r: number, c: number, v: unknown, f: null): void } };
            }
          ).__fake
            .sheet(name as string)
            .set(row as number, 0, value, null),
        [sheet, r, v] as const,
      );
    await setCell(below, "Uwaga kierownika: sprawdzić liczby");
    const before = await syncCount(page);
    const writesBefore = await page.evaluate(
      () => (window as unknown as { __fake: { writes: unknown[] } }).__fake.writes.length,
    );
    await page.getByRole("button", { name: "Rozplanuj szablon", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("Zastąpić zmienione komórki?");
    await expect(dialog.getByRole("rowheader", { name: `A${below + 1}`, exact: true }).count()).resolves.toBe(
      1,
    );
    await expectAccessible(page, "pl/conflicts-dialog");
    await screenshot(page, "excel-pl-monitoring-conflicts-dialog");
    await dialog.getByRole("button", { name: "Anuluj" }).click();
    await page.getByText("Nic nie zmieniono: układ nie został zastosowany.").waitFor();
    // Only the read happened: no write recorded, the note is still there.
    expect(
      await page.evaluate(
        () => (window as unknown as { __fake: { writes: unknown[] } }).__fake.writes.length,
      ),
    ).toBe(writesBefore);
    expect(await syncCount(page)).toBeGreaterThan(before);
    expect(await cellOf(page, sheet, below, 0)).toBe("Uwaga kierownika: sprawdzić liczby");
    await setCell(below, null); // the user deletes the note again
    expectSheetEqualsPlan(await dumpSheet(page, sheet), plan, 200);
  }, 60_000);

  test("Validate: a number typed as text is found, Fix writes the fix and the finding goes away", async () => {
    const sheet = monitoringSheetName(YEAR);
    const lr = layoutRows(PROGRAMME).find((r) => r.indicator?.unit === "count")!;
    const col = monitoringColumn("value").index;
    const cell = `${columnLetters(col)}${lr.row + 1}`;
    const typed = "1 234";
    const [finding] = checkValue(sheet, cell, lr.indicator!.id, lr.indicator!, typed);
    expect(finding.severity).toBe("error");
    expect(finding.fix?.value).toBe(1234);
    // The user types the text into Excel's grid (Excel's typing semantics; onChanged handlers are told).
    await userEdit(page, sheet, cell, typed);
    await page.getByRole("button", { name: "Sprawdź", exact: true }).click();
    // The finding's area: its header shows one error (the empty value cells are warnings).
    const group = groupFindingsByArea([finding], PROGRAMME)[0];
    // The heading shows the area's title shortened at a word (the full title opens the panel).
    const header = page.getByRole("button", {
      name: new RegExp(`^${escapeRegExp(group.title.pl.split(" ").slice(0, 4).join(" "))}`),
    });
    await header.waitFor();
    await expect(header.textContent()).resolves.toMatch(/1 błąd/);
    // Areas with errors open by themselves after each validation.
    await expect(header.getAttribute("aria-expanded")).resolves.toBe("true");
    const ref = page.getByText(`${sheet}!${cell}`, { exact: true });
    await ref.waitFor();
    const row = ref.locator("xpath=ancestor::span[1]/ancestor::div[1]");
    // The row names the cell once; the message follows without repeating it.
    await expect(row.textContent()).resolves.toContain(findingText(finding));
    await expect(row.textContent()).resolves.toContain("Błąd");
    await expectAccessible(page, "pl/findings");
    await screenshot(page, "excel-pl-findings");

    await row.getByRole("button", { name: "Popraw", exact: true }).click();
    expect(
      await until(
        () => cellOf(page, sheet, lr.row, col),
        (v) => v === finding.fix!.value,
      ),
    ).toBe(finding.fix!.value);
    await ref.waitFor({ state: "detached", timeout: 10_000 });
    // Nothing else of the sheet changed: it still equals the plan with that one value.
    const plan = buildMonitoringSheetPlan(PROGRAMME, YEAR, {
      values: new Map([[lr.indicator!.id, finding.fix!.value]]),
    });
    expectSheetEqualsPlan(await dumpSheet(page, sheet), plan, 200);
    await screenshot(page, "excel-pl-findings-fixed");

    // Live: an edit of a watched value cell (Worksheet.onChanged) re-validates without any click.
    const lr2 = layoutRows(PROGRAMME).find((r) => r.indicator?.unit === "count" && r.row > lr.row)!;
    const cell2 = `${columnLetters(col)}${lr2.row + 1}`;
    const [negative] = checkValue(sheet, cell2, lr2.indicator!.id, lr2.indicator!, -5);
    expect(negative.severity).toBe("error");
    await userEdit(page, sheet, cell2, -5);
    const live = page.getByText(findingText(negative), { exact: true });
    await live.waitFor({ timeout: 10_000 });
    await userEdit(page, sheet, cell2, 7);
    await live.waitFor({ state: "detached", timeout: 10_000 });
    await page.getByText(`${sheet}!${cell2}`, { exact: true }).waitFor({ state: "detached" });
    await userEdit(page, sheet, cell2, ""); // back to the template's empty cell
  }, 60_000);

  test("Participants: a foreign 'Uczestnicy' is replaced only after the dialog; the sheets equal buildCheckWorkbookPlan", async () => {
    await page.evaluate(() => {
      const w = window as unknown as {
        __fakeLib: {
          FakeSheetState: new (n: string) => { set(r: number, c: number, v: unknown, f: null): void };
        };
        __fake: { sheets: unknown[] };
      };
      const foreign = new w.__fakeLib.FakeSheetState("Uczestnicy");
      foreign.set(0, 0, "Lista obecności", null);
      foreign.set(1, 0, "Jan Nowak", null);
      w.__fake.sheets.push(foreign);
    });
    await selectTab(page, "Uczestnicy");
    await page.getByLabel("Stan na dzień").fill(AS_OF_ISO);
    await page.getByRole("button", { name: "Utwórz rejestr uczestników" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("Zastąpić arkusz?");
    await expect(dialog.textContent()).resolves.toContain("nie jest rejestrem Miernika");
    await expectAccessible(page, "pl/replace-dialog");
    await screenshot(page, "excel-pl-participants-replace-dialog");
    await dialog.getByRole("button", { name: "Zastąp" }).click();
    await page.getByText(/^Gotowe: arkusz „Uczestnicy” \(0 wierszy\)/).waitFor();

    const plan = buildCheckWorkbookPlan(CARD, { rows: [], asOf: AS_OF, lang: "pl" });
    expect(plan.sheets.map((p) => p.name).sort()).toEqual(["Kryteria 9.1", "Słowniki", "Uczestnicy"].sort());
    const names = await sheetNames(page);
    for (const p of plan.sheets) {
      expect(names.filter((n) => n === p.name)).toHaveLength(1);
      expectSheetEqualsPlan(await dumpSheet(page, p.name), p, 5);
    }
    expect((await dumpSheet(page, "Słowniki"))!.visibility).not.toBe("Visible");
    expectNamesEqual(await fakeNames(page), plan.names);
    await screenshot(page, "excel-pl-participants-created");
  }, 60_000);

  test("Participants: importing a .csv appends its rows to the register", async () => {
    const bytes = csvBytes(PEOPLE);
    const read = await readInputFile(CSV_NAME, bytes, readXlsx);
    if (!read.ok) throw new Error(read.reason.en);
    importedRows = readRegisterWorkbook(read.cells).rows;
    expect(importedRows).toHaveLength(PEOPLE.length);

    await page.locator('input[data-file-input="import"]').setInputFiles({
      name: CSV_NAME,
      mimeType: "text/csv",
      buffer: Buffer.from(bytes),
    });
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(
      `Plik „${CSV_NAME}”: ${PEOPLE.length} wierszy (nowe: ${PEOPLE.length}, już w rejestrze: 0)`,
    );
    await expectAccessible(page, "pl/import-dialog");
    await screenshot(page, "excel-pl-participants-import-dialog");
    await dialog.getByRole("button", { name: "Dodaj" }).click();
    await page.getByText(`Zaimportowano ${PEOPLE.length} uczestników.`).waitFor();

    const plan = buildCheckWorkbookPlan(CARD, {
      rows: registerTableRows(importedRows),
      asOf: AS_OF,
      lang: "pl",
    });
    const register = plan.sheets.find((p) => p.name === "Uczestnicy")!;
    expectSheetEqualsPlan(await dumpSheet(page, "Uczestnicy"), register, PEOPLE.length * 20);
    for (const p of plan.sheets.filter((x) => x !== register))
      expectSheetEqualsPlan(await dumpSheet(page, p.name), p, 5);
    expectNamesEqual(await fakeNames(page), plan.names);
  }, 60_000);

  test("Participants: Check criteria shows exactly evaluate(checkRegister(rows)) for the imported rows", async () => {
    const checked = checkRegister(importedRows, CARD.parameters);
    const e = evaluate(checked.participants, CARD, AS_OF, checked.issues);
    // The file is a real register: criteria with participants in them, not all zeros.
    expect(e.participants).toBe(PEOPLE.length);
    expect(e.criteria.some((c) => c.denominator !== null && c.denominator > 0 && c.numerator > 0)).toBe(true);

    await page.getByRole("button", { name: "Sprawdź kryteria" }).click();
    await page.locator("[data-summary]").waitFor();
    await expectCriteriaShown(page, e, "pl");
    const premium = e.criteria.filter((c) => c.kind === "premium").reduce((a, c) => a + (c.points ?? 0), 0);
    await expect(page.locator("[data-premium-total]").textContent()).resolves.toBe(
      `Punkty premiujące razem: ${premium}`,
    );
    // Row problems: as many as the checks find, each naming its register cell.
    await expect(
      page.getByRole("region", { name: "Problemy w wierszach" }).locator("li").count(),
    ).resolves.toBe(Math.min(200, e.rowIssues.length));
    await screenshot(page, "excel-pl-participants-criteria");
  }, 60_000);

  test("Summaries: the monitoring summary sheet equals the plan built from the same sheets", async () => {
    await selectTab(page, "Podsumowania");
    await page.getByRole("button", { name: "Utwórz podsumowanie monitoringu" }).click();
    await page.getByRole("table", { name: "Podsumowanie monitoringu" }).waitFor();

    // What the pane read: every sheet but the register/criteria/summary ones, through the same reader.
    const names = (await sheetNames(page)).filter((n) => n !== MONITORING_SUMMARY_SHEET);
    const dumped = (await Promise.all(names.map((n) => dumpSheet(page, n)))).filter(
      (d): d is DumpedSheet => d !== null,
    );
    const fake = nodeFake(dumped);
    const sheets: SheetCells[] = [];
    for (const n of names.filter((x) => !/^(Uczestnicy|Słowniki|Kryteria\b|Podsumowanie\b)/i.test(x)))
      sheets.push(await readSheetCells(fake.context() as unknown as Excel.RequestContext, n));
    const built = buildWorkbookMonitoringSummary({ sheets }, { lang: "pl", builtAt: NOW });
    if ("unreadable" in built) throw new Error(built.unreadable.en);
    expect(built.summary.years).toEqual([YEAR, DEFAULT_YEAR]);
    expectSheetEqualsPlan(await dumpSheet(page, MONITORING_SUMMARY_SHEET), built.sheet, 20);
    // The table on screen: the total row.
    const total = page.locator(`[data-area="${built.summary.total.code}"]`);
    await expect(total.locator("td").first().textContent()).resolves.toBe(
      String(built.summary.total.indicators),
    );
    expect(built.summary.total.indicators).toBe(60);
    await screenshot(page, "excel-pl-summaries");
  }, 60_000);

  test("English: the language switch, then Check criteria with English labels and numbers", async () => {
    await page.getByRole("button", { name: /^EN/ }).click();
    await selectTab(page, "Participants");
    await page.getByLabel("As of").fill(AS_OF_ISO);
    await expect(page.getByRole("button", { name: "Create participant register" }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Check criteria" }).click();
    await page.locator("[data-summary]").waitFor();
    const checked = checkRegister(importedRows, CARD.parameters);
    await expectCriteriaShown(page, evaluate(checked.participants, CARD, AS_OF, checked.issues), "en");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expectAccessible(page, "en/participants-criteria");
    await screenshot(page, "excel-en-participants-criteria");
    await selectTab(page, "Monitoring");
    await expect(
      page.getByRole("button", { name: "Lay out the template", exact: true }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Validate", exact: true }).count()).resolves.toBe(1);
    await screenshot(page, "excel-en-monitoring");
  }, 60_000);

  test("the page ran under its Content-Security-Policy without a single violation", async () => {
    await expectCspClean(pane.session);
  });

  test("no request left 127.0.0.1 (office.js is the local simulated Excel), no uncaught page error", () => {
    expect(s.external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
