import type { RowIssue } from "../../domain/card/types";
import { parseDate } from "../../domain/dates";
import { COLUMN_BY_KEY, ColumnKey, REGISTER_COLUMNS } from "../../domain/register/columns";
import { RawRow } from "../../domain/register/checks";
import {
  HelperKey,
  isOwnHeader,
  pickDuplicate,
  SourceKey,
  sourceKeyOfHeader,
} from "../../domain/register/headers";
import { cst2021Status, isCst2021Unemployed, splitMulti } from "../../domain/register/values";
import { isBlank, normalizeText } from "../../domain/text";
import { columnLetters } from "../address";
import { SheetCells, WorkbookCells } from "../cells";
import { csvDecodings, CsvError, encodingLabel, parseCsv, separatorLabel, detectSeparator } from "../csv";
import { CellValue } from "../plan";
import { Counted, countOf, Localized } from "../../domain/i18n";

/** "pole" counted: 1 pole, 2–4 pola, 5 pól. */
const FIELD: Counted = {
  pl: { one: "pole", few: "pola", many: "pól" },
  en: { one: "field", other: "fields" },
};

/** The register cannot be read at all (no sheet with the headers, a required column missing). One line, PL + EN. */
export class RegisterReadError extends Error {
  constructor(
    readonly pl: string,
    readonly en: string,
  ) {
    super(`${pl} / ${en}`);
    this.name = "RegisterReadError";
  }
}

export const REGISTER_SHEET_NAME = "Uczestnicy";
/** Rows searched for the header row (exports often start with a title block). */
const HEADER_SEARCH_ROWS = 20;

/** Which file column fed which register column (issue 12): `check --verbose`, `--json`, the import preview. */
export interface ColumnMapping {
  /** The register column (or helper column) fed, null when the file column is ignored. */
  key: SourceKey | null;
  /** The register column's header; for a helper column its file header; null when ignored. */
  register: string | null;
  /** The header as written in the file. */
  file: string;
  /** The file column: its letter(s) in the sheet ("C"; for a CSV the n-th field is the n-th letter). */
  fileColumn: string;
  /**
   * `header`: the register's own header; `synonym`: a header of a real export (HEADER_SYNONYMS);
   * `position`: one of several columns with that header, chosen by its position; `duplicate`: another
   * column with that header was chosen, this one is ignored; `ignored`: a header Miernik does not read.
   */
  via: "header" | "synonym" | "position" | "duplicate" | "ignored";
}

/** A register column fed by one of several file columns with its header: the one read, and those left out. */
export interface RepeatedHeader {
  register: string;
  read: ColumnMapping;
  skipped: ColumnMapping[];
}

/** The register columns whose header the file repeats, each with the file column read and those left out. */
export function repeatedHeaders(columns: readonly ColumnMapping[]): RepeatedHeader[] {
  const out: RepeatedHeader[] = [];
  for (const c of columns) {
    if (c.via !== "position") continue;
    const skipped = columns.filter((d) => d.via === "duplicate" && d.key === c.key);
    if (skipped.length > 0 && c.register !== null) out.push({ register: c.register, read: c, skipped });
  }
  return out;
}

/**
 * What to tell the user of each header the file repeats (after "UWAGA <file>: "): the sheet (not for a CSV), the
 * columns with that header in the file's order, the one read and those left out — so that data in one of those
 * is not dropped without a word. The same words for `miernik check`, `miernik summarize` and the pane.
 */
export function repeatedHeaderNotes(
  read: Pick<RegisterRows, "sheet" | "columns" | "csv">,
): RepeatedHeaderNote[] {
  return repeatedHeaders(read.columns).map((r) => {
    const all = read.columns.filter((c) => c === r.read || r.skipped.includes(c)).map((c) => c.fileColumn);
    const left = r.skipped.map((c) => c.fileColumn).join(", ");
    const many = r.skipped.length > 1;
    const pl = `${read.csv ? "" : `arkusz „${read.sheet}”: `}nagłówek „${r.register}” powtarza się (kolumny ${all.join(", ")}): czytana jest kolumna ${r.read.fileColumn}, ${many ? "pominięte" : "pominięta"} ${left} — jeśli dane są w ${many ? "innej" : "tej drugiej"}, usuń lub przemianuj zbędną kolumnę`;
    const en = `${read.csv ? "" : `sheet “${read.sheet}”: `}the header “${r.register}” repeats (columns ${all.join(", ")}): column ${r.read.fileColumn} is read, ${left} left out — if the data are in ${many ? "another" : "the other"}, delete or rename the column not needed`;
    return {
      register: r.register,
      read: r.read.fileColumn,
      skipped: r.skipped.map((c) => c.fileColumn),
      message: { pl, en },
    };
  });
}

