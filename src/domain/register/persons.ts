/**
 * "One person, one count" without a string per row (issue 15 item 5): the row checks look every counted row's
 * person up by the key `personKey` (src/domain/card/groups.ts) defines, but most keys are never built as
 * strings. A key is held as what it is made of — the PESEL as a number when it is 11 digits, or the trimmed
 * first and last name and the birth date when the names need no more than ASCII and Polish letters — and
 * hashed as the characters of the string `personKey` would build (a PESEL key: from its number, see `num`);
 * any other key is built by `personKey` itself. Two keys are the same person exactly when `personKey` gives the same string for them
 * (test/domain/register/persons.test.ts compares the two on random and hostile names).
 *
 * An open-addressing hash table over typed arrays: at 100 000 rows a `Map` of key strings was a large share
 * of the engine's time, most of it allocation and garbage collection.
 */
import { excelTrim, PERSON_KEY_FOLD, PERSON_KEY_MAX, personKey } from "../card/groups";
import { CardParameters } from "../card/types";
import { grown, Refs } from "./refs";

/** What `PersonTable.see` found. */
export const NO_KEY = 0;
export const NEW = 1;
export const REPEAT = 2;

const NUM = 1;
const NAME = 2;
const STR = 3;

/**
 * Char code → the char an `N:` key writes for it (printable ASCII in upper case, Polish letters folded,
 * `~ * ?` → `_`), -1 for a character that only `personKey`'s general expression handles.
 */
const NAME_CHAR = ((): Int32Array => {
  const t = new Int32Array(0x180).fill(-1);
  for (let c = 0x20; c < 0x7f; c++) t[c] = c >= 0x61 && c <= 0x7a ? c - 32 : c;
  for (const c of "~*?") t[c.charCodeAt(0)] = 0x5f;
  for (const [upper, to] of Object.entries(PERSON_KEY_FOLD)) {
    t[upper.charCodeAt(0)] = to.charCodeAt(0);
    t[upper.toLowerCase().charCodeAt(0)] = to.charCodeAt(0);
  }
  return t;
})();

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
/** The hash after `P:` and after `N:`. */
const P_ = Math.imul(Math.imul(FNV_OFFSET ^ 0x50, FNV_PRIME) ^ 0x3a, FNV_PRIME);
const N_ = Math.imul(Math.imul(FNV_OFFSET ^ 0x4e, FNV_PRIME) ^ 0x3a, FNV_PRIME);
const BAR = 0x7c;

