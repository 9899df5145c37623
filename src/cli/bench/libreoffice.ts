/**
 * Peer comparison in a real engine: LibreOffice headless recalculates (a full recalculation on load, a
 * fresh profile) Miernik's check workbook of N rows — COUNTIFS over bounded names — and the same
 * criteria written the way applicants write them by hand: SUMPRODUCT over whole columns
 * (`SUMPRODUCT((Uczestnicy!$AG:$AG=1)*(Uczestnicy!$AL:$AL=1))`), over the same register.
 * Two comparisons:
 * - the criteria sheets alone: the register's derived columns hold values (the TypeScript reference), so
 *   both sides differ only in how the criteria are written — the design comparison, run at every size;
 * - the whole workbook, the register's derived formulas recalculated too (the same formulas on both sides),
 *   up to `fullMax` rows (see `fullSkipped`).
 * Times are wall-clock of one `soffice --convert-to csv` each (start-up included; an almost empty
 * workbook's run is measured and shown), and both criteria sheets are compared with each other and with
 * `evaluate()` (numerators, denominators, pending counts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluate } from "../../domain/card/evaluate";
import type { Card, CardParameters, Evaluation, Participant } from "../../domain/card/types";
import { checkRegister } from "../../domain/register/checks";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { writeXlsxFile } from "../../hosts/xlsx/stream";
import { parseA1 } from "../../workbook/address";
import type { CellValue, WorkbookPlan } from "../../workbook/plan";
import { criteriaCellMap } from "../../workbook/criteria/plan";
import { buildCheckWorkbookPlan } from "../../workbook/criteria/workbook";
import { parseCsv } from "../../workbook/csv";
import { derivedRow } from "../../workbook/register/derivedValues";
import { DERIVED_KEYS, REGISTER_SHEET } from "../../workbook/register/layout";
import { readRegisterSheet } from "../../workbook/register/reader";
import { convertWithRecalc, SOFFICE, SofficeRun } from "./soffice";

// Only the first sheet (the criteria sheet) is exported, as raw values (not as shown).
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

/** The criteria sheet as LibreOffice computed it (its cells, row by row). */
function criteriaSheet(outDir: string, base: string, sheet: string): string[][] {
  const f = fs
    .readdirSync(outDir)
    .find((x) => x === `${base}.csv` || (x.startsWith(`${base}-${sheet}`) && x.endsWith(".csv")));
  if (!f) return [];
  return parseCsv(fs.readFileSync(path.join(outDir, f), "utf8"), ",").map((l) =>
    l.map((v) => (v === null ? "" : String(v))),
  );
}

/**
 * The same workbook with the register's derived columns as VALUES (the TypeScript reference the derived
 * formulas are tested against), so that LibreOffice computes only the criteria sheet.
 */
export function derivedAsValues(
  plan: WorkbookPlan,
  participants: readonly Participant[],
  params: CardParameters,
  asOf: number,
): WorkbookPlan {
  const inputs = REGISTER_COLUMNS.length;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => {
      if (s.name !== REGISTER_SHEET) return s;
      const cols = (s.columnFormulas ?? []).map((c) => c.col).sort((x, y) => x - y);
      if (cols.length !== DERIVED_KEYS.length || cols.some((c, k) => c !== inputs + k))
        throw new Error(
          `the register's derived columns are not columns ${inputs}…${inputs + DERIVED_KEYS.length - 1}`,
        );
      return {
        ...s,
        columnFormulas: [],
        blocks: s.blocks.map((b) =>
          b.row !== 0 || b.col !== 0
            ? b
            : {
                ...b,
                values: b.values.map((line, i) =>
                  i === 0 || i > participants.length
                    ? line
                    : [...line.slice(0, inputs), ...derivedRow(participants[i - 1], params, asOf)],
                ),
              },
        ),
      };
    }),
  };
}

/** Every criterion's numerator, denominator and pending count in LibreOffice's sheet vs `evaluate()`. */
function againstEvaluate(grid: string[][], card: Card, e: Evaluation): string[] {
  const map = criteriaCellMap(card);
  const at = (a1: string): string => {
    const { row, col } = parseA1(a1);
    return grid[row]?.[col] ?? "";
  };
  const out: string[] = [];
  for (const r of e.criteria) {
    const cells = map.criteria[r.id];
    const want: [string, string, number | null | undefined][] = [
      ["numerator", cells.numerator, r.numerator],
      ["denominator", cells.denominator, r.denominator],
      ["pending", cells.pending, r.pending],
    ];
    for (const [what, a1, v] of want)
      if (v !== null && v !== undefined && Number(at(a1)) !== v)
        out.push(`${r.id} ${what}: LibreOffice ${at(a1) || "(empty)"}, evaluate ${v}`);
  }
  return out;
}

/** One side of a comparison: LibreOffice's wall-clock time (start-up included). */
export interface PeerRun {
  ms: number;
  /** Did not finish within the time limit (`ms` is then the limit: a lower bound). */
  timedOut: boolean;
}

