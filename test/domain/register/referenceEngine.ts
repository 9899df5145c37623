/**
 * The engine as it was before issue 15 item 5's one-pass rewrite (src/domain/register/checks.ts and
 * src/domain/card/evaluate.ts at commit a0103cf), kept verbatim as the straightforward reference that the
 * fast engine is compared against (test/domain/register/engineReference.test.ts). Not used by the product.
 */
import { formatDateIso, Localized } from "../../../src/domain/i18n";
import { numberDate, readDate, serialToIso } from "../../../src/domain/dates";
import { parsePolishNumber } from "../../../src/domain/numbers";
import { checkPesel, PeselProblem, peselBornBefore1900 } from "../../../src/domain/pesel";
import { looksLikeFormula, normalizeText } from "../../../src/domain/text";
import {
  Card,
  CardParameters,
  Criterion,
  CriterionResult,
  DEFAULT_PARAMETERS,
  Evaluation,
  GroupId,
  Participant,
  RowIssue,
  Severity,
} from "../../../src/domain/card/types";
import {
  ageFrom,
  ageOf,
  birthDateWith,
  Derived,
  GROUPS,
  isEvaluable,
  newDerived,
  personKey,
  qualifyingJob,
  validAgeAtStart,
} from "../../../src/domain/card/groups";
import {
  baseOf,
  effectivenessShortfall,
  JOB_AFTER_AS_OF,
  shareShortfall,
} from "../../../src/domain/card/evaluate";
import {
  COLUMN_BY_KEY,
  CONTRACT,
  ColumnKey,
  DISABILITY,
  DROPOUT,
  SEX,
  STATUS,
  SUBSTATUS,
  YES,
  YES_NO,
} from "../../../src/domain/register/columns";
import { matchAllowed, parseFte, unknownValueEffect } from "../../../src/domain/register/values";
import {
  formulaErrorMessage,
  notADateMessage,
  peselDigitsMessage,
  RawRow,
  RegisterCheckResult,
  RULES,
} from "../../../src/domain/register/checks";

/** Polish "years" after a number, spelled out here from the grammar (1 rok; 2–4, 22–24 … lata; else lat). */
function plYears(n: number): string {
  const a = Math.abs(n);
  const form =
    a === 1 ? "rok" : a % 10 >= 2 && a % 10 <= 4 && !(a % 100 >= 12 && a % 100 <= 14) ? "lata" : "lat";
  return `${n} ${form}`;
}

const header = (k: ColumnKey): string => COLUMN_BY_KEY.get(k)?.header ?? k;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === "string" ? v : String(v);
  return s.trim() === "" ? null : s;
}

/** Checks rows in batches (so a long register can be checked between UI updates); same result as one call. */
interface RegisterChecker {
  add(rows: readonly RawRow[]): void;
  result(): RegisterCheckResult;
}

// Allowed lists and lookups, built once (they were rebuilt for every row: issue 15 item 5).
const SEX_VALUES: readonly string[] = [SEX.female, SEX.male];
const STATUS_VALUES: readonly string[] = Object.values(STATUS);
const STATUS_KEY = new Map(
  (Object.keys(STATUS) as (keyof typeof STATUS)[]).map((k) => [STATUS[k] as string, k] as const),
);
const SUBSTATUS_VALUES: readonly string[] = [SUBSTATUS.longTerm, SUBSTATUS.other];
const DROPOUT_VALUES: readonly string[] = Object.values(DROPOUT);
const CONTRACT_VALUES: readonly string[] = Object.values(CONTRACT);
const REQUIRED_EMPTY_WHY: Localized = {
  pl: " Wiersz pominięty w kryteriach.",
  en: " The row is left out of the criteria.",
};
const NO_WHY: Localized = { pl: "", en: "" };

/**
 * The cell readers of one row, as methods over the row being checked (`start` sets it). One instance serves
 * every row of a checker: no closures are built per row, which at 100 000 rows was most of the engine's
 * allocation and garbage-collection time (issue 15 item 5).
 */
class RowReader {
  private r = 0;
  private values: RawRow["values"] = {};
  /** `Wykształcenie` text → its ISCED level, for the texts that have one. */
  private readonly iscedOf = new Map<string, number>();
  constructor(private readonly issues: RowIssue[]) {}