/** A repeated header as told to the user: the register column, the file column read, those left out. */
export interface RepeatedHeaderNote {
  register: string;
  read: string;
  skipped: string[];
  message: Localized;
}

interface HeaderRow {
  index: number;
  columns: Map<ColumnKey, number>;
  helpers: Map<HelperKey, number>;
  mapping: ColumnMapping[];
}

/**
 * The register column a header cell feeds. In an Excel table, a repeated header has been renamed by Excel with a
 * number ("W tym" → "W tym2", "W tym3"; Excel keeps table headers unique ignoring case): such a header counts as
 * its base when the base is an earlier header of the same row, so the repeated-column rules (`pickDuplicate`)
 * still choose between them.
 */
function headerKeyAt(row: CellValue[], j: number): SourceKey | null {
  const v = row[j];
  if (typeof v !== "string") return null;
  const key = sourceKeyOfHeader(v);
  if (key) return key;
  const m = /^(.*\D)(\d+)$/.exec(v);
  if (!m || Number(m[2]) < 2) return null;
  const base = m[1].toLowerCase();
  for (let i = 0; i < j; i++) {
    const h = row[i];
    if (typeof h === "string" && h.toLowerCase() === base) return sourceKeyOfHeader(h);
  }
  return null;
}

function matchHeaderRow(row: CellValue[], left: number): HeaderRow & { distinct: number } {
  const found = new Map<SourceKey, number[]>();
  row.forEach((_v, j) => {
    const key = headerKeyAt(row, j);
    if (key) found.set(key, [...(found.get(key) ?? []), j]);
  });
  const first = (k: SourceKey): number | null => found.get(k)?.[0] ?? null;
  const statusAt = found.get("status")
    ? pickDuplicate("status", found.get("status") as number[], null, first("firstName") ?? first("pesel"))
    : null;
  const anchorAt = first("firstName") ?? first("pesel");
  const columns = new Map<ColumnKey, number>();
  const helpers = new Map<HelperKey, number>();
  const chosen = new Map<number, SourceKey>();
  for (const [key, js] of found) {
    const j = pickDuplicate(key, js, statusAt, anchorAt);
    chosen.set(j, key);
    if (key === "registeredAtLabourOffice") helpers.set(key, j);
    else columns.set(key, j);
  }
  const mapping: ColumnMapping[] = [];
  row.forEach((v, j) => {
    if (v === null || String(v).trim() === "") return;
    const file = String(v);
    const key = headerKeyAt(row, j);
    const register = key === null ? null : (COLUMN_BY_KEY.get(key as ColumnKey)?.header ?? file);
    const fileColumn = columnLetters(left + j);
    if (key === null) mapping.push({ key, register, file, fileColumn, via: "ignored" });
    else if (chosen.get(j) !== key) mapping.push({ key, register, file, fileColumn, via: "duplicate" });
    else
      mapping.push({
        key,
        register,
        file,
        fileColumn,
        via:
          (found.get(key) as number[]).length > 1
            ? "position"
            : isOwnHeader(key, file)
              ? "header"
              : "synonym",
      });
  });
  return { index: 0, columns, helpers, mapping, distinct: columns.size };
}

function findHeaderRow(values: CellValue[][], left = 0): HeaderRow | null {
  let best: HeaderRow | null = null;
  for (let i = 0; i < Math.min(values.length, HEADER_SEARCH_ROWS); i++) {
    const h = matchHeaderRow(values[i], left);
    if (h.distinct >= 3 && (!best || h.distinct > best.columns.size)) best = { ...h, index: i };
  }
  return best;
}

export interface RegisterRows {
  sheet: string;
  rows: RawRow[];
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Every non-empty header cell of the header row and the register column it fed (or why none). */
  columns: ColumnMapping[];
  /** For a CSV file: how it was decoded. */
  csv?: SheetCells["csv"];
  /** Register columns the file does not have that the project keeps itself (`projectKept`): their headers. */
  absent?: string[];
}

