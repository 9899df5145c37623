import { Card } from "../../domain/card/types";
import { countOf, Counted, formatCount, Lang, Localized, NOUNS, pluralForm } from "../../domain/i18n";
import { CallSummary, projectCriteria } from "../../domain/summary/callSummary";
import { a1, columnLetters, rangeA1 } from "../address";
import {
  APPLICANT_LABEL,
  criteriaCellMap,
  criteriaSheetName,
  shareFormat,
  thresholdShareFormat,
} from "../criteria/plan";
import { fittedLines, fittedRowHeight, widthForHeader } from "../textFit";
import {
  BlockPlan,
  CellValue,
  ChartPlan,
  ConditionalFormatPlan,
  RowPlan,
  emptySheet,
  FormatPlan,
  SheetPlan,
} from "../plan";
import {
  COUNT_FORMAT,
  formatBuiltAt,
  HEADER_FILL,
  L,
  MET_FILL,
  MET_FONT,
  MET_TEXT,
  metText,
  NA_FILL,
  NA_FONT,
  NOT_MET_FILL,
  NOT_MET_FONT,
  PERCENT_FORMAT,
  printLandscape,
  problemListPlan,
  displayDate,
  SECTION_FILL,
  wrappedLines,
} from "./common";
import { withFormatLanguage } from "../numberLocale";

export const CALL_SUMMARY_SHEET = "Podsumowanie naboru";

export interface CallSummaryPlanOptions {
  lang?: Lang;
  /** When the figures were computed (label on the sheet). Default: now. */
  builtAt?: Date;
  sheetName?: string;
  /**
   * How to name an applicant the files do not give, closing the note on projects shown with "—" (what the
   * caller offers: the CLI its options). Default: the "Wnioskodawca:" cells a file is read from.
   */
  applicantHint?: Localized;
}

/** Fixed columns of the project table (0-based). Criterion columns follow, two per criterion. */
export const PROJECT_COLUMNS = {
  lp: 0,
  file: 1,
  applicant: 2,
  applicantFiles: 3,
  participants: 4,
  pending: 5,
  rowErrors: 6,
  sharedPesels: 7,
} as const;
const FIXED = 8;
/** Widths of the fixed columns (A–H): Lp. / code, file, applicant, then the counts. */
const COLUMN_WIDTHS = [10, 24, 20, 13, 13, 13, 13, 13];
/** PESELs listed in one flag (the rest counted): the cell stays within a printable row height. */
const PESELS_LISTED = 40;
/** A target reached (1 = 100%): three decimals just under 100%, where one would round up to "100,0%". */
const REACHED_FORMAT = thresholdShareFormat(1) as string;
/** Files listed in the note on projects without an applicant (the rest counted). */
const FILES_LISTED = 20;
const APPLICATIONS: Counted = {
  pl: { one: "wniosek", few: "wnioski", many: "wniosków" },
  en: { one: "application", other: "applications" },
};

/** Where things landed on the sheet (0-based rows), for readers, tests and the pane. */
export interface CallSummaryLayout {
  productHeaderRow: number;
  resultHeaderRow: number;
  /** The project table's three header rows start here; data rows follow. */
  projectHeaderRow: number;
  firstProjectRow: number;
  /** Column of each shown criterion's share; its met / points cell is the next column. */
  criterionColumns: Record<string, number>;
  premiumPointsColumn: number;
  requiredMetColumn: number;
  flagsRow: number;
  problemsRow: number;
  /** The charts' first row (a page starts there); null without charts. */
  chartsRow: number | null;
  /** The chart data, below the charts (criteria met per project; product indicators' share of target); null without charts. */
  chartDataRow: number | null;
}

/** Past this many projects, the criteria-per-project chart is taller (24 rows instead of 16). */
const MANY_PROJECTS_CHARTED = 20;
/** The longest category of the criteria-per-project chart (characters): its file column's width. */
const CHART_CATEGORY_MAX = 26;

/**
 * A project's category on the chart: its number and file name (no folder, no extension), shortened with "…"
 * past the data column's width. A long name would be clipped in the printed data and, on the chart, drawn
 * slanted under the axis, squeezing the plot to a strip when a call has dozens of projects; the number keeps
 * the categories apart.
 */
