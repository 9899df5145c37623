/**
 * Bench step: the longest main-thread task in Chromium (PerformanceObserver "longtask") while the
 * standalone page (the production build in dist/) opens a participant register .xlsx of N rows and checks
 * its criteria — the pane's responsiveness (target ≤ 200 ms; desktop Excel restarts an add-in that is
 * unresponsive for 5 s). Needs `npm run build` first and Chromium (/usr/bin/chromium, or MIERNIK_CHROMIUM).
 * Options: --pane-sizes 10000,100000 (default), --no-pane to skip, --pane-trace to print each main-thread
 * task over 50 ms with its CPU time and the heaviest events in it (Chromium's trace), --pane-profile to
 * print the functions taking most of each busy stretch (a CPU profile of the main thread).
 *
 * A light trace always runs: on a loaded machine a task's wall time (what `longtask` reports) is mostly
 * waiting for a core, so the step also prints the CPU time of the page's tasks.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { sampleParticipants } from "../../domain/card/sample";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { participantToValues } from "../../domain/register/toRow";
import { writeXlsx } from "../../hosts/xlsx/render";
import { CellValue, emptySheet } from "../../workbook/plan";

const ROOT = path.resolve(__dirname, "..", "..", "..");

export interface PaneLongTasks {
  n: number;
  fileMB: number;
  /** Wall-clock ms from picking the file to the page showing it open, and from "check" to the results. */
  openMs: number;
  checkMs: number;
  /** Long tasks (> 50 ms) on the main thread during open + check: how many, the longest, their sum. */
  longTasks: number;
  longestMs: number;
  totalMs: number;
  /** Web Workers the page ran (1: the work went off the main thread). */
  workers: number;
  /**
   * From Chromium's trace: the longest main-thread task (wall ms) and the CPU time in it, and the most CPU
   * time of any one task — how much work the page put in one task, whatever the machine's load.
   */
  longestTraceMs: number;
  longestTraceCpuMs: number;
  maxCpuMs: number;
  /** The machine's 1-minute load average when the size started. */
  load: number;
  /** With --pane-trace / --pane-profile: the main thread's long tasks (busy stretches) and what ran in them. */
  profile?: ProfiledTask[];
}

