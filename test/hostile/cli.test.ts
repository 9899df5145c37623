/**
 * Issue 13 acceptance: the hostile-input corpus through the CLI as child processes (`node bin/miernik.js`,
 * Node's default heap, two at a time). For every case: the exit code the contract allows, no stack trace
 * or V8 dump, no escape sequence on the terminal, a message naming the file, usage text only for usage
 * errors, peak RSS under 500 MB (`/usr/bin/time -v`), outputs that are valid XML 1.0 — and afterwards
 * every file that existed before is byte for byte the same.
 * Needs the compiled CLI (`npm run build:cli`, done by `npm test` before the unit tests).
 */
import { spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { buildCorpus, CorpusCase } from "./corpus";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/miernik.js");
const TIME = "/usr/bin/time";
const RSS_LIMIT_KB = 500 * 1024;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  rssKb: number | null;
  timedOut: boolean;
}

function runCli(args: string[], cwd: string, rssFile: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(TIME, ["-v", "-o", rssFile, process.execPath, BIN, ...args], {
      cwd,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, 180000);
    child.on("close", (code) => {
      clearTimeout(timer);
      let rssKb: number | null = null;
      try {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(rssFile, "utf8"));
        rssKb = m ? Number(m[1]) : null;
        // time -v writes "Command exited with non-zero status N" first; the exit code is the child's.
      } catch {
        rssKb = null;
      }
      resolve({ code, stdout, stderr, rssKb, timedOut });
    });
  });
}

let stopped = false;

async function pool<T, R>(items: T[], n: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length && !stopped) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = fs.lstatSync(full);
    if (st.isSymbolicLink()) out.set(name, `link:${fs.readlinkSync(full)}`);
    else if (st.isFile())
      out.set(name, crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex"));
    else out.set(name, st.isDirectory() ? "dir" : st.isFIFO() ? "fifo" : "other");
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const CRASH =
  /FATAL ERROR|JavaScript heap|Last few GCs|Segmentation fault|core dumped|\n\s+at .*[(/].*:\d+:\d+|node:internal/;

describe("the hostile corpus through the CLI", () => {
  let dir: string;
  let cases: CorpusCase[];
  let results: RunResult[];
  let before: Map<string, string>;

  beforeAll(async () => {
    expect(fs.existsSync(path.join(ROOT, "lib/cli/main.js"))).toBe(true); // npm run build:cli
    expect(fs.existsSync(TIME)).toBe(true); // Debian package `time` (.ci/run installs it)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-hostile-"));
    cases = await buildCorpus(dir);
    before = snapshot(dir);
    const rssDir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-rss-"));
    results = await pool(cases, 2, (c, i) => runCli(c.args, dir, path.join(rssDir, `${i}.txt`)));
    // On a shared, loaded machine this takes longer than the ~1–2 minutes it takes alone.
  }, 1800000);

  afterAll(() => {
    stopped = true;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the corpus has at least 150 files", () => {
    const files = [...before.keys()].length + 3; // + /dev/zero, /dev/urandom, /dev/null
    expect(files).toBeGreaterThanOrEqual(150);
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  test("every case: exit code per the contract, no crash, messages name the file, RSS < 500 MB", () => {
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const r = results[i];
      const both = `${r.stdout}\n${r.stderr}`;
      const why: string[] = [];
      if (r.timedOut) why.push("did not finish within 180 s");
      if (r.code === null || !c.exit.includes(r.code))
        why.push(`exit ${r.code}, expected ${c.exit.join("|")}`);
      if (CRASH.test(both)) why.push("stack trace or V8 dump");
      if (both.includes("\u001b")) why.push("escape sequence on the terminal");
      const usage = r.stderr.includes("Użycie / usage");
      if (c.usage && !usage) why.push("no usage text for a usage error");
      if (!c.usage && usage) why.push("usage text after an error that was not about the command line");
      const named = c.names ?? c.file;
      if (r.code === 2 && named && !r.stderr.includes(named)) why.push(`stderr does not name ${named}`);
      if (r.code === 2 && r.stderr.trim() === "") why.push("exit 2 without a message");
      if (r.rssKb === null) why.push("no RSS measured");
      else if (r.rssKb > RSS_LIMIT_KB) why.push(`peak RSS ${Math.round(r.rssKb / 1024)} MB`);
      if (why.length > 0)
        failures.push(
          `${c.id} [${c.args.join(" ")}]: ${why.join("; ")}\n    ${r.stderr.trim().slice(0, 300)}`,
        );
    });
    expect(failures).toEqual([]);
  });

  test("every file that existed before is byte for byte the same; no stray files", () => {
    const after = snapshot(dir);
    const changed = [...before].filter(([name, hash]) => after.get(name) !== hash).map(([n]) => n);
    expect(changed).toEqual([]);
    const created = [...after.keys()].filter((n) => !before.has(n));
    const allowed = new Set(cases.map((c) => c.output).filter(Boolean));
    expect(created.filter((n) => !allowed.has(n))).toEqual([]);
    expect(fs.existsSync(path.join(dir, "--force"))).toBe(false);
  });

  test("outputs written from hostile values are valid XML 1.0 (forbidden characters removed, with a warning)", async () => {
    let checked = 0;
    for (const [i, c] of cases.entries()) {
      if (!c.output || !fs.existsSync(path.join(dir, c.output))) continue;
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, c.output)));
      for (const name of Object.keys(zip.files)) {
        if (!name.endsWith(".xml")) continue;
        const xml = await zip.files[name].async("string");
        expect([c.id, name, XML_FORBIDDEN.test(xml)]).toEqual([c.id, name, false]);
      }
      if (/control characters (c0|fffe|vt-ff)/.test(c.id))
        expect(results[i].stderr).toMatch(/usunięto znaki/);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  test("summarize over the whole folder: bad files are problems with their reason, good.csv once", () => {
    const i = cases.findIndex((c) => c.id === "summarize the whole folder");
    const json = JSON.parse(results[i].stdout);
    const projects = json.call.projects.map((p: { file: string }) => p.file);
    expect(projects.filter((f: string) => f === "good.csv" || f === "link-to-input.csv")).toEqual([
      "good.csv",
    ]);
    const problems = new Map<string, string>(
      json.problems.map((p: { file: string; reason: string }) => [p.file, p.reason]),
    );
    for (const f of [
      "bomb-declared.xlsx",
      "merge-all.xlsx",
      "pipe.csv",
      "zero-link.csv",
      "folder.xlsx",
      "ods-renamed.xlsx",
      "xls-renamed.xlsx",
      "trunc-register-50.xlsx",
    ])
      expect([f, problems.has(f)]).toEqual([f, true]);
    expect(problems.get("bomb-declared.xlsx")).toMatch(/za duży/);
    expect(problems.get("ods-renamed.xlsx")).toMatch(/\.ods/);
    expect(problems.get("pipe.csv")).toMatch(/FIFO/);
    expect(fs.existsSync(path.join(dir, "summary-all.xlsx"))).toBe(true);
  });
});
