/**
 * The CLI under a pipe that closes early (`miernik validate x.xlsx | head -1`): the reader took what it wanted;
 * the rest is not an error — no stack trace, the exit code is the command's, files are still written whole.
 * Runs the built launcher (bin/miernik.js → lib/, `npm run build:cli`) as a child process.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/miernik.js");

/** Runs the CLI, reads its first chunk of output and closes the pipe; resolves with stderr and the exit code. */
function firstChunkOnly(
  args: string[],
  cwd: string,
): Promise<{ err: string; code: number | null; got: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let got = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.once("data", (d: Buffer) => {
      got = d.toString();
      child.stdout.destroy();
    });
    child.on("close", (code) => resolve({ err, code, got }));
  });
}

describe("a pipe closed before the output ends", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-pipe-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // --json: the text output folds an empty table's 60 findings into 4 lines; the JSON keeps them all (long output).
  test("validate --json of an empty table (60 findings) read one chunk at a time: no EPIPE stack trace", async () => {
    const made = await firstChunkOnly(["layout", "--year", "2024", "-o", "e.xlsx"], dir);
    expect(made.code).toBe(0);
    // Several runs: the pipe closes at a different point of the output each time.
    for (let i = 0; i < 3; i++) {
      const r = await firstChunkOnly(["validate", "e.xlsx", "--json"], dir);
      expect(r.got).toContain('"rule": "empty"');
      expect(r.err).not.toMatch(/EPIPE|Error|at /);
      expect(r.code).toBe(0);
    }
  });
});
