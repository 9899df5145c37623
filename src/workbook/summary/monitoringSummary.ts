import { Lang } from "../../domain/i18n";
import { Programme } from "../../domain/programme/types";
import { MonitoringSummary } from "../../domain/summary/monitoringSummary";
import { a1, columnLetters, quoteSheet, rangeA1 } from "../address";
import { SheetCells } from "../cells";
import { fieldOfHeader, monitoringColumn, pickValueColumn } from "../monitoring/columns";
import { HEADER_SEARCH_ROWS } from "../monitoring/reader";
import { BlockPlan, CellValue, ChartPlan, emptySheet, FormatPlan, RowPlan, SheetPlan } from "../plan";
import {
  CHANGE_COUNT_FORMAT,
  COUNT_FORMAT,
  formatBuiltAt,
  HEADER_FILL,
  NOT_MET_FILL,
  NOT_MET_FONT,
  printLandscape,
  problemListPlan,
  SECTION_FILL,
  WARN_FILL,
  wrappedLines,
} from "./common";
import { withFormatLanguage } from "../numberLocale";

export const MONITORING_SUMMARY_SHEET = "Podsumowanie";

/** Where a monitoring sheet keeps an indicator's code and value (column letters, e.g. "I" and "E"). */
export interface MonitoringColumnRefs {
  code: string;
  value: string;
}

/**
 * Indicators drawn on the chart by default: the programme's headline counts of people and employers
 * (advice given, people deregistered after taking up work, people in a special situation deregistered,
 * people in own projects, employers cooperating, employers using labour-market instruments). A parameter:
 * pass `chartIndicators` to draw others. Ids missing from the programme are skipped.
 */
export const DEFAULT_CHART_INDICATORS: readonly string[] = [
  "1.1.3-1",
  "1.2.4-1",
  "2.2.1-2",
  "1.5.3-2",
  "3.2.1-1",
  "3.2.2-1",
];

export interface MonitoringSummaryPlanOptions {
  lang?: Lang;
  builtAt?: Date;
  sheetName?: string;
  chartIndicators?: readonly string[];
  /** Files that could not be read (CLI), listed at the end. */
  problems?: { file: string; reason: string }[];
}

export interface MonitoringSummaryLayout {
  /** Per year: its column in the task table (filled; errors and warnings follow). */
  taskYearColumns: number[];
  taskHeaderRow: number;
  /** Row of each group (area or task code) in the task table. */
  groupRows: Record<string, number>;
  totalRow: number;
  indicatorHeaderRow: number;
  /** Row of each indicator in the indicator table. */
  indicatorRows: Record<string, number>;
  /** Per year: the value column in the indicator table; the change column (years after the first) follows it. */
  valueColumns: number[];
  changeColumns: (number | null)[];
  chartDataRow: number | null;
  /** The chart data's first column (its years; the indicators to its right). */
  chartDataColumn: number;
}

/**
 * The chart data's first column: D, right of the indicator table's 60-wide label column (C), so that the
 * years and every indicator's values sit in columns of a number's width, on screen and on paper — unless the
 * data would then reach past the sheet's columns (one year: 7 columns), which would widen what prints.
 */
function chartDataColumn(width: number, charted: number): number {
  return Math.max(0, Math.min(3, width - (charted + 1)));
}

const FIXED = 4; // code, action / title, label, unit or count

/**
 * The value-cell formula of one indicator in one year's sheet: follows edits and row moves (MATCH by the
 * indicator's code); "" unless the cell holds a number (empty, text such as "1 796", an Excel error, a missing
 * row), the same rule as `filledValue` in the domain.
 */
export function valueFormula(sheet: string, cols: MonitoringColumnRefs, indicatorId: string): string {
  const v = `${quoteSheet(sheet)}!$${cols.value}:$${cols.value}`;
  const c = `${quoteSheet(sheet)}!$${cols.code}:$${cols.code}`;
  const idx = `INDEX(${v},MATCH("${indicatorId}",${c},0))`;
  return `=IFERROR(IF(ISNUMBER(${idx}),${idx},""),"")`;
}

/** Rows searched for the monitoring table's header row. */
const HEADER_ROWS = HEADER_SEARCH_ROWS;

/**
 * The code and value columns of a monitoring sheet as its header row has them (columns may have been moved),
 * else where the layout puts them (`MONITORING_COLUMNS`). Of several value columns, the one naming `year`
 * (the sheet's), as the reader picks it.
 */