/** The header row of a register sheet, matched to the register's columns (see `registerHeader`). */
export interface RegisterHeader {
  /** 0-based index in `sheet.values` of the header row. */
  index: number;
  /** Register column → 0-based column in the sheet's values. */
  entries: [ColumnKey, number][];
  /** Helper columns (not register columns) that help read one: 0-based column in the sheet's values. */
  helpers?: [HelperKey, number][];
  /** Every non-empty header cell and what it fed. */
  mapping?: ColumnMapping[];
  /** Fields of the header record (CSV only: a data row of another width is a row issue). */
  width?: number;
  /** Required columns the file does not have that a system export never carries (`projectKept`). */
  absent?: ColumnKey[];
}

/**
 * A CSV file whose encoding was a guess (not UTF-8, no BOM) and whose headers were not found in any encoding
 * tried: ONE message naming every encoding tried (never a bare "missing column Imię", which would send the user
 * looking for a column that is there).
 */
function encodingError(sheet: SheetCells, missing: string[]): RegisterReadError {
  const c = sheet.csv as NonNullable<SheetCells["csv"]>;
  const which = missing.length > 0 ? missing.join(", ") : "„Imię”, „PESEL”, „Płeć”";
  return new RegisterReadError(
    `Plik CSV: w żadnym z wypróbowanych kodowań (${c.tried.join(", ")}) nie ma nagłówków rejestru uczestników (nie znaleziono ${which}). Zapisz plik w Excelu jako „CSV UTF-8 (rozdzielany przecinkami)” albo jako .xlsx i otwórz go ponownie.`,
    `CSV file: none of the encodings tried (${c.tried.join(", ")}) gives the participant register headers (not found: ${which}). Save it from Excel as “CSV UTF-8 (Comma delimited)” or as .xlsx and open it again.`,
  );
}

/** A header with every character outside ASCII, spacing and case removed: what no code page changes. */
function asciiSkeleton(s: string): string {
  return s.replace(/[^\x21-\x7e]/g, "").toLowerCase();
}

/** The ASCII skeletons of the register's headers that have letters outside ASCII (what a code page garbles). */
const NON_ASCII_HEADER_SKELETONS = new Set(
  REGISTER_COLUMNS.filter((c) => /[^\x20-\x7e]/.test(c.header)).map((c) => asciiSkeleton(c.header)),
);

/**
 * Whether a cell of the first rows is a register header with its non-ASCII letters read wrong: its ASCII
 * skeleton is a header's, but it is not read as one.
 */
function hasGarbledHeader(values: readonly CellValue[][]): boolean {
  for (let i = 0; i < Math.min(values.length, HEADER_SEARCH_ROWS); i++)
    for (const v of values[i])
      if (
        typeof v === "string" &&
        sourceKeyOfHeader(v) === null &&
        NON_ASCII_HEADER_SKELETONS.has(asciiSkeleton(v))
      )
        return true;
  return false;
}

/**
 * The header step of `readRegisterSheet`: finds the header row and checks the required columns; a missing
 * required column throws ONE RegisterReadError naming every missing one (for a CSV whose encoding was a
 * guess, one message naming every encoding tried instead).
 */
