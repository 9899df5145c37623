import * as fs from "fs";
import * as path from "path";
import { Card } from "../../domain/card/types";
import { Lang } from "../../domain/i18n";
import { readXlsx } from "../../hosts/xlsx/read";
import { writeXlsxFile } from "../../hosts/xlsx/stream";
import { parseCsvBytes } from "../../workbook/csv";
import { SheetPlan, WorkbookPlan } from "../../workbook/plan";
import { buildCallSummaryPlan } from "../../workbook/summary/callSummary";
import { parseApplicantMap } from "../../workbook/summary/inputs";
import {
  SummarizeOptions,
  SummarizeResult,
  summarizeInputs,
  SummaryInput,
} from "../../workbook/summary/summarizeInputs";
import { parseArgs } from "../args";
import { loadCard, oneLine, parseAsOf } from "../cardOptions";
import { CliCommand, CliError, CliIO } from "../io";

const USAGE =
  "miernik summarize <pliki .xlsx/.csv lub katalogi…> [--card rpo-wl-9.1-2016|karta.json] [--as-of RRRR-MM-DD] " +
  "[-o podsumowanie.xlsx] [--force] [--json] [--lang pl|en] [--applicants wnioskodawcy.csv] [--max-applications 2]";

const INPUT_EXT = /\.(xlsx|xlsm|csv)$/i;

/** Files named on the command line; a directory stands for its .xlsx/.csv files (not recursive, sorted). */
function expandInputs(args: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const a of args) {
    const full = path.resolve(cwd, a);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = null;
    }
    if (stat && stat.isDirectory()) {
      const names = fs
        .readdirSync(full)
        .filter((n) => INPUT_EXT.test(n))
        .sort((x, y) => x.localeCompare(y, "pl", { numeric: true }));
      for (const n of names) out.push(path.join(full, n));
    } else out.push(full);
  }
  return out;
}

/** How a file is named in the summary: its path relative to the working directory. */
function displayName(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

export type { SummarizeResult };

/** Files on disk → `summarizeInputs` (the same reading the task pane does over picked files). */
export async function summarizeFiles(
  files: { path: string; name: string }[],
  card: Card,
  asOf: number,
  opts: SummarizeOptions = {},
): Promise<SummarizeResult> {
  const inputs: SummaryInput[] = files.map((f) => ({
    name: f.name,
    read: () => {
      try {
        return Promise.resolve(fs.readFileSync(f.path));
      } catch (e) {
        const why = (e as { code?: string }).code === "ENOENT" ? "nie ma takiego pliku" : oneLine(e);
        return Promise.reject(
          Object.assign(new Error(oneLine(e)), {
            reason: { pl: `nie można odczytać pliku: ${why}`, en: `cannot read the file: ${oneLine(e)}` },
          }),
        );
      }
    },
  }));
  return summarizeInputs(inputs, card, asOf, readXlsx, opts);
}

function pct(v: number | null, lang: Lang): string {
  if (v === null) return "—";
  const s = (Math.round(v * 1000) / 10).toFixed(1);
  return `${lang === "pl" ? s.replace(".", ",") : s}%`;
}

/** The figures as JSON (messages in the chosen language). */
export function toJson(r: SummarizeResult, lang: Lang): unknown {
  const call = r.call;
  return {
    filesRead: r.filesRead,
    call: call && {
      card: call.card,
      asOf: call.asOf,
      participants: call.participants,
      maxApplicationsPerApplicant: call.maxApplicationsPerApplicant,
      projects: call.projects.map((p) => ({
        file: p.file,
        applicant: p.applicant,
        applicantFiles: p.applicantFiles,
        participants: p.participants,
        pending: p.pending,
        rowErrors: p.rowErrors,
        rowWarnings: p.rowWarnings,
        sharedPesels: p.sharedPesels,
        criteria: p.criteria.map((c) => ({
          id: c.id,
          kind: c.kind,
          numerator: c.numerator,
          denominator: c.denominator,
          share: c.share,
          threshold: c.threshold,
          met: c.met,
          points: c.points,
        })),
        premiumPoints: p.premiumPoints,
        requiredMet: p.requiredMet,
      })),
      totals: call.totals.map((t) => ({
        id: t.id,
        kind: t.kind,
        numerator: t.numerator,
        denominator: t.denominator,
        value: t.value,
        target: t.target,
        reached: t.reached,
      })),
      applicantsOverLimit: call.applicantsOverLimit,
      sharedPesels: call.sharedPesels,
    },
    monitoring: r.monitoring && r.monitoring.json(lang),
    problems: r.problems.map((p) => ({ file: p.file, reason: p.reason[lang] })),
  };
}

/** A readable report. */
export function formatText(r: SummarizeResult, lang: Lang): string {
  const pl = lang === "pl";
  const lines: string[] = [];
  const c = r.call;
  if (c) {
    lines.push(
      pl
        ? `Podsumowanie naboru (${c.card}, stan na ${c.asOf}): projektów ${c.projects.length}, uczestników ${c.participants}`
        : `Call summary (${c.card}, as of ${c.asOf}): ${c.projects.length} projects, ${c.participants} participants`,
    );
    for (const t of c.totals) {
      const id = t.id.replace(/^(product|result)\./, "");
      lines.push(
        t.kind === "product"
          ? `  ${id.padEnd(3)} ${String(t.numerator).padStart(7)} / ${String(t.target ?? "—").padStart(7)}  ${pct(t.reached, lang).padStart(7)}`
          : `  ${id.padEnd(3)} ${`${t.numerator}/${t.denominator}`.padStart(15)} = ${pct(t.value, lang).padStart(6)} (${pl ? "cel" : "target"} ${pct(t.target, lang)})  ${pct(t.reached, lang).padStart(7)}`,
      );
    }
    const notMet = c.projects.filter((p) => !p.requiredMet).length;
    lines.push(
      pl
        ? `  projekty niespełniające kryteriów obowiązkowych: ${notMet}`
        : `  projects failing a required criterion: ${notMet}`,
    );
    for (const f of c.applicantsOverLimit)
      lines.push(
        pl
          ? `  UWAGA: wnioskodawca „${f.applicant}” w ${f.files.length} plikach (limit ${c.maxApplicationsPerApplicant}): ${f.files.join(", ")}`
          : `  FLAG: applicant "${f.applicant}" in ${f.files.length} files (limit ${c.maxApplicationsPerApplicant}): ${f.files.join(", ")}`,
      );
    if (c.sharedPesels.length > 0)
      lines.push(
        pl
          ? `  UWAGA: ${c.sharedPesels.length} numerów PESEL w więcej niż jednym projekcie`
          : `  FLAG: ${c.sharedPesels.length} PESELs in more than one project`,
      );
  }
  if (r.monitoring) lines.push(...r.monitoring.text(lang));
  if (r.problems.length > 0) {
    lines.push(pl ? `Pliki pominięte (${r.problems.length}):` : `Files skipped (${r.problems.length}):`);
    for (const p of r.problems) lines.push(`  ${p.file}: ${p.reason[lang]}`);
  }
  return lines.join("\n");
}

async function writeOutput(out: string, sheets: SheetPlan[], names: WorkbookPlan["names"]): Promise<void> {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeXlsxFile({ sheets, names }, tmp); // streamed, as `check -o`
    fs.renameSync(tmp, out);
  } catch (e) {
    if (fs.existsSync(tmp)) fs.unlinkSync(tmp);
    throw e;
  }
}

