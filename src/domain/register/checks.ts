import { countOf, formatDateIso, Localized, NOUNS } from "../i18n";
import { numberDate, readDate, serialToIso } from "../dates";
import { parsePolishNumber } from "../numbers";
import { EXCEL_ERROR_NAMES } from "../excelErrors";
import { checkPesel, checkPeselInto, PeselInfo, PeselProblem, peselBornBefore1900 } from "../pesel";
import { isBlank, looksLikeFormula, normalizeText } from "../text";
import { CardParameters, DEFAULT_PARAMETERS, Participant, RowIssue, Severity } from "../card/types";
import { ageFrom, birthDateWith, excelTrim, personKey, validAgeAtStart } from "../card/groups";
import { JOB_AFTER_AS_OF } from "../card/evaluate";
import {
  COLUMN_BY_KEY,
  CONTRACT,
  ColumnKey,
  DISABILITY,
  DROPOUT,
  EDUCATION_LABELS,
  SEX,
  STATUS,
  SUBSTATUS,
  YES_NO,
} from "./columns";
import { PersonTable, REPEAT } from "./persons";
import { grown, Refs } from "./refs";
import { matchAllowed, parseFte, unknownValueEffect } from "./values";

/** One register row as read: cell values by column key, and its 1-based sheet row. */
export interface RawRow {
  row: number;
  values: Partial<Record<ColumnKey, string | number | boolean | null>>;
  /** What the reader noticed while reading the row (a CSV record's width, `|`-joined values, …): reported as they are. */
  issues?: RowIssue[];
}

/**
 * Rule ids of the row checks (stable: the formulas side and the task pane refer to them).
 * How rows with issues enter the evaluation: a value that cannot be used (wrong format, not an allowed value)
 * becomes unknown (null) for that field only; the row is left out of every criterion only when its start date
 * or status is unknown (`isEvaluable` in card/groups.ts). Slips of case (`value.case`) or of spacing and
 * diacritics (`value.spelling`, issue 12) are read as the allowed value with a warning naming it (a person is
 * never dropped from a count because of spelling); Miernik writes the allowed value into its register sheet.
 */
export const RULES = {
  required: "required",
  peselLength: "pesel.length",
  peselDigits: "pesel.digits",
  peselChecksum: "pesel.checksum",
  peselDate: "pesel.date",
  peselSex: "pesel.sex",
  peselBirthDate: "pesel.birthDate",
  peselMissing: "pesel.missing",
  noPeselWithPesel: "pesel.noPeselWithPesel",
  peselDuplicate: "pesel.duplicate",
  peselBefore1900: "pesel.before1900",
  personDuplicate: "person.duplicate",
  dateFormat: "date.format",
  dateOrder: "date.order",
  jobAfterWindow: "date.jobAfterWindow",
  valueAllowed: "value.allowed",
  valueCase: "value.case",
  valueSpelling: "value.spelling",
  fteText: "value.fte",
  number: "value.number",
  education: "value.isced",
  longTermContradiction: "longTerm.contradiction",
  ageUnder30: "age.under30",
  ageUnknown: "age.unknown",
  ageInvalid: "age.invalid",
  ageMismatch: "age.mismatch",
  /** Reported by the evaluation (it knows the as-of date): src/domain/card/evaluate.ts. */
  jobAfterAsOf: JOB_AFTER_AS_OF,
  formulaLikeText: "text.formulaLike",
} as const;

export interface RegisterCheckResult {
  participants: Participant[];
  issues: RowIssue[];
}

/** "1 rok", "22 lata", "35 lat" (an age in a message; "w wieku 35 lat" takes the genitive and stays as it is). */
const years = (n: number): string => countOf(n, NOUNS.year, "pl");

const header = (k: ColumnKey): string => COLUMN_BY_KEY.get(k)?.header ?? k;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === "string" ? v : String(v);
  return isBlank(s) ? null : s;
}

/** Checks rows in batches (so a long register can be checked between UI updates); same result as one call. */
export interface RegisterChecker {
  add(rows: readonly RawRow[]): void;
  result(): RegisterCheckResult;
}

/** How many exact texts of a column `RowChecker.choice` remembers by identity. */
const SEEN = 4;
// Allowed lists and lookups, built once (they were rebuilt for every row: issue 15 item 5).
const SEX_VALUES: readonly string[] = [SEX.female, SEX.male];
const STATUS_KEYS = Object.keys(STATUS) as (keyof typeof STATUS)[];
const STATUS_VALUES: readonly string[] = STATUS_KEYS.map((k) => STATUS[k]);
const SUBSTATUS_VALUES: readonly string[] = [SUBSTATUS.longTerm, SUBSTATUS.other];
const DISABILITY_VALUES: readonly string[] = DISABILITY;
const DROPOUT_VALUES: readonly string[] = Object.values(DROPOUT);
const DROPOUT_KEYS = ["job", "school", "other"] as const;
const CONTRACT_VALUES: readonly string[] = Object.values(CONTRACT);
const CONTRACT_KEYS = ["employment", "civil", "business"] as const;
const YES_NO_VALUES: readonly string[] = YES_NO;
const REQUIRED_EMPTY_WHY: Localized = {
  pl: " Wiersz pominięty w kryteriach.",
  en: " The row is left out of the criteria.",
};
const NO_WHY: Localized = { pl: "", en: "" };

/**
 * Columns by number (the issue log keeps a column as its index in COLUMN_KEYS, 0 = a whole-row issue), and
 * the allowed list of each allowed-list column.
 */
