import { Localized } from "../i18n";
import { completedYears } from "../dates";
import { checkPesel, PeselInfo, peselBornBefore1900 } from "../pesel";
import { ColumnKey } from "../register/columns";
import { CardParameters, GroupId, Participant } from "./types";

/**
 * Participant groups — the ONE definition shared by the engine and the formula generator.
 * Each participant is first reduced to `Derived` flags (the derived columns of the `Uczestnicy` table);
 * every group is then a test over those flags. Definitions (issue 4 semantics):
 * - unemployed ⇔ status is one of the two "osoba bezrobotna …" values; longTermUnemployed ⇔ unemployed ∧ W tym = długotrwale.
 * - age = completed years from the birth date (valid PESEL first — not one coding 1800–1899 —, else Data urodzenia) to
 *   the start date; without a birth date, `Wiek w chwili przystąpienia do projektu` (whole years ≥ 0); unknown → in no age group.
 * - lowQualified ⇔ ISCED ≤ parameters.lowQualificationMaxIsced; other ⇔ age known ∧ none of 50+, women, disabled,
 *   long-term, low-qualified.
 * - effPopulation ⇔ (unemployed ∨ inactive) ∧ ¬startup funds ∧ dropout ≠ podjęcie nauki.
 * - ended ⇔ end date ∧ (path completed = Tak ∨ dropout = podjęcie zatrudnienia); with `excludeOtherDropouts` = false: end date filled.
 * - employed ⇔ job start in [start, end + window] ∧ job start ≤ as-of (a later one is not known yet) ∧ qualifying job (umowa o pracę: months ≥ min ∧ etat ≥ minFte;
 *   umowa cywilnoprawna (if counted): months ≥ min ∧ 3× = Tak; działalność gospodarcza).
 * - pending ⇔ ended ∧ ¬employed ∧ asOf < end + window.
 * - result indicators: left ⇔ end date filled; employedAfterLeaving ⇔ left ∧ job start in [start, end + resultWindow] ∧ ≤ as-of;
 *   qualifiedAfterLeaving ⇔ left ∧ Uzyskanie kwalifikacji = Tak; nonAgriculturalJobAfterLeaving ⇔ employedAfterLeaving ∧ pozarolniczy = Tak.
 */
export interface Derived {
  age: number | null;
  unemployed: boolean;
  longTermUnemployed: boolean;
  inactive: boolean;
  age50plus: boolean;
  women: boolean;
  disabled: boolean;
  lowQualified: boolean;
  other: boolean;
  effPopulation: boolean;
  ended: boolean;
  employed: boolean;
  pending: boolean;
  left: boolean;
  employedAfterLeaving: boolean;
}

/**
 * Birth date used for age: from a valid PESEL, else Data urodzenia. A PESEL coding 1800–1899 (month + 80) is
 * not taken (the row checks flag it): spreadsheet dates start in 1900, so the sheet's formulas could not
 * use it either, and such a PESEL is a typing slip for anyone alive.
 */
export function birthDateOf(p: Participant): number | null {
  return birthDateWith(p, p.pesel ? checkPesel(p.pesel) : null);
}

/** `birthDateOf` when the PESEL is already checked: `info` = `checkPesel(p.pesel)` (null without a PESEL). */
export function birthDateWith(p: Participant, info: PeselInfo | null): number | null {
  if (p.pesel && info !== null && info.valid && !peselBornBefore1900(p.pesel)) return info.birthDate;
  return p.birthDate;
}

/** A usable `Wiek w chwili przystąpienia do projektu`: a whole number ≥ 0, else null. */
export function validAgeAtStart(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
}

/** Age at start: from the birth date (see `birthDateOf`) and the start date, else the age column, else null. */
export function ageOf(p: Participant): number | null {
  return ageFrom(p, birthDateOf(p));
}

/** `ageOf` when the birth date (`birthDateOf(p)`) is already known. */
export function ageFrom(p: Participant, birth: number | null): number | null {
  if (birth !== null && p.startDate !== null) return completedYears(birth, p.startDate);
  return validAgeAtStart(p.ageAtStart);
}

