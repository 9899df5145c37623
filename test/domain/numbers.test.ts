import {
  formatNumber,
  formatPercent,
  isWholeNumber,
  parsePolishNumber,
  percentToFraction,
} from "../../src/domain/numbers";

describe("parsePolishNumber", () => {
  test.each<[string, number, boolean]>([
    ["1796", 1796, false],
    ["1 796", 1796, false],
    ["1\u00A0796", 1796, false],
    ["1\u202F796", 1796, false],
    ["1\u2009796", 1796, false],
    ["1\u2007796", 1796, false],
    ["12 345 678", 12345678, false],
    ["  1 796  ", 1796, false],
    ["\u00A01 796\u00A0", 1796, false],
    ["76,2%", 0.762, true],
    ["83,29 %", 0.8329, true],
    ["83,29\u00A0%", 0.8329, true],
    ["100%", 1, true],
    ["0%", 0, true],
    ["0,5", 0.5, false],
    [",5", 0.5, false],
    ["-3", -3, false],
    ["\u22123", -3, false],
    ["+7", 7, false],
    ["1.796", 1796, false],
    ["1.796.000", 1796000, false],
    ["1.796,5", 1796.5, false],
    ["1 796,25", 1796.25, false],
    ["1,796", 1.796, false],
    ["0.5", 0.5, false],
    ["12.5", 12.5, false],
    ["1.79", 1.79, false],
    ["0.500", 0.5, false],
    ["-0", 0, false],
  ])("%j → %d (percent %s)", (text, value, isPercent) => {
    expect(parsePolishNumber(text)).toEqual({ value, isPercent });
  });

  test.each([
    "",
    "   ",
    "abc",
    "12a",
    "17 96",
    "1 7960",
    "1,2,3",
    "1.2.3",
    "%",
    "-",
    "1 796 ,5",
    "1..2",
    "nie dotyczy",
    "5 osób",
    "--3",
    "1e5",
    "0x10",
    "1 796%%",
  ])("%j is not a number", (text) => {
    expect(parsePolishNumber(text)).toBeNull();
  });

  test("percent parsing has no binary drift", () => {
    expect(parsePolishNumber("76,2%")!.value).toBe(0.762);
    expect(parsePolishNumber("57,3%")!.value).toBe(0.573);
  });
});

describe("helpers", () => {
  test("isWholeNumber tolerates formula noise only", () => {
    expect(isWholeNumber(59)).toBe(true);
    expect(isWholeNumber(59.0000000000001)).toBe(true);
    expect(isWholeNumber(59.5)).toBe(false);
    expect(isWholeNumber(59.001)).toBe(false);
    expect(isWholeNumber(NaN)).toBe(false);
  });
  test("percentToFraction", () => {
    expect(percentToFraction(76.2)).toBe(0.762);
    expect(percentToFraction(83.29)).toBe(0.8329);
    expect(percentToFraction(100)).toBe(1);
  });
  test("formatting", () => {
    expect(formatNumber(1796)).toBe("1 796");
    expect(formatNumber(1796, "en")).toBe("1,796");
    expect(formatNumber(0.5)).toBe("0,5");
    expect(formatNumber(-1234567.25)).toBe("-1 234 567,25");
    expect(formatPercent(0.762)).toBe("76,2%");
    expect(formatPercent(0.8329, "en")).toBe("83.29%");
  });
});
