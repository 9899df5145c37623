import { addDays, completedYears, isoToSerial, parseDate, serialToIso } from "../../src/domain/dates";

describe("dates", () => {
  it("serial ↔ ISO on the 1900 system", () => {
    expect(serialToIso(25569)).toBe("1970-01-01");
    expect(serialToIso(45292)).toBe("2024-01-01");
    expect(isoToSerial("2024-01-01")).toBe(45292);
    expect(isoToSerial("2023-02-29")).toBeNull();
  });
  it("parses serials, ISO and DD.MM.YYYY text", () => {
    expect(parseDate(45292)).toBe(45292);
    expect(parseDate(45292.75)).toBe(45292);
    expect(parseDate("2024-01-01")).toBe(45292);
    expect(parseDate("01.01.2024")).toBe(45292);
    expect(parseDate("31.02.2024")).toBeNull();
    expect(parseDate("jutro")).toBeNull();
  });
  it("completed years and day arithmetic", () => {
    const b = isoToSerial("1974-03-15") as number;
    expect(completedYears(b, isoToSerial("2024-03-14") as number)).toBe(49);
    expect(completedYears(b, isoToSerial("2024-03-15") as number)).toBe(50);
    expect(serialToIso(addDays(isoToSerial("2024-01-01") as number, 90))).toBe("2024-03-31");
  });
});
