import * as fs from "fs";
import * as path from "path";
import { Card } from "../../domain/card/types";
import { DEFAULT_MAX_APPLICATIONS_PER_APPLICANT } from "../../domain/summary/callSummary";
import { Counted, countOf, formatCount, formatDateIso, Lang, Localized, NOUNS } from "../../domain/i18n";
import { formatShare } from "../../domain/numbers";
import { parseCsvBytes } from "../../workbook/csv";
import { SheetPlan, WorkbookPlan } from "../../workbook/plan";
import { buildCallSummaryPlan, cliApplicantHint } from "../../workbook/summary/callSummary";
import { miernikSummarySheet, parseApplicantMap } from "../../workbook/summary/inputs";
import {
  SummarizeOptions,
  SummarizeResult,
  summarizeInputs,
  summaryNotes,
  SummaryInput,
} from "../../workbook/summary/summarizeInputs";
import { parseArgs } from "../args";
import { loadCard, oneLine, parseAsOf } from "../cardOptions";
import {
  cannotWrite,
  FileIdentity,
  identity,
  prepareOutput,
  readRegularFile,
  sameFile,
  writeFileAtomicWith,
} from "../files";
import { CliCommand, CliError, CliIO, InputError } from "../io";
import {
  AS_OF_OPTION,
  CARD_OPTION,
  forceOption,
  HELP_OPTION,
  JSON_OPTION,
  LANG_OPTION,
  outputOption,
} from "../options";
import { readXlsxIsolated } from "../isolatedRead";
import { emptyReport, reportMessages, sanitizePlans } from "../../workbook/sanitize";

const USAGE =
  "miernik summarize <pliki .xlsx/.csv lub katalogi…> [--card rpo-wl-9.1-2016|karta.json] [--as-of RRRR-MM-DD] " +
  "[-o podsumowanie.xlsx] [--force] [--recursive] [--json] [--lang pl|en] [--applicants wnioskodawcy.csv] [--max-applications 2]";

/**
 * The files a folder stands for: the registers and workbooks read, and the spreadsheets that cannot be
 * (.ods, .xls), so that these are listed with what to do instead of being left out without a word.
 */
const INPUT_EXT =
  /\.(xlsx|xlsm|csv|tsv|ods|xls|xltx|xltm|xlt|xlsb|fods|ots|numbers|(xlsx|xlsm|xls|csv|tsv|ods)\.(part|partial|crdownload|download|tmp))$/i;

/** A file given again (the same path, a symlink or a hard link): read once, and said so. */
export interface DuplicateInput {
  file: string;
  sameAs: string;
}

/** What a folder held besides the files read: named on stderr, as nothing is left out without a word. */
interface FolderLeftOut {
  folder: string;
  /** Subfolders (not read: without --recursive a folder's subfolders are not searched). */
  folders: string[];
  /** Files of other types (.txt, .pdf, .docx…). */
  others: string[];
}

/** A copy's marks on a file name: "x (1).xlsx" (a second download), "x - Kopia.csv", "Kopia x.csv", "Copy of x". */
const COPY_SUFFIX = /(\s*\(\d+\)|\s*[-–—]?\s*(kopia|copy)(\s*\(\d+\))?)+$/i;
const COPY_PREFIX = /^(kopia|copy of)\s+(-\s+)?/i;

/** A file name without a copy's marks ("projekt (1).xlsx" → "projekt.xlsx"). */
export function withoutCopyMarks(name: string): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  const bare = stem.replace(COPY_SUFFIX, "").replace(COPY_PREFIX, "");
  return (bare === "" ? stem : bare) + ext;
}

/**
 * The order of a folder's files: by name (Polish, numbers as numbers), a copy right after its original
 * ("projekt.xlsx", "projekt (1).xlsx", "projekt - kopia.xlsx"), so that an identical copy is the one
 * reported as the copy.
 */
export function byFileName(x: string, y: string): number {
  const cmp = (a: string, b: string): number => a.localeCompare(b, "pl", { numeric: true });
  const bx = withoutCopyMarks(x);
  const by = withoutCopyMarks(y);
  return cmp(bx, by) || x.length - bx.length - (y.length - by.length) || cmp(x, y);
}

/** How deep `--recursive` goes below a folder given (deeper folders are listed among the skipped files). */
export const MAX_FOLDER_DEPTH = 16;
/** Entries looked at when counting the spreadsheets in a subfolder that is not searched. */
const COUNT_LIMIT = 10_000;

