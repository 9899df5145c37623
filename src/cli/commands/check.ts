import * as path from "path";
import { Card, Evaluation } from "../../domain/card/types";
import { allRequiredMet } from "../../domain/card/evaluate";
import { Counted, countOf, formatCount, formatDateIso, Lang } from "../../domain/i18n";
import { formatShare } from "../../domain/numbers";
import { checkAndEvaluate } from "../../domain/register/engine";
import { SheetCells } from "../../workbook/cells";
import { emptyReport, reportMessages, sanitizeSheetCells, xmlSafe } from "../../workbook/sanitize";
import { findApplicant } from "../../workbook/summary/inputs";
import {
  ColumnMapping,
  csvSheetFromBytes,
  readRegisterSheet,
  readRegisterWorkbook,
  RegisterReadError,
  RegisterRows,
  repeatedHeaderNotes,
} from "../../workbook/register/reader";
import { parseArgs } from "../args";
import { loadCard, parseAsOf } from "../cardOptions";
import { cannotWrite, prepareOutput, readRegularFile } from "../files";
import { ignoredWarning, readWorkbookFile, refuseOtherFormats } from "../inputFiles";
import { CliCommand, CliError, InputError } from "../io";
import {
  AS_OF_OPTION,
  CARD_OPTION,
  forceOption,
  HELP_OPTION,
  JSON_OPTION,
  LANG_OPTION,
  outputOption,
} from "../options";
import { isDelimitedTextName } from "../../workbook/csv";
import { criteriaCellMap } from "../../workbook/criteria/plan";

const USAGE =
  "miernik check <plik.xlsx|plik.csv> [--card rpo-wl-9.1-2016|karta.json] [--as-of RRRR-MM-DD] [--json] [--verbose] [--lang pl|en] [-o wynik.xlsx] [--force] [--applicant nazwa]";

type WriteCheckWorkbook = (
  out: string,
  participants: SheetCells,
  card: Card,
  asOf: number,
  lang: Lang,
  applicant: string | null,
) => Promise<void>;

/** The -o writer of issue 5 (src/cli/checkOutput.ts), when present in this build. */
function checkOutputWriter(): WriteCheckWorkbook | null {
  try {
    const m = require("../checkOutput") as { writeCheckWorkbook?: WriteCheckWorkbook };
    return typeof m.writeCheckWorkbook === "function" ? m.writeCheckWorkbook : null;
  } catch {
    return null;
  }
}

export async function readRegisterFile(
  file: string,
  display: string = file,
  lang: Lang = "pl",
): Promise<SheetCells> {
  return (await readRegisterInput(file, display, lang)).sheet;
}

/** The register's sheet and the applicant the file names (`Wnioskodawca:` above the table or on any sheet). */
export interface RegisterInput {
  sheet: SheetCells;
  applicant: string | null;
}

export async function readRegisterInput(
  file: string,
  display: string = file,
  lang: Lang = "pl",
): Promise<RegisterInput> {
  if (isDelimitedTextName(file)) {
    refuseOtherFormats(file, display, lang);
    const bytes = readRegularFile(file, display);
    // Said as for an empty .xlsx, not as a missing header row of a sheet the CSV does not have.
    if (bytes.length === 0)
      throw new InputError(
        lang === "pl"
          ? `${display}: pusty plik (0 bajtów) — zapisz rejestr uczestników jako .csv lub .xlsx`
          : `${display}: empty file (0 bytes) — save the participant register as .csv or .xlsx`,
      );
    const sheet = csvSheetFromBytes(bytes);
    return { sheet, applicant: findApplicant({ sheets: [sheet] }) };
  }
  const wb = await readWorkbookFile(file, display, lang);
  const picked = readRegisterWorkbook(wb);
  const sheet = wb.sheets.find((s) => s.name === picked.sheet);
  if (!sheet)
    throw InputError.of(`${display}: brak arkusza ${picked.sheet}`, `${display}: no sheet ${picked.sheet}`);
  // Where `miernik summarize` finds it (the register's title rows, a cover sheet, a check -o workbook).
  return { sheet, applicant: findApplicant(wb) };
}

