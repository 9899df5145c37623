import { Card, Participant, RowIssue } from "../../domain/card/types";
import { Localized } from "../../domain/i18n";
import { checkRegister } from "../../domain/register/checks";
import { normalizeText } from "../../domain/text";
import { SheetCells, WorkbookCells } from "../cells";
import {
  csvSheetFromBytes,
  readRegisterWorkbook,
  RegisterReadError,
  RepeatedHeaderNote,
  repeatedHeaderNotes,
} from "../register/reader";
import { isDelimitedTextName } from "../csv";
import { APPLE_NUMBERS, excelLockFile } from "../lockFile";

/**
 * Input files of the summaries (CLI and task pane): bytes → cells → a project (participant register) or a
 * problem with its reason. Never throws for bad input. The .xlsx parser is passed in (src/hosts/xlsx/read.ts
 * `readXlsx`), so this layer stays free of ExcelJS.
 */

export type XlsxParser = (bytes: Uint8Array) => Promise<WorkbookCells>;

export type InputRead = { ok: true; cells: WorkbookCells } | { ok: false; reason: Localized };

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

function isEmptyWorkbook(wb: WorkbookCells): boolean {
  return wb.sheets.every((s) => s.values.every((r) => r.every((v) => v === null || v === "")));
}

/** The reason of a file with no data at all (exported: the import says it in its own words). */
export const EMPTY_INPUT: Localized = {
  pl: "pusty plik — brak danych do podsumowania",
  en: "empty file — nothing to summarise",
};

/**
 * Spreadsheet files Miernik does not read besides .ods and .xls (a folder of collected files has them):
 * each named as what it is, with how to save it as .xlsx.
 */
export const OTHER_SPREADSHEETS: readonly { ext: RegExp; reason: Localized }[] = [
  {
    ext: /\.(xlsx|xlsm|xls|csv|tsv|ods)\.(part|partial|crdownload|download|tmp)$/,
    reason: {
      pl: "niedokończone pobieranie lub zapis (plik tymczasowy przeglądarki lub programu) — pobierz lub zapisz plik ponownie i podaj go bez tej końcówki",
      en: "an unfinished download or save (a browser's or program's temporary file) — download or save the file again and give it without that ending",
    },
  },
  {
    ext: /\.(xltx|xltm|xlt)$/,
    reason: {
      pl: "szablon Excela, nie skoroszyt — otwórz go w Excelu i zapisz jako skoroszyt .xlsx (Plik → Zapisz jako → Skoroszyt programu Excel)",
      en: "an Excel template, not a workbook — open it in Excel and save it as an .xlsx workbook (File → Save As → Excel Workbook)",
    },
  },
  {
    ext: /\.xlsb$/,
    reason: {
      pl: "skoroszyt binarny Excela (.xlsb) — zapisz go jako .xlsx w Excelu (Plik → Zapisz jako → Skoroszyt programu Excel)",
      en: "an Excel binary workbook (.xlsb) — save it as .xlsx in Excel (File → Save As → Excel Workbook)",
    },
  },
  {
    ext: /\.(fods|ots)$/,
    reason: {
      pl: "arkusz OpenDocument — zapisz go jako .xlsx (LibreOffice: Plik → Zapisz jako)",
      en: "an OpenDocument spreadsheet — save it as .xlsx (LibreOffice: File → Save As)",
    },
  },
  // The pane's and the readers' own words for it.
  { ext: /\.numbers$/, reason: APPLE_NUMBERS },
];

/** A file of 0 bytes: what is left of a save or copy that did not finish, or of a cloud file not downloaded. */
export const ZERO_BYTES: Localized = {
  pl: "pusty plik (0 bajtów): jego zapis lub kopiowanie się nie powiodło — zapisz go ponownie albo poproś o plik jeszcze raz (plik z OneDrive lub SharePoint najpierw pobierz na dysk)",
  en: "empty file (0 bytes): saving or copying it did not finish — save it again or ask for the file again (a OneDrive or SharePoint file: download it first)",
};

