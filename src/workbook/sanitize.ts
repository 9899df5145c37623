/**
 * What Miernik writes into a workbook must be valid XML 1.0 and fit Excel's cells. Text that comes from
 * the user's files (names, file names, free text) is cleaned here before it is planned or written:
 * characters XML 1.0 forbids (C0 controls except tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) are
 * removed with a warning naming the cell; a cell longer than Excel's 32 767 characters is refused.
 */
import { a1 } from "./address";
import type { SheetCells } from "./cells";
import type { Localized } from "../domain/i18n";
import type { CellValue, SheetPlan } from "./plan";

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;

/* eslint-disable no-control-regex -- the characters to remove */
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/** The text without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "");
}

export const hasForbiddenChars = (text: string): boolean => {
  FORBIDDEN.lastIndex = 0;
  const r = FORBIDDEN.test(text);
  FORBIDDEN.lastIndex = 0;
  return r;
};

export interface SanitizeReport {
  /** Cells whose forbidden characters were removed, e.g. "Uczestnicy!C7". */
  cleaned: string[];
  /** Cells over MAX_CELL_CHARS (refused: the caller stops with a message). */
  tooLong: string[];
}

function cleanGrid(
  sheet: string,
  top: number,
  left: number,
  grid: CellValue[][],
  report: SanitizeReport,
): CellValue[][] {
  let copy: CellValue[][] | null = null;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const addr = `${sheet}!${a1(top + r, left + c)}`;
      let out = v;
      if (hasForbiddenChars(v)) {
        out = xmlSafe(v);
        report.cleaned.push(addr);
        copy ??= grid.map((x) => x.slice());
        copy[r][c] = out === "" ? null : out;
      }
      if (out.length > MAX_CELL_CHARS) report.tooLong.push(addr);
    }
  }
  return copy ?? grid;
}

/** Cleaned copy of read cells (values only; formulas are checked as plain text too). */
export function sanitizeSheetCells(sheet: SheetCells, report: SanitizeReport): SheetCells {
  return { ...sheet, values: cleanGrid(sheet.name, sheet.top, sheet.left, sheet.values, report) };
}

/** Cleaned copy of sheet plans (block values; the sheet name itself must be clean already). */
export function sanitizePlans(plans: SheetPlan[], report: SanitizeReport): SheetPlan[] {
  return plans.map((p) => ({
    ...p,
    blocks: p.blocks.map((b) => ({ ...b, values: cleanGrid(p.name, b.row, b.col, b.values, report) })),
  }));
}

export const emptyReport = (): SanitizeReport => ({ cleaned: [], tooLong: [] });

const list = (cells: string[]): string =>
  cells.slice(0, 5).join(", ") + (cells.length > 5 ? ` (+${cells.length - 5})` : "");

/** One-line messages of a report, for the file `file`: a warning and a refusal (either may be null). */
export function reportMessages(
  file: string,
  report: SanitizeReport,
): { warning: Localized | null; refusal: Localized | null } {
  return {
    warning:
      report.cleaned.length === 0
        ? null
        : {
            pl: `${file}: usunięto znaki niedozwolone w pliku .xlsx (znaki sterujące, U+FFFE/U+FFFF) z komórek ${list(report.cleaned)}`,
            en: `${file}: removed characters an .xlsx cannot hold (control characters, U+FFFE/U+FFFF) from cells ${list(report.cleaned)}`,
          },
    refusal:
      report.tooLong.length === 0
        ? null
        : {
            pl: `${file}: komórki ${list(report.tooLong)} mają ponad ${MAX_CELL_CHARS} znaków (limit Excela) — skróć je`,
            en: `${file}: cells ${list(report.tooLong)} hold more than ${MAX_CELL_CHARS} characters (Excel's limit) — shorten them`,
          },
  };
}
