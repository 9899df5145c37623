/** Text of the pane's shell and Monitoring section: Polish by default, English on request. */
import {
  capitalize,
  countOf,
  formatCount,
  formatDateIso,
  Lang,
  Localized,
  NOUNS,
  type Noun,
  pluralForm,
} from "../domain/i18n";

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
  // Standalone: the open file
  fileBar: { pl: "Plik", en: "File" },
  fileOpen: { pl: "Otwórz plik…", en: "Open a file…" },
  fileOpenOther: { pl: "Otwórz inny plik…", en: "Open another file…" },
  fileNone: {
    pl: "Otwórz skoroszyt monitoringu albo listę uczestników (.xlsx, .csv) — albo zacznij od nowego arkusza poniżej.",
    en: "Open a monitoring workbook or a participant list (.xlsx, .csv) — or start from a new sheet below.",
  },
  fileDownload: { pl: "Pobierz skoroszyt", en: "Download the workbook" },
  fileClose: { pl: "Zamknij plik", en: "Close the file" },
  fileDownloaded: { pl: "Pobrano", en: "Downloaded" },
  discardTitle: { pl: "Odrzucić niepobrane zmiany?", en: "Discard the changes not downloaded?" },
  discardAndOpen: { pl: "Odrzuć zmiany i otwórz", en: "Discard and open" },
  discardAndClose: { pl: "Odrzuć zmiany i zamknij", en: "Discard and close" },
  // The workbook's state at a glance
  stateLabel: { pl: "Stan skoroszytu", en: "Workbook state" },
  stateExcel: { pl: "Skoroszyt Excela", en: "Excel workbook" },
  stateNoFile: { pl: "Brak otwartego pliku", en: "No file open" },
  stateYear: { pl: "Rok", en: "Year" },
  stateRegister: { pl: "Rejestr", en: "Register" },
  statePresent: { pl: "jest", en: "present" },
  stateAbsent: { pl: "brak", en: "none" },
  stateUnsaved: { pl: "Niepobrane zmiany", en: "Changes not downloaded" },
  stateSaved: { pl: "Bez niepobranych zmian", en: "No changes to download" },
  privacyExcel: {
    pl: "Dane zostają w skoroszycie: Miernik niczego nie wysyła przez sieć.",
    en: "Data stays in the workbook: Miernik sends nothing over the network.",
  },
  privacyStandalone: {
    pl: "Pliki są czytane i zapisywane tylko w tej przeglądarce: Miernik niczego nie wysyła przez sieć.",
    en: "Files are read and written only in this browser: Miernik sends nothing over the network.",
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
  yearFromFile: {
    pl: "Wybrano rok arkusza z otwartego pliku.",
    en: "The year of the open file's sheet was chosen.",
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

export { NOUNS, type Noun };

/** "5 plików" / "22 pliki" / "1 file" — number (Intl.NumberFormat) and noun (Intl.PluralRules). */
export function count(n: number, noun: Noun, lang: Lang): string {
  return countOf(n, NOUNS[noun], lang);
}

/** "N cells" in the pane's language. */
export function cellCount(n: number, lang: Lang): string {
  return count(n, "cell", lang);
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
  const differ = pluralForm(
    n,
    { pl: { one: "różni", few: "różnią", many: "różni" }, en: { one: "differs", other: "differ" } },
    lang,
  );
  return lang === "pl"
    ? `W arkuszu „${sheet}” ${cellCount(n, lang)} ${differ} się od szablonu. Wpisane wartości mierników zostaną zachowane; te komórki zostaną zastąpione treścią szablonu.`
    : `In the sheet “${sheet}”, ${cellCount(n, lang)} ${differ} from the template. Typed indicator values are kept; these cells will be replaced by the template.`;
}

export function moreRowsText(n: number, lang: Lang): string {
  return lang === "pl" ? `…i jeszcze ${cellCount(n, lang)}` : `…and ${cellCount(n, lang)} more`;
}

/**
 * A card file that cannot be loaded (Participants and Summaries): which file, that it is no criteria card,
 * what to do. The parser's detail only in English (it is English; a Polish screen shows no English).
 */
export function badCardText(file: string, detail: string): Localized {
  return {
    pl: `Nie można wczytać karty z pliku „${file}”: plik nie jest poprawną kartą oceny w formacie JSON. Sprawdź jego treść albo użyj karty wbudowanej.`,
    en: `Cannot load a card from “${file}”: the file is not a valid criteria card in JSON. Check its contents or use the built-in card. Details: ${detail}`,
  };
}

/** The workbook's state line: "Rok 2023 · rejestr: jest · zmiany niepobrane". */
export { capitalize, formatCount, formatDateIso, pluralForm };
