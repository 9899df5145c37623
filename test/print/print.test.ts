/**
 * Printed as a person prints them: the monitoring table of 2023 (sample values), a three-year monitoring
 * summary, the criteria workbook of a 120-person register and a call summary of 12 projects — written by the
 * CLI, opened by LibreOffice headless (formulas recalculated, Polish locale) and exported to PDF, then read
 * back with poppler's pdfinfo / pdftotext: paper and orientation, one page wide, headers repeated, labels
 * whole, the language, the criteria verdict against evaluate(), and the charts (their parts in the package,
 * their titles in the PDF). The English workbooks (`--lang en`) are checked the same way.
 *
 * `MIERNIK_PRINT_SCREENSHOTS=<dir>` (npm run print-screenshots) also writes PNGs of chosen pages there.
 * CI installs LibreOffice and poppler-utils (.ci/run); without them this suite is skipped and says so.
 */
import { spawnSync } from "child_process";
import { XMLValidator } from "fast-xml-parser";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { evaluate } from "../../src/domain/card/evaluate";
import { GROUPS } from "../../src/domain/card/groups";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { isoToSerial } from "../../src/domain/dates";
import { Lang } from "../../src/domain/i18n";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { sheetParts } from "../../src/hosts/xlsx/charts";
import {
  criteriaTitle,
  criterionCode,
  PARAMETER_LABELS,
  premiumPointsAvailable,
  requiredCriteria,
} from "../../src/workbook/criteria/plan";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";
import { buildRegisterSheetPlan, REGISTER_PRINTED } from "../../src/workbook/register/plan";
import { MONITORING_COLUMNS, headerText } from "../../src/workbook/monitoring/columns";
import { SOFFICE, toPdf } from "../libreoffice/soffice";
import { planFields } from "../../src/domain/plan/fields";
import {
  AS_OF,
  LONG_APPLICANT,
  longValueRows,
  makePrintWorkbooks,
  MANY_PROJECTS,
  TYPED_IN,
  WRITTEN_BEFORE_TYPING,
  PrintWorkbooks,
} from "./workbooks";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const POPPLER = spawnSync("pdftotext", ["-v"]).error === undefined;
const describePrint = SOFFICE && POPPLER ? describe : describe.skip;
if (!SOFFICE || !POPPLER)
  console.warn("LibreOffice or poppler-utils not found: the print tests are SKIPPED (CI installs both).");

const SHOTS = process.env.MIERNIK_PRINT_SCREENSHOTS;
/** Keep the workbooks and PDFs in this folder (to look at them). */
const KEEP = process.env.MIERNIK_PRINT_KEEP;

interface Box {
  word: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

interface Pdf {
  pages: string[];
  sizes: { w: number; h: number }[];
  /** Every word's box (points), by page: read lazily, `pdftotext -bbox`. */
  boxes(page: number): Box[];
}

function readPdf(file: string): Pdf {
  const text = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;
  const pages = text.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  const info = spawnSync("pdfinfo", ["-f", "1", "-l", "9999", file], { encoding: "utf8" }).stdout;
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    w: Number(m[1]),
    h: Number(m[2]),
  }));
  const boxes = (page: number): Box[] => {
    const html = spawnSync(
      "pdftotext",
      ["-enc", "UTF-8", "-bbox", "-f", `${page + 1}`, "-l", `${page + 1}`, file, "-"],
      { encoding: "utf8" },
    ).stdout;
    return [
      ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
    ].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      word: m[5]
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"'),
    }));
  };
  return { pages, sizes, boxes };
}

/** Whitespace (line breaks, no-break spaces LibreOffice uses as the Polish thousands separator) as one space. */
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/**
 * The label is printed whole: its words, each unbroken, in order, close together (pdftotext may put a
 * neighbouring cell's words between the lines of a wrapped cell, so they need not be adjacent).
 */
function printedWhole(page: string, label: string): boolean {
  const words = norm(page).split(" ");
  const want = norm(label).split(" ");
  for (let start = 0; start < words.length; start++) {
    if (words[start] !== want[0]) continue;
    let k = 1;
    let i = start + 1;
    for (; i < words.length && k < want.length && i - start < want.length + 40; i++)
      if (words[i] === want[k]) k++;
    if (k === want.length) return true;
  }
  return false;
}

/** A printed table read back from the words' boxes: its cells' texts, row by row, and each row's slack. */
interface PrintedTable {
  /** Per data row (in print order): the text of each column's cell, its lines joined by spaces. */
  cells: string[][];
  /** Per data row: the space (points) between its lowest line and the next row's top (the last row on a page: none). */
  slack: (number | undefined)[];
  /** The height of a line of data text (points, as printed). */
  line: number;
}

/**
 * The cells of a table printed with its header row on top (every header's first word on the header's first
 * line, the columns' left edges at their headers') and its data rows top-aligned, each starting with a row
 * label in the first column (`rowLabel` tells them from other words there). Word boxes of one page.
 */
