/**
 * `npm run bench`: speed and memory of Miernik's heavy paths, printed as figures and ratios (never
 * asserted). For each register size: generating the register, writing it to .xlsx and reading it back,
 * a bare pass over every cell (the floor), reading the register rows from the sheet and the import
 * preview's read + duplicate detection (one pass, and in the pane's slices), the row checks + card
 * evaluation (one pass, and in slices), writing the criteria workbook, and HyperFormula: at every N the
 * criteria sheet recalculated over a register whose derived columns hold values (`derivedValues()`), and
 * up to --hf-max the whole workbook with the register's derived formulas — both checked against
 * `evaluate()` (a mismatch is printed and sets exit code 1). Then Office.js request counts and sizes on a
 * recording fake of Excel (the test fake, transpiled at run time: the bench runs from a development
 * checkout), the call summary over many files, and the task pane's first-load bundle size.
 *
 * Options: --sizes 1000,10000,100000  --json  --files 200 --rows 500 (summary)  --no-summary
 *          --hf-max 10000 (largest N whose whole workbook, derived formulas included, is recalculated)
 *          --capacity 100000 (rows the criteria names cover, as the add-in writes them; tests use less)
 *          --no-libreoffice (skip the LibreOffice peer comparison)  --peer-sizes 1000,10000 (its register
 *          sizes; default --sizes)  --peer-full-max N (the whole workbook, derived formulas too, up to N rows;
 *          default 10 000)
 *          --only write (only the writes in child processes: criteria workbook, floor, check -o; add
 *          --no-pane to skip the standalone page's long tasks too)
 *          --only engine (only what the engine ratio needs: register, bare pass, rows read, row checks +
 *          evaluation; no writes, HyperFormula, Office.js figures, LibreOffice, summary, bundle or pane)
 * Writes of the criteria workbook, the floor (bare ExcelJS streaming of the same values) and `check -o`
 * run in child processes (./child.ts) so each peak RSS is its own; the bench runs at Node's default heap.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluate } from "../../domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID } from "../../domain/card/load";
import { sampleParticipants } from "../../domain/card/sample";
import { Card } from "../../domain/card/types";
import { PROGRAMME, sampleValues2023 } from "../../domain/programme/programme";
import { checkRegister } from "../../domain/register/checks";
import { checkAndEvaluate } from "../../domain/register/engine";
import { PersonTable, REPEAT } from "../../domain/register/persons";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { participantToValues } from "../../domain/register/toRow";
import { renderSheetPlans } from "../../hosts/excel/render";
import { readXlsx } from "../../hosts/xlsx/read";
import { writeXlsx } from "../../hosts/xlsx/render";
import { validateInExcel } from "../../hosts/excel/validation";
import {
  checkAndEvaluateSliced,
  dedupeRows,
  dedupeSliced,
  readRegisterSheetSliced,
  readRegisterWorkbookSliced,
  SliceOptions,
} from "../../taskpane/work/sliced";
import { buildMonitoringSheetPlan } from "../../workbook/monitoring/layout";
import type { WorkbookCells } from "../../workbook/cells";
import { CellValue, emptySheet, SheetPlan, WorkbookPlan } from "../../workbook/plan";
import type { RawRow } from "../../domain/register/checks";
import { DEFAULT_CAPACITY } from "../../workbook/register/layout";
import { readRegisterSheet, readRegisterWorkbook } from "../../workbook/register/reader";
import {
  compareCriteria,
  hyperFormula,
  recalcAfterAsOfChange,
  recalcCriteriaSheet,
  recalcWorkbook,
} from "./hyperformula";
import { formatPaneLongTasks, withPaneLongTasks } from "./longtask";
import type { ChildFigure } from "./child";
import { libreOfficePeer, PeerComparison } from "./libreoffice";
import { benchSummarize } from "./summarize";

declare const gc: (() => void) | undefined;

const ROOT = path.resolve(__dirname, "..", "..", "..");
const AS_OF = 45658; // 2025-01-01

interface Step {
  step: string;
  n: number;
  ms: number;
  /** Rows (or cells for the bare pass) per second. */
  perSecond: number | null;
  /** Heap in use right after the step, before garbage collection (MB). */
  heapMB: number;
  /** Resident set size right after the step (MB) — what the step's data holds, the rest of the bench included. */
  rssMB: number;
  /** Peak resident set size of the process so far (MB; never goes down). */
  maxRssMB: number;
  /** Sliced steps: the number of slices and the longest one (ms) — the longest the pane stays blocked. */
  slices?: number;
  longestSliceMs?: number;
  note?: string;
}

interface OfficeFigure {
  action: string;
  n: number | null;
  syncs: number;
  largestRequestKB: number;
  /** Every request's estimated bytes added up (the fake's own estimate). */
  totalMB?: number;
}

/** Writing the criteria workbook next to the floor, each in a child process (peak RSS its own). */
interface WriteFigure {
  n: number;
  criteria: ChildFigure | string;
  floor: ChildFigure | string;
  checkO: ChildFigure | string;
}