const SPREADSHEET_FILES: Counted = {
  pl: { one: "plik arkusza", few: "pliki arkuszy", many: "plików arkuszy" },
  en: { one: "spreadsheet file", other: "spreadsheet files" },
};

/** Whether a directory entry is a folder (a symlink to one too). */
function isFolder(dir: string, d: fs.Dirent): boolean {
  if (d.isDirectory()) return true;
  if (!d.isSymbolicLink()) return false;
  try {
    return fs.statSync(path.join(dir, d.name)).isDirectory();
  } catch {
    return false;
  }
}

/** Spreadsheet files in a folder and below it (up to COUNT_LIMIT entries looked at; unreadable parts skipped). */
function countSpreadsheets(folder: string): number {
  let n = 0;
  let seen = 0;
  const stack = [folder];
  while (stack.length > 0 && seen < COUNT_LIMIT) {
    const dir = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const d of entries) {
      if (++seen > COUNT_LIMIT) break;
      if (d.name.startsWith(".")) continue;
      if (d.isDirectory()) stack.push(path.join(dir, d.name));
      else if (INPUT_EXT.test(d.name)) n++;
    }
  }
  return n;
}

/**
 * Files named on the command line; a folder stands for its spreadsheet files (sorted), with --recursive also
 * those of its subfolders (each folder's files, then its subfolders'). A file given twice (also through a
 * symlink or a hard link) is kept once; the repeats are returned. A subfolder not searched that holds
 * spreadsheets is listed among the skipped files with the fix, so the summary itself says it.
 */
function expandInputs(
  args: string[],
  cwd: string,
  recursive = false,
): {
  files: string[];
  duplicates: DuplicateInput[];
  leftOut: FolderLeftOut[];
  /** Folders that could not be listed, or were not searched, with the reason (listed among the skipped files). */
  unlisted: { folder: string; reason: Localized }[];
  /** Files found by searching a folder (not named on the command line). */
  found: Set<string>;
} {
  const out: string[] = [];
  const leftOut: FolderLeftOut[] = [];
  const unlisted: { folder: string; reason: Localized }[] = [];
  const seen: { id: FileIdentity; file: string }[] = [];
  const duplicates: DuplicateInput[] = [];
  const found = new Set<string>();
  const push = (f: string): void => {
    const id = identity(f);
    const first = id ? seen.find((s) => sameFile(s.id, id)) : undefined;
    if (first) {
      duplicates.push({ file: f, sameAs: first.file });
      return;
    }
    if (id) seen.push({ id, file: f });
    out.push(f);
  };
  /** Real paths of the folders searched: a link back up the tree is not followed again. */
  const searched = new Set<string>();
  const walk = (full: string, depth: number): void => {
    let real = full;
    try {
      real = fs.realpathSync(full);
    } catch {
      // listed below with the reason readdir gives
    }
    if (searched.has(real)) return;
    searched.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(full, { withFileTypes: true });
    } catch (e) {
      const denied = ["EACCES", "EPERM"].includes((e as { code?: string }).code ?? "");
      unlisted.push({
        folder: full,
        reason: denied
          ? {
              pl: "nie można odczytać folderu: brak uprawnień",
              en: "cannot list the folder: permission denied",
            }
          : {
              pl: `nie można odczytać folderu: ${oneLine(e)}`,
              en: `cannot list the folder: ${oneLine(e)}`,
            },
      });
      return;
    }
    const visible = entries.filter((d) => !d.name.startsWith("."));
    // A folder named like a spreadsheet ("projekt.xlsx/") is given to the reader, which says what it is,
    // unless it is searched (--recursive).
    const searchedHere = (d: fs.Dirent): boolean =>
      isFolder(full, d) && (recursive || !INPUT_EXT.test(d.name));
    const subfolders = visible
      .filter(searchedHere)
      .map((d) => d.name)
      .sort(byFileName);
    const names = visible
      .filter((d) => !searchedHere(d) && INPUT_EXT.test(d.name))
      .map((d) => d.name)
      .sort(byFileName);
    const others = visible
      .filter((d) => !isFolder(full, d) && !INPUT_EXT.test(d.name))
      .map((d) => d.name)
      .sort(byFileName);
    const folders = recursive ? [] : subfolders;
    if (folders.length + others.length > 0) leftOut.push({ folder: full, folders, others });
    for (const n of names) {
      found.add(path.join(full, n));
      push(path.join(full, n));
    }
    for (const sub of subfolders) {
      const subPath = path.join(full, sub);
      if (recursive && depth < MAX_FOLDER_DEPTH) {
        walk(subPath, depth + 1);
        continue;
      }
      // Not searched: said in the summary too (not only on stderr) when it holds spreadsheets.
      const n = countSpreadsheets(subPath);
      if (n === 0) continue;
      const count = (lang: Lang): string => countOf(n, SPREADSHEET_FILES, lang);
      unlisted.push({
        folder: subPath,
        reason: recursive
          ? {
              pl: `podfolder głębiej niż ${MAX_FOLDER_DEPTH} poziomów — nieprzeszukany (${count("pl")}): podaj go osobno`,
              en: `a subfolder deeper than ${MAX_FOLDER_DEPTH} levels — not searched (${count("en")}): give it on its own`,
            }
          : {
              pl: `podfolder — nieprzeszukany (${count("pl")}): dodaj --recursive, żeby podsumować też podfoldery, albo podaj ten folder osobno`,
              en: `a subfolder — not searched (${count("en")}): add --recursive to summarise subfolders too, or give this folder on its own`,
            },
      });
    }
  };
  for (const a of args) {
    const full = path.resolve(cwd, a);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = null;
    }
    if (stat && stat.isDirectory()) walk(full, 0);
    else push(full);
  }
  return { files: out, duplicates, leftOut, unlisted, found };
}

