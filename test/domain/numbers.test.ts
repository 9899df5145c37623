import { formatFileSize } from "../../src/domain/fileSize";
import {
  formatNumber,
  formatPercent,
  isWholeNumber,
  parsePolishNumber,
  percentToFraction,
  verdictDecimals,
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

describe("verdictDecimals: a share reads on the side of its threshold the verdict is on", () => {
  test.each([
    [2399 / 4000, 0.6, 2], // 59,975% would read 60,0% at one decimal
    [1199 / 2000, 0.6, 2], // 59,95%
    [0.6, 0.6, 1],
    [24 / 40, 0.6, 1],
    [1999 / 2000, 1, 2], // 99,95% under a 100% threshold, not "100,0%"
    [99999 / 100000, 1, 3],
    [1 / 3, 0.33, 1],
    [0.5, null, 1],
  ])("%d against %p: %d decimals", (share, threshold, want) => {
    expect(verdictDecimals(share, threshold)).toBe(want);
    const f = 10 ** (want + 2);
    expect(Math.round(share * f) / f >= (threshold ?? 0)).toBe(share >= (threshold ?? 0));
  });
});

describe("formatFileSize: a file's size as the file bar shows it while the file opens (number and unit never split)", () => {
  it.each([
    [0, "0\u00a0B", "0\u00a0B"],
    [999, "999\u00a0B", "999\u00a0B"],
    [1000, "1\u00a0KB", "1\u00a0KB"],
    [340_400, "340\u00a0KB", "340\u00a0KB"],
    [999_499, "999\u00a0KB", "999\u00a0KB"],
    [999_500, "1\u00a0MB", "1\u00a0MB"],
    [12_345_678, "12,3\u00a0MB", "12.3\u00a0MB"],
    [1_234_567_890, "1,2\u00a0GB", "1.2\u00a0GB"],
  ])("%d bytes: %s / %s", (bytes, pl, en) => {
    expect(formatFileSize(bytes, "pl")).toBe(pl);
    expect(formatFileSize(bytes, "en")).toBe(en);
  });
});
