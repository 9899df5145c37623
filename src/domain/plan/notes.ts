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
