/**
 * Header synonyms of real participant exports (issue 12): which file headers feed which register column.
 * Matching ignores case, spacing and diacritics (`headerKey`). Sources: the SL2014 PEFS participant sheet
 * (2014–2020) and the CST2021 / SM EFS export `Uczestnicy_projektu_Efs_RRRR-MM-DD.csv` (2021–2027), as listed
 * in efs-reference.md §1.1 and §1.4. Columns that match nothing are kept in the file and ignored.
 * The README's "Importing real exports" table is this table.
 */
import { headerKey } from "../text";
import { ColumnKey, REGISTER_COLUMNS } from "./columns";

/** Columns the reader understands beyond the register's own: they only help read a register column. */
export type HelperKey =
  /** 2021–2027: registration at the labour office in its own column (`Tak`/`Nie`), next to `Osoba bezrobotna`. */
  "registeredAtLabourOffice";

export type SourceKey = ColumnKey | HelperKey;

export interface HeaderSynonym {
  key: SourceKey;
  /** Header text as the export writes it. */
  header: string;
  /** Where it comes from. */
  source: "SL2014" | "CST2021" | "Miernik";
}

/**
 * Synonyms beyond the register's own headers (REGISTER_COLUMNS[].header, which always match). [S-2] per
 * efs-reference.md; the registration column's header is [U] (not seen in an export: both spellings accepted).
 */
export const HEADER_SYNONYMS: readonly HeaderSynonym[] = [
  { key: "lp", header: "L.p.", source: "Miernik" },
  { key: "lp", header: "Nr", source: "Miernik" },
  { key: "pesel", header: "PESEL/Inny identyfikator", source: "CST2021" },
  { key: "pesel", header: "Numer PESEL", source: "Miernik" },
  { key: "noPesel", header: "brak PESEL", source: "CST2021" },
  { key: "status", header: "Status osoby na rynku pracy", source: "CST2021" },
  { key: "status", header: "Status na rynku pracy", source: "Miernik" },
  { key: "subStatus", header: "w tym", source: "CST2021" },
  { key: "disabled", header: "Osoba niepełnosprawna", source: "SL2014" },
  { key: "birthDate", header: "Data urodzenia uczestnika", source: "Miernik" },
  {
    key: "registeredAtLabourOffice",
    header: "Osoba zarejestrowana w urzędzie pracy",
    source: "CST2021",
  },
  {
    key: "registeredAtLabourOffice",
    header: "Zarejestrowana w ewidencji urzędów pracy",
    source: "CST2021",
  },
];

/**
 * Headers of real exports that Miernik knows and deliberately does not read (shown as "ignored" in the
 * column mapping, like any unknown column). Informational only: an unlisted column is ignored the same way.
 */
export const KNOWN_IGNORED_HEADERS: readonly string[] = [
  "Techniczny identyfikator uczestnika",
  "Obywatelstwo",
  "Rodzaj przyznanego wsparcia",
  "Zakres wsparcia",
  "Data rozpoczęcia udziału we wsparciu",
  "Data zakończenia udziału we wsparciu",
  "Kraj",
  "Rodzaj uczestnika",
  "Nazwa instytucji",
  "Numer projektu",
];

const BY_KEY = new Map<string, SourceKey>();
for (const c of REGISTER_COLUMNS) BY_KEY.set(headerKey(c.header), c.key);
for (const s of HEADER_SYNONYMS) if (!BY_KEY.has(headerKey(s.header))) BY_KEY.set(headerKey(s.header), s.key);

/** Marks hand-made templates put after a header: a required-field asterisk, a colon, a footnote number. */
const TRAILING_MARKS = /[\s*:\u00b9\u00b2\u00b3\u2070-\u2079]+$/;
/**
 * A filling hint in brackets after a header: `Data urodzenia (dd.mm.rrrr)`, `Płeć (K/M)`, `PESEL [11 cyfr]`,
 * `IPD (wymagane)`. Only a hint — a format, a choice, "required" — not words that change the meaning
 * (`Data zakończenia udziału w projekcie (planowana)` stays a column Miernik does not read).
 */
const TRAILING_HINT = /\s*[([]([^()[\]]{1,24})[)\]]$/;
const HINT_WORDS = /[/.\d]|wymagan|obowi[aą]zk|z listy|wybierz|cyfr/i;

/**
 * The header's keys to look up, in order: as written; without the trailing marks (`PESEL*`, `Imię *`, `Płeć:`,
 * `Płeć¹`); then also without a trailing hint in brackets — only when the header as written matches nothing,
 * so the register's own `Okres bez pracy (mies.)` still matches as itself.
 */
function headerKeys(header: string): string[] {
  const bare = header.replace(TRAILING_MARKS, "");
  const keys = [headerKey(header)];
  if (bare !== header) keys.push(headerKey(bare));
  const hint = TRAILING_HINT.exec(bare);
  if (hint && HINT_WORDS.test(hint[1])) {
    const noHint = bare.slice(0, hint.index).replace(TRAILING_MARKS, "");
    if (noHint !== "") keys.push(headerKey(noHint));
  }
  return keys;
}

/** The register (or helper) column a file header feeds, or null (kept and ignored). */
export function sourceKeyOfHeader(header: string): SourceKey | null {
  const exact = BY_KEY.get(headerKey(header));
  if (exact !== undefined) return exact;
  for (const k of headerKeys(header)) {
    const hit = BY_KEY.get(k);
    if (hit !== undefined) return hit;
  }
  return null;
}

/** Whether `header` is the register column's own header, marks and hints aside (else it matched as a synonym). */
export function isOwnHeader(key: SourceKey, header: string): boolean {
  const c = REGISTER_COLUMNS.find((x) => x.key === key);
  if (c === undefined) return false;
  const own = headerKey(c.header);
  return headerKeys(header).some((k) => k === own && BY_KEY.get(k) === key);
}

/**
 * Which of several file columns with headers of the same register column feeds it (0-based column indexes of
 * the header row, in file order; `statusAt` = the status column, `anchorAt` = the first participant column
 * (`Imię` / `PESEL`), when known):
 * - `W tym` (sub-status): the one right after the labour-market status; else the first after it; else the first.
 *   (SL2014 repeats `W tym` in the institution and support blocks; SM EFS after `Rodzaj przyznanego wsparcia`.)
 * - any other: the first at or after the first participant column (SL2014's institution block comes first
 *   and repeats `Data rozpoczęcia udziału w projekcie`, …); else the last.
 */
export function pickDuplicate(
  key: SourceKey,
  columns: readonly number[],
  statusAt: number | null,
  anchorAt: number | null,
): number {
  if (columns.length === 1) return columns[0];
  if (key === "subStatus" && statusAt !== null) {
    const right = columns.find((j) => j === statusAt + 1);
    if (right !== undefined) return right;
    const after = columns.find((j) => j > statusAt);
    return after ?? columns[0];
  }
  if (anchorAt !== null) {
    const after = columns.find((j) => j >= anchorAt);
    if (after !== undefined) return after;
  }
  return columns[columns.length - 1];
}
