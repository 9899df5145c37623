/**
 * Wrapped-text estimates against what LibreOffice printed (DejaVu Sans, test/print): the register's Status
 * column (width 24) breaks "osoba bezrobotna / zarejestrowana w ewidencji / urzędów pracy"; a criterion label
 * of 62 characters that LibreOffice prints on one line in the 52-wide label column is one line.
 */
import * as fs from "fs";
import {
  ADVANCE_WIDTHS,
  fittedLines,
  fittedRowHeight,
  textUnits,
  unbrokenWidth,
} from "../../src/workbook/textFit";

const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/** Advance widths (font units) by character, read from a TrueType file's cmap (format 4) and hmtx tables. */
function fontAdvances(file: string): (ch: string) => number {
  const b = fs.readFileSync(file);
  const table: Record<string, number> = {};
  for (let i = 0; i < b.readUInt16BE(4); i++)
    table[b.toString("ascii", 12 + 16 * i, 16 + 16 * i)] = b.readUInt32BE(20 + 16 * i);
  const metrics = b.readUInt16BE(table.hhea + 34);
  const cmap = table.cmap;
  let sub = 0;
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++)
    if (b.readUInt16BE(cmap + 4 + 8 * i) === 3 && b.readUInt16BE(cmap + 6 + 8 * i) === 1)
      sub = cmap + b.readUInt32BE(cmap + 8 + 8 * i);
  const segs = b.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const offsets = deltas + 2 * segs;
  const glyph = (c: number): number => {
    for (let i = 0; i < segs; i++) {
      if (c > b.readUInt16BE(ends + 2 * i)) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (c < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const off = b.readUInt16BE(offsets + 2 * i);
      if (off === 0) return (c + delta) & 0xffff;
      const g = b.readUInt16BE(offsets + 2 * i + off + 2 * (c - start));
      return g ? (g + delta) & 0xffff : 0;
    }
    return 0;
  };
  return (ch) => b.readUInt16BE(table.hmtx + 4 * Math.min(glyph(ch.codePointAt(0)!), metrics - 1));
}

describe("wrapped-text estimates", () => {
  (fs.existsSync(DEJAVU) ? test : test.skip)("the advance widths are DejaVu Sans's own", () => {
    const advance = fontAdvances(DEJAVU);
    for (const [ch, w] of Object.entries(ADVANCE_WIDTHS)) expect({ ch, w }).toEqual({ ch, w: advance(ch) });
    expect(advance("0")).toBe(1303);
  });

  test("line breaks where LibreOffice broke them", () => {
    expect(textUnits("zarejestrowana w ewidencji")).toBeLessThan(24 - 0.4);
    expect(textUnits("niezarejestrowana w ewidencji")).toBeGreaterThan(24 - 0.4);
    expect(fittedLines("osoba bezrobotna zarejestrowana w ewidencji urzędów pracy", 24)).toBe(3);
    expect(fittedLines("osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy", 24)).toBe(3);
    expect(fittedLines("Staże 3–6 miesięcy powiązane ze szkoleniem lub kwalifikacjami", 52)).toBe(1);
    expect(fittedLines("ponadgimnazjalne (ISCED 3)", 20)).toBe(2);
    expect(fittedLines("Tak", 6.5)).toBe(1);
    expect(fittedLines("", 10)).toBe(1);
  });

  test("hyphenated words break after the hyphen; a word wider than the column inside; bold is wider", () => {
    expect(fittedLines("Szczepańska-Grzegorzewska", 13)).toBe(2);
    expect(fittedLines("Wolfeschlegelsteinhausenbergerdorff", 13)).toBe(3);
    expect(fittedLines("a\nb", 10)).toBe(2);
    expect(textUnits("niepełnosprawnościami", true)).toBeGreaterThan(textUnits("niepełnosprawnościami"));
    // The register's widest header word unbroken in its column, bold.
    expect(fittedLines("Osoba z niepełnosprawnościami", 25, true)).toBe(2);
  });

  test("unbrokenWidth: the narrowest column no word of the text breaks in (hyphenated words at the hyphen)", () => {
    for (const [text, bold] of [
      ["Kryteria obowiązkowe spełnione", true],
      ["Osoba z niepełnosprawnościami", false],
    ] as const) {
      const w = unbrokenWidth(text, bold);
      // At that width every word keeps to one line; half a unit less breaks the longest inside.
      for (const word of text.split(" "))
        expect({ word, lines: fittedLines(word, w, bold) }).toEqual({ word, lines: 1 });
      expect(text.split(" ").some((word) => fittedLines(word, w - 0.5, bold) > 1)).toBe(true);
    }
    // A hyphenated word may wrap after its hyphen, not inside its parts.
    const w = unbrokenWidth("Publiczno-Społecznego", true);
    expect(w).toBeLessThan(textUnits("Publiczno-Społecznego", true));
    expect(fittedLines("Publiczno-Społecznego", w, true)).toBe(2);
    expect(fittedLines("Publiczno-Społecznego", w - 0.5, true)).toBeGreaterThan(2);
  });

  test("row heights: Excel's 15 pt a line of 11-point text (the default row for one), scaled with the font", () => {
    expect(fittedRowHeight(1)).toBe(15);
    expect(fittedRowHeight(0)).toBe(15);
    expect(fittedRowHeight(2)).toBe(30);
    expect(fittedRowHeight(3)).toBe(44.5);
    expect(fittedRowHeight(2, 22)).toBe(60);
  });
});