/** A main-thread task (or busy stretch) over 50 ms, with the heaviest things in it. */
export interface ProfiledTask {
  atMs: number;
  ms: number;
  /** From the trace: the main thread's CPU time in the task. */
  cpuMs?: number;
  top: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** Tasks of the page's main thread over `minMs` in a Chromium trace: wall and CPU time, heaviest nested events. */
export function traceTasks(events: TraceEvent[], minMs = 50): ProfiledTask[] {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return [];
  const mine = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const t0 = mine[0]?.ts ?? 0;
  const label = (e: TraceEvent) => {
    const d = e.args?.data ?? {};
    const what = [d.functionName, d.url, d.type]
      .filter((x): x is string => typeof x === "string" && x !== "")
      .map((x) => x.split("/").pop())
      .join(" ");
    return `${e.name}${what ? ` ${what}` : ""}`;
  };
  // A task is one ThreadControllerImpl::RunTask (older Chromium: RunTask), not both nested.
  const taskName = mine.some((e) => e.name === "ThreadControllerImpl::RunTask")
    ? "ThreadControllerImpl::RunTask"
    : "RunTask";
  return mine
    .filter((t) => t.name === taskName && t.dur! / 1000 >= minMs)
    .map((t) => ({
      atMs: (t.ts - t0) / 1000,
      ms: t.dur! / 1000,
      cpuMs: (t.tdur ?? 0) / 1000,
      top: mine
        .filter((e) => e !== t && !/RunTask$/.test(e.name) && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!)
        .sort((a, b) => b.dur! - a.dur!)
        .slice(0, 10)
        .map((e) => `${(e.dur! / 1000).toFixed(0).padStart(5)} ms  ${label(e)}`),
    }));
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Busy stretches of the main thread (consecutive non-idle samples) over `minMs`, with the heaviest stacks by self time. */
export function busyStretches(profile: CpuProfile, minMs = 50): ProfiledTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frame = (n: CpuProfileNode) => {
    const f = n.callFrame;
    return `${f.functionName || "(anonymous)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const stack = (id: number) => {
    const names: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined && names.length < 6; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (n.callFrame.functionName === "(root)") break;
      names.push(frame(n));
    }
    return names.join(" ← ");
  };
  const out: ProfiledTask[] = [];
  let t = profile.startTime;
  let start = -1;
  let self = new Map<number, number>();
  const close = (end: number) => {
    if ((end - start) / 1000 >= minMs)
      out.push({
        atMs: (start - profile.startTime) / 1000,
        ms: (end - start) / 1000,
        top: [...self.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([id, us]) => `${(us / 1000).toFixed(0).padStart(5)} ms  ${stack(id)}`),
      });
    start = -1;
    self = new Map();
  };
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const id = profile.samples[i];
    if (byId.get(id)!.callFrame.functionName === "(idle)") {
      if (start >= 0) close(t);
      continue;
    }
    if (start < 0) start = t;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  if (start >= 0) close(t);
  return out;
}

export type PaneLongTaskReport = PaneLongTasks[] | string;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".png": "image/png",
  };
  const server = http.createServer((req, res) => {
    const file = path.resolve(root, "." + decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

async function registerFile(n: number, dir: string): Promise<string> {
  const values: CellValue[][] = [REGISTER_COLUMNS.map((c) => c.header)];
  let i = 0;
  for (const p of sampleParticipants(n, 7)) {
    const v = participantToValues(p, ++i);
    values.push(REGISTER_COLUMNS.map((c) => v[c.key]));
  }
  const file = path.join(dir, `rejestr-${n}.xlsx`);
  const bytes = await writeXlsx({
    sheets: [{ ...emptySheet("Uczestnicy"), blocks: [{ row: 0, col: 0, values }] }],
    names: [],
  });
  fs.writeFileSync(file, bytes);
  return file;
}

/** Opens and checks an N-row register in the standalone page for each size; a string says why it was not measured. */
export async function paneLongTasks(
  argv: string[],
  log: (s: string) => void = (s) => process.stderr.write(`${s}\n`),
): Promise<PaneLongTaskReport> {
  if (argv.includes("--no-pane")) return "skipped (--no-pane)";
  const sizes = (option(argv, "--pane-sizes") ?? "10000,100000").split(",").map(Number);
  const tracing = argv.includes("--pane-trace");
  const profiling = argv.includes("--pane-profile");
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) return "not measured: run `npm run build` first";
  const chromium = process.env.MIERNIK_CHROMIUM ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) return `not measured: no Chromium at ${chromium}`;
  let pw: typeof import("playwright-core");
  try {
    pw = require("playwright-core") as typeof import("playwright-core");
  } catch {
    return "not measured: playwright-core is not installed (npm ci)";
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-longtask-"));
  const server = await serve(dist);
  const browser = await pw.chromium.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const out: PaneLongTasks[] = [];
  try {
    for (const n of sizes) {
      log(`… pane long tasks: ${n} rows`);
      const file = await registerFile(n, dir);
      const context = await browser.newContext({ locale: "pl-PL", viewport: { width: 420, height: 900 } });
      // Nothing leaves 127.0.0.1 (office.js from the CDN is not needed standalone).
      await context.route("**/*", (route) =>
        new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
      );
      await context.addInitScript(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ type: "longtask", buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector('body[data-miernik-host="standalone"]', { timeout: 60_000 });
      await page.evaluate(() => void ((window as unknown as { __longTasks: number[] }).__longTasks = []));
      await browser.startTracing(page, {
        categories: tracing
          ? ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute"]
          : ["toplevel"],
      });
      const cdp = profiling ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
        await cdp.send("Profiler.start");
      }
      const load = os.loadavg()[0];
      const t0 = Date.now();
      await page.locator('input[type="file"]').first().setInputFiles(file);
      const name = path.basename(file);
      // The harness stays light on the page's main thread: a cheap check (textContent; innerText lays the
      // page out) four times a second rather than on every animation frame, CSS selectors, not accessible names.
      const poll = { timeout: 600_000, polling: 250 };
      await page.waitForFunction(
        (f) => document.querySelector("[data-state-file]")?.textContent?.includes(f) ?? false,
        name,
        poll,
      );
      const openMs = Date.now() - t0;
      await page.locator('[role="tab"]').nth(1).click();
      const t1 = Date.now();
      await page.locator("button", { hasText: /Sprawdź kryteria|Check criteria/ }).click();
      await page.waitForFunction(() => document.querySelector("[data-summary]") !== null, undefined, poll);
      const checkMs = Date.now() - t1;
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      const stretches = cdp
        ? busyStretches(((await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile }).profile)
        : undefined;
      const traced = traceTasks(
        (JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] })
          .traceEvents,
      );
      const longest = traced.reduce<ProfiledTask | null>((a, t) => (a && a.ms >= t.ms ? a : t), null);
      const profile = stretches ?? (tracing ? traced : undefined);
      out.push({
        n,
        fileMB: fs.statSync(file).size / 2 ** 20,
        openMs,
        checkMs,
        longTasks: tasks.length,
        longestMs: tasks.length ? Math.max(...tasks) : 0,
        totalMs: tasks.reduce((a, b) => a + b, 0),
        workers: page.workers().length,
        longestTraceMs: longest?.ms ?? 0,
        longestTraceCpuMs: longest?.cpuMs ?? 0,
        maxCpuMs: traced.reduce((a, t) => Math.max(a, t.cpuMs ?? 0), 0),
        load,
        ...(profile ? { profile } : {}),
      });
      await context.close();
      fs.rmSync(file, { force: true });
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The bench's printed lines for the step. */
export function formatPaneLongTasks(r: PaneLongTaskReport): string {
  if (typeof r === "string") return `Pane main thread (Chromium longtask): ${r}`;
  const lines = [
    "Pane main thread while opening + checking a register .xlsx in the standalone page (Chromium, PerformanceObserver longtask; target ≤ 200 ms):",
  ];
  for (const x of r)
    lines.push(
      `  ${String(x.n).padStart(7)} rows (${x.fileMB.toFixed(1)} MB): open ${(x.openMs / 1000).toFixed(1)} s, check ${(x.checkMs / 1000).toFixed(1)} s; ` +
        `longest main-thread task ${x.longestMs.toFixed(0)} ms (${x.longTasks} long tasks, ${x.totalMs.toFixed(0)} ms in all); ` +
        `trace: longest ${x.longestTraceMs.toFixed(0)} ms with ${x.longestTraceCpuMs.toFixed(0)} ms CPU, most CPU in one task ${x.maxCpuMs.toFixed(0)} ms; ` +
        `workers: ${x.workers}; load ${x.load.toFixed(1)} (${os.cpus().length} cores)`,
    );
  for (const x of r)
    for (const t of x.profile ?? []) {
      const cpu = t.cpuMs !== undefined ? ` (CPU ${t.cpuMs.toFixed(0)} ms)` : "";
      lines.push(`    ${x.n} rows: ${t.ms.toFixed(0)} ms${cpu} at +${(t.atMs / 1000).toFixed(2)} s`);
      for (const f of t.top) lines.push(`      ${f}`);
    }
  return lines.join("\n");
}

/** Adds the step's figures to a bench report (`paneLongTasks`). */
export async function withPaneLongTasks<R extends object>(
  report: R,
  argv: string[],
): Promise<R & { paneLongTasks: PaneLongTaskReport }> {
  return { ...report, paneLongTasks: await paneLongTasks(argv) };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  paneLongTasks(argv).then(
    (r) =>
      process.stdout.write(
        argv.includes("--json") ? `${JSON.stringify(r, null, 2)}\n` : `${formatPaneLongTasks(r)}\n`,
      ),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
