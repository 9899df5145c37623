/**
 * Numbers typed as text, Polish style, as staff type (or paste) them into a cell that Excel then keeps as text:
 * "1 796", "1 796" with a non-breaking space (U+00A0), a narrow non-breaking space (U+202F), a thin space
 * (U+2009) or a figure space (U+2007), "76,2%", "83,29 %", "0,5", "-3", "−3" (U+2212 minus).
 *
 * Decisions (Polish conventions):
 * - The comma is ALWAYS the decimal separator: "1,796" is 1.796, never 1796 (English thousands).
 * - A dot is read as a thousands separator when every group after it has exactly three digits and the
 *   first group is 1–3 digits not starting with 0 ("1.796" → 1796, "1.796.000" → 1796000, "1.796,5" → 1796.5);
 *   otherwise a single dot is a decimal point ("0.5", "12.5", "1.79", "0.500" → 0.5), as a number pasted
 *   from an English source would be. "1.796" is therefore 1796: document this wherever it matters.
 * - Spaces (any of the kinds above, or a regular space) are thousands separators only between groups of
 *   exactly three digits ("1 796", "12 345 678"); "17 96" is not a number.
 * - A trailing "%" (optionally after a space) makes it a percent: `value` is then the fraction the cell
 *   should hold ("76,2%" → 0.762) and `isPercent` is true.
 * - A leading "+" or "-" / "−" sign is accepted. Leading/trailing whitespace is ignored.
 */
export interface ParsedNumber {
  /** The number the cell should hold: for a percent, the fraction (76,2% → 0.762). */
  value: number;
  /** The text ended with "%". */
  isPercent: boolean;
}

/** Space characters accepted as thousands separators (and trimmed at the ends). */
export const SPACE_CHARS = [" ", "\u00A0", "\u202F", "\u2009", "\u2007", "\u200A"] as const;

const SP = "[ \\u00A0\\u202F\\u2009\\u2007\\u200A]";
const TRIM = new RegExp(`^(?:${SP}|\\s)+|(?:${SP}|\\s)+$`, "g");
const PERCENT_SUFFIX = new RegExp(`(?:${SP}|\\s)*%$`);
/** Integer part with space-separated thousands. */
const SPACED = new RegExp(`^[1-9]\\d{0,2}(?:${SP}\\d{3})+$`);
const DOTTED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const PLAIN = /^\d+$/;
const FRACTION = /^\d+$/;

/** Decimal string → double without binary drift from scaling ("76.2", -2 → 0.762). */
function decimal(intPart: string, fracPart: string, exp10: number, negative: boolean): number {
  const text = `${negative ? "-" : ""}${intPart}${fracPart ? "." + fracPart : ""}e${exp10}`;
  const v = Number(text);
  return Object.is(v, -0) ? 0 : v;
}

export function parsePolishNumber(input: string): ParsedNumber | null {
  if (typeof input !== "string") return null;
  let s = input.replace(TRIM, "");
  if (s === "") return null;
  let isPercent = false;
  if (PERCENT_SUFFIX.test(s)) {
    isPercent = true;
    s = s.replace(PERCENT_SUFFIX, "");
  }
  let negative = false;
  if (/^[-+\u2212]/.test(s)) {
    negative = s[0] !== "+";
    s = s.slice(1);
  }
  if (s === "") return null;

  let intPart: string;
  let fracPart = "";
  const comma = s.split(",");
  if (comma.length > 2) return null;
  if (comma.length === 2) {
    // Decimal comma; the integer part may use spaces or dots for thousands.
    [intPart, fracPart] = comma;
    if (!FRACTION.test(fracPart)) return null;
    if (intPart === "") intPart = "0"; // ",5"
    if (SPACED.test(intPart)) intPart = intPart.replace(new RegExp(SP, "g"), "");
    else if (DOTTED.test(intPart)) intPart = intPart.replace(/\./g, "");
    else if (!PLAIN.test(intPart)) return null;
  } else if (SPACED.test(s)) {
    intPart = s.replace(new RegExp(SP, "g"), "");
  } else if (DOTTED.test(s)) {
    intPart = s.replace(/\./g, "");
  } else if (PLAIN.test(s)) {
    intPart = s;
  } else {
    const m = /^(\d*)\.(\d+)$/.exec(s); // a single decimal point
    if (!m) return null;
    intPart = m[1] === "" ? "0" : m[1];
    fracPart = m[2];
  }
  const value = decimal(intPart, fracPart, isPercent ? -2 : 0, negative);
  if (!Number.isFinite(value)) return null;
  return { value, isPercent };
}

