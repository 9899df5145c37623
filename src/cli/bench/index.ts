/**
 * `npm run bench`: speed and memory of Miernik's heavy paths, printed as figures and ratios (never
 * asserted). For each register size: generating the register, writing it to .xlsx and reading it back,
 * a bare pass over every cell (the floor), the row checks + card evaluation, and — when the criteria
 * sheet builder is part of this build — writing the criteria workbook and recalculating it in
 * HyperFormula. Then Office.js request counts and sizes on a recording fake of Excel (the test fake,
 * transpiled at run time: the bench runs from a development checkout), the call summary over many files,
 * and the task pane's first-load bundle size.
 *
 * Options: --sizes 1000,10000,100000  --json  --files 200 --rows 500 (summary)  --no-summary
 *          --hf-max 10000 (largest N whose criteria workbook is written and recalculated in HyperFormula)
 */
import * as fs from "fs";
import * as path from "path";
import { evaluate } from "../../domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID } from "../../domain/card/load";
import { sampleParticipants } from "../../domain/card/sample";
import { Card } from "../../domain/card/types";
import { PROGRAMME, sampleValues2023 } from "../../domain/programme/programme";
import { checkRegister } from "../../domain/register/checks";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { participantToValues } from "../../domain/register/toRow";
import { renderSheetPlans } from "../../hosts/excel/render";
import { readXlsx } from "../../hosts/xlsx/read";
import { writeXlsx } from "../../hosts/xlsx/render";
import { validateInExcel } from "../../taskpane/validation/excelValidation";
import { checkAndEvaluateSliced } from "../../taskpane/work/sliced";
import { buildMonitoringSheetPlan } from "../../workbook/monitoring/layout";
import { CellValue, emptySheet, SheetPlan, WorkbookPlan } from "../../workbook/plan";
import { readRegisterSheet } from "../../workbook/register/reader";
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
  /** Peak resident set size of the process so far (MB). */
  maxRssMB: number;
  note?: string;
}

interface OfficeFigure {
  action: string;
  n: number | null;
  syncs: number;
  largestRequestKB: number;
}

interface Report {
  date: string;
  machine: string;
  node: string;
  steps: Step[];
  office: OfficeFigure[];
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
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  });
  return r;
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
    });
    if (build) {
      const plan = build(card, { rows: values.slice(1), asOf: AS_OF });
      const reg = new FakeExcel([]);
      await renderSheetPlans(reg.context() as Excel.RequestContext, plan.sheets, plan.names, { supports });
      out.push({
        action: "create register + criteria sheet",
        n,
        syncs: reg.syncCount,
        largestRequestKB: kb(reg.maxRequestBytes),
      });
    }
  }
  return out;
}

/** HyperFormula recalculation of a workbook plan (dev dependency; the bench runs from a checkout). */
function hyperFormulaRecalc(plan: WorkbookPlan): number | string {
  let HF: { buildFromSheets(s: Record<string, unknown[][]>, c: object, n?: object[]): unknown };
  try {
    HF = (require("hyperformula") as { HyperFormula: typeof HF }).HyperFormula;
  } catch {
    return "hyperformula not installed";
  }
  const sheets: Record<string, unknown[][]> = {};
  for (const s of plan.sheets) {
    const grid: unknown[][] = [];
    for (const b of s.blocks) {
      b.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = b.formulas?.[r]?.[c];
          (grid[b.row + r] ??= [])[b.col + c] = f ?? v;
        }),
      );
    }
    sheets[s.name] = grid.map((row) => Array.from(row ?? [], (v) => (v === undefined ? null : v)));
  }
  const names = plan.names.map((n) => ({ name: n.name, expression: `=${n.refersTo.replace(/^=/, "")}` }));
  const t0 = performance.now();
  HF.buildFromSheets(sheets, { licenseKey: "gpl-v3" }, names);
  return performance.now() - t0;
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

