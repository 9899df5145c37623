/**
 * The criteria sheet (named from the card, e.g. `Kryteria 9.1`): the as-of date and every card parameter
 * in labelled, named input cells (`P_asOf`, `P_<parameter>`), then one row per criterion with native
 * formulas over the register's named columns (`U_*`, see ../register/layout.ts): numerator, denominator,
 * share, threshold, met (TAK / NIE / nie dotyczy; in English YES / NO / n/a), points, shortfall, pending, and for product indicators
 * the call's target and the share of it reached; a premium points total. COUNTIFS only — no volatile
 * functions, no per-row arrays — so the sheet stays fast at 100 000 rows and computes the same in Excel
 * 2016+, Excel on the web and LibreOffice. The formulas mirror `evaluate()` (src/domain/card/evaluate.ts)
 * exactly; tests evaluate them in HyperFormula against the engine.
 */
import { baseOf } from "../../domain/card/evaluate";
import { Condition, GROUP_CONDITIONS, GROUPS } from "../../domain/card/groups";
import type { Card, CardParameters, Criterion, GroupId } from "../../domain/card/types";
import type { Lang } from "../../domain/i18n";
import { columnLetters } from "../address";
import {
  CellValue,
  ConditionalFormatPlan,
  emptySheet,
  FormatPlan,
  NamePlan,
  RowPlan,
  SheetPlan,
} from "../plan";
import { derivedName, inputName } from "../register/layout";
import { MET_TEXT } from "../summary/common";
import { fittedLines, fittedRowHeight, widthForHeader } from "../textFit";
import { withFormatLanguage } from "../numberLocale";

/** The met column's words in the sheet's language: TAK / NIE / nie dotyczy, YES / NO / n/a. */
export function metWords(lang: Lang): { yes: string; no: string; na: string } {
  return { yes: MET_TEXT.yes[lang], no: MET_TEXT.no[lang], na: MET_TEXT.na[lang] };
}
/** The Polish words (the default language). */
export const MET = metWords("pl");

/** Parameter rows, in order, with their labels; booleans are written as 1/0. */
export const PARAMETER_LABELS: Record<keyof CardParameters, { pl: string; en: string }> = {
  subQuotaBase: { pl: "Podstawa kwot „w tym” (grupa)", en: "Base of the “of which” quotas (group)" },
  lowQualificationMaxIsced: { pl: "Niskie kwalifikacje: ISCED do", en: "Low qualifications: ISCED up to" },
  effectivenessWindowDays: {
    pl: "Okno efektywności (dni po zakończeniu)",
    en: "Effectiveness window (days after the end)",
  },
  excludeOtherDropouts: {
    pl: "Przerwania z innych przyczyn poza mianownikiem (1 = tak)",
    en: "Drop-outs for other reasons left out (1 = yes)",
  },
  civilContractsCount: {
    pl: "Umowy cywilnoprawne liczą się (1 = tak)",
    en: "Civil-law contracts count (1 = yes)",
  },
  resultWindowDays: { pl: "Wskaźniki rezultatu: okno (dni)", en: "Result indicators: window (days)" },
  minEmploymentMonths: { pl: "Zatrudnienie: co najmniej miesięcy", en: "Employment: at least months" },
  minFte: { pl: "Umowa o pracę: co najmniej etatu", en: "Employment contract: at least FTE" },
  olderAge: { pl: "Grupa 50+: wiek od", en: "50+ group: age from" },
  internshipMinMonths: { pl: "Staż: co najmniej miesięcy", en: "Internship: at least months" },
  internshipMaxMonths: { pl: "Staż: najwyżej miesięcy", en: "Internship: at most months" },
  minTargetAge: { pl: "Grupa docelowa: wiek od (ostrzeżenie)", en: "Target group: age from (warning)" },
  duplicatesByNameAndBirthDate: {
    pl: "Bez PESEL: ta sama osoba = imię, nazwisko i data urodzenia (1 = tak)",
    en: "Without a PESEL: same person = name and birth date (1 = yes)",
  },
};
export const PARAMETER_KEYS = Object.keys(PARAMETER_LABELS) as (keyof CardParameters)[];

export const CRITERIA_COLUMNS = [
  "id",
  "label",
  "kind",
  "numerator",
  "denominator",
  "share",
  "threshold",
  "met",
  "points",
  "shortfall",
  "pending",
  "target",
  "reached",
] as const;
export type CriteriaColumn = (typeof CRITERIA_COLUMNS)[number];