export const command: CliCommand = {
  name: "summarize",
  summary:
    "Podsumowania dla urzędników: arkusze monitoringu (Podsumowanie) i wiele rejestrów uczestników (Podsumowanie naboru); " +
    "kod 2 tylko gdy żaden plik nie dał się odczytać / " +
    "officers' summaries of monitoring workbooks and many participant registers; exit 2 only when no file could be read",
  usage: USAGE,
  async run(args: string[], io: CliIO) {
    const { positional, options } = parseArgs(args, {
      values: ["card", "as-of", "output", "lang", "applicants", "max-applications"],
      flags: ["json", "force"],
      aliases: { "-o": "--output" },
    });
    if (positional.length === 0)
      throw new CliError(
        "podaj co najmniej jeden plik .xlsx lub .csv / give at least one .xlsx or .csv file",
      );
    const lang = (options.lang ?? "pl") as string;
    if (lang !== "pl" && lang !== "en") throw new CliError("--lang: pl lub en / pl or en");
    const card = loadCard(typeof options.card === "string" ? options.card : undefined, io.cwd);
    const asOf = parseAsOf(typeof options["as-of"] === "string" ? options["as-of"] : undefined);
    let maxApplications: number | undefined;
    if (typeof options["max-applications"] === "string") {
      maxApplications = Number(options["max-applications"]);
      if (!Number.isInteger(maxApplications) || maxApplications < 1)
        throw new CliError("--max-applications: liczba całkowita ≥ 1 / a whole number ≥ 1");
    }
    let applicants: Map<string, string> | undefined;
    if (typeof options.applicants === "string") {
      try {
        applicants = parseApplicantMap(
          parseCsvBytes(fs.readFileSync(path.resolve(io.cwd, options.applicants))),
        );
      } catch (e) {
        throw new CliError(
          `--applicants: nie można odczytać / cannot read ${options.applicants}: ${oneLine(e)}`,
        );
      }
    }
    const out = typeof options.output === "string" ? path.resolve(io.cwd, options.output) : null;
    if (out && fs.existsSync(out) && options.force !== true)
      throw new CliError(
        `plik ${options.output} już istnieje; użyj --force, aby go zastąpić / ${options.output} exists; use --force to replace it`,
      );
    const files = expandInputs(positional, io.cwd);
    if (files.length === 0)
      throw new CliError(
        "w podanych katalogach nie ma plików .xlsx ani .csv / no .xlsx or .csv files in the folders given",
      );
    if (out && files.some((f) => path.resolve(f) === out))
      throw new CliError(
        "plik wynikowy nie może być jednym z plików wejściowych / the output cannot be one of the inputs",
      );

    const result = await summarizeFiles(
      files.map((f) => ({ path: f, name: displayName(f, io.cwd) })),
      card,
      asOf,
      { applicants, maxApplications },
    );
    if (result.filesRead === 0) {
      // Nothing to summarise: the reasons, and exit 2 (no usage text: the command line was fine).
      io.err(formatText(result, lang));
      io.err(
        lang === "pl"
          ? "miernik summarize: żaden plik nie dał się odczytać"
          : "miernik summarize: no file could be read",
      );
      return 2;
    }
    if (out) {
      const builtAt = new Date();
      const sheets: SheetPlan[] = [];
      const names: WorkbookPlan["names"] = [];
      if (result.monitoring) {
        const m = result.monitoring.plans(lang, builtAt);
        sheets.push(...m.sheets);
        names.push(...m.names);
      }
      if (result.call) sheets.push(buildCallSummaryPlan(result.call, card, { lang, builtAt }).sheet);
      try {
        await writeOutput(out, sheets, names);
      } catch (e) {
        throw new CliError(`nie można zapisać ${options.output} / cannot write: ${oneLine(e)}`);
      }
    }
    io.out(options.json ? JSON.stringify(toJson(result, lang), null, 2) : formatText(result, lang));
    if (out && !options.json)
      io.out(lang === "pl" ? `Zapisano ${options.output}` : `Written ${options.output}`);
    return 0;
  },
};