interface Report {
  date: string;
  /** Criteria figures where HyperFormula and `evaluate()` disagree (empty when they all agree). */
  mismatches: string[];
  machine: string;
  node: string;
  steps: Step[];
  office: OfficeFigure[];
  writes: WriteFigure[];
  /** Row checks + card evaluation over rows already read, as a multiple of the bare pass. */
  engine: {
    n: number;
    ms: number;
    bareMs: number;
    ratio: number;
    /** The same with every row issue's message built (`issues` of them). */
    withMessagesMs: number;
    issues: number;
    /**
     * A floor of the engine's own work: one person-key lookup per row ("one person, one count", which the
     * engine cannot skip) and nothing else — no checks, no counting.
     */
    lookupsMs: number;
    /**
     * A second floor: every cell of a row told apart once (its type, and a text against the column's last
     * text by identity — the least a check of an allowed-list value does) plus that person-key lookup.
     */
    typedMs: number;
  }[];
  /** One comparison per size (or why none was run). */
  libreOffice: PeerComparison[] | string | null;
  summary: string | null;
  bundle: { firstLoadRaw: number; firstLoadGzip: number; lazyRaw: number; lazyGzip: number } | string;
}

function collect(): void {
  if (typeof gc === "function") gc();
}

async function timed<T>(
  steps: Step[],
  step: string,
  n: number,
  fn: () => T | Promise<T>,
  count?: (r: T) => number,
): Promise<T> {
  collect();
  const t0 = performance.now();
  const r = await fn();
  const ms = performance.now() - t0;
  const items = count ? count(r) : n;
  steps.push({
    step,
    n,
    ms,
    perSecond: ms > 0 ? (items / ms) * 1000 : null,
    ...memory(),
  });
  return r;
}

