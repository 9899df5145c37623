/**
 * Register values as users type them (issue 12): slips of case, spacing (NBSP U+00A0, NNBSP U+202F, tabs)
 * and diacritics, and the one-letter K/M, T/N, are matched to the allowed value, which the row checks report as a warning and Miernik
 * writes into its register sheet (so the sheet's COUNTIFS formulas agree with the engine). A person is
 * never dropped from a count because of spelling.
 */
import { Localized } from "../i18n";
import { parsePolishNumber } from "../numbers";
import { normalizeText } from "../text";
import { ColumnKey, COLUMN_BY_KEY, NO, SEX, STATUS, YES } from "./columns";

export type ChoiceMatch = { value: string; how: "exact" | "case" | "spelling" } | null;

/** Trim and collapse every whitespace run (NBSP, NNBSP, thin space, tabs, newlines) into one space. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u2009\u200a\u202f]+/g, " ").trim();
}

/**
 * The allowed value a typed value stands for: exactly; differing only in case; differing in spacing, case or
 * diacritics (`normalizeText`); without the leading "osoba" of the value; or a one-letter form. null when it
 * matches none.
 */
export function matchAllowed(value: string, allowed: readonly string[]): ChoiceMatch {
  if (allowed.includes(value)) return { value, how: "exact" };
  const lower = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (lower) return { value: lower, how: "case" };
  const k = normalizeText(value);
  const near = allowed.find((a) => normalizeText(a) === k);
  if (near) return { value: near, how: "spelling" };
  // An allowed value without its leading "osoba" ("bierna zawodowo", "pracująca", "długotrwale bezrobotna"),
  // as hand-kept lists shorten them: read as that value when exactly one value is meant.
  const person = allowed.filter((a) => normalizeText(a) === `osoba ${k}`);
  if (person.length === 1) return { value: person[0], how: "spelling" };
  const short = ABBREVIATIONS[k];
  return short !== undefined && allowed.includes(short) ? { value: short, how: "spelling" } : null;
}

/**
 * The one-letter forms Polish registers and forms use for a value — `K`/`M` for sex, `T`/`N` for yes/no —
 * read as that value with a warning, like any other slip (only in a column that allows the value).
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  k: SEX.female,
  m: SEX.male,
  t: YES,
  n: NO,
};

const VULGAR: Record<string, number> = { "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125 };
const WORDS: Record<string, number> = {
  "pelny etat": 1,
  "caly etat": 1,
  "pelen etat": 1,
  "pol etatu": 0.5,
  "1 etat": 1,
};

/**
 * `Wymiar etatu` as typed: a number (`1`, `0,5`, `0.5`), a fraction (`1/2`, `3/4`, `½`), a percent (`50%`)
 * or words (`pełny etat`, `pół etatu`); `etatu`/`etat` after a number or fraction is allowed (`1/2 etatu`).
 * `plain` = it was a plain number (no warning needed). null when it is none of these.
 */
export function parseFte(input: string): { value: number; plain: boolean } | null {
  const s = collapseSpaces(input);
  const n = parsePolishNumber(s);
  if (n) return { value: n.value, plain: !n.isPercent };
  const k = normalizeText(s);
  if (k in WORDS) return { value: WORDS[k], plain: false };
  const t = k.replace(/\s*etat(u|y)?$/, "").trim();
  if (t in VULGAR || s.trim() in VULGAR) return { value: VULGAR[t] ?? VULGAR[s.trim()], plain: false };
  const f = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (f && +f[2] > 0) return { value: +f[1] / +f[2], plain: false };
  const m = parsePolishNumber(t);
  if (m) return { value: m.value, plain: false };
  return null;
}

/** `Osoba bezrobotna` — the 2021–2027 (SM EFS) status, registration at the labour office not part of it. */
export const CST2021_UNEMPLOYED = "Osoba bezrobotna";

/**
 * What `Osoba bezrobotna` becomes when the file gives no registration at the labour office [U]: no criterion
 * of the 9.1 card depends on registration (both unemployed statuses count as unemployed), so the default is
 * the registered status (the programme recruits through the labour offices); each such row gets a warning.
 */
export const DEFAULT_UNEMPLOYED_WITHOUT_REGISTRATION: keyof typeof STATUS = "unemployedRegistered";

const CST2021_UNEMPLOYED_KEY = normalizeText(CST2021_UNEMPLOYED);

/** `value` is `Osoba bezrobotna` in any spelling (case, spacing, diacritics). */
export function isCst2021Unemployed(value: string): boolean {
  return normalizeText(value) === CST2021_UNEMPLOYED_KEY;
}

