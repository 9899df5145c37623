/**
 * The participant register sheet `Uczestnicy`: an Excel Table with the register's columns (headers as in
 * REGISTER_COLUMNS, so the register reader reads it back), list validations whose sources are names over
 * the hidden `Słowniki` sheet, date and number formats, and derived columns written as same-row formulas
 * (inside the table Excel fills them into new rows) that mirror `derive()` of src/domain/card/groups.ts:
 * birth date (valid PESEL decoded — not one coding 1800–1899 —, else Data urodzenia), age at start (else the
 * `Wiek w chwili przystąpienia do projektu` column), the person key and duplicate flag (one person, one count:
 * `personKey` in groups.ts), evaluable, the group flags (1/0; jobs count only when they started by the as-of
 * date), and a row status. Card parameters come from the criteria sheet's named input cells (`P_*`).
 *
 * Known difference from the engine, flagged in the row status: dates typed as text (the engine parses
 * `YYYY-MM-DD` / `DD.MM.YYYY` text; the formulas need real dates, which the import writes).
 */
import type { Card } from "../../domain/card/types";
import type { Lang } from "../../domain/i18n";
import {
  CONTRACT,
  DROPOUT,
  REGISTER_COLUMNS,
  SEX,
  STATUS,
  SUBSTATUS,
  YES,
} from "../../domain/register/columns";
import { columnLetters } from "../address";
import {
  CellValue,
  ColumnFormulaPlan,
  emptySheet,
  FormatPlan,
  ROW_TOKEN,
  SheetPlan,
  ValidationPlan,
} from "../plan";
import { parameterName } from "../criteria/plan";
import { dictionaryName, hasDictionary } from "./dictionaries";
import type { ColumnKey, ColumnKind } from "../../domain/register/columns";
import {
  DERIVED_KEYS,
  DerivedKey,
  derivedColumnLetter,
  derivedName,
  inputColumnLetter,
  REGISTER_SHEET,
} from "./layout";
import { PERSON_KEY_FOLD, PERSON_KEY_MAX } from "../../domain/card/groups";
import { fittedLines, fittedRowHeight, widthForHeader } from "../textFit";
import { withFormatLanguage } from "../numberLocale";
import { EDUCATION_WORDS } from "../../domain/register/checks";

export const REGISTER_TABLE_NAME = "Uczestnicy";

/**
 * The register's printed columns: the first input columns, Lp. through Data zakończenia udziału (a print
 * area is one block of columns). At the widths below they fit one A4 landscape page width at about 65 % (7 pt
 * text); their cells wrap, so a value longer than its column prints whole on more lines.
 */
export const REGISTER_PRINTED: readonly ColumnKey[] = REGISTER_COLUMNS.slice(
  0,
  REGISTER_COLUMNS.findIndex((c) => c.key === "endDate") + 1,
).map((c) => c.key);

/**
 * Column widths (Excel character units) where the kind's default does not fit: the printed columns as
 * narrow as their values and their headers' longest word allow (PESEL's 11 digits and a date on one line,
 * "Mężczyzna", "niepełnosprawnościami" and "rozpoczęcia" unbroken in bold — also in DejaVu Sans,
 * LibreOffice's stand-in for Calibri on Linux; the longest dictionary values wrap: Status osoby on 3 lines,
 * W tym and Wykształcenie on 2–3); the long-headed unprinted columns wider, so the header row stays low.
 */
const REGISTER_WIDTHS: Partial<Record<ColumnKey, number>> = {
  lp: 5,
  firstName: 11,
  lastName: 13,
  pesel: 12.5,
  noPesel: 6.5,
  sex: 10,
  birthDate: 10.5,
  ageAtStart: 12.5,
  education: 20,
  status: 24,
  subStatus: 14,
  monthsWithoutWork: 7.5,
  leavingAgriculture: 11,
  disabled: 25,
  startDate: 11.5,
  endDate: 11.5,
  pathCompleted: 24,
  trainingWhiteGreen: 16,
  internshipLinked: 16,
  contractValue3x: 20,
};

function defaultWidth(kind: ColumnKind): number {
  return kind === "date" ? 12 : kind === "text" ? 16 : 14;
}