const COLUMN_KEYS: readonly (ColumnKey | "")[] = ["", ...COLUMN_BY_KEY.keys()];
const COL = Object.fromEntries(COLUMN_KEYS.map((k, i) => [k, i])) as Record<ColumnKey | "", number>;
const ALLOWED_OF: (readonly string[] | undefined)[] = COLUMN_KEYS.map((k) =>
  k === "sex"
    ? SEX_VALUES
    : k === "status"
      ? STATUS_VALUES
      : k === "subStatus"
        ? SUBSTATUS_VALUES
        : k === "disabled"
          ? DISABILITY_VALUES
          : k === "dropoutReason"
            ? DROPOUT_VALUES
            : k === "contractType"
              ? CONTRACT_VALUES
              : undefined,
);
for (const c of COLUMN_BY_KEY.values()) if (c.kind === "yesNo") ALLOWED_OF[COL[c.key]] = YES_NO_VALUES;

/** Kinds of row issue in the log (each `materialize` case builds that issue's message). */
const I_READER = 1;
const I_REQUIRED = 2;
const I_CASE = 3;
const I_SPELLING = 4;
const I_NOT_ALLOWED = 5;
const I_DATE = 6;
const I_NUMBER = 7;
const I_FTE_TEXT = 8;
const I_FORMULA = 9;
const I_EDUCATION = 10;
const I_AGE_INVALID = 11;
const I_PESEL_MISSING = 12;
const I_NO_PESEL_WITH_PESEL = 13;
const I_PESEL_PROBLEM = 14;
const I_PESEL_SEX = 15;
const I_PESEL_1900 = 16;
const I_PESEL_BIRTH = 17;
const I_DUPLICATE = 18;
const I_DATE_ORDER = 19;
const I_JOB_AFTER_WINDOW = 20;
const I_AGE_UNKNOWN = 21;
const I_AGE_MISMATCH = 22;
const I_AGE_UNDER = 23;
const I_LONG_TERM = 24;

const PESEL_PROBLEMS: readonly PeselProblem[] = ["length", "digits", "checksum", "date"];

/**
 * The row issues of a check as compact records (kind, row, column and the one to three values the message
 * needs) in growing typed arrays: a register of 100 000 rows can have tens of thousands of issues, and their
 * messages are built only when someone reads them (`materialize`), which the pane does for the first few
 * hundred only. Building every message up front was a large share of the engine's time (issue 15 item 5).
 */
export class IssueLog {
  size = 0;
  private kind = new Uint8Array(4096);
  private col = new Uint8Array(4096);
  private rowOf = new Float64Array(4096);
  private a = new Float64Array(4096);
  private b = new Float64Array(4096);
  private s = new Refs<unknown>();
  constructor(private readonly params: CardParameters) {}

  add(kind: number, row: number, col: number, a: number, b: number, s: unknown): void {
    const i = this.size++;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.col[i] = col;
    this.rowOf[i] = row;
    this.a[i] = a;
    this.b[i] = b;
    this.s.set(i, s);
  }

  /** The sheet row of issue `i`. */
  row(i: number): number {
    return this.rowOf[i];
  }

  private grow(): void {
    const n = this.kind.length * 2;
    this.kind = grown(this.kind, n);
    this.col = grown(this.col, n);
    this.rowOf = grown(this.rowOf, n);
    this.a = grown(this.a, n);
    this.b = grown(this.b, n);
  }