const HEADERS: Record<CriteriaColumn, { pl: string; en: string }> = {
  id: { pl: "Kod", en: "Code" },
  label: { pl: "Kryterium / wskaźnik", en: "Criterion / indicator" },
  kind: { pl: "Rodzaj", en: "Kind" },
  numerator: { pl: "Licznik", en: "Numerator" },
  denominator: { pl: "Mianownik", en: "Denominator" },
  share: { pl: "Udział", en: "Share" },
  threshold: { pl: "Próg", en: "Threshold" },
  met: { pl: "Spełnione", en: "Met" },
  points: { pl: "Punkty", en: "Points" },
  shortfall: { pl: "Brakuje (osób)", en: "Shortfall (persons)" },
  pending: { pl: "Oczekujący na wynik", en: "Pending" },
  target: { pl: "Cel naboru", en: "Call target" },
  reached: { pl: "Realizacja celu", en: "Target reached" },
};

/** Criterion kinds as both sheets (criteria, plan) name them. */
export const KIND_LABELS: Record<Criterion["kind"], { pl: string; en: string }> = {
  formal: { pl: "formalne", en: "formal" },
  effectiveness: { pl: "efektywność", en: "effectiveness" },
  premium: { pl: "premiujące", en: "premium" },
  result: { pl: "rezultat", en: "result" },
  product: { pl: "produkt", en: "product" },
};

/**
 * Row layout (0-based): title, applicant, blank, verdict, as-of, parameters, blank, header, criteria, total.
 * The applicant row is "Wnioskodawca:" and the name (the cell `miernik summarize` reads it from, as from a
 * register's title rows: src/workbook/summary/inputs.ts `findApplicant`); the blank row under it keeps an
 * empty name from being read as the cell below the label.
 */
const TITLE_ROW = 0;
const APPLICANT_ROW = 1;
/** The headline verdict (one formula over the criteria rows). */
const VERDICT_ROW = 3;
const AS_OF_ROW = 4;
const FIRST_PARAMETER_ROW = 5;

/** The applicant row's label; the English one is read by `findApplicant` too. */
export const APPLICANT_LABEL: { pl: string; en: string } = { pl: "Wnioskodawca:", en: "Applicant:" };

export function criteriaSheetName(card: Card): string {
  return card.sheetName;
}

/**
 * The sheet's title (and printed page header): "Kryteria 9.1 — <card title>"; in English "Criteria — <card
 * title>" (the tab keeps the card's sheet name: formulas and readers find the sheet by it).
 */
export function criteriaTitle(card: Card, lang: Lang): string {
  return `${lang === "pl" ? card.sheetName : "Criteria"} — ${card.title[lang]}`;
}

export function parameterName(key: keyof CardParameters | "asOf"): string {
  return `P_${key}`;
}

function headerRow(): number {
  return FIRST_PARAMETER_ROW + PARAMETER_KEYS.length + 1;
}

/** A1 addresses on the criteria sheet of each criterion's cells, the as-of cell and the points total. */
export interface CriteriaCellMap {
  asOf: string;
  /** The applicant's name (an input cell: empty when the register named none). */
  applicant: string;
  parameters: Record<keyof CardParameters, string>;
  criteria: Record<string, Record<CriteriaColumn, string>>;
  premiumTotal: string;
  /** The headline verdict (one formula). */
  verdict: string;
  /** 0-based row of the first criterion and the header. */
  firstRow: number;
  headerRow: number;
}

export function criteriaCellMap(card: Card): CriteriaCellMap {
  const first = headerRow() + 1;
  const criteria: CriteriaCellMap["criteria"] = {};
  card.criteria.forEach((c, i) => {
    const cells = {} as Record<CriteriaColumn, string>;
    CRITERIA_COLUMNS.forEach((col, j) => (cells[col] = `${columnLetters(j)}${first + i + 1}`));
    criteria[c.id] = cells;
  });
  const parameters = {} as Record<keyof CardParameters, string>;
  PARAMETER_KEYS.forEach((k, i) => (parameters[k] = `C${FIRST_PARAMETER_ROW + i + 1}`));
  return {
    asOf: `C${AS_OF_ROW + 1}`,
    applicant: `C${APPLICANT_ROW + 1}`,
    parameters,
    criteria,
    premiumTotal: `${columnLetters(CRITERIA_COLUMNS.indexOf("points"))}${first + card.criteria.length + 1}`,
    verdict: `A${VERDICT_ROW + 1}`,
    firstRow: first,
    headerRow: headerRow(),
  };
}