const FOLDERS: Counted = {
  pl: { one: "podfolder", few: "podfoldery", many: "podfolderów" },
  en: { one: "subfolder", other: "subfolders" },
};
const OTHER_FILES: Counted = {
  pl: { one: "plik innego typu", few: "pliki innego typu", many: "plików innego typu" },
  en: { one: "file of another type", other: "files of other types" },
};

/** "2024, 2025" — at most five names, then "…". */
function someNames(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(", ")}, …` : names.join(", ");
}

/** The stderr note of what a folder held besides spreadsheets (subfolders are not searched). */
function leftOutNote(l: FolderLeftOut, display: string, lang: Lang, recursive: boolean): string {
  const parts: string[] = [];
  if (l.folders.length > 0)
    parts.push(`${countOf(l.folders.length, FOLDERS, lang)} (${someNames(l.folders)})`);
  if (l.others.length > 0)
    parts.push(`${countOf(l.others.length, OTHER_FILES, lang)} (${someNames(l.others)})`);
  if (recursive)
    return lang === "pl"
      ? `UWAGA ${display}: pominięto ${parts.join(" i ")} — czytane są pliki .xlsx, .xlsm, .csv i .tsv`
      : `WARNING ${display}: left out ${parts.join(" and ")}; .xlsx, .xlsm, .csv and .tsv files are read`;
  return lang === "pl"
    ? `UWAGA ${display}: pominięto ${parts.join(" i ")} — czytane są pliki .xlsx, .xlsm, .csv i .tsv tego folderu, bez podfolderów (z podfolderami: --recursive)`
    : `WARNING ${display}: left out ${parts.join(" and ")}; the folder's .xlsx, .xlsm, .csv and .tsv files are read, not its subfolders (with subfolders: --recursive)`;
}