  /** Issue `i` as the row checks report it (a new object each call; a reader's issue is passed through). */
  materialize(i: number): RowIssue {
    const kind = this.kind[i];
    const row = this.rowOf[i];
    const k = COLUMN_KEYS[this.col[i]];
    const a = this.a[i];
    const b = this.b[i];
    const s = this.s.get(i);
    const issue = (rule: string, severity: Severity, message: Localized, suggestion?: string): RowIssue => {
      const x: RowIssue = { row, column: k === "" ? "" : header(k), rule, severity, message };
      if (suggestion !== undefined) x.suggestion = suggestion;
      return x;
    };
    if (typeof s === "string" && s.charCodeAt(0) === 35 /* # */) {
      // An Excel error value where a value was expected (#N/A, #ADR!): said as a formula to correct.
      const rule = formulaErrorRule(kind, a);
      const m =
        rule === null
          ? null
          : formulaErrorMessage(
              s,
              FORMULA_ERROR_EFFECT.has(kind) ? unknownValueEffect(k as ColumnKey) : null,
            );
      if (rule !== null && m !== null) return issue(rule, "error", m);
    }
    switch (kind) {
      case I_READER:
        return s as RowIssue;
      case I_REQUIRED: {
        const why = k === "startDate" || k === "status" ? REQUIRED_EMPTY_WHY : NO_WHY;
        return issue(RULES.required, "error", {
          pl: `Brak wartości w kolumnie „${header(k as ColumnKey)}” — uzupełnij.${why.pl}`,
          en: `“${header(k as ColumnKey)}” is empty — fill it in.${why.en}`,
        });
      }
      case I_CASE:
      case I_SPELLING: {
        const v = s as string;
        const value = (ALLOWED_OF[this.col[i]] as readonly string[])[a];
        const shown = v.replace(/\u00a0/g, "⍽").replace(/\u202f/g, "⍽");
        return issue(
          kind === I_CASE ? RULES.valueCase : RULES.valueSpelling,
          "warning",
          {
            pl: `„${shown}”: przyjęto „${value}” — wpisz „${value}”.`,
            en: `“${shown}”: read as “${value}” — write “${value}”.`,
          },
          value,
        );
      }
      case I_NOT_ALLOWED: {
        const v = s as string;
        const list = (ALLOWED_OF[this.col[i]] as readonly string[]).map((x) => `„${x}”`).join(", ");
        const effect = unknownValueEffect(k as ColumnKey);
        return issue(RULES.valueAllowed, "error", {
          pl: `„${v}” nie jest dozwoloną wartością. Dozwolone: ${list}. ${effect.pl}`,
          en: `“${v}” is not an allowed value. Allowed: ${list}. ${effect.en}`,
        });
      }
      case I_DATE: {
        const v = s;
        const effect = unknownValueEffect(k as ColumnKey);
        return issue(
          RULES.dateFormat,
          "error",
          b === 1
            ? {
                pl: `„${String(v)}” to nieistniejąca data — popraw dzień lub miesiąc. ${effect.pl}`,
                en: `“${String(v)}” is not a real date — correct the day or month. ${effect.en}`,
              }
            : notADateMessage(v, effect),
        );
      }
      case I_NUMBER:
        return issue(RULES.number, "error", {
          pl: `„${s as string}” to nie liczba nieujemna — wpisz liczbę.`,
          en: `“${s as string}” is not a non-negative number — enter a number.`,
        });
      case I_FTE_TEXT:
        return issue(
          RULES.fteText,
          "warning",
          {
            pl: `„${s as string}”: przyjęto wymiar etatu ${String(a).replace(".", ",")} — wpisz liczbę.`,
            en: `“${s as string}”: read as an FTE of ${a} — enter a number.`,
          },
          String(a),
        );
      case I_FORMULA:
        return issue(RULES.formulaLikeText, "info", {
          pl: `„${s as string}” zaczyna się od znaku formuły — zapisano jako tekst.`,
          en: `“${s as string}” starts like a formula — kept as text.`,
        });
      case I_EDUCATION:
        return issue(RULES.education, "error", {
          pl: `„${s as string}”: brak poziomu ISCED — wybierz np. „ponadgimnazjalne (ISCED 3)”.`,
          en: `“${s as string}”: no ISCED level — choose e.g. “ponadgimnazjalne (ISCED 3)”.`,
        });
      case I_AGE_INVALID:
        return issue(RULES.ageInvalid, "error", {
          pl: `Wiek „${String(s)}” to nie liczba całkowita lat ≥ 0 — popraw wiek.`,
          en: `Age “${String(s)}” is not a whole number of years ≥ 0 — correct it.`,
        });
      case I_PESEL_MISSING:
        return issue(RULES.peselMissing, "error", {
          pl: "Brak numeru PESEL — wpisz go albo ustaw „Brak PESEL” = Tak.",
          en: "No PESEL — enter it or set “Brak PESEL” = Tak.",
        });
      case I_NO_PESEL_WITH_PESEL:
        return issue(RULES.noPeselWithPesel, "error", {
          pl: "„Brak PESEL” = Tak, a numer PESEL jest wpisany — popraw jedno z nich.",
          en: "“Brak PESEL” = Tak but a PESEL is entered — correct one of them.",
        });
      case I_PESEL_PROBLEM: {
        const problem = PESEL_PROBLEMS[a];
        const pesel = s as string;
        const zero = lostLeadingZero(pesel);
        return issue(PESEL_RULE[problem], "error", peselProblemMessage(problem, pesel), zero ?? undefined);
      }
      case I_PESEL_SEX: {
        const sex = a === 0 ? SEX.female : SEX.male;
        return issue(RULES.peselSex, "error", {
          pl: `Płeć nie zgadza się z numerem PESEL (PESEL: ${sex}).`,
          en: `Sex does not match the PESEL (PESEL: ${sex}).`,
        });
      }
      case I_PESEL_1900: {
        const pesel = s as string;
        return issue(RULES.peselBefore1900, "warning", {
          pl: `PESEL „${pesel}” koduje urodzenie w latach 1800–1899 (miesiąc + 80) — to zapewne pomyłka; wiek liczony z „${header("birthDate")}”, nie z numeru PESEL. Sprawdź numer.`,
          en: `PESEL “${pesel}” codes a birth in 1800–1899 (month + 80) — most likely a slip; the age comes from “${header("birthDate")}”, not the PESEL. Check the number.`,
        });
      }
      case I_PESEL_BIRTH:
        return issue(RULES.peselBirthDate, "error", {
          pl: `Data urodzenia nie zgadza się z numerem PESEL (PESEL: ${formatDateIso(serialToIso(a), "pl")}).`,
          en: `Birth date does not match the PESEL (PESEL: ${serialToIso(a)}).`,
        });
      case I_DUPLICATE: {
        const key = s as string;
        const byPesel = b === 1;
        const first = a;
        const who = byPesel
          ? { pl: `PESEL ${key.slice(2)} powtarza się`, en: `PESEL ${key.slice(2)} is repeated` }
          : {
              pl: "Bez 11-znakowego numeru PESEL imię, nazwisko i data urodzenia powtarzają się",
              en: "Without an 11-character PESEL, the first and last name and birth date are repeated",
            };
        return issue(byPesel ? RULES.peselDuplicate : RULES.personDuplicate, "error", {
          pl: `${who.pl}: ta sama osoba co w wierszu ${first} — liczy się raz, z wiersza ${first}; wiersz ${row} pominięty we wszystkich kryteriach. Usuń duplikat.`,
          en: `${who.en}: the same person as in row ${first} — counted once, from row ${first}; row ${row} is left out of every criterion. Remove the duplicate.`,
        });
      }
      case I_DATE_ORDER:
        return issue(RULES.dateOrder, "error", {
          pl: "Data zakończenia jest wcześniejsza niż data rozpoczęcia udziału — popraw daty.",
          en: "The end date is before the start date — correct the dates.",
        });
      case I_JOB_AFTER_WINDOW: {
        const days = this.params.effectivenessWindowDays;
        return issue(RULES.jobAfterWindow, "info", {
          pl: `Zatrudnienie podjęte później niż ${days} dni po zakończeniu udziału — nie liczy się do efektywności.`,
          en: `The job started more than ${days} days after the end — it does not count for effectiveness.`,
        });
      }
      case I_AGE_UNKNOWN:
        return issue(RULES.ageUnknown, "warning", {
          pl: `Wiek nieznany (brak poprawnego numeru PESEL, daty urodzenia i wieku) — osoba nie jest liczona w grupie 50+ ani w „pozostałych” uczestnikach; uzupełnij PESEL lub „${header("birthDate")}”.`,
          en: `Age unknown (no valid PESEL, birth date or age) — the person is counted in no age group (50+) and not among the “other” participants; enter the PESEL or “${header("birthDate")}”.`,
        });
      case I_AGE_MISMATCH:
        return issue(RULES.ageMismatch, "warning", {
          pl: `Wiek ${a} nie zgadza się z datą urodzenia (w dniu rozpoczęcia: ${years(b)}) — liczy się ${b}.`,
          en: `Age ${a} does not match the birth date (at start: ${b}) — ${b} is used.`,
        });
      case I_AGE_UNDER: {
        const min = this.params.minTargetAge;
        return issue(RULES.ageUnder30, "warning", {
          pl: `Wiek w dniu rozpoczęcia: ${years(a)} — grupa docelowa to osoby w wieku ${min}+.`,
          en: `Age at start: ${a} — the target group is aged ${min}+.`,
        });
      }
      case I_LONG_TERM: {
        const months = a;
        const age = b;
        const limit = age < 25 ? 6 : 12;
        const should = months > limit ? SUBSTATUS.longTerm : SUBSTATUS.other;
        return issue(
          RULES.longTermContradiction,
          "warning",
          {
            pl: `„W tym” przeczy okresowi bez pracy: ${months} mies. przy wieku ${age} lat (długotrwale bezrobotna: bez pracy ponad ${limit} mies.) — wpisz „${should}”.`,
            en: `“W tym” contradicts the months without work: ${months} at age ${age} (long-term: out of work over ${limit} months) — enter “${should}”.`,
          },
          should,
        );
      }
    }
    throw new Error(`row issue kind ${kind}`);
  }
}