  start(raw: RawRow): void {
    this.r = raw.row;
    this.values = raw.values;
  }

  issue(
    key: ColumnKey | "",
    rule: string,
    severity: Severity,
    message: Localized,
    suggestion?: string,
  ): void {
    const i: RowIssue = { row: this.r, column: key === "" ? "" : header(key), rule, severity, message };
    if (suggestion !== undefined) i.suggestion = suggestion;
    this.issues.push(i);
  }

  get(k: ColumnKey): string | number | boolean | null {
    return this.values[k] ?? null;
  }

  requiredEmpty(k: ColumnKey): void {
    const why = k === "startDate" || k === "status" ? REQUIRED_EMPTY_WHY : NO_WHY;
    this.issue(k, RULES.required, "error", {
      pl: `Brak wartości w kolumnie „${header(k)}” — uzupełnij.${why.pl}`,
      en: `“${header(k)}” is empty — fill it in.${why.en}`,
    });
  }

  /** An allowed-list value: exact → itself; case-only slip → accepted with a warning; other slip → error + suggestion. */
  choice(k: ColumnKey, allowed: readonly string[], required: boolean, quietIfNone = false): string | null {
    const v = text(this.get(k));
    if (v === null) {
      if (required) this.requiredEmpty(k);
      return null;
    }
    // The common case first, without `matchAllowed`'s result object (its own first test is this one).
    if (allowed.includes(v)) return v;
    const match = matchAllowed(v, allowed);
    if (match && match.how === "exact") return v;
    if (match) {
      const shown = v.replace(/\u00a0/g, "⍽").replace(/\u202f/g, "⍽");
      this.issue(
        k,
        match.how === "case" ? RULES.valueCase : RULES.valueSpelling,
        "warning",
        {
          pl: `„${shown}”: przyjęto „${match.value}” — wpisz „${match.value}”.`,
          en: `“${shown}”: read as “${match.value}” — write “${match.value}”.`,
        },
        match.value,
      );
      return match.value;
    }
    if (quietIfNone) return null;
    const list = allowed.map((a) => `„${a}”`).join(", ");
    const effect = unknownValueEffect(k);
    this.issue(
      k,
      RULES.valueAllowed,
      "error",
      formulaErrorMessage(v, effect) ?? {
        pl: `„${v}” nie jest dozwoloną wartością. Dozwolone: ${list}. ${effect.pl}`,
        en: `“${v}” is not an allowed value. Allowed: ${list}. ${effect.en}`,
      },
    );
    return null;
  }

  yesNo(k: ColumnKey, required: boolean): boolean | null {
    const v = this.choice(k, YES_NO, required);
    return v === null ? null : v === YES;
  }

  date(k: ColumnKey, required: boolean): number | null {
    const v = this.get(k);
    if (v === null || (typeof v === "string" && v.trim() === "")) {
      if (required) this.requiredEmpty(k);
      return null;
    }
    // Most date cells are serial numbers: read them without `readDate`'s result object.
    const serial = typeof v === "number" ? numberDate(v) : null;
    if (serial !== null) return serial;
    const read = readDate(v);
    if ("serial" in read) return read.serial;
    const effect = unknownValueEffect(k);
    this.issue(
      k,
      RULES.dateFormat,
      "error",
      read.problem === "impossible"
        ? {
            pl: `„${String(v)}” to nieistniejąca data — popraw dzień lub miesiąc. ${effect.pl}`,
            en: `“${String(v)}” is not a real date — correct the day or month. ${effect.en}`,
          }
        : ((typeof v === "string" ? formulaErrorMessage(v, effect) : null) ?? notADateMessage(v, effect)),
    );
    return null;
  }

  num(k: ColumnKey): number | null {
    const v = this.get(k);
    if (v === null) return null;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    const s = text(v);
    if (s === null) return null;
    const n = parsePolishNumber(s);
    if (n === null || n.value < 0) {
      this.issue(
        k,
        RULES.number,
        "error",
        formulaErrorMessage(s, null) ?? {
          pl: `„${s}” to nie liczba nieujemna — wpisz liczbę.`,
          en: `“${s}” is not a non-negative number — enter a number.`,
        },
      );
      return null;
    }
    return n.value;
  }

