/**
 * Issue 13: in `summarize`, a workbook whose reading runs out of memory or time is a problem entry with
 * its reason; the other files are summarised and the output is written. The limits are lowered through
 * the environment (MIERNIK_READ_HEAP_MB, MIERNIK_READ_TIMEOUT_MS) so a small file trips them.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CANONICAL_CSV } from "./corpus";

const ROOT = path.join(__dirname, "../..");

async function registerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Uczestnicy");
  for (const line of CANONICAL_CSV.trim().split(/\r?\n/)) ws.addRow(line.split(";"));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function summarize(dir: string, env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [
      path.join(ROOT, "bin/miernik.js"),
      "summarize",
      "a.xlsx",
      "b.csv",
      "--as-of",
      "2024-06-01",
      "--json",
      "-o",
      "out.xlsx",
      "--force",
    ],
    { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", ...env }, timeout: 120000 },
  );
}

describe("summarize: a file that fails in memory or time", () => {
  let dir: string;
  beforeAll(async () => {
    expect(fs.existsSync(path.join(ROOT, "lib/cli/main.js"))).toBe(true);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-isolation-"));
    fs.writeFileSync(path.join(dir, "a.xlsx"), await registerXlsx());
    fs.writeFileSync(path.join(dir, "b.csv"), CANONICAL_CSV);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["time", { MIERNIK_READ_TIMEOUT_MS: "1" }, /trwał dłużej niż/],
    ["memory", { MIERNIK_READ_HEAP_MB: "2" }, /pamięci|przerwany|uszkodzony/],
  ])(
    "out of %s: a problem entry; the CSV is summarised and the output written",
    (_, env, reason) => {
      fs.rmSync(path.join(dir, "out.xlsx"), { force: true });
      const r = summarize(dir, env);
      expect(r.stderr).not.toMatch(/\n\s+at |FATAL|JavaScript heap/);
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.call.projects.map((p: { file: string }) => p.file)).toEqual(["b.csv"]);
      expect(json.problems).toEqual([{ file: "a.xlsx", reason: expect.stringMatching(reason) }]);
      expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(true);
    },
    120000,
  );

  test("without lowered limits both files are summarised", () => {
    const r = summarize(dir, {});
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).call.projects.map((p: { file: string }) => p.file)).toEqual([
      "a.xlsx",
      "b.csv",
    ]);
  }, 120000);
});