const DERIVED_HEADERS: Record<DerivedKey, { pl: string; en: string }> = {
  birth: { pl: "Data urodzenia (wyliczona)", en: "Birth date (derived)" },
  age: { pl: "Wiek w dniu rozpoczęcia", en: "Age at start" },
  personKey: { pl: "Osoba (klucz)", en: "Person (key)" },
  duplicate: { pl: "Powtórzona osoba (1/0)", en: "Repeated person (1/0)" },
  evaluable: { pl: "Liczony w kryteriach", en: "Counted in the criteria" },
  unemployed: { pl: "Bezrobotny", en: "Unemployed" },
  longTermUnemployed: { pl: "Długotrwale bezrobotny", en: "Long-term unemployed" },
  inactive: { pl: "Bierny zawodowo", en: "Inactive" },
  age50plus: { pl: "50+", en: "50+" },
  women: { pl: "Kobieta (1/0)", en: "Woman (1/0)" },
  disabled: { pl: "Z niepełnosprawnościami (1/0)", en: "With disabilities (1/0)" },
  lowQualified: { pl: "Niskie kwalifikacje", en: "Low-qualified" },
  other: { pl: "Pozostali", en: "Other" },
  effPopulation: { pl: "W populacji efektywności", en: "In the effectiveness population" },
  ended: { pl: "Zakończył udział", en: "Ended" },
  employed: { pl: "Zatrudniony w oknie", en: "Employed within the window" },
  pending: { pl: "Oczekuje na wynik", en: "Pending" },
  left: { pl: "Opuścił program", en: "Left" },
  employedAfterLeaving: { pl: "Pracuje po opuszczeniu (rezultat)", en: "Employed after leaving (result)" },
  rowStatus: { pl: "Stan wiersza", en: "Row status" },
};

export function registerHeaders(lang: Lang = "pl"): string[] {
  return [...REGISTER_COLUMNS.map((c) => c.header), ...DERIVED_KEYS.map((k) => DERIVED_HEADERS[k][lang])];
}

/** The row status column's texts (errors start with `error`, warnings with `warning`: the colours test that). */
const STATUS_TEXT = {
  pl: {
    error: "BŁĄD",
    warning: "UWAGA",
    startAsText: "BŁĄD: data rozpoczęcia jako tekst — wpisz datę",
    noStart: "BŁĄD: brak daty rozpoczęcia",
    status: "BŁĄD: status spoza listy",
    sameAs: "BŁĄD: ta sama osoba co w wierszu ",
    sameAsEnd: " — wiersz nie liczy się",
    endBeforeStart: "BŁĄD: zakończenie przed rozpoczęciem",
    dateAsText: "UWAGA: data jako tekst",
    jobAfterAsOf: "UWAGA: zatrudnienie po dniu „stan na” — jeszcze się nie liczy",
    ageUnknown: "UWAGA: wiek nieznany — poza grupami wieku i „pozostałymi”",
    pesel1800: "UWAGA: PESEL z lat 1800–1899 — wiek z daty urodzenia",
  },
  en: {
    error: "ERROR",
    warning: "WARNING",
    startAsText: "ERROR: start date typed as text — type a date",
    noStart: "ERROR: no start date",
    status: "ERROR: status not on the list",
    sameAs: "ERROR: the same person as in row ",
    sameAsEnd: " — this row does not count",
    endBeforeStart: "ERROR: end before the start",
    dateAsText: "WARNING: a date typed as text",
    jobAfterAsOf: "WARNING: job after the as-of date — does not count yet",
    ageUnknown: "WARNING: age unknown — outside the age groups and “other”",
    pesel1800: "WARNING: PESEL of 1800–1899 — age from the birth date",
  },
} as const;

function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The derived formulas of sheet row `r` (1-based), by key; `derivedFormulas(ROW_TOKEN)` gives the
 * column-formula templates (every reference in them is to the same row).
 */
