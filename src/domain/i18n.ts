/** User-facing text comes in Polish (default) and English. */
export type Lang = "pl" | "en";

export interface Localized {
  pl: string;
  en: string;
}

export function t(text: Localized, lang: Lang): string {
  return text[lang];
}
