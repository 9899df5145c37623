/**
 * `miernik check -o` of a large register succeeds at Node's default heap (no --max-old-space-size): the
 * CLI runs as a child process through bin/miernik.js (after `npm run build:cli`), its peak RSS is
 * measured with /usr/bin/time, and the written workbook holds every row with its derived formulas.
 * 20 000 rows here; `npm run bench` runs the same command at 100 000 rows (and prints its time and RSS).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sampleParticipants } from "../../src/domain/card/sample";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";
import { participantToValues } from "../../src/domain/register/toRow";
import { derivedColumnLetter } from "../../src/workbook/register/layout";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{ file(n: string): { async(t: "string"): Promise<string> } | null }>;
};

const ROOT = path.resolve(__dirname, "../..");
const N = 20_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-large-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function csv(n: number): string {
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [REGISTER_COLUMNS.map((c) => q(c.header)).join(",")];
  let i = 0;
  for (const p of sampleParticipants(n, 7)) {
    const v = participantToValues(p, ++i);
    lines.push(REGISTER_COLUMNS.map((c) => q(v[c.key])).join(","));
  }
  return `${lines.join("\n")}\n`;
}

const haveTime = fs.existsSync("/usr/bin/time");

test(`check -o of ${N} rows at the default heap: exit 0/1, no stack trace, every row written`, async () => {
  const input = path.join(dir, "register.csv");
  const out = path.join(dir, "out.xlsx");
  fs.writeFileSync(input, csv(N));
  const stats = path.join(dir, "time.txt");
  const cmd = [path.join(ROOT, "bin", "miernik.js"), "check", input, "-o", out];
  // Jest's own Node options (a heap size, say) are not passed on; the criteria table on stdout is dropped.
  const env = { ...process.env, NODE_OPTIONS: "" };
  const opts = {
    env,
    encoding: "utf8" as const,
    stdio: ["ignore", "ignore", "pipe"] as ("ignore" | "pipe")[],
  };
  const r = haveTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", "-o", stats, process.execPath, ...cmd], opts)
    : spawnSync(process.execPath, cmd, opts);
  expect(r.stderr).not.toMatch(/\n\s+at |FATAL|heap out of memory/);
  expect(r.error).toBeUndefined();
  expect([0, 1]).toContain(r.status);
  if (haveTime) {
    const peakKb = Number(fs.readFileSync(stats, "utf8").trim().split("\n").pop());
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb / 1024).toBeLessThan(1024); // MB
  }
  const zip = await JSZip.loadAsync(new Uint8Array(fs.readFileSync(out)));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  expect(book).toContain('name="Uczestnicy"');
  // The register is the second sheet; its last data row carries the derived columns' shared formula.
  const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
  const status = derivedColumnLetter("rowStatus");
  // The table spans the register's columns and every derived column; the row status is the last.
  const lastColumn = status;
  // (booleans, not toMatch: a failure would print the 40 MB sheet)
  expect(sheet.includes(`<row r="${N + 1}"`)).toBe(true);
  expect(new RegExp(`<c r="${status}${N + 1}"[^>]*><f t="shared" si="\\d+"/>`).test(sheet)).toBe(true);
  expect(sheet.includes(`<f t="shared" ref="${status}2:${status}${N + 1}"`)).toBe(true);
  expect(await zip.file("xl/tables/table1.xml")!.async("string")).toContain(`ref="A1:${lastColumn}${N + 1}"`);
}, 180_000);