/** Excel's TRIM: spaces (U+0020 only) trimmed, inner runs of spaces collapsed to one. */
export function excelTrim(s: string): string {
  // Most cells need nothing (no double, leading or trailing space): skip the two replacements then.
  if (s.indexOf("  ") < 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32) return s;
  return s.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/** Polish capital letters without their diacritics (the key compares names in upper case). */
export const PERSON_KEY_FOLD: Readonly<Record<string, string>> = {
  Ą: "A",
  Ć: "C",
  Ę: "E",
  Ł: "L",
  Ń: "N",
  Ó: "O",
  Ś: "S",
  Ź: "Z",
  Ż: "Z",
};
/** Longest key compared (Excel's MATCH refuses lookup text over 255 characters). */
export const PERSON_KEY_MAX = 200;

/**
 * The identity of a person for "one person, one count", exactly as the register's `personKey` formula
 * builds it (src/workbook/register/plan.ts): `P:` + the PESEL cell when it has 11 characters (a number is
 * padded with leading zeros to 11 digits, text trimmed as Excel's TRIM does); else, with
 * `duplicatesByNameAndBirthDate`, `N:` + first and last name (trimmed, upper case, Polish letters without
 * diacritics) + the Data urodzenia serial; else null. `~ * ?` become `_` (MATCH would read them as
 * wildcards) and the key is cut to PERSON_KEY_MAX characters.
 */
export function personKey(
  peselCell: unknown,
  firstName: string | null,
  lastName: string | null,
  birthDate: number | null,
  params: CardParameters,
): string | null {
  let pesel = "";
  if (typeof peselCell === "number" && Number.isFinite(peselCell))
    // As TEXT(cell, "00000000000"): rounded, at least 11 digits, a minus sign in front.
    pesel = `${peselCell < 0 ? "-" : ""}${String(Math.round(Math.abs(peselCell))).padStart(11, "0")}`;
  else if (typeof peselCell === "string") pesel = excelTrim(peselCell);
  let key: string | null = null;
  if (pesel.length === 11) key = `P:${pesel}`;
  else if (params.duplicatesByNameAndBirthDate && birthDate !== null) {
    const first = excelTrim(firstName ?? "");
    const last = excelTrim(lastName ?? "");
    if (first !== "" && last !== "") {
      const f = nameKeyPart(first);
      const l = f === null ? null : nameKeyPart(last);
      if (f !== null && l !== null) return `N:${f}|${l}|${Math.floor(birthDate)}`.slice(0, PERSON_KEY_MAX);
      key = `N:${`${first}|${last}`.toUpperCase().replace(/[ĄĆĘŁŃÓŚŹŻ]/g, (c) => PERSON_KEY_FOLD[c])}|${Math.floor(birthDate)}`;
    }
  }
  return key === null ? null : key.replace(/[~*?]/g, "_").slice(0, PERSON_KEY_MAX);
}

/** What a name key writes for a character other than printable ASCII: Polish letters folded, `~ * ?` → `_`. */
const NAME_KEY_SPECIAL = new Map<number, string>([
  ...Object.entries(PERSON_KEY_FOLD).flatMap(([upper, to]): [number, string][] => [
    [upper.charCodeAt(0), to],
    [upper.toLowerCase().charCodeAt(0), to],
  ]),
  ...["~", "*", "?"].map((c): [number, string] => [c.charCodeAt(0), "_"]),
]);

/**
 * A name as the `N:` key spells it (upper case, Polish letters folded, `~ * ?` → `_`), for names of printable
 * ASCII and Polish letters: folded to ASCII first, so that `toUpperCase` takes its fast ASCII path — with
 * Polish letters the general expression needs the Unicode-wide upper-casing and a replacement callback per
 * letter, at 100 000 rows a large share of the row checks (issue 15 item 5). null for any other character
 * (é, ß, a tab, …): the caller then runs the general expression, so the key is the same string either way.
 */
function nameKeyPart(s: string): string | null {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x7e && c !== 0x2a && c !== 0x3f) continue;
    const k = NAME_KEY_SPECIAL.get(c);
    if (k === undefined) return null;
    out += s.slice(from, i) + k;
    from = i + 1;
  }
  return (from === 0 ? s : out + s.slice(from)).toUpperCase();
}

