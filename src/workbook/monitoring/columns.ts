import { Lang, Localized } from "../../domain/i18n";

/**
 * The monitoring sheet's columns: the seed's seven columns in its order and wording, the indicator's value in
 * its own typed column right after its label, and a narrow grey `Kod miernika` column last.
 *
 * `Kod miernika` holds the indicator id (`<actionCode>-<ordinal>`, e.g. "1.1.1-2"): it is THE key readers use
 * to find an indicator's value cell, so values survive rows being inserted, deleted or sorted. Readers find
 * every column by its header text (either language), never by letter; the indices here are where the layout
 * puts them. Never hard-code column letters elsewhere: use `MONITORING_COLUMNS` / `monitoringColumn()`.
 */
export type MonitoringField =
  "area" | "task" | "action" | "indicator" | "value" | "entities" | "monitoring" | "verification" | "code";

export interface MonitoringColumn {
  field: MonitoringField;
  /** 0-based column index in the layout (0 = A). */
  index: number;
  /** Width in Excel character units. */
  width: number;
  /** Header text; "{year}" is replaced by the sheet's year. */
  header: Localized;
  /** Matches this column's header text (trimmed, whitespace collapsed) in either language. */
  pattern: RegExp;
}

export const MONITORING_COLUMNS: readonly MonitoringColumn[] = [
  {
    field: "area",
    index: 0,
    width: 20,
    header: { pl: "Obszar/kierunek priorytetowy", en: "Priority area" },
    pattern: /^(obszar\s*\/\s*kierunek priorytetowy|priority area)$/i,
  },
  {
    field: "task",
    index: 1,
    width: 24,
    header: { pl: "Zadania", en: "Tasks" },
    pattern: /^(zadania|tasks)$/i,
  },
  {
    field: "action",
    index: 2,
    width: 36,
    header: { pl: "Działania", en: "Actions" },
    pattern: /^(działania|actions)$/i,
  },
  {
    field: "indicator",
    index: 3,
    width: 38,
    header: { pl: "Mierniki", en: "Indicators" },
    pattern: /^(mierniki|indicators)$/i,
  },
  {
    field: "value",
    index: 4,
    width: 13,
    header: { pl: "Wartość {year}", en: "Value {year}" },
    pattern: /^(wartość|value)(\s+(za\s+|for\s+)?(rok\s+)?\d{4})?$/i,
  },
  {
    field: "entities",
    index: 5,
    width: 28,
    header: { pl: "Podmioty realizujące i współpracujące", en: "Implementing and cooperating entities" },
    pattern: /^(podmioty realizujące i współpracujące|implementing and cooperating entities)$/i,
  },
  {
    field: "monitoring",
    index: 6,
    width: 16,
    header: { pl: "Monitorowanie", en: "Monitoring" },
    pattern: /^(monitorowanie|monitoring)$/i,
  },
  {
    field: "verification",
    index: 7,
    width: 15,
    header: { pl: "Sposób weryfikacji", en: "Verification method" },
    pattern: /^(sposób weryfikacji|verification method)$/i,
  },
  {
    field: "code",
    index: 8,
    width: 10,
    // The English header keeps the Polish words so the sheet is recognised whatever the language.
    header: { pl: "Kod miernika", en: "Indicator code (Kod miernika)" },
    pattern: /^(kod miernika|indicator code(\s*\(kod miernika\))?)$/i,
  },
];

/** Fields a reader cannot work without (the code column has a fallback: the label column). */
export const REQUIRED_FIELDS: readonly MonitoringField[] = ["indicator", "value"];

export function monitoringColumn(field: MonitoringField): MonitoringColumn {
  const c = MONITORING_COLUMNS.find((x) => x.field === field);
  if (!c) throw new RangeError(`unknown monitoring field ${field}`);
  return c;
}

export function headerText(field: MonitoringField, year: number, lang: Lang = "pl"): string {
  return monitoringColumn(field).header[lang].replace("{year}", String(year));
}

export const MONITORING_SHEET_PREFIX = "Monitoring";

export function monitoringSheetName(year: number): string {
  return `${MONITORING_SHEET_PREFIX} ${year}`;
}

/** Rows of the layout (0-based). Readers do not rely on them: they search the header row (see reader.ts). */
export const MONITORING_ROWS = {
  title: 0,
  note: 1,
  header: 2,
  firstData: 3,
} as const;

/** Number formats of the value cells. Percents are stored as fractions (76,2% → 0.762). */
export const VALUE_FORMATS = {
  /** Thousands grouped as the system shows them (Polish: 1 796); two trailing spaces (a literal in Excel's and
   * LibreOffice's format codes) keep the right-aligned value off the next column's text. */
  count: "#,##0  ",
  /** One decimal always, a second when there is one: the seed's 76,2% and 83,29% both show as written. */
  percent: "0.0#%  ",
} as const;

/** Normalise a header cell's text for matching: trim, collapse whitespace (incl. NBSP and line breaks). */
export function normaliseHeader(v: unknown): string {
  return typeof v === "string" ? v.replace(/[\s\u00A0\u202F]+/g, " ").trim() : "";
}

/** The field whose header this text is, or null. */
export function fieldOfHeader(v: unknown): MonitoringField | null {
  const s = normaliseHeader(v);
  if (!s) return null;
  for (const c of MONITORING_COLUMNS) if (c.pattern.test(s)) return c.field;
  return null;
}

/** The year a value column's header names ("Wartość 2023", "Wartość za rok 2023" → 2023), or null. */
export function valueHeaderYear(v: unknown): number | null {
  if (fieldOfHeader(v) !== "value") return null;
  const m = /(\d{4})$/.exec(normaliseHeader(v));
  return m ? Number(m[1]) : null;
}

/**
 * Which of several value columns on the header row holds the sheet's values: people add a column for another
 * year next to it ("Wartość 2022" before "Wartość 2023", to compare). The one naming the sheet's year; else one
 * naming no year; else the first. `candidates` are [column, header text] in column order.
 */
export function pickValueColumn(candidates: readonly [number, unknown][], year: number | null): number {
  const years = candidates.map(([, text]) => valueHeaderYear(text));
  const own = year === null ? -1 : years.findIndex((y) => y === year);
  const plain = years.findIndex((y) => y === null);
  return candidates[own >= 0 ? own : plain >= 0 ? plain : 0][0];
}