/** --applicant, else the file's; control characters XML cannot hold removed. */
export function applicantOf(option: string | undefined, fromFile: string | null): string | null {
  const name = xmlSafe(option ?? fromFile ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return name === "" ? null : name;
}

/** `columnMapping` of --json: each header cell of the file and the register column it fed (null: ignored). */
export function mappingJson(columns: readonly ColumnMapping[]): unknown {
  return columns.map((c) => ({ fileColumn: c.fileColumn, file: c.file, register: c.register, via: c.via }));
}

/** --verbose: how the file was read and which file column fed which register column. */
export function formatMapping(read: RegisterRows, lang: Lang): string {
  const pl = lang === "pl";
  const lines: string[] = [];
  if (read.csv)
    lines.push(
      pl
        ? `Plik CSV: kodowanie ${read.csv.encoding}${read.csv.encodingCertain ? "" : ` (rozpoznane spośród: ${read.csv.tried.join(", ")})`}, separator ${read.csv.separator}`
        : `CSV file: encoding ${read.csv.encoding}${read.csv.encodingCertain ? "" : ` (chosen among ${read.csv.tried.join(", ")})`}, separator ${read.csv.separator}`,
    );
  // A CSV has no sheet (its cells are named "Uczestnicy" inside Miernik only): its line, not a sheet, is named.
  lines.push(
    read.csv
      ? pl
        ? `Kolumny pliku (wiersz nagłówków ${read.headerRow}):`
        : `File columns (header row ${read.headerRow}):`
      : pl
        ? `Kolumny pliku (arkusz „${read.sheet}”, wiersz nagłówków ${read.headerRow}):`
        : `File columns (sheet “${read.sheet}”, header row ${read.headerRow}):`,
  );
  const via: Record<ColumnMapping["via"], [string, string]> = {
    header: ["", ""],
    synonym: [" (synonim)", " (synonym)"],
    position: [" (wg położenia)", " (by position)"],
    duplicate: ["pominięta — powtórzony nagłówek", "ignored — repeated header"],
    ignored: ["pominięta", "ignored"],
  };
  for (const c of read.columns) {
    const target =
      c.register === null || c.via === "duplicate"
        ? via[c.via][pl ? 0 : 1]
        : `→ ${c.register}${via[c.via][pl ? 0 : 1]}`;
    lines.push(`  ${c.fileColumn}  „${c.file}” ${target}`);
  }
  return lines.join("\n");
}

/**
 * A header the file repeats is read from one column only (chosen by its position, as in an export): said, with
 * the columns left out (`repeatedHeaderNotes`).
 */
export function repeatedHeaderWarnings(display: string, read: RegisterRows, lang: Lang): string[] {
  const warn = lang === "pl" ? "UWAGA" : "WARNING";
  return repeatedHeaderNotes(read).map((r) => `${warn} ${display}: ${r.message[lang]}`);
}

/** Pending participants (ended, no job yet, window still open) of each effectiveness criterion's group. */
export function pendingByGroup(e: Evaluation, card: Card): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of e.criteria) {
    const group = card.criteria.find((x) => x.id === c.id)?.group;
    if (group !== undefined && c.pending !== undefined) out[group] = c.pending;
  }
  return out;
}

/** Points of the premium criteria met (the table's "Punkty za kryteria premiujące"). */
function premiumPoints(e: Evaluation): number {
  return e.criteria.reduce((s, c) => s + (c.kind === "premium" && c.points ? c.points : 0), 0);
}

/**
 * The --json shape of the issue; `card` (when given) adds the parameters used and pending per group,
 * `columns` which file column fed each register column. `allRequiredMet` (the exit code's verdict) and
 * `premiumPoints` are named as in `miernik plan --json`.
 */
