import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { builtinCard, DEFAULT_CARD_ID } from "../../domain/card/load";
import { sampleParticipants } from "../../domain/card/sample";
import { Card } from "../../domain/card/types";
import { serialToIso } from "../../domain/dates";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { participantToValues } from "../../domain/register/toRow";
import { writeXlsx } from "../../hosts/xlsx/render";
import { emptySheet } from "../../workbook/plan";
import { buildCallSummaryPlan } from "../../workbook/summary/callSummary";
import { summarizeFiles } from "../commands/summarize";

const DATE_KEYS = new Set(REGISTER_COLUMNS.filter((c) => c.kind === "date").map((c) => c.key));

function registerRows(seed: number, rows: number): (string | number | null)[][] {
  const out: (string | number | null)[][] = [REGISTER_COLUMNS.map((c) => c.header)];
  let i = 0;
  for (const p of sampleParticipants(rows, seed)) {
    const v = participantToValues(p, ++i);
    out.push(REGISTER_COLUMNS.map((c) => v[c.key]));
  }
  return out;
}

function csvText(rows: (string | number | null)[][]): string {
  const keys = REGISTER_COLUMNS.map((c) => c.key);
  return (
    rows
      .map((r, i) =>
        r
          .map((v, j) => {
            if (v === null) return "";
            const s = i > 0 && DATE_KEYS.has(keys[j]) && typeof v === "number" ? serialToIso(v) : String(v);
            return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
          })
          .join(";"),
      )
      .join("\r\n") + "\r\n"
  );
}

export interface SummarizeBenchOptions {
  files?: number;
  rows?: number;
  /** Every n-th file is an .xlsx (the rest .csv); 0 = CSV only. Default 4. */
  xlsxEvery?: number;
  now?: () => number;
  log?: (line: string) => void;
}

/**
 * `npm run bench`: writes `files` participant registers of `rows` rows each into a temporary folder (a mix
 * of .xlsx and .csv), then summarises them as `miernik summarize` does (one file at a time), and prints the
 * time and the peak memory (RSS and heap sampled after each file). Prints figures; asserts nothing.
 */
export async function benchSummarize(opts: SummarizeBenchOptions = {}): Promise<string> {
  const files = opts.files ?? 200;
  const rows = opts.rows ?? 500;
  const xlsxEvery = opts.xlsxEvery ?? 4;
  const now = opts.now ?? (() => performance.now());
  const log = opts.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-bench-summarize-"));
  try {
    const t0 = now();
    const list: { path: string; name: string }[] = [];
    for (let f = 0; f < files; f++) {
      const data = registerRows(1000 + f, rows);
      const xlsx = xlsxEvery > 0 && f % xlsxEvery === 0;
      const name = `projekt-${String(f + 1).padStart(3, "0")}.${xlsx ? "xlsx" : "csv"}`;
      const bytes = xlsx
        ? await writeXlsx({
            sheets: [{ ...emptySheet("Uczestnicy"), blocks: [{ row: 0, col: 0, values: data }] }],
            names: [],
          })
        : Buffer.from(csvText(data), "utf8");
      fs.writeFileSync(path.join(dir, name), bytes);
      list.push({ path: path.join(dir, name), name });
    }
    const tGen = now() - t0;
    log(`generated ${files} files × ${rows} rows in ${(tGen / 1000).toFixed(1)} s`);

    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const card = builtinCard(DEFAULT_CARD_ID) as Card;
    const t1 = now();
    const result = await summarizeFiles(list, card, 45838, {
      onFile: () => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      },
    });
    const tSum = now() - t1;
    const t2 = now();
    const plan = buildCallSummaryPlan(result.call!, card);
    const out = await writeXlsx({ sheets: [plan.sheet], names: [] });
    const tWrite = now() - t2;
    const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;
    return (
      `summarize: ${result.call?.projects.length ?? 0} files, ${result.call?.participants ?? 0} participants ` +
      `(${result.problems.length} problems) in ${(tSum / 1000).toFixed(1)} s; ` +
      `Podsumowanie naboru written in ${tWrite.toFixed(0)} ms (${(out.length / 1024).toFixed(0)} KB); ` +
      `peak RSS ${mb(peakRss)} (start ${mb(base.rss)}), peak heap ${mb(peakHeap)} (start ${mb(base.heapUsed)})` +
      (gc ? "" : " [run node with --expose-gc for a cleaner baseline]")
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
