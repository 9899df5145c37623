import * as fs from "fs";
import * as path from "path";
import { Card } from "../../domain/card/types";
import { Lang } from "../../domain/i18n";
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
import {
  FileIdentity,
  identity,
  prepareOutput,
  readRegularFile,
  sameFile,
  writeFileAtomicWith,
} from "../files";
import { CliCommand, CliError, CliIO, InputError } from "../io";
import { readXlsxIsolated } from "../isolatedRead";
import { emptyReport, reportMessages, sanitizePlans } from "../../workbook/sanitize";

const USAGE =
  "miernik summarize <pliki .xlsx/.csv lub katalogi…> [--card rpo-wl-9.1-2016|karta.json] [--as-of RRRR-MM-DD] " +
  "[-o podsumowanie.xlsx] [--force] [--json] [--lang pl|en] [--applicants wnioskodawcy.csv] [--max-applications 2]";

const INPUT_EXT = /\.(xlsx|xlsm|csv)$/i;

/**
 * Files named on the command line; a directory stands for its .xlsx/.csv files (not recursive, sorted).
 * A file given twice (also through a symlink or a hard link) is kept once.
 */
function expandInputs(args: string[], cwd: string): string[] {
  const out: string[] = [];
  const seen: FileIdentity[] = [];
  const push = (f: string): void => {
    const id = identity(f);
    if (id && seen.some((s) => sameFile(s, id))) return;
    if (id) seen.push(id);
    out.push(f);
  };
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
      for (const n of names) push(path.join(full, n));
    } else push(full);
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
        return Promise.resolve(readRegularFile(f.path, f.name));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  }));
  return summarizeInputs(inputs, card, asOf, readXlsxIsolated, opts);
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
  // ExcelJS only when writing; streamed, as `check -o`.
  const { writeXlsxFile } = require("../../hosts/xlsx/stream") as typeof import("../../hosts/xlsx/stream");
  await writeFileAtomicWith(out, (tmp) => writeXlsxFile({ sheets, names }, tmp));
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
    const applicantsFile =
      typeof options.applicants === "string" ? path.resolve(io.cwd, options.applicants) : null;
    if (applicantsFile && typeof options.applicants === "string") {
      const bytes = readRegularFile(applicantsFile, options.applicants);
      try {
        applicants = parseApplicantMap(parseCsvBytes(bytes));
      } catch (e) {
        throw new InputError(
          `${options.applicants}: nieczytelna lista wnioskodawców / unreadable: ${oneLine(e)}`,
        );
      }
    }
    const files = expandInputs(positional, io.cwd);
    if (files.length === 0)
      throw new InputError(
        "w podanych katalogach nie ma plików .xlsx ani .csv / no .xlsx or .csv files in the folders given",
      );
    const cardFile =
      typeof options.card === "string" && options.card.toLowerCase().endsWith(".json")
        ? path.resolve(io.cwd, options.card)
        : null;
    const out =
      typeof options.output === "string"
        ? prepareOutput(options.output, io.cwd, {
            force: options.force === true,
            inputs: [...files, ...(cardFile ? [cardFile] : []), ...(applicantsFile ? [applicantsFile] : [])],
          })
        : null;
    if (options.force === true && !out)
      throw new CliError("--force działa tylko z -o / --force only goes with -o");

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
      const report = emptyReport();
      const clean = sanitizePlans(sheets, report);
      const msgs = reportMessages(options.output as string, report);
      if (msgs.refusal) throw new InputError(msgs.refusal[lang]);
      if (msgs.warning) io.err(`${lang === "pl" ? "UWAGA" : "WARNING"} ${msgs.warning[lang]}`);
      try {
        await writeOutput(out, clean, names);
      } catch (e) {
        throw new InputError(`${options.output}: nie można zapisać / cannot write: ${oneLine(e)}`);
      }
    }
    io.out(options.json ? JSON.stringify(toJson(result, lang), null, 2) : formatText(result, lang));
    if (out && !options.json)
      io.out(lang === "pl" ? `Zapisano ${options.output}` : `Written ${options.output}`);
    return 0;
  },
};
