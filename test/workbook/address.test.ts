import {
  a1,
  columnIndex,
  columnLetters,
  parseA1,
  parseRange,
  quoteSheet,
  rangeA1,
} from "../../src/workbook/address";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [29, "AD"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (i, s) => {
    expect(columnLetters(i)).toBe(s);
    expect(columnIndex(s)).toBe(i);
  });

  it("formats cells and ranges", () => {
    expect(a1(4, 1)).toBe("B5");
    expect(a1(4, 1, true)).toBe("$B$5");
    expect(rangeA1(0, 0, 1, 1)).toBe("A1");
    expect(rangeA1(3, 0, 10, 8)).toBe("A4:H13");
  });

  it("parses cells and ranges", () => {
    expect(parseA1("$C$10")).toEqual({ row: 9, col: 2 });
    expect(parseRange("B2:D5")).toEqual({ row: 1, col: 1, rows: 4, cols: 3 });
    expect(parseRange("D5:B2")).toEqual({ row: 1, col: 1, rows: 4, cols: 3 });
    expect(() => parseA1("5B")).toThrow(RangeError);
  });

  it("quotes sheet names that need it", () => {
    expect(quoteSheet("Uczestnicy")).toBe("Uczestnicy");
    expect(quoteSheet("Monitoring 2023")).toBe("'Monitoring 2023'");
    expect(quoteSheet("Kryteria 9.1")).toBe("'Kryteria 9.1'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
  });
});
