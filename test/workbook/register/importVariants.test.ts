/**
 * Issue 12 acceptance: one generated register written in 40+ ways real files come (encoding × separator,
 * every date form, SL2014 and SM EFS header layouts with extra and repeated columns, value slips, `Wymiar
 * etatu` as words) gives exactly the clean register's figures (`evaluate()` of the generated participants):
 * through the functions `miernik check` reads with, through the pane's import (`previewImport`) and the
 * standalone page's open-file path, and — for ten variants — through the real CLI (`bin/miernik.js`,
 * built by `npm run build:cli`).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard } from "../../../src/domain/card/load";
import { Card, Evaluation } from "../../../src/domain/card/types";
import { isoToSerial } from "../../../src/domain/dates";
import { checkRegister, RULES } from "../../../src/domain/register/checks";
import { MemoryWorkbook } from "../../../src/hosts/xlsx/memory";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { writeXlsx } from "../../../src/hosts/xlsx/render";
import { previewImport } from "../../../src/taskpane/participants/flows";
import type { WorkbookHost } from "../../../src/taskpane/host";
import { checkAndEvaluateSliced, readRegisterSheetSliced } from "../../../src/taskpane/work/sliced";
import { emptySheet, CellValue } from "../../../src/workbook/plan";
import { registerHeaders } from "../../../src/workbook/register/plan";
import {
  csvSheet,
  csvSheetFromBytes,
  readRegisterSheet,
  readRegisterWorkbook,
} from "../../../src/workbook/register/reader";
import { registerTableRows } from "../../../src/workbook/register/rows";
import {
  cleanTable,
  cst2021,
  DATE_FORMS,
  encode,
  Encoding,
  fteWords,
  insertColumn,
  mapHeaders,
  Separator,
  sl2014,
  slipValues,
  stripDiacritics,
  Table,
  toCsvText,
} from "../../fixtures/register/exports";
import { participants } from "../../fixtures/summary/projects";

const card = builtinCard("rpo-wl-9.1-2016") as Card;
const AS_OF = "2025-01-01";
const asOf = isoToSerial(AS_OF) as number;
const ps = participants(80, 12, 3000);

type Figures = Pick<Evaluation, "participants" | "pending"> & { criteria: unknown[] };
const figures = (e: Evaluation): Figures => ({
  participants: e.participants,
  pending: e.pending,
  criteria: e.criteria.map((c) => ({
    id: c.id,
    numerator: c.numerator,
    denominator: c.denominator,
    share: c.share,
    met: c.met,
    points: c.points,
    shortfall: c.shortfall,
  })),
});
const expected = figures(evaluate(ps, card, asOf));

interface Variant {
  name: string;
  file: string;
  bytes: () => Promise<Uint8Array>;
  /** Also run through the real CLI (child process). */
  cli?: boolean;
}

const csv = (
  name: string,
  table: Table,
  enc: Encoding = "utf-8",
  sep: Separator = ";",
  cli = false,
  file = "rejestr.csv",
): Variant => ({ name, file, bytes: async () => encode(toCsvText(table, sep), enc), cli });

const xlsx = (name: string, table: Table, cli = false): Variant => ({
  name,
  file: "rejestr.xlsx",
  cli,
  bytes: () =>
    writeXlsx({
      sheets: [
        {
          ...emptySheet("Arkusz1"),
          blocks: [{ row: 0, col: 0, values: [...table.before, table.header, ...table.rows] }],
        },
      ],
      names: [],
    }),
});

const clean = cleanTable(ps);
const ENCODINGS: Encoding[] = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1250", "iso-8859-2"];
const SEPARATORS: Separator[] = [";", ",", "\t"];
const CLI_ENC = new Set(["windows-1250 ;", "utf-16le \t", "iso-8859-2 ,"]);

