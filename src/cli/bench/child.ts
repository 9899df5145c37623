/**
 * Bench steps that run in a child process of their own, so that their peak RSS
 * (`process.resourceUsage().maxRSS`) is theirs alone, at Node's default heap:
 *   node child.js criteria-write N OUT.xlsx   — Miernik: build the check workbook plan and stream it
 *   node child.js floor-write N OUT.xlsx      — the floor: the same register values, bare ExcelJS streaming
 *   node child.js check-o N                    — `miernik check in.csv -o out.xlsx` as a user runs it
 * Each prints one JSON line: { ms, maxRssMB, bytes }. Generating the register is not timed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { builtinCard, DEFAULT_CARD_ID } from "../../domain/card/load";
import { sampleParticipants } from "../../domain/card/sample";
import { Card } from "../../domain/card/types";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { participantToValues } from "../../domain/register/toRow";
import { writeXlsxFile } from "../../hosts/xlsx/stream";
import { CellValue } from "../../workbook/plan";
import { buildCheckWorkbookPlan } from "../../workbook/criteria/workbook";

const AS_OF = 45658;

export function registerRows(n: number): CellValue[][] {
  const out: CellValue[][] = [];
  let i = 0;
  for (const p of sampleParticipants(n, 7)) {
    const v = participantToValues(p, ++i);
    out.push(REGISTER_COLUMNS.map((c) => v[c.key]));
  }
  return out;
}

export interface ChildFigure {
  ms: number;
  maxRssMB: number;
  bytes: number;
}

async function floorWrite(rows: CellValue[][], file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Uczestnicy");
  ws.addRow(REGISTER_COLUMNS.map((c) => c.header)).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

function csvOf(rows: CellValue[][]): string {
  const q = (v: CellValue) => {
    const s = v === null ? "" : String(v);
    return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [REGISTER_COLUMNS.map((c) => q(c.header)).join(",")];
  for (const r of rows) lines.push(r.map(q).join(","));
  return `${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<ChildFigure> {
  const [what, nText, outArg] = argv;
  const n = Number(nText);
  const rows = registerRows(n);
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  const out = outArg ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "miernik-bench-")), "out.xlsx");
  let ms: number;
  if (what === "criteria-write") {
    const t0 = performance.now();
    await writeXlsxFile(buildCheckWorkbookPlan(card, { rows, asOf: AS_OF }), out);
    ms = performance.now() - t0;
  } else if (what === "floor-write") {
    const t0 = performance.now();
    await floorWrite(rows, out);
    ms = performance.now() - t0;
  } else if (what === "check-o") {
    // The CLI itself, in this process: reading the CSV, checks, evaluation and the -o workbook.
    const csv = path.join(path.dirname(out), "register.csv");
    fs.writeFileSync(csv, csvOf(rows));
    rows.length = 0;
    const { run } = require("../main") as {
      run(args: string[], io: { out(t: string): void; err(t: string): void; cwd: string }): Promise<number>;
    };
    const t0 = performance.now();
    const code = await run(["check", csv, "-o", out], {
      out: () => undefined,
      err: () => undefined,
      cwd: process.cwd(),
    });
    ms = performance.now() - t0;
    if (code !== 0 && code !== 1) throw new Error(`check -o exited with ${code}`);
  } else throw new Error(`unknown step ${what}`);
  return { ms, maxRssMB: process.resourceUsage().maxRSS / 1024, bytes: fs.statSync(out).size };
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}
