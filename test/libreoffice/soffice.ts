/**
 * LibreOffice headless as a second spreadsheet engine: converts .xlsx files to CSV (every sheet) after a
 * FULL recalculation on load (a fresh profile whose registrymodifications.xcu sets OOXMLRecalcMode = 0,
 * "always"), so the values read back are LibreOffice's own results, not the cached ones in the file.
 */
import * as fs from "fs";
import * as path from "path";
import { convertWithRecalc, SOFFICE } from "../../src/cli/bench/soffice";
import { parseCsv } from "../../src/workbook/csv";

export { SOFFICE };

/** Raw values (not as shown), UTF-8, comma-separated, every sheet (-1) into `<file>-<sheet>.csv`. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * A percentage as LibreOffice's CSV export writes it even in raw mode — as shown in the format's language:
 * `83.3%`, or `83,3%` under a Polish sheet's `[$-415]` format — as a fraction; null for any other text.
 */
export function shownPercent(v: string): number | null {
  const m = /^(-?[\d\s\u00a0\u202f]*[.,]?\d+)\s*%$/.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1].replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  return Number.isFinite(n) ? n / 100 : null;
}

/** Recalculates the files in one LibreOffice run; returns, per file, its sheets' computed cells. */
export function recalculate(files: string[], timeoutMs = 180_000): Map<string, Map<string, string[][]>> {
  const r = convertWithRecalc(files, CSV_FILTER, timeoutMs);
  const { work, out } = r;
  if (r.error) throw new Error(`soffice failed: ${r.error.message}`);
  if (r.timedOut) throw new Error(`soffice failed: no result within ${timeoutMs} ms`);
  const result = new Map<string, Map<string, string[][]>>();
  const produced = fs.readdirSync(out);
  for (const f of files) {
    const base = path.basename(f).replace(/\.xlsx$/i, "");
    const sheets = new Map<string, string[][]>();
    for (const name of produced)
      if (name.startsWith(`${base}-`) && name.endsWith(".csv"))
        sheets.set(
          name.slice(base.length + 1, -4),
          parseCsv(fs.readFileSync(path.join(out, name), "utf8"), ",").map((row) =>
            row.map((v) => String(v ?? "")),
          ),
        );
    if (sheets.size === 0)
      throw new Error(`LibreOffice produced no CSV for ${f}: ${r.stderr || r.stdout || "no output"}`);
    result.set(f, sheets);
  }
  fs.rmSync(work, { recursive: true, force: true });
  return result;
}

/**
 * Converts the files to PDF in one LibreOffice run (as a person prints them: every visible sheet, print
 * set-up as saved, formulas recalculated, numbers shown in `locale`); returns each file's PDF path.
 */
export function toPdf(
  files: string[],
  outDir: string,
  locale = "pl-PL",
  timeoutMs = 240_000,
): Map<string, string> {
  // The locale a user's machine has (Polish: 1 796, 76,2%): number formats follow it, as in Excel.
  const r = convertWithRecalc(files, "pdf:calc_pdf_Export", timeoutMs, { outDir, locale });
  fs.rmSync(r.work, { recursive: true, force: true });
  if (r.error) throw new Error(`soffice failed: ${r.error.message}`);
  if (r.timedOut) throw new Error(`soffice failed: no result within ${timeoutMs} ms`);
  const out = new Map<string, string>();
  for (const f of files) {
    const pdf = path.join(outDir, path.basename(f).replace(/\.xlsx$/i, ".pdf"));
    if (!fs.existsSync(pdf))
      throw new Error(`LibreOffice produced no PDF for ${f}: ${r.stderr || r.stdout || "no output"}`);
    out.set(f, pdf);
  }
  return out;
}
