/** User-facing text comes in Polish (default) and English. */
export type Lang = "pl" | "en";

export interface Localized {
  pl: string;
  en: string;
}

export function t(text: Localized, lang: Lang): string {
  return text[lang];
}

/**
 * A counted noun in both languages. Polish has three integer forms (CLDR "one" / "few" / "many":
 * 1 plik, 2–4 pliki, 0 and 5–21 plików, 22–24 pliki…); English two.
 */
export interface Counted {
  pl: { one: string; few: string; many: string };
  en: { one: string; other: string };
}

const PLURAL_RULES: Record<Lang, Intl.PluralRules> = {
  pl: new Intl.PluralRules("pl-PL"),
  en: new Intl.PluralRules("en-GB"),
};

/** The form of `noun` that goes with `n` (Intl.PluralRules: the one place plurals are decided). */
export function pluralForm(n: number, noun: Counted, lang: Lang): string {
  const cat = PLURAL_RULES[lang].select(n);
  if (lang === "en") return cat === "one" ? noun.en.one : noun.en.other;
  // Fractions ("other" in Polish) take the genitive singular, which no counted noun here needs: use "few".
  return cat === "one" ? noun.pl.one : cat === "few" || cat === "other" ? noun.pl.few : noun.pl.many;
}

const NUMBER_FORMAT: Record<Lang, Intl.NumberFormat> = {
  // "always": Polish groups 4-digit numbers too (1 796), as the programme's reports print them.
  pl: new Intl.NumberFormat("pl-PL", {
    useGrouping: "always",
    maximumFractionDigits: 2,
  } as unknown as Intl.NumberFormatOptions),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** A number for people: "1 796" / "0,5" (pl-PL), "1,796" / "0.5" (English). */
export function formatCount(n: number, lang: Lang): string {
  return NUMBER_FORMAT[lang].format(n);
}

/** "5 plików", "22 pliki", "1 file": the number and the noun in its form. */
export function countOf(n: number, noun: Counted, lang: Lang): string {
  return `${formatCount(n, lang)} ${pluralForm(n, noun, lang)}`;
}

/** A date for people: dd.mm.rrrr in Polish, ISO (yyyy-mm-dd) in English. Accepts "yyyy-mm-dd". */
export function formatDateIso(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === "en") return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** A name or value in quotes as each language writes them: „…” in Polish, “…” in English. */
export function quoted(text: string, lang: Lang): string {
  return lang === "pl" ? `„${text}”` : `“${text}”`;
}

/** The text with its first letter in upper case (messages start with a capital letter). */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0].toLocaleUpperCase("pl-PL") + s.slice(1);
}

/** A date typed by a person: "31.01.2025" / "31.1.2025" (Polish) or "2025-01-31" (ISO) → "2025-01-31", or null. */
export function parseDateInput(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const pl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (pl) [d, m, y] = [Number(pl[1]), Number(pl[2]), Number(pl[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Every counted noun the pane and the CLI show: one table, each through the one plural helper (pluralForm). */
export const NOUNS = {
  cell: { pl: { one: "komórka", few: "komórki", many: "komórek" }, en: { one: "cell", other: "cells" } },
  file: { pl: { one: "plik", few: "pliki", many: "plików" }, en: { one: "file", other: "files" } },
  sheet: { pl: { one: "arkusz", few: "arkusze", many: "arkuszy" }, en: { one: "sheet", other: "sheets" } },
  row: { pl: { one: "wiersz", few: "wiersze", many: "wierszy" }, en: { one: "row", other: "rows" } },
  participant: {
    pl: { one: "uczestnik", few: "uczestników", many: "uczestników" },
    en: { one: "participant", other: "participants" },
  },
  employed: {
    pl: { one: "zatrudnionej osoby", few: "zatrudnionych osób", many: "zatrudnionych osób" },
    en: { one: "more employed person", other: "more employed people" },
  },
  participantGen: {
    pl: { one: "uczestnika", few: "uczestników", many: "uczestników" },
    en: { one: "participant", other: "participants" },
  },
  criterionGen: {
    pl: { one: "kryterium", few: "kryteriów", many: "kryteriów" },
    en: { one: "criterion", other: "criteria" },
  },
  fileGen: { pl: { one: "pliku", few: "plików", many: "plików" }, en: { one: "file", other: "files" } },
  person: { pl: { one: "osoba", few: "osoby", many: "osób" }, en: { one: "person", other: "people" } },
  personGen: { pl: { one: "osoby", few: "osób", many: "osób" }, en: { one: "person", other: "people" } },
  criterion: {
    pl: { one: "kryterium", few: "kryteria", many: "kryteriów" },
    en: { one: "criterion", other: "criteria" },
  },
  error: { pl: { one: "błąd", few: "błędy", many: "błędów" }, en: { one: "error", other: "errors" } },
  warning: {
    pl: { one: "ostrzeżenie", few: "ostrzeżenia", many: "ostrzeżeń" },
    en: { one: "warning", other: "warnings" },
  },
  emptyValue: {
    pl: { one: "pusta wartość", few: "puste wartości", many: "pustych wartości" },
    en: { one: "empty value", other: "empty values" },
  },
  fix: { pl: { one: "poprawka", few: "poprawki", many: "poprawek" }, en: { one: "fix", other: "fixes" } },
  project: {
    pl: { one: "projekt", few: "projekty", many: "projektów" },
    en: { one: "project", other: "projects" },
  },
  indicator: {
    pl: { one: "miernik", few: "mierniki", many: "mierników" },
    en: { one: "indicator", other: "indicators" },
  },
  point: { pl: { one: "punkt", few: "punkty", many: "punktów" }, en: { one: "point", other: "points" } },
  year: { pl: { one: "rok", few: "lata", many: "lat" }, en: { one: "year", other: "years" } },
} satisfies Record<string, Counted>;

export type Noun = keyof typeof NOUNS;
