import { Lang, Localized } from "../../domain/i18n";
import { INTEGER_TOLERANCE } from "../../domain/numbers";
import { Action, Area, Indicator, Programme, Task } from "../../domain/programme/types";
import { a1, columnLetters, rangeA1 } from "../address";
import {
  CellValue,
  ConditionalFormatPlan,
  FormatPlan,
  RowPlan,
  SheetPlan,
  ValidationPlan,
  emptySheet,
} from "../plan";
export { planRelayout } from "./relayout";
import {
  headerText,
  MONITORING_COLUMNS,
  MONITORING_ROWS,
  monitoringColumn,
  monitoringSheetName,
  VALUE_FORMATS,
} from "./columns";
import { withFormatLanguage } from "../numberLocale";

/**
 * The monitoring sheet of one year as a SheetPlan: the seed's table (areas → tasks → actions → indicators,
 * one row per indicator; an action without indicators still gets one row), a typed value column right after
 * the indicator's label, and a grey `Kod miernika` column holding the indicator id, the key readers use to
 * find values (see columns.ts). Excel-native validation and conditional formats come with the layout, so the
 * sheet checks entries without the add-in and in LibreOffice. Pure and deterministic.
 */

export interface MonitoringLayoutOptions {
  /** Values to put in the value cells, by indicator id (missing → empty cell). Written as given. */
  values?: ReadonlyMap<string, CellValue>;
  /** Language of the title, note, headers, prompts (the programme's wording stays Polish). Default "pl". */
  lang?: Lang;
}

/** One table row of the layout. */
export interface LayoutRow {
  /** 0-based sheet row. */
  row: number;
  area: Area;
  task: Task;
  action: Action;
  /** null for the single row of an action without indicators (3.3.2). */
  indicator: Indicator | null;
}

export { MONITORING_SHEET_PREFIX, monitoringSheetName } from "./columns";

/** Label written for an action without indicators. */
export const NO_INDICATOR_LABEL = "—";

const FILL_HEADER = "#D9D9D9";
const FILL_CODE = "#F2F2F2";
const FILL_NO_VALUE = "#F2F2F2";
const FONT_CODE = "#808080";
const FONT_NOTE = "#595959";
/** Conditional format fills: empty value cell, value out of range. */
export const CF_EMPTY_FILL = "#FFF2CC";
export const CF_INVALID_FILL = "#FFC7CE";
export const CF_INVALID_FONT = "#9C0006";

const BODY_FONT_SIZE = 10;
const LINE_HEIGHT = 13; // points per wrapped line at 10 pt
const ROW_PADDING = 4;

/** The table rows in the programme's order, from MONITORING_ROWS.firstData on. */
export function layoutRows(programme: Programme): LayoutRow[] {
  const rows: LayoutRow[] = [];
  let row = MONITORING_ROWS.firstData;
  for (const area of programme.areas)
    for (const task of area.tasks)
      for (const action of task.actions) {
        if (action.indicators.length === 0) rows.push({ row: row++, area, task, action, indicator: null });
        for (const indicator of action.indicators) rows.push({ row: row++, area, task, action, indicator });
      }
  return rows;
}

export class MonitoringYearError extends RangeError {
  constructor(
    readonly year: unknown,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(
      `Rok ${String(year)} jest poza okresem programu (${firstYear}–${lastYear}); wybierz rok od ${firstYear} do ${lastYear}. / ` +
        `Year ${String(year)} is outside the programme (${firstYear}–${lastYear}); choose a year from ${firstYear} to ${lastYear}.`,
    );
    this.name = "MonitoringYearError";
  }
}

export function checkYear(programme: Programme, year: number): void {
  if (!Number.isInteger(year) || year < programme.firstYear || year > programme.lastYear)
    throw new MonitoringYearError(year, programme.firstYear, programme.lastYear);
}

