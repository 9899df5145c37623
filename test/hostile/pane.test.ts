/**
 * Issue 13 acceptance: the same hostile corpus through the pane's readers (in-process): the standalone
 * page's file opening (MemoryWorkbook via the standalone host) and the summaries' reading
 * (summarizeInputs with readXlsx). No crash; an unreadable file gives a message naming the file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { PROGRAMME } from "../../src/domain/programme/programme";
import * as memory from "../../src/hosts/xlsx/memory";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { createStandaloneHost, FileOpenError } from "../../src/taskpane/standaloneHost";
import { summarizeInputs } from "../../src/workbook/summary/summarizeInputs";
import { buildCorpus, CorpusCase } from "./corpus";

const card = builtinCard(DEFAULT_CARD_ID)!;

describe("the hostile corpus through the pane's readers", () => {
  let dir: string;
  let files: CorpusCase[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-hostile-pane-"));
    const cases = await buildCorpus(dir);
    const seen = new Set<string>();
    files = cases.filter((c) => c.pane && c.file && !seen.has(c.file) && seen.add(c.file));
  }, 300000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the streaming size check is available (DecompressionStream)", () => {
    expect(typeof DecompressionStream).toBe("function");
  });

  test("opening each file in the standalone page: opened, or a message naming the file", async () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
    const failures: string[] = [];
    let refused = 0;
    for (const c of files) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, c.file!)));
      const host = createStandaloneHost({
        programme: PROGRAMME,
        save: () => undefined,
        loadModule: () => Promise.resolve(memory),
      });
      try {
        await host.files.open({ name: c.file!, bytes });
        // Opened: every sheet reads (the validation reads them all).
        await host.validation!.validate(2023, 3);
      } catch (e) {
        if (!(e instanceof FileOpenError)) {
          failures.push(`${c.id}: ${String(e).slice(0, 200)} thrown`);
          continue;
        }
        const { pl, en } = e.info.message;
        if (!pl.includes(c.file!) || !en.includes(c.file!)) failures.push(`${c.id}: ${pl.slice(0, 200)}`);
        refused++;
      }
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThanOrEqual(40);
  }, 300000);

  test("summarising each file in the pane: a project, or a problem naming the file with its reason", async () => {
    const failures: string[] = [];
    for (const c of files) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, c.file!)));
      const r = await summarizeInputs(
        [{ name: c.file!, read: () => Promise.resolve(bytes) }],
        card,
        45444,
        readXlsx,
      );
      if (r.filesRead === 1) continue;
      const p = r.problems.find((x) => x.file === c.file);
      if (!p || !p.reason.pl || !p.reason.en) failures.push(`${c.id}: no problem entry`);
    }
    expect(failures).toEqual([]);
  }, 300000);
});
