import { Localized } from "../i18n";
import { formatDay, isDateFormat, isPercentFormat, withoutLanguageTag } from "../dates";
import { formatNumber, formatPercent, isWholeNumber, parsePolishNumber, percentToFraction } from "../numbers";
import { Indicator, Unit } from "../programme/types";
import { DEFAULT_MAX_COUNT, Finding, FoundValue, Severity, StrayValue } from "./types";

/** Excel error values as readers give them (kept here so the domain does not import the workbook layer). */
export const EXCEL_ERROR_VALUES = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
] as const;

function isErrorValue(v: FoundValue): v is string {
  return typeof v === "string" && (EXCEL_ERROR_VALUES as readonly string[]).includes(v.trim().toUpperCase());
}

/** "„liczba uczestników szkoleń” (1.3.3-1)" */
export function indicatorName(ind: Indicator | undefined, id: string): Localized {
  if (!ind) return { pl: `miernik ${id}`, en: `indicator ${id}` };
  return { pl: `miernik ${id} „${ind.label}”`, en: `indicator ${id} "${ind.label}"` };
}

/** A value written for a message: numbers in the indicator's unit, text quoted. */
export function showValue(v: FoundValue, unit: Unit | undefined, lang: "pl" | "en"): string {
  if (v === null) return lang === "pl" ? "(pusta)" : "(empty)";
  if (typeof v === "number") {
    if (unit === "percent" && v >= 0 && v <= 1) return `${formatPercent(v, lang)} (${formatNumber(v, lang)})`;
    return formatNumber(v, lang);
  }
  if (typeof v === "boolean")
    return v ? (lang === "pl" ? "PRAWDA" : "TRUE") : lang === "pl" ? "FAŁSZ" : "FALSE";
  const text = shownText(v);
  return lang === "pl" ? `„${text}”` : `"${text}"`;
}

/** Longest cell text quoted whole in a message; a longer one (a paragraph pasted into the cell) is cut. */
const SHOWN_TEXT_MAX = 60;

/**
 * A cell's text for a one-line message: a line break (Alt+Enter, or a paragraph mark pasted from Word) as ↵,
 * a tab as ⇥, other control characters dropped, and a long text cut with "…".
 */
function shownText(v: string): string {
  const t = v
    .replace(/\r\n|\r|\n/g, "↵")
    .replace(/\t/g, "⇥")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, "");
  const chars = [...t];
  return chars.length > SHOWN_TEXT_MAX ? `${chars.slice(0, SHOWN_TEXT_MAX - 1).join("")}…` : t;
}

/** A day for a message; a time or odd number as the number. */
function showDay(v: number, lang: "pl" | "en"): string {
  return v >= 1 && v < 2958466 ? formatDay(v, lang) : formatNumber(v, lang);
}

function showTarget(v: number, unit: Unit, lang: "pl" | "en"): string {
  return unit === "percent" ? `${formatPercent(v, lang)} (${formatNumber(v, lang)})` : formatNumber(v, lang);
}

function fixDescription(v: number, unit: Unit): Localized {
  return unit === "percent"
    ? { pl: `Wpisz ${showTarget(v, unit, "pl")}`, en: `Enter ${showTarget(v, unit, "en")}` }
    : {
        pl: `Wpisz liczbę ${showTarget(v, unit, "pl")}`,
        en: `Enter the number ${showTarget(v, unit, "en")}`,
      };
}

interface CellContext {
  sheet: string;
  cell: string;
  indicatorId: string;
  indicator: Indicator | undefined;
  value: FoundValue;
}

function finding(
  ctx: CellContext,
  rule: Finding["rule"],
  severity: Severity,
  detail: Localized,
  fix?: Finding["fix"],
): Finding {
  const name = indicatorName(ctx.indicator, ctx.indicatorId);
  const where = `${ctx.sheet}!${ctx.cell}`;
  const f: Finding = {
    rule,
    severity,
    sheet: ctx.sheet,
    cell: ctx.cell,
    indicatorId: ctx.indicatorId,
    value: ctx.value,
    message: {
      pl: `${where}, ${name.pl}: ${detail.pl}`,
      en: `${where}, ${name.en}: ${detail.en}`,
    },
  };
  if (fix) f.fix = fix;
  return f;
}