const variants: Variant[] = [
  // Encoding × separator (18), with the dates in Polish order so commas and dots appear in values.
  ...ENCODINGS.flatMap((enc) =>
    SEPARATORS.map((sep) =>
      csv(
        `${enc}, separator ${sep === "\t" ? "TAB" : sep}`,
        cleanTable(ps, DATE_FORMS["dd.mm.yyyy"]),
        enc,
        sep,
        CLI_ENC.has(`${enc} ${sep}`),
      ),
    ),
  ),
  // Every date form (11).
  ...Object.keys(DATE_FORMS).map((f) =>
    csv(
      `dates ${f}`,
      cleanTable(ps, DATE_FORMS[f]),
      "utf-8",
      ";",
      f === "serial as text" || f === "dd/mm/yyyy",
    ),
  ),
  // Real export layouts.
  csv(
    "SL2014 PEFS sheet (institution block, Pesel, repeated W tym)",
    sl2014(clean),
    "windows-1250",
    ";",
    true,
  ),
  csv("SL2014 PEFS sheet, UTF-8 comma", sl2014(cleanTable(ps, DATE_FORMS["dd.mm.yyyy"])), "utf-8", ","),
  csv(
    "SM EFS export with the registration column",
    cst2021(ps, true),
    "utf-8-bom",
    ";",
    true,
    "Uczestnicy_projektu_Efs_2025-01-02.csv",
  ),
  csv(
    "SM EFS export without the registration column",
    cst2021(ps, false),
    "windows-1250",
    ";",
    true,
    "Uczestnicy_projektu_Efs_2025-01-02.csv",
  ),
  csv("title block above the header, columns reversed", {
    before: [["Rejestr uczestników projektu"], ["Stan na 2025-01-01"], []],
    header: [...clean.header].reverse(),
    keys: [...clean.keys].reverse(),
    rows: clean.rows.map((r) => [...r].reverse()),
  }),
  // Header slips.
  csv(
    "headers in capitals, NBSP between words, no diacritics",
    mapHeaders(clean, (h) => stripDiacritics(h).toUpperCase().replace(/ /g, "\u00a0")),
    "windows-1250",
  ),
  // Value slips.
  csv(
    "values with a trailing space",
    slipValues(clean, (v) => `${v} `),
    "utf-8",
    ";",
    true,
  ),
  csv(
    "values in capitals",
    slipValues(clean, (v) => v.toUpperCase()),
    "windows-1250",
    ",",
  ),
  csv("values without diacritics", slipValues(clean, stripDiacritics), "iso-8859-2", ";"),
  csv(
    "values with NBSP between words",
    slipValues(clean, (v) => v.replace(/ /g, "\u00a0")),
    "windows-1250",
    "\t",
  ),
  csv(
    "values with NNBSP and double spaces",
    slipValues(clean, (v) => ` ${v.replace(" ", "\u202f").replace(/ /g, "  ")}`),
  ),
  csv(
    "values lower-cased with a leading space",
    slipValues(clean, (v) => ` ${v.toLowerCase()}`),
    "utf-16le",
    ";",
  ),
  // Wymiar etatu as users write it.
  csv("Wymiar etatu 1/2, pełny etat, 25%", fteWords(clean), "windows-1250", ";", true),
  csv("Wymiar etatu ½, 100%, 1/4", fteWords(clean, "½", "100%", "1/4")),
  csv("Wymiar etatu 50%, 1, 0,25", fteWords(clean, "50%", "1", "0,25"), "utf-8", ","),
  csv(
    "|-joined dates (start: earliest, end: latest)",
    (() => {
      const j = (k: string) => clean.keys.indexOf(k as never);
      return {
        ...clean,
        rows: clean.rows.map((r) =>
          r.map((v, i) =>
            v !== null && i === j("startDate")
              ? `${v}|${DATE_FORMS.iso((isoToSerial(v as string) as number) + 5)}`
              : v !== null && i === j("endDate")
                ? `${DATE_FORMS.iso((isoToSerial(v as string) as number) - 3)}|${v}`
                : v,
          ),
        ),
      };
    })(),
  ),
  csv(
    "extra unknown columns everywhere",
    insertColumn(
      insertColumn(clean, "Uwagi", (i) => `uwaga ${i}`, "sex"),
      "Telefon kontaktowy",
      () => "123 456 789",
    ),
  ),
  // .xlsx with the dates as text cells, and as Excel serial numbers.
  xlsx("xlsx, dates as DD/MM/YYYY text cells", cleanTable(ps, DATE_FORMS["dd/mm/yyyy"]), true),
  xlsx(
    "xlsx, dates as YYYY.MM.DD 00:00 text",
    cleanTable(ps, (s) => `${DATE_FORMS["yyyy.mm.dd"](s)} 00:00`),
  ),
  xlsx(
    "xlsx, dates as serial numbers, SM EFS headers",
    (() => {
      const t = cst2021(ps, true);
      const dates = new Set(["birthDate", "startDate", "endDate", "jobStartDate"]);
      const rows = t.rows.map((r) =>
        r.map((v, i) => {
          const k = t.keys[i];
          if (!k || !dates.has(k) || v === null) return v;
          const [d, m, y] = String(v).split(".");
          return isoToSerial(`${y}-${m}-${d}`) as CellValue;
        }),
      );
      return { ...t, rows };
    })(),
  ),
];

/** A row-issue rule each slip variant must raise: its slips really are in the file. */
const RAISES: [RegExp, string][] = [
  [/^values (with a trailing|without|with NBSP|with NNBSP|lower-cased)/, "value.spelling"],
  [/^values in capitals/, "value.case"],
  [/^Wymiar etatu (1\/2|½)/, "value.fte"],
  [/^\|-joined/, "value.multi"],
  [/^SM EFS/, "status.cst2021"],
  [/^SL2014/, "value.case"],
];

/** What `miernik check` does before evaluating (src/cli/commands/check.ts `readRegisterFile`). */
async function readLikeTheCli(file: string, bytes: Uint8Array): Promise<Evaluation> {
  let sheet;
  if (file.endsWith(".csv")) sheet = csvSheetFromBytes(bytes);
  else {
    const wb = await readXlsx(bytes);
    const picked = readRegisterWorkbook(wb);
    sheet = wb.sheets.find((s) => s.name === picked.sheet)!;
  }
  const { participants: got, issues } = checkRegister(readRegisterSheet(sheet).rows, card.parameters);
  return evaluate(got, card, asOf, issues);
}