export function registerHeader(sheet: SheetCells): RegisterHeader {
  const where = sheet.csv
    ? { pl: "Plik CSV", en: "CSV file" }
    : { pl: `Arkusz „${sheet.name}”`, en: `Sheet “${sheet.name}”` };
  const h = findHeaderRow(sheet.values, sheet.left);
  const guessed = sheet.csv !== undefined && !sheet.csv.encodingCertain;
  // Blamed on the encoding only when a cell looks like a register header with its Polish letters garbled
  // ("Imić", "P�e�"): a file in Windows-1250 whose headers read fine but are not a register's is told so.
  if (!h && guessed && hasGarbledHeader(sheet.values)) throw encodingError(sheet, []);
  if (!h)
    throw new RegisterReadError(
      `${where.pl}: nie znaleziono wiersza nagłówków rejestru uczestników (np. „PESEL”, „Płeć”, „Data rozpoczęcia udziału w projekcie”) w pierwszych ${HEADER_SEARCH_ROWS} wierszach — ${sheet.csv ? "sprawdź, czy to rejestr uczestników (eksport SL2014 / SM EFS albo lista z tymi kolumnami)" : "wpisz nagłówki rejestru w jednym wierszu nad danymi"}.`,
      `${where.en}: no participant register header row (e.g. “PESEL”, “Płeć”, “Data rozpoczęcia udziału w projekcie”) in the first ${HEADER_SEARCH_ROWS} rows — ${sheet.csv ? "check that this is a participant register (an SL2014 / SM EFS export or a list with these columns)" : "put the register's headers in one row above the data"}.`,
    );
  const lacking = REGISTER_COLUMNS.filter((c) => c.required && !h.columns.has(c.key));
  const missing = lacking.filter((c) => !c.projectKept).map((c) => `„${c.header}”`);
  // A wrong code page garbles only the letters outside ASCII: a missing column is blamed on the encoding when a
  // header cell nobody read is that column's header with its other letters ("Imić" for "Imię"), not when the
  // column is just not there ("IPD", or an export without „Płeć”).
  const garbled = new Set((h.mapping ?? []).filter((m) => m.key === null).map((m) => asciiSkeleton(m.file)));
  if (guessed && lacking.some((c) => !c.projectKept && garbled.has(asciiSkeleton(c.header))))
    throw encodingError(sheet, missing);
  if (missing.length > 0) {
    const at = sheet.top + h.index + 1;
    const one = missing.length === 1;
    throw new RegisterReadError(
      one
        ? `${where.pl}: brak wymaganej kolumny ${missing[0]} — dodaj ją w wierszu nagłówków (wiersz ${at}).`
        : `${where.pl}: brak wymaganych kolumn ${missing.join(", ")} — dodaj je w wierszu nagłówków (wiersz ${at}).`,
      one
        ? `${where.en}: required column ${missing[0]} missing — add it to the header row (row ${at}).`
        : `${where.en}: required columns ${missing.join(", ")} missing — add them to the header row (row ${at}).`,
    );
  }
  const absent = lacking.filter((c) => c.projectKept).map((c) => c.key);
  return {
    index: h.index,
    entries: [...h.columns.entries()],
    helpers: [...h.helpers.entries()],
    mapping: h.mapping,
    width: sheet.csv ? sheet.values[h.index].length : undefined,
    absent: absent.length > 0 ? absent : undefined,
  };
}

const headerOf = (k: ColumnKey): string => COLUMN_BY_KEY.get(k)?.header ?? k;

/** Start and job-start dates of a multi-valued cell take the earliest date, end dates the latest. */
const EARLIEST: ReadonlySet<ColumnKey> = new Set(["startDate", "jobStartDate"]);
const LATEST: ReadonlySet<ColumnKey> = new Set(["endDate"]);

/**
 * A `|`-joined cell (SM EFS exports): one value when every part is the same (after normalising); for the start
 * and job-start dates the earliest, for the end date the latest (with a warning); otherwise the cell as it is
 * (the row checks then report it).
 */
function multiValue(key: ColumnKey, v: string, issue: (i: Omit<RowIssue, "row">) => void): string {
  const parts = splitMulti(v);
  if (parts === null) return v;
  const distinct = [...new Map(parts.map((x) => [normalizeText(x), x])).values()];
  if (distinct.length === 1) return distinct[0];
  if (EARLIEST.has(key) || LATEST.has(key)) {
    const dated = distinct.map((x) => ({ x, d: parseDate(x) }));
    if (dated.every((x) => x.d !== null)) {
      dated.sort((a, b) => (a.d as number) - (b.d as number));
      const pick = (EARLIEST.has(key) ? dated[0] : dated[dated.length - 1]).x;
      issue({
        column: headerOf(key),
        rule: "value.multi",
        severity: "warning",
        message: {
          pl: `„${v}”: kilka dat rozdzielonych „|” — przyjęto ${EARLIEST.has(key) ? "najwcześniejszą" : "najpóźniejszą"}: ${pick}.`,
          en: `“${v}”: several dates joined with “|” — took the ${EARLIEST.has(key) ? "earliest" : "latest"}: ${pick}.`,
        },
        suggestion: pick,
      });
      return pick;
    }
  }
  return v;
}