/**
 * The row checks of one register, row by row, into one reused participant (`p`) and the issue log: no
 * object is built per row, which at 100 000 rows was most of the engine's allocation and garbage-collection
 * time (issue 15 item 5). `registerChecker` copies `p` into a participant per row; the one-pass engine
 * (`registerEvaluator` in ./engine.ts) counts it into the card's criteria and forgets it.
 */
export class RowChecker {
  /** The participant of the row last checked (refilled by every `check`). */
  readonly p: Participant = {
    row: 0,
    firstName: null,
    lastName: null,
    pesel: null,
    noPesel: null,
    sex: null,
    birthDate: null,
    isced: null,
    status: null,
    longTerm: null,
    monthsWithoutWork: null,
    leavingAgriculture: null,
    disabled: null,
    startDate: null,
    endDate: null,
    pathCompleted: null,
    dropoutReason: null,
    ipd: null,
    training: null,
    trainingWhiteGreen: null,
    qualification: null,
    internshipMonths: null,
    internshipLinked: null,
    jobStartDate: null,
    contractType: null,
    employmentMonths: null,
    fte: null,
    contractValue3x: null,
    nonAgriculturalJob: null,
    startupFunds: null,
    ageAtStart: null,
    personKey: null,
    duplicateOf: null,
  };
  /** The age at start of the row last checked (`ageOf(p)`), and whether it had a number in the age column. */
  age: number | null = null;
  hasAgeAtStart = false;
  /** The row's PESEL cell as read (`personKey` reads the cell, not the trimmed text). */
  peselCell: string | number | boolean | null = null;
  private r = 0;
  private readonly info: PeselInfo = { valid: false, problem: null, birthDate: null, sex: null };
  /** `Wykształcenie` text → its ISCED level, for the texts that have one (and the last one looked up). */
  private readonly iscedOf = new Map<string, number>();
  private lastEdu: string | null = null;
  private lastIsced = 0;
  private readonly persons = new PersonTable();
  /**
   * Per column, the last SEEN texts found exactly in its allowed list (slot `col * SEEN + k`, replaced in turn)
   * and their indexes there: a read workbook gives every cell of a shared string the same string object, so a
   * column's few values are found by one pointer test each instead of comparing their characters (a text
   * read some other way is a new string each time and simply takes the longer path).
   */
  private readonly seenText: (string | null)[] = new Array<string | null>(COLUMN_KEYS.length * SEEN).fill(
    null,
  );
  private readonly seenIndex = new Int32Array(COLUMN_KEYS.length * SEEN);
  private readonly seenNext = new Uint8Array(COLUMN_KEYS.length);

  constructor(
    private readonly params: CardParameters,
    readonly log: IssueLog,
  ) {}

  /** Room for `n` more rows' person keys (a batch about to be checked). */
  reserve(n: number): void {
    this.persons.reserve(n);
  }

  private issue(kind: number, col: number, a = 0, b = 0, s: unknown = undefined): void {
    this.log.add(kind, this.r, col, a, b, s);
  }

  /** An allowed-list value as its index in `allowed` (-1: empty or unusable); slips read with a warning. */
  private choice(
    cell: unknown,
    col: number,
    allowed: readonly string[],
    required: boolean,
    quietIfNone = false,
  ): number {
    const at = col * SEEN;
    const seen = this.seenText;
    if (typeof cell === "string")
      for (let k = at; k < at + SEEN; k++) if (seen[k] === cell) return this.seenIndex[k];
    const v = text(cell);
    if (v === null) {
      if (required) this.issue(I_REQUIRED, col);
      return -1;
    }
    for (let i = 0; i < allowed.length; i++)
      if (allowed[i] === v) {
        const k = at + this.seenNext[col];
        this.seenNext[col] = (this.seenNext[col] + 1) % SEEN;
        seen[k] = v;
        this.seenIndex[k] = i;
        return i;
      }
    const match = matchAllowed(v, allowed);
    if (match && match.how === "exact") return allowed.indexOf(match.value);
    if (match) {
      const j = allowed.indexOf(match.value);
      this.issue(match.how === "case" ? I_CASE : I_SPELLING, col, j, 0, v);
      return j;
    }
    if (!quietIfNone) this.issue(I_NOT_ALLOWED, col, 0, 0, v);
    return -1;
  }