/** Why a number cannot stand in a cell of this unit, or null when it can (percent > 1 is handled apart). */
function numberProblem(v: number, unit: Unit): { rule: Finding["rule"]; detail: Localized } | null {
  if (!Number.isFinite(v))
    return {
      rule: "not-a-number",
      detail: { pl: "wartość nie jest liczbą", en: "the value is not a number" },
    };
  if (unit === "count") {
    if (v < 0)
      return {
        rule: "negative",
        detail: {
          pl: `wartość ujemna ${formatNumber(v, "pl")}; liczba musi być całkowita i nieujemna`,
          en: `negative value ${formatNumber(v, "en")}; a count must be a whole number ≥ 0`,
        },
      };
    if (!isWholeNumber(v))
      return {
        rule: "fractional-count",
        detail: {
          pl: `liczba ${formatNumber(v, "pl")} nie jest całkowita; wpisz liczbę całkowitą`,
          en: `${formatNumber(v, "en")} is not a whole number; enter a whole number`,
        },
      };
    return null;
  }
  if (v < 0 || v > 100)
    return {
      rule: "percent-out-of-range",
      detail: {
        pl: `wartość ${formatNumber(v, "pl")} poza zakresem 0–100%; wpisz odsetek od 0% do 100%`,
        en: `value ${formatNumber(v, "en")} is outside 0–100%; enter a percentage from 0% to 100%`,
      },
    };
  return null;
}

/**
 * The number the user meant, for a cell that is valid or has a fix: used by relations and year-over-year
 * checks. Null when the cell is empty, an error, or holds something with no sure meaning.
 */
export function usableValue(v: FoundValue, unit: Unit, numberFormat?: string | null): number | null {
  if (typeof v === "number") {
    if (isDateFormat(numberFormat)) return null;
    if (numberProblem(v, unit)) return null;
    if (unit === "percent" && v > 1) return percentToFraction(v);
    return unit === "count" ? Math.round(v) : v;
  }
  if (typeof v === "string") {
    const c = textCandidate(v, unit);
    return c ? c.value : null;
  }
  return null;
}

/** The number a text cell should hold, or null when it has no sure meaning in this unit. */
function textCandidate(text: string, unit: Unit): { value: number; note?: Localized } | null {
  const parsed = parsePolishNumber(text);
  if (!parsed) return null;
  let value = parsed.value;
  let note: Localized | undefined;
  if (unit === "count") {
    if (parsed.isPercent) return null;
  } else if (!parsed.isPercent && value > 1 && value <= 100) {
    value = percentToFraction(value);
    note = { pl: " (odczytano jako procent)", en: " (read as a percentage)" };
  }
  if (numberProblem(value, unit) || (unit === "percent" && value > 1)) return null;
  return { value: unit === "count" ? Math.round(value) : value, note };
}

/** A number inside pasted text: digits with Polish/English separators, as parsePolishNumber reads them. */
const NUMBER_PART = String.raw`[-+\u2212]?\d[\d \u00A0\u202F\u2009\u2007.,]*`;
const DASHES = /^[-–—−]+$/;
const NO_DATA = /^(b\.?\s?d\.?|n\.?\s?\/?\s?d\.?|brak(\s+danych)?|nie\s+dotyczy|x|\.{1,3}|\?+)$/i;
const THOUSANDS = new RegExp(`^(${NUMBER_PART}?)\\s*(tys\\.?|tysi[eę]c(y|e)?)$`, "i");
const APPROX = new RegExp(
  `^(ok\\.?|około|ca\\.?|~|≈|ponad|powyżej|poniżej|prawie|blisko|przeszło)\\s*(${NUMBER_PART}?)\\s*%?$`,
  "i",
);
/** A percentage written as a word after the number: "76,2 proc.", "76,2 procent", "76,2 pkt proc.". */
const PERCENT_WORDS = /^(pkt\.?\s*)?(proc\.?|procent(y|ów)?|percent|per\s?cent)$/i;
/** A number followed by a footnote mark (*, ¹, "1)", "a)") or by the full stop or comma of a sentence. */
const FOOTNOTE = new RegExp(
  `^(${NUMBER_PART}?%?)\\s*(\\*+|[\u00B9\u00B2\u00B3\u2070-\u2079]+|\\(?\\d{1,2}\\)|\\(?[a-z]\\)|[.,;:])$`,
  "u",
);
/** "- liczba porad udzielonych pracodawcom: 3 473": a label and its value, as the published report prints them. */
const AFTER_LABEL = new RegExp(`^(.*?)\\s*:\\s*(${NUMBER_PART}%?)$`, "u");
const WITH_WORDS = new RegExp(`^(${NUMBER_PART}?)\\s*(%?)\\s+([\\p{L}].*)$`, "u");