/**
 * The per-row step of `readRegisterSheet`: sheet row `i` (0-based in `sheet.values`, below the header) as a
 * raw register row, or null when every register cell of it is empty. What the reader itself notices goes
 * into the row's `issues` (the row checks report them): a CSV record of another width than the header's,
 * `|`-joined values, the 2021–2027 status `Osoba bezrobotna` (read with its registration column, if any).
 */
/**
 * Per header, an object holding its keys (each null, in the header's order) that every row's `values` is
 * copied from. Built key by key in a loop, each row's object would turn into a slow dictionary in V8 once it
 * has more than ~16 properties (a register row has 31), and the row checks read every key of every row
 * (issue 15 item 5); copies of one object made by `Object.fromEntries` share one fast layout. Same keys, order
 * and values as before.
 */
const ROW_TEMPLATES = new WeakMap<RegisterHeader, RawRow["values"]>();
function rowTemplate(header: RegisterHeader): RawRow["values"] {
  let t = ROW_TEMPLATES.get(header);
  if (t === undefined) {
    t = Object.fromEntries(header.entries.map(([key]) => [key, null])) as RawRow["values"];
    ROW_TEMPLATES.set(header, t);
  }
  return t;
}

/**
 * A row below the header that is the header again (two exports joined into one file): most of its register
 * cells hold their column's header. Read as no row; `registerRows` reports it (`row.header`).
 */
function repeatsHeader(sheet: SheetCells, header: RegisterHeader, line: readonly CellValue[]): boolean {
  const head = sheet.values[header.index];
  const entries = header.entries;
  // One cheap test first (a data row's first register cell is rarely as long as its header), then all of them.
  const [, j0] = entries[0];
  const v0 = line[j0];
  const h0 = head[j0];
  if (typeof v0 !== "string" || typeof h0 !== "string" || Math.abs(v0.trim().length - h0.trim().length) > 2)
    return false;
  if (normalizeText(v0) !== normalizeText(h0)) return false;
  let same = 0;
  let filled = 0;
  for (const [, j] of entries) {
    const v = line[j];
    if (v === null || v === undefined || (typeof v === "string" && isBlank(v))) continue;
    filled++;
    const h = head[j];
    if (typeof v === "string" && typeof h === "string" && normalizeText(v) === normalizeText(h)) same++;
  }
  return same >= 3 && same * 2 >= filled;
}

/** Words a totals row of a register kept in Excel starts with (normalised: `Razem:`, `SUMA`, `Ogółem`). */
const TOTAL_WORDS: ReadonlySet<string> = new Set(["razem", "suma", "ogolem", "lacznie", "total", "sum"]);

/**
 * A totals row under the participants (`Razem` and counts): a cell holding one of TOTAL_WORDS and no person
 * in it — no last name, PESEL or birth date, and no first name other than that word. A count under the last
 * names or the PESEL numbers (`=ILE.NIEPUSTYCH(C2:C51)` → 50: no name is a number, no PESEL below 1 000 000)
 * is no person either. Read as no row; `registerRows` reports it (`row.total`).
 */
function isTotalsRow(header: RegisterHeader, line: readonly CellValue[]): boolean {
  let first: CellValue = null;
  for (const [key, j] of header.entries) {
    const v = line[j] ?? null;
    const empty = v === null || isCount(key, v) || (typeof v === "string" && isBlank(v));
    if (key === "lastName" || key === "pesel" || key === "birthDate") {
      if (!empty) return false;
    } else if (key === "firstName" && !empty) first = v;
  }
  for (const v of line) {
    if (typeof v !== "string" || v.length > 12) continue;
    const word = normalizeText(v).replace(/:$/, "");
    if (TOTAL_WORDS.has(word)) return first === null || first === v;
  }
  return false;
}

/** A count where a totals row has one: a whole number (or its digits as text) under the last names, or below 1 000 000 under the PESEL numbers. */
function isCount(key: SourceKey, v: CellValue): boolean {
  if (key !== "lastName" && key !== "pesel") return false;
  // Every row with a last name asks: most names start with a letter, so the digit test comes first.
  if (typeof v === "string") {
    const c = v.charCodeAt(0);
    if (!(c >= 48 && c <= 57) && c !== 32) return false;
  }
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && (key === "lastName" || n < 1e6);
}

