/**
 * Peer comparison in a real engine: LibreOffice headless recalculates (a full recalculation on load, a
 * fresh profile) Miernik's check workbook of N rows — COUNTIFS over bounded names — and the same
 * criteria written the way applicants write them by hand: SUMPRODUCT over whole columns
 * (`SUMPRODUCT((Uczestnicy!$AG:$AG=1)*(Uczestnicy!$AL:$AL=1))`), over the same register with the same
 * derived columns. Times are wall-clock of one `soffice --convert-to csv` each (start-up included; an
 * empty workbook's run is measured too and shown), and the two criteria sheets' numerators are compared.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Card } from "../../domain/card/types";
import { writeXlsxFile } from "../../hosts/xlsx/stream";
import type { CellValue, WorkbookPlan } from "../../workbook/plan";
import { buildCheckWorkbookPlan } from "../../workbook/criteria/workbook";
import { parseCsv } from "../../workbook/csv";
import { convertWithRecalc, SOFFICE, SofficeRun } from "./soffice";

// Only the first sheet (the criteria sheet) is exported. Not yet understood: at 100 000 rows this conversion
// did not finish within 10 minutes (2026-12-02), while `--convert-to csv` with the default filter options
// converted the same workbook's first sheet in 211 s — which of these filter options costs it is untested.
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1";

/** Splits a function's arguments at top-level commas (outside quotes and parentheses). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** A COUNTIFS criterion as a comparison: 1 → "=1", "Kobieta" → '="Kobieta"', ">=5" → ">=5", "<="&P → "<="&P. */
function comparison(crit: string): string {
  const m = /^"(<=|>=|<>|<|>|=)?([^"]*)"(.*)$/.exec(crit);
  if (!m) return `=${crit}`;
  const [, op, rest, tail] = m;
  if (tail.startsWith("&")) return `${op ?? "="}${tail.slice(1)}`;
  if (op && rest !== "" && !Number.isNaN(Number(rest))) return `${op}${rest}`;
  return `${op ?? "="}"${rest}"`;
}

/** Miernik's criteria formulas rewritten as hand-made SUMPRODUCTs over whole register columns. */
export function sumproductPlan(plan: WorkbookPlan): WorkbookPlan {
  const column = new Map<string, string>();
  for (const n of plan.names) {
    const m = /^='?([^'!]+)'?!\$([A-Z]+)\$\d+:\$[A-Z]+\$\d+$/.exec(n.refersTo);
    if (m) column.set(n.name, `'${m[1]}'!$${m[2]}:$${m[2]}`);
  }
  const rewrite = (f: string): string =>
    f.replace(/COUNTIFS\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_all, inner: string) => {
      const args = splitArgs(inner);
      const terms: string[] = [];
      for (let i = 0; i + 1 < args.length; i += 2) {
        const col = column.get(args[i].trim());
        if (!col) return _all;
        terms.push(`(${col}${comparison(args[i + 1].trim())})`);
      }
      return `SUMPRODUCT(${terms.join("*")})`;
    });
  return {
    ...plan,
    sheets: plan.sheets.map((s, i) =>
      i !== 0
        ? s
        : {
            ...s,
            blocks: s.blocks.map((b) => ({
              ...b,
              formulas: b.formulas?.map((row) => row.map((f) => (f ? rewrite(f) : f))),
            })),
          },
    ),
  };
}

/** One soffice conversion of the criteria sheet; `timedOut` when stopped after `timeoutMs` (`ms` is then that limit). */
function soffice(files: string[], timeoutMs: number): SofficeRun {
  const r = convertWithRecalc(files, CSV_FILTER, timeoutMs);
  if (r.error) throw new Error(`soffice: ${r.error.message}`);
  return r;
}

/** The criteria sheet as LibreOffice computed it (one string per row). */
function criteriaSheet(outDir: string, base: string, sheet: string): string[] {
  const f = fs
    .readdirSync(outDir)
    .find((x) => x === `${base}.csv` || (x.startsWith(`${base}-${sheet}`) && x.endsWith(".csv")));
  if (!f) return [];
  return parseCsv(fs.readFileSync(path.join(outDir, f), "utf8"), ",").map((r) => r.join("|"));
}

export interface PeerComparison {
  n: number;
  miernikMs: number;
  sumproductMs: number;
  /** Which side did not finish within the time limit (its time is then the limit: a lower bound). */
  timedOut: { miernik: boolean; sumproduct: boolean };
  startupMs: number;
  /** SUMPRODUCT ÷ Miernik; a lower bound when the SUMPRODUCT side timed out. */
  ratio: number;
  agree: boolean;
  note: string;
}

export async function libreOfficePeer(
  card: Card,
  rows: CellValue[][],
  timeoutMs = 900_000,
): Promise<PeerComparison | string> {
  if (!SOFFICE) return "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-peer-"));
  const plan = buildCheckWorkbookPlan(card, { rows, asOf: 45658 });
  const mFile = path.join(dir, "miernik.xlsx");
  const sFile = path.join(dir, "sumproduct.xlsx");
  const eFile = path.join(dir, "empty.xlsx");
  await writeXlsxFile(plan, mFile);
  await writeXlsxFile(sumproductPlan(plan), sFile);
  await writeXlsxFile({ sheets: [{ ...plan.sheets[2] }], names: [] }, eFile);
  const e = soffice([eFile], timeoutMs);
  const m = soffice([mFile], timeoutMs);
  const s = soffice([sFile], timeoutMs);
  const sheet = plan.sheets[0].name;
  const a = criteriaSheet(m.out, "miernik", sheet);
  const b = criteriaSheet(s.out, "sumproduct", sheet);
  const agree = !m.timedOut && !s.timedOut && a.length > 0 && a.join("\n") === b.join("\n");
  const limit = `${(timeoutMs / 60_000).toFixed(0)} min`;
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    n: rows.length,
    miernikMs: m.ms,
    sumproductMs: s.ms,
    startupMs: e.ms,
    timedOut: { miernik: m.timedOut, sumproduct: s.timedOut },
    ratio: s.ms / m.ms,
    agree,
    note: m.timedOut
      ? `Miernik's workbook did not finish within ${limit}`
      : s.timedOut
        ? `the SUMPRODUCT workbook did not finish within ${limit}: the ratio is a lower bound`
        : agree
          ? "both criteria sheets compute the same values"
          : `the criteria sheets differ (${a.length} and ${b.length} rows read)`,
  };
}
