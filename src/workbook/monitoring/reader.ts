import { Localized } from "../../domain/i18n";
import { parsePolishNumber } from "../../domain/numbers";
import { Indicator, Programme } from "../../domain/programme/types";
import { a1 } from "../address";
import { SheetCells } from "../cells";
import { CellValue } from "../plan";
import {
  fieldOfHeader,
  MONITORING_COLUMNS,
  MONITORING_SHEET_PREFIX,
  MonitoringField,
  monitoringColumn,
  pickValueColumn,
} from "./columns";
import {
  MonitoringEntry,
  MonitoringHeader,
  StrayValue,
  MonitoringProblem,
  MonitoringRead,
  MonitoringSheetSearch,
} from "./types";

/**
 * Reads a monitoring sheet laid out by layout.ts — or what is left of it after people worked in it.
 *
 * - The header row is the row, among the first HEADER_SEARCH_ROWS, holding the most column titles (either
 *   language); each column is found by its title, so moved columns are still read. A column whose title is
 *   not on the header row is looked for in the other top rows.
 * - Each indicator is located by its id in the `Kod miernika` column; when that cell was emptied or
 *   overwritten, by its label in the `Mierniki` column (labels repeat across actions, so the action heading
 *   above the row — "1.5.2. …" in the `Działania` column — narrows the match).
 * - Never throws, whatever the 2-D input; every anomaly is a problem with a cell and a fix.
 */

/**
 * How many top rows are searched for the header row: room for what people put above a table (a letterhead,
 * "Załącznik nr …", the office's sign, dates, notes), and still only the top of the sheet.
 */
export const HEADER_SEARCH_ROWS = 50;

const isStr = (v: unknown): v is string => typeof v === "string";

/** Collapse whitespace (incl. NBSP, line breaks), trim; strip the seed's "- " prefix and ":" suffix; lowercase. */
export function normaliseLabel(v: unknown): string {
  if (!isStr(v)) return "";
  return v
    .replace(/[\s\u00A0\u202F\u2007\u2009]+/g, " ")
    .trim()
    .replace(/^[-–—•]\s*/, "")
    .replace(/\s*:$/, "")
    .toLowerCase();
}

function safeInt(v: unknown): number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** A tolerant view of SheetCells: any shape in, plain cell values out. */
class Grid {
  readonly top: number;
  readonly left: number;
  readonly rows: unknown[];
  readonly formats: unknown[];
  readonly formulas: unknown[];
  readonly height: number;
  readonly width: number;

  constructor(cells: SheetCells) {
    this.top = safeInt(cells?.top);
    this.left = safeInt(cells?.left);
    this.rows = Array.isArray(cells?.values) ? cells.values : [];
    this.formats = Array.isArray(cells?.numberFormats) ? cells.numberFormats : [];
    this.formulas = Array.isArray(cells?.formulas) ? cells.formulas : [];
    this.height = this.rows.length;
    let w = 0;
    for (const r of this.rows) if (Array.isArray(r)) w = Math.max(w, r.length);
    this.width = w;
  }

