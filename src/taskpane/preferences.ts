/** Preferences the pane remembers between sessions (through the SettingsStore of src/platform/helpers). */
import type { Lang } from "../domain/i18n";
import type { SettingsStore } from "../platform/helpers";

export interface Preferences {
  lang: Lang;
  /** The last year laid out or chosen, if any. */
  year?: number;
}

const LANG = "lang";
const YEAR = "year";

export function loadPreferences(store: SettingsStore, years?: { first: number; last: number }): Preferences {
  const lang: Lang = store.get(LANG) === "en" ? "en" : "pl";
  const raw = store.get(YEAR);
  const y = raw !== undefined && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  const year = y !== undefined && (!years || (y >= years.first && y <= years.last)) ? y : undefined;
  return { lang, year };
}

export function saveLang(store: SettingsStore, lang: Lang): void {
  store.set(LANG, lang);
}

export function saveYear(store: SettingsStore, year: number): void {
  store.set(YEAR, String(year));
}
