/** Dates as Excel serial day numbers (1900 system; 25569 = 1970-01-01). */
const EPOCH = 25569;
const MS = 86400000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/**
 * Days of the proleptic Gregorian calendar are computed by arithmetic (H. Hinnant's `days_from_civil` /
 * `civil_from_days`) rather than through a `Date` per call: the row checks and the evaluation convert several
 * dates per row, and at 100 000 rows the `Date` objects were a measurable share of the engine's time
 * (issue 15). Inside ±DAY_RANGE days of 1970 (far beyond any spreadsheet date) the result is the one `Date`
 * gives; outside it the original `Date` code runs, so even absurd inputs give what they always gave.
 */
const DAY_RANGE = 50_000_000;

/** Days since 1970-01-01 of a calendar day (month 1–12; no validation). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function serialToYmd(serial: number): Ymd {
  const k = dayKey(serial);
  if (k === null) {
    const dt = new Date((Math.floor(serial) - EPOCH) * MS);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }
  const y = Math.floor(k / 512);
  const md = k - y * 512;
  return { y, m: md >> 5, d: md & 31 };
}

/**
 * The last days `dayKey` computed, by serial (direct-mapped: a register's birth and start dates repeat a few
 * thousand days over and over; every age is two `dayKey`s).
 */
const KEY_CACHE = 8192;
const cachedSerial = new Float64Array(KEY_CACHE).fill(NaN);
const cachedKey = new Int32Array(KEY_CACHE);

/** y·512 + m·32 + d of a serial (as `serialToYmd`, without its object), or null outside ±DAY_RANGE. */
function dayKey(serial: number): number | null {
  const slot = serial & (KEY_CACHE - 1);
  if (cachedSerial[slot] === serial) return cachedKey[slot];
  const k = computeDayKey(serial);
  // Only whole serials in the small-integer range are kept (`&` above is exact for them).
  if (k !== null && serial === (serial | 0)) {
    cachedSerial[slot] = serial;
    cachedKey[slot] = k;
  }
  return k;
}

function computeDayKey(serial: number): number | null {
  const days = Math.floor(serial) - EPOCH;
  if (!(Math.abs(days) <= DAY_RANGE)) return null;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 512 + m * 32 + d;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Serial of a calendar day, or null when the day does not exist. */
export function ymdToSerial(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  // Years 0–99 are null as before (Date.UTC reads them as 1900–1999, which never matched y); far years go
  // through Date as before.
  if (y < 100 || y > 100_000) {
    const ms = Date.UTC(y, m - 1, d);
    const dt = new Date(ms);
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
    return Math.round(ms / MS) + EPOCH;
  }
  if (d > (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1])) return null;
  return daysFromCivil(y, m, d) + EPOCH;
}

export function serialToIso(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A serial day as people read it: "03.12.2026" (pl), "2026-12-03" (en); a number outside 1–2958465 as itself. */
export function formatDay(serial: number, lang: "pl" | "en" = "pl"): string {
  if (!(Number.isFinite(serial) && serial >= 1 && serial < 2958466)) return String(serial);
  const { y, m, d } = serialToYmd(Math.floor(serial));
  const p2 = (n: number) => String(n).padStart(2, "0");
  return lang === "pl" ? `${p2(d)}.${p2(m)}.${y}` : `${y}-${p2(m)}-${p2(d)}`;
}

export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? ymdToSerial(+m[1], +m[2], +m[3]) : null;
}

/** Optional time after a date: ` 00:00`, ` 00:00:00`, `T08:30:00.000` (ignored: the day counts). */
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?`;
/** The Polish "r." (roku) after a date: `01.03.2024 r.`, `01.03.2024r` (ignored). */
const YEAR_MARK = String.raw`(?: ?r\.?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-./])(\d{1,2})\2(\d{1,2})${YEAR_MARK}${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})([-.])(\d{1,2})\2(\d{4})${YEAR_MARK}${TIME}$`);
const SLASH = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${YEAR_MARK}${TIME}$`);
/** An Excel serial typed as text (5 digits: 10000 = 1927-05-18 … 99999 = 2173-10-14), time part allowed. */
const SERIAL_TEXT = /^(\d{5})(?:[.,]\d+)?$/;

/** Why a date cell could not be read: not a date format at all, or a date that does not exist (31.02.2023). */
export type DateProblem = "format" | "impossible";