export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** COUNTIFS criteria pairs for a group's conditions (every row also has to be evaluable). */
function conditionPairs(conds: readonly Condition[]): string[] {
  return conds.map((c) => {
    if ("derived" in c) return `${derivedName(c.derived)},1`;
    if ("equals" in c) return `${inputName(c.column)},${quote(c.equals)}`;
    if ("value" in c) return `${inputName(c.column)},${quote(`${c.op}${c.value}`)}`;
    return `${inputName(c.column)},${quote(c.op)}&${parameterName(c.param)}`;
  });
}

export function countIfs(...groups: (readonly Condition[])[]): string {
  const pairs = [`${derivedName("evaluable")},1`, ...groups.flatMap((g) => conditionPairs(g))];
  return `COUNTIFS(${pairs.join(",")})`;
}

const D = (flag: "left" | "effPopulation" | "ended" | "pending" | "employed"): Condition => ({
  derived: flag,
});

function groupConds(g: GroupId): readonly Condition[] {
  return GROUP_CONDITIONS[g];
}

/**
 * `shareShortfall` / `effectivenessShortfall` (src/domain/card/evaluate.ts) in closed form: the smallest x ≥ 0
 * with (n+x)/(d+x) ≥ t is ⌈(t·d − n)/(1 − t)⌉ for t < 1 (rounded to 9 places first, so 5.0000000001 from
 * binary fractions stays 5); for t ≥ 1 no addition helps: the rows that must change, d − n; "" when d = 0.
 */
function shareShortfallFormula(n: string, d: string, t: string): string {
  return (
    `=IF(${d}=0,"",IF(${n}/${d}>=${t},0,IF(${t}>=1,${d}-${n},` +
    `MAX(0,CEILING(ROUND((${t}*${d}-${n})/(1-${t}),9),1)))))`
  );
}

/** The formulas of one criterion row (`r` = 1-based sheet row), by column. */
function criterionFormulas(
  c: Criterion,
  card: Card,
  r: number,
  lang: Lang,
): Partial<Record<CriteriaColumn, string>> {
  const MET = metWords(lang);
  const L = (col: CriteriaColumn) => `${columnLetters(CRITERIA_COLUMNS.indexOf(col))}${r}`;
  const n = L("numerator");
  const d = L("denominator");
  const t = L("threshold");
  const f: Partial<Record<CriteriaColumn, string>> = {};
  const G = groupConds(c.group);
  const hasThreshold = c.threshold !== undefined && c.threshold !== null;
  switch (c.measure) {
    case "share":
    case "resultShare": {
      const B = groupConds(baseOf(c, card));
      const extra = c.measure === "resultShare" ? [[D("left")]] : [];
      f.denominator = `=${countIfs(...extra, B)}`;
      f.numerator = `=${countIfs(...extra, B, G)}`;
      f.share = `=IF(${d}>0,${n}/${d},"")`;
      if (hasThreshold) {
        f.met = `=IF(${d}=0,${quote(MET.na)},IF(${n}/${d}>=${t},${quote(MET.yes)},${quote(MET.no)}))`;
        f.shortfall = shareShortfallFormula(n, d, t);
      }
      break;
    }
    case "count":
    case "productCount":
      f.numerator = `=${countIfs(G)}`;
      if (c.measure === "count" && hasThreshold) {
        f.met = `=IF(${n}>=${t},${quote(MET.yes)},${quote(MET.no)})`;
        f.shortfall = `=MAX(0,${t}-${n})`;
      }
      if (c.measure === "productCount" && c.target !== undefined) {
        f.reached = `=IF(${L("target")}>0,${n}/${L("target")},"")`;
      }
      break;
    case "effectiveness": {
      const ended = [D("effPopulation"), D("ended")];
      f.pending = `=${countIfs(ended, [D("pending")], G)}`;
      f.denominator = `=${countIfs(ended, G)}-${L("pending")}`;
      f.numerator = `=${countIfs(ended, [D("employed")], G)}`;
      f.share = `=IF(${d}>0,${n}/${d},"")`;
      if (hasThreshold) {
        f.met = `=IF(${d}=0,${quote(MET.na)},IF(${n}/${d}>=${t},${quote(MET.yes)},${quote(MET.no)}))`;
        // The quotas' rule: k more of the group who end with a job, (n+k)/(d+k) ≥ t; at t = 100 %, d − n.
        f.shortfall = shareShortfallFormula(n, d, t);
      }
      break;
    }
  }
  if (c.kind === "premium" && c.points !== null && c.points !== undefined)
    f.points = `=IF(${L("met")}=${quote(MET.yes)},${c.points},0)`;
  return f;
}

