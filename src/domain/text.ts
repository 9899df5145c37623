/** Text matching helpers: case, whitespace (incl. NBSP), diacritics. */

const EXTRA: Record<string, string> = { ł: "l", Ł: "l", đ: "d", ø: "o" };

/** Lower case, no diacritics (ł → l), dashes unified, every whitespace run (NBSP, tabs, newlines) → one space, trimmed. */
export function normalizeText(s: string): string {
  if (plainAscii(s)) return s.toLowerCase();
  let n = NORMALIZED.get(s);
  if (n === undefined) {
    n = s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łŁđø]/g, (c) => EXTRA[c])
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .toLowerCase()
      .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
      .trim();
    if (NORMALIZED.size >= 4096) NORMALIZED.clear();
    NORMALIZED.set(s, n);
  }
  return n;
}

/**
 * Texts already normalised that were not plain ASCII, bounded: the reader and the import preview ask for the
 * same few allowed values (statuses, education levels) on every row (issue 15).
 */
const NORMALIZED = new Map<string, string>();

/**
 * Printable ASCII (space included) with no space at either end and no two in a row: for such a string
 * `normalizeText` only lowers the case (Unicode normalisation and the replacements change nothing), so it
 * is spared them — the import preview normalises every value of every row.
 */
function plainAscii(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c === 0x20 && prev === 0x20)) return false;
    prev = c;
  }
  return true;
}

/** Header matching key: like normalizeText, also ignoring spaces entirely ("Okres bez pracy(mies.)"). */
export function headerKey(s: string): string {
  return normalizeText(s).replace(/ /g, "");
}

/**
 * The allowed value `value` is a slip of (differs only in case, spacing or diacritics), or null.
 * An exact match returns the value itself.
 */
export function nearestAllowed(value: string, allowed: readonly string[]): string | null {
  if (allowed.includes(value)) return value;
  const k = normalizeText(value);
  return allowed.find((a) => normalizeText(a) === k) ?? null;
}

/** Text that a spreadsheet would take as a formula if written as a plain value. */
export function looksLikeFormula(s: string): boolean {
  // As /^[=+\-@]/ without a regular expression (the row checks ask it of two names per row).
  const c = s.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40;
}

/** `s.trim() === ""`, without trimming when the first character is printable ASCII (most cells). */
export function isBlank(s: string): boolean {
  const c = s.length === 0 ? 0 : s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return s.trim() === "";
}