function printedTable(boxes: Box[], headers: string[], rowLabel: RegExp, pageHeight: number): PrintedTable {
  const firstWords = headers.map((h) => norm(h).split(" ")[0]);
  const top = Math.min(...boxes.filter((b) => b.word === firstWords[0]).map((b) => b.yMin));
  const headerLine = boxes.filter((b) => Math.abs(b.yMin - top) < 1).sort((a, b) => a.xMin - b.xMin);
  const left: number[] = [];
  let k = 0;
  for (const b of headerLine) if (k < firstWords.length && b.word === firstWords[k]) left[k++] = b.xMin - 1.5;
  expect({ found: k, of: firstWords }).toEqual({ found: firstWords.length, of: firstWords });
  const colOf = (b: Box) => {
    let c = -1;
    for (let j = 0; j < left.length; j++) if (b.xMin >= left[j]) c = j;
    return c;
  };
  // The data rows start at their labels, below the header's first line (the header has none in that column).
  const body = boxes.filter((b) => b.yMin > top + 1 && b.yMax < pageHeight - 45);
  const rows = body.filter((b) => colOf(b) === 0 && rowLabel.test(b.word)).sort((a, b) => a.yMin - b.yMin);
  const cells: string[][] = [];
  const slack: (number | undefined)[] = [];
  let line = 0;
  rows.forEach((r, i) => {
    const next = rows[i + 1]?.yMin ?? pageHeight;
    const inRow = body.filter((b) => b.yMin >= r.yMin - 1 && b.yMin < next - 1);
    line = Math.max(line, r.yMax - r.yMin);
    cells.push(
      headers.map((_h, j) =>
        inRow
          .filter((b) => colOf(b) === j)
          .sort((a, b) => (Math.abs(a.yMin - b.yMin) < 1 ? a.xMin - b.xMin : a.yMin - b.yMin))
          .map((b) => b.word)
          .join(" ")
          .replace(/- /g, "-"),
      ),
    );
    slack.push(rows[i + 1] ? next - Math.max(...inRow.map((b) => b.yMax)) : undefined);
  });
  return { cells, slack, line };
}

/** Words of the English wording that must never show in a Polish workbook. */
const ENGLISH =
  /\b(unemployed|formal|premium|effectiveness|result|product|participants?|criteri(a|on)|share|threshold|points|target|pending|indicators?|value|yes|true|false|null|undefined|NaN|Column\d*)\b/i;

/**
 * Polish that must never show in an English sheet Miernik writes: Polish letters, and Miernik's own Polish
 * words without them. Sheet names ("Uczestnicy", the card's sheet name) are names, not wording: a test
 * removes them before matching.
 */
const POLISH =
  /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|\b(TAK|NIE|nie dotyczy|Kryteria|Wskaźniki?|Projekty|Uczestnicy|Razem|razem|suma|spełnione|punkty|osoby|osób|oraz|lub|rok|lata)\b/;

let dir: string;
let pl: PrintWorkbooks;
let en: PrintWorkbooks;
const pdf = new Map<string, Pdf>();
/** The PDF file of each workbook. */
const pdfFile = new Map<string, string>();