  /** `Wymiar etatu`: a number, or `1/2`, `½`, `50%`, `pełny etat` (read with a warning naming the number). */
  fte(): number | null {
    const v = this.get("fte");
    if (typeof v !== "string") return this.num("fte");
    const s = text(v);
    if (s === null) return null;
    const f = parseFte(s);
    if (f === null || f.value < 0) return this.num("fte");
    if (!f.plain)
      this.issue(
        "fte",
        RULES.fteText,
        "warning",
        {
          pl: `„${s}”: przyjęto wymiar etatu ${String(f.value).replace(".", ",")} — wpisz liczbę.`,
          en: `“${s}”: read as an FTE of ${f.value} — enter a number.`,
        },
        String(f.value),
      );
    return f.value;
  }

  name(k: ColumnKey): string | null {
    const s = text(this.get(k));
    if (s === null) {
      this.requiredEmpty(k);
      return null;
    }
    if (looksLikeFormula(s))
      this.issue(k, RULES.formulaLikeText, "info", {
        pl: `„${s}” zaczyna się od znaku formuły — zapisano jako tekst.`,
        en: `“${s}” starts like a formula — kept as text.`,
      });
    return s;
  }

  /** `Wykształcenie` → ISCED level (a label carrying `ISCED n`, a bare digit, or `brak` = 0). */
  education(): number | null {
    const edu = text(this.get("education"));
    if (edu === null) {
      this.requiredEmpty("education");
      return null;
    }
    // A register holds a handful of distinct labels: each is parsed once (bounded, in case it holds many).
    const known = this.iscedOf.get(edu);
    if (known !== undefined) return known;
    const level = iscedLevel(edu);
    if (level !== null) {
      if (this.iscedOf.size < 1000) this.iscedOf.set(edu, level);
      return level;
    }
    this.issue(
      "education",
      RULES.education,
      "error",
      formulaErrorMessage(edu, null) ?? {
        pl: `„${edu}”: brak poziomu ISCED — wybierz np. „ponadgimnazjalne (ISCED 3)”.`,
        en: `“${edu}”: no ISCED level — choose e.g. “ponadgimnazjalne (ISCED 3)”.`,
      },
    );
    return null;
  }
}

/** The ISCED level a `Wykształcenie` text names (`… (ISCED n)`, a bare digit, `brak` = 0), or null. */
function iscedLevel(edu: string): number | null {
  const m = /ISCED\s*(\d)/i.exec(edu);
  if (m) return +m[1];
  if (/^\s*\d\s*$/.test(edu)) return +edu.trim();
  if (normalizeText(edu) === "brak") return 0;
  return null;
}