  private yesNo(cell: unknown, col: number, required: boolean): boolean | null {
    const i = this.choice(cell, col, YES_NO_VALUES, required);
    return i < 0 ? null : i === 0;
  }

  private date(v: unknown, col: number, required: boolean): number | null {
    if (v === null || v === undefined || (typeof v === "string" && isBlank(v))) {
      if (required) this.issue(I_REQUIRED, col);
      return null;
    }
    // Most date cells are serial numbers: read them without `readDate`'s result object.
    const serial = typeof v === "number" ? numberDate(v) : null;
    if (serial !== null) return serial;
    const read = readDate(v);
    if ("serial" in read) return read.serial;
    this.issue(I_DATE, col, 0, read.problem === "impossible" ? 1 : 0, v);
    return null;
  }

  private num(v: unknown, col: number): number | null {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    const s = text(v);
    if (s === null) return null;
    const n = parsePolishNumber(s);
    if (n === null || n.value < 0) {
      this.issue(I_NUMBER, col, 0, 0, s);
      return null;
    }
    return n.value;
  }

  /** `Wymiar etatu`: a number, or `1/2`, `½`, `50%`, `pełny etat` (read with a warning naming the number). */
  private fte(v: unknown): number | null {
    if (typeof v !== "string") return this.num(v, COL.fte);
    const s = text(v);
    if (s === null) return null;
    const f = parseFte(s);
    if (f === null || f.value < 0) return this.num(v, COL.fte);
    if (!f.plain) this.issue(I_FTE_TEXT, COL.fte, f.value, 0, s);
    return f.value;
  }

  private name(v: unknown, col: number): string | null {
    const s = text(v);
    if (s === null) {
      this.issue(I_REQUIRED, col);
      return null;
    }
    if (looksLikeFormula(s)) this.issue(I_FORMULA, col, 0, 0, s);
    // A failed formula's value (#N/A of a lookup) is no name: said, as a value still to enter. How the row
    // counts is left as it was (the criteria sheet's formulas count from the same cells).
    else if (s.charCodeAt(0) === 35 /* # */ && isFormulaErrorText(s)) this.issue(I_REQUIRED, col, 0, 0, s);
    return s;
  }

  /** `Wykształcenie` → ISCED level (a label carrying `ISCED n`, a bare digit, or `brak` = 0). */
  private education(v: unknown): number | null {
    const edu = text(v);
    if (edu === null) {
      this.issue(I_REQUIRED, COL.education);
      return null;
    }
    if (edu === this.lastEdu) return this.lastIsced;
    // A register holds a handful of distinct labels: each is parsed once (bounded, in case it holds many).
    const known = this.iscedOf.get(edu);
    if (known !== undefined) {
      this.lastEdu = edu;
      this.lastIsced = known;
      return known;
    }
    const level = iscedLevel(edu);
    if (level !== null) {
      if (this.iscedOf.size < 1000) this.iscedOf.set(edu, level);
      return level;
    }
    this.issue(I_EDUCATION, COL.education, 0, 0, edu);
    return null;
  }

