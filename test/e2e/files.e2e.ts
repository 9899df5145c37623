/**
 * The standalone page over the user's own files (production build, Debian's Chromium): open the seed's
 * sample monitoring workbook with a few wrong entries, see the same findings as `miernik validate --json`,
 * fix them, download the workbook and check it; open a generated participant list, see the same criteria
 * figures as `miernik check --json`, import it into a register and download the workbook. Keyboard only
 * for opening the file bar's download; axe on the findings; no request off 127.0.0.1.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { formatCount } from "../../src/domain/i18n";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { emptySheet } from "../../src/workbook/plan";
import { participants, registerRows } from "../fixtures/summary/projects";
import { expectAccessible } from "./a11y";
import { screenshot, Session } from "./browser";
import { DIST, expectCspClean, openPane, Pane, selectTab } from "./pane";
import { cardText, CliCheck } from "./criteria";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin", "miernik.js");
const AS_OF = "2025-01-01";

/** Runs the CLI (built by `npm run build:cli`) and parses its JSON; exit codes 0 and 1 are both answers. */
function cliJson(args: string[]): unknown {
  try {
    return JSON.parse(execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8" }));
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    if (out) return JSON.parse(out);
    throw e;
  }
}

interface CliFinding {
  sheet: string;
  cell: string | null;
  message: string;
  fix: unknown;
}
/** The findings on screen as "sheet!cell — message", every group expanded. */
async function findingsOnScreen(page: Page): Promise<string[]> {
  const headers = page.locator("main button[aria-expanded='false']");
  while ((await headers.count()) > 0) await headers.first().click();
  return page.locator("[data-finding]").evaluateAll((rows) =>
    rows.map((r) => {
      const where = Array.from(r.querySelectorAll(":scope > span > *"))
        .filter((x) => x.tagName !== "BUTTON")
        .map((x) => x.textContent ?? "")
        .find((t) => t.includes("!"));
      return `${where ?? "?"} — ${r.querySelector("[data-message]")?.textContent ?? ""}`;
    }),
  );
}

/** A CLI finding as the pane lists it: the cell once, then the message without it, capitalised. */
function shownFinding(f: CliFinding): string {
  const where = `${f.sheet}!${f.cell}, `;
  let m = f.cell && f.message.startsWith(where) ? f.message.slice(where.length) : f.message;
  // A fixable finding shows its fix apart (found → fix), not as the message's "; poprawka: …" tail.
  if (f.fix !== null) m = m.replace(/;\s*poprawka:[^;]*$/, "");
  return `${f.sheet}!${f.cell} — ${m.charAt(0).toLocaleUpperCase("pl-PL")}${m.slice(1)}`;
}

describe("standalone page over the user's files (production build)", () => {
  let pane: Pane;
  let s: Session;
  let tmp: string;
  beforeAll(async () => {
    // bin/miernik.js launches the compiled CLI; without it every comparison below would have nothing to compare.
    if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js")))
      throw new Error("run `npm run build:cli` first");
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-e2e-"));
    pane = await openPane({ host: "standalone" });
    s = pane.session;
  }, 60_000);
  afterAll(async () => {
    await pane?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("monitoring workbook: findings equal the CLI's, Fix all, the download holds the fixes and every sheet", async () => {
    const page = s.page;
    // The seed's sample (2023 report values), laid out by the CLI, with three wrong entries typed in.
    const sample = path.join(tmp, "sample.xlsx");
    execFileSync(process.execPath, [CLI, "layout", "--year", "2023", "--sample", "-o", sample]);
    expect(cliJson(["validate", sample, "--json"])).toEqual([]);
    const wb = await MemoryWorkbook.open("sample.xlsx", fs.readFileSync(sample));
    const cells = wb.readSheet("Monitoring 2023")!;
    const codeCol = cells.values.find((r) => r.includes("Kod miernika"))!.indexOf("Kod miernika");
    const valueCol = cells.values
      .find((r) => r.includes("Kod miernika"))!
      .findIndex((v) => /^Warto/.test(String(v)));
    const addr = (code: string) => {
      const r = cells.values.findIndex((row) => row[codeCol] === code);
      return `${String.fromCharCode(65 + cells.left + valueCol)}${cells.top + r + 1}`;
    };
    wb.writeCells("Monitoring 2023", [
      { address: addr("1.1.3-1"), value: "1 796" },
      { address: addr("3.2.3-1"), value: "83,29 %" },
      { address: addr("1.2.1-1"), value: "abc" },
    ]);
    const broken = path.join(tmp, "sprawozdanie-2023.xlsx");
    fs.writeFileSync(broken, await wb.toBytes());
    const expected = cliJson(["validate", broken, "--json"]) as CliFinding[];
    expect(expected.length).toBeGreaterThanOrEqual(3);

    await page.locator('input[data-file-input="open"]').setInputFiles(broken);
    await page.locator("[data-state-file]", { hasText: "sprawozdanie-2023.xlsx" }).waitFor();
    await selectTab(page, "Monitoring");
    // The year follows the open file.
    await expect(page.getByLabel(/^Rok/).inputValue()).resolves.toBe("2023");
    // With a file open, laying out writes into it (and downloads it), which the button says.
    await page.getByRole("button", { name: "Rozplanuj w otwartym pliku i pobierz" }).waitFor();
    await page.getByRole("button", { name: "Sprawdź", exact: true }).click();
    await page.locator("[data-finding]").first().waitFor();
    const shown = await findingsOnScreen(page);
    expect(shown.sort()).toEqual(expected.map(shownFinding).sort());
    await expectAccessible(page, "standalone findings");
    await screenshot(page, "standalone-pl-findings");

    const fixable = expected.filter((f) => f.fix !== null).length;
    await page.getByRole("button", { name: `Popraw wszystkie (${fixable})` }).click();
    await page.locator('[data-state-unsaved="true"]').waitFor();
    const remaining = expected.filter((f) => f.fix === null).map(shownFinding);
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-finding]").length === n,
      remaining.length,
    );
    expect((await findingsOnScreen(page)).sort()).toEqual(remaining.sort());

    // Keyboard only: focus the download button and press Enter.
    await page.getByRole("button", { name: "Pobierz skoroszyt" }).focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("sprawozdanie-2023.xlsx");
    const saved = path.join(tmp, "saved.xlsx");
    await download.saveAs(saved);
    const back = cliJson(["validate", saved, "--json"]) as CliFinding[];
    expect(back.map(shownFinding).sort()).toEqual(remaining.sort());
    const again = await MemoryWorkbook.open("saved.xlsx", fs.readFileSync(saved));
    expect(again.cellValue("Monitoring 2023", addr("1.1.3-1"))).toBe(1796);
    expect(again.sheetNames()).toEqual(wb.sheetNames());
  }, 120_000);

  test("participant list: criteria on screen equal the CLI's; import into a register and download it", async () => {
    const page = s.page;
    const ps = participants(250, 17);
    const rows = registerRows(ps);
    rows[5][REGISTER_PESEL_COL(rows)] = "12345678901"; // a PESEL with a wrong check digit: a row problem
    const list = path.join(tmp, "lista-uczestnikow.xlsx");
    fs.writeFileSync(
      list,
      await writeXlsx({
        sheets: [{ ...emptySheet("Lista"), blocks: [{ row: 0, col: 0, values: rows }] }],
        names: [],
      }),
    );
    const expected = cliJson(["check", list, "--as-of", AS_OF, "--json"]) as CliCheck;
    expect(expected.participants).toBeGreaterThan(200);
    expect(expected.rowIssues.length).toBeGreaterThan(0);

    // The fixed workbook was downloaded: no unsaved-changes question before opening the list.
    await page.locator('input[data-file-input="open"]').setInputFiles(list);
    await page.locator("[data-state-file]", { hasText: "lista-uczestnikow.xlsx" }).waitFor();
    await selectTab(page, "Uczestnicy");
    await page.getByLabel("Stan na dzień").fill(AS_OF);
    await page.getByRole("button", { name: "Sprawdź kryteria" }).click();
    await page.locator("[data-summary]").waitFor();
    expect(await page.locator("[data-summary]").textContent()).toBe(
      `Stan na 01.01.2025: ${expected.participants} uczestników, oczekujący na wynik: ${expected.pending}`,
    );
    // The verdict leads; every group opened to read each criterion.
    const folded = page.locator("main button[aria-expanded='false']");
    while ((await folded.count()) > 0) await folded.first().click();
    for (const c of expected.criteria)
      expect(`${c.id}: ${await page.locator(`[data-criterion="${c.id}"] [data-value]`).textContent()}`).toBe(
        `${c.id}: ${cardText(c)}`,
      );
    await expect(
      page.getByText(`Problemy w wierszach (${formatCount(expected.rowIssues.length, "pl")})`).count(),
    ).resolves.toBe(1);
    await expectAccessible(page, "standalone criteria");
    await screenshot(page, "standalone-pl-criteria");

    // Opening, parsing and checking went through the pane's Web Worker: the page never loaded ExcelJS itself.
    expect(page.workers().map((w) => new URL(w.url()).origin)).toEqual([new URL(page.url()).origin]);
    const excelJsChunks = fs
      .readdirSync(DIST)
      .filter(
        (f) => f.endsWith(".js") && fs.readFileSync(path.join(DIST, f), "utf8").includes("sharedStrings.xml"),
      );
    expect(excelJsChunks.length).toBeGreaterThan(0);
    const loadedByPage = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname.slice(1)),
    );
    expect(loadedByPage.filter((f) => excelJsChunks.includes(f))).toEqual([]);

    // Import the same list into a register (Uczestnicy + Słowniki + criteria sheet) and download the workbook.
    await page.locator('input[data-file-input="import"]').setInputFiles(list);
    await page.getByRole("alertdialog", { name: "Import uczestników" }).waitFor();
    await expectAccessible(page, "standalone import dialog");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Dodaj" }).click(),
    ]);
    const saved = path.join(tmp, "rejestr.xlsx");
    await download.saveAs(saved);
    const back = await readXlsx(fs.readFileSync(saved));
    expect(back.sheets.map((x) => x.name)).toEqual(
      expect.arrayContaining(["Lista", "Uczestnicy", "Słowniki", "Kryteria 9.1"]),
    );
    const fromRegister = cliJson(["check", saved, "--as-of", AS_OF, "--json"]) as CliCheck;
    expect(fromRegister.participants).toBe(expected.participants);
    expect(fromRegister.criteria).toEqual(expected.criteria);
  }, 120_000);

  test("the page ran under its Content-Security-Policy without a single violation", async () => {
    await expectCspClean(pane.session);
  });

  test("no request left 127.0.0.1 (office.js's own companion files from its CDN aside)", () => {
    const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
    expect(s.external.filter((u) => !u.startsWith(OFFICE_CDN))).toEqual([]);
  });
});

function REGISTER_PESEL_COL(rows: unknown[][]): number {
  const i = rows[0].findIndex((h) => typeof h === "string" && /^PESEL$/i.test(h.trim()));
  if (i < 0) throw new Error("no PESEL header");
  return i;
}