/**
 * The register status of a 2021–2027 `Osoba bezrobotna` (any spelling): registered when `registered` is
 * `Tak`, not registered when `Nie`, else the default above (`how` says which). null when the value is not
 * `Osoba bezrobotna`.
 */
export function cst2021Status(
  value: string,
  registered: string | null,
  fallback: keyof typeof STATUS = DEFAULT_UNEMPLOYED_WITHOUT_REGISTRATION,
): { value: string; how: "column" | "default" } | null {
  if (!isCst2021Unemployed(value)) return null;
  const r = registered === null ? "" : normalizeText(registered);
  if (r === "tak" || r.startsWith("zarejestrowan"))
    return { value: STATUS.unemployedRegistered, how: "column" };
  if (r === "nie" || r.startsWith("niezarejestrowan"))
    return { value: STATUS.unemployedUnregistered, how: "column" };
  return { value: STATUS[fallback], how: "default" };
}

/**
 * A cell holding several values joined with `|` (SM EFS exports): the parts, trimmed, empty ones dropped;
 * null when the cell has no `|`.
 */
export function splitMulti(v: string): string[] | null {
  if (!v.includes("|")) return null;
  return v
    .split("|")
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

/**
 * What an unusable value of a column costs the row — stated in every "not an allowed value" message and in
 * the README: without a status or a start date the row is left out of every criterion; otherwise it stays
 * in every criterion and counts as outside the groups that column defines.
 */
const NEEDED_BY: Partial<Record<ColumnKey, Localized>> = {
  sex: { pl: "kobiety i „pozostali”", en: "women and “other”" },
  education: { pl: "niskie kwalifikacje i „pozostali”", en: "low-qualified and “other”" },
  subStatus: { pl: "długotrwale bezrobotni i „pozostali”", en: "long-term unemployed and “other”" },
  disabled: {
    pl: "osoby z niepełnosprawnościami i „pozostali”",
    en: "persons with disabilities and “other”",
  },
  birthDate: { pl: "wiek 50+, gdy brak poprawnego PESEL", en: "aged 50+ when there is no valid PESEL" },
  leavingAgriculture: { pl: "osoby odchodzące z rolnictwa", en: "persons leaving agriculture" },
  endDate: {
    pl: "efektywność zatrudnieniowa i wskaźniki rezultatu",
    en: "employment effectiveness and result indicators",
  },
  pathCompleted: { pl: "efektywność zatrudnieniowa", en: "employment effectiveness" },
  dropoutReason: { pl: "efektywność zatrudnieniowa", en: "employment effectiveness" },
  ipd: { pl: "uczestnicy z IPD", en: "participants with an IPD" },
  training: { pl: "szkolenia", en: "training" },
  trainingWhiteGreen: { pl: "szkolenia w białej/zielonej gospodarce", en: "white/green-economy training" },
  qualification: { pl: "uzyskane kwalifikacje", en: "qualifications gained" },
  internshipLinked: { pl: "staże", en: "internships" },
  jobStartDate: {
    pl: "efektywność zatrudnieniowa i zatrudnienie po projekcie",
    en: "effectiveness and jobs after leaving",
  },
  contractType: { pl: "efektywność zatrudnieniowa", en: "employment effectiveness" },
  fte: {
    pl: "efektywność zatrudnieniowa przy umowie o pracę",
    en: "employment effectiveness with an employment contract",
  },
  contractValue3x: {
    pl: "efektywność zatrudnieniowa przy umowie cywilnoprawnej",
    en: "employment effectiveness with a civil contract",
  },
  nonAgriculturalJob: { pl: "zatrudnienie w sektorze pozarolniczym", en: "non-agricultural jobs" },
  startupFunds: { pl: "populacja efektywności", en: "the effectiveness population" },
  noPesel: { pl: "żadnych, tylko kontrola PESEL", en: "none, the PESEL check only" },
};

/** The sentence every unusable-value message ends with: which criteria still count the row. */
export function unknownValueEffect(key: ColumnKey): Localized {
  if (key === "status" || key === "startDate")
    return {
      pl: "Wiersz pominięty we wszystkich kryteriach.",
      en: "The row is left out of every criterion.",
    };
  const h = COLUMN_BY_KEY.get(key)?.header ?? key;
  const which = NEEDED_BY[key];
  return which
    ? {
        pl: `Wiersz liczy się we wszystkich kryteriach; w tych, które zależą od „${h}” (${which.pl}), jako osoba spoza grupy.`,
        en: `The row counts in every criterion; in those that depend on “${h}” (${which.en}) as outside the group.`,
      }
    : { pl: "Wiersz liczy się we wszystkich kryteriach.", en: "The row counts in every criterion." };
}
