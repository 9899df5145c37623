/**
 * The task pane as a first-time user meets it, at real task-pane widths (320, 350 and 450 px) in Polish and
 * English (production build, standalone page, Debian's Chromium; one browser, one page per width):
 * - every tab and the main states — no file, a monitoring workbook open (findings), a participant list
 *   (criteria), a call summary, the import dialog — with no horizontal overflow (page and every section),
 *   no text clipped by its container, axe with no serious/critical violations, no English word on a
 *   Polish screen; screenshots in test-output/screenshots/narrow-*.png;
 * - opening a 2023 workbook selects 2023; the criteria screen starts with the verdict whose counts equal
 *   `miernik check --json`; an import recalculates the criteria;
 * - unsaved work: after Fix all, opening another file asks (Anuluj keeps the changes, confirming
 *   discards them), and closing the page triggers beforeunload;
 * - files that are no workbook (an Apple Numbers file, a 0-byte CSV, an old .xls) each say what they are and
 *   what to do, and the planner names a share typed where persons are planned ("100%"), at 320 px.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import JSZip from "jszip";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import type { Card } from "../../src/domain/card/types";
import { minimumPlan } from "../../src/domain/plan/evaluate";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { emptySheet } from "../../src/workbook/plan";
import { buildPlanSheetPlan, planCellMap, planNames, PLAN_SHEET } from "../../src/workbook/projectPlan/sheet";
import { participants, registerRows } from "../fixtures/summary/projects";
import { expectAccessible } from "./a11y";
import { screenshot, Session } from "./browser";
import { openPane, Pane, selectTab } from "./pane";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin", "miernik.js");
const AS_OF = "2025-01-01";
const WIDTHS = [320, 350, 450] as const;

function cliJson(args: string[]): unknown {
  try {
    return JSON.parse(execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8" }));
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    if (out) return JSON.parse(out);
    throw e;
  }
}

interface CliCheck {
  participants: number;
  criteria: { id: string; kind: string; met: boolean | null }[];
}

/** English words never Polish: a Polish screen showing one leaks English (file names and lang="en" parts aside). */
const ENGLISH = new Set(
  "the not file files sheet sheets error errors cell cells row rows participants archive is are of and with cannot could failed unexpected damaged unsupported empty missing found workbook done cancel open download warning warnings password save this that more needed pending".split(
    " ",
  ),
);