/** Tolerance under which a double counts as a whole number (formula noise such as 59.000000000001). */
export const INTEGER_TOLERANCE = 1e-9;

export function isWholeNumber(v: number): boolean {
  return Number.isFinite(v) && Math.abs(v - Math.round(v)) < INTEGER_TOLERANCE;
}

/** v / 100 without binary drift (76.2 → 0.762, not 0.7620000000000001). */
export function percentToFraction(v: number): number {
  return Number((v / 100).toPrecision(15));
}

/** A number written for people: "1 796" (NBSP-free regular space), "0,5", "-3" in Polish; "1,796", "0.5" in English. */
export function formatNumber(v: number, lang: "pl" | "en" = "pl"): string {
  if (!Number.isFinite(v)) return String(v);
  const rounded = Number(v.toPrecision(15));
  const negative = rounded < 0;
  const [i, f] = Math.abs(rounded).toString().includes("e")
    ? [Math.abs(rounded).toFixed(0), ""]
    : Math.abs(rounded).toString().split(".");
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "pl" ? " " : ",");
  return `${negative ? "-" : ""}${grouped}${f ? (lang === "pl" ? "," : ".") + f : ""}`;
}

/** A fraction written as a percent: 0.762 → "76,2%" (pl) / "76.2%" (en). */
export function formatPercent(fraction: number, lang: "pl" | "en" = "pl"): string {
  return `${formatNumber(Number((fraction * 100).toPrecision(12)), lang)}%`;
}

/**
 * Decimals (of a percentage) a share needs so that, rounded, it reads on the same side of its threshold as the
 * verdict: 2 399 of 4 000 is 59,975%, which at one decimal reads "60,0%" beside a 60% threshold and "NIE";
 * at two it reads "59,98%". `min` decimals when they already agree (or there is no threshold); at most `max`.
 */
export function verdictDecimals(share: number, threshold: number | null, min = 1, max = 4): number {
  if (threshold === null || !Number.isFinite(share) || !Number.isFinite(threshold)) return min;
  const met = share >= threshold;
  for (let d = min; d < max; d++) {
    const f = 10 ** (d + 2);
    const shown = Math.round(share * f) / f;
    if (shown >= threshold === met) return d;
  }
  return max;
}

/** The share rounded to the decimals (of a percentage) its verdict needs (`verdictDecimals`): 0.59975 → 0.5998. */
export function verdictRounded(share: number, threshold: number | null): number {
  const f = 10 ** (verdictDecimals(share, threshold) + 2);
  return Math.round(share * f) / f;
}

/**
 * A share as a percentage with a fixed number of decimals, one — more when one would read on the other side of
 * `threshold` than the share is: "59,98%" (not "60,0%") beside a 60% threshold, "76,2%", "60,0%"; "—" for none.
 */
export function formatShare(
  share: number | null,
  lang: "pl" | "en" = "pl",
  threshold: number | null = null,
): string {
  if (share === null) return "—";
  const d = verdictDecimals(share, threshold);
  const s = (Math.round(share * 10 ** (d + 2)) / 10 ** d).toFixed(d);
  return `${lang === "pl" ? s.replace(".", ",") : s}%`;
}
