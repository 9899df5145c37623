import * as React from "react";
import { formatDateIso, Lang, parseDateInput } from "../domain/i18n";

/**
 * A date field's text follows a language switch (dd.mm.rrrr ↔ yyyy-mm-dd) while it is a date; anything else the
 * user typed stays as it is.
 */
export function useDateFollowingLang(
  lang: Lang,
  setText: React.Dispatch<React.SetStateAction<string>>,
): void {
  const shownIn = React.useRef(lang);
  React.useEffect(() => {
    if (shownIn.current === lang) return;
    shownIn.current = lang;
    setText((v) => {
      const iso = parseDateInput(v);
      return iso === null ? v : formatDateIso(iso, lang);
    });
  }, [lang, setText]);
}
