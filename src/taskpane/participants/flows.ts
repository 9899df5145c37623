/**
 * The Participants section's work, free of React: create (or refresh) the register table + criteria
 * sheet, import participants from a file, and check the criteria — all through the WorkbookHost, so the
 * same code runs in Excel and in the standalone page. Typed rows are never lost: a refresh rewrites the
 * table with every row read from it; an import appends only rows not already there.
 */
import type { Card, Evaluation } from "../../domain/card/types";
import type { Lang, Localized } from "../../domain/i18n";
import type { RawRow } from "../../domain/register/checks";
import { rowIssuesHead } from "../../domain/register/engine";
import type { CsvSource, WorkbookCells } from "../../workbook/cells";
import { criteriaSheetName } from "../../workbook/criteria/plan";
import { buildCheckWorkbookPlan } from "../../workbook/criteria/workbook";
import type { CellValue } from "../../workbook/plan";
import { REGISTER_SHEET } from "../../workbook/register/layout";
import { ColumnMapping, RegisterReadError } from "../../workbook/register/reader";
import { registerTableRows } from "../../workbook/register/rows";
import { APPLE_NUMBERS, isAppleNumbersName } from "../../workbook/lockFile";
import { EMPTY_INPUT, findApplicant, readInputFile, XlsxParser } from "../../workbook/summary/inputs";
import type { WorkbookHost, WriteReport } from "../host";
import {
  checkAndEvaluateSliced,
  dedupeSliced,
  readRegisterSheetSliced,
  readRegisterWorkbookSliced,
} from "../work/sliced";

export interface ParticipantsDeps {
  host: WorkbookHost;
  lang: Lang;
  /** Asked before a sheet that is not Miernik's register is replaced; false keeps it. */
  confirmReplace(sheet: string, why: Localized): Promise<boolean>;
}

/** A problem meant for the user (shown as it is). */
export class ParticipantsError extends Error {
  constructor(readonly info: { message: Localized }) {
    super(info.message.en);
  }
}

async function existingRows(deps: ParticipantsDeps): Promise<RawRow[] | "none" | "kept"> {
  const sheet = await deps.host.readSheet(REGISTER_SHEET, { valuesOnly: true });
  if (!sheet) return "none";
  try {
    // In slices: 100 000 rows never block the pane for long (see ../work/sliced.ts).
    return (await readRegisterSheetSliced(sheet)).rows;
  } catch (e) {
    if (!(e instanceof RegisterReadError)) throw e;
    const why = { pl: e.pl, en: e.en };
    return (await deps.confirmReplace(REGISTER_SHEET, why)) ? "none" : "kept";
  }
}

export type WriteOutcome = { status: "done"; rows: number; report: WriteReport } | { status: "kept" };

async function write(
  deps: ParticipantsDeps,
  card: Card,
  asOf: number,
  raw: RawRow[],
  /** The applicant an imported file names, used when the criteria sheet has none yet. */
  imported: string | null = null,
): Promise<WriteReport> {
  // The applicant on the criteria sheet ("Wnioskodawca:", where summarize reads it; typed or written before) is kept.
  const criteria = await deps.host.readSheet(criteriaSheetName(card), { valuesOnly: true });
  const applicant = (criteria ? findApplicant({ sheets: [criteria] }) : null) ?? imported;
  const plan = buildCheckWorkbookPlan(card, {
    rows: registerTableRows(raw),
    asOf,
    lang: deps.lang,
    applicant,
  });
  return deps.host.writePlans(plan.sheets, plan.names);
}

/** Create participant register: the table (keeping every row already typed), Słowniki, the criteria sheet. */
export async function createRegister(
  deps: ParticipantsDeps,
  card: Card,
  asOf: number,
): Promise<WriteOutcome> {
  const rows = await existingRows(deps);
  if (rows === "kept") return { status: "kept" };
  const raw = rows === "none" ? [] : rows;
  return { status: "done", rows: raw.length, report: await write(deps, card, asOf, raw) };
}

export interface ImportPreview {
  file: string;
  incoming: number;
  /** Rows already in the register (same PESEL, or the same row) — not imported again. */
  duplicates: number;
  /** The applicant the file names ("Wnioskodawca:" above its table), for a criteria sheet without one. */
  applicant?: string;
  toAdd: RawRow[];
  existing: RawRow[];
  /** Which file column fed which register column (issue 12), as listed in the import dialog. */
  columns: ColumnMapping[];
  /** For a CSV file: how it was decoded. */
  csv?: CsvSource;
  /** Register columns the file does not have that the project keeps itself (empty after the import). */
  absent?: string[];
}

/**
 * A file the import cannot read: which file, why (the reader's reason, a lower-case phrase made for
 * "file: reason" lists), and what to do instead.
 */
export function importFailedText(file: string, reason: Localized): Localized {
  const why =
    reason === EMPTY_INPUT
      ? {
          pl: "plik jest pusty — nie ma w nim wierszy uczestników",
          en: "the file is empty — it has no participant rows",
        }
      : reason;
  return {
    pl: `Nie można zaimportować uczestników z pliku „${file}”: ${why.pl}. Wybierz plik .xlsx (zapisany w Excelu lub LibreOffice, bez hasła) albo .csv z wierszem nagłówków rejestru uczestników.`,
    en: `Cannot import participants from “${file}”: ${why.en}. Pick an .xlsx file (saved by Excel or LibreOffice, without a password) or a .csv with the participant register's header row.`,
  };
}