export interface CriteriaSheetOptions {
  /** Excel serial of the as-of date. */
  asOf: number;
  lang?: Lang;
  /** The applicant (from the register's title rows or `check --applicant`); absent: the cell is left to type in. */
  applicant?: string | null;
}

/** The criterion's number on the card ("1a", "2.3", "A1"): `code`, else the id's last part. */
export function criterionCode(c: Criterion): string {
  return c.code ?? c.id.replace(/^.*\./, "");
}

/** Required criteria (formal and effectiveness with a threshold): what the headline verdict counts. */
export function requiredCriteria(card: Card): Criterion[] {
  return card.criteria.filter(
    (c) =>
      (c.kind === "formal" || c.kind === "effectiveness") &&
      c.threshold !== undefined &&
      c.threshold !== null,
  );
}

/** Premium points available on the card (criteria without stated points count 0). */
export function premiumPointsAvailable(card: Card): number {
  return card.criteria.reduce((a, c) => a + (c.kind === "premium" ? (c.points ?? 0) : 0), 0);
}

/**
 * The headline verdict, one formula: "Kryteria obowiązkowe: 10 z 12 spełnionych — niespełnione: 1b, 2.3;
 * punkty premiujące: 20 z 40" (n/a criteria are named as such). Excel 2016 functions only (no TEXTJOIN):
 * one IF(…="NIE", ", " & code, "") piece per required criterion, concatenated, the leading ", " cut by MID.
 */
const VERDICT_TEXT = {
  pl: {
    head: "Kryteria obowiązkowe: ",
    of: " z ",
    met: " spełnionych",
    notMet: " — niespełnione: ",
    na: " — nie dotyczy: ",
    points: "; punkty premiujące: ",
  },
  en: {
    head: "Required criteria: ",
    of: " of ",
    met: " met",
    notMet: " — not met: ",
    na: " — not applicable: ",
    points: "; premium points: ",
  },
} as const;

/** The verdict's text from evaluated criteria: the TypeScript reference of the verdict formula. */
export function verdictText(
  results: readonly { id: string; met: boolean | null; points: number | null }[],
  card: Card,
  lang: Lang,
): string {
  const t = VERDICT_TEXT[lang];
  const req = requiredCriteria(card);
  const total = results.reduce((a, r) => a + (r.points ?? 0), 0);
  const points = `${total}${t.of}${premiumPointsAvailable(card)}`;
  if (req.length === 0) return `${t.points.slice(2)}${points}`;
  const met = (c: Criterion) => results.find((r) => r.id === c.id)?.met ?? null;
  const codes = (m: boolean | null) => req.filter((c) => met(c) === m).map((c) => criterionCode(c));
  const no = codes(false);
  const na = codes(null);
  return (
    `${t.head}${codes(true).length}${t.of}${req.length}${t.met}` +
    (no.length > 0 ? `${t.notMet}${no.join(", ")}` : "") +
    (na.length > 0 ? `${t.na}${na.join(", ")}` : "") +
    `${t.points}${points}`
  );
}

function verdictFormula(card: Card, lang: Lang, metCell: (c: Criterion) => string, total: string): string {
  const MET = metWords(lang);
  const req = requiredCriteria(card);
  const t = VERDICT_TEXT[lang];
  if (req.length === 0)
    return `=${quote(t.points.slice(2))}&${total}&${quote(t.of)}&${premiumPointsAvailable(card)}`;
  const count = (text: string) => req.map((c) => `(${metCell(c)}=${quote(text)})`).join("+");
  const list = (text: string) =>
    `MID(${req.map((c) => `IF(${metCell(c)}=${quote(text)},${quote(", " + criterionCode(c))},"")`).join("&")},3,1000)`;
  return (
    `=${quote(t.head)}&(${count(MET.yes)})&${quote(t.of)}&${req.length}&${quote(t.met)}` +
    `&IF((${count(MET.no)})>0,${quote(t.notMet)}&${list(MET.no)},"")` +
    `&IF((${count(MET.na)})>0,${quote(t.na)}&${list(MET.na)},"")` +
    `&${quote(t.points)}&${total}&${quote(t.of)}&${premiumPointsAvailable(card)}`
  );
}