  /** Checks one row into `p`, `age` and the issue log. */
  check(raw: RawRow): void {
    const r = raw.row;
    const params = this.params;
    this.r = r;
    // The reader's issues of this row (or above) first; of a row below it (a skipped last row) after the row's
    // own (`later`), so that the log stays in row order.
    let later = false;
    if (raw.issues)
      for (const i of raw.issues) {
        if (i.row > r) later = true;
        else this.log.add(I_READER, i.row, 0, 0, 0, i);
      }
    const v = raw.values;
    const p = this.p;

    const firstName = this.name(v.firstName, COL.firstName);
    const lastName = this.name(v.lastName, COL.lastName);
    const sex = this.choice(v.sex, COL.sex, SEX_VALUES, true);
    const birthDate = this.date(v.birthDate, COL.birthDate, false);
    const isced = this.education(v.education);
    const status = this.choice(v.status, COL.status, STATUS_VALUES, true);
    // `W tym` of an inactive or employed person is no unemployment sub-status (SL2014 and SM EFS exports write
    // the kind of employer or of inactivity there): a text outside the list is no error then.
    const notUnemployed =
      status >= 0 && (STATUS_KEYS[status] === "inactive" || STATUS_KEYS[status] === "employed");
    const sub = this.choice(v.subStatus, COL.subStatus, SUBSTATUS_VALUES, false, notUnemployed);
    const disabled = this.choice(v.disabled, COL.disabled, DISABILITY_VALUES, true);
    const drop = this.choice(v.dropoutReason, COL.dropoutReason, DROPOUT_VALUES, false);
    const contract = this.choice(v.contractType, COL.contractType, CONTRACT_VALUES, false);

    // In the order the participant's fields were always read (the issues of a row come in this order).
    p.row = r;
    p.firstName = firstName;
    p.lastName = lastName;
    p.pesel = null;
    p.noPesel = this.yesNo(v.noPesel, COL.noPesel, false);
    p.sex = sex < 0 ? null : sex === 0 ? "F" : "M";
    p.birthDate = birthDate;
    p.isced = isced;
    p.status = status < 0 ? null : STATUS_KEYS[status];
    p.longTerm = sub < 0 ? null : sub === 0;
    p.monthsWithoutWork = this.num(v.monthsWithoutWork, COL.monthsWithoutWork);
    p.leavingAgriculture = this.yesNo(v.leavingAgriculture, COL.leavingAgriculture, true);
    p.disabled = disabled < 0 || disabled > 1 ? null : disabled === 0;
    p.startDate = this.date(v.startDate, COL.startDate, true);
    p.endDate = this.date(v.endDate, COL.endDate, false);
    p.pathCompleted = this.yesNo(v.pathCompleted, COL.pathCompleted, false);
    p.dropoutReason = drop < 0 ? null : DROPOUT_KEYS[drop];
    p.ipd = this.yesNo(v.ipd, COL.ipd, true);
    p.training = this.yesNo(v.training, COL.training, true);
    p.trainingWhiteGreen = this.yesNo(v.trainingWhiteGreen, COL.trainingWhiteGreen, false);
    p.qualification = this.yesNo(v.qualification, COL.qualification, false);
    p.internshipMonths = this.num(v.internshipMonths, COL.internshipMonths);
    p.internshipLinked = this.yesNo(v.internshipLinked, COL.internshipLinked, false);
    p.jobStartDate = this.date(v.jobStartDate, COL.jobStartDate, false);
    p.contractType = contract < 0 ? null : CONTRACT_KEYS[contract];
    p.employmentMonths = this.num(v.employmentMonths, COL.employmentMonths);
    p.fte = this.fte(v.fte);
    p.contractValue3x = this.yesNo(v.contractValue3x, COL.contractValue3x, false);
    p.nonAgriculturalJob = this.yesNo(v.nonAgriculturalJob, COL.nonAgriculturalJob, false);
    p.startupFunds = this.yesNo(v.startupFunds, COL.startupFunds, false);
    const a = this.num(v.ageAtStart, COL.ageAtStart);
    this.hasAgeAtStart = a !== null;
    p.ageAtStart = null;
    if (a !== null) {
      p.ageAtStart = validAgeAtStart(a);
      if (p.ageAtStart === null) this.issue(I_AGE_INVALID, COL.ageAtStart, 0, 0, v.ageAtStart ?? null);
    }

    // PESEL
    const peselCell = v.pesel ?? null;
    this.peselCell = peselCell;
    const pesel =
      peselCell === null
        ? null
        : (text(typeof peselCell === "number" ? String(peselCell).padStart(11, "0") : peselCell)?.trim() ??
          null);
    p.pesel = pesel;
    if (pesel === null) {
      if (p.noPesel !== true) this.issue(I_PESEL_MISSING, COL.pesel);
    } else if (p.noPesel === true) this.issue(I_NO_PESEL_WITH_PESEL, COL.noPesel);
    // Checked once here; the age below uses the same result (`birthDateWith`).
    const info = pesel === null ? null : checkPeselInto(this.info, pesel);
    if (pesel !== null && info !== null) {
      if (info.problem) {
        this.issue(I_PESEL_PROBLEM, COL.pesel, PESEL_PROBLEMS.indexOf(info.problem), 0, pesel);
      } else {
        if (p.sex !== null && info.sex !== p.sex) this.issue(I_PESEL_SEX, COL.sex, info.sex === "F" ? 0 : 1);
        if (peselBornBefore1900(pesel)) this.issue(I_PESEL_1900, COL.pesel, 0, 0, pesel);
        else if (p.birthDate !== null && info.birthDate !== p.birthDate)
          this.issue(I_PESEL_BIRTH, COL.birthDate, info.birthDate as number);
      }
    }

    // One person, one count: a later row of a person already counted is left out of every count.
    p.personKey = null;
    p.duplicateOf = null;
    if (p.startDate !== null && p.status !== null) {
      const seen = this.persons.see(peselCell, firstName, lastName, p.birthDate, params, r);
      if (seen === REPEAT) {
        const first = this.persons.firstRowFound();
        p.duplicateOf = first;
        const key = this.persons.keyFound();
        const byPesel = key.startsWith("P:");
        this.issue(I_DUPLICATE, byPesel ? COL.pesel : 0, first, byPesel ? 1 : 0, key);
      }
    }

    // Dates in order
    if (p.startDate !== null && p.endDate !== null && p.endDate < p.startDate)
      this.issue(I_DATE_ORDER, COL.endDate);
    if (
      p.jobStartDate !== null &&
      p.endDate !== null &&
      p.jobStartDate > p.endDate + params.effectivenessWindowDays
    )
      this.issue(I_JOB_AFTER_WINDOW, COL.jobStartDate);

    // Age checks (`birthDateOf` / `ageOf` of card/groups.ts, with the PESEL check above)
    const birth = birthDateWith(p, info);
    const age = ageFrom(p, birth);
    this.age = age;
    if (age === null && p.startDate !== null) this.issue(I_AGE_UNKNOWN, 0);
    const ageColumn = validAgeAtStart(p.ageAtStart);
    if (birth !== null && p.startDate !== null && ageColumn !== null && ageColumn !== age)
      this.issue(I_AGE_MISMATCH, COL.ageAtStart, ageColumn, age as number);
    if (age !== null && age < params.minTargetAge) this.issue(I_AGE_UNDER, 0, age);
    const unemployed = p.status === "unemployedRegistered" || p.status === "unemployedUnregistered";
    if (unemployed && age !== null && p.monthsWithoutWork !== null && p.longTerm !== null) {
      const limit = age < 25 ? 6 : 12;
      if (p.monthsWithoutWork > limit !== p.longTerm)
        this.issue(I_LONG_TERM, COL.subStatus, p.monthsWithoutWork, age);
    }
    if (later)
      for (const i of raw.issues as RowIssue[]) if (i.row > r) this.log.add(I_READER, i.row, 0, 0, 0, i);
  }