/** Reads an .xlsx or .csv file's bytes into cells; an unreadable or empty file gives its reason. */
export async function readInputFile(
  name: string,
  bytes: Uint8Array,
  parseXlsx: XlsxParser,
): Promise<InputRead> {
  const lock = excelLockFile(name);
  if (lock) return { ok: false, reason: lock };
  if (bytes.length === 0) return { ok: false, reason: ZERO_BYTES };
  const lower = name.toLowerCase();
  if (isDelimitedTextName(lower)) {
    let sheet;
    try {
      sheet = csvSheetFromBytes(bytes);
    } catch (e) {
      if (e instanceof RegisterReadError) return { ok: false, reason: { pl: e.pl, en: e.en } };
      return {
        ok: false,
        reason: { pl: `nieczytelny plik CSV: ${oneLine(e)}`, en: `unreadable CSV file: ${oneLine(e)}` },
      };
    }
    const wb: WorkbookCells = { sheets: [sheet] };
    return isEmptyWorkbook(wb) ? { ok: false, reason: EMPTY_INPUT } : { ok: true, cells: wb };
  }
  if (lower.endsWith(".ods"))
    return {
      ok: false,
      reason: {
        pl: "arkusz OpenDocument (.ods) — zapisz go jako .xlsx (LibreOffice: Plik → Zapisz jako)",
        en: "an OpenDocument spreadsheet (.ods) — save it as .xlsx (LibreOffice: File → Save As)",
      },
    };
  if (lower.endsWith(".xls"))
    return {
      ok: false,
      reason: {
        pl: "stary format .xls — zapisz go jako .xlsx w Excelu lub LibreOffice",
        en: "an old .xls file — save it as .xlsx in Excel or LibreOffice",
      },
    };
  const other = OTHER_SPREADSHEETS.find((o) => o.ext.test(lower));
  if (other) return { ok: false, reason: other.reason };
  if (!lower.endsWith(".xlsx") && !lower.endsWith(".xlsm"))
    return {
      ok: false,
      reason: {
        pl: "nieobsługiwany typ pliku — podaj plik .xlsx lub .csv",
        en: "unsupported file type — give an .xlsx or .csv file",
      },
    };
  let wb: WorkbookCells;
  try {
    wb = await parseXlsx(bytes);
  } catch (e) {
    const why = oneLine(e);
    const kind = (e as { reason?: unknown }).reason;
    const ownPl = (e as { pl?: unknown }).pl;
    if (typeof ownPl === "string" && ownPl !== why) return { ok: false, reason: { pl: ownPl, en: why } };
    const pl =
      kind === "encrypted"
        ? "plik zaszyfrowany (chroniony hasłem) albo stary format .xls — zapisz go jako niechroniony .xlsx"
        : kind === "not-zip"
          ? "to nie jest plik .xlsx (uszkodzony albo inny format)"
          : kind === "empty"
            ? "pusty plik (0 bajtów)"
            : "uszkodzony lub nieobsługiwany plik .xlsx";
    return { ok: false, reason: { pl: `${pl} (${why})`, en: why } };
  }
  return isEmptyWorkbook(wb) ? { ok: false, reason: EMPTY_INPUT } : { ok: true, cells: wb };
}

/**
 * Labels of the applicant cell (compared ignoring case, diacritics and a trailing colon); "applicant" is the
 * label of the criteria sheet `check -o --lang en` writes.
 */
const APPLICANT_LABELS = [
  "wnioskodawca",
  "nazwa wnioskodawcy",
  "beneficjent",
  "nazwa beneficjenta",
  "applicant",
];
/** Rows searched for the applicant label on each sheet. */
const APPLICANT_SEARCH_ROWS = 30;

function labelKey(v: string): string {
  return normalizeText(v).replace(/[:\s]+$/, "");
}

/** "Wnioskodawca: Gmina X" in one cell (a register's merged title row): the name after the label's colon. */
function inlineApplicant(v: string): string | null {
  const colon = v.indexOf(":");
  if (colon < 0) return null;
  const name = v.slice(colon + 1).trim();
  return name !== "" && APPLICANT_LABELS.includes(labelKey(v.slice(0, colon))) ? name : null;
}

/**
 * The applicant named in a workbook: "Wnioskodawca: Gmina X" in one cell, or a cell labelled `Wnioskodawca` (or `Nazwa wnioskodawcy`, `Beneficjent`,
 * `Nazwa beneficjenta`; a trailing colon allowed) in the top 30 rows of any sheet; the value is the first
 * non-empty cell to its right, else the cell below it. A register column headed `Wnioskodawca` is not used
 * (its cell below would be a participant's). null when there is none.
 */
export function findApplicant(wb: WorkbookCells): string | null {
  for (const s of wb.sheets) {
    const rows = Math.min(s.values.length, APPLICANT_SEARCH_ROWS);
    for (let r = 0; r < rows; r++) {
      const row = s.values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string") continue;
        const inline = inlineApplicant(v);
        if (inline) return inline;
        if (!APPLICANT_LABELS.includes(labelKey(v))) continue;
        if (looksLikeHeaderRow(s, r)) continue; // a register column headed "Wnioskodawca"
        for (let k = c + 1; k < row.length; k++) {
          const w = row[k];
          if (w !== null && String(w).trim() !== "") return String(w).trim();
        }
        // Not a header row under an empty "Wnioskodawca:" of a template (its "Lp." is no applicant).
        const below = s.values[r + 1]?.[c];
        if (
          below !== null &&
          below !== undefined &&
          String(below).trim() !== "" &&
          !looksLikeHeaderRow(s, r + 1)
        )
          return String(below).trim();
      }
    }
  }
  return null;
}

/** Whether row r looks like a table's header row (three or more text cells): its neighbours are data. */
function looksLikeHeaderRow(s: SheetCells, r: number): boolean {
  return s.values[r].filter((v) => typeof v === "string" && v.trim() !== "").length >= 3;
}

