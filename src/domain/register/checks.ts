import { Localized } from "../i18n";
import { readDate, serialToIso } from "../dates";
import { parsePolishNumber } from "../numbers";
import { checkPesel } from "../pesel";
import { looksLikeFormula, normalizeText } from "../text";
import { CardParameters, DEFAULT_PARAMETERS, Participant, RowIssue, Severity } from "../card/types";
import { ageOf, birthDateOf, personKey, validAgeAtStart } from "../card/groups";
import { peselBornBefore1900 } from "../pesel";
import { JOB_AFTER_AS_OF } from "../card/evaluate";
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
} from "./columns";
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

const header = (k: ColumnKey): string => COLUMN_BY_KEY.get(k)?.header ?? k;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === "string" ? v : String(v);
  return s.trim() === "" ? null : s;
}

/** Checks rows in batches (so a long register can be checked between UI updates); same result as one call. */
export interface RegisterChecker {
  add(rows: readonly RawRow[]): void;
  result(): RegisterCheckResult;
}

export function registerChecker(params: CardParameters = DEFAULT_PARAMETERS): RegisterChecker {
  const issues: RowIssue[] = [];
  const participants: Participant[] = [];
  /** Person key → first counted row (one person, one count). */
  const firstRowOf = new Map<string, number>();
  const add = (rows: readonly RawRow[]): void => {
    for (const raw of rows) {
      const r = raw.row;
      if (raw.issues) issues.push(...raw.issues);
      const issue = (
        key: ColumnKey | "",
        rule: string,
        severity: Severity,
        message: Localized,
        suggestion?: string,
      ): void => {
        const i: RowIssue = { row: r, column: key === "" ? "" : header(key), rule, severity, message };
        if (suggestion !== undefined) i.suggestion = suggestion;
        issues.push(i);
      };
      const get = (k: ColumnKey): string | number | boolean | null => raw.values[k] ?? null;

      const requiredEmpty = (k: ColumnKey): void => {
        const why =
          k === "startDate" || k === "status"
            ? { pl: " Wiersz pominięty w kryteriach.", en: " The row is left out of the criteria." }
            : { pl: "", en: "" };
        issue(k, RULES.required, "error", {
          pl: `Brak wartości w kolumnie „${header(k)}” — uzupełnij.${why.pl}`,
          en: `“${header(k)}” is empty — fill it in.${why.en}`,
        });
      };

      /** An allowed-list value: exact → itself; case-only slip → accepted with a warning; other slip → error + suggestion. */
      const choice = <T extends string>(k: ColumnKey, allowed: readonly T[], required: boolean): T | null => {
        const s = text(get(k));
        if (s === null) {
          if (required) requiredEmpty(k);
          return null;
        }
        const v = s;
        const match = matchAllowed(v, allowed);
        if (match && match.how === "exact") return v as T;
        if (match) {
          const shown = v.replace(/\u00a0/g, "⍽").replace(/\u202f/g, "⍽");
          issue(
            k,
            match.how === "case" ? RULES.valueCase : RULES.valueSpelling,
            "warning",
            {
              pl: `„${shown}”: przyjęto „${match.value}” — wpisz „${match.value}”.`,
              en: `“${shown}”: read as “${match.value}” — write “${match.value}”.`,
            },
            match.value,
          );
          return match.value as T;
        }
        const list = allowed.map((a) => `„${a}”`).join(", ");
        const effect = unknownValueEffect(k);
        issue(k, RULES.valueAllowed, "error", {
          pl: `„${v}” to nie dozwolona wartość. Dozwolone: ${list}. ${effect.pl}`,
          en: `“${v}” is not an allowed value. Allowed: ${list}. ${effect.en}`,
        });
        return null;
      };
      const yesNo = (k: ColumnKey, required: boolean): boolean | null => {
        const v = choice(k, YES_NO, required);
        return v === null ? null : v === YES;
      };
      const date = (k: ColumnKey, required: boolean): number | null => {
        const v = get(k);
        if (v === null || (typeof v === "string" && v.trim() === "")) {
          if (required) requiredEmpty(k);
          return null;
        }
        const read = readDate(v);
        if ("serial" in read) return read.serial;
        const effect = unknownValueEffect(k);
        issue(
          k,
          RULES.dateFormat,
          "error",
          read.problem === "impossible"
            ? {
                pl: `„${String(v)}” to nieistniejąca data — popraw dzień lub miesiąc. ${effect.pl}`,
                en: `“${String(v)}” is not a real date — correct the day or month. ${effect.en}`,
              }
            : {
                pl: `„${String(v)}” to nie data — wpisz datę Excela albo RRRR-MM-DD lub DD.MM.RRRR. ${effect.pl}`,
                en: `“${String(v)}” is not a date — enter an Excel date or YYYY-MM-DD or DD.MM.YYYY. ${effect.en}`,
              },
        );
        return null;
      };
      const num = (k: ColumnKey): number | null => {
        const v = get(k);
        if (v === null) return null;
        if (typeof v === "number") return Number.isFinite(v) ? v : null;
        const s = text(v);
        if (s === null) return null;
        const n = parsePolishNumber(s);
        if (n === null || n.value < 0) {
          issue(k, RULES.number, "error", {
            pl: `„${s}” to nie liczba nieujemna — wpisz liczbę.`,
            en: `“${s}” is not a non-negative number — enter a number.`,
          });
          return null;
        }
        return n.value;
      };
      /** `Wymiar etatu`: a number, or `1/2`, `½`, `50%`, `pełny etat` (read with a warning naming the number). */
      const fte = (): number | null => {
        const v = get("fte");
        if (typeof v !== "string") return num("fte");
        const s = text(v);
        if (s === null) return null;
        const f = parseFte(s);
        if (f === null || f.value < 0) return num("fte");
        if (!f.plain)
          issue(
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
      };
      const name = (k: ColumnKey): string | null => {
        const s = text(get(k));
        if (s === null) {
          requiredEmpty(k);
          return null;
        }
        if (looksLikeFormula(s))
          issue(k, RULES.formulaLikeText, "info", {
            pl: `„${s}” zaczyna się od znaku formuły — zapisano jako tekst.`,
            en: `“${s}” starts like a formula — kept as text.`,
          });
        return s;
      };

      const firstName = name("firstName");
      const lastName = name("lastName");
      const sexText = choice("sex", [SEX.female, SEX.male], true);
      const sex = sexText === null ? null : sexText === SEX.female ? "F" : "M";
      const birthDate = date("birthDate", false);
      const edu = text(get("education"));
      let isced: number | null = null;
      if (edu === null) requiredEmpty("education");
      else {
        const m = /ISCED\s*(\d)/i.exec(edu);
        if (m) isced = +m[1];
        else if (/^\s*\d\s*$/.test(edu)) isced = +edu.trim();
        else if (normalizeText(edu) === "brak") isced = 0;
        else
          issue("education", RULES.education, "error", {
            pl: `„${edu}”: brak poziomu ISCED — wybierz np. „ponadgimnazjalne (ISCED 3)”.`,
            en: `“${edu}”: no ISCED level — choose e.g. “ponadgimnazjalne (ISCED 3)”.`,
          });
      }
      const statusText = choice("status", Object.values(STATUS), true);
      const status =
        statusText === null
          ? null
          : ((Object.keys(STATUS) as (keyof typeof STATUS)[]).find((k) => STATUS[k] === statusText) ?? null);
      const sub = choice("subStatus", [SUBSTATUS.longTerm, SUBSTATUS.other], false);
      const disabledText = choice("disabled", DISABILITY, true);
      const dropText = choice("dropoutReason", Object.values(DROPOUT), false);
      const contractText = choice("contractType", Object.values(CONTRACT), false);

      const p: Participant = {
        row: r,
        firstName,
        lastName,
        pesel: null,
        noPesel: yesNo("noPesel", false),
        sex,
        birthDate,
        isced,
        status,
        longTerm: sub === null ? null : sub === SUBSTATUS.longTerm,
        monthsWithoutWork: num("monthsWithoutWork"),
        leavingAgriculture: yesNo("leavingAgriculture", true),
        disabled:
          disabledText === null ? null : disabledText === YES ? true : disabledText === "Nie" ? false : null,
        startDate: date("startDate", true),
        endDate: date("endDate", false),
        pathCompleted: yesNo("pathCompleted", false),
        dropoutReason:
          dropText === null
            ? null
            : dropText === DROPOUT.job
              ? "job"
              : dropText === DROPOUT.school
                ? "school"
                : "other",
        ipd: yesNo("ipd", true),
        training: yesNo("training", true),
        trainingWhiteGreen: yesNo("trainingWhiteGreen", false),
        qualification: yesNo("qualification", false),
        internshipMonths: num("internshipMonths"),
        internshipLinked: yesNo("internshipLinked", false),
        jobStartDate: date("jobStartDate", false),
        contractType:
          contractText === null
            ? null
            : contractText === CONTRACT.employment
              ? "employment"
              : contractText === CONTRACT.civil
                ? "civil"
                : "business",
        employmentMonths: num("employmentMonths"),
        fte: fte(),
        contractValue3x: yesNo("contractValue3x", false),
        nonAgriculturalJob: yesNo("nonAgriculturalJob", false),
        startupFunds: yesNo("startupFunds", false),
      };
      const a = num("ageAtStart");
      if (a !== null) {
        p.ageAtStart = validAgeAtStart(a);
        if (p.ageAtStart === null)
          issue("ageAtStart", RULES.ageInvalid, "error", {
            pl: `Wiek „${String(get("ageAtStart"))}” to nie liczba całkowita lat ≥ 0 — popraw wiek.`,
            en: `Age “${String(get("ageAtStart"))}” is not a whole number of years ≥ 0 — correct it.`,
          });
      }

      // PESEL
      const peselCell = get("pesel");
      const pesel =
        peselCell === null
          ? null
          : (text(typeof peselCell === "number" ? String(peselCell).padStart(11, "0") : peselCell)?.trim() ??
            null);
      p.pesel = pesel;
      if (pesel === null) {
        if (p.noPesel !== true)
          issue("pesel", RULES.peselMissing, "error", {
            pl: "Brak numeru PESEL — wpisz go albo ustaw „Brak PESEL” = Tak.",
            en: "No PESEL — enter it or set “Brak PESEL” = Tak.",
          });
      } else if (p.noPesel === true) {
        issue("noPesel", RULES.noPeselWithPesel, "error", {
          pl: "„Brak PESEL” = Tak, a numer PESEL jest wpisany — popraw jedno z nich.",
          en: "“Brak PESEL” = Tak but a PESEL is entered — correct one of them.",
        });
      }
      if (pesel !== null) {
        const info = checkPesel(pesel);
        const msg: Record<string, Localized> = {
          length: { pl: `PESEL „${pesel}” nie ma 11 cyfr.`, en: `PESEL “${pesel}” does not have 11 digits.` },
          digits: {
            pl: `PESEL „${pesel}” zawiera znaki inne niż cyfry.`,
            en: `PESEL “${pesel}” contains non-digits.`,
          },
          checksum: {
            pl: `PESEL „${pesel}” ma błędną cyfrę kontrolną — sprawdź numer.`,
            en: `PESEL “${pesel}” has a wrong check digit — check the number.`,
          },
          date: {
            pl: `PESEL „${pesel}” nie koduje istniejącej daty urodzenia.`,
            en: `PESEL “${pesel}” does not encode a real birth date.`,
          },
        };
        if (info.problem) {
          const rule = {
            length: RULES.peselLength,
            digits: RULES.peselDigits,
            checksum: RULES.peselChecksum,
            date: RULES.peselDate,
          }[info.problem];
          issue("pesel", rule, "error", msg[info.problem]);
        } else {
          if (p.sex !== null && info.sex !== p.sex)
            issue("sex", RULES.peselSex, "error", {
              pl: `Płeć nie zgadza się z numerem PESEL (PESEL: ${info.sex === "F" ? SEX.female : SEX.male}).`,
              en: `Sex does not match the PESEL (PESEL: ${info.sex === "F" ? SEX.female : SEX.male}).`,
            });
          if (peselBornBefore1900(pesel))
            issue("pesel", RULES.peselBefore1900, "warning", {
              pl: `PESEL „${pesel}” koduje urodzenie w latach 1800–1899 (miesiąc + 80) — to zapewne pomyłka; wiek liczony z „${header("birthDate")}”, nie z numeru PESEL. Sprawdź numer.`,
              en: `PESEL “${pesel}” codes a birth in 1800–1899 (month + 80) — most likely a slip; the age comes from “${header("birthDate")}”, not the PESEL. Check the number.`,
            });
          else if (p.birthDate !== null && info.birthDate !== p.birthDate)
            issue("birthDate", RULES.peselBirthDate, "error", {
              pl: `Data urodzenia nie zgadza się z numerem PESEL (PESEL: ${serialToIso(info.birthDate as number)}).`,
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
          issue(byPesel ? "pesel" : "", byPesel ? RULES.peselDuplicate : RULES.personDuplicate, "error", {
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
        issue("endDate", RULES.dateOrder, "error", {
          pl: "Data zakończenia jest wcześniejsza niż data rozpoczęcia udziału — popraw daty.",
          en: "The end date is before the start date — correct the dates.",
        });
      if (
        p.jobStartDate !== null &&
        p.endDate !== null &&
        p.jobStartDate > p.endDate + params.effectivenessWindowDays
      )
        issue("jobStartDate", RULES.jobAfterWindow, "info", {
          pl: `Zatrudnienie podjęte później niż ${params.effectivenessWindowDays} dni po zakończeniu udziału — nie liczy się do efektywności.`,
          en: `The job started more than ${params.effectivenessWindowDays} days after the end — it does not count for effectiveness.`,
        });

      // Age checks
      const birth = birthDateOf(p);
      const age = ageOf(p);
      if (age === null && p.startDate !== null)
        issue("", RULES.ageUnknown, "warning", {
          pl: `Wiek nieznany (brak poprawnego numeru PESEL, daty urodzenia i wieku) — osoba nie jest liczona w grupie 50+ ani w „pozostałych” uczestnikach; uzupełnij PESEL lub „${header("birthDate")}”.`,
          en: `Age unknown (no valid PESEL, birth date or age) — the person is counted in no age group (50+) and not among the “other” participants; enter the PESEL or “${header("birthDate")}”.`,
        });
      const ageColumn = validAgeAtStart(p.ageAtStart);
      if (birth !== null && p.startDate !== null && ageColumn !== null && ageColumn !== age)
        issue("ageAtStart", RULES.ageMismatch, "warning", {
          pl: `Wiek ${ageColumn} nie zgadza się z datą urodzenia (w dniu rozpoczęcia: ${age} lat) — liczy się ${age}.`,
          en: `Age ${ageColumn} does not match the birth date (at start: ${age}) — ${age} is used.`,
        });
      if (age !== null && age < params.minTargetAge)
        issue("", RULES.ageUnder30, "warning", {
          pl: `Wiek w dniu rozpoczęcia: ${age} lat — grupa docelowa to osoby w wieku ${params.minTargetAge}+.`,
          en: `Age at start: ${age} — the target group is aged ${params.minTargetAge}+.`,
        });
      const unemployed = status === "unemployedRegistered" || status === "unemployedUnregistered";
      if (unemployed && age !== null && p.monthsWithoutWork !== null && p.longTerm !== null) {
        const limit = age < 25 ? 6 : 12;
        const shouldBe = p.monthsWithoutWork > limit;
        if (shouldBe !== p.longTerm)
          issue(
            "subStatus",
            RULES.longTermContradiction,
            "warning",
            {
              pl: `„W tym” przeczy okresowi bez pracy: ${p.monthsWithoutWork} mies. przy wieku ${age} lat (długotrwale ⇔ > ${limit} mies.) — wpisz „${shouldBe ? SUBSTATUS.longTerm : SUBSTATUS.other}”.`,
              en: `“W tym” contradicts the months without work: ${p.monthsWithoutWork} at age ${age} (long-term ⇔ > ${limit} months) — enter “${shouldBe ? SUBSTATUS.longTerm : SUBSTATUS.other}”.`,
            },
            shouldBe ? SUBSTATUS.longTerm : SUBSTATUS.other,
          );
      }
      participants.push(p);
    }
  };
  return { add, result: () => ({ participants, issues }) };
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
