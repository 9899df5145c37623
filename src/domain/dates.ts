/** Dates as Excel serial day numbers (1900 system; 25569 = 1970-01-01). */
const EPOCH = 25569;
const MS = 86400000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function serialToYmd(serial: number): Ymd {
  const dt = new Date((Math.floor(serial) - EPOCH) * MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Serial of a calendar day, or null when the day does not exist. */
export function ymdToSerial(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return Math.round(ms / MS) + EPOCH;
}

export function serialToIso(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? ymdToSerial(+m[1], +m[2], +m[3]) : null;
}

/**
 * A date cell: an Excel serial (number, whole or with a time part — truncated), `YYYY-MM-DD` or `DD.MM.YYYY`
 * text. Returns null for anything else (callers report it).
 */
export function parseDate(v: unknown): number | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v > 2958465) return null;
    return Math.floor(v);
  }
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return ymdToSerial(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return ymdToSerial(+m[3], +m[2], +m[1]);
  return null;
}

export function addDays(serial: number, days: number): number {
  return serial + days;
}

/** Completed years from `birth` to `on` (a birthday on 29 Feb counts on 1 Mar in non-leap years). */
export function completedYears(birth: number, on: number): number {
  const b = serialToYmd(birth);
  const o = serialToYmd(on);
  let years = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) years--;
  return years;
}