  /** `p` as a participant of its own, with its person key (what `checkRegister` returns per row). */
  participant(): Participant {
    const s = this.p;
    const q: Participant = {
      row: s.row,
      firstName: s.firstName,
      lastName: s.lastName,
      pesel: s.pesel,
      noPesel: s.noPesel,
      sex: s.sex,
      birthDate: s.birthDate,
      isced: s.isced,
      status: s.status,
      longTerm: s.longTerm,
      monthsWithoutWork: s.monthsWithoutWork,
      leavingAgriculture: s.leavingAgriculture,
      disabled: s.disabled,
      startDate: s.startDate,
      endDate: s.endDate,
      pathCompleted: s.pathCompleted,
      dropoutReason: s.dropoutReason,
      ipd: s.ipd,
      training: s.training,
      trainingWhiteGreen: s.trainingWhiteGreen,
      qualification: s.qualification,
      internshipMonths: s.internshipMonths,
      internshipLinked: s.internshipLinked,
      jobStartDate: s.jobStartDate,
      contractType: s.contractType,
      employmentMonths: s.employmentMonths,
      fte: s.fte,
      contractValue3x: s.contractValue3x,
      nonAgriculturalJob: s.nonAgriculturalJob,
      startupFunds: s.startupFunds,
    };
    if (this.hasAgeAtStart) q.ageAtStart = s.ageAtStart;
    q.personKey =
      s.startDate !== null && s.status !== null
        ? personKey(this.peselCell, s.firstName, s.lastName, s.birthDate, this.params)
        : null;
    q.duplicateOf = s.duplicateOf;
    return q;
  }
}

/** The ISCED level a `Wykształcenie` text names (`… (ISCED n)`, a bare digit, `brak` = 0), or null. */
function iscedLevel(edu: string): number | null {
  const m = /ISCED\s*(\d)/i.exec(edu);
  if (m) return +m[1];
  if (/^\s*\d\s*$/.test(edu)) return +edu.trim();
  if (normalizeText(edu) === "brak") return 0;
  // A level's words without "(ISCED n)" ("wyższe", "Policealne"), as hand-kept lists write it: the same test
  // as the register's ISCED formula (LOWER(TRIM(…)) against each label's words).
  return EDUCATION_WORDS.get(excelTrim(edu).toLowerCase()) ?? null;
}