export function toJson(e: Evaluation, lang: Lang, card?: Card, columns?: readonly ColumnMapping[]): unknown {
  return {
    card: e.card,
    asOf: e.asOf,
    participants: e.participants,
    pending: e.pending,
    allRequiredMet: allRequiredMet(e),
    premiumPoints: premiumPoints(e),
    ...(card ? { parameters: { ...card.parameters }, pendingByGroup: pendingByGroup(e, card) } : {}),
    criteria: e.criteria.map((c) => ({
      id: c.id,
      kind: c.kind,
      numerator: c.numerator,
      denominator: c.denominator,
      share: c.share,
      threshold: c.threshold,
      met: c.met,
      points: c.points,
      shortfall: c.shortfall,
      target: c.target ?? null,
      ...(c.pending !== undefined ? { pending: c.pending } : {}),
    })),
    rowIssues: e.rowIssues.map((i) => ({
      row: i.row,
      column: i.column,
      rule: i.rule,
      severity: i.severity,
      message: i.message[lang],
    })),
    ...(columns ? { columnMapping: mappingJson(columns) } : {}),
  };
}

const pct = formatShare;

/** Section headings of the criteria table, in the card's order of kinds. */
const KIND_HEADINGS: Record<Evaluation["criteria"][number]["kind"], { pl: string; en: string }> = {
  formal: { pl: "Kryteria formalne", en: "Formal criteria" },
  effectiveness: { pl: "Kryteria efektywności zatrudnieniowej", en: "Employment effectiveness criteria" },
  premium: { pl: "Kryteria premiujące", en: "Premium criteria" },
  result: { pl: "Wskaźniki rezultatu", en: "Result indicators" },
  product: { pl: "Wskaźniki produktu", en: "Output indicators" },
};

const ERRORS: Counted = {
  pl: { one: "błąd", few: "błędy", many: "błędów" },
  en: { one: "error", other: "errors" },
};
const WARNINGS: Counted = {
  pl: { one: "ostrzeżenie", few: "ostrzeżenia", many: "ostrzeżeń" },
  en: { one: "warning", other: "warnings" },
};

/**
 * A readable table: one line per criterion, then the row issues. Counts as people read them (1 875 in
 * Polish, 1,875 in English), the date dd.mm.rrrr in Polish and ISO in English (as the pane shows them).
 */
/** Where the register was read: the file, its sheet (null for a CSV) and which file column fed which register column. */
export interface ReadPlace {
  file: string;
  sheet: string | null;
  columns: readonly ColumnMapping[];
  /** The applicant the file names (or --applicant); printed under the title when known. */
  applicant?: string | null;
}