export function qualifyingJob(p: Participant, params: CardParameters): boolean {
  const months = p.employmentMonths ?? 0;
  switch (p.contractType) {
    case "employment":
      return months >= params.minEmploymentMonths && (p.fte ?? 0) >= params.minFte;
    case "civil":
      return params.civilContractsCount && months >= params.minEmploymentMonths && p.contractValue3x === true;
    case "business":
      return true;
    default:
      return false;
  }
}

/** A job start in [start, end + days] and not after `asOf` (a later one is not known yet). */
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

export function derive(p: Participant, params: CardParameters, asOf: number): Derived {
  return deriveInto(newDerived(), p, params, asOf);
}

/** A `Derived` to fill (`deriveInto`): no age, every flag false. */
export function newDerived(): Derived {
  return {
    age: null,
    unemployed: false,
    longTermUnemployed: false,
    inactive: false,
    age50plus: false,
    women: false,
    disabled: false,
    lowQualified: false,
    other: false,
    effPopulation: false,
    ended: false,
    employed: false,
    pending: false,
    left: false,
    employedAfterLeaving: false,
  };
}

/**
 * `derive` into `out` (every field set), returned: the evaluation reuses one object for all participants
 * instead of allocating one per participant (issue 15 item 5).
 */
export function deriveInto(out: Derived, p: Participant, params: CardParameters, asOf: number): Derived {
  return deriveWithAge(out, p, ageOf(p), params, asOf);
}

/**
 * `deriveInto` when the age is already known (`age` = `ageOf(p)`): the row checks compute it for their own
 * warnings, and the one-pass engine does not check the PESEL a second time (issue 15 item 5).
 */