export function derivedFormulas(r: number | typeof ROW_TOKEN, lang: Lang = "pl"): Record<DerivedKey, string> {
  const T = STATUS_TEXT[lang];
  const c = (k: ColumnKey) => `$${inputColumnLetter(k)}${r}`;
  const dc = (k: DerivedKey) => `$${derivedColumnLetter(k)}${r}`;
  const P = (k: Parameters<typeof parameterName>[0]) => parameterName(k);
  const lastInput = columnLetters(REGISTER_COLUMNS.length - 1);
  const any = `COUNTA($A${r}:$${lastInput}${r})=0`;
  const wrap = (expr: string) => `=IF(${any},"",${expr})`;
  const flag = (cond: string) => wrap(`IF(${cond},1,0)`);

  // PESEL → birth date: 11 digits, checksum, a real date (1900–2299); anything else falls back to Data urodzenia.
  const p = `TRIM(${c("pesel")}&"")`;
  const v = (i: number) => `VALUE(MID(${p},${i},1))`;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = w.map((k, i) => (k === 1 ? v(i + 1) : `${k}*${v(i + 1)}`)).join("+");
  const mm = `VALUE(MID(${p},3,2))`;
  const year = `CHOOSE(INT(${mm}/20)+1,1900,2000,2100,2200)+VALUE(MID(${p},1,2))`;
  const month = `MOD(${mm},20)`;
  const day = `VALUE(MID(${p},5,2))`;
  const peselDate =
    `IF(AND(LEN(${p})=11,MOD(10-MOD(${sum},10),10)=${v(11)},INT(${mm}/20)<4,${month}>=1,${month}<=12,${day}>=1,` +
    `DAY(DATE(${year},${month},${day}))=${day}),DATE(${year},${month},${day}),NA())`;
  const birth = wrap(`IFERROR(${peselDate},IF(ISNUMBER(${c("birthDate")}),${c("birthDate")},""))`);

  const b = dc("birth");
  const s = c("startDate");
  // Age at start from the birth date; without one, the age column (a whole number ≥ 0); else unknown ("").
  const ac = c("ageAtStart");
  const age = wrap(
    `IF(AND(ISNUMBER(${b}),ISNUMBER(${s})),YEAR(${s})-YEAR(${b})-IF(OR(MONTH(${s})<MONTH(${b}),` +
      `AND(MONTH(${s})=MONTH(${b}),DAY(${s})<DAY(${b}))),1,0),` +
      `IF(AND(ISNUMBER(${ac}),N(${ac})>=0,N(${ac})=INT(N(${ac}))),${ac},""))`,
  );
  const st = c("status");
  const statusKnown = `OR(${Object.values(STATUS)
    .map((x) => `${st}=${q(x)}`)
    .join(",")})`;

  // One person, one count (personKey in src/domain/card/groups.ts): "P:" + an 11-character PESEL (a number
  // padded to 11 digits), else "N:" + names (trimmed, upper case, Polish letters folded) + Data urodzenia;
  // "" when the row cannot be counted anyway. A later row with the key of an earlier one is a duplicate:
  // exact MATCH over the whole bounded column against the row's position. (LibreOffice 7.4 scans the column for
  // each row — quadratic, minutes at 100 000 rows, measured by the bench's LibreOffice peer; no formula that
  // Excel 2016, the web and LibreOffice all compute finds an earlier equal key without such a scan or a sort.)
  const pc = c("pesel");
  const peselText = `IF(ISNUMBER(${pc}),TEXT(${pc},"00000000000"),TRIM(${pc}&""))`;
  const first = `TRIM(${c("firstName")}&"")`;
  const last = `TRIM(${c("lastName")}&"")`;
  const fold = (x: string) =>
    Object.entries(PERSON_KEY_FOLD).reduce((acc, [from, to]) => `SUBSTITUTE(${acc},${q(from)},${q(to)})`, x);
  const bd = c("birthDate");
  const rawKey =
    `IF(LEN(${peselText})=11,"P:"&${peselText},IF(AND(${P("duplicatesByNameAndBirthDate")}=1,${first}<>"",` +
    `${last}<>"",ISNUMBER(${bd})),"N:"&${fold(`UPPER(${first}&"|"&${last})`)}&"|"&INT(${bd}),""))`;
  const safeKey = `LEFT(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${rawKey},"~","_"),"*","_"),"?","_"),${PERSON_KEY_MAX})`;
  const personKey = wrap(`IF(AND(ISNUMBER(${s}),${statusKnown}),${safeKey},"")`);
  const k = dc("personKey");
  const firstRowOfKey = `MATCH(${k},${derivedName("personKey")},0)+1`;
  const duplicate = wrap(`IF(${k}="",0,IFERROR(IF(${firstRowOfKey}<ROW(),1,0),0))`);
  const evaluable = flag(`AND(ISNUMBER(${s}),${statusKnown},${dc("duplicate")}=0)`);

  // ISCED: the digit after "ISCED" (spaces ignored), a lone digit, "brak" (0), or a level's words without
  // "(ISCED n)" ("wyższe": EDUCATION_WORDS of the row checks); -1 when none.
  const e = c("education");
  const eNoSpace = `SUBSTITUTE(UPPER(${e}&"")," ","")`;
  const eWords = `LOWER(TRIM(${e}))`;
  const byWords = [...EDUCATION_WORDS].reduceRight(
    (otherwise, [words, level]) => `IF(${eWords}=${q(words)},${level},${otherwise})`,
    "-1",
  );
  const isced =
    `IFERROR(IF(ISNUMBER(${e}),IF(AND(${e}=INT(${e}),${e}>=0,${e}<=9),${e},-1),` +
    `IF(ISNUMBER(SEARCH("ISCED",${eNoSpace})),VALUE(MID(${eNoSpace},SEARCH("ISCED",${eNoSpace})+5,1)),` +
    `IF(${eWords}="brak",0,IF(LEN(TRIM(${e}))=1,VALUE(TRIM(${e})),${byWords})))),-1)`;

  const end = c("endDate");
  const job = c("jobStartDate");
  const jobInWindow = (days: string) =>
    `AND(ISNUMBER(${job}),ISNUMBER(${s}),ISNUMBER(${end}),${job}>=${s},${job}<=${end}+${days},${job}<=${P("asOf")})`;
  const months = `N(${c("employmentMonths")})`;
  const ct = c("contractType");
  const qualifying =
    `OR(AND(${ct}=${q(CONTRACT.employment)},${months}>=${P("minEmploymentMonths")},N(${c("fte")})>=${P("minFte")}),` +
    `AND(${ct}=${q(CONTRACT.civil)},${P("civilContractsCount")}=1,${months}>=${P("minEmploymentMonths")},` +
    `${c("contractValue3x")}=${q(YES)}),${ct}=${q(CONTRACT.business)})`;

  const rowStatus = wrap(
    `IF(AND(${s}<>"",NOT(ISNUMBER(${s}))),${q(T.startAsText)},` +
      `IF(NOT(ISNUMBER(${s})),${q(T.noStart)},` +
      `IF(NOT(${statusKnown}),${q(T.status)},` +
      `IF(${dc("duplicate")}=1,${q(T.sameAs)}&(${firstRowOfKey})&${q(T.sameAsEnd)},` +
      `IF(AND(ISNUMBER(${end}),${end}<${s}),${q(T.endBeforeStart)},` +
      `IF(OR(AND(${end}<>"",NOT(ISNUMBER(${end}))),AND(${job}<>"",NOT(ISNUMBER(${job})))),` +
      `${q(T.dateAsText)},` +
      `IF(AND(ISNUMBER(${job}),${job}>${P("asOf")}),${q(T.jobAfterAsOf)},` +
      `IF(NOT(ISNUMBER(${dc("age")})),${q(T.ageUnknown)},` +
      `IF(AND(LEN(${peselText})=11,IFERROR(VALUE(MID(${peselText},3,2)),0)>=80),` +
      `${q(T.pesel1800)},"OK")))))))))`,
  );

  return {
    birth,
    age,
    personKey,
    duplicate,
    evaluable,
    unemployed: flag(`OR(${st}=${q(STATUS.unemployedRegistered)},${st}=${q(STATUS.unemployedUnregistered)})`),
    longTermUnemployed: flag(`AND(${dc("unemployed")}=1,${c("subStatus")}=${q(SUBSTATUS.longTerm)})`),
    inactive: flag(`${st}=${q(STATUS.inactive)}`),
    age50plus: flag(`AND(ISNUMBER(${dc("age")}),N(${dc("age")})>=${P("olderAge")})`),
    women: flag(`${c("sex")}=${q(SEX.female)}`),
    disabled: flag(`${c("disabled")}=${q(YES)}`),
    lowQualified: flag(`AND(${isced}>=0,${isced}<=${P("lowQualificationMaxIsced")})`),
    other: flag(
      `AND(ISNUMBER(${dc("age")}),` +
        `${dc("age50plus")}+${dc("women")}+${dc("disabled")}+${dc("longTermUnemployed")}+${dc("lowQualified")}=0)`,
    ),
    effPopulation: flag(
      `AND(OR(${dc("unemployed")}=1,${dc("inactive")}=1),${c("startupFunds")}<>${q(YES)},` +
        `${c("dropoutReason")}<>${q(DROPOUT.school)})`,
    ),
    ended: flag(
      `AND(ISNUMBER(${end}),OR(${P("excludeOtherDropouts")}=0,${c("pathCompleted")}=${q(YES)},` +
        `${c("dropoutReason")}=${q(DROPOUT.job)}))`,
    ),
    employed: flag(`AND(${jobInWindow(P("effectivenessWindowDays"))},${qualifying})`),
    pending: flag(
      `AND(${dc("ended")}=1,${dc("employed")}=0,${P("asOf")}<N(${end})+${P("effectivenessWindowDays")})`,
    ),
    left: flag(`ISNUMBER(${end})`),
    employedAfterLeaving: flag(`AND(ISNUMBER(${end}),${jobInWindow(P("resultWindowDays"))})`),
    rowStatus,
  };
}

