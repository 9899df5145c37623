/** Text of the Summaries section: Polish by default, English on request. */
import type { Lang, Localized } from "../../domain/i18n";
import { count, formatCount } from "../i18n";

export const S = {
  monitoringTitle: { pl: "Podsumowanie monitoringu", en: "Monitoring summary" },
  monitoringHelp: {
    pl: "Zbiera arkusze „Monitoring RRRR” tego skoroszytu w arkuszu „Podsumowanie”: mierniki wypełnione, z błędami i ostrzeżeniami, wartości w latach i wykres. Formuły odwołują się do arkuszy monitoringu.",
    en: "Gathers this workbook's “Monitoring YYYY” sheets into the “Podsumowanie” sheet: indicators filled, with errors and warnings, values over the years and a chart. Its formulas refer to the monitoring sheets.",
  },
  monitoringButton: { pl: "Utwórz podsumowanie monitoringu", en: "Build the monitoring summary" },
  callTitle: { pl: "Podsumowanie naboru", en: "Call summary" },
  callHelp: {
    pl: "Wybierz pliki projektów (.xlsx lub .csv z rejestrem uczestników): powstanie arkusz z zestawieniem naboru.",
    en: "Choose the projects' files (.xlsx or .csv participant registers): a sheet with the call's overview is built.",
  },
  files: { pl: "Wybierz pliki projektów…", en: "Choose the project files…" },
  filesChosen: { pl: "Wybrane pliki", en: "Files chosen" },
  card: { pl: "Karta oceny", en: "Criteria card" },
  cardFile: { pl: "Wczytaj inną kartę (JSON)…", en: "Load another card (JSON)…" },
  asOf: { pl: "Stan na dzień", en: "As of" },
  callButton: { pl: "Utwórz podsumowanie naboru", en: "Build the call summary" },
  cancel: { pl: "Anuluj", en: "Cancel" },
  cancelled: { pl: "Przerwano. Nic nie zostało zapisane.", en: "Cancelled. Nothing was written." },
  reading: { pl: "Czytanie plików", en: "Reading files" },
  working: { pl: "Trwa tworzenie podsumowania…", en: "Building the summary…" },
  goTo: { pl: "Przejdź do arkusza", en: "Go to the sheet" },
  kept: { pl: "Pozostawiono istniejący arkusz bez zmian.", en: "The existing sheet was kept unchanged." },
  replaceTitle: { pl: "Zastąpić arkusz?", en: "Replace the sheet?" },
  replace: { pl: "Zastąp", en: "Replace" },
  keep: { pl: "Zachowaj arkusz", en: "Keep the sheet" },
  yearCaption: { pl: "Rok", en: "Year" },
  total: { pl: "Razem", en: "Total" },
  problems: { pl: "Pliki pominięte", en: "Files left out" },
  notes: { pl: "Podsumowane, ale z pominięciami", en: "Summarised, with something left out" },
  colArea: { pl: "Obszar / zadanie", en: "Area / task" },
  colIndicators: { pl: "Mierniki", en: "Indicators" },
  colFilled: { pl: "Wypełnione", en: "Filled" },
  colErrors: { pl: "Błędy", en: "Errors" },
  colWarnings: { pl: "Ostrzeżenia", en: "Warnings" },
  colFile: { pl: "Plik", en: "File" },
  colApplicant: { pl: "Wnioskodawca", en: "Applicant" },
  colParticipants: { pl: "Uczestnicy", en: "Participants" },
  colRequired: { pl: "Kryteria obowiązkowe", en: "Required criteria" },
  colPoints: { pl: "Punkty premiujące", en: "Premium points" },
  yes: { pl: "Spełnione", en: "Met" },
  no: { pl: "Niespełnione", en: "Not met" },
  applicantsOverLimit: {
    pl: "Wnioskodawcy ponad limit wniosków",
    en: "Applicants over the application limit",
  },
  sharedPesels: { pl: "PESEL w więcej niż jednym projekcie", en: "PESEL in more than one project" },
} satisfies Record<string, Localized>;

export function t(key: keyof typeof S, lang: Lang): string {
  return S[key][lang];
}

export function replaceText(sheet: string, lang: Lang): string {
  return lang === "pl"
    ? `Arkusz „${sheet}” już istnieje. Zastąpić go nowym podsumowaniem? Zmiany wpisane w nim ręcznie zostaną utracone.`
    : `The sheet “${sheet}” already exists. Replace it with a new summary? Changes typed into it by hand will be lost.`;
}

export function monitoringDoneText(years: number[], indicators: number, sheet: string, lang: Lang): string {
  const ys = years.join(", ");
  const label = years.length === 1 ? (lang === "pl" ? "rok" : "year") : lang === "pl" ? "lata" : "years";
  return lang === "pl"
    ? `Arkusz „${sheet}” gotowy: ${label} ${ys}, ${count(indicators, "indicator", lang)}.`
    : `Sheet “${sheet}” ready: ${label} ${ys}, ${count(indicators, "indicator", lang)}.`;
}

export function callDoneText(projects: number, participants: number, sheet: string, lang: Lang): string {
  return lang === "pl"
    ? `Arkusz „${sheet}” gotowy: ${count(projects, "project", lang)}, ${count(participants, "participant", lang)}.`
    : `Sheet “${sheet}” ready: ${count(projects, "project", lang)}, ${count(participants, "participant", lang)}.`;
}

export function progressText(done: number, total: number, lang: Lang): string {
  return lang === "pl"
    ? `${t("reading", lang)}: ${formatCount(done, lang)} z ${count(total, "fileGen", lang)}`
    : `${t("reading", lang)}: ${formatCount(done, lang)} of ${count(total, "fileGen", lang)}`;
}
