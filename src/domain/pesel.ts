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

/** Checks in order: length, digits, checksum, real date (first failing reported). */
export function checkPesel(raw: string): PeselInfo {
  const p = raw.trim();
  if (p.length !== 11)
    return { valid: false, problem: /^\d*$/.test(p) ? "length" : "digits", birthDate: null, sex: null };
  if (!/^\d{11}$/.test(p)) return { valid: false, problem: "digits", birthDate: null, sex: null };
  const mm = +p.slice(2, 4);
  const year = CENTURY[Math.floor(mm / 20)] + +p.slice(0, 2);
  const birth = Math.floor(mm / 20) < 5 ? ymdToSerial(year, mm % 20, +p.slice(4, 6)) : null;
  const sex = (p.charCodeAt(9) - 48) % 2 === 1 ? "M" : "F";
  if (!peselChecksumOk(p)) return { valid: false, problem: "checksum", birthDate: birth, sex };
  if (birth === null) return { valid: false, problem: "date", birthDate: null, sex };
  return { valid: true, problem: null, birthDate: birth, sex };
}

/** A PESEL whose month code is +80 (born 1800–1899): Miernik does not take its date as a birth date. */
export function peselBornBefore1900(raw: string): boolean {
  const p = raw.trim();
  return /^\d{11}$/.test(p) && +p.slice(2, 4) >= 80;
}