/** The message of a PESEL that fails `checkPesel` (built only then). */
function peselProblemMessage(problem: PeselProblem, pesel: string): Localized {
  switch (problem) {
    case "length":
      // 10 digits that are a valid PESEL with a 0 in front: the zero a spreadsheet's number dropped.
      if (/^\d{10}$/.test(pesel.trim()) && checkPesel(`0${pesel.trim()}`).valid)
        return {
          pl: `PESEL „${pesel}” ma 10 cyfr — arkusz zapewne zapisał go jako liczbę i zgubił zero z przodu; jeśli to „0${pesel.trim()}”, wpisz go jako tekst.`,
          en: `PESEL “${pesel}” has 10 digits — a spreadsheet probably stored it as a number and dropped the leading zero; if it is “0${pesel.trim()}”, enter it as text.`,
        };
      return { pl: `PESEL „${pesel}” nie ma 11 cyfr.`, en: `PESEL “${pesel}” does not have 11 digits.` };
    case "digits":
      return formulaErrorMessage(pesel, null) ?? peselDigitsMessage(pesel);
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

const PESEL_RULE: Record<PeselProblem, string> = {
  length: RULES.peselLength,
  digits: RULES.peselDigits,
  checksum: RULES.peselChecksum,
  date: RULES.peselDate,
};

function referenceChecker(params: CardParameters = DEFAULT_PARAMETERS): RegisterChecker {
  const issues: RowIssue[] = [];
  const participants: Participant[] = [];
  /** Person key → first counted row (one person, one count). */
  const firstRowOf = new Map<string, number>();
  const c = new RowReader(issues);
  const add = (rows: readonly RawRow[]): void => {
    for (const raw of rows) {
      const r = raw.row;
      // The reader's issues of this row (or of rows above it) first; of a row below it (a skipped last row)
      // after the row's own, so that the issues stay in row order.
      if (raw.issues) issues.push(...raw.issues.filter((i) => i.row <= r));
      c.start(raw);

      const firstName = c.name("firstName");
      const lastName = c.name("lastName");
      const sexText = c.choice("sex", SEX_VALUES, true);
      const sex = sexText === null ? null : sexText === SEX.female ? "F" : "M";
      const birthDate = c.date("birthDate", false);
      const isced = c.education();
      const statusText = c.choice("status", STATUS_VALUES, true);
      const status = statusText === null ? null : (STATUS_KEY.get(statusText) ?? null);
      // `W tym` of an inactive or employed person is no unemployment sub-status (exports write the
      // employer's type there): a text outside the list is no error then.
      const sub = c.choice(
        "subStatus",
        SUBSTATUS_VALUES,
        false,
        status === "inactive" || status === "employed",
      );
      const disabledText = c.choice("disabled", DISABILITY, true);
      const dropText = c.choice("dropoutReason", DROPOUT_VALUES, false);
      const contractText = c.choice("contractType", CONTRACT_VALUES, false);

      const p: Participant = {
        row: r,
        firstName,
        lastName,
        pesel: null,
        noPesel: c.yesNo("noPesel", false),
        sex,
        birthDate,
        isced,
        status,
        longTerm: sub === null ? null : sub === SUBSTATUS.longTerm,
        monthsWithoutWork: c.num("monthsWithoutWork"),
        leavingAgriculture: c.yesNo("leavingAgriculture", true),
        disabled:
          disabledText === null ? null : disabledText === YES ? true : disabledText === "Nie" ? false : null,
        startDate: c.date("startDate", true),
        endDate: c.date("endDate", false),
        pathCompleted: c.yesNo("pathCompleted", false),
        dropoutReason:
          dropText === null
            ? null
            : dropText === DROPOUT.job
              ? "job"
              : dropText === DROPOUT.school
                ? "school"
                : "other",
        ipd: c.yesNo("ipd", true),
        training: c.yesNo("training", true),
        trainingWhiteGreen: c.yesNo("trainingWhiteGreen", false),
        qualification: c.yesNo("qualification", false),
        internshipMonths: c.num("internshipMonths"),
        internshipLinked: c.yesNo("internshipLinked", false),
        jobStartDate: c.date("jobStartDate", false),
        contractType:
          contractText === null
            ? null
            : contractText === CONTRACT.employment
              ? "employment"
              : contractText === CONTRACT.civil
                ? "civil"
                : "business",
        employmentMonths: c.num("employmentMonths"),
        fte: c.fte(),
        contractValue3x: c.yesNo("contractValue3x", false),
        nonAgriculturalJob: c.yesNo("nonAgriculturalJob", false),
        startupFunds: c.yesNo("startupFunds", false),
      };
      const a = c.num("ageAtStart");
      if (a !== null) {
        p.ageAtStart = validAgeAtStart(a);
        if (p.ageAtStart === null)
          c.issue(
            "ageAtStart",
            RULES.ageInvalid,
            "error",
            formulaErrorMessage(String(c.get("ageAtStart")), null) ?? {
              pl: `Wiek „${String(c.get("ageAtStart"))}” to nie liczba całkowita lat ≥ 0 — popraw wiek.`,
              en: `Age “${String(c.get("ageAtStart"))}” is not a whole number of years ≥ 0 — correct it.`,
            },
          );
      }

      // PESEL
      const peselCell = c.get("pesel");
      const pesel =
        peselCell === null
          ? null
          : (text(typeof peselCell === "number" ? String(peselCell).padStart(11, "0") : peselCell)?.trim() ??
            null);
      p.pesel = pesel;
      if (pesel === null) {
        if (p.noPesel !== true)
          c.issue("pesel", RULES.peselMissing, "error", {
            pl: "Brak numeru PESEL — wpisz go albo ustaw „Brak PESEL” = Tak.",
            en: "No PESEL — enter it or set “Brak PESEL” = Tak.",
          });
      } else if (p.noPesel === true) {
        c.issue("noPesel", RULES.noPeselWithPesel, "error", {
          pl: "„Brak PESEL” = Tak, a numer PESEL jest wpisany — popraw jedno z nich.",
          en: "“Brak PESEL” = Tak but a PESEL is entered — correct one of them.",
        });
      }
      // Checked once here; the age below uses the same result (`birthDateWith`).
      const info = pesel === null ? null : checkPesel(pesel);
      if (pesel !== null && info !== null) {
        if (info.problem) {
          c.issue(
            "pesel",
            PESEL_RULE[info.problem],
            "error",
            peselProblemMessage(info.problem, pesel),
            /^\d{10}$/.test(pesel.trim()) && checkPesel(`0${pesel.trim()}`).valid
              ? `0${pesel.trim()}`
              : undefined,
          );
        } else {
          if (p.sex !== null && info.sex !== p.sex)
            c.issue("sex", RULES.peselSex, "error", {
              pl: `Płeć nie zgadza się z numerem PESEL (PESEL: ${info.sex === "F" ? SEX.female : SEX.male}).`,
              en: `Sex does not match the PESEL (PESEL: ${info.sex === "F" ? SEX.female : SEX.male}).`,
            });
          if (peselBornBefore1900(pesel))
            c.issue("pesel", RULES.peselBefore1900, "warning", {
              pl: `PESEL „${pesel}” koduje urodzenie w latach 1800–1899 (miesiąc + 80) — to zapewne pomyłka; wiek liczony z „${header("birthDate")}”, nie z numeru PESEL. Sprawdź numer.`,
              en: `PESEL “${pesel}” codes a birth in 1800–1899 (month + 80) — most likely a slip; the age comes from “${header("birthDate")}”, not the PESEL. Check the number.`,
            });
          else if (p.birthDate !== null && info.birthDate !== p.birthDate)
            c.issue("birthDate", RULES.peselBirthDate, "error", {
              pl: `Data urodzenia nie zgadza się z numerem PESEL (PESEL: ${formatDateIso(serialToIso(info.birthDate as number), "pl")}).`,
              en: `Birth date does not match the PESEL (PESEL: ${serialToIso(info.birthDate as number)}).`,
            });
        }
      }

      // One person, one count: a later row of a person already counted is left out of every count.
      if (p.startDate !== null && p.status !== null) {
        const key = personKey(peselCell, firstName, lastName, p.birthDate, params);
        p.personKey = key;
        const first = key === null ? undefined : firstRowOf.get(key);
        if (key === null) p.duplicateOf = null;
        else if (first === undefined) {
          firstRowOf.set(key, r);
          p.duplicateOf = null;
        } else {
          p.duplicateOf = first;
          const byPesel = key.startsWith("P:");
          const who = byPesel
            ? { pl: `PESEL ${key.slice(2)} powtarza się`, en: `PESEL ${key.slice(2)} is repeated` }
            : {
                pl: "Bez 11-znakowego numeru PESEL imię, nazwisko i data urodzenia powtarzają się",
                en: "Without an 11-character PESEL, the first and last name and birth date are repeated",
              };
          c.issue(byPesel ? "pesel" : "", byPesel ? RULES.peselDuplicate : RULES.personDuplicate, "error", {
            pl: `${who.pl}: ta sama osoba co w wierszu ${first} — liczy się raz, z wiersza ${first}; wiersz ${r} pominięty we wszystkich kryteriach. Usuń duplikat.`,
            en: `${who.en}: the same person as in row ${first} — counted once, from row ${first}; row ${r} is left out of every criterion. Remove the duplicate.`,
          });
        }
      } else {
        p.personKey = null;
        p.duplicateOf = null;
      }

      // Dates in order
      if (p.startDate !== null && p.endDate !== null && p.endDate < p.startDate)
        c.issue("endDate", RULES.dateOrder, "error", {
          pl: "Data zakończenia jest wcześniejsza niż data rozpoczęcia udziału — popraw daty.",
          en: "The end date is before the start date — correct the dates.",
        });
      if (
        p.jobStartDate !== null &&
        p.endDate !== null &&
        p.jobStartDate > p.endDate + params.effectivenessWindowDays
      )
        c.issue("jobStartDate", RULES.jobAfterWindow, "info", {
          pl: `Zatrudnienie podjęte później niż ${params.effectivenessWindowDays} dni po zakończeniu udziału — nie liczy się do efektywności.`,
          en: `The job started more than ${params.effectivenessWindowDays} days after the end — it does not count for effectiveness.`,
        });

      // Age checks (`birthDateOf` / `ageOf` of card/groups.ts, with the PESEL check above)
      const birth = birthDateWith(p, info);
      const age = ageFrom(p, birth);
      if (age === null && p.startDate !== null)
        c.issue("", RULES.ageUnknown, "warning", {
          pl: `Wiek nieznany (brak poprawnego numeru PESEL, daty urodzenia i wieku) — osoba nie jest liczona w grupie 50+ ani w „pozostałych” uczestnikach; uzupełnij PESEL lub „${header("birthDate")}”.`,
          en: `Age unknown (no valid PESEL, birth date or age) — the person is counted in no age group (50+) and not among the “other” participants; enter the PESEL or “${header("birthDate")}”.`,
        });
      const ageColumn = validAgeAtStart(p.ageAtStart);
      if (birth !== null && p.startDate !== null && ageColumn !== null && ageColumn !== age)
        c.issue("ageAtStart", RULES.ageMismatch, "warning", {
          pl: `Wiek ${ageColumn} nie zgadza się z datą urodzenia (w dniu rozpoczęcia: ${plYears(age as number)}) — liczy się ${age}.`,
          en: `Age ${ageColumn} does not match the birth date (at start: ${age}) — ${age} is used.`,
        });
      if (age !== null && age < params.minTargetAge)
        c.issue("", RULES.ageUnder30, "warning", {
          pl: `Wiek w dniu rozpoczęcia: ${plYears(age)} — grupa docelowa to osoby w wieku ${params.minTargetAge}+.`,
          en: `Age at start: ${age} — the target group is aged ${params.minTargetAge}+.`,
        });
      const unemployed = status === "unemployedRegistered" || status === "unemployedUnregistered";
      if (unemployed && age !== null && p.monthsWithoutWork !== null && p.longTerm !== null) {
        const limit = age < 25 ? 6 : 12;
        const shouldBe = p.monthsWithoutWork > limit;
        if (shouldBe !== p.longTerm)
          c.issue(
            "subStatus",
            RULES.longTermContradiction,
            "warning",
            {
              pl: `„W tym” przeczy okresowi bez pracy: ${p.monthsWithoutWork} mies. przy wieku ${age} lat (długotrwale bezrobotna: bez pracy ponad ${limit} mies.) — wpisz „${shouldBe ? SUBSTATUS.longTerm : SUBSTATUS.other}”.`,
              en: `“W tym” contradicts the months without work: ${p.monthsWithoutWork} at age ${age} (long-term: out of work over ${limit} months) — enter “${shouldBe ? SUBSTATUS.longTerm : SUBSTATUS.other}”.`,
            },
            shouldBe ? SUBSTATUS.longTerm : SUBSTATUS.other,
          );
      }
      if (raw.issues) issues.push(...raw.issues.filter((i) => i.row > r));
      participants.push(p);
    }
  };
  return { add, result: () => ({ participants, issues }) };
}

/** Parses rows into participants and reports every row issue. `params` gives the windows and age limits. */
export function referenceCheckRegister(
  rows: readonly RawRow[],
  params: CardParameters = DEFAULT_PARAMETERS,
): RegisterCheckResult {
  const checker = referenceChecker(params);
  checker.add(rows);
  return checker.result();
}

interface Tally {
  n: number;
  d: number;
  /** effectiveness: ended in the group (incl. pending) */
  ended: number;
  pending: number;
}

/** Evaluates in batches (so a long register can be evaluated between UI updates); same result as `evaluate`. */
interface CardEvaluator {
  add(participants: Iterable<Participant>): void;
  result(rowIssues?: RowIssue[]): Evaluation;
}

function referenceCardEvaluator(card: Card, asOf: number): CardEvaluator {
  const params = card.parameters;
  const crit = card.criteria;
  const tallies: Tally[] = crit.map(() => ({ n: 0, d: 0, ended: 0, pending: 0 }));
  // Each group the card uses is tested once per participant (into `member`), not once per criterion using it:
  // the 9.1 card has 32 criteria over 16 groups (issue 15 item 5).
  const used: GroupId[] = [];
  const slot = (g: GroupId): number => {
    const i = used.indexOf(g);
    return i >= 0 ? i : used.push(g) - 1;
  };
  const groupOf = crit.map((c) => slot(c.group));
  const baseOfCrit = crit.map((c) => slot(baseOf(c, card)));
  const tests = used.map((g) => GROUPS[g].test);
  const member = new Uint8Array(used.length);
  /** The derived flags of the participant being counted (one object, refilled: nothing keeps it). */
  const scratch = newDerived();
  let count = 0;
  let pendingAll = 0;
  const own: RowIssue[] = [];
  const asOfIso = serialToIso(asOf);
  const add = (participants: Iterable<Participant>): void => {
    for (const p of participants) {
      if (!isEvaluable(p)) continue;
      count++;
      if (p.jobStartDate !== null && p.jobStartDate > asOf) {
        const job = serialToIso(p.jobStartDate);
        own.push({
          row: p.row,
          column: COLUMN_BY_KEY.get("jobStartDate")?.header ?? "",
          rule: JOB_AFTER_AS_OF,
          severity: "warning",
          message: {
            pl: `Zatrudnienie od ${formatDateIso(job, "pl")}, po dniu „stan na” ${formatDateIso(asOfIso, "pl")} — jeszcze nie liczy się do efektywności ani rezultatów; sprawdź datę albo przelicz później.`,
            en: `Job from ${job}, after the as-of date ${asOfIso} — not counted yet for effectiveness or results; check the date or recalculate later.`,
          },
        });
      }
      const dv = deriveInto(scratch, p, params, asOf);
      if (dv.effPopulation && dv.pending) pendingAll++;
      for (let g = 0; g < tests.length; g++) member[g] = tests[g](p, dv, params) ? 1 : 0;
      for (let i = 0; i < crit.length; i++) {
        const c = crit[i];
        const t = tallies[i];
        switch (c.measure) {
          case "share":
            if (member[baseOfCrit[i]] === 1) {
              t.d++;
              if (member[groupOf[i]] === 1) t.n++;
            }
            break;
          case "resultShare":
            if (dv.left && member[baseOfCrit[i]] === 1) {
              t.d++;
              if (member[groupOf[i]] === 1) t.n++;
            }
            break;
          case "count":
          case "productCount":
            if (member[groupOf[i]] === 1) t.n++;
            break;
          case "effectiveness":
            if (dv.effPopulation && dv.ended && member[groupOf[i]] === 1) {
              t.ended++;
              if (dv.pending) t.pending++;
              else {
                t.d++;
                if (dv.employed) t.n++;
              }
            }
            break;
        }
      }
    }
  };
  const finish = (rowIssues: RowIssue[] = []): Evaluation => {
    const criteria = crit.map((c, i) => result(c, tallies[i]));
    return {
      card: card.id,
      asOf: asOfIso,
      participants: count,
      pending: pendingAll,
      criteria,
      rowIssues: own.length === 0 ? rowIssues : mergeByRow(rowIssues, own),
    };
  };
  return { add, result: finish };
}

/** Two row-ordered issue lists as one, row by row (stable: `a`'s issues of a row come first). */
function mergeByRow(a: readonly RowIssue[], b: readonly RowIssue[]): RowIssue[] {
  const out: RowIssue[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j].row < x.row) out.push(b[j++]);
    out.push(x);
  }
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * Evaluates a card over participants at `asOf` (Excel serial). One pass over the participants; memory is
 * O(criteria). Rows failing `isEvaluable` are left out; `rowIssues` (the row checks') is passed through for the
 * report, with the evaluation's own warnings merged in by row (a job start after `asOf`: not counted yet).
 */
export function referenceEvaluate(
  participants: Iterable<Participant>,
  card: Card,
  asOf: number,
  rowIssues: RowIssue[] = [],
): Evaluation {
  const e = referenceCardEvaluator(card, asOf);
  e.add(participants);
  return e.result(rowIssues);
}

function result(c: Criterion, t: Tally): CriterionResult {
  const threshold = c.threshold ?? null;
  const base: CriterionResult = {
    id: c.id,
    kind: c.kind,
    label: c.label,
    numerator: t.n,
    denominator: null,
    share: null,
    threshold,
    met: null,
    points: null,
    shortfall: null,
  };
  switch (c.measure) {
    case "share":
    case "resultShare": {
      base.denominator = t.d;
      base.share = t.d > 0 ? t.n / t.d : null;
      if (threshold !== null && t.d > 0) {
        base.met = t.n / t.d >= threshold;
        base.shortfall = shareShortfall(t.n, t.d, threshold);
      }
      break;
    }
    case "count":
      if (threshold !== null) {
        base.met = t.n >= threshold;
        base.shortfall = Math.max(0, threshold - t.n);
      }
      break;
    case "productCount":
      base.target = c.target;
      break;
    case "effectiveness":
      base.denominator = t.d;
      base.share = t.d > 0 ? t.n / t.d : null;
      base.pending = t.pending;
      if (threshold !== null && t.d > 0) {
        base.met = t.n / t.d >= threshold;
        base.shortfall = effectivenessShortfall(t.n, t.d, threshold);
      }
      break;
  }
  if (c.kind === "premium") {
    if (c.points === null || c.points === undefined) base.points = null;
    else base.points = base.met === true ? c.points : 0;
  }
  return base;
}

function jobInWindow(p: Participant, asOf: number, days: number): boolean {
  return (
    p.jobStartDate !== null &&
    p.startDate !== null &&
    p.endDate !== null &&
    p.jobStartDate >= p.startDate &&
    p.jobStartDate <= p.endDate + days &&
    p.jobStartDate <= asOf
  );
}

/** `deriveInto` of src/domain/card/groups.ts as it was. */
function deriveInto(out: Derived, p: Participant, params: CardParameters, asOf: number): Derived {
  const age = ageOf(p);
  const unemployed = p.status === "unemployedRegistered" || p.status === "unemployedUnregistered";
  const longTermUnemployed = unemployed && p.longTerm === true;
  const inactive = p.status === "inactive";
  const age50plus = age !== null && age >= params.olderAge;
  const women = p.sex === "F";
  const disabled = p.disabled === true;
  const lowQualified = p.isced !== null && p.isced <= params.lowQualificationMaxIsced;
  const other = age !== null && !(age50plus || women || disabled || longTermUnemployed || lowQualified);
  const effPopulation = (unemployed || inactive) && p.startupFunds !== true && p.dropoutReason !== "school";
  const hasEnd = p.endDate !== null;
  const ended =
    hasEnd && (params.excludeOtherDropouts ? p.pathCompleted === true || p.dropoutReason === "job" : true);
  const employed = jobInWindow(p, asOf, params.effectivenessWindowDays) && qualifyingJob(p, params);
  const pending = ended && !employed && asOf < (p.endDate as number) + params.effectivenessWindowDays;
  const employedAfterLeaving = hasEnd && jobInWindow(p, asOf, params.resultWindowDays);
  out.age = age;
  out.unemployed = unemployed;
  out.longTermUnemployed = longTermUnemployed;
  out.inactive = inactive;
  out.age50plus = age50plus;
  out.women = women;
  out.disabled = disabled;
  out.lowQualified = lowQualified;
  out.other = other;
  out.effPopulation = effPopulation;
  out.ended = ended;
  out.employed = employed;
  out.pending = pending;
  out.left = hasEnd;
  out.employedAfterLeaving = employedAfterLeaving;
  return out;
}
