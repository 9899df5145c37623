import { ymdToSerial } from "./dates";

export type PeselProblem = "length" | "digits" | "checksum" | "date";

export interface PeselInfo {
  valid: boolean;
  problem: PeselProblem | null;
  /** Birth date (Excel serial) when the date part is a real day. */
  birthDate: number | null;
  sex: "F" | "M" | null;
}

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const CENTURY = [1900, 2000, 2100, 2200, 1800];

export function peselChecksumOk(p: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (p.charCodeAt(i) - 48) * WEIGHTS[i];
  return (10 - (sum % 10)) % 10 === p.charCodeAt(10) - 48;
}

/** The digit at `i` (0–9), or -1 when the character there is not an ASCII digit. */
function digitAt(p: string, i: number): number {
  const c = p.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** 11 ASCII digits (as `/^\d{11}$/`, without a regular expression: it runs several times per row). */
function elevenDigits(p: string): boolean {
  if (p.length !== 11) return false;
  for (let i = 0; i < 11; i++) if (digitAt(p, i) < 0) return false;
  return true;
}

/** Checks in order: length, digits, checksum, real date (first failing reported). */
export function checkPesel(raw: string): PeselInfo {
  return checkPeselInto({ valid: false, problem: null, birthDate: null, sex: null }, raw);
}

/**
 * `checkPesel` into `out` (every field set), returned: the row checks reuse one object for every row instead
 * of allocating one per PESEL (issue 15 item 5).
 */
export function checkPeselInto(out: PeselInfo, raw: string): PeselInfo {
  const p = raw.trim();
  if (p.length !== 11) return peselResult(out, false, /^\d*$/.test(p) ? "length" : "digits", null, null);
  if (!elevenDigits(p)) return peselResult(out, false, "digits", null, null);
  const mm = digitAt(p, 2) * 10 + digitAt(p, 3);
  const century = Math.floor(mm / 20);
  const year = CENTURY[century] + digitAt(p, 0) * 10 + digitAt(p, 1);
  const birth = century < 5 ? ymdToSerial(year, mm % 20, digitAt(p, 4) * 10 + digitAt(p, 5)) : null;
  const sex = digitAt(p, 9) % 2 === 1 ? "M" : "F";
  if (!peselChecksumOk(p)) return peselResult(out, false, "checksum", birth, sex);
  if (birth === null) return peselResult(out, false, "date", null, sex);
  return peselResult(out, true, null, birth, sex);
}

function peselResult(
  out: PeselInfo,
  valid: boolean,
  problem: PeselProblem | null,
  birthDate: number | null,
  sex: "F" | "M" | null,
): PeselInfo {
  out.valid = valid;
  out.problem = problem;
  out.birthDate = birthDate;
  out.sex = sex;
  return out;
}

/** A PESEL whose month code is +80 (born 1800–1899): Miernik does not take its date as a birth date. */
export function peselBornBefore1900(raw: string): boolean {
  const p = raw.trim();
  return elevenDigits(p) && digitAt(p, 2) * 10 + digitAt(p, 3) >= 80;
}
