import { Localized } from "../i18n";

/**
 * Relations between indicators of the Lublin employment programme 2021–2027 that must hold in any year's
 * monitoring, each justified by what the indicators count. A violation is not necessarily wrong (the
 * indicators are reported by different teams), so it is a warning asking the user to check both values.
 *
 * Kinds:
 * - "lte": left ≤ right (left counts a subset of what right counts).
 * - "gte-when-positive": when right > 0, left ≥ right (each of the right's units covers at least one of the left's).
 * - "positive-implies-positive": left > 0 requires right > 0 (left cannot exist without right).
 *
 * Indicator ids are `<actionCode>-<ordinal>` as in src/domain/programme/programme.ts; a test checks every id
 * used here exists there.
 */
export type RelationKind = "lte" | "gte-when-positive" | "positive-implies-positive";

export interface IndicatorRelation {
  id: string;
  kind: RelationKind;
  left: string;
  right: string;
  /** Why the relation holds, shown with the warning. */
  why: Localized;
}

export const RELATIONS: readonly IndicatorRelation[] = [
  {
    // 1.3.2-2 "liczba osób, które podjęły pracę po szkoleniach" counts people who completed a training
    // (1.3.3-1 "liczba uczestników szkoleń") and then took up work: a subset of the participants.
    id: "work-after-training-lte-participants",
    kind: "lte",
    left: "1.3.2-2",
    right: "1.3.3-1",
    why: {
      pl: "osoby, które podjęły pracę po szkoleniach, są częścią uczestników szkoleń",
      en: "people who took up work after training are a subset of the training participants",
    },
  },
  {
    // 1.3.2-1 "liczba zrealizowanych obszarów szkoleń": each training area carried out had at least one
    // participant counted in 1.3.3-1 "liczba uczestników szkoleń".
    id: "training-participants-gte-areas",
    kind: "gte-when-positive",
    left: "1.3.3-1",
    right: "1.3.2-1",
    why: {
      pl: "każdy zrealizowany obszar szkoleń miał co najmniej jednego uczestnika",
      en: "every training area carried out had at least one participant",
    },
  },
  {
    // 1.5.1: "liczba osób bezrobotnych i innych uprawnionych objętych programami" (1.5.1-2) ≥ "liczba programów
    // specjalnych realizowanych na rzecz osób bezrobotnych" (1.5.1-1): a programme carried out covers someone.
    id: "special-programmes-people-gte-programmes",
    kind: "gte-when-positive",
    left: "1.5.1-2",
    right: "1.5.1-1",
    why: {
      pl: "każdy realizowany program specjalny obejmuje co najmniej jedną osobę",
      en: "every special programme carried out covers at least one person",
    },
  },
  {
    // 1.5.2: the same pair for programmes financed from national public funds.
    id: "national-programmes-people-gte-programmes",
    kind: "gte-when-positive",
    left: "1.5.2-2",
    right: "1.5.2-1",
    why: {
      pl: "każdy realizowany program obejmuje co najmniej jedną osobę",
      en: "every programme carried out covers at least one person",
    },
  },
  {
    // 1.5.3: "liczba osób … objętych projektami" (1.5.3-2) ≥ "liczba projektów własnych realizowanych na rzecz
    // osób bezrobotnych" (1.5.3-1): an own EU-funded project carried out for the unemployed covers someone.
    id: "own-eu-projects-people-gte-projects",
    kind: "gte-when-positive",
    left: "1.5.3-2",
    right: "1.5.3-1",
    why: {
      pl: "każdy realizowany projekt własny obejmuje co najmniej jedną osobę",
      en: "every own project carried out covers at least one person",
    },
  },
  {
    // 1.5.4: partnership EU projects (1.5.4-1) and the people they cover (1.5.4-2).
    id: "partner-eu-projects-people-gte-projects",
    kind: "gte-when-positive",
    left: "1.5.4-2",
    right: "1.5.4-1",
    why: {
      pl: "każdy projekt partnerski realizowany na rzecz osób bezrobotnych obejmuje co najmniej jedną osobę",
      en: "every partnership project carried out for the unemployed covers at least one person",
    },
  },
  {
    // 1.5.5: partnership projects financed from external funds (1.5.5-1) and the people they cover (1.5.5-2).
    id: "partner-external-projects-people-gte-projects",
    kind: "gte-when-positive",
    left: "1.5.5-2",
    right: "1.5.5-1",
    why: {
      pl: "każdy projekt partnerski realizowany na rzecz osób bezrobotnych obejmuje co najmniej jedną osobę",
      en: "every partnership project carried out for the unemployed covers at least one person",
    },
  },
  {
    // 1.2.1-2 "liczba wystawców na targach pracy" — exhibitors at the job fairs MUP organised, counted in
    // 1.2.1-1 "liczba zorganizowanych targów pracy": no organised fair, no exhibitors.
    id: "fair-exhibitors-need-fairs",
    kind: "positive-implies-positive",
    left: "1.2.1-2",
    right: "1.2.1-1",
    why: {
      pl: "wystawcy są liczeni na targach pracy zorganizowanych przez urząd",
      en: "exhibitors are counted at the job fairs the office organised",
    },
  },
  {
    // 2.2.1-2 "liczba osób bezrobotnych znajdujących się w szczególnej sytuacji na rynku pracy wyrejestrowanych
    // z tytułu podjęcia zatrudnienia" is a subset of 1.2.4-1 "liczba wyrejestrowanych osób z tytułu podjęcia pracy".
    id: "special-situation-deregistered-lte-all-deregistered",
    kind: "lte",
    left: "2.2.1-2",
    right: "1.2.4-1",
    why: {
      pl: "osoby w szczególnej sytuacji wyrejestrowane z tytułu podjęcia pracy są częścią wszystkich wyrejestrowanych z tego tytułu",
      en: "people in a special situation deregistered on taking up work are a subset of everyone deregistered for that reason",
    },
  },
  {
    // 3.2.2-1 "liczba pracodawców korzystających z instrumentów rynku pracy": an employer using the office's
    // labour-market instruments cooperates with it (3.2.1-1 "liczba pracodawców współpracujących z MUP").
    id: "employers-using-instruments-lte-cooperating",
    kind: "lte",
    left: "3.2.2-1",
    right: "3.2.1-1",
    why: {
      pl: "pracodawcy korzystający z instrumentów rynku pracy współpracują z urzędem",
      en: "employers using labour-market instruments cooperate with the office",
    },
  },
  {
    // 3.2.4-1 "liczba nowych pracodawców pozyskanych do współpracy": newly acquired employers are among the
    // employers cooperating with the office that year (3.2.1-1).
    id: "new-employers-lte-cooperating",
    kind: "lte",
    left: "3.2.4-1",
    right: "3.2.1-1",
    why: {
      pl: "nowi pracodawcy pozyskani do współpracy są częścią pracodawców współpracujących z urzędem",
      en: "newly acquired employers are a subset of the employers cooperating with the office",
    },
  },
];

/** Whether a relation holds for two values; null when it does not apply (e.g. right is 0 for gte-when-positive). */
export function relationHolds(kind: RelationKind, left: number, right: number): boolean {
  switch (kind) {
    case "lte":
      return left <= right;
    case "gte-when-positive":
      return right <= 0 || left >= right;
    case "positive-implies-positive":
      return left <= 0 || right > 0;
  }
}

/** The relation written with symbols for messages: "1.3.2-2 ≤ 1.3.3-1". */
export function relationFormula(r: IndicatorRelation): Localized {
  switch (r.kind) {
    case "lte":
      return { pl: `${r.left} ≤ ${r.right}`, en: `${r.left} ≤ ${r.right}` };
    case "gte-when-positive":
      return {
        pl: `${r.left} ≥ ${r.right}, gdy ${r.right} > 0`,
        en: `${r.left} ≥ ${r.right} when ${r.right} > 0`,
      };
    case "positive-implies-positive":
      return {
        pl: `${r.left} > 0 wymaga ${r.right} > 0`,
        en: `${r.left} > 0 requires ${r.right} > 0`,
      };
  }
}