/** Why a row below the header is not read as a participant (the header again, a totals row), or null. */
function skipReason(
  sheet: SheetCells,
  header: RegisterHeader,
  line: readonly CellValue[],
): "header" | "total" | null {
  if (repeatsHeader(sheet, header, line)) return "header";
  return isTotalsRow(header, line) ? "total" : null;
}

export function readRegisterRow(sheet: SheetCells, header: RegisterHeader, i: number): RawRow | null {
  const line = sheet.values[i];
  if (repeatsHeader(sheet, header, line)) return null;
  const values: RawRow["values"] = { ...rowTemplate(header) };
  const issues: RowIssue[] = [];
  const row = sheet.top + i + 1;
  const issue = (x: Omit<RowIssue, "row">): void => void issues.push({ row, ...x });
  let any = false;
  const entries = header.entries;
  for (let e = 0; e < entries.length; e++) {
    const key = entries[e][0];
    let v = line[entries[e][1]] ?? null;
    if (typeof v === "string") v = isBlank(v) ? null : multiValue(key, v, issue);
    if (v !== null) any = true;
    values[key] = v;
  }
  if (!any) return null;
  // The cheap test first: a participant row has a last name, PESEL or birth date.
  if (
    (values.lastName == null || isCount("lastName", values.lastName)) &&
    (values.pesel == null || isCount("pesel", values.pesel)) &&
    values.birthDate == null &&
    isTotalsRow(header, line)
  )
    return null;
  if (header.width !== undefined && line.length !== header.width)
    issue({
      column: "",
      rule: "csv.width",
      severity: "error",
      message: {
        pl: `Wiersz ma ${countOf(line.length, FIELD, "pl")}, a nagłówek ${header.width} — sprawdź separatory i cudzysłowy w tym wierszu pliku (wartości mogą być przesunięte).`,
        en: `The row has ${countOf(line.length, FIELD, "en")}, the header ${header.width} — check the separators and quotes on this line of the file (values may be shifted).`,
      },
    });
  const status = values.status;
  if (typeof status === "string" && isCst2021Unemployed(status)) {
    const regAt = header.helpers?.find(([k]) => k === "registeredAtLabourOffice")?.[1];
    const reg = regAt === undefined ? null : line[regAt];
    const mapped = cst2021Status(status, reg === null || reg === undefined ? null : String(reg));
    if (mapped) {
      values.status = mapped.value;
      issue({
        column: headerOf("status"),
        rule: "status.cst2021",
        severity: "warning",
        message:
          mapped.how === "column"
            ? {
                pl: `„${status}” (eksport 2021–2027) z kolumną rejestracji w urzędzie pracy („${String(reg)}”) — przyjęto „${mapped.value}”.`,
                en: `“${status}” (2021–2027 export) with the labour-office registration column (“${String(reg)}”) — read as “${mapped.value}”.`,
              }
            : {
                pl: `„${status}” (eksport 2021–2027) bez informacji o rejestracji w urzędzie pracy — przyjęto „${mapped.value}” (żadne kryterium karty nie zależy od rejestracji).`,
                en: `“${status}” (2021–2027 export) without the labour-office registration — read as “${mapped.value}” (no criterion of the card depends on registration).`,
              },
        suggestion: mapped.value,
      });
    }
  }
  return issues.length > 0 ? { row, values, issues } : { row, values };
}

/** The result of reading `sheet` with `header` once every row is read. */
export function registerRows(sheet: SheetCells, header: RegisterHeader, rows: RawRow[]): RegisterRows {
  const headerRow = sheet.top + header.index + 1;
  const out: RegisterRows = { sheet: sheet.name, rows, headerRow, columns: header.mapping ?? [] };
  if (sheet.csv) out.csv = sheet.csv;
  reportSkippedRows(sheet, header, rows);
  if (header.absent) {
    out.absent = header.absent.map(headerOf);
    // Reported once, at the header row, before the first row's own issues (the rows report the empty cells).
    if (rows.length > 0) {
      const first = rows[0];
      rows[0] = {
        ...first,
        issues: [...header.absent.map((k) => absentIssue(k, headerRow)), ...(first.issues ?? [])],
      };
    }
  }
  return out;
}

