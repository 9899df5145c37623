/**
 * Polish word forms for the plan's sentences ("co najmniej 48 osób bezrobotnych"): the form after a number
 * (1 / 2–4 / 5+, with 12–14 taking the 5+ form) and the locative after "przy" (1 / other). The sheet's
 * formulas pick the same forms with IF/MOD (see src/workbook/plan/sheet.ts).
 */
import type { CardParameters, GroupId } from "../card/types";

export interface Forms {
  one: string;
  few: string;
  many: string;
  locOne: string;
  locMany: string;
}

/** Persons described by an adjective phrase after "osoba": osoba X-a / osoby X-e / osób X-ych. */
function osoba(one: string, few: string, many: string, loc: string, locMany: string = many): Forms {
  const sp = (s: string) => (s ? ` ${s}` : "");
  return {
    one: `osoba${sp(one)}`,
    few: `osoby${sp(few)}`,
    many: `osób${sp(many)}`,
    locOne: `osobie${sp(loc)}`,
    locMany: `osobach${sp(locMany)}`,
  };
}
const fixed = (s: string) => osoba(s, s, s, s, s);

export function groupForms(g: GroupId | "ended" | "employed", p: CardParameters): Forms {
  switch (g) {
    case "all":
      return {
        one: "uczestnik",
        few: "uczestników",
        many: "uczestników",
        locOne: "uczestniku",
        locMany: "uczestnikach",
      };
    case "unemployed":
      return osoba("bezrobotna", "bezrobotne", "bezrobotnych", "bezrobotnej");
    case "longTermUnemployed":
      return osoba(
        "długotrwale bezrobotna",
        "długotrwale bezrobotne",
        "długotrwale bezrobotnych",
        "długotrwale bezrobotnej",
      );
    case "inactive":
      return osoba("bierna zawodowo", "bierne zawodowo", "biernych zawodowo", "biernej zawodowo");
    case "employedAtStart":
      return osoba("pracująca", "pracujące", "pracujących", "pracującej");
    case "leavingAgriculture":
      return osoba(
        "odchodząca z rolnictwa",
        "odchodzące z rolnictwa",
        "odchodzących z rolnictwa",
        "odchodzącej z rolnictwa",
      );
    case "women":
      return { one: "kobieta", few: "kobiety", many: "kobiet", locOne: "kobiecie", locMany: "kobietach" };
    case "disabled":
      return fixed("z niepełnosprawnościami");
    case "age50plus":
      return fixed(`w wieku ${p.olderAge} lat i więcej`);
    case "lowQualified":
      return fixed("o niskich kwalifikacjach");
    case "other":
      return {
        one: "pozostały uczestnik",
        few: "pozostałych uczestników",
        many: "pozostałych uczestników",
        locOne: "pozostałym uczestniku",
        locMany: "pozostałych uczestnikach",
      };
    case "ipd":
      return fixed("z IPD");
    case "internship":
      return osoba("odbywająca staż", "odbywające staż", "odbywających staż", "odbywającej staż");
    case "internshipCompliant":
      return fixed(
        `ze stażem ${p.internshipMinMonths}–${p.internshipMaxMonths} mies. powiązanym ze szkoleniem`,
      );
    case "trained":
      return osoba("szkolona", "szkolone", "szkolonych", "szkolonej");
    case "trainedWhiteGreen":
      return osoba(
        "szkolona w białej/zielonej gospodarce",
        "szkolone w białej/zielonej gospodarce",
        "szkolonych w białej/zielonej gospodarce",
        "szkolonej w białej/zielonej gospodarce",
      );
    case "trainedQualified":
      return osoba(
        "szkolona z kwalifikacjami",
        "szkolone z kwalifikacjami",
        "szkolonych z kwalifikacjami",
        "szkolonej z kwalifikacjami",
      );
    case "left":
      return osoba(
        "opuszczająca program",
        "opuszczające program",
        "opuszczających program",
        "opuszczającej program",
      );
    case "employedAfterLeaving":
      return osoba(
        "pracująca po programie",
        "pracujące po programie",
        "pracujących po programie",
        "pracującej po programie",
      );
    case "qualifiedAfterLeaving":
      return fixed("z kwalifikacjami po programie");
    case "nonAgriculturalJobAfterLeaving":
      return osoba(
        "pracująca poza rolnictwem",
        "pracujące poza rolnictwem",
        "pracujących poza rolnictwem",
        "pracującej poza rolnictwem",
      );
    case "ended":
      return osoba("kończąca udział", "kończące udział", "kończących udział", "kończącej udział");
    case "employed":
      return osoba("zatrudniona", "zatrudnione", "zatrudnionych", "zatrudnionej");
  }
}

/** 1 → one; 2–4, 22–24, … (not 12–14) → few; else many. */
export function pluralForm(n: number, f: Pick<Forms, "one" | "few" | "many">): string {
  if (n === 1) return f.one;
  const d = n % 10;
  const h = n % 100;
  return d >= 2 && d <= 4 && (h < 12 || h > 14) ? f.few : f.many;
}

export function locForm(n: number, f: Forms): string {
  return n === 1 ? f.locOne : f.locMany;
}

/** Whole numbers as Polish text: 1875 → "1 875" (regular space), as the sheet's formulas write them. */
export function numText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
