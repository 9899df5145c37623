import { isBlank, normalizeText } from "../../src/domain/text";

/** normalizeText as it was before its plain-ASCII shortcut: the whole pipeline for every string. */
function fullPipeline(s: string): string {
  const extra: Record<string, string> = { ł: "l", Ł: "l", đ: "d", ø: "o" };
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[łŁđø]/g, (c) => extra[c])
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .toLowerCase()
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim();
}

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe("normalizeText", () => {
  const pieces = [
    "a",
    "Z",
    " ",
    "  ",
    "\t",
    "\n",
    "ą",
    "Ł",
    "ó",
    "\u00a0",
    "\u2013",
    "-",
    "1",
    "|",
    "~",
    "é",
    "e\u0301",
    "ß",
    "İ",
    "\u202f",
  ];

  it("gives what the whole pipeline gives, for plain ASCII and everything else", () => {
    const r = rng(7);
    for (let i = 0; i < 5000; i++) {
      let s = "";
      const n = Math.floor(r() * 8);
      for (let j = 0; j < n; j++) s += pieces[Math.floor(r() * pieces.length)];
      expect(normalizeText(s)).toBe(fullPipeline(s));
    }
  });

  it("lowers plain ASCII and folds the rest", () => {
    expect(normalizeText("Osoba Bierna")).toBe("osoba bierna");
    expect(normalizeText(" Osoba  Bierna ")).toBe("osoba bierna");
    expect(normalizeText("Mężczyzna")).toBe("mezczyzna");
    expect(normalizeText("a\tb")).toBe("a b");
    expect(normalizeText("")).toBe("");
  });
});

describe("isBlank", () => {
  it("is trim() === '' for every kind of string", () => {
    for (const s of ["", " ", "\u00a0", "\t\n", " a", "a", "\u2003", "x ", "\u00a0x"])
      expect(isBlank(s)).toBe(s.trim() === "");
  });
});