/**
 * The lines the tallest printed value of a register row wraps to, in the columns' widths. Dictionary values
 * repeat: their line counts are remembered (a bounded number of distinct texts per column).
 */
function printedLines(columns: readonly { width: number }[]): (row: readonly CellValue[]) => number {
  const printed = REGISTER_PRINTED.length;
  const memo = Array.from({ length: printed }, () => new Map<string, number>());
  return (row) => {
    let most = 1;
    for (let j = 0; j < printed && j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "string" || v === "") continue;
      let n = memo[j].get(v);
      if (n === undefined) {
        n = fittedLines(v, columns[j].width);
        if (memo[j].size < 256) memo[j].set(v, n);
      }
      if (n > most) most = n;
    }
    return most;
  };
}

export interface RegisterSheetOptions {
  /** Data rows in REGISTER_COLUMNS order (no header). */
  rows?: readonly (readonly CellValue[])[];
  /** Rows below the data that get validations and formats (Excel extends the table's own). */
  spareRows?: number;
  lang?: Lang;
}

export function buildRegisterSheetPlan(_card: Card, opts: RegisterSheetOptions = {}): SheetPlan {
  const rows = opts.rows ?? [];
  const lang = opts.lang ?? "pl";
  const sheet = emptySheet(REGISTER_SHEET);
  const width = REGISTER_COLUMNS.length + DERIVED_KEYS.length;
  const dataRows = Math.max(rows.length, 1); // a table has at least one data row
  // The header row spans every column; data rows hold the input columns only (the derived columns are
  // column formulas: one template per column, not ~20 spelled-out formulas per row).
  const values: CellValue[][] = [registerHeaders(lang)];
  for (let i = 0; i < dataRows; i++) {
    const input = rows[i] ?? [];
    values.push(REGISTER_COLUMNS.map((_c, j) => (input[j] === undefined ? null : input[j])));
  }
  sheet.blocks.push({ row: 0, col: 0, values });
  const templates = derivedFormulas(ROW_TOKEN, lang);
  sheet.columnFormulas = DERIVED_KEYS.map((k, i): ColumnFormulaPlan => ({
    col: REGISTER_COLUMNS.length + i,
    row: 1,
    rows: dataRows,
    template: templates[k],
  }));
  const lastCol = columnLetters(width - 1);
  sheet.tables.push({
    name: REGISTER_TABLE_NAME,
    range: `A1:${lastCol}${dataRows + 1}`,
    style: "TableStyleLight9",
  });

  const lastRow = dataRows + 1 + (opts.spareRows ?? 1000);
  const validations: ValidationPlan[] = [];
  const formats: FormatPlan[] = [
    { range: `A1:${lastCol}1`, style: { bold: true, wrap: true, vAlign: "top" } },
  ];
  REGISTER_COLUMNS.forEach((col, j) => {
    const L = columnLetters(j);
    const range = `${L}2:${L}${lastRow}`;
    if (hasDictionary(col.key))
      validations.push({
        range,
        rule: { type: "list", source: `=${dictionaryName(col.key)}` },
        allowBlank: true,
        error: {
          title: "Miernik",
          message:
            lang === "pl"
              ? `Wybierz wartość z listy (${col.header}).`
              : `Choose a value from the list (${col.header}).`,
          style: col.kind === "education" ? "warning" : "stop",
        },
      });
    if (col.kind === "date") {
      formats.push({ range, style: { numberFormat: lang === "pl" ? "dd.mm.yyyy" : "yyyy-mm-dd" } });
      validations.push({
        range,
        rule: { type: "date", operator: "between", min: "1900-01-01", max: "2099-12-31" },
        allowBlank: true,
        error: {
          title: "Miernik",
          message: lang === "pl" ? "Wpisz datę, np. 2024-03-01." : "Type a date, e.g. 2024-03-01.",
          style: "stop",
        },
      });
    }
    if (col.kind === "pesel") formats.push({ range, style: { numberFormat: "@" } });
    if (col.kind === "number" || col.kind === "int") formats.push({ range, style: { numberFormat: "0.##" } });
  });
  // The printed block wraps (data rows: top-aligned), so every value prints whole, on as many lines as it
  // needs; through the spare rows too, where the user adds people.
  const lastPrinted = inputColumnLetter(REGISTER_PRINTED[REGISTER_PRINTED.length - 1]);
  formats.push({ range: `A2:${lastPrinted}${lastRow}`, style: { wrap: true, vAlign: "top" } });
  const birthCol = derivedColumnLetter("birth");
  formats.push({
    range: `${birthCol}2:${birthCol}${lastRow}`,
    style: { numberFormat: lang === "pl" ? "dd.mm.yyyy" : "yyyy-mm-dd" },
  });
  const firstDerived = columnLetters(REGISTER_COLUMNS.length);
  formats.push({
    range: `${firstDerived}1:${lastCol}1`,
    style: { bold: true, wrap: true, fill: "#EDEDED", vAlign: "top" },
  });
  sheet.validations = validations;
  sheet.formats = formats;
  const status = derivedColumnLetter("rowStatus");
  sheet.conditionalFormats = [
    {
      range: `${status}2:${status}${lastRow}`,
      formula: `=LEFT(${status}2,${STATUS_TEXT[lang].error.length})=${q(STATUS_TEXT[lang].error)}`,
      style: { fill: "#FFC7CE", fontColor: "#9C0006" },
    },
    {
      range: `${status}2:${status}${lastRow}`,
      formula: `=LEFT(${status}2,${STATUS_TEXT[lang].warning.length})=${q(STATUS_TEXT[lang].warning)}`,
      style: { fill: "#FFEB9C", fontColor: "#9C5700" },
    },
  ];
  // As set, widened where a bold header's word would break inside the column.
  const headers = registerHeaders(lang);
  sheet.columns = [
    ...REGISTER_COLUMNS.map((c) => REGISTER_WIDTHS[c.key] ?? defaultWidth(c.kind)),
    ...DERIVED_KEYS.map((k) => (k === "rowStatus" ? 34 : 11)),
  ].map((w, j) => ({ width: widthForHeader(w, headers[j]) }));
  // The header row and every data row with a value on more than one line as tall as their wrapped texts:
  // LibreOffice does not grow rows on opening an .xlsx; Excel fits them to their content itself (`fit`).
  const headerLines = headers.reduce(
    (m, h, j) => Math.max(m, fittedLines(h, sheet.columns[j].width, true)),
    1,
  );
  sheet.rows = [{ index: 0, height: fittedRowHeight(headerLines), fit: true }];
  const lines = printedLines(sheet.columns);
  for (let i = 0; i < rows.length; i++) {
    const n = lines(rows[i]);
    if (n > 1) sheet.rows.push({ index: i + 1, height: fittedRowHeight(n), fit: true });
  }
  sheet.freeze = { rows: 1, columns: 3 };
  // Printed: A4 landscape, ONE page wide, the header row on every page. What prints is the person and
  // their participation (Lp. … Data zakończenia udziału, REGISTER_PRINTED): all 31 typed columns on one
  // page width would print at about half size (6 pt text). The support and employment columns after it
  // and the derived formula columns stay in the workbook, not on paper.
  sheet.print = {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    printTitleRows: "$1:$1",
    // Through the spare rows: people typed in below the table after Miernik wrote it print too. Pages of
    // empty spare rows (no values, borders or fills there) print nothing: LibreOffice suppresses empty pages,
    // Excel leaves blank pages at the end of a print job out (KB 288968; docs/excel-behaviours.md).
    printArea: `$A$1:$${lastPrinted}$${lastRow}`,
    centerHeader: REGISTER_SHEET,
    // Personal data on paper: dated, as the criteria sheet printed with it.
    leftFooter: lang === "pl" ? "Wydruk: &D" : "Printed: &D",
    centerFooter: "&P / &N",
    margins: { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return withFormatLanguage(sheet, lang);
}
