import { Lang, Localized } from "../../domain/i18n";
import { rangeA1 } from "../address";
import { fittedLines, fittedRowHeight } from "../textFit";
import { BlockPlan, FormatPlan, RowPlan } from "../plan";

/** Shared bits of the summary sheets. */

export const HEADER_FILL = "#D9E1F2";
export const SECTION_FILL = "#B4C6E7";
export const MET_FILL = "#C6EFCE";
export const MET_FONT = "#006100";
export const NOT_MET_FILL = "#FFC7CE";
export const NOT_MET_FONT = "#9C0006";
export const NA_FILL = "#EDEDED";
export const NA_FONT = "#595959";
export const WARN_FILL = "#FFEB9C";

export const PERCENT_FORMAT = "0.0%";
export const COUNT_FORMAT = "#,##0";
/** Change from the previous year: a sign always shown. */
export const CHANGE_COUNT_FORMAT = "+#,##0;-#,##0;0";
export const CHANGE_PERCENT_FORMAT = '+0.0" p.p.";-0.0" p.p.";0.0" p.p."';

export const MET_TEXT: Record<"yes" | "no" | "na", Localized> = {
  yes: { pl: "TAK", en: "YES" },
  no: { pl: "NIE", en: "NO" },
  na: { pl: "nie dotyczy", en: "n/a" },
};

export function metText(met: boolean | null, lang: Lang): string {
  return MET_TEXT[met === null ? "na" : met ? "yes" : "no"][lang];
}

export const L = (pl: string, en: string): Localized => ({ pl, en });

/** "05.11.2026 14:03" (Polish) or "2026-11-05 14:03" in local time: the build-time label of figures Miernik computed. */
export function formatBuiltAt(d: Date, lang: Lang = "en"): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  const time = `${p(d.getHours())}:${p(d.getMinutes())}`;
  if (lang === "pl") return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${time}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${time}`;
}

/** A4 landscape, fit to one page wide. */
export function printLandscape(titleRows: string | undefined, header: string, lang: Lang) {
  return {
    orientation: "landscape" as const,
    paperSize: "A4" as const,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: titleRows,
    centerHeader: header,
    // The date it was printed (in the reader's date format), as on the criteria and plan sheets.
    leftFooter: printedOn(lang),
    centerFooter: "&P / &N",
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** The footer's print date ("&D": the date of printing, in the reader's date format). */
export function printedOn(lang: Lang): string {
  return lang === "pl" ? "Wydruk: &D" : "Printed: &D";
}

/**
 * Rough number of lines `text` wraps to in a cell `width` characters wide (Calibri 11, about 1.15 characters
 * per width unit): for row heights under merged wrapped cells, which Excel and LibreOffice do not grow.
 */
export function wrappedLines(text: string, width: number): number {
  const per = Math.max(1, Math.floor(width * 1.15));
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of para.split(/\s+/)) {
      if (line > 0 && line + 1 + word.length > per) {
        lines++;
        line = word.length;
      } else line += (line > 0 ? 1 : 0) + word.length;
    }
  }
  return lines;
}

/** An ISO date as the sheet's language writes it: "30.06.2025" in Polish, "2025-06-30" in English. */
export function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === "pl" ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * The list of files left out of a summary, one row each: the file name over `file` columns and the reason
 * over `reason` columns (each merged when wider than one column), both wrapped, each row as tall as its longer
 * text — a long path or reason stays whole on the printed page instead of being cut at the next cell.
 * `widths` are the sheet's column widths.
 */
export function problemListPlan(
  row: number,
  problems: readonly { file: string; reason: string }[],
  file: { col: number; span: number },
  reason: { col: number; span: number },
  widths: readonly number[],
): { block: BlockPlan; merges: string[]; rows: RowPlan[]; formats: FormatPlan[] } {
  const width = (c: { col: number; span: number }): number =>
    widths.slice(c.col, c.col + c.span).reduce((a, b) => a + b, 0);
  const values = problems.map((p) => {
    const r: (string | null)[] = Array.from({ length: reason.col + reason.span }, () => null);
    r[file.col] = p.file;
    r[reason.col] = p.reason;
    return r;
  });
  const merges: string[] = [];
  const rows: RowPlan[] = [];
  problems.forEach((p, i) => {
    if (file.span > 1) merges.push(rangeA1(row + i, file.col, 1, file.span));
    if (reason.span > 1) merges.push(rangeA1(row + i, reason.col, 1, reason.span));
    // Merged cells are not fitted by Excel or LibreOffice: the height is the estimate.
    const lines = Math.max(fittedLines(p.file, width(file)), fittedLines(p.reason, width(reason)));
    if (lines > 1) rows.push({ index: row + i, height: fittedRowHeight(lines) });
  });
  const first = Math.min(file.col, reason.col);
  const formats: FormatPlan[] =
    problems.length > 0
      ? [
          {
            range: rangeA1(row, first, problems.length, reason.col + reason.span - first),
            style: { border: "thin", vAlign: "top", wrap: true },
          },
        ]
      : [];
  return { block: { row, col: 0, values }, merges, rows, formats };
}