export function formatTable(e: Evaluation, card: Card, lang: Lang, place?: ReadPlace): string {
  const pl = lang === "pl";
  const n = (v: number): string => formatCount(v, lang);
  const lines: string[] = [];
  lines.push(`${card.title[lang]}`);
  if (place?.applicant) lines.push(`${pl ? "Wnioskodawca" : "Applicant"}: ${place.applicant}`);
  lines.push(
    pl
      ? `Stan na ${formatDateIso(e.asOf, lang)} · uczestników: ${n(e.participants)} · oczekujących na wynik: ${n(e.pending)}`
      : `As of ${formatDateIso(e.asOf, lang)} · participants: ${n(e.participants)} · pending: ${n(e.pending)}`,
  );
  // An empty template (or the wrong sheet): every share "nie dotyczy" would otherwise be all it says.
  if (e.participants === 0 && e.rowIssues.length === 0)
    lines.push(
      pl
        ? `Brak uczestników: pod wierszem nagłówków ${place ? `pliku „${place.file}” ` : ""}nie ma żadnego wiersza z danymi — kryteria udziałów „nie dotyczą”. Sprawdź, czy to właściwy plik i arkusz.`
        : `No participants: there is no data row under the header row${place ? ` of “${place.file}”` : ""} — the share criteria are “n/a”. Check that this is the right file and sheet.`,
    );
  lines.push("");
  const metText = (m: boolean | null): string =>
    m === null ? (pl ? "nie dotyczy" : "n/a") : m ? (pl ? "TAK" : "YES") : pl ? "NIE" : "NO";
  // The card's code first (as the call's documents and the criteria sheet name them), the figures, and the
  // criterion's wording last and unpadded: a terminal narrower than the line wraps only the wording.
  const head = pl
    ? [
        "Kod",
        "Licznik",
        "Mianownik",
        "Udział",
        "Próg",
        "Spełnione",
        "Punkty",
        "Brakuje",
        "Oczekujący",
        "Kryterium",
      ]
    : [
        "Code",
        "Numerator",
        "Denominator",
        "Share",
        "Threshold",
        "Met",
        "Points",
        "Shortfall",
        "Pending",
        "Criterion",
      ];
  const codeOf = new Map(card.criteria.map((c) => [c.id, c.code]));
  const row = (c: Evaluation["criteria"][number]): string[] => {
    const code = codeOf.get(c.id) ?? c.id;
    // "A1. Liczba osób…": the code is in its own column already.
    const label = c.label[lang].startsWith(`${code}. `)
      ? c.label[lang].slice(code.length + 2)
      : c.label[lang];
    return [
      code,
      n(c.numerator),
      c.denominator === null ? "—" : n(c.denominator),
      c.denominator === null ? "—" : pct(c.share, lang, c.threshold),
      c.kind === "product"
        ? c.target === undefined || c.target === null
          ? "—"
          : n(c.target)
        : c.threshold === null
          ? "—"
          : c.denominator === null
            ? n(c.threshold)
            : pct(c.threshold, lang),
      c.kind === "product" ? "—" : metText(c.met),
      c.kind === "premium" ? (c.points === null ? "—" : String(c.points)) : "",
      c.shortfall === null ? "—" : n(c.shortfall),
      c.pending === undefined ? "" : n(c.pending),
      label,
    ];
  };
  const rows = e.criteria.map(row);
  const last = head.length - 1;
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const fmt = (r: string[]): string =>
    r
      .map((v, j) => (j === last ? v : j === 0 ? v.padEnd(widths[j]) : v.padStart(widths[j])))
      .join("  ")
      .trimEnd();
  lines.push(fmt(head));
  let kind: string | null = null;
  e.criteria.forEach((c, i) => {
    if (c.kind !== kind) {
      kind = c.kind;
      lines.push(KIND_HEADINGS[c.kind][lang]);
    }
    lines.push(fmt(rows[i]));
  });
  if (e.criteria.some((c) => c.denominator !== null && (c.threshold ?? 0) >= 1 && (c.shortfall ?? 0) > 0))
    lines.push(
      pl
        ? "Brakuje przy progu 100%: uczestnicy, którzy nie spełniają warunku (dopisanie nowych osób go nie spełni)."
        : "Shortfall at a 100% threshold: the participants who do not meet it (adding people cannot meet it).",
    );
  if (e.criteria.some((c) => c.kind === "premium" && c.points === null))
    lines.push(
      pl
        ? "Punkty „—”: karta naboru nie podaje punktów za to kryterium."
        : "Points “—”: the call's card states no points for this criterion.",
    );
  const points = premiumPoints(e);
  lines.push("", pl ? `Punkty za kryteria premiujące: ${points}` : `Premium points: ${points}`);
  if (e.rowIssues.length > 0) {
    const errors = e.rowIssues.filter((i) => i.severity === "error").length;
    const counts = `${countOf(errors, ERRORS, lang)}, ${countOf(e.rowIssues.length - errors, WARNINGS, lang)}`;
    // The file (and sheet) once, then each issue's cell as the file has it ("D7": the column the PESEL came
    // from, the row of the sheet or CSV line), so a person goes straight to it.
    const where = place
      ? pl
        ? ` — plik „${place.file}”${place.sheet ? `, arkusz „${place.sheet}”` : ""}`
        : ` — file “${place.file}”${place.sheet ? `, sheet “${place.sheet}”` : ""}`
      : "";
    lines.push(
      "",
      pl
        ? `Problemy w wierszach (${n(e.rowIssues.length)}: ${counts})${where}:`
        : `Row problems (${n(e.rowIssues.length)}: ${counts})${where}:`,
    );
    const letter = new Map<string, string>();
    for (const c of place?.columns ?? [])
      if (c.register !== null && (c.via === "header" || c.via === "synonym" || c.via === "position"))
        letter.set(c.register, c.fileColumn);
    const severity = (s: string): string =>
      s === "error" ? (pl ? "BŁĄD" : "ERROR") : pl ? "UWAGA" : "WARNING";
    for (const i of e.rowIssues) {
      const col = i.column ? letter.get(i.column) : undefined;
      lines.push(
        `  ${pl ? "wiersz" : "row"} ${i.row}${col ? ` · ${col}${i.row}` : ""}${i.column ? ` · ${i.column}` : ""} · ${severity(i.severity)} · ${i.rule}: ${i.message[lang]}`,
      );
    }
  }
  lines.push(
    "",
    allRequiredMet(e)
      ? pl
        ? "Wszystkie kryteria formalne i efektywności spełnione lub nie dotyczą."
        : "Every formal and effectiveness criterion is met or not applicable."
      : pl
        ? "Nie wszystkie kryteria formalne i efektywności są spełnione."
        : "Not every formal and effectiveness criterion is met.",
  );
  return lines.join("\n");
}