/** What overflows sideways or is clipped, as "what: why" lines (empty: all fits). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      out.push(`page: scrollWidth ${root.scrollWidth} > ${root.clientWidth}`);
    const boxes = document.querySelectorAll(
      "header, nav, main, footer, section, [role=tabpanel], [role=dialog], [role=alertdialog], .fui-Card, .fui-MessageBar, table, .fui-Accordion, .fui-Field",
    );
    for (const el of Array.from(boxes)) {
      const h = el as HTMLElement;
      if (h.offsetParent === null && getComputedStyle(h).position !== "fixed") continue;
      if (h.scrollWidth > h.clientWidth + 1)
        out.push(`${name(el)}: scrollWidth ${h.scrollWidth} > ${h.clientWidth}`);
    }
    // Text clipped: any visible element with text whose box ends past the viewport, or that hides overflowing text.
    const vw = root.clientWidth;
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const h = el as HTMLElement;
      if (!h.offsetParent && getComputedStyle(h).position !== "fixed") continue;
      const hasText = Array.from(h.childNodes).some(
        (n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "",
      );
      if (!hasText) continue;
      const r = h.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // A table's own horizontal scroll (checked below) may hold text past the pane's edge.
      if ((r.right > vw + 1 || r.left < -1) && !h.closest("[data-table-scroll]"))
        out.push(`${name(el)}: outside the pane (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
      const cs = getComputedStyle(h);
      const clips = cs.overflowX === "hidden" || cs.overflowX === "clip" || cs.textOverflow === "ellipsis";
      if (clips && h.scrollWidth > h.clientWidth + 1)
        out.push(`${name(el)}: text clipped (${h.scrollWidth} > ${h.clientWidth})`);
      // Text past the edge of a box that scrolls (a dialog's content: overflow auto) — a long file name.
      else if (cs.overflowX !== "visible" && h.scrollWidth > h.clientWidth + 1)
        out.push(`${name(el)}: text runs past its box (${h.scrollWidth} > ${h.clientWidth})`);
    }
    // A badge squeezed by its neighbour: its word cut ("ełnio") or broken over lines ("nie dotyc|zy").
    for (const el of Array.from(document.querySelectorAll(".fui-Badge"))) {
      const h = el as HTMLElement;
      if (!h.offsetParent) continue;
      const range = document.createRange();
      range.selectNodeContents(h);
      const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      if (h.scrollWidth > h.clientWidth + 1 || lines > 1)
        out.push(`${name(el)}: badge cut (${h.scrollWidth} > ${h.clientWidth}, ${lines} lines)`);
    }
    // A criterion's figure broken inside one of its parts: "1 500 /" | "1 796", "0 / 0 =" | "—" (it may
    // break only before "=" and "(").
    const lineCount = (range: Range) =>
      new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)),
      ).size;
    for (const el of Array.from(document.querySelectorAll("[data-value], [data-plan-criterion]"))) {
      if (!(el as HTMLElement).offsetParent) continue;
      const nodes: { node: Text; start: number }[] = [];
      let text = "";
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        nodes.push({ node: n as Text, start: text.length });
        text += n.textContent ?? "";
      }
      const at = (i: number): [Text, number] => {
        const hit = nodes.filter((x) => x.start <= i).pop()!;
        return [hit.node, i - hit.start];
      };
      for (const m of text.matchAll(/[\d\u00a0.,]+ \/ [\d\u00a0.,]+|= (?:[\d\u00a0.,]+%|—)/g)) {
        const range = document.createRange();
        range.setStart(...at(m.index!));
        range.setEnd(...at(m.index! + m[0].length - 1));
        range.setEnd(range.endContainer, range.endOffset + 1);
        if (lineCount(range) > 1) out.push(`${name(el)}: figure "${m[0]}" split over lines`);
      }
    }
    // A list that scrolls (and so takes the focus): its bullets clear of its focus ring, its text too.
    for (const ul of Array.from(document.querySelectorAll<HTMLElement>("ul[tabindex='0']"))) {
      const li = ul.querySelector("li");
      if (!ul.offsetParent || !li) continue;
      const u = ul.getBoundingClientRect();
      const l = li.getBoundingClientRect();
      if (l.left - u.left < 20 || u.right - l.right < 2)
        out.push(
          `${name(ul)}: items ${Math.round(l.left - u.left)}/${Math.round(u.right - l.right)} px from its edges`,
        );
    }
    // The three tabs on one line (a wrapped tab row puts "Podsumowania" under the others).
    const tabTops = new Set(
      Array.from(document.querySelectorAll("[role=tab]")).map((t) =>
        Math.round(t.getBoundingClientRect().top),
      ),
    );
    if (tabTops.size > 1) out.push(`tabs: on ${tabTops.size} lines`);
    // A table scroll: inside the pane, reachable by the keyboard, and it is what scrolls (the card does not cut).
    for (const el of Array.from(document.querySelectorAll("[data-table-scroll]"))) {
      const h = el as HTMLElement;
      const r = h.getBoundingClientRect();
      if (r.right > vw + 1 || r.left < -1)
        out.push(`${name(el)}: table scroll outside the pane (${Math.round(r.left)}–${Math.round(r.right)})`);
      if (h.tabIndex !== 0) out.push(`${name(el)}: table scroll not focusable`);
      if (getComputedStyle(h).overflowX !== "auto") out.push(`${name(el)}: table scroll does not scroll`);
    }
    // The workbook's state line, wrapped: no line starts with a separator ("·" ends the part before it).
    const seps = Array.from(document.querySelectorAll("[data-workbook-state] *")).filter(
      (e) => e.children.length === 0 && e.textContent?.trim() === "·",
    );
    for (const sep of seps) {
      const line = sep.closest("[data-workbook-state]")!;
      const left = line.getBoundingClientRect().left + parseFloat(getComputedStyle(line).paddingLeft);
      const rects = Array.from(sep.getClientRects()).filter((r) => r.width > 0);
      if (rects.some((r) => r.left - left < 6)) out.push(`state line: a line starts with "·"`);
    }
    // A file button as wide as its label (as every other button), not stretched with its label centred.
    for (const input of Array.from(document.querySelectorAll("input[data-file-input]"))) {
      const button = input.previousElementSibling as HTMLElement | null;
      if (!button?.offsetParent) continue;
      const range = document.createRange();
      range.selectNodeContents(button);
      const label = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const left = Math.min(...label.map((r) => r.left)) - button.getBoundingClientRect().left;
      if (left > 24)
        out.push(`${name(button)}: label ${Math.round(left)} px from the button's edge (stretched)`);
    }
    return out;
  });
}

/** Polish screens: words from the English list in the visible text (lang="en" parts and quoted names aside). */
async function englishOnScreen(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone
      .querySelectorAll('[lang="en"], script, style, [data-state-file], [data-chosen], [data-project]')
      .forEach((n) => n.remove());
    return clone.innerText ?? clone.textContent ?? "";
  });
  return text
    .replace(/„[^”]*”/g, "")
    .replace(/\S+\.(xlsx|csv|json)\b/g, "")
    .toLowerCase()
    .split(/[^a-ząćęłńóśźż]+/)
    .filter((w) => ENGLISH.has(w));
}