/** FNV-1a over a string's UTF-16 code units: the hash every kind of key agrees with. */
export function hashKeyString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Digits of the last integer hashed (`String(n)`'s characters, most significant last). */
const digits = new Int32Array(24);

/** The person key table of one register check. */
export class PersonTable {
  /**
   * Per slot, two numbers side by side: the entry index + 1 (0 = an empty slot) and the entry's hash, so that a
   * probe past another key reads one cache line, not a second array (8 bytes a slot).
   */
  private slots = new Int32Array(2048);
  private mask = 1023;
  private size = 0;
  private kinds = new Uint8Array(512);
  private rows = new Float64Array(512);
  private nums = new Float64Array(512);
  private strA = new Refs<string | undefined>();
  private strB = new Refs<string | undefined>();
  /** The entry the last `see` found or added (-1: the row has no key). */
  private found = -1;

  /**
   * Looks this row's person up (arguments as `personKey`'s): NO_KEY when the row has none, NEW when the key is
   * seen for the first time (`row` is recorded as its first row), REPEAT when an earlier row had it
   * (`firstRowFound` says which).
   */
  see(
    peselCell: unknown,
    firstName: string | null,
    lastName: string | null,
    birthDate: number | null,
    params: CardParameters,
    row: number,
  ): number {
    this.found = -1;
    if (typeof peselCell === "number" && Number.isFinite(peselCell)) {
      // personKey: `-` + at least 11 digits for a negative number, so only 0 ≤ round(v) < 10^11 gives 11.
      const v = Math.round(Math.abs(peselCell));
      if (!(peselCell < 0) && v < 1e11) return this.num(v, row);
    } else if (typeof peselCell === "string") {
      const t = excelTrim(peselCell);
      if (t.length === 11) {
        let v = 0;
        for (let i = 0; i < 11; i++) {
          const d = t.charCodeAt(i) - 48;
          if (d < 0 || d > 9) {
            v = -1;
            break;
          }
          v = v * 10 + d;
        }
        if (v >= 0) return this.num(v, row);
        return this.str(personKey(peselCell, firstName, lastName, birthDate, params) as string, row);
      }
    }
    if (!params.duplicatesByNameAndBirthDate || birthDate === null) return NO_KEY;
    const birth = Math.floor(birthDate);
    let first = firstName ?? "";
    let last = lastName ?? "";
    // Names that need no trimming (most) are hashed as they are; `nameHash` says when they do.
    let h = first === "" || last === "" ? null : nameHash(first, last, birth);
    if (h === null) {
      first = excelTrim(first);
      last = excelTrim(last);
      if (first === "" || last === "") return NO_KEY;
      h = nameHash(first, last, birth);
    }
    if (h === null)
      return this.str(personKey(peselCell, firstName, lastName, birthDate, params) as string, row);
    return this.lookup(h, NAME, birth, first, last, row);
  }

  /** The first row of the person the last `see` found. */
  firstRowFound(): number {
    return this.rows[this.found];
  }

  /** The key string (as `personKey` writes it) of the person the last `see` found. */
  keyFound(): string {
    const e = this.found;
    return keyString(this.kinds[e], this.nums[e], this.strA.get(e), this.strB.get(e));
  }

  /**
   * An 11-digit PESEL key, hashed from its number (its two 32-bit halves, mixed): no other kind of key is `P:`
   * and 11 digits (a text PESEL of 11 digits comes here as its number, any other `P:` key has a non-digit), so
   * these keys need not hash like their strings.
   */
  private num(v: number, row: number): number {
    let h = Math.imul(P_ ^ (v >>> 0), FNV_PRIME);
    h = Math.imul(h ^ Math.floor(v / 4294967296), FNV_PRIME);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return this.lookup(h, NUM, v, undefined, undefined, row);
  }

  private str(key: string, row: number): number {
    return this.lookup(hashKeyString(key), STR, 0, key, undefined, row);
  }

  private lookup(
    h: number,
    kind: number,
    num: number,
    a: string | undefined,
    b: string | undefined,
    row: number,
  ): number {
    const slots = this.slots;
    let s = h & this.mask;
    for (;;) {
      const e = slots[2 * s] - 1;
      if (e < 0) break;
      if (slots[2 * s + 1] === h && this.same(e, kind, num, a, b)) {
        this.found = e;
        return REPEAT;
      }
      s = (s + 1) & this.mask;
    }
    const e = this.size++;
    if (e === this.kinds.length) this.growEntries(e * 2);
    this.kinds[e] = kind;
    this.nums[e] = num;
    this.rows[e] = row;
    this.strA.set(e, a);
    this.strB.set(e, b);
    slots[2 * s] = e + 1;
    slots[2 * s + 1] = h;
    this.found = e;
    if (this.size * 2 > this.mask + 1) this.growSlots(this.mask + 1);
    return NEW;
  }

  /** Room for `n` more keys without growing (a one-pass check knows its row count). */
  reserve(n: number): void {
    const need = this.size + n;
    if (need > this.kinds.length) this.growEntries(need);
    if (need * 2 > this.mask + 1) this.growSlots(need);
  }

  private same(e: number, kind: number, num: number, a: string | undefined, b: string | undefined): boolean {
    const k = this.kinds[e];
    if (k === NUM && kind === NUM) return this.nums[e] === num;
    const ea = this.strA.get(e);
    const eb = this.strB.get(e);
    if (k === NAME && kind === NAME && this.nums[e] === num && ea === a && eb === b) return true;
    return keyString(k, this.nums[e], ea, eb) === keyString(kind, num, a, b);
  }

  private growEntries(n: number): void {
    this.kinds = grown(this.kinds, n);
    this.rows = grown(this.rows, n);
    this.nums = grown(this.nums, n);
  }

  /** Slots for more than 2 × `keys` keys (a power of two), every key placed again (its hash is in its slot). */
  private growSlots(keys: number): void {
    let cap = this.mask + 1;
    while (cap < keys * 2) cap *= 2;
    const slots = new Int32Array(2 * cap);
    const mask = cap - 1;
    const old = this.slots;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o] === 0) continue;
      const h = old[o + 1];
      let s = h & mask;
      while (slots[2 * s] !== 0) s = (s + 1) & mask;
      slots[2 * s] = old[o];
      slots[2 * s + 1] = h;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** The string `personKey` builds for a key held as its parts. */
function keyString(kind: number, num: number, a: string | undefined, b: string | undefined): string {
  if (kind === NUM) return `P:${String(num).padStart(11, "0")}`;
  if (kind === NAME)
    return `N:${nameKey(a as string)}|${nameKey(b as string)}|${num}`.slice(0, PERSON_KEY_MAX);
  return a as string;
}

function nameKey(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(NAME_CHAR[s.charCodeAt(i)]);
  return out;
}

/**
 * The hash of `N:` + first + `|` + last + `|` + birth as `personKey` spells them (cut to PERSON_KEY_MAX
 * characters), or null when a name has a character only the general expression handles, or a space that
 * Excel's TRIM would remove (leading, trailing, doubled: the caller trims and asks again).
 */
function nameHash(first: string, last: string, birth: number): number | null {
  let h = N_;
  let at = 2;
  if (first.charCodeAt(0) === 0x20 || first.charCodeAt(first.length - 1) === 0x20) return null;
  if (last.charCodeAt(0) === 0x20 || last.charCodeAt(last.length - 1) === 0x20) return null;
  let prev = 0;
  for (let i = 0; i < first.length; i++) {
    const c = first.charCodeAt(i);
    const m = c < 0x180 ? NAME_CHAR[c] : -1;
    if (m < 0 || (c === 0x20 && prev === 0x20)) return null;
    prev = c;
    if (at++ < PERSON_KEY_MAX) h = Math.imul(h ^ m, FNV_PRIME);
  }
  if (at++ < PERSON_KEY_MAX) h = Math.imul(h ^ BAR, FNV_PRIME);
  prev = 0;
  for (let i = 0; i < last.length; i++) {
    const c = last.charCodeAt(i);
    const m = c < 0x180 ? NAME_CHAR[c] : -1;
    if (m < 0 || (c === 0x20 && prev === 0x20)) return null;
    prev = c;
    if (at++ < PERSON_KEY_MAX) h = Math.imul(h ^ m, FNV_PRIME);
  }
  if (at++ < PERSON_KEY_MAX) h = Math.imul(h ^ BAR, FNV_PRIME);
  if (at >= PERSON_KEY_MAX) return h;
  // String(birth) of an integer: its digits, after a minus sign when negative (beyond 10^21 Number prints an
  // exponent: such a key is built as a string).
  let n = Math.abs(birth);
  if (n >= 1e21)
    return hashKeyString(`N:${nameKey(first)}|${nameKey(last)}|${birth}`.slice(0, PERSON_KEY_MAX));
  if (birth < 0 && at++ < PERSON_KEY_MAX) h = Math.imul(h ^ 0x2d, FNV_PRIME);
  let k = 0;
  do {
    digits[k++] = n % 10;
    n = Math.floor(n / 10);
  } while (n > 0);
  while (k > 0 && at++ < PERSON_KEY_MAX) h = Math.imul(h ^ (48 + digits[--k]), FNV_PRIME);
  return h;
}