const TEXT = {
  titleSuffix: { pl: " za rok {year}", en: " for {year}" },
  note: {
    pl: "Wpisz wartości mierników za rok {year} w kolumnie „{value}” (liczby bez spacji i tekstu; wskaźniki procentowe jako procent, np. 76,2%).",
    en: "Type the indicators' values for {year} in the column “{value}” (plain numbers; rates as percentages, e.g. 76.2%).",
  },
  /** Above the code column (which does not print): what it is for. */
  codeNote: {
    pl: "Kolumna „{code}” służy do odnajdywania mierników — nie zmieniaj jej.",
    en: "The column “{code}” identifies the indicators — do not change it.",
  },
  promptTitle: { pl: "Miernik {id}", en: "Indicator {id}" },
  unitCount: { pl: "Jednostka: liczba (całkowita, ≥ 0).", en: "Unit: count (whole number, ≥ 0)." },
  unitPercent: {
    pl: "Jednostka: procent (od 0% do 100%, np. 76,2%).",
    en: "Unit: percent (0% to 100%, e.g. 76.2%).",
  },
  errorTitle: { pl: "Nieprawidłowa wartość", en: "Invalid value" },
  errorCount: {
    pl: "Miernik {id} jest liczbą: wpisz liczbę całkowitą nie mniejszą niż 0 (bez spacji, kropek i tekstu).",
    en: "Indicator {id} is a count: type a whole number of at least 0 (no spaces, dots or text).",
  },
  errorPercent: {
    pl: "Miernik {id} jest wskaźnikiem procentowym: wpisz procent od 0% do 100%, np. 76,2%.",
    en: "Indicator {id} is a rate: type a percentage from 0% to 100%, e.g. 76.2%.",
  },
  footer: { pl: "Strona &P z &N", en: "Page &P of &N" },
} satisfies Record<string, Localized>;

function fill(text: Localized, lang: Lang, vars: Record<string, string | number>): string {
  let s = text[lang];
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** Excel limits: input/error titles ≤ 32 characters, messages ≤ 255. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + "…";
}

export function monitoringTitle(programme: Programme, year: number, lang: Lang = "pl"): string {
  const base = programme.reportTitle?.[lang] ?? programme.title;
  return base + fill(TEXT.titleSuffix, lang, { year });
}

function entitiesText(entities: readonly string[]): string {
  return entities.map((e) => `- ${e}`).join("\n");
}

/** Lines a text needs when wrapped greedily at `width` character units. */
function wrappedLines(text: string, width: number, fontSize: number): number {
  // A character unit is the width of a digit at 11 pt; smaller fonts fit proportionally more.
  const perLine = Math.max(1, Math.floor((width - 1) * (11 / fontSize) * 0.95));
  let lines = 0;
  for (const para of text.split("\n")) {
    let len = 0;
    let n = 1;
    for (const word of para.split(" ")) {
      if (word.length === 0) continue;
      if (len === 0) len = word.length;
      else if (len + 1 + word.length <= perLine) len += 1 + word.length;
      else {
        n++;
        len = word.length;
      }
      while (len > perLine) {
        n++;
        len -= perLine;
      }
    }
    lines += n;
  }
  return lines;
}

function textHeight(text: string, width: number, fontSize = BODY_FONT_SIZE): number {
  return wrappedLines(text, width, fontSize) * LINE_HEIGHT + ROW_PADDING;
}

interface Span {
  first: number; // index into rows
  last: number;
  text: string;
}

/** Consecutive rows sharing a key and a text, as spans. */
function spans(rows: LayoutRow[], key: (r: LayoutRow) => string, text: (r: LayoutRow) => string): Span[] {
  const out: Span[] = [];
  rows.forEach((r, i) => {
    const prev = out[out.length - 1];
    const k = key(r);
    const t = text(r);
    if (prev && key(rows[prev.last]) === k && prev.text === t) prev.last = i;
    else out.push({ first: i, last: i, text: t });
  });
  return out;
}

