/**
 * How many lines a wrapped cell's text takes and how tall its row must be, estimated from the text itself:
 * for row heights that Excel and LibreOffice do not compute on opening a file (LibreOffice never fits the
 * rows of an .xlsx it opens; Excel fits rows whose height is not marked custom).
 *
 * Widths are measured in column-width units, which are digit widths of the workbook's default font: text is
 * measured with the advance widths of DejaVu Sans (LibreOffice's stand-in for Calibri on Linux) divided by its
 * digit width. Letters relative to digits are about as wide in Calibri (Excel) as in DejaVu Sans, slightly
 * narrower, so the estimate is right for LibreOffice and never short in Excel.
 */

/**
 * DejaVu Sans advance widths (1/2048 em) of the characters registers and criteria labels use (the font file's
 * own: test/workbook/textFit.test.ts reads them from it where it is installed).
 */
// prettier-ignore
const ADVANCE: Record<string, number> = {
  " ": 651, "!": 821, '"': 942, "#": 1716, $: 1303, "%": 1946, "&": 1597, "'": 563, "(": 799, ")": 799,
  "*": 1024, "+": 1716, ",": 651, "-": 739, ".": 651, "/": 690, ":": 690, ";": 690, "<": 1716, "=": 1716,
  ">": 1716, "?": 1087, "@": 2048, "[": 799, "\\": 690, "]": 799, _: 1024, "–": 1024, "—": 2048, "„": 1061,
  "”": 1061, "“": 1061, "→": 1716, "≥": 1716, "≤": 1716, A: 1401, B: 1405, C: 1430, D: 1577, E: 1294, F: 1178,
  G: 1587, H: 1540, I: 604, J: 604, K: 1343, L: 1141, M: 1767, N: 1532, O: 1612, P: 1235, Q: 1612, R: 1423,
  S: 1300, T: 1251, U: 1499, V: 1401, W: 2025, X: 1403, Y: 1251, Z: 1403, a: 1255, b: 1300, c: 1126, d: 1300,
  e: 1260, f: 721, g: 1300, h: 1298, i: 569, j: 569, k: 1186, l: 569, m: 1995, n: 1298, o: 1253, p: 1300,
  q: 1300, r: 842, s: 1067, t: 803, u: 1298, v: 1212, w: 1675, x: 1212, y: 1212, z: 1075, ą: 1255, ć: 1126,
  ę: 1260, ł: 582, ń: 1298, ó: 1253, ś: 1067, ź: 1075, ż: 1075, Ą: 1401, Ć: 1430, Ę: 1294, Ł: 1151, Ń: 1532,
  Ó: 1612, Ś: 1300, Ź: 1403, Ż: 1403,
};
const DIGIT = 1303;
/** Bold text (headers) is about this much wider (DejaVu Sans Bold 1.11, DejaVu Serif Bold 1.13 on average). */
const BOLD = 1.13;
/** Cell padding: the part of a column's width text cannot use (units). */
const PADDING = 0.4;

/** The table, for the test that checks it against the font file. */
export const ADVANCE_WIDTHS: Readonly<Record<string, number>> = ADVANCE;

/** Advance widths by UTF-16 code unit (0 = not in the table): a lookup per character, for registers of 100 000 rows. */
const BY_CODE = (() => {
  const a = new Uint16Array(0x2300);
  for (const [ch, w] of Object.entries(ADVANCE)) a[ch.charCodeAt(0)] = w;
  for (let d = 48; d <= 57; d++) a[d] = DIGIT;
  return a;
})();
/** A character not in the table: as wide as a capital. */
const OTHER = 1400;

/** The width of `text` on one line, in column-width units (digit widths), at any font size the column's own. */
export function textUnits(text: string, bold = false): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    w += (c < BY_CODE.length ? BY_CODE[c] : 0) || OTHER;
  }
  return (w / DIGIT) * (bold ? BOLD : 1);
}

/** A word's pieces a line may break after: its parts up to and with each hyphen (the hyphen stays with its part). */
const BREAK_PIECES = /[^-]+-*|-+/g;

/**
 * The lines `text` wraps to in a column `width` units wide: breaks at spaces and after hyphens, as Excel and
 * LibreOffice do; a word wider than the column is broken inside (both applications do), taking its share of lines.
 */
export function fittedLines(text: string, width: number, bold = false): number {
  const avail = Math.max(1, width - PADDING);
  if (!text.includes("\n") && textUnits(text, bold) <= avail) return 1;
  const space = textUnits(" ", bold);
  let lines = 0;
  for (const para of text.split("\n")) {
    lines++;
    let line = 0;
    // Pieces a line may break after: words, and the parts of hyphenated words (the hyphen stays with its part).
    for (const word of para.split(" ")) {
      const parts = word.match(BREAK_PIECES) ?? [""];
      parts.forEach((part, k) => {
        const w = textUnits(part, bold);
        const gap = k === 0 && line > 0 ? space : 0;
        if (line > 0 && line + gap + w > avail) {
          lines++;
          line = 0;
        }
        if (w > avail) {
          // Broken inside: full lines, the rest starts the next one.
          lines += Math.ceil(w / avail) - 1;
          line = w - (Math.ceil(w / avail) - 1) * avail;
        } else line += (line > 0 ? gap : 0) + w;
      });
    }
  }
  return lines;
}

/**
 * The narrowest column width (units) in which `text` wraps without breaking a word: its widest piece (words,
 * and the parts of hyphenated words, as `fittedLines` breaks them) and the cell's padding.
 */
export function unbrokenWidth(text: string, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/))
    for (const part of word.match(BREAK_PIECES) ?? []) widest = Math.max(widest, textUnits(part, bold));
  return widest + PADDING;
}

/** `width`, widened (to a half unit) where a word of the bold header `header` would break inside it. */
export function widthForHeader(width: number, header: string): number {
  return Math.max(width, Math.ceil(unbrokenWidth(header, true) * 2) / 2);
}

/**
 * The height (points) of a row whose tallest cell has `lines` lines of 11-point text. Excel's lines of Calibri
 * take about 15 pt (its default row), LibreOffice's of DejaVu Sans 12.8: the height is Excel's, as the
 * in-memory .xlsx writers (ExcelJS) can only write a height as a custom one, which Excel keeps.
 */
export function fittedRowHeight(lines: number, fontSize = 11): number {
  const n = Math.max(1, lines);
  return Math.round((n === 1 ? 15 : n * 14.5 + 1) * (fontSize / 11) * 4) / 4;
}