export function monitoringColumnRefs(cells?: SheetCells, year: number | null = null): MonitoringColumnRefs {
  let code = monitoringColumn("code").index;
  let value = monitoringColumn("value").index;
  if (cells) {
    const rows = cells.values.slice(0, Math.max(0, HEADER_ROWS - cells.top));
    for (const r of rows) {
      let c: number | null = null;
      const values: [number, unknown][] = [];
      r.forEach((x, j) => {
        const f = fieldOfHeader(x);
        if (f === "code" && c === null) c = cells.left + j;
        if (f === "value") values.push([cells.left + j, x]);
      });
      if (c !== null && values.length > 0) {
        code = c;
        // Of several value columns ("Wartość 2022" beside "Wartość 2023"), the one the reader reads.
        value = pickValueColumn(values, year);
        break;
      }
    }
  }
  return { code: columnLetters(code), value: columnLetters(value) };
}

/**
 * The `Podsumowanie` sheet. Values, "filled" counts and year-over-year changes are formulas over the
 * monitoring sheets (INDEX/MATCH by indicator code, so they follow later edits and survive row moves); the
 * error and warning counts come from Miernik's validation at build time and are labelled with that time.
 */
export function buildMonitoringSummaryPlan(
  programme: Programme,
  summary: MonitoringSummary,
  /** The code and value columns of each monitoring sheet (by sheet name). */
  columnsOf: (sheet: string) => MonitoringColumnRefs,
  opts: MonitoringSummaryPlanOptions = {},
): { sheet: SheetPlan; layout: MonitoringSummaryLayout } {
  const lang = opts.lang ?? "pl";
  const tr = (pl: string, en: string): string => (lang === "pl" ? pl : en);
  const sheet = emptySheet(opts.sheetName ?? MONITORING_SUMMARY_SHEET);
  const blocks: BlockPlan[] = sheet.blocks;
  const fmt = (range: string, style: FormatPlan["style"]): void => {
    sheet.formats.push({ range, style });
  };
  const years = summary.years;
  const ny = years.length;
  const built = formatBuiltAt(opts.builtAt ?? new Date(), lang);

  // Indicator table width: code, action, label, unit, then value (+ change after the first year).
  const valueColumns: number[] = [];
  const changeColumns: (number | null)[] = [];
  let c = FIXED;
  years.forEach((_, k) => {
    valueColumns.push(c++);
    changeColumns.push(k === 0 ? null : c++);
  });
  const indicatorWidth = c;
  const taskYearColumns = years.map((_, k) => FIXED + 3 * k);
  const taskWidth = FIXED + 3 * ny;
  const width = Math.max(indicatorWidth, taskWidth);

  blocks.push({
    row: 0,
    col: 0,
    values: [
      [tr(`Podsumowanie monitoringu — ${programme.title}`, `Monitoring summary — ${programme.title}`)],
      [
        ny === 0
          ? tr("Brak arkuszy monitoringu.", "No monitoring sheets.")
          : tr(
              `Lata: ${years.join(", ")} · wartości, liczby wypełnionych i zmiany to formuły odwołujące się do arkuszy ${summary.sheets.map((s) => `„${s}”`).join(", ")} — aktualizują się same`,
              `Years: ${years.join(", ")} · values, filled counts and changes are formulas over the sheets ${summary.sheets.map((s) => `"${s}"`).join(", ")} — they update themselves`,
            ),
      ],
      [
        tr(
          `Liczby błędów i ostrzeżeń obliczone przez Miernik ${built} — po zmianach w arkuszach utwórz podsumowanie ponownie`,
          `Error and warning counts computed by Miernik ${built} — build the summary again after the sheets change`,
        ),
      ],
    ],
  });
  fmt("A1", { bold: true, fontSize: 14 });
  fmt("A2:A3", { italic: true });

  // Indicator rows first (the task table's COUNT formulas refer to them), computed before writing.
  let row = 4;
  const taskHeaderRow = row;
  const groupCount = summary.groups.length;
  const totalRow = taskHeaderRow + 3 + groupCount;
  // The chart and the files left out (when there are any) on a page of their own between the task table and
  // the indicator table: above the indicator table's header, which repeats on every page after it, and from a
  // page top, so that the chart is never cut by a page break.
  const chartIds = (opts.chartIndicators ?? DEFAULT_CHART_INDICATORS).filter((id) =>
    summary.indicators.some((i) => i.id === id),
  );
  const charted = ny > 0 && chartIds.length > 0;
  const problems = opts.problems ?? [];
  const middleSection = totalRow + 2;
  const chartRows = charted ? ny + 25 : 0; // title, data header, a row a year, a blank row, the chart, two blank
  const problemSection = middleSection + chartRows;
  const indicatorSection =
    charted || problems.length > 0
      ? problemSection + (problems.length > 0 ? problems.length + 2 : 0)
      : totalRow + 2;
  const indicatorHeaderRow = indicatorSection + 1;
  const firstIndicatorRow = indicatorHeaderRow + 1;
  const indicatorRows: Record<string, number> = {};
  summary.indicators.forEach((ind, i) => {
    indicatorRows[ind.id] = firstIndicatorRow + i;
  });

  // Task table: section title, two header rows, one row per area / task, a total row.
  blocks.push({ row, col: 0, values: [[tr("Obszary i zadania", "Areas and tasks")]] });
  fmt(rangeA1(row, 0, 1, width), { bold: true, fill: SECTION_FILL });
  row++;
  const th1: CellValue[] = [
    tr("Kod", "Code"),
    tr("Obszar / zadanie", "Area / task"),
    null,
    tr("Liczba mierników", "Indicators"),
  ];
  const th2: CellValue[] = [null, null, null, null];
  for (const y of years) {
    th1.push(String(y), null, null);
    th2.push(tr("wypełnione", "filled"), tr("błędy", "errors"), tr("ostrzeżenia", "warnings"));
  }
  blocks.push({ row, col: 0, values: [th1, th2] });
  sheet.merges.push(rangeA1(row, 0, 2, 1), rangeA1(row, 1, 2, 2), rangeA1(row, 3, 2, 1));
  taskYearColumns.forEach((tc) => sheet.merges.push(rangeA1(row, tc, 1, 3)));
  fmt(rangeA1(row, 0, 2, taskWidth), {
    bold: true,
    fill: HEADER_FILL,
    border: "thin",
    wrap: true,
    hAlign: "center",
    vAlign: "center",
  });
  row += 2;

  const groupRows: Record<string, number> = {};
  const groupValues: CellValue[][] = [];
  const groupFormulas: (string | null)[][] = [];
  const membersRange = (code: string, kind: "area" | "task", k: number): string | null => {
    const rows = summary.indicators
      .filter((i) => (kind === "area" ? i.areaCode === code : i.taskCode === code))
      .map((i) => indicatorRows[i.id]);
    if (rows.length === 0) return null;
    const colL = columnLetters(valueColumns[k]);
    return `${colL}${Math.min(...rows) + 1}:${colL}${Math.max(...rows) + 1}`;
  };
  summary.groups.forEach((g, i) => {
    groupRows[g.kind === "area" ? `area:${g.code}` : g.code] = row + i;
    const v: CellValue[] = [g.code, g.title, null, g.indicators];
    const f: (string | null)[] = [null, null, null, null];
    years.forEach((_, k) => {
      const range = membersRange(g.code, g.kind, k);
      v.push(g.filled[k], g.errors[k], g.warnings[k]);
      f.push(range ? `=COUNT(${range})` : null, null, null);
    });
    groupValues.push(v);
    groupFormulas.push(f);
  });
  // Total over every indicator (sheet-level findings included in the error / warning counts).
  {
    const v: CellValue[] = [null, tr("Razem", "Total"), null, summary.total.indicators];
    const f: (string | null)[] = [null, null, null, null];
    years.forEach((_, k) => {
      const colL = columnLetters(valueColumns[k]);
      const n = summary.indicators.length;
      v.push(summary.total.filled[k], summary.total.errors[k], summary.total.warnings[k]);
      f.push(
        n > 0 ? `=COUNT(${colL}${firstIndicatorRow + 1}:${colL}${firstIndicatorRow + n})` : null,
        null,
        null,
      );
    });
    groupValues.push(v);
    groupFormulas.push(f);
  }
  blocks.push({ row, col: 0, values: groupValues, formulas: groupFormulas });
  const firstGroupRow = row;
  summary.groups.forEach((_, i) => sheet.merges.push(rangeA1(row + i, 1, 1, 2)));
  sheet.merges.push(rangeA1(totalRow, 1, 1, 2));
  fmt(rangeA1(row, 0, groupValues.length, taskWidth), { border: "thin", vAlign: "top", wrap: true });
  summary.groups.forEach((g, i) => {
    if (g.kind === "area") fmt(rangeA1(row + i, 0, 1, taskWidth), { bold: true, fill: "#F2F2F2" });
  });
  fmt(rangeA1(totalRow, 0, 1, taskWidth), { bold: true, fill: HEADER_FILL });
  if (ny > 0) {
    // Errors red, warnings amber, when above zero.
    for (let k = 0; k < ny; k++) {
      const ec = taskYearColumns[k] + 1;
      const range = rangeA1(row, ec, groupValues.length, 1);
      sheet.conditionalFormats.push({
        range,
        formula: `=${a1(row, ec)}>0`,
        style: { fill: NOT_MET_FILL, fontColor: NOT_MET_FONT, bold: true },
      });
      sheet.conditionalFormats.push({
        range: rangeA1(row, ec + 1, groupValues.length, 1),
        formula: `=${a1(row, ec + 1)}>0`,
        style: { fill: WARN_FILL },
      });
    }
  }

  // Indicator table.
  blocks.push({ row: indicatorSection, col: 0, values: [[tr("Mierniki", "Indicators")]] });
  fmt(rangeA1(indicatorSection, 0, 1, width), { bold: true, fill: SECTION_FILL });
  const ih: CellValue[] = [
    tr("Kod miernika", "Indicator code"),
    tr("Działanie", "Action"),
    tr("Miernik", "Indicator"),
    tr("Jednostka", "Unit"),
  ];
  years.forEach((y, k) => {
    ih.push(String(y));
    if (k > 0) ih.push(tr(`zmiana ${years[k - 1]}→${y}`, `change ${years[k - 1]}→${y}`));
  });
  blocks.push({ row: indicatorHeaderRow, col: 0, values: [ih] });
  fmt(rangeA1(indicatorHeaderRow, 0, 1, indicatorWidth), {
    bold: true,
    fill: HEADER_FILL,
    border: "thin",
    wrap: true,
    hAlign: "center",
    vAlign: "center",
  });
  const iv: CellValue[][] = [];
  const ifs: (string | null)[][] = [];
  summary.indicators.forEach((ind, i) => {
    const r = firstIndicatorRow + i;
    const v: CellValue[] = [
      ind.id,
      ind.actionCode,
      ind.label,
      ind.unit === "percent" ? "%" : tr("liczba", "count"),
    ];
    const f: (string | null)[] = [null, null, null, null];
    years.forEach((_, k) => {
      v.push(ind.values[k] ?? null);
      f.push(valueFormula(summary.sheets[k], columnsOf(summary.sheets[k]), ind.id));
      if (k > 0) {
        const prev = a1(r, valueColumns[k - 1]);
        const cur = a1(r, valueColumns[k]);
        const diff = ind.unit === "percent" ? `(${cur}-${prev})*100` : `${cur}-${prev}`;
        v.push(ind.changes[k]);
        f.push(`=IF(AND(ISNUMBER(${cur}),ISNUMBER(${prev})),${diff},"")`);
      }
    });
    iv.push(v);
    ifs.push(f);
  });
  if (iv.length > 0) {
    blocks.push({ row: firstIndicatorRow, col: 0, values: iv, formulas: ifs });
    const n = iv.length;
    fmt(rangeA1(firstIndicatorRow, 0, n, indicatorWidth), { border: "thin", vAlign: "top" });
    fmt(rangeA1(firstIndicatorRow, 2, n, 1), { wrap: true });
    fmt(rangeA1(firstIndicatorRow, 3, n, 1), { hAlign: "center" });
    // Number formats per unit, as runs of consecutive rows with the same unit (few ranges).
    let start = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && summary.indicators[i].unit === summary.indicators[start].unit) continue;
      const unit = summary.indicators[start].unit;
      const count = i - start;
      years.forEach((_, k) => {
        fmt(rangeA1(firstIndicatorRow + start, valueColumns[k], count, 1), {
          numberFormat: unit === "percent" ? "0.0%" : COUNT_FORMAT,
        });
        const cc = changeColumns[k];
        if (cc !== null)
          fmt(rangeA1(firstIndicatorRow + start, cc, count, 1), {
            numberFormat: unit === "percent" ? '+0.0" p.p.";-0.0" p.p.";0.0" p.p."' : CHANGE_COUNT_FORMAT,
          });
      });
      start = i;
    }
  }
  sheet.columns = Array.from({ length: width }, (_, k) => ({
    width: k === 0 ? 11 : k === 1 ? 10 : k === 2 ? 60 : k === 3 ? 10 : 11,
  }));

  // Chart data and chart: years down, main indicators across (formulas to the indicator table).
  let chartDataRow: number | null = null;
  row = middleSection;
  if (charted) {
    blocks.push({
      row,
      col: 0,
      values: [[tr("Dane wykresu — główne mierniki", "Chart data — main indicators")]],
    });
    fmt(rangeA1(row, 0, 1, width), { bold: true, fill: SECTION_FILL });
    row++;
    chartDataRow = row;
    const C = chartDataColumn(width, chartIds.length);
    const head: CellValue[] = [tr("Rok", "Year"), ...chartIds];
    const dv: CellValue[][] = [head];
    const df: (string | null)[][] = [head.map(() => null)];
    years.forEach((y, k) => {
      const ind = (id: string) => summary.indicators.find((x) => x.id === id)!;
      dv.push([String(y), ...chartIds.map((id) => ind(id).values[k])]);
      df.push([
        null,
        ...chartIds.map(
          (id) =>
            `=IF(ISNUMBER(${a1(indicatorRows[id], valueColumns[k])}),${a1(indicatorRows[id], valueColumns[k])},NA())`,
        ),
      ]);
    });
    blocks.push({ row, col: C, values: dv, formulas: df });
    fmt(rangeA1(row, C, 1, chartIds.length + 1), { bold: true, fill: HEADER_FILL, border: "thin" });
    fmt(rangeA1(row + 1, C, ny, chartIds.length + 1), { border: "thin" });
    fmt(rangeA1(row + 1, C + 1, ny, chartIds.length), { numberFormat: COUNT_FORMAT });
    const chart: ChartPlan = {
      type: "line",
      title: tr("Główne mierniki w kolejnych latach", "Main indicators over the years"),
      dataRange: rangeA1(row, C, ny + 1, chartIds.length + 1),
      seriesBy: "columns",
      from: a1(row + ny + 2, 0),
      to: a1(row + ny + 22, Math.min(width - 1, 9)),
    };
    sheet.charts = [chart];
    row += ny + 24;
  }
  let problemRows: RowPlan[] = [];
  if (problems.length > 0) {
    row = problemSection;
    blocks.push({
      row,
      col: 0,
      values: [[tr("Pliki pominięte w podsumowaniu", "Files left out of the summary")]],
    });
    fmt(rangeA1(row, 0, 1, width), { bold: true, fill: SECTION_FILL });
    row++;
    // The file over A:B, the reason over C to the table's last column.
    const list = problemListPlan(
      row,
      problems,
      { col: 0, span: 2 },
      { col: 2, span: width - 2 },
      sheet.columns.map((c) => c.width ?? 10),
    );
    blocks.push(list.block);
    sheet.merges.push(...list.merges);
    sheet.formats.push(...list.formats);
    problemRows = list.rows;
  }
  // Wrapped labels — area / task titles (merged B:C; areas bold, so wider letters) and indicator labels
  // (column C): rows tall enough, as neither Excel nor LibreOffice grows them on load.
  const titleWidth = (sheet.columns[1]?.width ?? 10) + (sheet.columns[2]?.width ?? 60);
  sheet.rows = [
    ...summary.groups.flatMap((g, i) => {
      const lines = wrappedLines(g.title, g.kind === "area" ? titleWidth * 0.85 : titleWidth);
      return lines > 1 ? [{ index: firstGroupRow + i, height: lines * 15 + 2 }] : [];
    }),
    { index: indicatorHeaderRow, height: 30 },
    ...summary.indicators.flatMap((ind) => {
      const lines = wrappedLines(ind.label, sheet.columns[2]?.width ?? 60);
      return lines > 1 ? [{ index: indicatorRows[ind.id], height: lines * 15 + 2 }] : [];
    }),
    ...problemRows,
  ];
  // The chart and the files left out on a page of their own (manual breaks before and after them). LibreOffice
  // keeps manual breaks under "fit to 1 page wide"; where an application drops them there, the order alone
  // still keeps the indicator table's repeated header off the chart and the list.
  const rowBreaks = indicatorSection > totalRow + 2 ? [middleSection, indicatorSection] : [];
  const base = printLandscape(`$${indicatorHeaderRow + 1}:$${indicatorHeaderRow + 1}`, sheet.name, lang);
  sheet.print = rowBreaks.length > 0 ? { ...base, rowBreaks } : base;
  sheet.tabColor = "#548235";
  return {
    sheet: withFormatLanguage(sheet, lang),
    layout: {
      taskYearColumns,
      taskHeaderRow,
      groupRows,
      totalRow,
      indicatorHeaderRow,
      indicatorRows,
      valueColumns,
      changeColumns,
      chartDataRow,
      chartDataColumn: chartDataColumn(width, chartIds.length),
    },
  };
}