export function deriveWithAge(
  out: Derived,
  p: Participant,
  age: number | null,
  params: CardParameters,
  asOf: number,
): Derived {
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

export interface GroupDef {
  label: Localized;
  test(p: Participant, d: Derived, params: CardParameters): boolean;
}

export const GROUPS: Record<GroupId, GroupDef> = {
  all: { label: { pl: "wszyscy uczestnicy", en: "all participants" }, test: () => true },
  unemployed: { label: { pl: "osoby bezrobotne", en: "unemployed" }, test: (_p, d) => d.unemployed },
  longTermUnemployed: {
    label: { pl: "osoby długotrwale bezrobotne", en: "long-term unemployed" },
    test: (_p, d) => d.longTermUnemployed,
  },
  inactive: { label: { pl: "osoby bierne zawodowo", en: "inactive" }, test: (_p, d) => d.inactive },
  employedAtStart: {
    label: { pl: "osoby pracujące", en: "employed at start" },
    test: (p) => p.status === "employed",
  },
  leavingAgriculture: {
    label: { pl: "osoby odchodzące z rolnictwa", en: "persons leaving agriculture" },
    test: (p) => p.leavingAgriculture === true,
  },
  women: { label: { pl: "kobiety", en: "women" }, test: (_p, d) => d.women },
  disabled: {
    label: { pl: "osoby z niepełnosprawnościami", en: "persons with disabilities" },
    test: (_p, d) => d.disabled,
  },
  age50plus: {
    label: { pl: "osoby w wieku 50 lat i więcej", en: "persons aged 50+" },
    test: (_p, d) => d.age50plus,
  },
  lowQualified: {
    label: { pl: "osoby o niskich kwalifikacjach", en: "low-qualified" },
    test: (_p, d) => d.lowQualified,
  },
  other: { label: { pl: "pozostali uczestnicy", en: "other participants" }, test: (_p, d) => d.other },
  ipd: { label: { pl: "uczestnicy z IPD", en: "participants with an IPD" }, test: (p) => p.ipd === true },
  internship: {
    label: { pl: "uczestnicy staży", en: "interns" },
    test: (p) => (p.internshipMonths ?? 0) > 0,
  },
  internshipCompliant: {
    label: { pl: "staże 3–6 mies. powiązane ze szkoleniem", en: "3–6-month linked internships" },
    test: (p, _d, params) =>
      (p.internshipMonths ?? 0) >= params.internshipMinMonths &&
      (p.internshipMonths ?? 0) <= params.internshipMaxMonths &&
      p.internshipLinked === true,
  },
  trained: { label: { pl: "uczestnicy szkoleń", en: "trained" }, test: (p) => p.training === true },
  trainedWhiteGreen: {
    label: { pl: "szkoleni w białej/zielonej gospodarce", en: "trained in the white/green economy" },
    test: (p) => p.training === true && p.trainingWhiteGreen === true,
  },
  trainedQualified: {
    label: { pl: "szkoleni, którzy uzyskali kwalifikacje", en: "trained who gained a qualification" },
    test: (p) => p.training === true && p.qualification === true,
  },
  left: {
    label: { pl: "osoby, które opuściły program", en: "participants who left" },
    test: (_p, d) => d.left,
  },
  employedAfterLeaving: {
    label: { pl: "pracujący po opuszczeniu programu", en: "employed after leaving" },
    test: (_p, d) => d.employedAfterLeaving,
  },
  qualifiedAfterLeaving: {
    label: { pl: "z kwalifikacjami po opuszczeniu programu", en: "qualified after leaving" },
    test: (p, d) => d.left && p.qualification === true,
  },
  nonAgriculturalJobAfterLeaving: {
    label: { pl: "pracujący w sektorze pozarolniczym", en: "employed outside agriculture" },
    test: (p, d) => d.employedAfterLeaving && p.nonAgriculturalJob === true,
  },
};

export const GROUP_IDS = Object.keys(GROUPS) as GroupId[];

/** Each group's bit in `groupMask` (its index in GROUP_IDS; 21 groups fit a small integer). */
export const GROUP_BIT: Readonly<Record<GroupId, number>> = Object.fromEntries(
  GROUP_IDS.map((g, i) => [g, 2 ** i]),
) as Record<GroupId, number>;

/**
 * Every group's `test` at once, as bits (`GROUP_BIT`): the evaluation tests each participant against all
 * groups in one straight-line function instead of one call per group (issue 15 item 5). It must say what
 * `GROUPS[g].test` says for every group (test/domain/card/groups.test.ts compares them on random participants).
 */
export function groupMask(p: Participant, d: Derived, params: CardParameters): number {
  const B = GROUP_BIT;
  const im = p.internshipMonths ?? 0;
  const trained = p.training === true;
  let m = B.all;
  if (d.unemployed) m |= B.unemployed;
  if (d.longTermUnemployed) m |= B.longTermUnemployed;
  if (d.inactive) m |= B.inactive;
  if (p.status === "employed") m |= B.employedAtStart;
  if (p.leavingAgriculture === true) m |= B.leavingAgriculture;
  if (d.women) m |= B.women;
  if (d.disabled) m |= B.disabled;
  if (d.age50plus) m |= B.age50plus;
  if (d.lowQualified) m |= B.lowQualified;
  if (d.other) m |= B.other;
  if (p.ipd === true) m |= B.ipd;
  if (im > 0) m |= B.internship;
  if (im >= params.internshipMinMonths && im <= params.internshipMaxMonths && p.internshipLinked === true)
    m |= B.internshipCompliant;
  if (trained) m |= B.trained;
  if (trained && p.trainingWhiteGreen === true) m |= B.trainedWhiteGreen;
  if (trained && p.qualification === true) m |= B.trainedQualified;
  if (d.left) m |= B.left;
  if (d.employedAfterLeaving) m |= B.employedAfterLeaving;
  if (d.left && p.qualification === true) m |= B.qualifiedAfterLeaving;
  if (d.employedAfterLeaving && p.nonAgriculturalJob === true) m |= B.nonAgriculturalJobAfterLeaving;
  return m;
}

/**
 * Rows that enter the evaluation: a usable start date and status, and not a repeat of an earlier row's person
 * (`duplicateOf`, set by the row checks). Rows failing this are reported by the row checks (severity error)
 * and left out of every criterion; every other row issue leaves the row in.
 */
export function isEvaluable(p: Participant): boolean {
  return p.startDate !== null && p.status !== null && (p.duplicateOf ?? null) === null;
}

/** Derived flag columns (per participant row) that the groups and the effectiveness measure read. */
export type DerivedFlag = Exclude<keyof Derived, "age">;

/**
 * A group as data, for the formula generator: ALL conditions must hold (COUNTIFS criteria pairs).
 * - `{ derived }`: the derived flag column is TRUE (see `derive` for its definition).
 * - `{ column, equals }`: the register cell equals the text (Excel compares case-insensitively; the engine
 *   accepts case-only differences too, see register/checks.ts).
 * - `{ column, op, value | param }`: numeric comparison with a constant or a card parameter.
 */
export type Condition =
  | { derived: DerivedFlag }
  | { column: ColumnKey; equals: string }
  | { column: ColumnKey; op: ">" | ">=" | "<="; value: number }
  | { column: ColumnKey; op: ">" | ">=" | "<="; param: keyof CardParameters };

const TAK = "Tak";
export const GROUP_CONDITIONS: Record<GroupId, readonly Condition[]> = {
  all: [],
  unemployed: [{ derived: "unemployed" }],
  longTermUnemployed: [{ derived: "longTermUnemployed" }],
  inactive: [{ derived: "inactive" }],
  employedAtStart: [{ column: "status", equals: "osoba pracująca" }],
  leavingAgriculture: [{ column: "leavingAgriculture", equals: TAK }],
  women: [{ derived: "women" }],
  disabled: [{ derived: "disabled" }],
  age50plus: [{ derived: "age50plus" }],
  lowQualified: [{ derived: "lowQualified" }],
  other: [{ derived: "other" }],
  ipd: [{ column: "ipd", equals: TAK }],
  internship: [{ column: "internshipMonths", op: ">", value: 0 }],
  internshipCompliant: [
    { column: "internshipMonths", op: ">=", param: "internshipMinMonths" },
    { column: "internshipMonths", op: "<=", param: "internshipMaxMonths" },
    { column: "internshipLinked", equals: TAK },
  ],
  trained: [{ column: "training", equals: TAK }],
  trainedWhiteGreen: [
    { column: "training", equals: TAK },
    { column: "trainingWhiteGreen", equals: TAK },
  ],
  trainedQualified: [
    { column: "training", equals: TAK },
    { column: "qualification", equals: TAK },
  ],
  left: [{ derived: "left" }],
  employedAfterLeaving: [{ derived: "employedAfterLeaving" }],
  qualifiedAfterLeaving: [{ derived: "left" }, { column: "qualification", equals: TAK }],
  nonAgriculturalJobAfterLeaving: [
    { derived: "employedAfterLeaving" },
    { column: "nonAgriculturalJob", equals: TAK },
  ],
};

/**
 * How each measure combines conditions (for the formula generator), with `G` = the criterion's group
 * conditions and `B` = its base's (only evaluable rows count: `isEvaluable`):
 * - share: n = COUNT(G ∧ B), d = COUNT(B)
 * - resultShare: n = COUNT(left ∧ B ∧ G), d = COUNT(left ∧ B)
 * - count / productCount: n = COUNT(G)
 * - effectiveness: ended = COUNT(effPopulation ∧ ended ∧ G); pending = COUNT(… ∧ pending);
 *   d = ended − pending; n = COUNT(effPopulation ∧ ended ∧ employed ∧ G) (employed rows are never pending).
 */
