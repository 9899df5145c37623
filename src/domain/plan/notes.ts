/**
 * Notes about a plan sheet's cells that are no finding of the plan itself, worded once for `miernik plan`
 * and the pane's *Plan projektu* part.
 */
import type { CardParameters } from "../card/types";
import { countOf, formatCount, type Localized, NOUNS } from "../i18n";
import { formatPercent } from "../numbers";
import { groupForms, locForm } from "./words";

/**
 * A plan cell holding a share ("100%") where the plan wants a number of persons: read as the fraction (1),
 * which passes the sheet's whole-number checks. `cell` is where it is ("Plan projektu!C12"), `label` the
 * plan item's label; the example count is the share of `participants` (left out while no total is planned).
 */
export function percentCellNote(
  p: { cell: string; label: Localized; value: number },
  participants: number,
  params: CardParameters,
): Localized {
  const example = Math.round(p.value * participants);
  const plExample =
    participants > 0
      ? ` (np. ${formatCount(example, "pl")} przy ${formatCount(participants, "pl")} ${locForm(participants, groupForms("all", params))})`
      : "";
  const enExample =
    participants > 0
      ? ` (e.g. ${formatCount(example, "en")} of ${countOf(participants, NOUNS.participant, "en")})`
      : "";
  return {
    pl:
      `Uwaga: ${p.cell} („${p.label.pl}”) to procent (${formatPercent(p.value, "pl")}), a plan to liczby osób — liczone jako ${formatCount(p.value, "pl")}. ` +
      `Wpisz liczbę osób${plExample} i ustaw format komórki Ogólny lub Liczbowy.`,
    en:
      `Note: ${p.cell} (“${p.label.en}”) is a percentage (${formatPercent(p.value, "en")}), but the plan holds numbers of persons — counted as ${formatCount(p.value, "en")}. ` +
      `Type the number of persons${enExample} and set the cell format to General or Number.`,
  };
}

/** The first 12 cells of a list, then "…". */
function firstCells(cells: readonly string[]): string {
  return (cells.length > 12 ? [...cells.slice(0, 12), "…"] : cells).join(", ");
}

/**
 * A plan sheet whose formula cells hold values (pasted over) or show errors (#REF! after a deleted row),
 * worded for the pane, whose fix is to create the sheet again (every typed number is kept); null when
 * neither. `create` is the pane's button label.
 */
export function damagedSheetNote(
  overwritten: readonly string[],
  broken: readonly string[],
  create: Localized,
): Localized | null {
  if (overwritten.length === 0 && broken.length === 0) return null;
  const pl: string[] = [];
  const en: string[] = [];
  if (overwritten.length > 0) {
    pl.push(
      `Wartość zamiast formuły: ${countOf(overwritten.length, NOUNS.cell, "pl")} (${firstCells(overwritten)}) — arkusz ${overwritten.length === 1 ? "jej" : "ich"} nie przelicza, więc może pokazywać co innego niż ta ocena.`,
    );
    en.push(
      `A value instead of a formula: ${countOf(overwritten.length, NOUNS.cell, "en")} (${firstCells(overwritten)}) — the sheet does not recalculate ${overwritten.length === 1 ? "it" : "them"}, so it may show something else than this evaluation.`,
    );
  }
  if (broken.length > 0) {
    pl.push(
      `Formuła z błędem (#ADR!, #NAZWA? …): ${countOf(broken.length, NOUNS.cell, "pl")} (${firstCells(broken)}) — zwykle po usunięciu wiersza pozycji planu.`,
    );
    en.push(
      `A formula with an error (#REF!, #NAME? …): ${countOf(broken.length, NOUNS.cell, "en")} (${firstCells(broken)}) — usually after a plan item's row was deleted.`,
    );
  }
  pl.push(
    `Kliknij „${create.pl}”: arkusz zostanie zapisany od nowa z wpisanymi liczbami; pozycję bez uczestników zostaw pustą zamiast usuwać wiersz.`,
  );
  en.push(
    `Click “${create.en}”: the sheet is written anew with the numbers typed in it; leave an item without participants empty instead of deleting its row.`,
  );
  return { pl: pl.join(" "), en: en.join(" ") };
}