function chartCategory(i: number, file: string): string {
  const label = `${i + 1}. ${file.replace(/^.*[\\/]/, "").replace(/\.(csv|xlsx)$/i, "")}`;
  return label.length <= CHART_CATEGORY_MAX ? label : `${label.slice(0, CHART_CATEGORY_MAX - 1).trimEnd()}…`;
}

const KIND_TITLE = {
  formal: L("Kryteria dostępu (formalne)", "Access (formal) criteria"),
  effectiveness: L("Efektywność zatrudnieniowa", "Employment effectiveness"),
  premium: L("Kryteria premiujące", "Premium criteria"),
};

/**
 * The `Podsumowanie naboru` sheet: title and build-time label; the call's totals against the product (B) and
 * result (A) indicator targets; one row per project with each formal, effectiveness and premium criterion
 * (share and met, or points); the flags (applicants over the limit, PESELs in more than one project) and the
 * files that could not be read. Every figure is computed by Miernik at build time (the participant data is in
 * other files), which the sheet says.
 */
export function buildCallSummaryPlan(
  s: CallSummary,
  card: Card,
  opts: CallSummaryPlanOptions = {},
): { sheet: SheetPlan; layout: CallSummaryLayout } {
  const lang = opts.lang ?? "pl";
  const tr = (pl: string, en: string): string => (lang === "pl" ? pl : en);
  /** The first `max` items, the rest counted ("a, b i jeszcze 3"). */
  const firstListed = (items: readonly string[], max: number): string => {
    const more = items.length - max;
    return (
      items.slice(0, max).join(", ") +
      (more > 0 ? tr(` i jeszcze ${formatCount(more, "pl")}`, ` and ${formatCount(more, "en")} more`) : "")
    );
  };
  const num = (n: number): string => formatCount(n, lang);
  const sheet = emptySheet(opts.sheetName ?? CALL_SUMMARY_SHEET);
  const criteria = projectCriteria(card);
  const shown = criteria.map((c) => c.id);
  const totalCols = FIXED + shown.length * 2 + 2;
  const blocks: BlockPlan[] = sheet.blocks;
  const formats: FormatPlan[] = sheet.formats;
  const cfs: ConditionalFormatPlan[] = sheet.conditionalFormats;
  const put = (row: number, col: number, values: CellValue[][]): void => {
    blocks.push({ row, col, values });
  };
  const fmt = (range: string, style: FormatPlan["style"]): void => {
    formats.push({ range, style });
  };

  const rowPlans: RowPlan[] = [{ index: 1, height: 45 }];
  sheet.rows = rowPlans;
  /** An indicator's label over B:C, wrapped, its row tall enough (merged cells do not grow by themselves). */
  const labelRows = (first: number, labels: string[]): void => {
    sheet.merges.push(rangeA1(first - 1, 1, 1, 2)); // the header's "Name"
    labels.forEach((label, i) => {
      sheet.merges.push(rangeA1(first + i, 1, 1, 2));
      rowPlans.push({ index: first + i, height: Math.max(15, wrappedLines(label, 44) * 13 + 3) });
    });
    fmt(rangeA1(first, 1, labels.length, 2), { wrap: true, vAlign: "top" });
  };

  // Title.
  put(0, 0, [[tr("Podsumowanie naboru", "Call summary") + " — " + s.cardTitle[lang]]]);
  fmt("A1", { bold: true, fontSize: 14 });
  const built = formatBuiltAt(opts.builtAt ?? new Date(), lang);
  put(1, 0, [
    [
      tr(
        `Stan na ${displayDate(s.asOf, lang)} · obliczone przez Miernik ${built} · plików projektów: ${num(s.projects.length)}, uczestników: ${num(s.participants)}; ` +
          `wartości nie aktualizują się same — po zmianie plików utwórz podsumowanie ponownie`,
        `As of ${s.asOf} · computed by Miernik ${built} · project files: ${num(s.projects.length)}, participants: ${num(s.participants)}; ` +
          `the figures do not update themselves — build the summary again after the files change`,
      ),
    ],
  ]);
  fmt("A2", { italic: true, wrap: true, vAlign: "top" });
  sheet.merges.push("A2:H2");
  put(2, 0, [
    [
      tr(
        `Pliki pominięte: ${num(s.problems.length)} · wnioskodawcy ponad limit wniosków (${num(s.maxApplicationsPerApplicant)}): ${num(s.applicantsOverLimit.length)} · PESEL w więcej niż jednym projekcie: ${num(s.sharedPesels.length)}`,
        `Files left out: ${num(s.problems.length)} · applicants over the limit of applications (${num(s.maxApplicationsPerApplicant)}): ${num(s.applicantsOverLimit.length)} · PESELs in more than one project: ${num(s.sharedPesels.length)}`,
      ),
    ],
  ]);

  let row = 4;
  // Product indicators.
  const products = s.totals.filter((t) => t.kind === "product");
  const results = s.totals.filter((t) => t.kind === "result");
  const productHeaderRow = row;
  put(row, 0, [[tr("Wskaźniki produktu — suma wszystkich projektów", "Product indicators — all projects")]]);
  fmt(rangeA1(row, 0, 1, 8), { bold: true, fill: SECTION_FILL });
  row++;
  put(row, 0, [
    [
      tr("Wskaźnik", "Indicator"),
      tr("Nazwa", "Name"),
      null,
      tr("Liczba osób", "Persons"),
      null,
      null,
      tr("Cel naboru", "Call target"),
      tr("Realizacja celu", "Target reached"),
    ],
  ]);
  fmt(rangeA1(row, 0, 1, 8), { bold: true, fill: HEADER_FILL, border: "thin", wrap: true, vAlign: "center" });
  rowPlans.push({ index: row, height: 30 });
  row++;
  const shortId = (id: string): string => id.replace(/^(product|result)\./, "");
  if (products.length > 0) {
    put(
      row,
      0,
      products.map((t) => [shortId(t.id), t.label[lang], null, t.numerator, null, null, t.target, t.reached]),
    );
    fmt(rangeA1(row, 0, products.length, 8), { border: "thin", vAlign: "top" });
    labelRows(
      row,
      products.map((t) => t.label[lang]),
    );
    fmt(rangeA1(row, 3, products.length, 1), { numberFormat: COUNT_FORMAT });
    fmt(rangeA1(row, 6, products.length, 1), { numberFormat: COUNT_FORMAT });
    // Target reached: three decimals just under 100% (3 999 of 4 000 reads "99,975%", not "100,0%").
    fmt(rangeA1(row, 7, products.length, 1), { numberFormat: REACHED_FORMAT });
    row += products.length;
  }
  row++;

  // Result indicators.
  const resultHeaderRow = row;
  put(row, 0, [
    [
      tr(
        "Wskaźniki rezultatu — wszyscy uczestnicy, którzy zakończyli udział",
        "Result indicators — all participants who left",
      ),
    ],
  ]);
  fmt(rangeA1(row, 0, 1, 8), { bold: true, fill: SECTION_FILL });
  row++;
  put(row, 0, [
    [
      tr("Wskaźnik", "Indicator"),
      tr("Nazwa", "Name"),
      null,
      tr("Z rezultatem", "With the result"),
      tr("Zakończyli udział", "Left"),
      tr("Wartość", "Value"),
      tr("Cel naboru", "Call target"),
      tr("Realizacja celu", "Target reached"),
    ],
  ]);
  fmt(rangeA1(row, 0, 1, 8), { bold: true, fill: HEADER_FILL, border: "thin", wrap: true, vAlign: "center" });
  rowPlans.push({ index: row, height: 30 });
  row++;
  if (results.length > 0) {
    put(
      row,
      0,
      results.map((t) => [
        shortId(t.id),
        t.label[lang],
        null,
        t.numerator,
        t.denominator,
        t.value ?? "—",
        t.target,
        t.reached ?? "—",
      ]),
    );
    fmt(rangeA1(row, 0, results.length, 8), { border: "thin", vAlign: "top" });
    labelRows(
      row,
      results.map((t) => t.label[lang]),
    );
    fmt(rangeA1(row, 3, results.length, 2), { numberFormat: COUNT_FORMAT });
    fmt(rangeA1(row, 5, results.length, 3), { numberFormat: PERCENT_FORMAT, hAlign: "right" });
    // The value against its target, and the target reached against 100%: never "60,0%" for 59,975% beside 60%.
    results.forEach((t, i) => {
      const band = thresholdShareFormat(t.target);
      if (band) fmt(rangeA1(row + i, 5, 1, 1), { numberFormat: band });
    });
    fmt(rangeA1(row, 7, results.length, 1), { numberFormat: REACHED_FORMAT });
    row += results.length;
  }
  row++;

  // Charts, then their data (literal figures, like the rest of the sheet), from the top of a page of their own:
  // criteria met per project; product indicators' share of the call's targets. The charts first, so that a
  // long list of projects (its data runs onto the next page) never pushes a chart across a page break.
  const rowBreaks: number[] = [];
  const charts: ChartPlan[] = [];
  let chartsRow: number | null = null;
  let chartDataRow: number | null = null;
  if (s.projects.length > 0 || products.length > 0) {
    rowBreaks.push(row);
    chartsRow = row;
    const projectCharted = s.projects.length > 0;
    const productCharted = products.length > 0;
    // The page's title row, then the charts (16 and 15 rows, a blank row after each), then their data. (A chart
    // anchored on a page's very first row also left its texts, unseen, on the page before in LibreOffice's PDF.)
    put(row, 0, [[tr("Wykresy", "Charts")]]);
    fmt(rangeA1(row, 0, 1, 8), { bold: true, fill: SECTION_FILL });
    // Many projects: a taller chart of them, as their slanted names under the axis take a fixed share of it.
    const projectChartRows = s.projects.length > MANY_PROJECTS_CHARTED ? 24 : 16;
    const chartRows = 1 + (projectCharted ? projectChartRows + 1 : 0) + (productCharted ? 16 : 0);
    chartDataRow = row + chartRows;
    const dataTop = chartDataRow + 1;
    put(chartDataRow, 0, [[tr("Dane wykresów", "Chart data")]]);
    fmt(rangeA1(chartDataRow, 0, 1, 8), { bold: true, fill: SECTION_FILL });
    const projectHead: CellValue[] = [
      tr("Projekt", "Project"),
      tr("Kryteria obowiązkowe spełnione", "Required criteria met"),
      tr("Kryteria premiujące spełnione", "Premium criteria met"),
    ];
    const projectRows: CellValue[][] = s.projects.map((p, i) => [
      chartCategory(i, p.file),
      p.criteria.filter((c) => c.kind !== "premium" && c.met === true).length,
      p.criteria.filter((c) => c.kind === "premium" && c.met === true).length,
    ]);
    put(dataTop, 1, [projectHead, ...projectRows]);
    fmt(rangeA1(dataTop, 1, 1, 3), {
      bold: true,
      fill: HEADER_FILL,
      border: "thin",
      wrap: true,
      vAlign: "center",
    });
    if (projectRows.length > 0) fmt(rangeA1(dataTop + 1, 1, projectRows.length, 3), { border: "thin" });
    const productHead: CellValue[] = [tr("Wskaźnik", "Indicator"), tr("Realizacja celu", "Target reached")];
    const productRows: CellValue[][] = products.map((t) => [shortId(t.id), t.reached]);
    put(dataTop, 5, [productHead, ...productRows]);
    fmt(rangeA1(dataTop, 5, 1, 2), {
      bold: true,
      fill: HEADER_FILL,
      border: "thin",
      wrap: true,
      vAlign: "center",
    });
    if (productRows.length > 0) {
      fmt(rangeA1(dataTop + 1, 5, productRows.length, 2), { border: "thin" });
      fmt(rangeA1(dataTop + 1, 6, productRows.length, 1), { numberFormat: REACHED_FORMAT });
    }
    rowPlans.push({ index: dataTop, height: 45 });
    row++;
    if (projectCharted) {
      charts.push({
        type: "columnClustered",
        title: tr("Kryteria spełnione w projektach", "Criteria met per project"),
        dataRange: rangeA1(dataTop, 1, projectRows.length + 1, 3),
        seriesBy: "columns",
        from: a1(row, 0),
        to: a1(row + projectChartRows - 1, 8),
      });
      row += projectChartRows + 1;
    }
    if (productCharted) {
      charts.push({
        type: "columnClustered",
        title: tr(
          "Wskaźniki produktu: realizacja celu naboru",
          "Product indicators: share of the call target",
        ),
        dataRange: rangeA1(dataTop, 5, productRows.length + 1, 2),
        seriesBy: "columns",
        from: a1(row, 0),
        to: a1(row + 14, 8),
      });
      row += 16;
    }
    row = dataTop + Math.max(projectRows.length, productRows.length) + 2;
    rowBreaks.push(row);
  }
  if (charts.length > 0) sheet.charts = charts;

  // Flags, then the files left out: on a page of their own between the charts and the project table. Their
  // rows hold nothing right of column H, so they print once (in the first block of columns) and not once per
  // block of criteria; above the table's header rows, so those are not repeated over them either.
  if (rowBreaks.length === 0) rowBreaks.push(row);
  const flagsRow = row;
  put(row, 0, [[tr("Uwagi do naboru", "Flags")]]);
  fmt(rangeA1(row, 0, 1, 8), { bold: true, fill: SECTION_FILL });
  row++;
  // One flag a line, in one cell over A–H (the page's width; nothing right of H, so no block of criteria prints
  // it again), wrapped: a long applicant or file list stays on the page instead of running past its edge.
  const flags: string[] = [];
  for (const f of s.applicantsOverLimit)
    flags.push(
      tr(
        `Wnioskodawca: ${f.applicant} — ${f.files.length} ${pluralForm(f.files.length, APPLICATIONS, "pl")} (limit karty: ${s.maxApplicationsPerApplicant}): ${f.files.join(", ")}`,
        `Applicant: ${f.applicant} — ${f.files.length} ${pluralForm(f.files.length, APPLICATIONS, "en")} (card's limit: ${s.maxApplicationsPerApplicant}): ${f.files.join(", ")}`,
      ),
    );
  // PESELs in more than one project: one flag per set of projects (a register filed twice, or saved once as
  // .csv and once as .xlsx, shares all its people — one line, not one per person), its numbers listed.
  const peselGroups = new Map<string, { files: string[]; pesels: string[] }>();
  for (const f of s.sharedPesels) {
    const key = f.files.join("\u0000");
    const g = peselGroups.get(key);
    if (g) g.pesels.push(f.pesel);
    else peselGroups.set(key, { files: f.files, pesels: [f.pesel] });
  }
  for (const g of peselGroups.values()) {
    const list = firstListed(g.pesels, PESELS_LISTED);
    flags.push(
      tr(
        `PESEL w ${g.files.length} projektach: ${g.files.join(", ")} — ${countOf(g.pesels.length, NOUNS.person, "pl")}: ${list}`,
        `PESEL in ${g.files.length} projects: ${g.files.join(", ")} — ${countOf(g.pesels.length, NOUNS.person, "en")}: ${list}`,
      ),
    );
  }
  // Projects whose applicant the files do not give show "—": one note (not one per row) saying so, and how
  // to give it (until then their applications are not counted against the limit).
  const unnamed = s.projects.filter((p) => !p.applicant).map((p) => p.file);
  if (unnamed.length > 0) {
    const files = firstListed(unnamed, FILES_LISTED);
    const one = unnamed.length === 1;
    const hint = opts.applicantHint ?? defaultApplicantHint(card);
    flags.push(
      tr(
        `Wnioskodawca „—”: nie znaleziono go w ${one ? "pliku" : "plikach"} ${files}. Podaj go: ${hint.pl}.`,
        `Applicant "—": not found in ${one ? "the file" : "the files"} ${files}. To give it: ${hint.en}.`,
      ),
    );
  }
  if (flags.length === 0) put(row, 0, [[tr("Brak uwag.", "No flags.")]]);
  else {
    const flagWidth = COLUMN_WIDTHS.slice(0, FIXED).reduce((a, b) => a + b, 0);
    put(
      row,
      0,
      flags.map((f) => [f, ...Array.from({ length: FIXED - 1 }, () => null)]),
    );
    flags.forEach((f, i) => {
      sheet.merges.push(rangeA1(row + i, 0, 1, FIXED));
      // Merged cells are not fitted by Excel either: the height is the estimate.
      rowPlans.push({ index: row + i, height: fittedRowHeight(fittedLines(f, flagWidth)) });
    });
    fmt(rangeA1(row, 0, flags.length, FIXED), { border: "thin", vAlign: "top", wrap: true });
  }
  row += Math.max(1, flags.length) + 1;

  // Files left out (unreadable, a copy of another, no register…), each with its reason.
  const problemsRow = row;
  put(row, 0, [[tr("Pliki pominięte w podsumowaniu", "Files left out of the summary")]]);
  fmt(rangeA1(row, 0, 1, 8), { bold: true, fill: SECTION_FILL });
  row++;
  if (s.problems.length > 0) {
    const list = problemListPlan(
      row,
      s.problems.map((p) => ({ file: p.file, reason: p.reason[lang] })),
      { col: PROJECT_COLUMNS.file, span: 1 },
      { col: PROJECT_COLUMNS.applicant, span: FIXED - PROJECT_COLUMNS.applicant },
      COLUMN_WIDTHS,
    );
    blocks.push(list.block);
    sheet.merges.push(...list.merges);
    rowPlans.push(...list.rows);
    formats.push(...list.formats);
  } else put(row, 0, [[tr("Wszystkie pliki odczytano.", "Every file was read.")]]);
  row += Math.max(1, s.problems.length) + 1;
  rowBreaks.push(row);

  // Project table: three header rows (kind, criterion, share | met).
  const projectHeaderRow = row;
  put(row, 0, [[tr("Projekty", "Projects")]]);
  fmt(rangeA1(row, 0, 1, totalCols), { bold: true, fill: SECTION_FILL });
  // Header rows: row+1 = fixed heads (merged down 3 rows) and kind titles (merged across the kind's columns),
  // row+2 = criterion labels (each merged over its 2 columns), row+3 = share | met (or points).
  const fixedHeads = [
    tr("Lp.", "No."),
    tr("Plik", "File"),
    tr("Wnioskodawca", "Applicant"),
    tr("Wnioski tego wnioskodawcy", "Applications by this applicant"),
    tr("Uczestnicy", "Participants"),
    tr("Oczekujący na wynik", "Pending"),
    tr("Błędy w wierszach", "Row errors"),
    tr("Uczestnicy (PESEL) także w innym projekcie", "Participants (PESEL) also in another project"),
  ];
  const h1: CellValue[] = [...fixedHeads];
  const h2: CellValue[] = fixedHeads.map(() => null);
  const h3: CellValue[] = fixedHeads.map(() => null);
  for (let c = 0; c < FIXED; c++) sheet.merges.push(rangeA1(row + 1, c, 3, 1));
  const criterionColumns: Record<string, number> = {};
  let col = FIXED;
  let kindStart = col;
  criteria.forEach((c, i) => {
    criterionColumns[c.id] = col;
    const kind = c.kind as keyof typeof KIND_TITLE;
    const first = i === 0 || criteria[i - 1].kind !== kind;
    if (first) kindStart = col;
    h1.push(first ? KIND_TITLE[kind][lang] : null, null);
    h2.push(c.label[lang], null);
    const measureHead =
      c.measure === "count"
        ? tr("liczba", "count")
        : c.measure === "effectiveness"
          ? tr("efekt.", "rate")
          : tr("udział", "share");
    h3.push(measureHead, c.kind === "premium" ? tr("punkty", "points") : tr("spełn.", "met"));
    sheet.merges.push(rangeA1(row + 2, col, 1, 2));
    const last = i === criteria.length - 1 || criteria[i + 1].kind !== kind;
    if (last && col + 2 - kindStart > 1)
      sheet.merges.push(rangeA1(row + 1, kindStart, 1, col + 2 - kindStart));
    col += 2;
  });
  const premiumPointsColumn = col;
  const requiredMetColumn = col + 1;
  const totalHeads = [
    tr("Punkty premiujące razem", "Premium points total"),
    tr("Kryteria obowiązkowe spełnione", "Required criteria met"),
  ];
  // Wide enough for the headers' longest words in bold ("obowiązkowe" is not split before its last letter).
  const totalsWidth = Math.max(...totalHeads.map((h) => widthForHeader(12, h)));
  h1.push(...totalHeads);
  h2.push(null, null);
  h3.push(null, null);
  sheet.merges.push(rangeA1(row + 1, premiumPointsColumn, 3, 1), rangeA1(row + 1, requiredMetColumn, 3, 1));
  put(row + 1, 0, [h1, h2, h3]);
  fmt(rangeA1(row + 1, 0, 3, totalCols), {
    bold: true,
    fill: HEADER_FILL,
    border: "thin",
    wrap: true,
    hAlign: "center",
    vAlign: "center",
  });
  rowPlans.push({ index: row + 2, height: 75 });
  // Criterion labels in 9 pt, so a long word ("niepełnosprawnościami") fits its two columns unbroken.
  fmt(rangeA1(row + 2, FIXED, 1, criteria.length * 2), { fontSize: 9 });
  const firstProjectRow = row + 4;
  const titleRows = `$${row + 2}:$${row + 4}`;

  const data: CellValue[][] = s.projects.map((p, i) => {
    const r: CellValue[] = [
      i + 1,
      p.file,
      p.applicant ?? "—",
      p.applicant ? p.applicantFiles : "—",
      p.participants,
      p.pending,
      p.rowErrors,
      p.sharedPesels,
    ];
    for (const id of shown) {
      const c = p.criteria.find((x) => x.id === id);
      if (!c) {
        r.push("—", "—");
        continue;
      }
      const figure = c.denominator === null ? c.numerator : (c.share ?? "—");
      const second = c.kind === "premium" ? (c.points === null ? "—" : c.points) : metText(c.met, lang);
      r.push(figure, second);
    }
    r.push(p.premiumPoints, metText(p.requiredMet, lang));
    return r;
  });
  if (data.length > 0) {
    put(firstProjectRow, 0, data);
    const n = data.length;
    fmt(rangeA1(firstProjectRow, 0, n, totalCols), { border: "thin", vAlign: "top" });
    fmt(rangeA1(firstProjectRow, 1, n, 2), { wrap: true });
    // Rows as tall as a wrapped file name or applicant (LibreOffice does not fit the rows of an .xlsx it opens).
    s.projects.forEach((p, i) => {
      const lines = Math.max(
        fittedLines(p.file, COLUMN_WIDTHS[PROJECT_COLUMNS.file]),
        fittedLines(p.applicant ?? "—", COLUMN_WIDTHS[PROJECT_COLUMNS.applicant]),
      );
      if (lines > 1) rowPlans.push({ index: firstProjectRow + i, height: fittedRowHeight(lines), fit: true });
    });
    criteria.forEach((c) => {
      const cc = criterionColumns[c.id];
      fmt(rangeA1(firstProjectRow, cc, n, 1), {
        // A share just under its threshold gets the decimals its "NIE" needs (59,975%, not 60,0%), as on the
        // criteria sheet.
        numberFormat: c.measure === "count" ? COUNT_FORMAT : (shareFormat(c) ?? PERCENT_FORMAT),
        hAlign: "right",
      });
      fmt(rangeA1(firstProjectRow, cc + 1, n, 1), { hAlign: "center" });
    });
    fmt(rangeA1(firstProjectRow, requiredMetColumn, n, 1), { hAlign: "center" });
    // Met / not met / n/a colours over the criterion block and the final column.
    const block = `${a1(firstProjectRow, FIXED)}:${a1(firstProjectRow + n - 1, requiredMetColumn)}`;
    const tl = a1(firstProjectRow, FIXED);
    cfs.push(
      {
        range: block,
        formula: `=${tl}="${MET_TEXT.yes[lang]}"`,
        style: { fill: MET_FILL, fontColor: MET_FONT },
      },
      {
        range: block,
        formula: `=${tl}="${MET_TEXT.no[lang]}"`,
        style: { fill: NOT_MET_FILL, fontColor: NOT_MET_FONT },
      },
      {
        range: block,
        formula: `=${tl}="${MET_TEXT.na[lang]}"`,
        style: { fill: NA_FILL, fontColor: NA_FONT },
      },
    );
    // Flags: an applicant over the limit; participants also in another project.
    const af = a1(firstProjectRow, PROJECT_COLUMNS.applicantFiles);
    cfs.push({
      range: rangeA1(firstProjectRow, PROJECT_COLUMNS.applicantFiles, n, 1),
      formula: `=AND(ISNUMBER(${af}),${af}>${s.maxApplicationsPerApplicant})`,
      style: { fill: NOT_MET_FILL, fontColor: NOT_MET_FONT, bold: true },
    });
    const sp = a1(firstProjectRow, PROJECT_COLUMNS.sharedPesels);
    cfs.push({
      range: rangeA1(firstProjectRow, PROJECT_COLUMNS.sharedPesels, n, 1),
      formula: `=${sp}>0`,
      style: { fill: NOT_MET_FILL, fontColor: NOT_MET_FONT, bold: true },
    });
    const re = a1(firstProjectRow, PROJECT_COLUMNS.rowErrors);
    cfs.push({
      range: rangeA1(firstProjectRow, PROJECT_COLUMNS.rowErrors, n, 1),
      formula: `=${re}>0`,
      style: { fontColor: NOT_MET_FONT, bold: true },
    });
  } else {
    put(firstProjectRow, 0, [[tr("Brak odczytanych projektów.", "No project could be read.")]]);
  }

  sheet.columns = Array.from({ length: totalCols }, (_, c) => ({
    width:
      c < FIXED
        ? widthForHeader(COLUMN_WIDTHS[c], fixedHeads[c])
        : c >= premiumPointsColumn
          ? totalsWidth
          : 10.5,
  }));
  sheet.freeze = { rows: 0, columns: 3 };
  // Printed as blocks of one page width each: the totals (columns A–H) on their own page; the project
  // table as fixed columns, then formal, effectiveness and premium criteria, each on a page of its own with
  // Lp. / file / applicant repeated at the left; the charts on a page of their own. Excel ignores manual
  // breaks while "fit to pages" is on, hence a fixed scale.
  const colBreaks: number[] = [FIXED];
  criteria.forEach((c, i) => {
    if (i > 0 && criteria[i - 1].kind !== c.kind) colBreaks.push(criterionColumns[c.id]);
  });
  sheet.print = {
    ...printLandscape(titleRows, `${sheet.name} — ${displayDate(s.asOf, lang)}`, lang),
    printTitleColumns: "$A:$C",
    scale: 62,
    printOrder: "overThenDown",
    rowBreaks,
    colBreaks,
  };
  sheet.tabColor = "#2F5597";
  return {
    sheet: withFormatLanguage(sheet, lang),
    layout: {
      productHeaderRow,
      resultHeaderRow,
      projectHeaderRow,
      firstProjectRow,
      criterionColumns,
      premiumPointsColumn,
      requiredMetColumn,
      flagsRow,
      problemsRow,
      chartsRow,
      chartDataRow,
    },
  };
}