/**
 * The rows skipped as a repeat of the header row or a totals row (`skipReason`): one warning each, on the next row read (or
 * the last one, after the last row), so that nothing is skipped without a word.
 */
function reportSkippedRows(sheet: SheetCells, header: RegisterHeader, rows: RawRow[]): void {
  if (rows.length === 0) return;
  let k = 0;
  for (let i = header.index + 1; i < sheet.values.length; i++) {
    const row = sheet.top + i + 1;
    while (k < rows.length && rows[k].row < row) k++;
    if (k < rows.length && rows[k].row === row) continue;
    const line = sheet.values[i];
    if (!line || line.length === 0) continue;
    const why = skipReason(sheet, header, line);
    if (why === null) continue;
    const at = Math.min(k, rows.length - 1);
    const issue: RowIssue =
      why === "header"
        ? {
            row,
            column: "",
            rule: "row.header",
            severity: "warning",
            message: {
              pl: `Wiersz ${row} powtarza wiersz nagłówków (np. po złączeniu dwóch eksportów) — pominięty; usuń go z pliku.`,
              en: `Row ${row} repeats the header row (e.g. two exports joined) — skipped; delete it from the file.`,
            },
          }
        : {
            row,
            column: "",
            rule: "row.total",
            severity: "warning",
            message: {
              pl: `Wiersz ${row} to wiersz podsumowania (np. „Razem”), nie uczestnik — pominięty. Jeśli to uczestnik, wpisz jego nazwisko, PESEL lub datę urodzenia.`,
              en: `Row ${row} is a totals row (e.g. “Razem”), not a participant — skipped. If it is a participant, enter their last name, PESEL or birth date.`,
            },
          };
    const target = rows[at];
    const own = target.issues ?? [];
    rows[at] = { ...target, issues: at === k ? [issue, ...own] : [...own, issue] };
  }
}

/** The warning for a column a system export does not carry (`projectKept`), at the header row. */
function absentIssue(key: ColumnKey, headerRow: number): RowIssue {
  const h = headerOf(key);
  return {
    row: headerRow,
    column: h,
    rule: "column.absent",
    severity: "warning",
    message: {
      pl: `Plik nie ma kolumny „${h}” (eksporty SL2014 i SM EFS jej nie zawierają) — u każdej osoby brak tej wartości, a kryteria, które jej używają, nikogo nie liczą. Dodaj kolumnę i ją wypełnij albo zaimportuj plik do rejestru (Importuj uczestników) i uzupełnij ją w arkuszu „Uczestnicy”.`,
      en: `The file has no “${h}” column (SL2014 and SM EFS exports do not have it) — every person lacks this value, and the criteria that use it count nobody. Add the column and fill it in, or import the file into the register (Import participants) and fill it in on the “Uczestnicy” sheet.`,
    },
  };
}

/**
 * Sheet cells → raw register rows. Columns are matched by header text ignoring case, spacing and diacritics;
 * extra columns are ignored; a missing required column throws ONE RegisterReadError naming every missing one.
 * Fully empty rows are skipped. Values are passed through untouched (text starting with "=" stays text).
 * (The pane reads long sheets in slices with the same two steps: src/taskpane/work/sliced.ts.)
 */
export function readRegisterSheet(sheet: SheetCells): RegisterRows {
  return readRows(sheet, registerHeader(sheet));
}

function readRows(sheet: SheetCells, header: RegisterHeader): RegisterRows {
  const rows: RawRow[] = [];
  for (let i = header.index + 1; i < sheet.values.length; i++) {
    const r = readRegisterRow(sheet, header, i);
    if (r) rows.push(r);
  }
  return registerRows(sheet, header, rows);
}

/**
 * The register sheet of a workbook and its header: the sheet named `Uczestnicy`, else the first sheet with
 * the headers whose required columns are all there. Throws RegisterReadError as `readRegisterWorkbook` does.
 */