/** A host whose workbook has no register yet (the import then adds every row). */
const emptyHost = { readSheet: async () => null, listSheets: async () => [] } as unknown as WorkbookHost;

describe("one register, every way real files come (issue 12)", () => {
  it("the variants are at least 40, the clean file gives the generated figures, and the figures can tell variants apart", async () => {
    expect(variants.length).toBeGreaterThanOrEqual(40);
    const e = await readLikeTheCli("clean.csv", encode(toCsvText(clean), "utf-8"));
    expect(figures(e)).toEqual(expected);
    expect(e.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
    // Long-term unemployed, women and effectiveness are all non-trivial here: a lost column shows.
    const n = (id: string) =>
      expected.criteria.find((c) => (c as { id: string }).id === id) as { numerator: number };
    expect(n("formal.longTermUnemployed").numerator).toBeGreaterThan(0);
    expect(expected.participants).toBe(80);
    // A wrongly picked `W tym` (the support block's) would change the figures.
    const wrong = clean.rows.map((r) =>
      r.map((v, j) => (clean.keys[j] === "subStatus" ? "szkolenie zawodowe" : v)),
    );
    const bad = await readLikeTheCli("bad.csv", encode(toCsvText({ ...clean, rows: wrong }), "utf-8"));
    expect(figures(bad)).not.toEqual(expected);
  });

  it.each(variants.map((v) => [v.name, v] as const))(
    "%s: the CLI's reader, the pane's import and the standalone open give the clean figures",
    async (_name, v) => {
      const bytes = await v.bytes();
      const viaCli = await readLikeTheCli(v.file, bytes);
      expect(figures(viaCli)).toEqual(expected);
      expect(viaCli.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
      for (const [re, rule] of RAISES)
        if (re.test(v.name)) expect(viaCli.rowIssues.map((i) => i.rule)).toContain(rule);

      // The pane's import: previewImport (the functions the pane calls on a picked file), then the checks.
      const preview = await previewImport(
        { host: emptyHost, lang: "pl", confirmReplace: async () => false },
        { name: v.file, bytes },
        readXlsx,
      );
      expect(preview.toAdd.length).toBe(80);
      expect(preview.columns.some((c) => c.register === "PESEL")).toBe(true);
      expect(figures(await checkAndEvaluateSliced(preview.toAdd, card, asOf))).toEqual(expected);

      // What the import writes into the register sheet holds the allowed values: read back, no slip is left.
      const written = csvSheet([registerHeaders("pl"), ...registerTableRows(preview.toAdd)]);
      const back = checkRegister(readRegisterSheet(written).rows, card.parameters);
      expect(figures(evaluate(back.participants, card, asOf, back.issues))).toEqual(expected);
      expect(
        back.issues.filter((i) =>
          [RULES.valueCase, RULES.valueSpelling, RULES.fteText, "value.multi"].includes(i.rule),
        ),
      ).toEqual([]);

      // The standalone page opening the file (Otwórz plik) and checking it.
      if (v.file.endsWith(".csv")) {
        const wb = await MemoryWorkbook.open(v.file, bytes);
        const sheet = wb.readSheet("Uczestnicy")!;
        const rows = (await readRegisterSheetSliced(sheet)).rows;
        expect(figures(await checkAndEvaluateSliced(rows, card, asOf))).toEqual(expected);
      }
    },
  );

  describe("through the real CLI (bin/miernik.js check --json)", () => {
    const ROOT = path.resolve(__dirname, "../../..");
    const CLI = path.join(ROOT, "bin", "miernik.js");
    let dir: string;
    beforeAll(() => {
      if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js")))
        throw new Error("run `npm run build:cli` first (this test runs the compiled CLI)");
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-import-"));
    });
    afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));
    const viaCli = variants.filter((v) => v.cli);
    it("runs ten variants", () => expect(viaCli.length).toBeGreaterThanOrEqual(10));
    it.each(viaCli.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
      const file = path.join(dir, v.file);
      fs.writeFileSync(file, await v.bytes());
      let out: string;
      try {
        out = execFileSync(process.execPath, [CLI, "check", file, "--as-of", AS_OF, "--json"], {
          encoding: "utf8",
        });
      } catch (e) {
        out = (e as { stdout?: string }).stdout ?? "";
        if (!out) throw e;
      }
      const j = JSON.parse(out);
      expect({
        participants: j.participants,
        pending: j.pending,
        criteria: j.criteria.map((c: Record<string, unknown>) => ({
          id: c.id,
          numerator: c.numerator,
          denominator: c.denominator,
          share: c.share,
          met: c.met,
          points: c.points,
          shortfall: c.shortfall,
        })),
      }).toEqual(expected);
      expect(j.columnMapping.find((c: { register: string | null }) => c.register === "PESEL")).toBeDefined();
    });
  });
});
