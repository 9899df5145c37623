import {
  addDays,
  completedYears,
  formatDay,
  isDateFormat,
  isoToSerial,
  parseDate,
  readDate,
  serialToIso,
  serialToYmd,
  ymdToSerial,
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
    "15.03.2024 r.",
    "15.03.2024r.",
    "15.03.2024 r",
    "2024-03-15 r.",
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
    expect(readDate("15.03.2024 rr")).toEqual({ problem: "format" });
    expect(readDate("31.02.2023 r.")).toEqual({ problem: "impossible" });
  });
});

/** The calendar through `Date` (how dates.ts computed it before the arithmetic of issue 15): the reference. */
const viaDate = {
  serialToYmd(serial: number) {
    const dt = new Date((Math.floor(serial) - 25569) * 86400000);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  },
  ymdToSerial(y: number, m: number, d: number): number | null {
    if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    const ms = Date.UTC(y, m - 1, d);
    const dt = new Date(ms);
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
    return Math.round(ms / 86400000) + 25569;
  },
};

describe("calendar arithmetic agrees with Date", () => {
  // One expect per list of disagreements (an expect per day would make this test slow).
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  it("serial → day for every day of 1800–2200 and far, fractional and odd serials", () => {
    const odd = [0.5, -0.5, 45292.99, 1e7, -1e7, 4.9e7 + 0.3, 6e7, -6e7, 1e9, NaN, Infinity];
    const serials = [...Array.from({ length: 146001 }, (_, i) => i - 36000), ...odd];
    const wrong = serials.filter((s) => !same(serialToYmd(s), viaDate.serialToYmd(s)));
    expect(wrong).toEqual([]);
  });
  it("completed years as the calendar days of Date give them", () => {
    let seed = 3;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const years = (b: number, o: number) => {
      const x = viaDate.serialToYmd(b);
      const y = viaDate.serialToYmd(o);
      return y.y - x.y - (y.m < x.m || (y.m === x.m && y.d < x.d) ? 1 : 0);
    };
    const pairs: [number, number][] = [
      [NaN, 45000],
      [1e9, 45000],
      [0, -5],
    ];
    for (let i = 0; i < 20000; i++) pairs.push([1 + rnd(60000), 1 + rnd(60000) + (i % 2) / 3]);
    for (let b = 1155; b < 1155 + 800; b++) pairs.push([b, 45351], [b + 0.5, 45716]); // 29 Feb around
    const wrong = pairs.filter(([b, o]) => !same(completedYears(b, o), years(b, o)));
    expect(wrong).toEqual([]);
  });
  it("day → serial, impossible days and two-digit years included", () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const years = [-401, -1, 0, 1, 50, 99, 100, 1582, 1899, 1900, 1904, 2000, 2023, 2024, 2100, 9999, 100000];
    const days: [number, number, number][] = [[2024.5, 1, 1]];
    for (const y of years) for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) days.push([y, m, d]);
    for (let i = 0; i < 20000; i++) days.push([1800 + rnd(500), 1 + rnd(12), 1 + rnd(31)]);
    const wrong = days.filter(([y, m, d]) => ymdToSerial(y, m, d) !== viaDate.ymdToSerial(y, m, d));
    expect(wrong).toEqual([]);
    expect(days.filter(([y, m, d]) => ymdToSerial(y, m, d) === null).length).toBeGreaterThan(1000);
  });
});

describe("isDateFormat: number formats that show a day or a time", () => {
  it.each([
    "dd.mm.yyyy",
    "d-mmm",
    "dd.mmm",
    "yyyy-mm-dd",
    "[$-415]d mmm yy",
    "mmm yy",
    "h:mm",
    "[h]:mm:ss",
    "mm:ss",
  ])("%s is a date/time format", (f) => expect(isDateFormat(f)).toBe(true));
  it.each([
    "General",
    "Standard",
    "#,##0",
    '#,##0"  "',
    '0.0#%"  "',
    "0.00E+00",
    "[Red]#,##0",
    '_-* #,##0\\ "zł"_-',
    '0" dni"',
    "@",
    "",
    null,
    undefined,
  ])("%p is not", (f) => expect(isDateFormat(f)).toBe(false));
  it("a day as people read it", () => {
    expect(formatDay(46359, "pl")).toBe("03.12.2026");
    expect(formatDay(46359, "en")).toBe("2026-12-03");
    expect(formatDay(46359.5, "pl")).toBe("03.12.2026");
  });
});