/** A number read from text as people write it: "1 796", "76,2%". */
function parsedText(n: { value: number; isPercent: boolean }, lang: "pl" | "en"): string {
  return n.isPercent ? formatPercent(n.value, lang) : formatNumber(n.value, lang);
}

/**
 * What a text that is no number most likely is, as staff paste it from a report in Word or a PDF: a dash or a
 * "no data" mark, "12,5 tys.", "ok. 300", "1 796 osób", a formula kept as text. null when it is none of them.
 */
function textHint(raw: string, unit: Unit): Localized | null {
  const text = raw.replace(/[\s\u00A0\u202F]+/g, " ").trim();
  const enter: Localized =
    unit === "percent"
      ? { pl: "wpisz odsetek, np. 76,2%", en: "enter a percentage, e.g. 76.2%" }
      : { pl: "wpisz liczbę", en: "enter the number" };
  if (DASHES.test(text))
    return {
      pl: "kreska zamiast liczby (w tabelach oznacza zwykle, że zjawisko nie wystąpiło); jeśli tak, wpisz 0, a jeśli brakuje danych, uzupełnij wartość, gdy będą znane",
      en: "a dash instead of a number (in tables it usually means none); if so, enter 0, and if the figure is missing, enter it once it is known",
    };
  if (NO_DATA.test(text))
    return {
      pl: `„${text}” to znak braku danych (lub „nie dotyczy”), a tabela wymaga liczby; ${enter.pl} (0, jeśli zjawisko nie wystąpiło)`,
      en: `"${text}" marks missing data (or "not applicable"), and the table needs a number; ${enter.en} (0 if there was none)`,
    };
  if (/^=/.test(text))
    return {
      pl: "formuła zapisana jako tekst (komórka ma format tekstowy); ustaw format liczbowy i wpisz formułę ponownie albo wpisz wartość",
      en: "a formula stored as text (the cell is formatted as Text); set a number format and enter the formula again, or enter the value",
    };
  const k = THOUSANDS.exec(text);
  const kNum = k ? parsePolishNumber(k[1]) : null;
  if (kNum && !kNum.isPercent) {
    const full = Number((kNum.value * 1000).toPrecision(15));
    return {
      pl: `liczba ze skrótem „${k![2]}” (czyli ok. ${formatNumber(full, "pl")}); wpisz pełną, dokładną liczbę, bez skrótu`,
      en: `a number with the abbreviation "${k![2]}" (about ${formatNumber(full, "en")}); enter the full, exact number, without it`,
    };
  }
  const a = APPROX.exec(text);
  if (a && parsePolishNumber(a[2]))
    return {
      pl: `wartość przybliżona („${a[1]}”); wpisz dokładną wartość, bez „${a[1]}”`,
      en: `an approximate value ("${a[1]}"); enter the exact value, without "${a[1]}"`,
    };
  const c = AFTER_LABEL.exec(text);
  const cNum = c && /\p{L}/u.test(c[1]) ? parsePolishNumber(c[2]) : null;
  if (c && cNum) {
    const shown = (lang: "pl" | "en") => parsedText(cNum, lang);
    return {
      pl: `opis z liczbą po dwukropku, jak drukuje go opublikowany raport; w komórce ma być sama liczba (${shown("pl")}), opis miernika jest już w kolumnie „Mierniki”`,
      en: `a description with the number after a colon, as the published report prints it; the cell must hold the number alone (${shown("en")}), the indicator's description is already in the "Mierniki" column`,
    };
  }
  const w = WITH_WORDS.exec(text);
  const wNum = w ? parsePolishNumber(w[1] + w[2]) : null;
  if (w && wNum && unit === "percent" && !wNum.isPercent && PERCENT_WORDS.test(w[3])) {
    // "76,2 proc." — the percent written as a word: the value is meant as a percentage.
    const p = percentToFraction(wNum.value);
    return {
      pl: `odsetek zapisany słowem („${w[3]}”); wpisz go ze znakiem procentu: ${formatPercent(p, "pl")}`,
      en: `a percentage written as a word ("${w[3]}"); enter it with the percent sign: ${formatPercent(p, "en")}`,
    };
  }
  if (w && wNum) {
    const shown = (lang: "pl" | "en") => parsedText(wNum, lang);
    return {
      pl: `liczba z dopiskiem „${w[3]}”; w komórce ma być sama liczba (${shown("pl")} bez dopisku), uwagi wpisz poza tabelą`,
      en: `a number with the words "${w[3]}"; the cell must hold the number alone (${shown("en")} without them), put notes outside the table`,
    };
  }
  const n = FOOTNOTE.exec(text);
  const nNum = n ? parsePolishNumber(n[1]) : null;
  if (n && nNum) {
    const shown = (lang: "pl" | "en") => parsedText(nNum, lang);
    const mark = n[2].trim();
    return /^[.,;:]$/.test(mark)
      ? {
          pl: `liczba ze znakiem „${mark}” na końcu (skopiowana ze zdania lub z raportu); wpisz samą liczbę: ${shown("pl")}`,
          en: `a number with "${mark}" at its end (copied from a sentence or a report); enter the number alone: ${shown("en")}`,
        }
      : {
          pl: `liczba z odsyłaczem do przypisu („${mark}”, jak w raporcie); wpisz samą liczbę (${shown("pl")}), a przypis poza tabelą`,
          en: `a number with a footnote mark ("${mark}", as in a report); enter the number alone (${shown("en")}) and the footnote outside the table`,
        };
  }
  return null;
}