/** Column letters of a criterion's share cell (for messages and tests). */
export function criterionColumnLetters(layout: CallSummaryLayout, id: string): string {
  return columnLetters(layout.criterionColumns[id]);
}

/** Where a file names its applicant: the criteria sheet's "Wnioskodawca:" cell, or such a row above a register. */
function defaultApplicantHint(card: Card): Localized {
  const cell = criteriaCellMap(card).applicant;
  const sheet = criteriaSheetName(card);
  return {
    pl: `wpisz nazwę w komórce obok „${APPLICANT_LABEL.pl}” (${cell} arkusza „${sheet}”) lub w wierszu „${APPLICANT_LABEL.pl} Nazwa” nad nagłówkiem rejestru`,
    en: `type the name next to "${APPLICANT_LABEL.en}" (${cell} of the sheet "${sheet}") or in a row "${APPLICANT_LABEL.en} Name" above the register's header`,
  };
}

/**
 * The CLI's ways to name an applicant: the criteria sheet's cell of `miernik check -o`, `check --applicant`,
 * `summarize --applicants`.
 */
export function cliApplicantHint(card: Card): Localized {
  const cell = criteriaCellMap(card).applicant;
  const sheet = criteriaSheetName(card);
  return {
    pl: `wpisz nazwę w komórce „${APPLICANT_LABEL.pl}” (${cell} arkusza „${sheet}” z miernik check -o), użyj miernik check … --applicant "Nazwa" albo miernik summarize … --applicants wnioskodawcy.csv (plik;wnioskodawca)`,
    en: `type the name in the "${APPLICANT_LABEL.en}" cell (${cell} of the sheet "${sheet}" written by miernik check -o), use miernik check … --applicant "Name" or miernik summarize … --applicants applicants.csv (file;applicant)`,
  };
}
