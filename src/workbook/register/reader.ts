import { ColumnKey, REGISTER_COLUMNS } from "../../domain/register/columns";
import { RawRow } from "../../domain/register/checks";
import { headerKey } from "../../domain/text";
import { SheetCells, WorkbookCells } from "../cells";
import { CellValue } from "../plan";

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
const KEY_BY_HEADER = new Map(REGISTER_COLUMNS.map((c) => [headerKey(c.header), c.key]));
/** Rows searched for the header row (exports often start with a title block). */
const HEADER_SEARCH_ROWS = 20;

interface HeaderRow {
  index: number;
  columns: Map<ColumnKey, number>;
}

function findHeaderRow(values: CellValue[][]): HeaderRow | null {
  let best: HeaderRow | null = null;
  for (let i = 0; i < Math.min(values.length, HEADER_SEARCH_ROWS); i++) {
    const columns = new Map<ColumnKey, number>();
    values[i].forEach((v, j) => {
      if (typeof v !== "string") return;
      const key = KEY_BY_HEADER.get(headerKey(v));
      // A repeated header (SL2014 has an institution "W tym" before the participant one): the last wins.
      if (key) columns.set(key, j);
    });
    if (columns.size >= 3 && (!best || columns.size > best.columns.size)) best = { index: i, columns };
  }
  return best;
}

export interface RegisterRows {
  sheet: string;
  rows: RawRow[];
  /** 1-based sheet row of the header. */
  headerRow: number;
}

/** The header row of a register sheet, matched to the register's columns (see `registerHeader`). */
export interface RegisterHeader {
  /** 0-based index in `sheet.values` of the header row. */
  index: number;
  /** Register column → 0-based column in the sheet's values. */
  entries: [ColumnKey, number][];
}

/**
 * The header step of `readRegisterSheet`: finds the header row and checks the required columns; a missing
 * required column throws ONE RegisterReadError naming every missing one.
 */
export function registerHeader(sheet: SheetCells): RegisterHeader {
  const h = findHeaderRow(sheet.values);
  if (!h)
    throw new RegisterReadError(
      `Arkusz „${sheet.name}”: nie znaleziono wiersza nagłówków rejestru uczestników (np. „PESEL”, „Płeć”, „Data rozpoczęcia udziału w projekcie”).`,
      `Sheet “${sheet.name}”: no participant register header row found (e.g. “PESEL”, “Płeć”, “Data rozpoczęcia udziału w projekcie”).`,
    );
  const missing = REGISTER_COLUMNS.filter((c) => c.required && !h.columns.has(c.key)).map(
    (c) => `„${c.header}”`,
  );
  if (missing.length > 0)
    throw new RegisterReadError(
      `Arkusz „${sheet.name}”: brak wymaganej kolumny ${missing.join(", ")} — dodaj ją w wierszu nagłówków (wiersz ${sheet.top + h.index + 1}).`,
      `Sheet “${sheet.name}”: required column ${missing.join(", ")} missing — add it to the header row (row ${sheet.top + h.index + 1}).`,
    );
  return { index: h.index, entries: [...h.columns.entries()] };
}

/**
 * The per-row step of `readRegisterSheet`: sheet row `i` (0-based in `sheet.values`, below the header) as a
 * raw register row, or null when every register cell of it is empty.
 */
export function readRegisterRow(sheet: SheetCells, header: RegisterHeader, i: number): RawRow | null {
  const line = sheet.values[i];
  const values: RawRow["values"] = {};
  let any = false;
  for (const [key, j] of header.entries) {
    let v = line[j] ?? null;
    if (typeof v === "string" && v.trim() === "") v = null;
    if (v !== null) any = true;
    values[key] = v;
  }
  return any ? { row: sheet.top + i + 1, values } : null;
}

/** The result of reading `sheet` with `header` once every row is read. */
export function registerRows(sheet: SheetCells, header: RegisterHeader, rows: RawRow[]): RegisterRows {
  return { sheet: sheet.name, rows, headerRow: sheet.top + header.index + 1 };
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
  if (named) return { sheet: named, header: registerHeader(named) };
  let firstError: RegisterReadError | null = null;
  for (const s of wb.sheets) {
    const h = findHeaderRow(s.values);
    if (!h) continue;
    try {
      return { sheet: s, header: registerHeader(s) };
    } catch (e) {
      if (e instanceof RegisterReadError && !firstError) firstError = e;
      else if (!(e instanceof RegisterReadError)) throw e;
    }
  }
  if (firstError) throw firstError;
  throw new RegisterReadError(
    "Skoroszyt nie zawiera arkusza „Uczestnicy” ani arkusza z nagłówkami rejestru uczestników.",
    "The workbook has no “Uczestnicy” sheet and no sheet with the participant register headers.",
  );
}

/** Picks the register sheet of a workbook: the sheet named `Uczestnicy`, else the first sheet with the headers. */
export function readRegisterWorkbook(wb: WorkbookCells): RegisterRows {
  const { sheet, header } = registerSheetOf(wb);
  return readRows(sheet, header);
}

/** CSV rows (from `parseCsv`) as a sheet. */
export function csvSheet(values: CellValue[][], name = REGISTER_SHEET_NAME): SheetCells {
  return { name, top: 0, left: 0, values };
}
