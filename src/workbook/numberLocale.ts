/**
 * The language of a sheet's number formats (`[$-415]`, Polish), so that a Polish sheet shows and prints
 * `1 796` and `76,2%` wherever it is opened. LibreOffice takes the separators of a number format from the
 * format's language and, without one, from the machine's locale: the same workbook printed `1,796` and `76.2%`
 * on an English-language machine. Excel takes them from the system settings whatever the tag says (a Polish
 * user sees the same), so the tag changes nothing there. English sheets keep untagged formats: they follow
 * the reader's locale, as English-speaking readers expect.
 */
import { Lang } from "../domain/i18n";
import { SheetPlan } from "./plan";

/** Polish (LCID 0x0415) as a number format's language tag. */
export const POLISH_FORMAT_TAG = "[$-415]";

/** Sections of a number format (split at `;` outside quoted text, escapes and brackets). */
function sections(format: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (quoted) {
      if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "\\") i++;
    else if (c === "[") bracket = true;
    else if (c === "]") bracket = false;
    else if (c === ";" && !bracket) {
      out.push(format.slice(start, i));
      start = i + 1;
    }
  }
  out.push(format.slice(start));
  return out;
}

/**
 * `format` in the sheet's language: for Polish, each section that shows a number tagged `[$-415]`; the text
 * format `@`, `General`, an empty section and a section already carrying a language (`[$-…]`) stay as they
 * are. Idempotent.
 */
export function formatInLanguage(format: string, lang: Lang): string {
  if (lang !== "pl") return format;
  return sections(format)
    .map((s) => {
      const t = s.trim();
      if (t === "" || t === "@" || /^general$/i.test(t) || /\[\$-/.test(s)) return s;
      return POLISH_FORMAT_TAG + s;
    })
    .join(";");
}

/** The sheet with every number format of its cell formats in the sheet's language (`formatInLanguage`). */
export function withFormatLanguage(sheet: SheetPlan, lang: Lang): SheetPlan {
  if (lang !== "pl") return sheet;
  sheet.formats = sheet.formats.map((f) =>
    f.style.numberFormat === undefined
      ? f
      : { ...f, style: { ...f.style, numberFormat: formatInLanguage(f.style.numberFormat, lang) } },
  );
  return sheet;
}