/** Reads the file and the register; tells what an import would add (nothing is written yet). */
export async function previewImport(
  deps: ParticipantsDeps,
  file: { name: string; bytes: Uint8Array },
  parseXlsx: XlsxParser,
  /** Cancel: the preview stops at the next slice (AbortError) and nothing is asked or written. */
  signal?: AbortSignal,
): Promise<ImportPreview> {
  // By its name before its bytes, as opening does (the summaries' reader would call it just "unsupported").
  if (isAppleNumbersName(file.name))
    throw new ParticipantsError({ message: importFailedText(file.name, APPLE_NUMBERS) });
  const read = await readInputFile(file.name, file.bytes, parseXlsx);
  signal?.throwIfAborted();
  if (!read.ok) throw new ParticipantsError({ message: importFailedText(file.name, read.reason) });
  let incoming: RawRow[];
  let columns: ColumnMapping[];
  let csv: CsvSource | undefined;
  let absent: string[] | undefined;
  try {
    const got = await readRegisterWorkbookSliced(read.cells as WorkbookCells, { signal });
    incoming = got.rows;
    columns = got.columns;
    csv = got.csv;
    absent = got.absent;
  } catch (e) {
    if (e instanceof RegisterReadError)
      throw new ParticipantsError({ message: { pl: `${file.name}: ${e.pl}`, en: `${file.name}: ${e.en}` } });
    throw e;
  }
  const existing = await existingRows(deps);
  if (existing === "kept")
    throw new ParticipantsError({
      message: {
        pl: "Import anulowany: arkusz „Uczestnicy” pozostał bez zmian.",
        en: "Import cancelled: the “Uczestnicy” sheet was kept.",
      },
    });
  const have = existing === "none" ? [] : existing;
  const { toAdd, duplicates } = await dedupeSliced(have, incoming, { signal });
  const preview: ImportPreview = {
    file: file.name,
    incoming: incoming.length,
    duplicates,
    toAdd,
    existing: have,
    columns,
  };
  if (csv) preview.csv = csv;
  if (absent) preview.absent = absent;
  const applicant = findApplicant(read.cells as WorkbookCells);
  if (applicant) preview.applicant = applicant;
  return preview;
}

/** Appends the previewed rows after the existing ones (which stay as they are) and rewrites the sheets. */
export async function applyImport(
  deps: ParticipantsDeps,
  card: Card,
  asOf: number,
  preview: ImportPreview,
): Promise<WriteOutcome> {
  const raw = [...preview.existing, ...preview.toAdd];
  return {
    status: "done",
    rows: raw.length,
    report: await write(deps, card, asOf, raw, preview.applicant ?? null),
  };
}

/** Row problems the pane lists (the first ones, in row order); the count above the list says how many there are. */
export const ROW_ISSUES_LISTED = 200;

export interface CheckOutcome {
  /** The evaluation, its `rowIssues` cut to the first ROW_ISSUES_LISTED (what the pane lists). */
  evaluation: Evaluation;
  /** Rows read from the register sheet. */
  rows: number;
  /** All row problems found (100 000 rows can have tens of thousands: they are not all sent to the pane). */
  rowIssueCount: number;
}

/**
 * What the pane gets of a check: the whole evaluation but only the row problems it lists, so a Web Worker
 * never sends tens of thousands of them (megabytes to clone) to the main thread.
 */
export function checkOutcome(evaluation: Evaluation, rows: number): CheckOutcome {
  // Only the listed problems are built into messages (the engine keeps the others compact).
  const { count: rowIssueCount, head } = rowIssuesHead(evaluation, ROW_ISSUES_LISTED);
  const { card, asOf, participants, pending, criteria } = evaluation;
  return {
    evaluation: { card, asOf, participants, pending, criteria, rowIssues: head },
    rows,
    rowIssueCount,
  };
}

/**
 * The rows to check: the "Uczestnicy" sheet when there is one; otherwise the first sheet that looks like a
 * participant list (as `miernik check` picks it), so a list kept on "Arkusz1" can be checked too.
 */
async function registerRowsToCheck(deps: ParticipantsDeps, signal?: AbortSignal): Promise<RawRow[]> {
  const sheet = await deps.host.readSheet(REGISTER_SHEET, { valuesOnly: true });
  if (sheet) return (await readRegisterSheetSliced(sheet, { signal })).rows;
  const names = await deps.host.listSheets();
  const sheets = [];
  for (const n of names) {
    const s = await deps.host.readSheet(n, { valuesOnly: true });
    if (s) sheets.push(s);
  }
  if (sheets.length === 0)
    throw new ParticipantsError({
      message: {
        pl: "Brak arkusza „Uczestnicy” — najpierw utwórz rejestr uczestników.",
        en: "There is no “Uczestnicy” sheet — create the participant register first.",
      },
    });
  return (await readRegisterWorkbookSliced({ sheets }, { signal })).rows;
}

/** Check criteria: the register as it is in the workbook, row checks and the card's evaluation. */
export async function checkCriteria(
  deps: ParticipantsDeps,
  card: Card,
  asOf: number,
  signal?: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckOutcome> {
  // Outside Office with a Web Worker: the same reads and checks, run where the workbook is.
  if (deps.host.work) return deps.host.work.checkCriteria(card, asOf, { signal, onProgress });
  let rows: RawRow[];
  try {
    rows = await registerRowsToCheck(deps, signal);
  } catch (e) {
    if (e instanceof RegisterReadError) throw new ParticipantsError({ message: { pl: e.pl, en: e.en } });
    throw e;
  }
  // In slices with yields between them: 100 000 rows never block the pane for long (see ../work/sliced.ts).
  const evaluation = await checkAndEvaluateSliced(rows, card, asOf, { signal, onProgress });
  return checkOutcome(evaluation, rows.length);
}

export { criteriaSheetName, REGISTER_SHEET };
export type { CellValue };