/** Each education label's words before "(ISCED …)", in lower case → its level ("wyższe" → 5). */
export const EDUCATION_WORDS: ReadonlyMap<string, number> = new Map(
  EDUCATION_LABELS.map((l, i) => [l.replace(/\s*\(ISCED.*$/, "").toLowerCase(), i]),
);

/**
 * A PESEL of 10 digits that is a valid PESEL with a 0 in front (people born in 2000 or later; a spreadsheet that
 * read it as a number dropped the zero): that PESEL, else null.
 */
function lostLeadingZero(pesel: string): string | null {
  const p = pesel.trim();
  return /^\d{10}$/.test(p) && checkPesel(`0${p}`).valid ? `0${p}` : null;
}

/** The message of a PESEL that fails `checkPesel` (built only then). */
function peselProblemMessage(problem: PeselProblem, pesel: string): Localized {
  switch (problem) {
    case "length": {
      const zero = lostLeadingZero(pesel);
      if (zero !== null)
        return {
          pl: `PESEL „${pesel}” ma 10 cyfr — arkusz zapewne zapisał go jako liczbę i zgubił zero z przodu; jeśli to „${zero}”, wpisz go jako tekst.`,
          en: `PESEL “${pesel}” has 10 digits — a spreadsheet probably stored it as a number and dropped the leading zero; if it is “${zero}”, enter it as text.`,
        };
      return { pl: `PESEL „${pesel}” nie ma 11 cyfr.`, en: `PESEL “${pesel}” does not have 11 digits.` };
    }
    case "digits":
      return peselDigitsMessage(pesel);
    case "checksum":
      return {
        pl: `PESEL „${pesel}” ma błędną cyfrę kontrolną — sprawdź numer.`,
        en: `PESEL “${pesel}” has a wrong check digit — check the number.`,
      };
    case "date":
      return {
        pl: `PESEL „${pesel}” nie koduje istniejącej daty urodzenia.`,
        en: `PESEL “${pesel}” does not encode a real birth date.`,
      };
  }
}

/** The rule of an issue kind whose value can be an Excel error code (the cell held a formula that failed). */
function formulaErrorRule(kind: number, a: number): string | null {
  switch (kind) {
    case I_REQUIRED:
      return RULES.required;
    case I_NOT_ALLOWED:
      return RULES.valueAllowed;
    case I_DATE:
      return RULES.dateFormat;
    case I_NUMBER:
      return RULES.number;
    case I_EDUCATION:
      return RULES.education;
    case I_AGE_INVALID:
      return RULES.ageInvalid;
    case I_PESEL_PROBLEM:
      return PESEL_PROBLEMS[a] === "digits" ? RULES.peselDigits : null;
    default:
      return null;
  }
}
/** Kinds whose message says how the row then counts. */
const FORMULA_ERROR_EFFECT = new Set([I_NOT_ALLOWED, I_DATE]);

/** Polish error code → its English name (`#ADR!` → `#REF!`; `#N/D` without its `!` too): the Polish codes. */
const ENGLISH_ERROR_OF = new Map<string, string>([
  ...Object.entries(EXCEL_ERROR_NAMES).map(([en, pl]): [string, string] => [pl, en]),
  ["#N/D", "#N/A"],
]);

/** An Excel error value as a cell's text: English (`#N/A`, as an .xlsx stores it) or Polish (`#N/D!`, a CSV). */
function isFormulaErrorText(v: string): boolean {
  const code = v.trim().toUpperCase();
  return EXCEL_ERROR_NAMES[code] !== undefined || ENGLISH_ERROR_OF.has(code);
}

/**
 * The message of a cell holding an Excel error value instead of a value — the cached result of a formula that
 * failed (`#N/A` of a VLOOKUP that found nothing, `#REF!` of a reference to a deleted sheet), as the .xlsx
 * stores it or as a CSV saved from Polish Excel writes it (`#N/D!`, `#ADR!`) — or null for any other text.
 */
export function formulaErrorMessage(v: string, effect: Localized | null): Localized | null {
  if (!isFormulaErrorText(v)) return null;
  const code = v.trim().toUpperCase();
  const pl = EXCEL_ERROR_NAMES[code];
  const shown = pl === undefined ? code : `${pl} (${code})`;
  // A Polish code (a CSV from Polish Excel) with its English name: `#ADR! (#REF!)`.
  const english = pl === undefined ? ENGLISH_ERROR_OF.get(code) : undefined;
  const shownEn = english === undefined ? code : `${code} (${english})`;
  return {
    pl: `Komórka zawiera błąd formuły ${shown} zamiast wartości — popraw formułę w tej komórce (np. odwołanie do usuniętego arkusza albo wyszukiwanie bez wyniku) lub wpisz wartość.${effect ? ` ${effect.pl}` : ""}`,
    en: `The cell holds the formula error ${shownEn} instead of a value — correct the formula in this cell (e.g. a reference to a deleted sheet or a lookup that found nothing) or enter the value.${effect ? ` ${effect.en}` : ""}`,
  };
}

/**
 * Why a PESEL has characters other than digits, and what to do. A number in scientific notation (`8,00101E+10`:
 * a CSV opened in Excel, the column shown as a number and saved again) has lost its digits for good — the file
 * cannot give them back; a leading apostrophe (Excel's "this is text" mark, kept as a character in a CSV) or
 * spaces between the digits are slips the user removes.
 */
export function peselDigitsMessage(pesel: string): Localized {
  const p = pesel.trim();
  if (/^\d(?:[.,]\d+)?e\+?\d{1,2}$/i.test(p))
    return {
      pl: `PESEL „${pesel}” jest zapisany w notacji naukowej — Excel zaokrąglił numer i jego cyfry przepadły; z tego pliku nie da się ich odtworzyć. Skopiuj numery PESEL z pierwotnego pliku (eksportu SL2014 / SM EFS) albo wpisz je ponownie w kolumnie o formacie Tekst; plik CSV otwieraj w Excelu przez Dane → Z tekstu/CSV, z kolumną PESEL jako Tekst.`,
      en: `PESEL “${pesel}” is in scientific notation — Excel rounded the number and its digits are lost; this file cannot give them back. Copy the PESEL numbers from the original file (the SL2014 / SM EFS export) or enter them again in a column formatted as Text; open a CSV in Excel through Data → From Text/CSV with the PESEL column as Text.`,
    };
  if (/^['\u2018\u2019`]\s*\d+$/.test(p))
    return {
      pl: `PESEL „${pesel}” zaczyna się od apostrofu — usuń apostrof (w Excelu oznacza tylko, że komórka jest tekstem; w pliku CSV zostaje częścią numeru).`,
      en: `PESEL “${pesel}” starts with an apostrophe — remove it (in Excel it only marks the cell as text; in a CSV it stays part of the number).`,
    };
  if (/^\d[\d\s\u00a0\u202f-]*\d$/.test(p))
    return {
      pl: `PESEL „${pesel}” ma odstępy lub myślniki między cyframi — wpisz same cyfry (11, bez odstępów).`,
      en: `PESEL “${pesel}” has spaces or hyphens between its digits — enter the digits only (11, no spaces).`,
    };
  return {
    pl: `PESEL „${pesel}” zawiera znaki inne niż cyfry.`,
    en: `PESEL “${pesel}” contains non-digits.`,
  };
}

/** A date written as day, month and a two-digit year (`12.05.70`, `01-03-24`, `1/3/24`). */
const TWO_DIGIT_YEAR = /^\d{1,2}([-./])\d{1,2}\1\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * The message of a date cell in no accepted form. A two-digit year is not guessed (12.05.70 could be 1970 or
 * 2070, and a century off turns a person of 54 into one of -46): the message asks for the year in four digits.
 */
export function notADateMessage(v: unknown, effect: Localized): Localized {
  if (typeof v === "string" && TWO_DIGIT_YEAR.test(v.trim()))
    return {
      pl: `„${v}” ma rok zapisany dwiema cyframi — wpisz rok czterema cyframi (DD.MM.RRRR). ${effect.pl}`,
      en: `“${v}” has a two-digit year — enter the year in four digits (DD.MM.YYYY). ${effect.en}`,
    };
  return {
    pl: `„${String(v)}” to nie data — wpisz datę Excela albo RRRR-MM-DD lub DD.MM.RRRR. ${effect.pl}`,
    en: `“${String(v)}” is not a date — enter an Excel date or YYYY-MM-DD or DD.MM.YYYY. ${effect.en}`,
  };
}

const PESEL_RULE: Record<PeselProblem, string> = {
  length: RULES.peselLength,
  digits: RULES.peselDigits,
  checksum: RULES.peselChecksum,
  date: RULES.peselDate,
};

/** The issues `log` holds from `from` up to `to`, appended to `out` as row issues. */
export function materializeIssues(log: IssueLog, from: number, out: RowIssue[], to = log.size): RowIssue[] {
  for (let i = from; i < to; i++) out.push(log.materialize(i));
  return out;
}

export function registerChecker(params: CardParameters = DEFAULT_PARAMETERS): RegisterChecker {
  const log = new IssueLog(params);
  const issues: RowIssue[] = [];
  const participants: Participant[] = [];
  const c = new RowChecker(params, log);
  const add = (rows: readonly RawRow[]): void => {
    c.reserve(rows.length);
    for (const raw of rows) {
      c.check(raw);
      participants.push(c.participant());
    }
  };
  // The log's records become row issues when the result is asked for (again only the new ones after more rows).
  const result = (): RegisterCheckResult => {
    materializeIssues(log, issues.length, issues);
    return { participants, issues };
  };
  return { add, result };
}

/** Parses rows into participants and reports every row issue. `params` gives the windows and age limits. */
export function checkRegister(
  rows: readonly RawRow[],
  params: CardParameters = DEFAULT_PARAMETERS,
): RegisterCheckResult {
  const checker = registerChecker(params);
  checker.add(rows);
  return checker.result();
}