describePrint("printed workbooks (LibreOffice → PDF)", () => {
  beforeAll(async () => {
    dir = KEEP ?? fs.mkdtempSync(path.join(os.tmpdir(), "miernik-print-"));
    pl = await makePrintWorkbooks(path.join(dir, "pl"), "pl");
    en = await makePrintWorkbooks(path.join(dir, "en"), "en");
    // One LibreOffice run (it is slow to start), in the Polish locale of the workbooks' users.
    const plPdfs = toPdf(
      [
        pl.monitoring,
        pl.summary,
        pl.criteria,
        pl.longValues,
        pl.call,
        en.summary,
        en.criteria,
        en.call,
        pl.plan,
        en.plan,
        pl.longCall,
        pl.manyCall,
        pl.typedIn,
      ],
      path.join(dir, "pdf"),
    );
    for (const [f, p] of plPdfs) {
      pdf.set(f, readPdf(p));
      pdfFile.set(f, p);
    }
    if (SHOTS) {
      // README screenshots: pages picked by what they show.
      fs.mkdirSync(SHOTS, { recursive: true });
      const shot = (file: string, has: string, name: string, nth = 0) => {
        const pages = pdf.get(file)!.pages.map(norm);
        const page = pages.map((t, i) => (t.includes(has) ? i + 1 : 0)).filter((i) => i > 0)[nth];
        if (!page) throw new Error(`no page of ${file} shows "${has}"`);
        const pdfFile = plPdfs.get(file)!;
        spawnSync("pdftoppm", [
          "-png",
          "-r",
          "70",
          "-f",
          `${page}`,
          "-l",
          `${page}`,
          "-singlefile",
          pdfFile,
          path.join(SHOTS, name),
        ]);
      };
      shot(pl.monitoring, "Obszar/kierunek", "print-monitoring");
      shot(pl.summary, "Główne mierniki w kolejnych latach", "print-monitoring-chart");
      shot(pl.criteria, "Kryteria obowiązkowe:", "print-criteria");
      shot(pl.call, "Wskaźniki produktu — suma", "print-call-totals");
      shot(pl.call, "Kryteria spełnione w projektach", "print-call-charts");
      shot(pl.call, "Kryteria dostępu (formalne)", "print-call-formal");
      shot(pl.call, "Pliki pominięte w podsumowaniu", "print-call-flags");
      shot(pl.criteria, "Nazwisko2 ", "print-register");
    }
  }, 300_000);
  afterAll(() => {
    if (dir && !KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("every page is A4 landscape", () => {
    expect(pdf.size).toBe(13);
    for (const [f, p] of pdf) {
      expect({ f, pages: p.sizes.length }).toEqual({ f, pages: p.pages.length });
      for (const s of p.sizes) {
        expect(s.w).toBeCloseTo(841.89, 0);
        expect(s.h).toBeCloseTo(595.3, 0);
      }
    }
  });

  test("one typeface on paper: every cell in the workbook's body font (bold and italic of it), none in a fallback", () => {
    for (const [f, file] of pdfFile) {
      const list = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout.split("\n").slice(2);
      // "ABCDEF+DejaVuSans-Bold" → "DejaVuSans": the family LibreOffice printed (its stand-in for Calibri here).
      const families = new Set(
        list
          .map((l) => l.split(/\s+/)[0])
          .filter((n) => n)
          .map((n) =>
            n.replace(/^[A-Z]{6}\+/, "").replace(/[-,](Bold|Italic|Oblique|BoldItalic|BoldOblique)$/, ""),
          ),
      );
      expect({ f: path.basename(f), families: [...families] }).toEqual({
        f: path.basename(f),
        families: [expect.any(String)],
      });
    }
  });

  test("monitoring 2023: 4 pages, one page wide with the header on each, the code column not printed, Polish numbers", () => {
    const p = pdf.get(pl.monitoring)!;
    expect(p.pages).toHaveLength(4);
    const printed = MONITORING_COLUMNS.filter((c) => c.field !== "code").map((c) =>
      headerText(c.field, 2023),
    );
    expect(printed).toHaveLength(8);
    for (const page of p.pages) for (const h of printed) expect(norm(page)).toContain(h);
    const all = norm(p.pages.join(" "));
    expect(all).not.toContain(headerText("code", 2023));
    expect(all).not.toContain("nie zmieniaj");
    expect(all).not.toMatch(/\b\d\.\d\.\d-\d\b/); // no indicator code printed
    expect(all).toContain("1 796");
    expect(all).toContain("76,2%");
    expect(all).not.toMatch(ENGLISH);
  });

  test("a Polish sheet prints 1 796 and 76,2% on an English-language machine too; an English sheet follows the machine", () => {
    // LibreOffice takes a format's separators from the format's language ([$-415] on Polish sheets), else the
    // machine's: before, the Polish table printed 1,796 and 76.2% there.
    const out = toPdf([pl.monitoring, en.summary], path.join(dir, "pdf-en-US"), "en-US");
    const plText = norm(readPdf(out.get(pl.monitoring)!).pages.join(" "));
    expect(plText).toContain("1 796");
    expect(plText).toContain("76,2%");
    expect(plText).not.toContain("1,796");
    const enText = norm(readPdf(out.get(en.summary)!).pages.join(" "));
    expect(enText).toContain("1,796");
    expect(enText).not.toContain("1 796");
  });

  test("three-year summary: the chart's series reference the chart data, LibreOffice shows the chart", async () => {
    const charts = await packageCharts(pl.summary);
    const wb = await readXlsx(fs.readFileSync(pl.summary));
    const sheet = wb.sheets[0];
    expect(charts.map((c) => c.sheet)).toEqual([sheet.name]);
    const c = charts[0];
    expect(c.title).toBe("Główne mierniki w kolejnych latach");
    expect(c.type).toBe("lineChart");
    // The categories are the years; every series' name is an indicator id above its values.
    const cell = (ref: string) => {
      const m = /!\$([A-Z]+)\$(\d+)$/.exec(ref)!;
      const col = m[1].charCodeAt(0) - 65;
      return sheet.values[Number(m[2]) - 1 - sheet.top]?.[col - sheet.left];
    };
    const cats = c.series[0].cat;
    // The years in column D, right of the wide label column (C): the data in columns of a number's width.
    expect(cats).toMatch(/^'Podsumowanie'!\$D\$(\d+):\$D\$(\d+)$/);
    const [, a, b] = /\$D\$(\d+):\$D\$(\d+)/.exec(cats)!.map(Number);
    expect(b - a).toBe(2);
    expect([a, b].map((r) => String(cell(`'x'!$D$${r}`)))).toEqual(["2021", "2023"]);
    for (const s of c.series) {
      expect(s.cat).toBe(cats);
      const col = /!\$([A-Z]+)\$/.exec(s.name)![1];
      expect(s.name).toBe(`'Podsumowanie'!$${col}$${a - 1}`);
      expect(s.val).toBe(`'Podsumowanie'!$${col}$${a}:$${col}$${b}`);
      expect(String(cell(s.name))).toMatch(/^\d\.\d\.\d-\d$/);
    }
    expect(norm(pdf.get(pl.summary)!.pages.join(" "))).toContain(c.title);
  }, 60_000);

  test("three-year summary: one page wide (every indicator page to its last column), in the sheet's language", async () => {
    for (const [wb, lang] of [
      [pl.summary, "pl"],
      [en.summary, "en"],
    ] as const) {
      const p = pdf.get(wb)!.pages.map(norm);
      const own = p.filter((t) => printedWhole(t, lang === "pl" ? "Kod miernika" : "Indicator code"));
      expect(own.length).toBeGreaterThanOrEqual(2);
      // The indicator table's header, repeated, to its last column (the change 2022→2023) on every page.
      for (const t of own)
        expect(printedWhole(t, lang === "pl" ? "zmiana 2022→2023" : "change 2022→2023")).toBe(true);
      const first = p[0];
      if (lang === "pl") {
        expect(first).toContain("Obszary i zadania");
        for (const t of own) expect(t).not.toMatch(ENGLISH);
      } else {
        // Miernik's own words in English (the programme's areas and indicators keep their official Polish names).
        expect(first).toContain("Areas and tasks");
        expect(own.join(" ")).toContain(" count ");
        for (const w of ["Obszary i zadania", "Kod miernika", "wypełnione", "błędy", "ostrzeżenia", "Razem"])
          expect({ w, found: own.some((t) => t.includes(w)) }).toEqual({ w, found: false });
      }
    }
    expect((await packageCharts(en.summary)).map((c) => c.title)).toEqual(["Main indicators over the years"]);
    expect(norm(pdf.get(en.summary)!.pages.join(" "))).toContain("Main indicators over the years");
  }, 60_000);

  test("call summary of 12 projects: totals on their own page; the project table in blocks, one page wide each", () => {
    const p = pdf.get(pl.call)!.pages.map(norm);
    expect(p[0]).toContain("Wskaźniki produktu — suma wszystkich projektów");
    expect(p[0]).toContain("Wskaźniki rezultatu");
    expect(p[0]).not.toContain("Projekty");
    // Chart page, then the blocks: fixed columns, formal, effectiveness, premium (Lp./Plik repeated on each).
    expect(p[1]).toContain("Kryteria spełnione w projektach");
    expect(p[1]).toContain("Wskaźniki produktu: realizacja celu naboru");
    const blocks = ["Kryteria dostępu (formalne)", "Efektywność zatrudnieniowa", "Kryteria premiujące"];
    const tablePages = p.filter((t) => t.includes("Projekty"));
    expect(tablePages).toHaveLength(4);
    for (const t of tablePages) {
      expect(t).toContain("Lp.");
      expect(t).toContain("Plik");
      expect(t).toContain("projekt-12");
      expect(blocks.filter((b) => t.includes(b)).length).toBeLessThanOrEqual(1);
    }
    blocks.forEach((b, i) => expect(tablePages[i + 1]).toContain(b));
    // Every criterion's label whole, on the page of its block.
    for (const c of card.criteria.filter((x) => ["formal", "effectiveness", "premium"].includes(x.kind))) {
      const page = tablePages[1 + ["formal", "effectiveness", "premium"].indexOf(c.kind)];
      expect({ c: c.id, found: printedWhole(page, c.label.pl) }).toEqual({ c: c.id, found: true });
    }
    expect(printedWhole(tablePages[3], "Kryteria obowiązkowe spełnione")).toBe(true);
    // The fixed columns' headers, each word whole (none broken before its last letter, "wnioskodawc|y").
    for (const h of [
      "Wnioski tego wnioskodawcy",
      "Oczekujący na wynik",
      "Błędy w wierszach",
      "Uczestnicy (PESEL) także w innym projekcie",
    ])
      expect({ h, whole: printedWhole(tablePages[0], h) }).toEqual({ h, whole: true });
    // The flags and the files left out: once, on a page of their own before the table — not again on the page
    // of every block of criteria (A–C are repeated there), and without the table's header rows over them.
    for (const heading of ["Uwagi do naboru", "Pliki pominięte w podsumowaniu", "uszkodzony.xlsx"])
      expect({ heading, pages: p.filter((t) => t.includes(heading)).length }).toEqual({ heading, pages: 1 });
    const notes = p.findIndex((t) => t.includes("Pliki pominięte w podsumowaniu"));
    expect(notes).toBe(p.indexOf(tablePages[0]) - 1);
    expect(p[notes]).toContain("uszkodzony plik .xlsx");
    expect(p[notes]).not.toContain("Wnioskodawca Lp.");
    expect(p[notes]).not.toContain("Oczekujący na wynik");
    for (const t of p) expect(t).not.toMatch(ENGLISH);
  });

  test("summaries: every page numbered and dated in the footer, in the sheet's language", () => {
    for (const [wb, lang] of [
      [pl.summary, "pl"],
      [pl.call, "pl"],
      [pl.manyCall, "pl"],
      [en.summary, "en"],
      [en.call, "en"],
    ] as const) {
      const all = pdf.get(wb)!.pages.map(norm);
      // The summary sheet's pages (the monitoring sheets in the same workbook keep the report's own footer).
      const p = all.filter((t) => !/(^| )(Strona \d+ z|Page \d+ of) \d+( |$)/.test(t));
      expect(p.length).toBeGreaterThanOrEqual(2);
      const printed = lang === "pl" ? "Wydruk: \\d{2}\\.\\d{2}\\.\\d{4}" : "Printed: \\S+";
      p.forEach((t, i) =>
        expect({
          f: path.basename(wb),
          page: i + 1,
          numbered: new RegExp(`(^| )${i + 1} ?/ ?${all.length}( |$)`).test(t),
          dated: new RegExp(`(^| )${printed}( |$)`).test(t),
        }).toEqual({ f: path.basename(wb), page: i + 1, numbered: true, dated: true }),
      );
    }
  });

  test("three-year summary: the chart and its data on a page of their own, without the indicator header", () => {
    const p = pdf.get(pl.summary)!.pages.map(norm);
    const title = "Główne mierniki w kolejnych latach";
    const chartPages = p.map((t, i) => (t.includes(title) ? i : -1)).filter((i) => i >= 0);
    expect(chartPages).toHaveLength(1);
    const c = chartPages[0];
    // The page holds the data and the chart, not the indicator table's repeated header (nor its rows).
    expect(p[c]).toContain("Dane wykresu — główne mierniki");
    expect(printedWhole(p[c], "Kod miernika")).toBe(false);
    // The tables around it: the task table before, the indicator table from the next page top.
    expect(p.slice(0, c).some((t) => t.includes("Obszary i zadania"))).toBe(true);
    expect(p.slice(0, c).some((t) => printedWhole(t, "Kod miernika"))).toBe(false);
    expect(p[c + 1]).toContain("Mierniki");
    expect(printedWhole(p[c + 1], "Kod miernika")).toBe(true);
  });

  test(`call summary of ${MANY_PROJECTS} projects: both charts whole on one page after the totals, their data after them`, () => {
    const p = pdf.get(pl.manyCall)!.pages.map(norm);
    const titles = ["Kryteria spełnione w projektach", "Wskaźniki produktu: realizacja celu naboru"];
    // (The first title also heads a table on page 1; the second is the chart's only.)
    expect(p.filter((x) => x.includes(titles[1]))).toHaveLength(1);
    const c = p.findIndex((t) => t.includes(titles[1]));
    expect(c).toBe(1);
    expect(p[c]).toContain(titles[1]);
    // The charts first from the page top, the data (a long list of projects) below them.
    expect(p[c].indexOf(titles[0])).toBeLessThan(p[c].indexOf("Dane wykresów"));
    // The data of every project printed (the list runs onto the next page), each name shortened to fit its cell.
    const data = p.slice(c, c + 2).join(" ");
    for (let i = 1; i <= MANY_PROJECTS; i++)
      expect(data).toContain(`${i}. projekt-${String(i).padStart(2, "0")}`);
    expect(data).not.toContain("aktywizacja-zawodowa-osób-bezrobotnych");
  });

  test("call summary: both charts reference their data; their titles show in the PDF", async () => {
    const charts = await packageCharts(pl.call);
    expect(charts.map((c) => c.title)).toEqual([
      "Kryteria spełnione w projektach",
      "Wskaźniki produktu: realizacja celu naboru",
    ]);
    const wb = await readXlsx(fs.readFileSync(pl.call));
    const sheet = wb.sheets[0];
    const at = (r: number, col: number) => sheet.values[r - 1 - sheet.top]?.[col - sheet.left];
    const rows = (ref: string) => /\$[A-Z]+\$(\d+):\$[A-Z]+\$(\d+)$/.exec(ref)!.slice(1).map(Number);
    // Criteria met per project: 12 projects, two series (required, premium) by column C and D.
    const [perProject, products] = charts;
    expect(perProject.series).toHaveLength(2);
    const [a, b] = rows(perProject.series[0].cat);
    expect(b - a + 1).toBe(12);
    expect(perProject.series[0].cat).toBe(`'Podsumowanie naboru'!$B$${a}:$B$${b}`);
    expect(perProject.series[0].val).toBe(`'Podsumowanie naboru'!$C$${a}:$C$${b}`);
    expect(perProject.series[1].val).toBe(`'Podsumowanie naboru'!$D$${a}:$D$${b}`);
    expect(at(a, 1)).toBe("1. projekt-01");
    expect(at(b, 1)).toBe("12. projekt-12");
    // Product indicators: B1…B7 and their share of the call's target.
    const [c, d] = rows(products.series[0].cat);
    expect(products.series[0].val).toBe(`'Podsumowanie naboru'!$G$${c}:$G$${d}`);
    expect(Array.from({ length: d - c + 1 }, (_, i) => at(c + i, 5))).toEqual(
      card.criteria.filter((x) => x.kind === "product").map((x) => criterionCode(x)),
    );
    const text = norm(pdf.get(pl.call)!.pages.join(" "));
    for (const ch of charts) expect(text).toContain(ch.title);
  }, 60_000);

  test("call summary in English: the same pages and charts, in English", async () => {
    const p = pdf.get(en.call)!.pages.map(norm);
    expect(p).toHaveLength(pdf.get(pl.call)!.pages.length);
    expect(p[0]).toContain("Product indicators — all projects");
    expect(p[1]).toContain("Criteria met per project");
    expect(p[1]).toContain("Product indicators: share of the call target");
    expect((await packageCharts(en.call)).map((c) => c.title)).toEqual([
      "Criteria met per project",
      "Product indicators: share of the call target",
    ]);
    for (const t of p) expect(t).not.toMatch(POLISH);
  }, 60_000);

  for (const lang of ["pl", "en"] as Lang[])
    test(`criteria sheet (${lang}): one page wide, labels whole, codes not ids, verdict = evaluate()`, () => {
      const wbs = lang === "pl" ? pl : en;
      const p = pdf.get(wbs.criteria)!.pages.map(norm);
      const title = criteriaTitle(card, lang);
      const crit = p.filter((t) => t.includes(title));
      expect(crit.length).toBeGreaterThanOrEqual(1);
      expect(crit.length).toBeLessThanOrEqual(2);
      if (lang === "pl") expect(crit).toHaveLength(2); // the Polish table runs onto page 2: its running head
      const printedOn = lang === "pl" ? "Wydruk:" : "Printed:";
      crit.forEach((t, i) => {
        // The title once on every page: page 1's own rows, then the running head (not both on page 1).
        expect({ lang, page: i + 1, first: t.startsWith(title), titles: t.split(title).length - 1 }).toEqual({
          lang,
          page: i + 1,
          first: true,
          titles: 1,
        });
        // The footer: the page number and the date it was printed (dd.mm.rrrr in Polish LibreOffice).
        expect(t).toMatch(new RegExp(`(^| )${i + 1} ?/ ?\\d+( |$)`));
        expect(t).toMatch(new RegExp(`(^| )${printedOn} \\d{2}\\.\\d{2}\\.\\d{4}( |$)`));
      });
      // The header row, to its last column, on every page (one word each: pdftotext splits wrapped cells).
      const head =
        lang === "pl"
          ? ["Kod", "Licznik", "Oczekujący", "Realizacja"]
          : ["Code", "Numerator", "Denominator", "Threshold", "Pending", "reached"];
      for (const t of crit) for (const h of head) expect(t).toContain(h);
      const all = crit.join(" ");
      for (const c of card.criteria) {
        expect({ c: c.id, found: printedWhole(all, c.label[lang]) }).toEqual({ c: c.id, found: true });
        expect(all).toContain(` ${criterionCode(c)} `);
      }
      expect(all).not.toMatch(/\b(formal|effectiveness|premium|result|product)\.[A-Za-z0-9]/);
      const labels = Object.values(PARAMETER_LABELS).map((l) => l[lang]);
      for (const l of labels) expect({ l, found: printedWhole(all, l) }).toEqual({ l, found: true });
      expect(all).toContain(GROUPS[card.parameters.subQuotaBase].label[lang]);
      // The register's applicant (its "Wnioskodawca:" line) heads the first page, as summarize reads it.
      expect(crit[0]).toContain(`${lang === "pl" ? "Wnioskodawca:" : "Applicant:"} Fundacja Przykładowa`);
      // The met column in the sheet's language; nothing of the other language.
      const metShown = lang === "pl" ? [" TAK ", " NIE "] : [" YES ", " NO "];
      for (const w of metShown) expect(all).toContain(w);
      if (lang === "pl") {
        expect(all).toContain("30.06.2025");
        expect(all).not.toContain("2025-06-30");
        for (const t of p) expect(t).not.toMatch(ENGLISH);
      } else
        for (const t of crit)
          // The sheet's name and the applicant's own name (the register's data) are the only Polish words.
          expect(t.replace(/“Uczestnicy”|Fundacja Przykładowa/g, "")).not.toMatch(POLISH);
      // The headline verdict, computed by LibreOffice, equals the engine.
      const e = evaluate(wbs.register, card, isoToSerial(AS_OF)!);
      const req = requiredCriteria(card);
      const result = (id: string) => e.criteria.find((x) => x.id === id)!;
      const met = req.filter((c) => result(c.id).met === true).length;
      const notMet = req.filter((c) => result(c.id).met === false).map((c) => criterionCode(c));
      const points = e.criteria.reduce((s, c) => s + (c.points ?? 0), 0);
      const verdict =
        lang === "pl"
          ? `Kryteria obowiązkowe: ${met} z ${req.length} spełnionych` +
            (notMet.length ? ` — niespełnione: ${notMet.join(", ")}` : "")
          : `Required criteria: ${met} of ${req.length} met` +
            (notMet.length ? ` — not met: ${notMet.join(", ")}` : "");
      expect(all).toContain(verdict);
      expect(all).toContain(
        lang === "pl"
          ? `; punkty premiujące: ${points} z ${premiumPointsAvailable(card)}`
          : `; premium points: ${points} of ${premiumPointsAvailable(card)}`,
      );
      expect(notMet.length).toBeGreaterThan(0); // the sample register fails something: the list is tested
    });

  test("register: one page wide at a readable scale, header on every page, every person once, derived columns not printed", () => {
    const doc = pdf.get(pl.criteria)!;
    const p = doc.pages.map(norm);
    const regPages = p.map((t, i) => (/\bNazwisko\d+\b/.test(t) ? i : -1)).filter((i) => i >= 0);
    expect(regPages.length).toBeGreaterThanOrEqual(2);
    const printed = REGISTER_COLUMNS.filter((c) => REGISTER_PRINTED.includes(c.key));
    expect(printed.map((c) => c.header).slice(0, 4)).toEqual(["Lp.", "Imię", "Nazwisko", "PESEL"]);
    const notPrinted = REGISTER_COLUMNS.filter((c) => !REGISTER_PRINTED.includes(c.key));
    expect(notPrinted.length).toBeGreaterThan(0);
    for (const i of regPages) {
      const t = p[i];
      // Every printed column's header, whole, on every page: one page wide, the header row repeated.
      for (const c of printed)
        expect({ i, h: c.header, found: printedWhole(t, c.header) }).toEqual({ i, h: c.header, found: true });
      // Nothing of the columns after the print area (typed support/employment columns, derived formulas).
      for (const c of notPrinted)
        expect({ i, h: c.header, found: printedWhole(t, c.header) }).toEqual({
          i,
          h: c.header,
          found: false,
        });
      expect(t).not.toMatch(/Stan wiersza|Liczony w|W populacji|Data urodzenia \(wyliczona\)/);
      // The footer: the date it was printed (dd.mm.rrrr) and the page number.
      expect(t).toMatch(/(^| )Wydruk: \d{2}\.\d{2}\.\d{4}( |$)/);
      expect(t).toMatch(new RegExp(`(^| )${i + 1} ?/ ?${p.length}( |$)`));
      // Inside the page: no word beyond the right margin.
      const boxes = doc.boxes(i);
      const right = Math.max(...boxes.map((b) => b.xMax));
      expect(right).toBeLessThanOrEqual(doc.sizes[i].w - 0.3 * 72 + 1);
      // The scale LibreOffice chose to fit the width, from the header cells' distance (Imię → Nazwisko is the
      // Imię column's width): at least 60 %, so 11-point text prints at 6.6 points or more.
      const x = (w: string) => boxes.find((b) => b.word === w && b.yMax < 120)!.xMin;
      const plan = buildRegisterSheetPlan(card, {});
      const firstNameWidthPt = (Math.round(plan.columns[1].width * 7) + 5) * 0.75;
      const scale = (x("Nazwisko") - x("Imię")) / firstNameWidthPt;
      expect(scale).toBeGreaterThanOrEqual(0.6);
      expect(scale).toBeLessThanOrEqual(1);
    }
    // Every participant on paper exactly once (pages down, never across), with their PESEL.
    const all = regPages.map((i) => p[i]).join(" ");
    const names = all.match(/\bNazwisko\d+\b/g)!;
    expect(names).toHaveLength(pl.register.length);
    expect(new Set(names).size).toBe(pl.register.length);
    const withPesel = pl.register.filter((x) => x.pesel);
    expect(withPesel.length).toBe(pl.register.length);
    for (const x of withPesel) expect(all).toContain(x.pesel!);
  });

  test("register with people typed in below the table after Miernik wrote it: every one printed, no blank page", () => {
    const doc = pdf.get(pl.typedIn)!;
    const p = doc.pages.map(norm);
    const regPages = p.map((t, i) => (/\bDopisana\d+\b/.test(t) ? i : -1)).filter((i) => i >= 0);
    const typed = regPages.flatMap((i) => p[i].match(/\bDopisana\d+\b/g) ?? []);
    expect(typed).toHaveLength(TYPED_IN);
    expect(new Set(typed).size).toBe(TYPED_IN);
    // The people Miernik wrote print too, on the same pages (one register, written and typed alike).
    const written = regPages.flatMap((i) => p[i].match(/\bNazwisko\d+\b/g) ?? []);
    expect(written).toHaveLength(WRITTEN_BEFORE_TYPING);
    // The 1 000 empty spare rows below them are in the print area but print no page: every page after the
    // criteria sheet's shows people.
    const last = Math.max(...regPages);
    expect(last).toBe(p.length - 1);
    for (let i = Math.min(...regPages); i <= last; i++)
      expect({ i, people: regPages.includes(i) }).toEqual({ i, people: true });
  });

  test("register of the longest values: every printed value whole in its cell, rows no taller than their text", () => {
    const doc = pdf.get(pl.longValues)!;
    const printed = REGISTER_COLUMNS.filter((c) => REGISTER_PRINTED.includes(c.key));
    const regPages = doc.pages.map((_t, i) => i).filter((i) => doc.boxes(i).some((b) => b.word === "Lp."));
    expect(regPages.length).toBeGreaterThanOrEqual(1);
    const cells: string[][] = [];
    const slack: { row: number; slack: number; line: number }[] = [];
    for (const i of regPages) {
      const t = printedTable(
        doc.boxes(i),
        printed.map((c) => c.header),
        /^\d+$/,
        doc.sizes[i].h,
      );
      t.slack.forEach((x, k) => {
        if (x !== undefined) slack.push({ row: cells.length + k + 1, slack: x, line: t.line });
      });
      cells.push(...t.cells);
    }
    const want = longValueRows();
    expect(cells.map((r) => r[0])).toEqual(want.map((r) => r[0]));
    const plDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3.$2.$1");
    want.forEach((row, i) =>
      printed.forEach((c, j) => {
        const value = norm(c.kind === "date" ? plDate(row[j]) : row[j]);
        expect({ row: i + 1, column: c.header, printed: cells[i][j] }).toEqual({
          row: i + 1,
          column: c.header,
          printed: value,
        });
      }),
    );
    // The longest values of the lists are among them (the test is about them).
    for (const c of printed.filter((x) => x.allowed))
      for (const v of c.allowed!)
        expect({ c: c.key, v, found: want.some((r) => r[printed.indexOf(c)] === v) }).toEqual({
          c: c.key,
          v,
          found: true,
        });
    // No row taller than its tallest cell by a line or more.
    for (const x of slack)
      expect({ row: x.row, tooHigh: x.slack >= x.line }).toEqual({ row: x.row, tooHigh: false });
  });

  test("project plan: items, criteria and minimums each from a page top, one page wide, no codes, in its language", () => {
    const HEADERS = {
      pl: [
        "Kryterium / wskaźnik (wartość do wniosku)",
        "Rodzaj",
        "Plan: licznik",
        "Plan: mianownik",
        "Udział",
        "Próg",
        "Spełnione",
        "Punkty",
        "Brakuje w planie (osób)",
        "Minimum przy N / planie",
        "Cel naboru",
        "Udział w celu naboru",
      ],
      en: [
        "Criterion / indicator (value for the application)",
        "Kind",
        "Plan: numerator",
        "Plan: denominator",
        "Share",
        "Threshold",
        "Met",
        "Points",
        "The plan is short (persons)",
        "Minimum at N / plan",
        "Call target",
        "Share of the call target",
      ],
    };
    for (const [wb, lang] of [
      [pl.plan, "pl"],
      [en.plan, "en"],
    ] as const) {
      const doc = pdf.get(wb)!;
      const p = doc.pages.map(norm);
      expect({ lang, pages: p.length }).toEqual({ lang, pages: 3 });
      const title = `${lang === "pl" ? "Plan projektu" : "Project plan"} — ${card.title[lang]}`;
      const printed = lang === "pl" ? "Wydruk:" : "Printed:";
      p.forEach((t, i) => {
        // The title once on every page: page 1's own rows, then the running head (not both on page 1).
        expect({ lang, page: i + 1, header: t.startsWith(title), titles: t.split(title).length - 1 }).toEqual(
          {
            lang,
            page: i + 1,
            header: true,
            titles: 1,
          },
        );
        expect(t).toMatch(new RegExp(`(^| )${i + 1} ?/ ?3( |$)`)); // the footer: the page number…
        // … and the date it was printed (the reader's format: dd.mm.rrrr in Polish LibreOffice).
        expect(t).toMatch(new RegExp(`(^| )${printed} \\d{2}\\.\\d{2}\\.\\d{4}( |$)`));
        // One page wide: nothing printed past the right margin (0.4 in).
        const right = Math.max(...doc.boxes(i).map((b) => b.xMax));
        expect({ lang, page: i + 1, inside: right <= doc.sizes[i].w - 28 }).toEqual({
          lang,
          page: i + 1,
          inside: true,
        });
      });
      // Page 1: every plan item whole (wrapped where long), under the field table's own header only.
      for (const f of planFields(card))
        expect({ f: f.key, whole: printedWhole(p[0], f.label[lang]) }).toEqual({ f: f.key, whole: true });
      for (const h of lang === "pl" ? ["Wartość użyta", "Uwaga (1/0)"] : ["Value used", "Flag (1/0)"])
        expect(p.join(" ")).not.toContain(h);
      // Page 2: the criteria under their header, each header and label whole (no word broken at a cell edge).
      for (const h of HEADERS[lang])
        expect({ lang, h, whole: printedWhole(p[1], h) }).toEqual({ lang, h, whole: true });
      for (const c of card.criteria)
        expect({ c: c.id, whole: printedWhole(p[1], c.label[lang]) }).toEqual({ c: c.id, whole: true });
      // Page 3: the minimums.
      expect(p[2]).toContain(
        lang === "pl"
          ? "Minima przy planowanej liczbie uczestników (N)"
          : "Minimums at the planned number of participants (N)",
      );
      // Column A (the codes the reader finds the fields by) does not print.
      const words = new Set(p.join(" ").split(" "));
      for (const code of [...planFields(card).map((f) => f.key), ...card.criteria.map((c) => c.id)])
        if (/[A-Z_.]/.test(code))
          expect({ lang, code, printed: words.has(code) }).toEqual({ lang, code, printed: false });
      if (lang === "pl") {
        for (const t of p) expect(t).not.toMatch(ENGLISH);
        expect(p[1]).toContain("1 875"); // the call target of B1
      } else for (const t of p) expect(t).not.toMatch(POLISH);
    }
  });

  test("call summary of one applicant's 5 projects: the long name whole in every row, the flag whole on the page", () => {
    const doc = pdf.get(pl.longCall)!;
    const p = doc.pages.map(norm);
    const i = p.findIndex((t) => t.includes("Oczekujący na wynik")); // the fixed columns' block
    expect(i).toBeGreaterThanOrEqual(0);
    const last = LONG_APPLICANT.split(" ").pop()!;
    // Five project rows, each with the whole name (not cut after the lines a 15 pt row shows).
    expect(p[i].split(" ").filter((w) => w === last)).toHaveLength(5);
    // The flag whole on the page of flags, and on no other page.
    const files = [1, 2, 3, 4, 5].map((k) => `long-call-pl/projekt-${k}.csv`).join(", ");
    const flag = `Wnioskodawca: ${LONG_APPLICANT} — 5 wniosków (limit karty: 2): ${files}`;
    const flagPages = p.filter((t) => t.includes("Uwagi do naboru"));
    expect(flagPages).toHaveLength(1);
    // (A line may end after a hyphen, "projekt-" | "1.csv", which pdftotext drops when it joins the lines.)
    const unhyphenated = (t: string) => t.replace(/-/g, "");
    expect(printedWhole(unhyphenated(flagPages[0]), unhyphenated(flag))).toBe(true);
    expect(p.filter((t) => t.includes("limit karty: 2"))).toHaveLength(1);
    for (let k = 0; k < p.length; k++) {
      const right = Math.max(...doc.boxes(k).map((b) => b.xMax));
      expect({ page: k + 1, inside: right <= doc.sizes[k].w - 28 }).toEqual({ page: k + 1, inside: true });
    }
  });

  test("criteria: every criterion row as tall as its label, not a line more", () => {
    const doc = pdf.get(pl.criteria)!;
    const pages = doc.pages.map((_t, i) => i).filter((i) => doc.boxes(i).some((b) => b.word === "Kod"));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    let rows = 0;
    for (const i of pages) {
      const t = printedTable(
        doc.boxes(i),
        ["Kod", "Kryterium / wskaźnik", "Rodzaj"],
        /^(\d+[a-z]?|\d+\.\d+|[A-Z]\d+)$/,
        doc.sizes[i].h,
      );
      rows += t.cells.length;
      t.slack.forEach((x, k) => {
        if (x !== undefined)
          expect({ page: i, row: t.cells[k][0], tooHigh: x >= t.line }).toEqual({
            page: i,
            row: t.cells[k][0],
            tooHigh: false,
          });
      });
    }
    expect(rows).toBe(card.criteria.length);
  });
});

interface PackagedChart {
  sheet: string;
  type: string;
  title: string;
  series: { name: string; cat: string; val: string }[];
}

/** The charts in an .xlsx package, read from its parts; every part involved must be well-formed XML. */
async function packageCharts(file: string): Promise<PackagedChart[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: PackagedChart[] = [];
  const xml = async (p: string) => {
    const s = await zip.file(p)!.async("string");
    expect({ p, valid: XMLValidator.validate(s) }).toEqual({ p, valid: true });
    return s;
  };
  const types = await xml("[Content_Types].xml");
  for (const [sheet, part] of await sheetParts(zip)) {
    const sx = await xml(part);
    const d = /<drawing r:id="([^"]+)"\/>/.exec(sx);
    if (!d) continue;
    const relsPart = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = await xml(relsPart);
    const target = new RegExp(`Id="${d[1]}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(rels)![1];
    const drawing = await xml(`xl/drawings/${target}`);
    expect(types).toContain(`PartName="/xl/drawings/${target}"`);
    const drels = await xml(`xl/drawings/_rels/${target}.rels`);
    for (const m of drawing.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)) {
      const chartFile = new RegExp(`Id="${m[1]}"[^>]*Target="\\.\\./charts/([^"]+)"`).exec(drels)![1];
      expect(types).toContain(`PartName="/xl/charts/${chartFile}"`);
      const c = await xml(`xl/charts/${chartFile}`);
      const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&amp;/g, "&");
      out.push({
        sheet,
        type: /<c:(lineChart|barChart)>/.exec(c)![1],
        title: /<c:title>.*?<a:t>([^<]*)<\/a:t>/.exec(c)![1],
        series: [...c.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((s) => ({
          name: unescape(/<c:tx><c:strRef><c:f>([^<]*)</.exec(s[1])![1]),
          cat: unescape(/<c:cat>.*?<c:f>([^<]*)</.exec(s[1])![1]),
          val: unescape(/<c:val>.*?<c:f>([^<]*)</.exec(s[1])![1]),
        })),
      });
    }
  }
  return out;
}