export const command: CliCommand = {
  name: "check",
  summary:
    "Sprawdza rejestr uczestników i kryteria karty naboru (kod 0: spełnione, 1: niespełnione, 2: nieczytelne dane lub karta) / " +
    "checks the participant register against a call's criteria card (exit 0 met, 1 not met, 2 unreadable input or bad card)",
  usage: USAGE,
  options: [
    CARD_OPTION,
    AS_OF_OPTION,
    JSON_OPTION,
    {
      name: "--verbose",
      pl: "najpierw: jak odczytano plik (kodowanie i separator CSV) i która kolumna pliku trafiła do której kolumny rejestru",
      en: "first: how the file was read (CSV encoding, separator) and which file column fed which register column",
    },
    LANG_OPTION,
    {
      name: "--applicant <nazwa>",
      pl: "wnioskodawca wpisany w arkuszu kryteriów (-o), gdy plik go nie podaje (komórka „Wnioskodawca:” nad tabelą); z niego czyta go miernik summarize",
      en: "the applicant written on the criteria sheet (-o) when the file names none (a “Wnioskodawca:” cell above the table); miernik summarize reads it there",
    },
    outputOption(
      "wynik.xlsx",
      "zapisz skoroszyt z rejestrem (Uczestnicy), słownikami i arkuszem kryteriów z formułami",
      "write the workbook with the register (Uczestnicy), the lists and the criteria sheet with formulas",
    ),
    forceOption(true),
    HELP_OPTION,
  ],
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      values: ["card", "as-of", "lang", "output", "applicant"],
      flags: ["json", "verbose", "force"],
      aliases: { "-o": "--output" },
    });
    // The writer (and ExcelJS with it) is loaded only when -o is given.
    const writer = typeof options.output === "string" ? checkOutputWriter() : null;
    if (typeof options.output === "string" && !writer)
      throw new CliError("-o: ta wersja nie zapisuje skoroszytu / this build cannot write the workbook");
    if (positional.length !== 1)
      throw new CliError("podaj jeden plik .xlsx lub .csv / give one .xlsx or .csv file");
    const lang = (options.lang ?? "pl") as string;
    if (lang !== "pl" && lang !== "en") throw new CliError(`--lang: pl lub en / pl or en`);
    const card = loadCard(typeof options.card === "string" ? options.card : undefined, io.cwd);
    const asOf = parseAsOf(typeof options["as-of"] === "string" ? options["as-of"] : undefined);
    const file = path.resolve(io.cwd, positional[0]);
    const display = positional[0];
    const cardFile =
      typeof options.card === "string" && options.card.toLowerCase().endsWith(".json")
        ? path.resolve(io.cwd, options.card)
        : null;
    const out =
      writer && typeof options.output === "string"
        ? prepareOutput(options.output, io.cwd, {
            force: options.force === true,
            inputs: [file, ...(cardFile ? [cardFile] : [])],
          })
        : null;
    if (options.force === true && !out)
      throw new CliError("--force działa tylko z -o / --force only goes with -o");
    if (typeof options.applicant === "string" && options.applicant.trim() === "")
      throw new CliError(
        lang === "pl"
          ? '--applicant: podaj nazwę wnioskodawcy (np. --applicant "Fundacja Przykład")'
          : '--applicant: give the applicant\'s name (e.g. --applicant "Example Foundation")',
      );
    let sheet: SheetCells;
    let read: RegisterRows;
    let fileApplicant: string | null;
    try {
      ({ sheet, applicant: fileApplicant } = await readRegisterInput(file, display, lang));
      read = readRegisterSheet(sheet);
    } catch (e) {
      if (e instanceof RegisterReadError) throw new InputError(`${display}: ${lang === "pl" ? e.pl : e.en}`);
      throw e;
    }
    const ignored = ignoredWarning(display, sheet, lang);
    if (ignored) io.err(ignored);
    for (const w of repeatedHeaderWarnings(display, read, lang)) io.err(w);
    const evaluation = checkAndEvaluate(read.rows, card, asOf);
    const applicant = applicantOf(
      typeof options.applicant === "string" ? options.applicant : undefined,
      fileApplicant,
    );
    if (writer && out) {
      const report = emptyReport();
      const clean = sanitizeSheetCells(sheet, report);
      const msgs = reportMessages(display, report);
      if (msgs.refusal)
        throw new InputError(
          `${msgs.refusal[lang]}; ${lang === "pl" ? "nie zapisano" : "not written"} ${options.output}`,
        );
      if (msgs.warning) io.err(`${lang === "pl" ? "UWAGA" : "WARNING"} ${msgs.warning[lang]}`);
      // Without one the criteria sheet's applicant cell is left to type in; said, since the call summary
      // (miernik summarize) would list the project's applicant as "—".
      if (!applicant)
        io.err(
          lang === "pl"
            ? `UWAGA ${display}: plik nie podaje wnioskodawcy (komórka „Wnioskodawca:” nad tabelą) — w ${String(options.output)} pole „Wnioskodawca:” (arkusz „${card.sheetName}”, ${criteriaCellMap(card).applicant}) jest puste i podsumowanie naboru pokaże „—”; podaj --applicant "Nazwa wnioskodawcy" albo wpisz go tam`
            : `WARNING ${display}: the file names no applicant (a “Wnioskodawca:” cell above the table) — in ${String(options.output)} the “Applicant:” cell (sheet “${card.sheetName}”, ${criteriaCellMap(card).applicant}) is empty and the call summary will show “—”; give --applicant "Applicant name" or type it there`,
        );
      try {
        await writer(out, clean, card, asOf, lang, applicant);
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw cannotWrite(options.output as string, out, e);
      }
    }
    if (options.verbose && !options.json) io.out(formatMapping(read, lang) + "\n");
    io.out(
      options.json
        ? JSON.stringify({ ...(toJson(evaluation, lang, card, read.columns) as object), applicant }, null, 2)
        : formatTable(evaluation, card, lang, {
            file: display,
            sheet: read.csv ? null : read.sheet,
            columns: read.columns,
            applicant,
          }),
    );
    // As summarize -o: the text says what was written (--json keeps stdout to the JSON alone).
    if (out && !options.json)
      io.out(lang === "pl" ? `Zapisano ${String(options.output)}` : `Written ${String(options.output)}`);
    return allRequiredMet(evaluation) ? 0 : 1;
  },
};