/** Miernik's workbook and the SUMPRODUCT design, each recalculated by LibreOffice. */
export interface PeerPair {
  miernik: PeerRun;
  sumproduct: PeerRun;
  /** SUMPRODUCT ÷ Miernik; a lower bound when the SUMPRODUCT side timed out. */
  ratio: number;
  /** Both criteria sheets equal, and their numerators, denominators and pending counts equal `evaluate()`. */
  agree: boolean;
  note: string;
}

export interface PeerComparison {
  n: number;
  /** soffice converting an almost empty workbook: start-up and shut-down. */
  startupMs: number;
  /** The register's derived columns as values: only the criteria sheets are computed (the design comparison). */
  criteria: PeerPair;
  /** The whole workbook, the register's derived formulas included; a string when not run (and why). */
  full: PeerPair | string;
}

/** Recalculates `plan` and its SUMPRODUCT twin in LibreOffice and compares both with `evaluate()`. */
async function pair(
  plan: WorkbookPlan,
  card: Card,
  e: Evaluation,
  dir: string,
  timeoutMs: number,
): Promise<PeerPair> {
  const mFile = path.join(dir, "miernik.xlsx");
  const sFile = path.join(dir, "sumproduct.xlsx");
  await writeXlsxFile(plan, mFile);
  await writeXlsxFile(sumproductPlan(plan), sFile);
  const m = soffice([mFile], timeoutMs);
  const s = soffice([sFile], timeoutMs);
  const sheet = plan.sheets[0].name;
  const a = m.timedOut ? [] : criteriaSheet(m.out, "miernik", sheet);
  const b = s.timedOut ? [] : criteriaSheet(s.out, "sumproduct", sheet);
  for (const r of [m, s]) fs.rmSync(r.work, { recursive: true, force: true });
  const limit = `${(timeoutMs / 60_000).toFixed(0)} min`;
  const same = a.length > 0 && a.map((l) => l.join("|")).join("\n") === b.map((l) => l.join("|")).join("\n");
  const wrong = [
    ...(a.length ? againstEvaluate(a, card, e).map((x) => `Miernik ${x}`) : []),
    ...(b.length ? againstEvaluate(b, card, e).map((x) => `SUMPRODUCT ${x}`) : []),
  ];
  const agree = !m.timedOut && !s.timedOut && same && wrong.length === 0;
  return {
    miernik: { ms: m.ms, timedOut: m.timedOut },
    sumproduct: { ms: s.ms, timedOut: s.timedOut },
    ratio: s.ms / m.ms,
    agree,
    note: m.timedOut
      ? `Miernik's workbook did not finish within ${limit}`
      : s.timedOut
        ? `the SUMPRODUCT workbook did not finish within ${limit}: the ratio is a lower bound`
        : agree
          ? "both criteria sheets compute the same values, equal to evaluate()"
          : wrong.length > 0
            ? `differs from evaluate(): ${wrong.slice(0, 3).join("; ")}${wrong.length > 3 ? ` (+${wrong.length - 3})` : ""}`
            : `the criteria sheets differ (${a.length} and ${b.length} rows read)`,
  };
}

export interface PeerOptions {
  /** Per soffice run (default 15 min). */
  timeoutMs?: number;
  /** The whole workbook (derived formulas too) only up to this many rows (default 10 000): see `fullSkipped`. */
  fullMax?: number;
}

/** Why the whole workbook is not recalculated above `fullMax` rows. */
export function fullSkipped(fullMax: number): string {
  return (
    `skipped above ${fullMax} rows (--peer-full-max N runs it): the register's duplicate check is an exact MATCH ` +
    "of each row's person key over the key column, which LibreOffice 7.4 evaluates by scanning — its time grows " +
    "with the square of the rows (100 000 rows: over 10 minutes on this machine), the same on both sides"
  );
}

export async function libreOfficePeer(
  card: Card,
  rows: CellValue[][],
  o: PeerOptions = {},
): Promise<PeerComparison | string> {
  if (!SOFFICE) return "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui";
  const timeoutMs = o.timeoutMs ?? 900_000;
  const fullMax = o.fullMax ?? 10_000;
  const asOf = 45658;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-peer-"));
  try {
    const header = REGISTER_COLUMNS.map((c) => c.header);
    const checked = checkRegister(
      readRegisterSheet({ name: REGISTER_SHEET, top: 0, left: 0, values: [header, ...rows] }).rows,
      card.parameters,
    );
    if (checked.participants.length !== rows.length)
      throw new Error(`${rows.length} register rows but ${checked.participants.length} participants`);
    const e = evaluate(checked.participants, card, asOf, checked.issues);
    const plan = buildCheckWorkbookPlan(card, { rows, asOf });
    const eFile = path.join(dir, "empty.xlsx");
    await writeXlsxFile({ sheets: [{ ...plan.sheets[2] }], names: [] }, eFile);
    const startup = soffice([eFile], timeoutMs);
    fs.rmSync(startup.work, { recursive: true, force: true });
    const criteria = await pair(
      derivedAsValues(plan, checked.participants, card.parameters, asOf),
      card,
      e,
      dir,
      timeoutMs,
    );
    const full = rows.length <= fullMax ? await pair(plan, card, e, dir, timeoutMs) : fullSkipped(fullMax);
    return { n: rows.length, startupMs: startup.ms, criteria, full };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