/** How a file is named in the summary: its path relative to the working directory. */
function displayName(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

export type { SummarizeResult };

/**
 * The file among those a folder search found that is the output `target` and a summary Miernik wrote (so
 * the run replaces it); null otherwise — a register named as the output stays an input, and is refused.
 */
async function priorSummary(files: string[], found: Set<string>, target: string): Promise<string | null> {
  const id = identity(target);
  if (!id) return null;
  const prior = files.find((f) => {
    const fid = found.has(f) ? identity(f) : null;
    return fid !== null && sameFile(fid, id);
  });
  if (!prior || !/\.xlsx$/i.test(prior)) return null;
  try {
    const cells = await readXlsxIsolated(readRegularFile(prior, prior));
    return miernikSummarySheet(cells) !== null ? prior : null;
  } catch {
    return null;
  }
}

/** Files on disk → `summarizeInputs` (the same reading the task pane does over picked files). */
export async function summarizeFiles(
  /** `error`: a folder that could not be listed — listed among the skipped files with that reason. */
  files: { path: string; name: string; error?: Localized }[],
  card: Card,
  asOf: number,
  opts: SummarizeOptions = {},
): Promise<SummarizeResult> {
  const inputs: SummaryInput[] = files.map((f) => ({
    name: f.name,
    read: () => {
      if (f.error) return Promise.reject(Object.assign(new Error(f.error.en), { reason: f.error }));
      try {
        return Promise.resolve(readRegularFile(f.path, f.name));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  }));
  return summarizeInputs(inputs, card, asOf, readXlsxIsolated, opts);
}

const PESELS: Counted = {
  pl: { one: "numer PESEL", few: "numery PESEL", many: "numerów PESEL" },
  en: { one: "PESEL", other: "PESELs" },
};
const PARTICIPANTS: Counted = {
  pl: { one: "uczestnik", few: "uczestnicy", many: "uczestników" },
  en: { one: "participant", other: "participants" },
};

const pct = formatShare;

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
        // `allRequiredMet` as in `check --json` and `plan --json`; `requiredMet` kept for existing readers.
        allRequiredMet: p.requiredMet,
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
    ignoredCells: r.ignoredCells,
    repeatedHeaders: r.repeatedHeaders.map((h) => ({
      file: h.file,
      sheet: h.sheet,
      header: h.register,
      read: h.read,
      skipped: h.skipped,
      message: h.message[lang],
    })),
  };
}

/** A readable report. */
export function formatText(r: SummarizeResult, lang: Lang): string {
  const pl = lang === "pl";
  const n = (v: number | null | undefined): string =>
    v === null || v === undefined ? "—" : formatCount(v, lang);
  const lines: string[] = [];
  const c = r.call;
  if (c) {
    const asOf = formatDateIso(c.asOf, lang);
    lines.push(
      pl
        ? `Podsumowanie naboru (${c.card}, stan na ${asOf}): projektów ${n(c.projects.length)}, uczestników ${n(c.participants)}`
        : `Call summary (${c.card}, as of ${asOf}): ${countOf(c.projects.length, NOUNS.project, lang)}, ${countOf(c.participants, PARTICIPANTS, lang)}`,
    );
    for (const t of c.totals) {
      const id = t.id.replace(/^(product|result)\./, "");
      lines.push(
        t.kind === "product"
          ? `  ${id.padEnd(3)} ${n(t.numerator).padStart(7)} / ${n(t.target).padStart(7)}  ${pct(t.reached, lang, 1).padStart(7)}`
          : `  ${id.padEnd(3)} ${`${n(t.numerator)}/${n(t.denominator)}`.padStart(15)} = ${pct(t.value, lang, t.target).padStart(6)} (${pl ? "cel" : "target"} ${pct(t.target, lang)})  ${pct(t.reached, lang, 1).padStart(7)}`,
      );
    }
    const notMet = c.projects.filter((p) => !p.requiredMet).length;
    lines.push(
      pl
        ? `  projekty niespełniające kryteriów obowiązkowych: ${n(notMet)}`
        : `  projects failing a required criterion: ${n(notMet)}`,
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
          ? `  UWAGA: ${countOf(c.sharedPesels.length, PESELS, "pl")} w więcej niż jednym projekcie`
          : `  FLAG: ${countOf(c.sharedPesels.length, PESELS, "en")} in more than one project`,
      );
  }
  if (r.monitoring) lines.push(...r.monitoring.text(lang));
  lines.push(...skippedLines(r, lang));
  return lines.join("\n");
}

/** The files left out, each with its reason (none: no lines). */
function skippedLines(r: SummarizeResult, lang: Lang): string[] {
  if (r.problems.length === 0) return [];
  return [
    lang === "pl" ? `Pliki pominięte (${r.problems.length}):` : `Files skipped (${r.problems.length}):`,
    ...r.problems.map((p) => `  ${p.file}: ${p.reason[lang]}`),
  ];
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
  options: [
    CARD_OPTION,
    AS_OF_OPTION,
    outputOption(
      "podsumowanie.xlsx",
      "zapisz arkusze Podsumowanie (monitoring) i Podsumowanie naboru (rejestry) do pliku .xlsx",
      "write the Podsumowanie (monitoring) and Podsumowanie naboru (registers) sheets to an .xlsx file",
    ),
    forceOption(true),
    JSON_OPTION,
    LANG_OPTION,
    {
      name: "--applicants <wnioskodawcy.csv>",
      pl: "CSV: plik;wnioskodawca — wnioskodawca plików, które go nie podają",
      en: "a CSV of file;applicant — the applicant of files that do not name one",
    },
    {
      name: `--max-applications <${DEFAULT_MAX_APPLICATIONS_PER_APPLICANT}>`,
      pl: `ile wniosków może złożyć jeden wnioskodawca (liczba całkowita ≥ 1; domyślnie ${DEFAULT_MAX_APPLICATIONS_PER_APPLICANT}); więcej: UWAGA`,
      en: `how many applications one applicant may file (a whole number ≥ 1; ${DEFAULT_MAX_APPLICATIONS_PER_APPLICANT} by default); more: a flag`,
    },
    {
      name: "--recursive",
      pl: "przeszukaj też podfoldery podanych folderów (np. jeden podfolder na urząd pracy lub projekt)",
      en: "search the subfolders of the folders given too (e.g. one subfolder per labour office or project)",
    },
    HELP_OPTION,
  ],
  async run(args: string[], io: CliIO) {
    const { positional, options } = parseArgs(args, {
      values: ["card", "as-of", "output", "lang", "applicants", "max-applications"],
      flags: ["json", "force", "recursive"],
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
    const expanded = expandInputs(positional, io.cwd, options.recursive === true);
    const { duplicates, leftOut, unlisted } = expanded;
    let files = expanded.files;
    // `-o nabór/podsumowanie.xlsx` run again: the earlier summary, found in the folder, is the file being
    // replaced, not an input (read, it would only be left out; as an input, the output would be refused).
    if (typeof options.output === "string") {
      const prior = await priorSummary(files, expanded.found, path.resolve(io.cwd, options.output));
      if (prior) {
        files = files.filter((f) => f !== prior);
        const f = displayName(prior, io.cwd);
        io.err(
          lang === "pl"
            ? `UWAGA ${f}: to plik wynikowy (-o), poprzednie podsumowanie — nie czytany jako dane`
            : `WARNING ${f}: the output (-o), an earlier summary — not read as data`,
        );
      }
    }
    for (const l of leftOut)
      io.err(leftOutNote(l, displayName(l.folder, io.cwd) || ".", lang, options.recursive === true));
    // Never silently: a file given again is named, with the one it repeats (stderr; --json carries it too).
    for (const d of duplicates) {
      const f = displayName(d.file, io.cwd);
      const same = displayName(d.sameAs, io.cwd);
      io.err(
        lang === "pl"
          ? `UWAGA ${f}: ${f === same ? "podany ponownie" : `to ten sam plik co ${same}`} — policzony raz`
          : `WARNING ${f}: ${f === same ? "given again" : `the same file as ${same}`}; counted once`,
      );
    }
    if (files.length === 0 && unlisted.length === 0)
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
      [
        ...unlisted.map((u) => ({ path: u.folder, name: displayName(u.folder, io.cwd), error: u.reason })),
        ...files.map((f) => ({ path: f, name: displayName(f, io.cwd) })),
      ],
      card,
      asOf,
      { applicants, maxApplications },
    );
    // Summarised, but something was left out (a stray value far from the data, the other columns of a
    // repeated header): said, naming the file, sheet and cell or columns.
    for (const n of summaryNotes(result))
      io.err(`${lang === "pl" ? "UWAGA" : "WARNING"} ${n.file}: ${n.message[lang]}`);
    if (result.filesRead === 0) {
      // Nothing to summarise: the reasons alone (a table of zeros would read as a summary), and exit 2
      // (no usage text: the command line was fine).
      io.err(skippedLines(result, lang).join("\n"));
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
      if (result.call)
        sheets.push(
          buildCallSummaryPlan(result.call, card, { lang, builtAt, applicantHint: cliApplicantHint(card) })
            .sheet,
        );
      const report = emptyReport();
      const clean = sanitizePlans(sheets, report);
      const msgs = reportMessages(options.output as string, report);
      if (msgs.refusal) throw new InputError(msgs.refusal[lang]);
      if (msgs.warning) io.err(`${lang === "pl" ? "UWAGA" : "WARNING"} ${msgs.warning[lang]}`);
      try {
        await writeOutput(out, clean, names);
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw cannotWrite(options.output as string, out, e);
      }
    }
    const repeated = duplicates.map((d) => ({
      file: displayName(d.file, io.cwd),
      sameAs: displayName(d.sameAs, io.cwd),
    }));
    // What the folders held besides the files read (on stderr too): a script sees it was left out.
    const leftOutJson = leftOut.map((l) => ({
      folder: displayName(l.folder, io.cwd) || ".",
      folders: l.folders,
      others: l.others,
    }));
    io.out(
      options.json
        ? JSON.stringify(
            { ...(toJson(result, lang) as object), duplicates: repeated, leftOut: leftOutJson },
            null,
            2,
          )
        : formatText(result, lang),
    );
    if (out && !options.json)
      io.out(lang === "pl" ? `Zapisano ${options.output}` : `Written ${options.output}`);
    return 0;
  },
};
