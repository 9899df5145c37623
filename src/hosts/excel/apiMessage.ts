/** The message for an Excel without a requirement set Miernik needs (a module of its own: the pane's first screen checks it). */
import type { Localized } from "../../domain/i18n";

export const API_NOT_FOUND_MESSAGE: Localized = {
  pl: "Ta wersja Excela nie obsługuje potrzebnej funkcji dodatków (brak zestawu wymagań ExcelApi). Zaktualizuj Excela lub użyj Excela w przeglądarce.",
  en: "This version of Excel lacks an add-in feature Miernik needs (ExcelApi requirement set missing). Update Excel or use Excel on the web.",
};