  /** Value at a 0-based sheet coordinate; null outside the read range or for anything not a cell value. */
  at(row: number, col: number): CellValue {
    const r = this.rows[row - this.top];
    if (!Array.isArray(r)) return null;
    const v: unknown = r[col - this.left];
    if (v === "") return null;
    if (typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    return null;
  }

  /** Number format at a 0-based sheet coordinate, or null (none read, or not a string). */
  formatAt(row: number, col: number): string | null {
    const r = this.formats[row - this.top];
    if (!Array.isArray(r)) return null;
    const f: unknown = r[col - this.left];
    return typeof f === "string" ? f : null;
  }

  /** Formula at a 0-based sheet coordinate ("=SUM(E5:E7)"), or null (none read, or not a formula). */
  formulaAt(row: number, col: number): string | null {
    const r = this.formulas[row - this.top];
    if (!Array.isArray(r)) return null;
    const f: unknown = r[col - this.left];
    return typeof f === "string" && f.length > 1 && f.startsWith("=") ? f : null;
  }

  get lastRow(): number {
    return this.top + this.height - 1;
  }
  get lastCol(): number {
    return this.left + this.width - 1;
  }
}

function findHeader(g: Grid, year: number | null): MonitoringHeader {
  const end = Math.min(g.lastRow, g.top + HEADER_SEARCH_ROWS - 1);
  let best: { row: number; fields: Map<MonitoringField, number> } | null = null;
  const found = new Map<number, Map<MonitoringField, number>>();
  for (let r = g.top; r <= end; r++) {
    const fields = new Map<MonitoringField, number>();
    const values: [number, unknown][] = [];
    for (let c = g.left; c <= g.lastCol; c++) {
      const f = fieldOfHeader(g.at(r, c));
      if (f === "value") values.push([c, g.at(r, c)]);
      if (f && !fields.has(f)) fields.set(f, c);
    }
    // Another year's column added beside the sheet's own ("Wartość 2022" before "Wartość 2023"): the own one.
    if (values.length > 1) fields.set("value", pickValueColumn(values, year));
    found.set(r, fields);
    if (fields.size >= 2 && (!best || fields.size > best.fields.size)) best = { row: r, fields };
  }
  if (!best) return { row: null, columns: {} };
  const columns: Partial<Record<MonitoringField, number>> = Object.fromEntries(best.fields);
  const taken = new Set(best.fields.values());
  for (const c of MONITORING_COLUMNS) {
    if (columns[c.field] !== undefined) continue;
    for (let r = g.top; r <= end; r++) {
      const col = found.get(r)?.get(c.field);
      if (col !== undefined && !taken.has(col)) {
        columns[c.field] = col;
        taken.add(col);
        break;
      }
    }
  }
  return { row: best.row, columns };
}

const ID_RE = /^\d+\.\d+\.\d+-\d+$/;
const ACTION_RE = /^\s*(\d+\.\d+\.\d+)\.?(\s|$)/;

function cellText(v: CellValue): string {
  if (v === null) return "";
  return typeof v === "string" ? v.replace(/[\s\u00A0\u202F]+/g, " ").trim() : String(v);
}

function show(v: CellValue): string {
  return v === null ? "" : typeof v === "string" ? `„${v}”` : String(v);
}

export interface ReadOptions {
  /**
   * The sheet's year, when the caller knows it (a renamed sheet's from its title): of several value columns the
   * one naming it is read. Default: the year in the sheet's name ("Monitoring 2023"), if any.
   */
  year?: number | null;
}

/** The year in a sheet name "Monitoring 2023" (case and spaces tolerated), or null. */
function yearOfName(name: string): number | null {
  const m = SHEET_RE.exec(normaliseSheetName(name));
  return m ? Number(m[1]) : null;
}

export function readMonitoringSheet(
  cells: SheetCells,
  programme: Programme,
  opts: ReadOptions = {},
): MonitoringRead {
  const sheet = isStr(cells?.name) ? cells.name : "";
  try {
    return read(cells, programme, sheet, opts.year ?? yearOfName(sheet));
  } catch (e) {
    // Defensive: the reader is meant never to throw; should it, the sheet is reported, not the run crashed.
    const why = e instanceof Error ? e.message : String(e);
    return {
      sheet,
      header: { row: null, columns: {} },
      entries: [],
      problems: [
        {
          kind: "header-not-found",
          severity: "error",
          sheet,
          cell: null,
          indicatorId: null,
          value: null,
          message: {
            pl: `Arkusz „${sheet}”: nie udało się odczytać tabeli monitoringu (${why}). Utwórz arkusz ponownie z dodatku.`,
            en: `Sheet "${sheet}": the monitoring table could not be read (${why}). Lay the sheet out again from the add-in.`,
          },
        },
      ],
    };
  }
}

function read(cells: SheetCells, programme: Programme, sheet: string, year: number | null): MonitoringRead {
  const g = new Grid(cells);
  const problems: MonitoringProblem[] = [];
  const indicators: Indicator[] = [];
  for (const a of programme.areas)
    for (const t of a.tasks) for (const ac of t.actions) indicators.push(...ac.indicators);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const problem = (p: Omit<MonitoringProblem, "sheet">) => problems.push({ sheet, ...p });

  let header = findHeader(g, year);
  const cols = header.columns;
  const missingColumns = (["value", "indicator"] as const).filter((f) => cols[f] === undefined);
  const headerRowText = { pl: "wiersz nagłówka", en: "header row" };
  if (header.row === null || missingColumns.length > 0) {
    // Fall back to the layout's own positions when they still hold indicator ids.
    const defaults: Partial<Record<MonitoringField, number>> = {};
    for (const c of MONITORING_COLUMNS) defaults[c.field] = c.index;
    let hits = 0;
    let firstIdRow: number | null = null;
    for (let r = g.top; r <= g.lastRow && hits < 3; r++) {
      const v = g.at(r, defaults.code!);
      if (isStr(v) && byId.has(v.trim())) {
        hits++;
        firstIdRow ??= r;
      }
    }
    const what =
      header.row === null
        ? headerRowText
        : {
            pl: `kolumna ${missingColumns.map((f) => `„${monitoringColumn(f).header.pl.replace(" {year}", "")}”`).join(", ")}`,
            en: `column ${missingColumns.map((f) => `"${monitoringColumn(f).header.en.replace(" {year}", "")}"`).join(", ")}`,
          };
    problem({
      kind: "header-not-found",
      severity: "error",
      cell: null,
      indicatorId: null,
      value: null,
      message: {
        pl:
          `Arkusz „${sheet}”: nie znaleziono: ${what.pl} (w pierwszych ${HEADER_SEARCH_ROWS} wierszach). ` +
          (hits > 0 ? "Odczytano wartości z kolumn układu domyślnego. " : "Nie można odczytać wartości. ") +
          "Przywróć nagłówki tabeli albo utwórz arkusz ponownie z dodatku (wpisane wartości zostaną zachowane).",
        en:
          `Sheet "${sheet}": ${what.en} not found (in the first ${HEADER_SEARCH_ROWS} rows). ` +
          (hits > 0 ? "Values were read from the layout's default columns. " : "No value can be read. ") +
          "Restore the table headers or lay the sheet out again from the add-in (typed values are kept).",
      },
    });
    if (hits === 0)
      return { sheet, header, entries: [], problems: withMissing(problems, [], indicators, sheet) };
    // Without a header row the table starts at the first indicator id: the rows above it (title, note, the
    // header itself with texts the reader does not know) are not read as table rows ("Kod" is no unknown code).
    header = {
      row: header.row ?? firstIdRow! - 1,
      columns: { ...defaults, ...onlyDistinct(cols, defaults) },
    };
  } else {
    const moved = MONITORING_COLUMNS.filter(
      (c) => cols[c.field] !== undefined && cols[c.field] !== c.index,
    ).sort((a, b) => cols[a.field]! - cols[b.field]!);
    if (moved.length > 0) {
      const first = moved[0];
      problem({
        kind: "columns-moved",
        severity: "warning",
        cell: a1(header.row, cols[first.field]!),
        indicatorId: null,
        value: g.at(header.row, cols[first.field]!),
        message: {
          pl:
            `Arkusz „${sheet}”: przesunięto kolumny (${moved.map((c) => `„${c.header.pl.replace(" {year}", "")}”`).join(", ")}). ` +
            "Wartości odczytano według nagłówków; aby przywrócić układ, utwórz arkusz ponownie z dodatku (wpisane wartości zostaną zachowane).",
          en:
            `Sheet "${sheet}": columns were moved (${moved.map((c) => `"${c.header.en.replace(" {year}", "")}"`).join(", ")}). ` +
            "Values were read by their headers; to restore the layout, lay the sheet out again from the add-in (typed values are kept).",
        },
      });
    }
  }

  const headerRow = header.row!;
  const codeCol = header.columns.code;
  const valueCol = header.columns.value!;
  const labelCol = header.columns.indicator!;
  const actionCol = header.columns.action;

  // Pass 1: by code.
  const found = new Map<string, MonitoringEntry>();
  interface Pending {
    row: number;
    code: CellValue;
    action: string | null;
  }
  const pending: Pending[] = [];
  let currentAction: string | null = null;
  const entryAt = (id: string, row: number, foundBy: "code" | "label"): MonitoringEntry => ({
    indicatorId: id,
    row,
    col: valueCol,
    address: a1(row, valueCol),
    value: g.at(row, valueCol),
    numberFormat: g.formatAt(row, valueCol),
    formula: g.formulaAt(row, valueCol),
    stray: null,
    foundBy,
  });
  for (let r = headerRow + 1; r <= g.lastRow; r++) {
    if (actionCol !== undefined) {
      const m = ACTION_RE.exec(cellText(g.at(r, actionCol)));
      if (m) currentAction = m[1];
    }
    const code = codeCol === undefined ? null : g.at(r, codeCol);
    const codeText = cellText(code);
    if (codeText && byId.has(codeText)) {
      if (found.has(codeText)) {
        const first = found.get(codeText)!;
        problem({
          kind: "duplicate-code",
          severity: "error",
          cell: a1(r, codeCol!),
          indicatorId: codeText,
          value: code,
          message: {
            pl: `Arkusz „${sheet}”, komórka ${a1(r, codeCol!)}: kod miernika ${codeText} występuje drugi raz (pierwszy w wierszu ${first.row + 1}, którego wartość jest brana pod uwagę). Usuń zduplikowany wiersz albo przywróć właściwy kod.`,
            en: `Sheet "${sheet}", cell ${a1(r, codeCol!)}: indicator code ${codeText} appears a second time (first on row ${first.row + 1}, whose value is used). Delete the duplicate row or restore the right code.`,
          },
        });
      } else found.set(codeText, entryAt(codeText, r, "code"));
      continue;
    }
    if (codeText || cellText(g.at(r, labelCol))) pending.push({ row: r, code, action: currentAction });
  }

  // Pass 2: by label, for rows whose code cell is empty or holds something else.
  for (const p of pending) {
    const label = normaliseLabel(g.at(p.row, labelCol));
    const codeText = cellText(p.code);
    const candidates = label
      ? indicators.filter((i) => !found.has(i.id) && normaliseLabel(i.label) === label)
      : [];
    const match = candidates.find((i) => i.actionCode === p.action) ?? candidates[0];
    const codeCell = codeCol === undefined ? null : a1(p.row, codeCol);
    if (match) {
      found.set(match.id, entryAt(match.id, p.row, "label"));
      if (codeCol !== undefined)
        problem({
          kind: "code-overwritten",
          severity: "warning",
          cell: codeCell,
          indicatorId: match.id,
          value: p.code,
          message: codeText
            ? {
                pl: `Arkusz „${sheet}”, komórka ${codeCell}: kod miernika nadpisano wartością ${show(p.code)}; miernik ${match.id} rozpoznano po nazwie. Wpisz z powrotem kod „${match.id}”.`,
                en: `Sheet "${sheet}", cell ${codeCell}: the indicator code was overwritten with ${show(p.code)}; indicator ${match.id} was recognised by its label. Type the code "${match.id}" back.`,
              }
            : {
                pl: `Arkusz „${sheet}”, komórka ${codeCell}: kod miernika usunięto; miernik ${match.id} rozpoznano po nazwie. Wpisz z powrotem kod „${match.id}”.`,
                en: `Sheet "${sheet}", cell ${codeCell}: the indicator code was deleted; indicator ${match.id} was recognised by its label. Type the code "${match.id}" back.`,
              },
        });
      continue;
    }
    if (codeText && codeCol !== undefined) {
      const idLike = ID_RE.test(codeText);
      problem({
        kind: "unknown-code",
        severity: "warning",
        cell: codeCell,
        indicatorId: null,
        value: p.code,
        message: {
          pl:
            `Arkusz „${sheet}”, komórka ${codeCell}: ${show(p.code)} ` +
            (idLike ? "nie jest kodem żadnego miernika programu" : "nie jest kodem miernika") +
            "; wartość w tym wierszu nie jest sprawdzana. Przywróć właściwy kod albo usuń zawartość komórki.",
          en:
            `Sheet "${sheet}", cell ${codeCell}: ${show(p.code)} ` +
            (idLike ? "is no indicator code of the programme" : "is not an indicator code") +
            "; the value on this row is not checked. Restore the right code or clear the cell.",
        },
      });
    }
  }

  const entries = indicators.filter((i) => found.has(i.id)).map((i) => found.get(i.id)!);
  for (const e of entries) e.stray = strayValue(g, header, e);
  return { sheet, header, entries, problems: withMissing(problems, entries, indicators, sheet) };
}

/** A report's "- label: 1 796" (the value after the label's colon, as the published report prints it). */
const AFTER_COLON = /:\s*([-+\u2212]?\d[\d\s\u00A0\u202F.,]*%?)\s*$/;

/** The number a cell holds or shows as text ("800", "1 796", "- liczba …: 1 796"), or null. */
function numberIn(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  if (parsePolishNumber(v)) return true;
  const m = AFTER_COLON.exec(v);
  return m !== null && /\p{L}/u.test(v.slice(0, m.index)) && parsePolishNumber(m[1]) !== null;
}

/**
 * For an empty value cell (no value, no formula): the first cell of its row, in the table's other columns or in a
 * column with no header (right of the table, or inserted into it), that holds a number — the value typed or pasted into the wrong
 * column ("800" under „Podmioty realizujące…”, the report's "- liczba …: 1 796" pasted over the label). Columns
 * people head themselves ("Wartość 2022" to compare, "Plan", "Uwagi") and the code column are not looked at.
 */
function strayValue(g: Grid, header: MonitoringHeader, e: MonitoringEntry): StrayValue | null {
  const blank = e.value === null || (typeof e.value === "string" && e.value.trim() === "");
  if (!blank || e.formula !== null || header.row === null) return null;
  const fields = new Map<number, MonitoringField>();
  for (const [f, c] of Object.entries(header.columns) as [MonitoringField, number][]) fields.set(c, f);
  for (let c = g.left; c <= g.lastCol; c++) {
    if (c === e.col) continue;
    const field = fields.get(c);
    if (field === "code" || field === "value") continue;
    const head = g.at(header.row, c);
    if (field === undefined && cellText(head) !== "") continue;
    const v = g.at(e.row, c);
    if (numberIn(v))
      return {
        address: a1(e.row, c),
        value: v,
        header: field === undefined ? null : cellText(head) || monitoringColumn(field).header.pl,
      };
  }
  return null;
}

/** Header columns found, minus those clashing with a default position of another field. */
function onlyDistinct(
  cols: Partial<Record<MonitoringField, number>>,
  defaults: Partial<Record<MonitoringField, number>>,
): Partial<Record<MonitoringField, number>> {
  const out: Partial<Record<MonitoringField, number>> = {};
  for (const [f, c] of Object.entries(cols) as [MonitoringField, number][]) {
    const clash = (Object.entries(defaults) as [MonitoringField, number][]).some(
      ([g, d]) => g !== f && d === c,
    );
    if (!clash) out[f] = c;
  }
  return out;
}

function withMissing(
  problems: MonitoringProblem[],
  entries: MonitoringEntry[],
  indicators: Indicator[],
  sheet: string,
): MonitoringProblem[] {
  const have = new Set(entries.map((e) => e.indicatorId));
  for (const i of indicators) {
    if (have.has(i.id)) continue;
    problems.push({
      kind: "missing-indicator",
      severity: "error",
      sheet,
      cell: null,
      indicatorId: i.id,
      value: null,
      message: {
        pl: `Arkusz „${sheet}”: brak wiersza miernika ${i.id} („${i.label}”) — wiersz usunięto albo zmieniono jego kod i nazwę. Utwórz arkusz ponownie z dodatku (wpisane wartości zostaną zachowane).`,
        en: `Sheet "${sheet}": no row for indicator ${i.id} ("${i.label}") — the row was deleted or its code and label changed. Lay the sheet out again from the add-in (typed values are kept).`,
      },
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------

const SHEET_RE = new RegExp(`^${MONITORING_SHEET_PREFIX}\\s+(\\d{4})$`, "i");

function normaliseSheetName(name: string): string {
  return name.replace(/[\s\u00A0]+/g, " ").trim();
}

/**
 * Sheets named "Monitoring YYYY" (case and extra spaces tolerated: "monitoring  2023 " matches). When none
 * matches, `message` names a sheet that looks like a renamed monitoring sheet, or says there is none.
 */
export function findMonitoringSheets(names: readonly string[]): MonitoringSheetSearch {
  const list = Array.isArray(names) ? names.filter(isStr) : [];
  const sheets = [];
  for (const name of list) {
    const m = SHEET_RE.exec(normaliseSheetName(name));
    if (m) sheets.push({ name, year: Number(m[1]) });
  }
  if (sheets.length > 0) return { sheets, message: null };
  const lookalike = list.find((n) => /monit/i.test(n) || /\b20[2-3]\d\b/.test(n));
  const message: Localized = lookalike
    ? {
        pl: `Nie ma arkusza o nazwie „Monitoring RRRR” (np. „Monitoring 2023”). Arkusz „${lookalike}” wygląda na arkusz monitoringu o zmienionej nazwie — przywróć nazwę „Monitoring <rok>”.`,
        en: `No sheet is named "Monitoring YYYY" (e.g. "Monitoring 2023"). Sheet "${lookalike}" looks like a renamed monitoring sheet — rename it back to "Monitoring <year>".`,
      }
    : {
        pl: "Nie ma arkusza o nazwie „Monitoring RRRR” (np. „Monitoring 2023”). Utwórz go z dodatku lub poleceniem „miernik layout”.",
        en: 'No sheet is named "Monitoring YYYY" (e.g. "Monitoring 2023"). Lay it out from the add-in or with "miernik layout".',
      };
  return { sheets: [], message };
}