async function checkScreen(page: Page, width: number, lang: "pl" | "en", state: string): Promise<void> {
  const label = `${width}px ${lang} ${state}`;
  await page.waitForTimeout(50);
  expect({ label, problems: await layoutProblems(page) }).toEqual({ label, problems: [] });
  if (lang === "pl") expect({ label, english: await englishOnScreen(page) }).toEqual({ label, english: [] });
  // English screens quote in English (“…”), never with the Polish „…” (the import's column list did).
  if (lang === "en")
    expect({
      label,
      polishQuotes: await page.evaluate(() => document.body.innerText.match(/„[^”]*”/g) ?? []),
    }).toEqual({
      label,
      polishQuotes: [],
    });
  await expectAccessible(page, label);
  await screenshot(page, `narrow-${width}-${lang}-${state}`);
}

const TABS = {
  pl: { monitoring: "Monitoring", participants: "Uczestnicy", summaries: "Podsumowania" },
  en: { monitoring: "Monitoring", participants: "Participants", summaries: "Summaries" },
};

async function setLang(page: Page, lang: "pl" | "en"): Promise<void> {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (now === lang) return;
  await page.getByRole("button", { name: lang === "en" ? /^EN/ : /^PL/ }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The screen in both languages (Polish left on). */
async function both(
  page: Page,
  width: number,
  state: string,
  prepare?: (lang: "pl" | "en") => Promise<void>,
) {
  for (const lang of ["pl", "en"] as const) {
    await setLang(page, lang);
    await prepare?.(lang);
    await checkScreen(page, width, lang, state);
  }
  await setLang(page, "pl");
}

async function tab(page: Page, id: keyof (typeof TABS)["pl"]): Promise<void> {
  const lang = (await page.evaluate(() => document.documentElement.lang)) as "pl" | "en";
  await selectTab(page, TABS[lang][id]);
}

/** Expands every folded group (criteria, findings). */
async function expandAll(page: Page): Promise<void> {
  const headers = page.locator("main button[aria-expanded='false']");
  while ((await headers.count()) > 0) await headers.first().click();
}

describe("the pane at 320–450 px (production build, standalone)", () => {
  let pane: Pane;
  let s: Session;
  let tmp: string;
  let monitoringFile: string;
  let listFile: string;
  let moreFile: string;
  let twiceFile: string;
  let expected: CliCheck;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js")))
      throw new Error("run `npm run build:cli` first");
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-narrow-"));
    // A 2023 monitoring workbook still being filled: two wrong entries and a few empty cells.
    const sample = path.join(tmp, "sample.xlsx");
    execFileSync(process.execPath, [CLI, "layout", "--year", "2023", "--sample", "-o", sample]);
    const wb = await MemoryWorkbook.open("sample.xlsx", fs.readFileSync(sample));
    const cells = wb.readSheet("Monitoring 2023")!;
    const header = cells.values.find((r) => r.includes("Kod miernika"))!;
    const codeCol = header.indexOf("Kod miernika");
    const valueCol = header.findIndex((v) => /^Warto/.test(String(v)));
    const addr = (code: string) => {
      const r = cells.values.findIndex((row) => row[codeCol] === code);
      return `${String.fromCharCode(65 + cells.left + valueCol)}${cells.top + r + 1}`;
    };
    wb.writeCells("Monitoring 2023", [
      { address: addr("1.1.3-1"), value: "1 796" },
      { address: addr("1.2.1-1"), value: "abc" },
      { address: addr("2.1.1-1"), value: null },
      { address: addr("2.1.2-1"), value: null },
    ]);
    monitoringFile = path.join(tmp, "sprawozdanie-2023.xlsx");
    fs.writeFileSync(monitoringFile, await wb.toBytes());

    const list = async (file: string, n: number, seed: number) => {
      fs.writeFileSync(
        file,
        await writeXlsx({
          sheets: [
            {
              ...emptySheet("Lista"),
              blocks: [{ row: 0, col: 0, values: registerRows(participants(n, seed)) }],
            },
          ],
          names: [],
        }),
      );
    };
    listFile = path.join(tmp, "lista-uczestnikow.xlsx");
    await list(listFile, 120, 31);
    // A long name, as users' files have them: it must wrap in the import dialog and the summary's table.
    moreFile = path.join(
      tmp,
      "nowi-uczestnicy-projektu_Aktywizacja_zawodowa_osob_bezrobotnych_w_Lublinie_2024_wersja_ostateczna.xlsx",
    );
    await list(moreFile, 80, 977);
    // A project whose export repeats the PESEL header (one column read, the other named in the summary).
    twiceFile = path.join(tmp, "projekt-dwa-pesele.xlsx");
    const base = registerRows(participants(12, 5));
    fs.writeFileSync(
      twiceFile,
      await writeXlsx({
        sheets: [
          {
            ...emptySheet("Lista"),
            blocks: [
              {
                row: 0,
                col: 0,
                values: base.map((r, i) => [...r, i === 0 ? "PESEL" : "99999999999"]),
              },
            ],
          },
        ],
        names: [],
      }),
    );
    expected = cliJson(["check", listFile, "--as-of", AS_OF, "--json"]) as CliCheck;
    pane = await openPane({ host: "standalone" });
    s = pane.session;
  }, 90_000);
  afterAll(async () => {
    await pane?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A fresh page of the given width on the same browser (no file open). */
  async function pageAt(width: number): Promise<Page> {
    const page = await s.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${pane.server.url}/taskpane.html`);
    await page.waitForSelector('body[data-miernik-host="standalone"]');
    // The language is remembered across pages: a test that failed on an English screen must not leave
    // the next one in English.
    await setLang(page, "pl");
    return page;
  }

  async function openFile(page: Page, file: string): Promise<void> {
    await page.locator('input[data-file-input="open"]').setInputFiles(file);
    await page.locator("[data-state-file]", { hasText: path.basename(file) }).waitFor();
  }

  for (const width of WIDTHS)
    test(`${width} px: every tab and state fits, is accessible and Polish in Polish`, async () => {
      const page = await pageAt(width);
      try {
        for (const id of ["monitoring", "participants", "summaries"] as const)
          await both(page, width, `nofile-${id}`, () => tab(page, id));

        // A 2023 workbook selects 2023; validation leads with the verdict, errors first.
        await openFile(page, monitoringFile);
        await tab(page, "monitoring");
        await expect(page.getByRole("combobox", { name: /^(Rok|Year)/ }).inputValue()).resolves.toBe("2023");
        await both(page, width, "file-monitoring");
        await page.getByRole("button", { name: "Sprawdź", exact: true }).click();
        await page.locator("[data-verdict]").waitFor();
        await both(page, width, "findings");
        await expandAll(page);
        await both(page, width, "findings-expanded");

        // A participant list: the verdict's counts equal the CLI's.
        await openFile(page, listFile);
        await tab(page, "participants");
        await page.getByLabel(/^(Stan na dzień|As of)/).fill("01.01.2025");
        await page.getByRole("button", { name: "Sprawdź kryteria" }).click();
        const verdict = page.locator("[data-verdict]");
        await verdict.waitFor();
        const own = expected.criteria.filter((c) => c.kind !== "product");
        expect({
          notMet: await verdict.getAttribute("data-not-met"),
          met: await verdict.getAttribute("data-met"),
          total: await verdict.getAttribute("data-total"),
        }).toEqual({
          notMet: String(own.filter((c) => c.met === false).length),
          met: String(own.filter((c) => c.met === true).length),
          total: String(own.length),
        });
        await both(page, width, "criteria");
        await expandAll(page);
        await both(page, width, "criteria-expanded");

        // The import dialog.
        await page.locator('input[data-file-input="import"]').setInputFiles(moreFile);
        await page.getByRole("alertdialog").waitFor();
        await checkScreen(page, width, "pl", "dialog-import");
        await page.getByRole("alertdialog").getByRole("button", { name: "Anuluj" }).click();
        // In English too: its column list quoted in English.
        await setLang(page, "en");
        await page.locator('input[data-file-input="import"]').setInputFiles(moreFile);
        await page.getByRole("alertdialog").waitFor();
        await checkScreen(page, width, "en", "dialog-import");
        await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
        await page.getByRole("alertdialog").waitFor({ state: "detached" });
        await setLang(page, "pl");

        // A call summary over the list (it writes a sheet: the workbook downloads).
        await tab(page, "summaries");
        await page
          .locator('input[data-file-input="projects"]')
          .setInputFiles([listFile, moreFile, twiceFile]);
        await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Utwórz podsumowanie naboru" }).click(),
        ]);
        await page.getByRole("table", { name: "Podsumowanie naboru" }).waitFor();
        // The repeated header is named under the table: the file, the sheet, the columns.
        await expect(page.getByTestId("summary-notes").textContent()).resolves.toMatch(
          /^projekt-dwa-pesele\.xlsx: arkusz „Lista”: nagłówek „PESEL” powtarza się \(kolumny [A-Z]+, [A-Z]+\): czytana jest kolumna [A-Z]+, pominięta [A-Z]+/,
        );
        // Outside Office no sheet can be shown: no "Przejdź do arkusza" that would do nothing.
        await expect(
          page.getByRole("button", { name: /Przejdź do arkusza|Go to the sheet/ }).count(),
        ).resolves.toBe(0);
        await both(page, width, "summaries");
      } finally {
        await page.close();
      }
    }, 240_000);

  test("unsaved fixes: opening another file asks (Anuluj keeps them, confirming discards them); leaving asks too", async () => {
    const page = await pageAt(350);
    try {
      await openFile(page, monitoringFile);
      await page.getByRole("button", { name: "Sprawdź", exact: true }).click();
      await page.locator("[data-verdict]").waitFor();
      await page.getByRole("button", { name: /^Popraw wszystkie \(\d+\)$/ }).click();
      const unsaved = page.locator('[data-state-unsaved="true"]');
      await unsaved.waitFor();

      // Another file: the dialog; Anuluj keeps the open file and its changes.
      await page.locator('input[data-file-input="open"]').setInputFiles(listFile);
      const dialog = page.getByRole("alertdialog", { name: "Odrzucić niepobrane zmiany?" });
      await dialog.waitFor();
      await checkScreen(page, 350, "pl", "dialog-discard");
      await dialog.getByRole("button", { name: "Anuluj" }).click();
      await dialog.waitFor({ state: "detached" });
      await expect(page.locator("[data-state-file]").textContent()).resolves.toBe(
        path.basename(monitoringFile),
      );
      await expect(unsaved.count()).resolves.toBe(1);

      // Leaving the page with unsaved changes: beforeunload (dismissed: the page stays).
      let asked = 0;
      page.on("dialog", (d) => {
        if (d.type() === "beforeunload") asked++;
        void d.dismiss();
      });
      await page.close({ runBeforeUnload: true });
      await page.waitForTimeout(500);
      expect(asked).toBe(1);
      expect(page.isClosed()).toBe(false);

      // Confirming discards the changes and opens the other file.
      await page.locator('input[data-file-input="open"]').setInputFiles(listFile);
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Odrzuć zmiany i otwórz" }).click();
      await page.locator("[data-state-file]", { hasText: path.basename(listFile) }).waitFor();
      await expect(page.locator('[data-state-unsaved="false"]').count()).resolves.toBe(1);
      await expect(page.locator('[data-state-unsaved="true"]').count()).resolves.toBe(0);
    } finally {
      page.removeAllListeners("dialog");
      if (!page.isClosed()) await page.close();
    }
  }, 120_000);

  test("a long file name at 320 px: the state line wraps, no line of it starts with a separator", async () => {
    const page = await pageAt(320);
    try {
      const long = path.join(path.dirname(monitoringFile), "sprawozdanie-z-monitoringu-programu-2023.xlsx");
      fs.copyFileSync(monitoringFile, long);
      await openFile(page, long);
      const lines = await page.evaluate(() => {
        const el = document.querySelector("[data-workbook-state]")!;
        return new Set(Array.from(el.children).map((c) => Math.round(c.getBoundingClientRect().top))).size;
      });
      expect(lines).toBeGreaterThan(1); // it does wrap: the check below has something to check
      await checkScreen(page, 320, "pl", "long-file-name");
      // Where the line breaks depends on the name's length: every length from 10 to 80 characters, laid out
      // (the name's text set in place), and no line starts with "·".
      const starts = await page.evaluate(() => {
        const line = document.querySelector("[data-workbook-state]")!;
        const file = line.querySelector("[data-state-file]")!;
        const before = file.textContent;
        const left = line.getBoundingClientRect().left + parseFloat(getComputedStyle(line).paddingLeft);
        const seps = Array.from(line.querySelectorAll("*")).filter(
          (e) => e.children.length === 0 && e.textContent?.trim() === "·",
        );
        const out: number[] = [];
        for (let n = 10; n <= 80; n++) {
          file.textContent = `${"sprawozdanie-z-monitoringu-programu-zatrudnienia-lublin-rok-2023-wersja-ostateczna".slice(0, n - 5)}.xlsx`;
          const rects = seps.flatMap((e) => Array.from(e.getClientRects()).filter((r) => r.width > 0));
          if (rects.some((r) => r.left - left < 6)) out.push(n);
        }
        file.textContent = before;
        return out;
      });
      expect(starts).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  test("an import recalculates the criteria (participants = the CLI's count of the downloaded register)", async () => {
    const page = await pageAt(350);
    try {
      await openFile(page, listFile);
      await selectTab(page, "Uczestnicy");
      await page.getByLabel("Stan na dzień").fill("01.01.2025");
      await page.getByRole("button", { name: "Sprawdź kryteria" }).click();
      await page.locator("[data-summary]").waitFor();
      await expect(page.locator("[data-summary]").textContent()).resolves.toContain(
        `Stan na 01.01.2025: ${expected.participants} uczestników`,
      );
      await expect(page.locator("[data-verdict]").getAttribute("data-not-met")).resolves.toBe(
        String(expected.criteria.filter((c) => c.kind !== "product" && c.met === false).length),
      );
      await page.locator('input[data-file-input="import"]').setInputFiles(moreFile);
      await page.getByRole("alertdialog", { name: "Import uczestników" }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Dodaj" }).click(),
      ]);
      const saved = path.join(tmp, "po-imporcie.xlsx");
      await download.saveAs(saved);
      const after = cliJson(["check", saved, "--as-of", AS_OF, "--json"]) as CliCheck;
      // The list was on "Lista": the register holds the 80 imported rows, and the criteria say so.
      expect(after.participants).not.toBe(expected.participants);
      await page.getByText(/^Zaimportowano/).waitFor();
      await page.waitForFunction(
        (n) => document.querySelector("[data-summary]")?.textContent?.includes(`${n} uczestników`),
        after.participants,
      );
      const verdict = page.locator("[data-verdict]");
      const own = after.criteria.filter((c) => c.kind !== "product");
      await expect(verdict.getAttribute("data-not-met")).resolves.toBe(
        String(own.filter((c) => c.met === false).length),
      );
      await screenshot(page, "narrow-350-pl-imported");
    } finally {
      await page.close();
    }
  }, 120_000);

  test("the planner at 320 px: counts grouped and in their form, badges whole, a bad number shown at its field", async () => {
    const page = await pageAt(320);
    try {
      await tab(page, "participants");
      const plan = page.locator("[data-plan-part]");
      await plan.waitFor();
      const field = (i: number) => plan.locator("[data-plan-field]").nth(i);
      const summary = plan.locator("[data-plan-summary]");
      await field(0).fill("1");
      await expect(summary.textContent()).resolves.toMatch(/^Plan: 1 uczestnik\./);
      await field(0).fill("1796");
      await field(1).fill("1500");
      await field(3).fill("abc");
      await expect(summary.textContent()).resolves.toMatch(/^Plan: 1\u00a0796 uczestników\./);
      // Every number of the criteria list as Polish prints it (never "1500 / 1796").
      const lines = await plan.locator("[data-plan-criterion]").allTextContents();
      expect(lines.join("\n")).not.toMatch(/\d{4}/);
      expect(lines.join("\n")).toContain("1\u00a0500 / 1\u00a0796 = 83,5%");
      // The field typed wrong says so under itself, not only in the list far above it.
      await expect(
        field(3).evaluate((input) => input.closest(".fui-Field")?.textContent ?? ""),
      ).resolves.toContain("Nie liczba");
      await both(page, 320, "plan");
      await setLang(page, "en");
      await expect(summary.textContent()).resolves.toMatch(/^Plan: 1,796 participants\./);
      await setLang(page, "pl");
    } finally {
      await page.close();
    }
  }, 120_000);

  test("files that are no workbook at 320 px: each says what it is and what to do, in the screen's language", async () => {
    const numbersZip = new JSZip();
    numbersZip.file("Index/Document.iwa", new Uint8Array(64));
    const files: [string, Uint8Array, RegExp, RegExp][] = [
      [
        "budzet.numbers",
        await numbersZip.generateAsync({ type: "uint8array" }),
        /to plik Apple Numbers \(\.numbers\), nie \.xlsx: wyeksportuj go w Numbers jako \.xlsx/,
        /an Apple Numbers file \(\.numbers\), not an \.xlsx: export it from Numbers as \.xlsx/,
      ],
      ["pusta-lista.csv", new Uint8Array(), /pusty plik \(0 bajtów\)/, /empty file \(0 bytes\)/],
      [
        "stary.xls",
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        /stary plik \.xls: zapisz go jako \.xlsx/,
        /an old \.xls file: save it as \.xlsx/,
      ],
    ];
    const page = await pageAt(320);
    try {
      for (const [name, bytes, pl, en] of files) {
        const file = path.join(tmp, name);
        fs.writeFileSync(file, bytes);
        for (const lang of ["pl", "en"] as const) {
          await setLang(page, lang);
          await page.locator('input[data-file-input="open"]').setInputFiles(file);
          const bar = page.locator(".fui-MessageBar", { hasText: name });
          await bar.waitFor();
          await expect(bar.innerText()).resolves.toMatch(lang === "pl" ? pl : en);
          // Nothing opened: an empty CSV is no empty register.
          await expect(page.locator("[data-state-file]").textContent()).resolves.toMatch(
            /^(Brak otwartego pliku|No file open)$/,
          );
          await checkScreen(page, 320, lang, `refused-${name.replace(/\W+/g, "-")}`);
        }
      }
    } finally {
      await page.close();
    }
  }, 120_000);

  test("the planner at 320 px: a share typed where persons are planned is named, in both languages", async () => {
    const card = builtinCard(DEFAULT_CARD_ID) as Card;
    const map = planCellMap(card);
    const sheet = buildPlanSheetPlan(card, { values: { ...minimumPlan(card, 60), ipd: 1 } });
    sheet.formats.push({ range: map.fields.ipd.plan, style: { numberFormat: "0%" } });
    const file = path.join(tmp, "plan-wniosku.xlsx");
    fs.writeFileSync(file, await writeXlsx({ sheets: [sheet], names: planNames(card) }));
    const page = await pageAt(320);
    try {
      await openFile(page, file);
      await tab(page, "participants");
      await page.getByRole("button", { name: "Wczytaj z arkusza" }).click();
      const note = page.locator('[data-plan-percent="ipd"]');
      await note.waitFor();
      await expect(note.innerText()).resolves.toContain(
        `Uwaga: ${PLAN_SHEET}!${map.fields.ipd.plan} („w tym uczestnicy z IPD”) to procent (100%), a plan to liczby osób — liczone jako 1.`,
      );
      await note.scrollIntoViewIfNeeded();
      await both(page, 320, "plan-percent");
      await setLang(page, "en");
      await expect(note.innerText()).resolves.toContain(
        `Note: ${PLAN_SHEET}!${map.fields.ipd.plan} (“of which participants with an IPD”) is a percentage (100%)`,
      );
      await setLang(page, "pl");
    } finally {
      await page.close();
    }
  }, 60_000);

  test("the conflicts dialog at 320 px: long changed texts wrap, the cell column keeps its words", async () => {
    // The monitoring workbook with its title and headers changed by hand (long, one unbreakable run).
    const wb = await MemoryWorkbook.open("m.xlsx", fs.readFileSync(monitoringFile));
    const cells = wb.readSheet("Monitoring 2023")!;
    const edits = [];
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 3; c++) {
        const v = cells.values[r]?.[c];
        if (typeof v === "string" && v.length > 3)
          edits.push({
            address: `${String.fromCharCode(65 + cells.left + c)}${cells.top + r + 1}`,
            value: `${v} (zmienione_recznie_przez_koordynatora_projektu_w_listopadzie)`,
          });
      }
    wb.writeCells("Monitoring 2023", edits);
    const changed = path.join(tmp, "zmienione-2023.xlsx");
    fs.writeFileSync(changed, await wb.toBytes());
    const page = await pageAt(320);
    try {
      await openFile(page, changed);
      await page.getByRole("button", { name: "Rozplanuj w otwartym pliku i pobierz" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Zastąpić zmienione komórki?" });
      await dialog.waitFor();
      await checkScreen(page, 320, "pl", "dialog-conflicts");
      // Every address and the "Komórka" header on one line (not "K|o|m|ór|ka", "A|1").
      const lines = await dialog.locator("th").evaluateAll((ths) =>
        ths
          .filter((th) => th.getAttribute("scope") === "row" || (th as HTMLTableCellElement).cellIndex === 0)
          .map((th) => {
            const range = document.createRange();
            range.selectNodeContents(th);
            return `${th.textContent}: ${new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size}`;
          }),
      );
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.filter((l) => !l.endsWith(": 1"))).toEqual([]);
      await dialog.getByRole("button", { name: "Anuluj" }).click();
    } finally {
      await page.close();
    }
  }, 60_000);

  test("the as-of dates follow the language (dd.mm.rrrr in Polish, yyyy-mm-dd in English), a typed one too", async () => {
    const page = await pageAt(350);
    try {
      for (const id of ["participants", "summaries"] as const) {
        await tab(page, id);
        const asOf = page.getByLabel(/^(Stan na dzień|As of)/);
        await asOf.fill("31.01.2025");
        await setLang(page, "en");
        await expect(asOf.inputValue()).resolves.toBe("2025-01-31");
        await setLang(page, "pl");
        await expect(asOf.inputValue()).resolves.toBe("31.01.2025");
        // Not a date: left as typed (the check says what is wrong with it).
        await asOf.fill("31.02.2025");
        await setLang(page, "en");
        await expect(asOf.inputValue()).resolves.toBe("31.02.2025");
        await setLang(page, "pl");
      }
    } finally {
      await page.close();
    }
  }, 60_000);

  test("importing at 320 px: a long name wraps in the dialog, the same file again adds nobody, a damaged file says what to do", async () => {
    const page = await pageAt(320);
    try {
      // No file: creating the register starts a workbook (downloaded).
      await tab(page, "participants");
      await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Utwórz rejestr uczestników" }).click(),
      ]);
      await page.getByText(/^Gotowe: arkusz „Uczestnicy”/).waitFor();
      // canonical.csv: five people, four without PESEL, dates typed as text.
      const csv = path.join(
        tmp,
        "Rejestr_uczestnikow_projektu_Aktywizacja_zawodowa_osob_bezrobotnych_w_Lublinie_2024_wersja_ostateczna.csv",
      );
      fs.copyFileSync(path.join(ROOT, "test/fixtures/register/canonical.csv"), csv);
      await page.locator('input[data-file-input="import"]').setInputFiles(csv);
      const dialog = page.getByRole("alertdialog", { name: "Import uczestników" });
      await dialog.waitFor();
      await checkScreen(page, 320, "pl", "dialog-import-long-name");
      await Promise.all([
        page.waitForEvent("download"),
        dialog.getByRole("button", { name: "Dodaj" }).click(),
      ]);
      await page.getByText(/^Zaimportowano 5 uczestników/).waitFor();
      // The same file again: nobody to add, no dialog, and the pane says so.
      await page.locator('input[data-file-input="import"]').setInputFiles(csv);
      await page.getByText(/wszystkie są już w rejestrze: nikogo nie dodano\.$/).waitFor();
      await expect(dialog.count()).resolves.toBe(0);
      await expect(page.locator("[data-summary]").textContent()).resolves.toContain(": 5 uczestników");
      // A damaged file: which file, why, what to pick instead.
      const damaged = path.join(tmp, "lista.xlsx");
      fs.writeFileSync(damaged, "not a zip");
      await page.locator('input[data-file-input="import"]').setInputFiles(damaged);
      await page
        .getByText(/^Nie można zaimportować uczestników z pliku „lista\.xlsx”: .+\. Wybierz plik \.xlsx/)
        .waitFor();
      await checkScreen(page, 320, "pl", "import-damaged");
      // A long file: Anuluj while it is read stops the import — no dialog afterwards, nothing written.
      const big = path.join(tmp, "duza-lista.csv");
      const [head, , anna] = fs.readFileSync(csv, "utf8").trim().split(/\r?\n/);
      const many = [head];
      // Large enough that its reading (seconds) is still going when the click lands, even on a loaded machine.
      for (let i = 0; i < 150_000; i++) many.push(anna.replace(";Kowalska;", `;Kowalska${i};`));
      fs.writeFileSync(big, many.join("\n"));
      await page.locator('input[data-file-input="import"]').setInputFiles(big);
      // While it is read: the bar with its words under it.
      await page.locator("[data-working]", { hasText: "Trwa praca…" }).waitFor();
      await page.locator("main").getByRole("button", { name: "Anuluj" }).click();
      await page.getByText("Przerwano. Nic nie zostało zapisane.").waitFor();
      await page.waitForTimeout(1500);
      await expect(dialog.count()).resolves.toBe(0);
      await expect(page.locator("[data-summary]").textContent()).resolves.toContain(": 5 uczestników");
    } finally {
      await page.close();
    }
  }, 120_000);

  test("320 px at 125% zoom (256 CSS px): every tab fits; the summaries' tables scroll on their own, nothing is cut", async () => {
    const page = await pageAt(256);
    try {
      for (const id of ["monitoring", "participants", "summaries"] as const)
        await both(page, 256, `zoom-nofile-${id}`, () => tab(page, id));
      await openFile(page, monitoringFile);
      await tab(page, "summaries");
      await page.getByRole("button", { name: "Utwórz podsumowanie monitoringu" }).click();
      await page.getByRole("table", { name: "Podsumowanie monitoringu" }).waitFor();
      await page.locator('input[data-file-input="projects"]').setInputFiles([listFile, moreFile]);
      await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Utwórz podsumowanie naboru" }).click(),
      ]);
      await page.getByRole("table", { name: "Podsumowanie naboru" }).waitFor();
      // The words of the headers do not fit 256 px: the tables are wider than their cards and scroll.
      const wider = await page
        .locator("[data-table-scroll]")
        .evaluateAll((els) => els.map((e) => e.scrollWidth > e.clientWidth));
      expect(wider).toContain(true);
      await both(page, 256, "zoom-summaries");
    } finally {
      await page.close();
    }
  }, 180_000);

  test("the theme follows the system outside Office (prefers-color-scheme: dark), and stays readable", async () => {
    const page = await s.context.newPage();
    try {
      await page.emulateMedia({ colorScheme: "dark" });
      await page.setViewportSize({ width: 350, height: 800 });
      await page.goto(`${pane.server.url}/taskpane.html`);
      await page.waitForSelector('body[data-miernik-host="standalone"]');
      await page.waitForFunction(() => document.documentElement.dataset.miernikTheme === "dark");
      const bg = await page.evaluate(
        () => getComputedStyle(document.querySelector("header")!.parentElement!).backgroundColor,
      );
      expect(bg).not.toBe("rgb(255, 255, 255)");
      await checkScreen(page, 350, "pl", "dark-nofile");
    } finally {
      await page.close();
    }
  }, 60_000);

  test("no request left 127.0.0.1 (office.js's own companion files from its CDN aside)", () => {
    const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
    expect(s.external.filter((u) => !u.startsWith(OFFICE_CDN))).toEqual([]);
  });
});