export async function runBench(argv: string[]): Promise<Report> {
  const sizes = (option(argv, "--sizes") ?? "1000,10000,100000").split(",").map(Number);
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  const steps: Step[] = [];
  const log = argv.includes("--json") ? () => undefined : (s: string) => process.stderr.write(`${s}\n`);
  const build = criteriaBuilder();
  const hfMax = Number(option(argv, "--hf-max") ?? 10_000);

  for (const n of sizes) {
    log(`… ${n} participants`);
    const values = await timed(steps, "generate register", n, () => registerValues(n));
    const bytes = await timed(steps, "write .xlsx", n, () => writeXlsx(registerPlan(values)));
    steps[steps.length - 1].note = `${(bytes.length / 2 ** 20).toFixed(1)} MB`;
    const wb = await timed(steps, "read .xlsx", n, () => readXlsx(bytes));
    const sheet = wb.sheets[0];
    const bare = await timed(
      steps,
      "bare pass (every cell once)",
      n,
      () => {
        let filled = 0;
        for (const row of sheet.values) for (const v of row) if (v !== null) filled++;
        return filled;
      },
      () => n,
    );
    void bare;
    const bareMs = steps[steps.length - 1].ms;
    const evaluation = await timed(steps, "row checks + evaluate card", n, () => {
      const { participants, issues } = checkRegister(readRegisterSheet(sheet).rows, card.parameters);
      return evaluate(participants, card, AS_OF, issues);
    });
    const ev = steps[steps.length - 1];
    ev.note = `×${(ev.ms / Math.max(bareMs, 0.001)).toFixed(1)} the bare pass; ${evaluation.participants} evaluated`;
    let longest = 0;
    let slices = 0;
    const regRows = readRegisterSheet(sheet).rows;
    await timed(steps, "pane: sliced checks + evaluation", n, () =>
      checkAndEvaluateSliced(regRows, card, AS_OF, {
        onSlice: (ms) => {
          longest = Math.max(longest, ms);
          slices++;
        },
      }),
    );
    steps[steps.length - 1].note = `${slices} slices, the longest ${longest.toFixed(0)} ms`;
    if (build && n > hfMax) {
      steps.push({
        step: "criteria workbook + HyperFormula",
        n,
        ms: NaN,
        perSecond: null,
        heapMB: process.memoryUsage().heapUsed / 2 ** 20,
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        note: `skipped above N=${hfMax} (memory: ~1.2 GB at 10 000 rows); use --hf-max ${n} to run it`,
      });
    } else if (build) {
      const plan = await timed(steps, "build criteria workbook plan", n, () =>
        build(card, { rows: values.slice(1), asOf: AS_OF }),
      );
      await timed(steps, "write criteria workbook .xlsx", n, () => writeXlsx(plan));
      collect();
      const hf = hyperFormulaRecalc(plan);
      steps.push({
        step: "HyperFormula full recalculation",
        n,
        ms: typeof hf === "number" ? hf : NaN,
        perSecond: typeof hf === "number" ? (n / hf) * 1000 : null,
        heapMB: process.memoryUsage().heapUsed / 2 ** 20,
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        note: typeof hf === "string" ? hf : undefined,
      });
    } else {
      steps.push({
        step: "criteria workbook + HyperFormula",
        n,
        ms: NaN,
        perSecond: null,
        heapMB: process.memoryUsage().heapUsed / 2 ** 20,
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        note: "not measured: the criteria sheet builder (src/workbook/criteria) is not in this build",
      });
    }
  }

  log("… Office.js requests on the recording fake");
  const office = await officeFigures(sizes, card);
  let summary: string | null = null;
  if (!argv.includes("--no-summary")) {
    log("… call summary");
    const files = Number(option(argv, "--files") ?? 200);
    const rows = Number(option(argv, "--rows") ?? 500);
    summary = await benchSummarize({ files, rows });
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: `${require("os").cpus().length} cores, ${(require("os").totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    steps,
    office: typeof office === "string" ? [] : office,
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
    `${pad("step", 34)}${lpad("N", 8)}${lpad("ms", 10)}${lpad("rows/s", 12)}${lpad("heap MB", 9)}${lpad("max RSS MB", 12)}  note`,
  );
  for (const s of r.steps)
    lines.push(
      `${pad(s.step, 34)}${lpad(String(s.n), 8)}${lpad(Number.isNaN(s.ms) ? "—" : s.ms.toFixed(0), 10)}` +
        `${lpad(s.perSecond === null ? "—" : Math.round(s.perSecond).toLocaleString("en-US"), 12)}` +
        `${lpad(s.heapMB.toFixed(0), 9)}${lpad(s.maxRssMB.toFixed(0), 12)}  ${s.note ?? ""}`,
    );
  lines.push(
    "",
    `${pad("Office.js (recording fake)", 40)}${lpad("N", 8)}${lpad("syncs", 7)}${lpad("largest request", 17)}`,
  );
  for (const o of r.office)
    lines.push(
      `${pad(o.action, 40)}${lpad(o.n === null ? "" : String(o.n), 8)}${lpad(String(o.syncs), 7)}${lpad(`${o.largestRequestKB.toFixed(0)} KB`, 17)}`,
    );
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
    .then((r) => {
      process.stdout.write(
        argv.includes("--json") ? `${JSON.stringify(r, null, 2)}\n` : `${formatReport(r)}\n`,
      );
    })
    .catch((e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}

export type { Report as BenchReport, SheetPlan };