export function buildMonitoringSheetPlan(
  programme: Programme,
  year: number,
  opts: MonitoringLayoutOptions = {},
): SheetPlan {
  checkYear(programme, year);
  const lang: Lang = opts.lang ?? "pl";
  const values = opts.values ?? new Map<string, CellValue>();
  const plan = emptySheet(monitoringSheetName(year));
  const rows = layoutRows(programme);
  const ncols = MONITORING_COLUMNS.length;
  const col = (f: Parameters<typeof monitoringColumn>[0]) => monitoringColumn(f).index;
  const firstData = MONITORING_ROWS.firstData;
  const lastRow = firstData + rows.length - 1;

  plan.columns = [...MONITORING_COLUMNS].sort((a, b) => a.index - b.index).map((c) => ({ width: c.width }));

  // ---- cell values
  const grid: CellValue[][] = [];
  for (let r = 0; r <= lastRow; r++) grid.push(new Array<CellValue>(ncols).fill(null));
  const valueHeader = headerText("value", year, lang);
  const codeHeader = headerText("code", year, lang);
  grid[MONITORING_ROWS.title][0] = monitoringTitle(programme, year, lang);
  grid[MONITORING_ROWS.note][0] = fill(TEXT.note, lang, { year, value: valueHeader, code: codeHeader });
  for (const c of MONITORING_COLUMNS) grid[MONITORING_ROWS.header][c.index] = headerText(c.field, year, lang);

  const areaSpans = spans(
    rows,
    (r) => r.area.code,
    (r) => `${r.area.code}. ${r.area.title}`,
  );
  const taskSpans = spans(
    rows,
    (r) => r.task.code,
    (r) => `${r.task.code}. ${r.task.title}`,
  );
  const actionSpans = spans(
    rows,
    (r) => r.action.code,
    (r) => `${r.action.code}. ${r.action.title}`,
  );
  const entitySpans = spans(
    rows,
    (r) => r.action.code,
    (r) => entitiesText(r.indicator?.entities ?? r.action.entities),
  );
  const monitoringSpans = spans(
    rows,
    (r) => r.task.code,
    (r) => r.indicator?.monitoring ?? r.task.monitoring,
  );
  const verificationSpans = spans(
    rows,
    (r) => r.task.code,
    (r) => r.indicator?.verification ?? r.task.verification,
  );
  const spanColumns: [number, Span[]][] = [
    [col("area"), areaSpans],
    [col("task"), taskSpans],
    [col("action"), actionSpans],
    [col("entities"), entitySpans],
    [col("monitoring"), monitoringSpans],
    [col("verification"), verificationSpans],
  ];
  for (const [c, ss] of spanColumns)
    for (const s of ss) {
      grid[firstData + s.first][c] = s.text || null;
      if (s.last > s.first) plan.merges.push(rangeA1(firstData + s.first, c, s.last - s.first + 1, 1));
    }

  const vCol = col("value");
  const formats: FormatPlan[] = [];
  const validations: ValidationPlan[] = [];
  for (const r of rows) {
    const ind = r.indicator;
    if (!ind) {
      grid[r.row][col("indicator")] = NO_INDICATOR_LABEL;
      continue;
    }
    grid[r.row][col("indicator")] = ind.label;
    grid[r.row][col("code")] = ind.id;
    const v = values.get(ind.id);
    grid[r.row][vCol] = v === undefined || v === "" ? null : v;
    const addr = a1(r.row, vCol);
    const count = ind.unit === "count";
    const unitText = count ? TEXT.unitCount : TEXT.unitPercent;
    validations.push({
      range: addr,
      rule: count
        ? { type: "wholeNumber", operator: "greaterThanOrEqual", value: 0 }
        : { type: "decimal", operator: "between", min: 0, max: 1 },
      allowBlank: true,
      prompt: {
        title: clip(fill(TEXT.promptTitle, lang, { id: ind.id }), 32),
        message: clipPrompt(ind.label, unitText[lang]),
      },
      error: {
        title: clip(TEXT.errorTitle[lang], 32),
        message: clip(fill(count ? TEXT.errorCount : TEXT.errorPercent, lang, { id: ind.id }), 255),
        style: "stop",
      },
    });
  }

  // ---- formats (applied in order; later entries refine earlier ones)
  const fullWidth = (r: number) => rangeA1(r, 0, 1, ncols);
  // Title and note span the printed columns (all but the code column, last). What the code column is for
  // is the input prompt of its cells (shown when one is selected; never printed).
  const printedWidth = (r: number) => rangeA1(r, 0, 1, ncols - 1);
  plan.merges.unshift(printedWidth(MONITORING_ROWS.title), printedWidth(MONITORING_ROWS.note));
  validations.push({
    range: rangeA1(MONITORING_ROWS.header, col("code"), rows.length + 1, 1),
    rule: { type: "textLength", operator: "lessThanOrEqual", value: 255 },
    allowBlank: true,
    prompt: {
      title: clip(codeHeader, 32),
      message: clip(fill(TEXT.codeNote, lang, { year, value: valueHeader, code: codeHeader }), 255),
    },
  });
  formats.unshift(
    {
      range: a1(MONITORING_ROWS.title, 0),
      style: { bold: true, fontSize: 14, wrap: true, hAlign: "center", vAlign: "center" },
    },
    {
      range: a1(MONITORING_ROWS.note, 0),
      style: {
        italic: true,
        fontSize: 9,
        fontColor: FONT_NOTE,
        wrap: true,
        hAlign: "left",
        vAlign: "center",
      },
    },
    {
      range: fullWidth(MONITORING_ROWS.header),
      style: {
        bold: true,
        fontSize: BODY_FONT_SIZE,
        fill: FILL_HEADER,
        wrap: true,
        hAlign: "center",
        vAlign: "center",
        border: "thin",
      },
    },
    {
      range: rangeA1(firstData, 0, rows.length, ncols),
      style: { fontSize: BODY_FONT_SIZE, wrap: true, vAlign: "top", hAlign: "left", border: "thin" },
    },
    { range: rangeA1(firstData, col("area"), rows.length, 1), style: { bold: true } },
    {
      range: rangeA1(firstData, col("code"), rows.length, 1),
      style: { fontSize: 8, fontColor: FONT_CODE, fill: FILL_CODE, hAlign: "center", wrap: false },
    },
  );
  for (const run of valueRuns(rows)) {
    const range = rangeA1(run.first, vCol, run.last - run.first + 1, 1);
    if (run.unit === null) {
      formats.push({ range, style: { fill: FILL_NO_VALUE } });
      continue;
    }
    formats.push({
      range,
      style: {
        numberFormat: VALUE_FORMATS[run.unit],
        hAlign: "right",
        vAlign: "top",
        wrap: false,
        locked: false,
      },
    });
  }
  for (const r of rows)
    if (!r.indicator) formats.push({ range: a1(r.row, col("indicator")), style: { hAlign: "center" } });
  plan.blocks = [{ row: 0, col: 0, values: grid }];
  plan.formats = formats;
  plan.validations = validations;
  plan.conditionalFormats = conditionalFormats(rows, vCol);

  // ---- rows: heights (Excel does not auto-fit rows under merged wrapped cells)
  plan.rows = rowHeights(rows, spanColumns, String(grid[MONITORING_ROWS.title][0]));

  plan.freeze = { rows: MONITORING_ROWS.header + 1, columns: 0 };
  plan.print = {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: `$${MONITORING_ROWS.header + 1}:$${MONITORING_ROWS.header + 1}`,
    // The report's 7 columns and the value column; the code column stays in the workbook but does not print.
    printArea: `$A$1:$${columnLetters(ncols - 2)}$${lastRow + 1}`,
    centerFooter: TEXT.footer[lang],
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  plan.tabColor = "#2F5597";
  return withFormatLanguage(plan, lang);
}

/** The prompt message: the indicator's label (clipped if need be) and its unit, within Excel's 255 characters. */
function clipPrompt(label: string, unit: string): string {
  const room = 255 - unit.length - 2;
  return `${clip(label, room)}. ${unit}`;
}

interface ValueRun {
  first: number;
  last: number;
  unit: "count" | "percent" | null;
}

/** Consecutive value cells of the same unit (null = rows without an indicator). */
function valueRuns(rows: LayoutRow[]): ValueRun[] {
  const out: ValueRun[] = [];
  for (const r of rows) {
    const unit = r.indicator?.unit ?? null;
    const prev = out[out.length - 1];
    if (prev && prev.unit === unit && prev.last === r.row - 1) prev.last = r.row;
    else out.push({ first: r.row, last: r.row, unit });
  }
  return out;
}

/**
 * The length of a cell's text without its spaces: regular, no-break (U+00A0, what a paste from a web page or
 * a Polish-formatted number brings) and narrow no-break (U+202F), and without line breaks and other control
 * characters. 0 for a cell that only looks empty — cleared with a space, or a formula giving "" — which the
 * validator (`checkValue`) reports as empty, so the sheet marks it as empty too, not as invalid.
 */
function visibleLength(ref: string): string {
  // The no-break spaces are literal characters in the formula's strings: UNICHAR would have to be written as
  // `_xlfn.UNICHAR` in the package (LibreOffice gives #NAME? otherwise), and CHAR(160) depends on the code page.
  return `LEN(TRIM(CLEAN(SUBSTITUTE(SUBSTITUTE(${ref},"\u00A0"," "),"\u202F"," "))))`;
}

/** Formulas marking a value cell (relative to `ref`, e.g. "E4"). */
export function emptyValueFormula(ref: string): string {
  // An error value makes this an error too: the format is not applied (the invalid rule marks it).
  return `=${visibleLength(ref)}=0`;
}

export function invalidValueFormula(ref: string, unit: "count" | "percent"): string {
  // A count is whole within the validator's tolerance (formula noise such as 28.999999999999996 from =0,29*100
  // shows as 29 and is read as 29), so the sheet does not mark what `miernik validate` accepts.
  const tolerance = INTEGER_TOLERANCE.toFixed(9);
  const test =
    unit === "count" ? `OR(${ref}<0,ABS(${ref}-ROUND(${ref},0))>=${tolerance})` : `OR(${ref}<0,${ref}>1)`;
  // IF, not OR/AND: comparing an error value would make the whole condition an error (format not applied);
  // ISNUMBER, ISTEXT and ISBLANK of an error are FALSE, so errors and logical values end up marked, and so
  // does any text with something visible in it. ISLOGICAL first: LibreOffice's ISNUMBER is TRUE for TRUE / FALSE
  // (Excel's is not), and TRUE would pass there as the count 1.
  return `=IF(ISNUMBER(${ref}),IF(ISLOGICAL(${ref}),TRUE,${test}),IF(ISTEXT(${ref}),${visibleLength(ref)}>0,NOT(ISBLANK(${ref}))))`;
}

function conditionalFormats(rows: LayoutRow[], vCol: number): ConditionalFormatPlan[] {
  const out: ConditionalFormatPlan[] = [];
  for (const run of valueRuns(rows)) {
    if (run.unit === null) continue;
    const range = rangeA1(run.first, vCol, run.last - run.first + 1, 1);
    const ref = a1(run.first, vCol);
    out.push({
      range,
      formula: invalidValueFormula(ref, run.unit),
      style: { fill: CF_INVALID_FILL, fontColor: CF_INVALID_FONT },
      stopIfTrue: true,
    });
    out.push({ range, formula: emptyValueFormula(ref), style: { fill: CF_EMPTY_FILL } });
  }
  return out;
}

function rowHeights(rows: LayoutRow[], spanColumns: [number, Span[]][], title: string): RowPlan[] {
  const width = (c: number) => MONITORING_COLUMNS.find((x) => x.index === c)!.width;
  const totalWidth = MONITORING_COLUMNS.reduce((s, c) => s + c.width, 0);
  const heights = rows.map((r) =>
    Math.max(
      LINE_HEIGHT + ROW_PADDING,
      textHeight(r.indicator?.label ?? NO_INDICATOR_LABEL, width(monitoringColumn("indicator").index)),
    ),
  );
  // Merged cells: when their rows together are too short for the text, spread the difference evenly.
  for (const [c, ss] of spanColumns)
    for (const s of ss) {
      if (!s.text) continue;
      const need = textHeight(
        s.text,
        width(c),
        c === monitoringColumn("area").index ? BODY_FONT_SIZE + 1 : undefined,
      );
      const n = s.last - s.first + 1;
      let have = 0;
      for (let i = s.first; i <= s.last; i++) have += heights[i];
      if (have >= need) continue;
      const extra = Math.ceil((need - have) / n);
      for (let i = s.first; i <= s.last; i++) heights[i] += extra;
    }
  const titleHeight = wrappedLines(title, totalWidth, 14) * 19 + ROW_PADDING;
  return [
    { index: MONITORING_ROWS.title, height: titleHeight },
    { index: MONITORING_ROWS.note, height: 26 },
    { index: MONITORING_ROWS.header, height: 30 },
    ...rows.map((r, i) => ({ index: r.row, height: heights[i] })),
  ];
}
