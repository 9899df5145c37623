/**
 * A file's size for people: "340 KB", "12,3 MB" (pl) / "12.3 MB" (en), number and unit joined by a no-break
 * space; decimal units, as file managers show them. A module of its own (not ./numbers.ts): the file bar is on
 * the pane's first screen, and this keeps the number parser and formatter out of the first load.
 */
export function formatFileSize(bytes: number, lang: "pl" | "en" = "pl"): string {
  const out = (v: number, unit: string) =>
    // A no-break space: "12,3 MB" never breaks at the end of a 320 px line ("(12,3" | "MB)").
    `${lang === "pl" ? String(v).replace(".", ",") : String(v)}\u00a0${unit}`;
  if (bytes < 1000) return out(bytes, "B");
  const kb = Math.round(bytes / 1e3);
  if (kb < 1000) return out(kb, "KB");
  const mb = Number((bytes / 1e6).toFixed(1));
  if (mb < 1000) return out(mb, "MB");
  return out(Number((bytes / 1e9).toFixed(1)), "GB");
}