/**
 * A date cell, as `parseDate` reads it, with the reason when it cannot be read. Accepted (issue 12):
 * - an Excel serial number (whole or with a time part — truncated), or five digits typed as text (`45352`);
 * - `YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY/MM/DD`;
 * - `DD.MM.YYYY`, `D.M.YYYY`, `DD-MM-YYYY`;
 * - `DD/MM/YYYY`; `MM/DD/YYYY` (not Polish) only when the second number is above 12 and the first is not
 *   (`03/15/2024` → 15 March); otherwise day first (`03/04/2024` → 3 April);
 * - any of them followed by the Polish `r.` (`01.03.2024 r.`) and/or a time (`00:00`, `00:00:00`), which are
 *   ignored.
 * A text in one of these shapes naming no real day (`31.02.2023`, month 13) is `impossible`.
 */
export function readDate(v: unknown): { serial: number } | { problem: DateProblem } {
  if (typeof v === "number") {
    const serial = numberDate(v);
    return serial === null ? { problem: "format" } : { serial };
  }
  if (typeof v !== "string") return { problem: "format" };
  const s = v.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  const day = (y: number, m: number, d: number) => {
    const serial = ymdToSerial(y, m, d);
    return serial === null ? { problem: "impossible" as const } : { serial };
  };
  let m = YMD.exec(s);
  if (m) return day(+m[1], +m[3], +m[4]);
  m = DMY.exec(s);
  if (m) return day(+m[4], +m[3], +m[1]);
  m = SLASH.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    return b > 12 && a <= 12 ? day(+m[3], a, b) : day(+m[3], b, a);
  }
  m = SERIAL_TEXT.exec(s);
  if (m) return { serial: +m[1] };
  return { problem: "format" };
}

/** A date cell holding a number, as `readDate` reads it: the day of an Excel serial 1–2958465, else null. */
export function numberDate(v: number): number | null {
  return Number.isFinite(v) && v >= 1 && v <= 2958465 ? Math.floor(v) : null;
}

/** A date cell (see `readDate` for the accepted forms) as an Excel serial, or null (callers report it). */
export function parseDate(v: unknown): number | null {
  const r = readDate(v);
  return "serial" in r ? r.serial : null;
}

export function addDays(serial: number, days: number): number {
  return serial + days;
}

/** Completed years from `birth` to `on` (a birthday on 29 Feb counts on 1 Mar in non-leap years). */
export function completedYears(birth: number, on: number): number {
  const kb = dayKey(birth);
  const ko = dayKey(on);
  if (kb !== null && ko !== null) {
    // y·512 + m·32 + d: the year, then month and day in the low 9 bits (the age of every row, twice).
    const by = Math.floor(kb / 512);
    const oy = Math.floor(ko / 512);
    return oy - by - (ko - oy * 512 < kb - by * 512 ? 1 : 0);
  }
  const b = serialToYmd(birth);
  const o = serialToYmd(on);
  let years = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) years--;
  return years;
}

/**
 * Whether a cell's number format shows a date or a time ("dd.mm.yyyy", "d-mmm", "[$-415]d mmm yy", "h:mm").
 * What Excel and LibreOffice give a cell when they take an entry for a date — in Polish, "3.12" is 3 December
 * and "12.5" is 12 May — so a number in such a cell is a day, not the number typed. Quoted text, escaped and
 * padding characters and bracketed parts ("[Red]", "[$-415]") are not format letters; "General" is no date.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (typeof format !== "string") return false;
  const code = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h") // elapsed time: [h]:mm
    .replace(/\[[^\]]*\]/g, "");
  if (/^\s*(general|standard)\s*$/i.test(code)) return false;
  return /[dmyhs]/i.test(code);
}

/** A number format without its language tags (`[$-415]#,##0` → `#,##0`): what Format Cells shows of it. */
export function withoutLanguageTag(format: string): string {
  return format.replace(/\[\$-[0-9A-Fa-f]+\]/g, "");
}

/** Whether a cell's number format shows a percentage ("0%", "0.0%"): a "%" outside quoted or escaped literals. */
export function isPercentFormat(format: string | null | undefined): boolean {
  return typeof format === "string" && /%/.test(format.replace(/"[^"]*"|\\./g, ""));
}