/**
 * A valid number in a cell whose number format shows it as another unit — a row's format copied over it, or
 * the source's formatting pasted with the value: a share 0,762 under "#,##0" prints as 1, not 76,2%; a count
 * 1 796 under a percent format prints as 179 600%. null when the format fits (or is not known).
 */
function formatProblem(v: number, unit: Unit, format: string | null | undefined): Localized | null {
  if (typeof format !== "string" || format === "" || isDateFormat(format)) return null;
  const percent = isPercentFormat(format);
  // Named without its language tag (`[$-415]#,##0` of a Polish sheet reads `#,##0`): what Format Cells shows.
  format = withoutLanguageTag(format) || format;
  if (unit === "percent" && !percent && v >= 0 && v <= 1)
    return {
      pl: `komórka ma format „${format}” zamiast procentowego, więc odsetek ${formatPercent(v, "pl")} (${formatNumber(v, "pl")}) wyświetla się i drukuje jako liczba; ustaw format procentowy (przycisk % na karcie Narzędzia główne) albo utwórz arkusz ponownie z dodatku`,
      en: `the cell is formatted "${format}" instead of as a percentage, so the share ${formatPercent(v, "en")} (${formatNumber(v, "en")}) shows and prints as a plain number; set the Percentage format (the % button on the Home tab) or lay the sheet out again from the add-in`,
    };
  if (unit === "count" && percent)
    return {
      pl: `komórka ma format procentowy „${format}”, więc liczba ${formatNumber(v, "pl")} wyświetla się i drukuje jako ${formatPercent(v, "pl")}; ustaw format liczbowy albo utwórz arkusz ponownie z dodatku`,
      en: `the cell has the percentage format "${format}", so the number ${formatNumber(v, "en")} shows and prints as ${formatPercent(v, "en")}; set a Number format or lay the sheet out again from the add-in`,
    };
  return null;
}

