/** Text of the pane's shell and Monitoring section: Polish by default, English on request. */
import { Lang, Localized } from "../domain/i18n";

export type { Lang, Localized };

export const UI = {
  appName: { pl: "Miernik", en: "Miernik" },
  tagline: {
    pl: "Monitoring programów rynku pracy (EFS)",
    en: "Monitoring of labour-market programmes (ESF)",
  },
  switchLanguage: { pl: "Switch to English", en: "Przełącz na polski" },
  switchLanguageShort: { pl: "EN", en: "PL" },
  sections: { pl: "Sekcje", en: "Sections" },
  tabMonitoring: { pl: "Monitoring", en: "Monitoring" },
  tabParticipants: { pl: "Uczestnicy", en: "Participants" },
  tabSummaries: { pl: "Podsumowania", en: "Summaries" },
  inProgress: {
    pl: "Ta sekcja jest w przygotowaniu.",
    en: "This section is in progress.",
  },
  standaloneNote: {
    pl: "Miernik działa poza Excelem: pracuje na pliku otwartym powyżej, a wynik pobierasz jako plik .xlsx. Dane nie opuszczają komputera.",
    en: "Miernik runs outside Excel: it works on the file opened above, and you download the result as an .xlsx file. Data never leaves this computer.",
  },
  // Standalone: the open file
  fileBar: { pl: "Plik", en: "File" },
  fileOpen: { pl: "Otwórz plik (.xlsx, .csv)", en: "Open a file (.xlsx, .csv)" },
  fileNone: {
    pl: "Nie otwarto pliku. Otwórz skoroszyt monitoringu lub listę uczestników — plik zostaje w tej przeglądarce.",
    en: "No file is open. Open a monitoring workbook or a participant list — the file stays in this browser.",
  },
  fileOpened: { pl: "Otwarty plik", en: "Open file" },
  fileSheets: { pl: "arkusze", en: "sheets" },
  fileUnsaved: { pl: "zmiany nie są jeszcze pobrane", en: "changes not downloaded yet" },
  fileDownload: { pl: "Pobierz skoroszyt", en: "Download the workbook" },
  fileOpening: { pl: "Otwieranie pliku…", en: "Opening the file…" },
  fileDownloaded: { pl: "Pobrano", en: "Downloaded" },
  privacy: {
    pl: "Dane nie opuszczają skoroszytu. Miernik nie wysyła niczego przez sieć.",
    en: "Data never leaves the workbook. Miernik sends nothing over the network.",
  },
  // Monitoring
  monitoringTitle: { pl: "Tabela monitoringu", en: "Monitoring table" },
  monitoringIntro: {
    pl: "Program Promocji Zatrudnienia i Aktywizacji Rynku Pracy miasta Lublin na lata 2021–2027: jeden arkusz na rok, gotowy do wypełnienia i wydruku.",
    en: "Lublin employment programme 2021–2027: one sheet per year, ready to fill in and print.",
  },
  year: { pl: "Rok", en: "Year" },
  yearHint: {
    pl: "Rok sprawozdawczy, za który powstanie arkusz „Monitoring RRRR”.",
    en: "The reporting year; the sheet is named “Monitoring YYYY”.",
  },
  layOut: { pl: "Rozplanuj szablon", en: "Lay out the template" },
  layOutDownload: { pl: "Pobierz szablon (.xlsx)", en: "Download the template (.xlsx)" },
  layOutIntoFile: {
    pl: "Rozplanuj w otwartym pliku i pobierz",
    en: "Lay out in the open file and download",
  },
  reading: { pl: "Sprawdzanie istniejącego arkusza…", en: "Checking the existing sheet…" },
  writing: { pl: "Zapisywanie układu…", en: "Writing the layout…" },
  done: { pl: "Gotowe", en: "Done" },
  cancelled: {
    pl: "Nic nie zmieniono: układ nie został zastosowany.",
    en: "Nothing changed: the layout was not applied.",
  },
  failed: { pl: "Nie udało się", en: "It did not work" },
  confirmTitle: { pl: "Zastąpić zmienione komórki?", en: "Replace changed cells?" },
  confirmCancel: { pl: "Anuluj", en: "Cancel" },
  confirmReplace: { pl: "Zastąp", en: "Replace" },
  colCell: { pl: "Komórka", en: "Cell" },
  colFound: { pl: "Jest teraz", en: "Now" },
  colWouldBe: { pl: "Będzie", en: "Will be" },
  empty: { pl: "(pusta)", en: "(empty)" },
  validationTitle: { pl: "Sprawdzanie wartości", en: "Checking values" },
} satisfies Record<string, Localized>;

export type UiKey = keyof typeof UI;

export function tr(key: UiKey, lang: Lang): string {
  return UI[key][lang];
}

/** Polish plural forms: 1 komórka, 2–4 komórki, 5+ komórek (12–14 komórek; 22–24 komórki). */
export function plPlural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const d = n % 10;
  const h = n % 100;
  return d >= 2 && d <= 4 && !(h >= 12 && h <= 14) ? few : many;
}

/** "N cells" in the pane's language. */
export function cellCount(n: number, lang: Lang): string {
  return lang === "pl"
    ? `${n} ${plPlural(n, "komórka", "komórki", "komórek")}`
    : `${n} ${n === 1 ? "cell" : "cells"}`;
}

/** Message after a successful layout. */
export function layoutDoneText(
  r: { sheet: string; kept: number; downloaded?: string; fitToPage?: boolean },
  lang: Lang,
): string {
  if (r.downloaded)
    return lang === "pl"
      ? `Zapisano plik ${r.downloaded} z arkuszem „${r.sheet}”.`
      : `Saved ${r.downloaded} with the sheet “${r.sheet}”.`;
  const kept =
    r.kept > 0
      ? lang === "pl"
        ? ` Zachowano wpisane wartości: ${cellCount(r.kept, lang)}.`
        : ` Kept typed values: ${cellCount(r.kept, lang)}.`
      : "";
  // Excel may ignore fit-to-page until Page Layout view has been opened once (office-js issue 1860).
  const fit = r.fitToPage
    ? lang === "pl"
      ? " Przed drukiem otwórz raz Widok → Układ strony, aby Excel dopasował arkusz do szerokości strony."
      : " Before printing, open View → Page Layout once so that Excel fits the sheet to the page width."
    : "";
  return lang === "pl"
    ? `Arkusz „${r.sheet}” jest gotowy.${kept}${fit}`
    : `The sheet “${r.sheet}” is ready.${kept}${fit}`;
}

/** Dialog text before replacing cells the user changed. */
export function confirmText(sheet: string, n: number, lang: Lang): string {
  return lang === "pl"
    ? `W arkuszu „${sheet}” ${n === 1 ? "jedna komórka różni" : `${n} ${plPlural(n, "komórka różni", "komórki różnią", "komórek różni")}`} się od szablonu. Wpisane wartości mierników zostaną zachowane; te komórki zostaną zastąpione treścią szablonu.`
    : `In the sheet “${sheet}”, ${cellCount(n, lang)} differ${n === 1 ? "s" : ""} from the template. Typed indicator values are kept; these cells will be replaced by the template.`;
}

export function moreRowsText(n: number, lang: Lang): string {
  return lang === "pl" ? `…i jeszcze ${cellCount(n, lang)}` : `…and ${cellCount(n, lang)} more`;
}
