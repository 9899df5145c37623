/**
 * The one place that knows the monitoring sheet reader's types (src/workbook/monitoring): turns its output
 * into the validation engine's input.
 */
import { Localized } from "../../domain/i18n";
import { Programme } from "../../domain/programme/types";
import { FoundValue, IndicatorEntry, LayoutProblem, Severity } from "../../domain/validation";
import { a1 } from "../address";
import { SheetCells } from "../cells";
import { fieldOfHeader } from "../monitoring/columns";
import { findMonitoringSheets, HEADER_SEARCH_ROWS, readMonitoringSheet } from "../monitoring/reader";

export interface MonitoringRead {
  entries: IndicatorEntry[];
  problems: LayoutProblem[];
  /** Sheet row (0-based) of the table's header, or null when it was not found. */
  headerRow: number | null;
  /** Sheet column (0-based) the values were read from, or null when none was found. */
  valueColumn: number | null;
}

/** How many top rows are searched for the header / title of a monitoring sheet: as many as the reader searches. */
const HEAD_ROWS = HEADER_SEARCH_ROWS;

function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

function localized(v: unknown, fallback: string): Localized {
  if (v && typeof v === "object" && "pl" in v && "en" in v)
    return { pl: String((v as Localized).pl), en: String((v as Localized).en) };
  if (typeof v === "string") return { pl: v, en: v };
  return { pl: fallback, en: fallback };
}

/** A reader problem (whatever its exact fields) as the engine's LayoutProblem. */
export function toLayoutProblem(sheet: string, p: unknown): LayoutProblem {
  const o = (p && typeof p === "object" ? p : {}) as Record<string, unknown>;
  const kind = (str(o.kind) ?? str(o.type) ?? str(o.code) ?? "problem").replace(/^layout-/, "");
  const cell = str(o.cell) ?? str(o.address) ?? null;
  const value = o.value === undefined ? null : (o.value as FoundValue);
  const severity = o.severity === "error" || o.severity === "warning" ? (o.severity as Severity) : undefined;
  const out: LayoutProblem = {
    kind,
    sheet: str(o.sheet) ?? sheet,
    cell,
    indicatorId: str(o.indicatorId),
    value,
    message: localized(o.message, `${sheet}${cell ? "!" + cell : ""}: ${kind}`),
  };
  if (severity) out.severity = severity;
  return out;
}

/**
 * Entries and problems of one sheet; never throws. `year`: the sheet's, when known (of several value columns
 * the one naming it is read; by default the year in the sheet's name).
 */
export function readMonitoring(
  cells: SheetCells,
  programme: Programme,
  year?: number | null,
): MonitoringRead {
  try {
    const read = readMonitoringSheet(cells, programme, { year });
    return {
      entries: read.entries.map((e) => ({
        indicatorId: e.indicatorId,
        sheet: cells.name,
        address: e.address,
        value: e.value,
        numberFormat: e.numberFormat,
        formula: e.formula,
        stray: e.stray,
      })),
      problems: read.problems.map((p: unknown) => toLayoutProblem(cells.name, p)),
      headerRow: typeof read.header?.row === "number" && read.header.row >= 0 ? read.header.row : null,
      valueColumn: typeof read.header?.columns?.value === "number" ? read.header.columns.value : null,
    };
  } catch (e) {
    // The reader promises never to throw; should it, the sheet is reported rather than the run crashing.
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return {
      entries: [],
      headerRow: null,
      valueColumn: null,
      problems: [
        {
          kind: "unreadable",
          sheet: cells.name,
          cell: null,
          severity: "error",
          message: {
            pl: `${cells.name}: nie udało się odczytać arkusza (${why})`,
            en: `${cells.name}: the sheet could not be read (${why})`,
          },
        },
      ],
    };
  }
}

/** Monitoring sheets by name: [{name, year}]. */
export function findMonitoringSheetsIn(names: string[]): { name: string; year: number }[] {
  const found = findMonitoringSheets(names) as unknown;
  const list = Array.isArray(found)
    ? found
    : found && typeof found === "object" && Array.isArray((found as { sheets?: unknown }).sheets)
      ? (found as { sheets: unknown[] }).sheets
      : [];
  return list
    .map((x) => x as { name?: unknown; year?: unknown })
    .filter((x) => typeof x.name === "string" && typeof x.year === "number")
    .map((x) => ({ name: x.name as string, year: x.year as number }));
}

/**
 * Whether a sheet's top rows hold the monitoring table's code column header, or a row with both the indicator
 * and the value column headers ("Mierniki" … "Wartość 2023": the grey code column deleted) — a cheap pre-check;
 * the reader then has to find indicators on it.
 */
export function looksLikeMonitoring(cells: SheetCells): boolean {
  const rows = cells.values.slice(0, Math.max(0, HEAD_ROWS - cells.top));
  return rows.some(
    (r) =>
      Array.isArray(r) &&
      (r.some((v) => typeof v === "string" && /kod\s+miernika/i.test(v)) ||
        (r.some((v) => fieldOfHeader(v) === "indicator") && r.some((v) => fieldOfHeader(v) === "value"))),
  );
}

/** The year of a monitoring sheet from its name or title ("… za rok 2023"), or null. */
export function yearFromContent(cells: SheetCells): number | null {
  const texts = [cells.name];
  for (const r of cells.values.slice(0, Math.max(0, HEAD_ROWS - cells.top)))
    for (const v of r) if (typeof v === "string") texts.push(v);
  for (const t of texts) {
    const m = /za\s+rok\s+(20\d\d)/i.exec(t) ?? /(?:^|\D)(20[2-3]\d)(?:\D|$)/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * Cells above the table (title, note, the value column's header) that name a year: "… za rok 2023",
 * "… for 2023", "Wartość 2023". Rows from the top of the sheet to the header row (or the first HEAD_ROWS).
 * With `valueColumn` given, another value column's header on the header row is not one of them: a column added
 * to compare with another year ("Wartość 2022" beside "Wartość 2023") names that year on purpose.
 */
export function statedYears(
  cells: SheetCells,
  headerRow: number | null,
  valueColumn: number | null = null,
): { cell: string; text: string; year: number }[] {
  const out: { cell: string; text: string; year: number }[] = [];
  const last = headerRow ?? cells.top + HEAD_ROWS - 1;
  cells.values.forEach((row, i) => {
    const r = cells.top + i;
    if (r > last || !Array.isArray(row)) return;
    row.forEach((v, j) => {
      if (typeof v !== "string") return;
      const isValue = fieldOfHeader(v) === "value";
      if (isValue && r === headerRow && valueColumn !== null && cells.left + j !== valueColumn) return;
      const m = isValue
        ? /(\d{4})/.exec(v)
        : /(?:za\s+rok|\bfor)\s+(\d{4})(?!\d)/i.exec(v.replace(/[\s\u00A0]+/g, " "));
      if (m) out.push({ cell: a1(r, cells.left + j), text: v, year: Number(m[1]) });
    });
  });
  return out;
}