/** Findings for one indicator's value cell. */
export function checkValue(
  sheet: string,
  cell: string,
  indicatorId: string,
  indicator: Indicator | undefined,
  value: FoundValue,
  numberFormat?: string | null,
  formula?: string | null,
  stray?: StrayValue | null,
  maxCount: number = DEFAULT_MAX_COUNT,
): Finding[] {
  const ctx: CellContext = { sheet, cell, indicatorId, indicator, value };
  const unit: Unit = indicator?.unit ?? "count";
  const unitName: Localized =
    unit === "percent"
      ? { pl: "odsetek (np. 76,2%)", en: "a percentage (e.g. 76.2%)" }
      : { pl: "liczbę całkowitą ≥ 0", en: "a whole number ≥ 0" };

  if (value === null && typeof formula === "string" && formula.trim() !== "") {
    // The file holds the formula but not its result: a workbook written by a script or a program that does
    // not calculate (Excel and LibreOffice compute and store the result when they save). A formula whose
    // result is empty text ("") is stored the same way, so both are named.
    const f = shownText(formula.trim());
    return [
      finding(ctx, "formula-no-result", "warning", {
        pl:
          `komórka zawiera formułę „${f}” bez obliczonego wyniku (zwykle plik zapisał skrypt lub program, który nie przelicza formuł), ` +
          `więc wartości nie można sprawdzić; otwórz plik w Excelu lub LibreOffice Calc i zapisz go (wynik zostanie obliczony) ` +
          `albo wpisz zamiast formuły ${unitName.pl} (także wtedy, gdy formuła daje pusty tekst)`,
        en:
          `the cell holds the formula "${f}" with no computed result (usually the file was written by a script or a program that does not calculate formulas), ` +
          `so the value cannot be checked; open the file in Excel or LibreOffice Calc and save it (the result is then computed) ` +
          `or enter ${unitName.en} instead of the formula (also when the formula gives empty text)`,
      }),
    ];
  }
  if ((value === null || (typeof value === "string" && value.trim() === "")) && stray)
    // The value cell is empty and the row holds a number elsewhere: it would print under the wrong heading.
    return [
      finding(ctx, "value-in-other-column", "error", {
        pl:
          `brak wartości, a w tym samym wierszu komórka ${stray.address}` +
          (stray.header ? ` (kolumna „${shownText(stray.header)}”)` : " (kolumna bez nagłówka)") +
          ` zawiera ${showValue(stray.value, unit, "pl")} — wartość wpisana w złą kolumnę? ` +
          `Przenieś liczbę do ${cell} (wytnij i wklej), a w ${stray.address} przywróć poprzednią zawartość`,
        en:
          `no value, and on the same row cell ${stray.address}` +
          (stray.header ? ` (column "${shownText(stray.header)}")` : " (a column with no header)") +
          ` holds ${showValue(stray.value, unit, "en")} — the value typed into the wrong column? ` +
          `Move the number to ${cell} (cut and paste) and restore what ${stray.address} held`,
      }),
    ];
  if (value === null || (typeof value === "string" && value.trim() === ""))
    return [
      finding(ctx, "empty", "warning", {
        pl: `brak wartości; wpisz ${unitName.pl}`,
        en: `no value; enter ${unitName.en}`,
      }),
    ];
  if (isErrorValue(value))
    return [
      finding(ctx, "excel-error", "error", {
        pl: `błąd Excela ${value.trim()}; popraw formułę lub wpisz ${unitName.pl}`,
        en: `Excel error ${value.trim()}; correct the formula or enter ${unitName.en}`,
      }),
    ];
  if (typeof value === "boolean")
    return [
      finding(ctx, "not-a-number", "error", {
        pl: `wartość logiczna ${showValue(value, unit, "pl")} zamiast liczby; wpisz ${unitName.pl}`,
        en: `logical value ${showValue(value, unit, "en")} instead of a number; enter ${unitName.en}`,
      }),
    ];
  if (typeof value === "string") {
    const parsed = parsePolishNumber(value);
    if (!parsed) {
      const hint = textHint(value, unit);
      return [
        finding(
          ctx,
          "not-a-number",
          "error",
          hint
            ? {
                pl: `tekst ${showValue(value, unit, "pl")} nie jest liczbą: ${hint.pl}`,
                en: `text ${showValue(value, unit, "en")} is not a number: ${hint.en}`,
              }
            : {
                pl: `tekst ${showValue(value, unit, "pl")} nie jest liczbą; wpisz ${unitName.pl}`,
                en: `text ${showValue(value, unit, "en")} is not a number; enter ${unitName.en}`,
              },
        ),
      ];
    }
    const candidate = textCandidate(value, unit);
    if (candidate)
      return [
        finding(
          ctx,
          "number-as-text",
          "error",
          {
            pl: `liczba wpisana jako tekst ${showValue(value, unit, "pl")}${candidate.note?.pl ?? ""}; poprawka: ${showTarget(candidate.value, unit, "pl")}`,
            en: `number typed as text ${showValue(value, unit, "en")}${candidate.note?.en ?? ""}; fix: ${showTarget(candidate.value, unit, "en")}`,
          },
          { value: candidate.value, description: fixDescription(candidate.value, unit) },
        ),
      ];
    // A number, but not one this cell can hold: say both.
    const why: Localized =
      unit === "count" && parsed.isPercent
        ? { pl: "procent w komórce liczby", en: "a percentage in a count cell" }
        : (numberProblem(parsed.value, unit)?.detail ?? {
            pl: "wartość poza zakresem 0–100%",
            en: "value outside 0–100%",
          });
    // "1,415" from an English-language source: the comma may group thousands (1 415), not mark decimals.
    const typed: string = value;
    const thousands =
      unit === "count" && /^\s*\d{1,3}(,\d{3})+\s*$/.test(typed) ? Number(typed.replace(/[\s,]/g, "")) : null;
    const alt: Localized =
      thousands === null
        ? { pl: "", en: "" }
        : {
            pl: ` (albo ${formatNumber(thousands, "pl")}, jeśli przecinek oddziela tysiące, jak w zapisie angielskim — sprawdź w źródle)`,
            en: ` (or ${formatNumber(thousands, "en")}, if the comma separates thousands as in English — check the source)`,
          };
    return [
      finding(ctx, "number-as-text", "error", {
        pl: `liczba wpisana jako tekst ${showValue(value, unit, "pl")}, bez automatycznej poprawki: ${why.pl}${alt.pl}`,
        en: `number typed as text ${showValue(value, unit, "en")}, no automatic fix: ${why.en}${alt.en}`,
      }),
    ];
  }
  // A number. In a cell formatted as a date it is a day: the spreadsheet took the entry for a date
  // (in Polish "3.12" is 3 December) and shows it as one; whatever was typed, the number is not it.
  if (isDateFormat(numberFormat))
    return [
      finding(ctx, "date-value", "error", {
        pl:
          `komórka zawiera datę ${showDay(value, "pl")}, a nie liczbę (arkusz odczytał wpis jako datę, np. „3.12” jako 3 grudnia); ` +
          (unit === "percent"
            ? "ustaw format komórki na procentowy i wpisz odsetek z przecinkiem, np. 76,2%"
            : `ustaw format komórki na liczbowy i wpisz ${unitName.pl}`),
        en:
          `the cell holds a date, ${showDay(value, "en")}, not a number (the spreadsheet took the entry for a date, e.g. "3.12" for 3 December); ` +
          (unit === "percent"
            ? "set the cell's format to Percentage and enter a percentage, e.g. 76.2%"
            : `set the cell's format to Number and enter ${unitName.en}`),
      }),
    ];
  const problem = numberProblem(value, unit);
  if (problem?.rule === "percent-out-of-range")
    // The cell shows the stored fraction as a percent (-0.1 as -10,0%, 150 as 15 000%): name both.
    return [
      finding(ctx, problem.rule, "error", {
        pl: `wartość ${formatPercent(value, "pl")} (${formatNumber(value, "pl")}) poza zakresem 0–100%; wpisz odsetek od 0% do 100%`,
        en: `value ${formatPercent(value, "en")} (${formatNumber(value, "en")}) is outside 0–100%; enter a percentage from 0% to 100%`,
      }),
    ];
  if (problem) return [finding(ctx, problem.rule, "error", problem.detail)];
  const shownAs = formatProblem(value, unit, numberFormat);
  if (shownAs) return [finding(ctx, "value-format", "warning", shownAs)];
  if (unit === "count" && value > maxCount)
    return [
      finding(ctx, "count-implausible", "warning", {
        pl: `liczba ${formatNumber(value, "pl")} jest większa niż ${formatNumber(maxCount, "pl")} — tyle w rocznym sprawozdaniu programu być nie może; sprawdź, czy w komórkę nie trafił inny numer (PESEL, telefon, kwota) i wpisz właściwą liczbę`,
        en: `the count ${formatNumber(value, "en")} is above ${formatNumber(maxCount, "en")} — no yearly figure of the programme comes near it; check that no other number (a PESEL, a phone number, an amount) landed in the cell and enter the right count`,
      }),
    ];
  if (unit === "percent" && value > 1) {
    // As stored the cell is above 100 %, which no share can be: an error, even with the ÷100 fix offered.
    const fixed = percentToFraction(value);
    return [
      finding(
        ctx,
        "percent-as-whole-number",
        "error",
        {
          pl: `odsetek wpisany jako ${formatNumber(value, "pl")} (czyli ${formatPercent(value, "pl")}, a udział nie może przekraczać 100%); zapewne chodziło o ${formatPercent(fixed, "pl")}`,
          en: `percentage typed as ${formatNumber(value, "en")} (that is ${formatPercent(value, "en")}, and a share cannot exceed 100%); ${formatPercent(fixed, "en")} was probably meant`,
        },
        { value: fixed, description: fixDescription(fixed, unit) },
      ),
    ];
  }
  return [];
}
