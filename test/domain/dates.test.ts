import {
  addDays,
  completedYears,
  isoToSerial,
  parseDate,
  readDate,
  serialToIso,
} from "../../src/domain/dates";

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

describe("dates as users write them (issue 12)", () => {
  const day = isoToSerial("2024-03-15") as number;
  it.each([
    "2024-03-15",
    "15.03.2024",
    "15.3.2024",
    "15/03/2024",
    "15-03-2024",
    "2024.03.15",
    "2024/03/15",
    "2024-03-15 00:00:00",
    "15.03.2024 00:00",
    "2024-03-15T00:00:00",
    "03/15/2024",
    String(day),
  ])("%s → 2024-03-15", (text) => {
    expect(parseDate(text)).toBe(day);
  });
  it("D/M first when both numbers are 12 or less; a day above 12 decides the US order", () => {
    expect(serialToIso(parseDate("03/04/2024") as number)).toBe("2024-04-03");
    expect(serialToIso(parseDate("04/13/2024") as number)).toBe("2024-04-13");
  });
  it("a date that does not exist is impossible, other text is not a date", () => {
    expect(readDate("31.02.2023")).toEqual({ problem: "impossible" });
    expect(readDate("2023-13-01")).toEqual({ problem: "impossible" });
    expect(readDate("13.13.2023")).toEqual({ problem: "impossible" });
    expect(readDate("15 marca 2024")).toEqual({ problem: "format" });
    expect(readDate("2024")).toEqual({ problem: "format" });
  });
});