export function registerSheetOf(wb: WorkbookCells): { sheet: SheetCells; header: RegisterHeader } {
  const named = wb.sheets.find((s) => s.name.trim().toLowerCase() === REGISTER_SHEET_NAME.toLowerCase());
  // A sheet named "Uczestnicy" without the register's headers (a contact list, an empty template) does not hide
  // the register kept on another sheet; when no sheet has the headers, its own message says so.
  if (
    named &&
    (findHeaderRow(named.values, named.left) ||
      !wb.sheets.some((s) => s !== named && findHeaderRow(s.values, s.left)))
  )
    return { sheet: named, header: registerHeader(named) };
  let firstError: RegisterReadError | null = null;
  for (const s of wb.sheets) {
    const h = findHeaderRow(s.values, s.left);
    if (!h) continue;
    try {
      return { sheet: s, header: registerHeader(s) };
    } catch (e) {
      if (e instanceof RegisterReadError && !firstError) firstError = e;
      else if (!(e instanceof RegisterReadError)) throw e;
    }
  }
  if (firstError) throw firstError;
  const names = wb.sheets.map((s) => `„${s.name}”`).join(", ");
  const namesEn = wb.sheets.map((s) => `“${s.name}”`).join(", ");
  throw new RegisterReadError(
    `Skoroszyt nie zawiera arkusza „Uczestnicy” ani arkusza z nagłówkami rejestru uczestników (np. „PESEL”, „Płeć”, „Data rozpoczęcia udziału w projekcie”) w pierwszych ${HEADER_SEARCH_ROWS} wierszach${names ? ` (arkusze: ${names})` : ""} — wpisz nagłówki rejestru w jednym wierszu nad danymi albo zapisz rejestr w arkuszu „Uczestnicy”.`,
    `The workbook has no “Uczestnicy” sheet and no sheet with the participant register headers (e.g. “PESEL”, “Płeć”, “Data rozpoczęcia udziału w projekcie”) in its first ${HEADER_SEARCH_ROWS} rows${namesEn ? ` (sheets: ${namesEn})` : ""} — put the register's headers in one row above the data or keep the register on a sheet named “Uczestnicy”.`,
  );
}

/** Picks the register sheet of a workbook: the sheet named `Uczestnicy`, else the first sheet with the headers. */
export function readRegisterWorkbook(wb: WorkbookCells): RegisterRows {
  const { sheet, header } = registerSheetOf(wb);
  return readRows(sheet, header);
}

/** CSV rows (from `parseCsv`) as a sheet. */
export function csvSheet(
  values: CellValue[][],
  name = REGISTER_SHEET_NAME,
  csv?: SheetCells["csv"],
): SheetCells {
  return csv ? { name, top: 0, left: 0, values, csv } : { name, top: 0, left: 0, values };
}

/**
 * A CSV file's bytes as a register sheet (issue 12): every candidate decoding (`csvDecodings`) is parsed and
 * the one whose header row matches the most required register columns wins (ties: the most columns, then the
 * candidates' order) — this is what tells Windows-1250 from ISO-8859-2 when the Polish letters alone do not.
 * The result remembers how it was read (`csv`), so a failing header check names every encoding tried. An
 * unterminated quote throws RegisterReadError naming the line.
 */
export function csvSheetFromBytes(bytes: Uint8Array, name = REGISTER_SHEET_NAME): SheetCells {
  const candidates = csvDecodings(bytes);
  const certain = candidates[0].certain;
  const tried = certain
    ? [encodingLabel(candidates[0].encoding)]
    : [
        ...(candidates[0].encoding.startsWith("utf-16") ? [] : ["UTF-8"]),
        ...candidates.map((c) => encodingLabel(c.encoding)),
      ];
  let best: { sheet: SheetCells; score: number[] } | null = null;
  let firstError: CsvError | null = null;
  for (const c of candidates) {
    let values: CellValue[][];
    const separator = detectSeparator(c.text);
    try {
      values = parseCsv(c.text, separator);
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      firstError ??= e;
      continue;
    }
    const h = findHeaderRow(values);
    const required = h ? REGISTER_COLUMNS.filter((k) => k.required && h.columns.has(k.key)).length : 0;
    const score = [required, h ? h.columns.size : 0];
    if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]))
      best = {
        sheet: csvSheet(values, name, {
          encoding: encodingLabel(c.encoding),
          encodingCertain: certain,
          tried,
          separator: separatorLabel(separator),
        }),
        score,
      };
  }
  if (!best) {
    const e = firstError as CsvError;
    throw new RegisterReadError(`Plik CSV: ${e.pl}.`, `CSV file: ${e.en}.`);
  }
  return best.sheet;
}