export interface ProjectRead {
  applicant: string | null;
  participants: Participant[];
  rowIssues: RowIssue[];
  /** The sheet the register was read from. */
  sheet: string;
  /** Headers the file repeats: one column of each read, the others left out (said to the user). */
  repeatedHeaders: RepeatedHeaderNote[];
}

export type ProjectResult = { ok: true; project: ProjectRead } | { ok: false; reason: Localized };

/** A workbook's participant register (sheet `Uczestnicy` or the first sheet with the headers) checked for the card. */
export function readProject(wb: WorkbookCells, card: Card, applicantOverride?: string | null): ProjectResult {
  let read;
  try {
    read = readRegisterWorkbook(wb);
  } catch (e) {
    if (e instanceof RegisterReadError) return { ok: false, reason: { pl: e.pl, en: e.en } };
    return {
      ok: false,
      reason: {
        pl: `nie udało się odczytać rejestru: ${oneLine(e)}`,
        en: `the register could not be read: ${oneLine(e)}`,
      },
    };
  }
  const { participants, issues } = checkRegister(read.rows, card.parameters);
  const applicant = applicantOverride ?? findApplicant(wb);
  return {
    ok: true,
    project: {
      applicant,
      participants,
      rowIssues: issues,
      sheet: read.sheet,
      repeatedHeaders: repeatedHeaderNotes(read),
    },
  };
}

/**
 * Applicant mapping (CLI `--applicants map.csv`): CSV rows `file;applicant` (header optional). Keys are file
 * names without directory, compared case-insensitively.
 */
export function parseApplicantMap(values: (string | number | boolean | null)[][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const row of values) {
    const f = row[0];
    const a = row[1];
    if (f === null || f === undefined || a === null || a === undefined) continue;
    const file = String(f).trim();
    const name = String(a).trim();
    if (file === "" || name === "") continue;
    if (/^(plik|file)$/i.test(file) && /^(wnioskodawca|applicant)$/i.test(name)) continue;
    m.set(fileKey(file), name);
  }
  return m;
}

/**
 * The key a file is mapped by in an applicants list: its path as written there, case ignored, `\\` as `/`,
 * Unicode-normalised (a Polish name typed in the list matches a macOS file name's decomposed letters),
 * without a leading `./`. A bare file name ("projekt.csv") maps every file of that name; a path with its
 * folder ("PUP Łódź/projekt.csv") only the file in that folder (two offices' files may have one name).
 */
export function fileKey(file: string): string {
  return file
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "");
}

/** The applicant a list gives for a file: the entry naming most of its path (its folders and name), or none. */
export function applicantFor(map: ReadonlyMap<string, string>, file: string): string | undefined {
  const parts = fileKey(file).split("/");
  for (let k = 0; k < parts.length; k++) {
    const a = map.get(parts.slice(k).join("/"));
    if (a !== undefined) return a;
  }
  return undefined;
}

/** The summary sheets Miernik writes (`summarize -o`, the pane's Podsumowania). */
const SUMMARY_SHEETS = ["podsumowanie naboru", "podsumowanie"];
/** The build-time label in a summary's top rows. */
const BUILT_BY_MIERNIK = /(obliczone przez|computed by) Miernik/i;

/**
 * The name of the summary sheet when the workbook is a summary Miernik wrote (a sheet `Podsumowanie naboru` or
 * `Podsumowanie` with Miernik's build-time label in its top rows; a register's own `Podsumowanie` sheet has
 * none), else null. Summarised again, it would count its projects or years twice.
 */
export function miernikSummarySheet(wb: WorkbookCells): string | null {
  for (const s of wb.sheets) {
    if (!SUMMARY_SHEETS.includes(s.name.trim().toLowerCase())) continue;
    const top = s.values.slice(0, Math.max(0, 5 - s.top));
    if (top.some((r) => r.some((v) => typeof v === "string" && BUILT_BY_MIERNIK.test(v)))) return s.name;
  }
  return null;
}

/** The reason of a summary Miernik wrote, given (or found in a folder) as an input. */
export function summaryInputReason(sheet: string): Localized {
  return {
    pl: `to podsumowanie utworzone przez Miernik (arkusz „${sheet}”), nie plik projektu ani arkusz monitoringu — pominięte, żeby niczego nie policzyć dwa razy`,
    en: `a summary Miernik wrote (sheet “${sheet}”), not a project's file or a monitoring workbook — left out so that nothing is counted twice`,
  };
}

/**
 * Whether a workbook is a monitoring workbook (the summaries send it to `Podsumowanie`, not to the call
 * summary): a sheet named "Monitoring RRRR", or a `Kod miernika` header in a sheet's top rows.
 */
export function isMonitoringWorkbook(wb: WorkbookCells): boolean {
  return wb.sheets.some(
    (s) =>
      /^\s*monitoring\s+20\d\d\s*$/i.test(s.name) ||
      s.values
        .slice(0, 15)
        .some((r) => r.some((v) => typeof v === "string" && /^\s*(kod miernika|indicator code)/i.test(v))),
  );
}