/**
 * The share cell's number format: one decimal, but three just under the threshold, where one would round up to
 * it (2 399 of 4 000 = 59,975% read "60,0%" beside 60% and NIE; now "59,975%"). Number-format conditions
 * (Excel 2016, the web, LibreOffice): `[>=t]0.0%;[>=t−0,05 p.p.]0.000%;0.0%`. null: the plain "0.0%" is enough.
 */
export function shareFormat(c: Criterion): string | null {
  if (c.measure === "count" || c.measure === "productCount") return null;
  return thresholdShareFormat(c.threshold);
}

/**
 * The same number-format band for any share read against threshold `t` (a fraction: 0.6, or 1 for a target
 * reached): `[>=t]0.0%;[>=t−0,05 p.p.]0.000%;0.0%`. null when there is no positive threshold ("0.0%" is enough).
 */
export function thresholdShareFormat(t: number | null | undefined): string | null {
  if (t === undefined || t === null || !Number.isFinite(t) || !(t > 0)) return null;
  const num = (v: number) => String(Number(v.toPrecision(12)));
  return `[>=${num(t)}]0.0%;[>=${num(t - 0.0005)}]0.000%;0.0%`;
}

export function buildCriteriaSheetPlan(card: Card, opts: CriteriaSheetOptions): SheetPlan {
  const lang = opts.lang ?? "pl";
  const sheet = emptySheet(criteriaSheetName(card));
  const map = criteriaCellMap(card);
  const width = CRITERIA_COLUMNS.length;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const put = (r: number, c: number, v: CellValue, f: string | null = null) => {
    while (values.length <= r) {
      values.push(new Array<CellValue>(width).fill(null));
      formulas.push(new Array<string | null>(width).fill(null));
    }
    values[r][c] = v;
    formulas[r][c] = f;
  };
  put(TITLE_ROW, 0, criteriaTitle(card, lang));
  const applicant = opts.applicant?.trim() ? opts.applicant.trim() : null;
  put(APPLICANT_ROW, 0, APPLICANT_LABEL[lang]);
  put(APPLICANT_ROW, 2, applicant);
  const pointsLetter = columnLetters(CRITERIA_COLUMNS.indexOf("points"));
  put(
    VERDICT_ROW,
    0,
    null,
    verdictFormula(
      card,
      lang,
      (c) => map.criteria[c.id].met,
      `${pointsLetter}${map.firstRow + card.criteria.length + 1}`,
    ),
  );
  put(
    AS_OF_ROW,
    3,
    lang === "pl"
      ? "Wartości liczone formułami z arkusza „Uczestnicy”; zmień datę lub parametry poniżej, a wyniki przeliczą się same."
      : "Figures are formulas over the “Uczestnicy” sheet; change the date or the parameters below and they recalculate.",
  );
  put(AS_OF_ROW, 0, lang === "pl" ? "Stan na dzień" : "As of");
  put(AS_OF_ROW, 2, opts.asOf);
  PARAMETER_KEYS.forEach((k, i) => {
    const v = card.parameters[k];
    put(FIRST_PARAMETER_ROW + i, 0, PARAMETER_LABELS[k][lang]);
    // A group is shown by its name in the sheet's language ("osoby bezrobotne"), not its id.
    const shown =
      k === "subQuotaBase" && typeof v === "string" && v in GROUPS ? GROUPS[v as GroupId].label[lang] : v;
    put(FIRST_PARAMETER_ROW + i, 2, typeof shown === "boolean" ? (shown ? 1 : 0) : shown);
  });
  const hr = map.headerRow;
  CRITERIA_COLUMNS.forEach((col, j) => put(hr, j, HEADERS[col][lang]));
  card.criteria.forEach((c, i) => {
    const r = map.firstRow + i;
    const f = criterionFormulas(c, card, r + 1, lang);
    const col = (k: CriteriaColumn) => CRITERIA_COLUMNS.indexOf(k);
    put(r, col("id"), criterionCode(c));
    put(r, col("label"), c.label[lang]);
    put(r, col("kind"), KIND_LABELS[c.kind][lang]);
    if (c.threshold !== undefined && c.threshold !== null) put(r, col("threshold"), c.threshold);
    if (c.measure === "productCount" && c.target !== undefined) put(r, col("target"), c.target);
    if (c.kind === "premium" && (c.points === null || c.points === undefined)) put(r, col("points"), "—");
    for (const k of CRITERIA_COLUMNS) {
      const formula = f[k];
      if (formula) put(r, col(k), null, formula);
    }
  });
  const totalRow = map.firstRow + card.criteria.length;
  const pointsCol = columnLetters(CRITERIA_COLUMNS.indexOf("points"));
  put(
    totalRow,
    CRITERIA_COLUMNS.indexOf("label"),
    lang === "pl" ? "Punkty premiujące razem" : "Premium points in total",
  );
  put(
    totalRow,
    CRITERIA_COLUMNS.indexOf("points"),
    null,
    `=SUM(${pointsCol}${map.firstRow + 1}:${pointsCol}${totalRow})`,
  );
  sheet.blocks.push({ row: 0, col: 0, values, formulas });

  const last = map.firstRow + card.criteria.length; // 1-based last criterion row
  const L = (k: CriteriaColumn) => columnLetters(CRITERIA_COLUMNS.indexOf(k));
  const formats: FormatPlan[] = [
    { range: "A1", style: { bold: true, fontSize: 14 } },
    {
      range: `A${VERDICT_ROW + 1}`,
      style: { bold: true, fontSize: 12, wrap: true, vAlign: "center", fill: "#FFF2CC" },
    },
    { range: `D${AS_OF_ROW + 1}`, style: { italic: true, wrap: true, vAlign: "top" } },
    {
      range: `C${AS_OF_ROW + 1}`,
      style: {
        numberFormat: lang === "pl" ? "dd.mm.yyyy" : "yyyy-mm-dd",
        fill: "#FFF2CC",
        locked: false,
        hAlign: "left",
      },
    },
    { range: `A${APPLICANT_ROW + 1}`, style: { bold: true, vAlign: "top" } },
    {
      range: map.applicant,
      style: { bold: true, fill: "#FFF2CC", locked: false, hAlign: "left", vAlign: "top", wrap: true },
    },
    {
      range: `C${FIRST_PARAMETER_ROW + 1}:C${FIRST_PARAMETER_ROW + PARAMETER_KEYS.length}`,
      style: { fill: "#FFF2CC", locked: false, hAlign: "left" },
    },
    {
      range: `A${hr + 1}:${columnLetters(width - 1)}${hr + 1}`,
      style: { bold: true, fill: "#D9E1F2", wrap: true, border: "thin", vAlign: "center" },
    },
    { range: `A${map.firstRow + 1}:A${last}`, style: { hAlign: "center" } },
    {
      range: `A${map.firstRow + 1}:${columnLetters(width - 1)}${last}`,
      style: { border: "thin", vAlign: "top" },
    },
    { range: `B${map.firstRow + 1}:B${last}`, style: { wrap: true } },
    // Counts with the thousands separator of the reader's system (4 000, 1 875), as every count Miernik prints.
    ...(["numerator", "denominator", "shortfall", "pending", "target"] as const).map((k) => ({
      range: `${L(k)}${map.firstRow + 1}:${L(k)}${last}`,
      style: { numberFormat: "#,##0" },
    })),
    { range: `${L("share")}${map.firstRow + 1}:${L("share")}${last}`, style: { numberFormat: "0.0%" } },
    { range: `${L("reached")}${map.firstRow + 1}:${L("reached")}${last}`, style: { numberFormat: "0.0%" } },
    { range: `${pointsCol}${last + 1}`, style: { bold: true } },
  ];
  // Thresholds: shares as percentages, counts as counts.
  card.criteria.forEach((c, i) => {
    if (c.measure !== "count" && c.threshold !== undefined)
      formats.push({ range: `${L("threshold")}${map.firstRow + i + 1}`, style: { numberFormat: "0%" } });
    const share = shareFormat(c);
    if (share)
      formats.push({ range: `${L("share")}${map.firstRow + i + 1}`, style: { numberFormat: share } });
  });
  sheet.formats = formats;
  const MET = metWords(lang);
  const metRange = `${L("met")}${map.firstRow + 1}:${L("met")}${last}`;
  const firstMet = `${L("met")}${map.firstRow + 1}`;
  const cf = (text: string, fill: string, fontColor: string): ConditionalFormatPlan => ({
    range: metRange,
    formula: `=${firstMet}=${quote(text)}`,
    style: { fill, fontColor },
  });
  sheet.conditionalFormats = [
    cf(MET.yes, "#C6EFCE", "#006100"),
    cf(MET.no, "#FFC7CE", "#9C0006"),
    cf(MET.na, "#EDEDED", "#595959"),
  ];
  // English headers have longer words ("Denominator", "Threshold"): those columns wider, so no word breaks.
  const widths = [
    8,
    52,
    17,
    10,
    lang === "pl" ? 11 : 15,
    9,
    lang === "pl" ? 9 : 12.5,
    12,
    8,
    11,
    11,
    10,
    10,
  ].map((w, j) => widthForHeader(w, HEADERS[CRITERIA_COLUMNS[j]][lang]));
  sheet.columns = widths.map((w) => ({ width: w }));
  // Labels span A:B (parameter rows) and the verdict and note span the sheet; rows tall enough for wrapped text.
  sheet.merges.push(`A${VERDICT_ROW + 1}:${columnLetters(width - 1)}${VERDICT_ROW + 1}`);
  sheet.merges.push(`D${AS_OF_ROW + 1}:${columnLetters(width - 1)}${FIRST_PARAMETER_ROW + 2}`);
  sheet.merges.push(`A${APPLICANT_ROW + 1}:B${APPLICANT_ROW + 1}`);
  sheet.merges.push(`${map.applicant}:${columnLetters(width - 1)}${APPLICANT_ROW + 1}`);
  sheet.merges.push(`A${AS_OF_ROW + 1}:B${AS_OF_ROW + 1}`);
  PARAMETER_KEYS.forEach((_k, i) =>
    sheet.merges.push(`A${FIRST_PARAMETER_ROW + i + 1}:B${FIRST_PARAMETER_ROW + i + 1}`),
  );
  // The applicant's name wraps across C:M (a long foundation's name stays on the page).
  const applicantWidth = widths.slice(2).reduce((a, w) => a + w, 0);
  const applicantLines = applicant ? fittedLines(applicant, applicantWidth, true) : 1;
  const rows: RowPlan[] = [
    ...(applicantLines > 1
      ? [{ index: APPLICANT_ROW, height: fittedRowHeight(applicantLines), fit: true }]
      : []),
    { index: VERDICT_ROW, height: 36 },
    {
      index: hr,
      height: fittedRowHeight(
        CRITERIA_COLUMNS.reduce(
          (m, col, j) => Math.max(m, fittedLines(HEADERS[col][lang], widths[j], true)),
          1,
        ),
      ),
      fit: true,
    },
  ];
  // Label rows as tall as their wrapped labels: measured, not counted in characters (that overshot, and 15 pt
  // a line is more than LibreOffice's 12.8), so printouts have no empty line under a label.
  card.criteria.forEach((c, i) => {
    const lines = fittedLines(c.label[lang], widths[CRITERIA_COLUMNS.indexOf("label")]);
    if (lines > 1) rows.push({ index: map.firstRow + i, height: fittedRowHeight(lines), fit: true });
  });
  sheet.rows = rows;
  sheet.freeze = { rows: hr + 1, columns: 0 };
  sheet.print = {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: `$${hr + 1}:$${hr + 1}`,
    // The title once on every page: page 1 opens with it in its own rows (A1), later pages carry it as the
    // running head. The footer dates the print-out and numbers the pages.
    centerHeader: criteriaTitle(card, lang),
    firstPageHeader: "",
    leftFooter: lang === "pl" ? "Wydruk: &D" : "Printed: &D",
    centerFooter: "&P / &N",
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return withFormatLanguage(sheet, lang);
}

/** `P_asOf` and `P_<parameter>` names over the criteria sheet's input cells. */
export function criteriaNames(card: Card): NamePlan[] {
  const map = criteriaCellMap(card);
  const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const ref = (a: string) => `='${criteriaSheetName(card)}'!${abs(a)}`;
  return [
    { name: parameterName("asOf"), refersTo: ref(map.asOf) },
    ...PARAMETER_KEYS.map((k) => ({ name: parameterName(k), refersTo: ref(map.parameters[k]) })),
  ];
}
