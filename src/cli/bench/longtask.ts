/**
 * Bench step: the longest main-thread task in Chromium (PerformanceObserver "longtask") while the
 * standalone page (the production build in dist/) opens a participant register .xlsx of N rows and checks
 * its criteria — the pane's responsiveness (target ≤ 200 ms; desktop Excel restarts an add-in that is
 * unresponsive for 5 s). Needs `npm run build` first and Chromium (/usr/bin/chromium, or MIERNIK_CHROMIUM).
 * Options: --pane-sizes 10000,100000 (default), --no-pane to skip.
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
      const t0 = Date.now();
      await page.locator('input[type="file"]').first().setInputFiles(file);
      const name = path.basename(file);
      await page.waitForFunction((f) => document.body.innerText.includes(f), name, { timeout: 600_000 });
      const openMs = Date.now() - t0;
      await page.getByRole("tab").nth(1).click();
      const t1 = Date.now();
      await page.getByRole("button", { name: /Sprawdź kryteria|Check criteria/ }).click();
      await page.locator("[data-summary]").waitFor({ timeout: 600_000 });
      const checkMs = Date.now() - t1;
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      out.push({
        n,
        fileMB: fs.statSync(file).size / 2 ** 20,
        openMs,
        checkMs,
        longTasks: tasks.length,
        longestMs: tasks.length ? Math.max(...tasks) : 0,
        totalMs: tasks.reduce((a, b) => a + b, 0),
        workers: page.workers().length,
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
        `longest main-thread task ${x.longestMs.toFixed(0)} ms (${x.longTasks} long tasks, ${x.totalMs.toFixed(0)} ms in all); workers: ${x.workers}`,
    );
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