function memory(): { heapMB: number; rssMB: number; maxRssMB: number } {
  const m = process.memoryUsage();
  return {
    heapMB: m.heapUsed / 2 ** 20,
    rssMB: m.rss / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** One step in a child process of its own (src/cli/bench/child.ts), at Node's default heap. */
function inChild(what: string, n: number): ChildFigure | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-bench-"));
  // Compiled next to this file; from the sources (jest), the CLI build's copy.
  const script = [path.join(__dirname, "child.js"), path.join(ROOT, "lib", "cli", "bench", "child.js")].find(
    (f) => fs.existsSync(f),
  );
  if (!script) return "not measured: child.js not built (npm run build:cli)";
  try {
    const r = spawnSync(process.execPath, [script, what, String(n), path.join(dir, "out.xlsx")], {
      encoding: "utf8",
      maxBuffer: 16 * 2 ** 20,
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    if (r.status !== 0)
      return `FAILED (exit ${r.status ?? r.signal}): ${(r.stderr ?? "").trim().split("\n").pop()}`;
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as ChildFigure;
  } catch (e) {
    return `FAILED: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Slice options that record the slices of one sliced step. */
function sliceRecorder(): { opts: SliceOptions; note(steps: Step[]): void } {
  let longest = 0;
  let slices = 0;
  return {
    opts: {
      onSlice: (ms) => {
        longest = Math.max(longest, ms);
        slices++;
      },
    },
    note(steps) {
      const s = steps[steps.length - 1];
      s.slices = slices;
      s.longestSliceMs = longest;
      s.note = `${slices} slices, the longest ${longest.toFixed(0)} ms${s.note ? `; ${s.note}` : ""}`;
    },
  };
}

function registerValues(n: number): CellValue[][] {
  const out: CellValue[][] = [REGISTER_COLUMNS.map((c) => c.header)];
  let i = 0;
  for (const p of sampleParticipants(n, 7)) {
    const v = participantToValues(p, ++i);
    out.push(REGISTER_COLUMNS.map((c) => v[c.key]));
  }
  return out;
}

function registerPlan(values: CellValue[][]): WorkbookPlan {
  return { sheets: [{ ...emptySheet("Uczestnicy"), blocks: [{ row: 0, col: 0, values }] }], names: [] };
}

/** The criteria workbook builder (issue 5), when this build has it. */
function criteriaBuilder():
  ((card: Card, o: { rows: CellValue[][]; asOf: number; capacity?: number }) => WorkbookPlan) | null {
  try {
    const m = require("../../workbook/criteria/workbook") as {
      buildCheckWorkbookPlan?: (
        card: Card,
        o: { rows: CellValue[][]; asOf: number; capacity?: number },
      ) => WorkbookPlan;
    };
    return m.buildCheckWorkbookPlan ?? null;
  } catch {
    return null;
  }
}

interface FakeExcelLike {
  syncCount: number;
  requests: { bytes: number }[];
  maxRequestBytes: number;
  context(): unknown;
  sheet(name: string): { set(r: number, c: number, v: unknown, f: unknown): void } | undefined;
}
type FakeExcelCtor = new (sheets?: string[]) => FakeExcelLike;

/** The recording Excel fake of the tests (test/fakes/excelFake.ts), transpiled with TypeScript. */
function loadFakeExcel(): FakeExcelCtor | string {
  const file = path.join(ROOT, "test", "fakes", "excelFake.ts");
  if (!fs.existsSync(file)) return "test/fakes/excelFake.ts not found (run from a checkout)";
  try {
    const ts = require("typescript") as typeof import("typescript");
    const js = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const mod = { exports: {} as Record<string, unknown> };
    new Function("module", "exports", "require", js)(mod, mod.exports, require);
    return mod.exports.FakeExcel as FakeExcelCtor;
  } catch (e) {
    return `cannot load the Excel fake: ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function officeFigures(sizes: number[], card: Card): Promise<OfficeFigure[] | string> {
  const FakeExcel = loadFakeExcel();
  if (typeof FakeExcel === "string") return FakeExcel;
  const out: OfficeFigure[] = [];
  const supports = () => true;
  const kb = (b: number) => b / 1024;

  const layout = new FakeExcel([]);
  const monitoring = buildMonitoringSheetPlan(PROGRAMME, 2023, { values: sampleValues2023() });
  await renderSheetPlans(layout.context() as Excel.RequestContext, [monitoring], [], { supports });
  out.push({
    action: "lay out Monitoring 2023",
    n: null,
    syncs: layout.syncCount,
    largestRequestKB: kb(layout.maxRequestBytes),
  });
  const before = layout.syncCount;
  const firstRequest = layout.requests.length;
  await validateInExcel(layout.context() as Excel.RequestContext, PROGRAMME, { year: 2023 });
  out.push({
    action: "validate Monitoring 2023",
    n: null,
    syncs: layout.syncCount - before,
    largestRequestKB: kb(Math.max(0, ...layout.requests.slice(firstRequest).map((r) => r.bytes))),
  });

  const build = criteriaBuilder();
  const totalMB = (f: FakeExcelLike) => f.requests.reduce((a, r) => a + r.bytes, 0) / 2 ** 20;
  for (const n of sizes) {
    const values = registerValues(n);
    const imp = new FakeExcel([]);
    await renderSheetPlans(imp.context() as Excel.RequestContext, registerPlan(values).sheets, [], {
      supports,
    });
    out.push({
      action: "import register rows",
      n,
      syncs: imp.syncCount,
      largestRequestKB: kb(imp.maxRequestBytes),
      totalMB: totalMB(imp),
    });
    if (build) {
      const plan = build(card, { rows: values.slice(1), asOf: AS_OF });
      values.length = 0;
      const bare = { ...plan, sheets: plan.sheets.map((sh) => ({ ...sh, columnFormulas: [] })) };
      const without = new FakeExcel([]);
      await renderSheetPlans(without.context() as Excel.RequestContext, bare.sheets, bare.names, {
        supports,
      });
      out.push({
        action: "register + criteria, no derived columns",
        n,
        syncs: without.syncCount,
        largestRequestKB: kb(without.maxRequestBytes),
        totalMB: totalMB(without),
      });
      const reg = new FakeExcel([]);
      await renderSheetPlans(reg.context() as Excel.RequestContext, plan.sheets, plan.names, { supports });
      out.push({
        action: "… with derived (calculated columns)",
        n,
        syncs: reg.syncCount,
        largestRequestKB: kb(reg.maxRequestBytes),
        totalMB: totalMB(reg),
      });
      // AutoCorrect's "fill formulas in tables" off: the per-row R1C1 fallback (the fake spells out every
      // formula, so it is measured up to 10 000 rows).
      if (n <= 10_000) {
        const off = new FakeExcel([]);
        (off as unknown as { fillTableFormulas: boolean }).fillTableFormulas = false;
        await renderSheetPlans(off.context() as Excel.RequestContext, plan.sheets, plan.names, { supports });
        out.push({
          action: "… with derived, fill off (per row)",
          n,
          syncs: off.syncCount,
          largestRequestKB: kb(off.maxRequestBytes),
          totalMB: totalMB(off),
        });
      }
    }
  }
  return out;
}

function bundle(): Report["bundle"] {
  try {
    const { measure } = require(path.join(ROOT, "scripts", "bundle-size.js")) as {
      measure(dir: string): {
        firstTotal: { raw: number; gzip: number };
        lazy: { raw: number; gzip: number }[];
      };
    };
    const m = measure(path.join(ROOT, "dist"));
    return {
      firstLoadRaw: m.firstTotal.raw,
      firstLoadGzip: m.firstTotal.gzip,
      lazyRaw: m.lazy.reduce((a, f) => a + f.raw, 0),
      lazyGzip: m.lazy.reduce((a, f) => a + f.gzip, 0),
    };
  } catch (e) {
    return `not measured: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]} (run npm run build first)`;
  }
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Runs of each side of the engine ratio; the median is reported (robust to one disturbed run). */
const ENGINE_RUNS = 5;

/**
 * `fn` timed ENGINE_RUNS times back to back: the median and every run, in ms. One full GC and one untimed
 * run first: a forced GC (`collect`) makes V8 drop the compiled code of every function, so a run right after
 * it times recompiling the code under test — a cost that fell on the engine (hundreds of functions) and not
 * on the bare pass (one loop). No forced GC between the timed runs: each side pays for its own garbage.
 */
function medianRuns(fn: () => unknown): { ms: number; runs: number[] } {
  const runs: number[] = [];
  collect();
  fn();
  for (let i = 0; i < ENGINE_RUNS; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)], runs };
}

const runsNote = (r: { runs: number[] }): string =>
  `median of ${r.runs.length}: ${r.runs.map((x) => x.toFixed(0)).join(", ")} ms`;

/** A step timed as the median of ENGINE_RUNS runs (both sides of the engine ratio are measured this way). */
function medianStep(steps: Step[], step: string, n: number, fn: () => unknown): number {
  const r = medianRuns(fn);
  steps.push({
    step,
    n,
    ms: r.ms,
    perSecond: r.ms > 0 ? (n / r.ms) * 1000 : null,
    ...memory(),
    note: runsNote(r),
  });
  return r.ms;
}

/**
 * The engine alone (issue 15 item 5): row checks + evaluation over the rows already read, as `miernik check`
 * runs them (`checkAndEvaluate`: one pass, row issues kept compact until read). Also timed with every row
 * issue's message built (what `miernik check` pays when it prints them all; the pane builds the first 200),
 * and checked against the straightforward path (`checkRegister` then `evaluate`).
 */
async function engineStep(
  steps: Step[],
  n: number,
  regRows: readonly RawRow[],
  card: Card,
  bareMs: number,
  engine: Report["engine"],
  fail: (m: string) => void,
): Promise<void> {
  const ratio = (ms: number) => `×${(ms / Math.max(bareMs, 0.001)).toFixed(1)} the bare pass`;
  const ms = medianStep(steps, "row checks + evaluate card (rows read)", n, () =>
    checkAndEvaluate(regRows, card, AS_OF),
  );
  steps[steps.length - 1].note = `${ratio(ms)}; ${steps[steps.length - 1].note}`;
  let issues = 0;
  const withMessagesMs = medianStep(steps, "… and every row issue's message built", n, () => {
    const e = checkAndEvaluate(regRows, card, AS_OF);
    issues = e.rowIssues.length;
    let chars = 0;
    for (const i of e.rowIssues) chars += i.message.pl.length + i.message.en.length;
    return chars;
  });
  steps[steps.length - 1].note =
    `${ratio(withMessagesMs)}; ${issues} row issues; ${steps[steps.length - 1].note}`;
  let repeats = 0;
  const lookupsMs = medianStep(steps, "… floor: one person-key lookup per row alone", n, () => {
    repeats = personLookups(regRows, card);
    return repeats;
  });
  steps[steps.length - 1].note =
    `${ratio(lookupsMs)}; no checks, no counting; ${repeats} repeats; ${steps[steps.length - 1].note}`;
  const typedMs = medianStep(steps, "… floor: every cell typed once + the person-key lookup", n, () =>
    typedOnce(regRows, card),
  );
  steps[steps.length - 1].note = `${ratio(typedMs)}; no checks, no counting; ${steps[steps.length - 1].note}`;
  engine.push({
    n,
    ms,
    bareMs,
    ratio: ms / Math.max(bareMs, 0.001),
    withMessagesMs,
    issues,
    lookupsMs,
    typedMs,
  });
  const one = checkAndEvaluate(regRows, card, AS_OF);
  const { participants, issues: checked } = checkRegister(regRows, card.parameters);
  const ref = evaluate(participants, card, AS_OF, checked);
  if (JSON.stringify(one) !== JSON.stringify(ref))
    fail(`one-pass engine at ${n} rows: not the result of checkRegister + evaluate`);
}

/**
 * The person-key lookups of the engine alone (`PersonTable`, as `RowChecker.check` calls it: the PESEL cell, the
 * names and the birth date of each row with a start date), without any of the row checks or the counting:
 * what the engine pays at least, whatever else it does. Returns how many rows were repeats.
 */
function personLookups(regRows: readonly RawRow[], card: Card): number {
  const t = new PersonTable();
  t.reserve(regRows.length);
  let repeats = 0;
  for (let i = 0; i < regRows.length; i++) if (seePerson(t, regRows[i], card) === REPEAT) repeats++;
  return repeats;
}

/** One row's person-key lookup, with the cells `RowChecker.check` gives it. */
function seePerson(t: PersonTable, r: RawRow, card: Card): number {
  const v = r.values;
  const first = typeof v.firstName === "string" ? v.firstName : null;
  const last = typeof v.lastName === "string" ? v.lastName : null;
  const birth = typeof v.birthDate === "number" ? v.birthDate : null;
  return t.see(v.pesel ?? null, first, last, birth, card.parameters, r.row);
}

/**
 * The least any row check does with the rows read, whatever else it checks: each cell's type told apart once
 * (a text compared by identity with the column's previous text, as a read workbook gives every cell of a
 * shared string the same string), and the person-key lookup of `personLookups`. Returns a sum of what it saw
 * (so that nothing is optimised away).
 */
function typedOnce(regRows: readonly RawRow[], card: Card): number {
  const t = new PersonTable();
  t.reserve(regRows.length);
  const last: unknown[] = new Array<unknown>(REGISTER_COLUMNS.length + 1).fill(null);
  let seen = 0;
  for (let i = 0; i < regRows.length; i++) {
    const v = regRows[i].values;
    let c = 0;
    for (const k in v) {
      const x = v[k as keyof typeof v];
      if (typeof x === "string") {
        if (last[c] === x) seen++;
        else last[c] = x;
      } else if (typeof x === "number") seen += x > 0 ? 1 : 0;
      c++;
    }
    seen += seePerson(t, regRows[i], card);
  }
  return seen;
}

/** The import preview's read + duplicates, one pass and sliced (its rows are garbage once it returns). */
async function importPreviewSteps(
  steps: Step[],
  n: number,
  wb: WorkbookCells,
  regRows: readonly RawRow[],
  ratio: () => string,
  fail: (m: string) => void,
): Promise<void> {
  // Import preview: the file is this sheet; the register already holds its first half.
  const have = regRows.slice(0, Math.floor(regRows.length / 2));
  const preview = await timed(steps, "import preview (one pass)", n, () =>
    dedupeRows(have, readRegisterWorkbook(wb).rows),
  );
  steps[steps.length - 1].note =
    `${ratio()}; read + duplicates, register of ${have.length}: ${preview.duplicates} duplicates`;
  const slicePreview = sliceRecorder();
  const slicedPreview = await timed(steps, "pane: sliced import preview", n, async () =>
    dedupeSliced(have, (await readRegisterWorkbookSliced(wb, slicePreview.opts)).rows, slicePreview.opts),
  );
  slicePreview.note(steps);
  if (slicedPreview.duplicates !== preview.duplicates || slicedPreview.toAdd.length !== preview.toAdd.length)
    fail(`sliced import preview: ${slicedPreview.duplicates} duplicates, one pass ${preview.duplicates}`);
}

/** The bare pass: every cell of the sheet read once (the floor the engine is measured against). */
function barePass(sheet: WorkbookCells["sheets"][number]): number {
  let filled = 0;
  for (const row of sheet.values) for (const v of row) if (v !== null) filled++;
  return filled;
}

/**
 * Both sides of the engine ratio run a few times on a small register before anything is timed, so that
 * neither is measured while the JIT is still compiling it (the first N would otherwise time compilation).
 */
async function warmUp(card: Card): Promise<void> {
  const wb = await readXlsx(await writeXlsx(registerPlan(registerValues(1000))));
  const rows = readRegisterSheet(wb.sheets[0]).rows;
  for (let i = 0; i < 5; i++) {
    barePass(wb.sheets[0]);
    checkAndEvaluate(rows, card, AS_OF);
  }
}

export async function runBench(argv: string[]): Promise<Report> {
  const sizes = (option(argv, "--sizes") ?? "1000,10000,100000").split(",").map(Number);
  const only = option(argv, "--only");
  if (only !== undefined && only !== "engine" && only !== "write")
    throw new Error(`--only ${only}: "--only engine" and "--only write" are known`);
  const engineOnly = only === "engine";
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  const steps: Step[] = [];
  const log = argv.includes("--json") ? () => undefined : (s: string) => process.stderr.write(`${s}\n`);
  const build = criteriaBuilder();
  const hfMax = Number(option(argv, "--hf-max") ?? 10_000);
  const capacityOption = Number(option(argv, "--capacity") ?? DEFAULT_CAPACITY);
  const mismatches: string[] = [];
  const writes: WriteFigure[] = [];
  const engine: Report["engine"] = [];
  const fail = (m: string) => {
    mismatches.push(m);
    process.stderr.write(`!!! BENCH MISMATCH: ${m}\n`);
    process.exitCode = 1;
  };

  const writesOnly = only === "write";
  if (!writesOnly) await warmUp(card);
  for (const n of sizes) {
    log(`… ${n} participants`);
    if (writesOnly) {
      writes.push({
        n,
        criteria: inChild("criteria-write", n),
        floor: inChild("floor-write", n),
        checkO: inChild("check-o", n),
      });
      continue;
    }
    const capacity = Math.max(capacityOption, n + 1);
    const values = await timed(steps, "generate register", n, () => registerValues(n));
    const bytes = await timed(steps, "write .xlsx", n, () => writeXlsx(registerPlan(values)));
    steps[steps.length - 1].note = `${(bytes.length / 2 ** 20).toFixed(1)} MB`;
    const wb = await timed(steps, "read .xlsx", n, () => readXlsx(bytes));
    const sheet = wb.sheets[0];
    // Both sides of the engine ratio: the median of ENGINE_RUNS runs each, after the same warm-up.
    const bareMs = medianStep(steps, "bare pass (every cell once)", n, () => barePass(sheet));
    const ratio = () => {
      const s = steps[steps.length - 1];
      return `×${(s.ms / Math.max(bareMs, 0.001)).toFixed(1)} the bare pass`;
    };
    const regRows = await timed(
      steps,
      "read register rows (one pass)",
      n,
      () => readRegisterSheet(sheet).rows,
    );
    steps[steps.length - 1].note = ratio();
    if (engineOnly) {
      await engineStep(steps, n, regRows, card, bareMs, engine, fail);
      continue;
    }
    const sliceRead = sliceRecorder();
    const slicedCount = (
      await timed(steps, "pane: sliced register read", n, () =>
        readRegisterSheetSliced(sheet, sliceRead.opts),
      )
    ).rows.length;
    sliceRead.note(steps);
    if (slicedCount !== regRows.length) fail(`sliced read: ${slicedCount} rows, one pass ${regRows.length}`);

    await importPreviewSteps(steps, n, wb, regRows, ratio, fail);

    await engineStep(steps, n, regRows, card, bareMs, engine, fail);

    const evaluation = await timed(steps, "row checks + evaluate card", n, () =>
      checkAndEvaluate(readRegisterSheet(sheet).rows, card, AS_OF),
    );
    steps[steps.length - 1].note = `${ratio()}; ${evaluation.participants} evaluated`;
    const sliceEval = sliceRecorder();
    await timed(steps, "pane: sliced checks + evaluation", n, () =>
      checkAndEvaluateSliced(regRows, card, AS_OF, sliceEval.opts),
    );
    sliceEval.note(steps);
    // The read workbook is not needed any more: free its cells before the criteria workbook and HyperFormula.
    sheet.values.length = 0;

    if (!build) {
      steps.push({
        step: "criteria workbook + HyperFormula",
        n,
        ms: NaN,
        perSecond: null,
        ...memory(),
        note: "not measured: the criteria sheet builder (src/workbook/criteria) is not in this build",
      });
      continue;
    }
    const plan = await timed(steps, "build criteria workbook plan", n, () =>
      build(card, { rows: values.slice(1), asOf: AS_OF, capacity }),
    );
    // Writing: each in a child process at the default heap, so that the peak RSS is the step's own.
    log(`…   writes of ${n} rows in child processes`);
    writes.push({
      n,
      criteria: inChild("criteria-write", n),
      floor: inChild("floor-write", n),
      checkO: inChild("check-o", n),
    });
    // Above --hf-max the plan (≈2.4 GB at 100 000 rows) is not needed for HyperFormula: free it first.
    if (n > hfMax) plan.sheets.length = 0;
    const HF = hyperFormula();
    if (typeof HF === "string") {
      steps.push({
        step: "criteria sheet recalculation (HyperFormula)",
        n,
        ms: NaN,
        perSecond: null,
        ...memory(),
        note: HF,
      });
      continue;
    }
    const agreement = (hf: Parameters<typeof compareCriteria>[0]): string => {
      const c = compareCriteria(hf, card, evaluation);
      for (const m of c.mismatches) fail(`N=${n}: ${m}`);
      return c.mismatches.length === 0
        ? `= evaluate(): all ${c.checked} numerators/denominators/pending agree`
        : `MISMATCH with evaluate(): ${c.mismatches.length} of ${c.checked} differ`;
    };

    // Every N: the criteria sheet over derived VALUES (the engine's participants, as the pane reads them).
    const { participants } = checkRegister(regRows, card.parameters);
    collect();
    const criteria = await timed(steps, "criteria sheet recalculation (HyperFormula)", n, () =>
      recalcCriteriaSheet(HF, card, { rows: values.slice(1), participants, asOf: AS_OF, capacity }),
    );
    const cs = steps[steps.length - 1];
    cs.ms = criteria.ms; // HyperFormula's load + recalculation only (the grid is built before)
    cs.perSecond = (n / criteria.ms) * 1000;
    const asOfMs = recalcAfterAsOfChange(criteria.hf, card, AS_OF);
    cs.note =
      `derived columns as values, ${criteria.loadedColumns} columns, names over ${capacity} rows; ` +
      `${agreement(criteria.hf)}; changing the as-of date recalculates in ${asOfMs.toFixed(0)} ms`;
    criteria.hf.destroy();

    if (n > hfMax) {
      steps.push({
        step: "HyperFormula full recalculation",
        n,
        ms: NaN,
        perSecond: null,
        ...memory(),
        note: `register with derived formulas: skipped above N=${hfMax}; use --hf-max ${n} to run it`,
      });
      continue;
    }
    collect();
    const full = await timed(steps, "HyperFormula full recalculation", n, () => recalcWorkbook(HF, plan));
    const fr = steps[steps.length - 1];
    fr.ms = full.ms;
    fr.perSecond = (n / full.ms) * 1000;
    fr.note = `register with its derived formulas + criteria sheet; ${agreement(full.hf)}`;
    full.hf.destroy();
  }

  if (engineOnly)
    return {
      date: new Date().toISOString().slice(0, 10),
      mismatches,
      machine: `${require("os").cpus().length} cores, ${(require("os").totalmem() / 2 ** 30).toFixed(0)} GiB`,
      node: process.version,
      steps,
      office: [],
      writes,
      engine,
      libreOffice: null,
      summary: null,
      bundle: "not measured (--only engine)",
    };

  if (!writesOnly) log("… Office.js requests on the recording fake");
  const office = writesOnly ? [] : await officeFigures(sizes, card);

  // Peer comparison: LibreOffice recalculating Miernik's criteria workbook and the SUMPRODUCT design.
  let libreOffice: PeerComparison[] | string | null = null;
  if (!writesOnly && !argv.includes("--no-libreoffice")) {
    const peerSizes = (option(argv, "--peer-sizes") ?? option(argv, "--peer-size") ?? sizes.join(","))
      .split(",")
      .map(Number);
    const fullMax = Number(option(argv, "--peer-full-max") ?? 10_000);
    const { registerRows } = require("./child") as typeof import("./child");
    const done: PeerComparison[] = [];
    for (const n of peerSizes) {
      log(`… LibreOffice: ${n} rows, Miernik's COUNTIFS vs SUMPRODUCT over whole columns`);
      try {
        const r = await libreOfficePeer(card, registerRows(n), { fullMax });
        if (typeof r === "string") {
          libreOffice = r;
          break;
        }
        done.push(r);
        for (const p of [r.criteria, r.full])
          if (typeof p !== "string" && !p.agree && !p.miernik.timedOut && !p.sumproduct.timedOut)
            fail(`LibreOffice N=${n}: ${p.note}`);
      } catch (e) {
        libreOffice = `FAILED at ${n} rows: ${e instanceof Error ? e.message : String(e)}`;
        break;
      }
    }
    if (libreOffice === null) libreOffice = done;
  }

  // The Chromium long tasks of the standalone page are added after this report (withPaneLongTasks, ./longtask).

  let summary: string | null = null;
  if (!writesOnly && !argv.includes("--no-summary")) {
    log("… call summary");
    const files = Number(option(argv, "--files") ?? 200);
    const rows = Number(option(argv, "--rows") ?? 500);
    summary = await benchSummarize({ files, rows });
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    mismatches,
    machine: `${require("os").cpus().length} cores, ${(require("os").totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    steps,
    office: typeof office === "string" ? [] : office,
    writes,
    engine,
    libreOffice,
    summary: typeof office === "string" ? `${summary ?? ""}\nOffice.js figures: ${office}` : summary,
    bundle: bundle(),
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

export function formatReport(r: Report): string {
  const lines: string[] = [`Miernik bench — ${r.date}, ${r.machine}, Node ${r.node}`, ""];
  lines.push(
    `${pad("step", 46)}${lpad("N", 8)}${lpad("ms", 10)}${lpad("rows/s", 12)}${lpad("heap MB", 9)}` +
      `${lpad("RSS MB", 8)}${lpad("max RSS MB", 12)}  note`,
  );
  for (const s of r.steps)
    lines.push(
      `${pad(s.step, 46)}${lpad(String(s.n), 8)}${lpad(Number.isNaN(s.ms) ? "—" : s.ms.toFixed(0), 10)}` +
        `${lpad(s.perSecond === null ? "—" : Math.round(s.perSecond).toLocaleString("en-US"), 12)}` +
        `${lpad(s.heapMB.toFixed(0), 9)}${lpad(s.rssMB.toFixed(0), 8)}${lpad(s.maxRssMB.toFixed(0), 12)}  ${s.note ?? ""}`,
    );
  if (r.mismatches.length > 0)
    lines.push(
      "",
      `!!! ${r.mismatches.length} MISMATCH(ES) between HyperFormula and evaluate():`,
      ...r.mismatches,
    );
  lines.push(
    "",
    `${pad("Office.js (recording fake)", 40)}${lpad("N", 8)}${lpad("syncs", 7)}${lpad("largest request", 17)}${lpad("all requests", 14)}`,
  );
  for (const o of r.office)
    lines.push(
      `${pad(o.action, 40)}${lpad(o.n === null ? "" : String(o.n), 8)}${lpad(String(o.syncs), 7)}${lpad(`${o.largestRequestKB.toFixed(0)} KB`, 17)}` +
        `${lpad(o.totalMB === undefined ? "" : `${o.totalMB.toFixed(1)} MB`, 14)}`,
    );
  const fig = (f: ChildFigure | string, what: "ms" | "rss") =>
    typeof f === "string"
      ? "—"
      : what === "ms"
        ? `${(f.ms / 1000).toFixed(1)} s`
        : `${f.maxRssMB.toFixed(0)} MB`;
  if (r.writes.length > 0) {
    lines.push(
      "",
      "Writing .xlsx, each in its own process at Node's default heap (time; peak RSS of that process)",
      `${lpad("N", 8)}${lpad("criteria wb", 13)}${lpad("peak", 9)}${lpad("floor", 9)}${lpad("peak", 9)}` +
        `${lpad("× floor", 9)}${lpad("check -o", 10)}${lpad("peak", 9)}${lpad("file", 9)}`,
    );
    for (const w of r.writes) {
      const x =
        typeof w.criteria === "string" || typeof w.floor === "string"
          ? "—"
          : `×${(w.criteria.ms / w.floor.ms).toFixed(1)}`;
      const size = typeof w.criteria === "string" ? "—" : `${(w.criteria.bytes / 2 ** 20).toFixed(1)} MB`;
      lines.push(
        `${lpad(String(w.n), 8)}${lpad(fig(w.criteria, "ms"), 13)}${lpad(fig(w.criteria, "rss"), 9)}` +
          `${lpad(fig(w.floor, "ms"), 9)}${lpad(fig(w.floor, "rss"), 9)}${lpad(x, 9)}` +
          `${lpad(fig(w.checkO, "ms"), 10)}${lpad(fig(w.checkO, "rss"), 9)}${lpad(size, 9)}`,
      );
      for (const [k, f] of Object.entries({ criteria: w.criteria, floor: w.floor, "check -o": w.checkO }))
        if (typeof f === "string") lines.push(`  ${k}: ${f}`);
    }
  }
  if (r.engine.length > 0) {
    lines.push(
      "",
      `Engine: row checks + card evaluation over rows already read, against the bare pass (median of ${ENGINE_RUNS} runs each)`,
    );
    for (const e of r.engine)
      lines.push(
        `${lpad(String(e.n), 8)}  ${e.ms.toFixed(0)} ms vs ${e.bareMs.toFixed(0)} ms bare: ×${e.ratio.toFixed(1)}` +
          `; with all ${e.issues} row issues' messages built ${e.withMessagesMs.toFixed(0)} ms ` +
          `(×${(e.withMessagesMs / Math.max(e.bareMs, 0.001)).toFixed(1)})` +
          `; floor: one person-key lookup per row alone ${e.lookupsMs.toFixed(0)} ms ` +
          `(×${(e.lookupsMs / Math.max(e.bareMs, 0.001)).toFixed(1)})` +
          `; floor: every cell typed once + that lookup ${e.typedMs.toFixed(0)} ms ` +
          `(×${(e.typedMs / Math.max(e.bareMs, 0.001)).toFixed(1)})`,
      );
  }
  if (r.libreOffice !== null) {
    lines.push("");
    if (typeof r.libreOffice === "string") lines.push(`LibreOffice peer comparison: ${r.libreOffice}`);
    else {
      const secs = (x: { ms: number; timedOut: boolean }) =>
        `${x.timedOut ? "over " : ""}${(x.ms / 1000).toFixed(1)} s`;
      lines.push(
        "LibreOffice headless recalculation (wall clock, start-up included): Miernik's COUNTIFS over bounded names vs",
        "SUMPRODUCT over whole columns",
        `${pad("", 9)}${pad("what is recalculated", 44)}${lpad("Miernik", 10)}${lpad("SUMPRODUCT", 12)}  ratio   agreement`,
      );
      for (const l of r.libreOffice) {
        const rows: [string, PeerComparison["full"]][] = [
          ["criteria sheet (derived columns as values)", l.criteria],
          ["whole workbook (derived formulas too)", l.full],
        ];
        for (const [what, p] of rows)
          lines.push(
            typeof p === "string"
              ? `${lpad(String(l.n), 8)} ${pad(what, 44)} ${p}`
              : `${lpad(String(l.n), 8)} ${pad(what, 44)}${lpad(secs(p.miernik), 10)}${lpad(secs(p.sumproduct), 12)}  ` +
                  `${p.sumproduct.timedOut ? "≥" : "×"}${p.ratio.toFixed(1)}    ${p.note}`,
          );
        lines.push(`${lpad("", 8)} (soffice start-up alone ${(l.startupMs / 1000).toFixed(1)} s)`);
      }
    }
  }
  if (r.summary) lines.push("", r.summary);
  lines.push("");
  if (typeof r.bundle === "string") lines.push(`Task pane bundle: ${r.bundle}`);
  else
    lines.push(
      `Task pane first load: ${(r.bundle.firstLoadRaw / 1024).toFixed(1)} KB raw, ${(r.bundle.firstLoadGzip / 1024).toFixed(1)} KB gzip; ` +
        `on demand (ExcelJS): ${(r.bundle.lazyRaw / 1024).toFixed(1)} KB raw, ${(r.bundle.lazyGzip / 1024).toFixed(1)} KB gzip`,
    );
  return lines.join("\n");
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  runBench(argv)
    // `--only engine` leaves the pane out too.
    .then((r) => withPaneLongTasks(r, option(argv, "--only") === "engine" ? [...argv, "--no-pane"] : argv))
    .then((r) => {
      process.stdout.write(
        argv.includes("--json")
          ? `${JSON.stringify(r, null, 2)}\n`
          : `${formatReport(r)}\n${formatPaneLongTasks(r.paneLongTasks)}\n`,
      );
    })
    .catch((e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}

export type { Report as BenchReport, SheetPlan };
