import { GROUP_IDS } from "./groups";
import { Card, CardFile, CardParameters, Criterion, DEFAULT_PARAMETERS } from "./types";
import rpoWl91 from "./cards/rpo-wl-9.1-2016.json";

/** A card that fails the schema check; `message` names the field path, e.g. `criteria[3].threshold: …`. */
export class CardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CardError";
  }
}

const KINDS = ["formal", "effectiveness", "premium", "result", "product"];
const MEASURES = ["share", "count", "effectiveness", "resultShare", "productCount"];
const FRACTION_MEASURES = ["share", "effectiveness", "resultShare"];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function fail(path: string, what: string): never {
  throw new CardError(`${path}: ${what}`);
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;
/** Longest text (titles, labels) a card may hold. */
const MAX_TEXT = 500;

function str(o: Record<string, unknown>, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== "string" || v.trim() === "") fail(`${path}${key}`, "expected a non-empty string");
  if (CONTROL.test(v))
    fail(`${path}${key}`, "control characters (line breaks, tabs, escapes) are not allowed");
  if (v.length > MAX_TEXT) fail(`${path}${key}`, `longer than ${MAX_TEXT} characters`);
  return v;
}

/** Ids are identifiers: a letter, then letters, digits, ".", "_" or "-" (at most 64). */
const ID = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;
function ident(o: Record<string, unknown>, key: string, path: string): string {
  const v = str(o, key, path);
  if (!ID.test(v))
    fail(`${path}${key}`, 'expected an identifier (a letter, then letters, digits, ".", "_" or "-"; ≤ 64)');
  return v;
}

/** A number within [min, max] (whole when `whole`). */
function inRange(v: unknown, path: string, min: number, max: number, whole: boolean): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v)))
    fail(path, `expected ${whole ? "a whole number" : "a number"} ${min}–${max}`);
  return v;
}

/** Ranges of the numeric parameters: [min, max, whole]. */
export const PARAMETER_RANGES: Readonly<Record<string, readonly [number, number, boolean]>> = {
  lowQualificationMaxIsced: [0, 8, true],
  effectivenessWindowDays: [1, 3650, true],
  resultWindowDays: [1, 3650, true],
  minEmploymentMonths: [0, 120, true],
  minFte: [0, 1, false],
  olderAge: [15, 100, true],
  internshipMinMonths: [0, 120, true],
  internshipMaxMonths: [0, 120, true],
  minTargetAge: [0, 100, true],
};
/** A numeric parameter not listed above (added later): a number 0–1 000 000. */
const DEFAULT_RANGE = [0, 1000000, false] as const;

/** Sheet names Miernik itself writes next to the criteria sheet, and Excel's reserved "History". */
export const RESERVED_SHEET_NAMES = ["Uczestnicy", "Słowniki", "History"];

/** Why `name` cannot be a sheet name (Excel's rules and Miernik's own sheets), or null. */
export function sheetNameProblem(name: string): string | null {
  if (name.length > 31) return "longer than 31 characters (Excel's limit)";
  if (/[[\]:*?/\\]/.test(name)) return "contains one of [ ] : * ? / \\ (Excel forbids them)";
  if (name.startsWith("'") || name.endsWith("'"))
    return "starts or ends with an apostrophe (Excel forbids it)";
  if (RESERVED_SHEET_NAMES.some((r) => r.toLocaleLowerCase("pl") === name.trim().toLocaleLowerCase("pl")))
    return `"${name}" is reserved (${RESERVED_SHEET_NAMES.join(", ")}): Miernik writes those sheets itself`;
  return null;
}
function localized(o: Record<string, unknown>, key: string, path: string): { pl: string; en: string } {
  const v = o[key];
  if (!isObj(v)) fail(`${path}${key}`, "expected an object {pl, en}");
  return { pl: str(v, "pl", `${path}${key}.`), en: str(v, "en", `${path}${key}.`) };
}

function checkParameters(v: unknown): CardParameters {
  if (v === undefined) return { ...DEFAULT_PARAMETERS };
  if (!isObj(v)) fail("parameters", "expected an object");
  const out: CardParameters = { ...DEFAULT_PARAMETERS };
  for (const [k, val] of Object.entries(v)) {
    const path = `parameters.${k}`;
    if (!(k in DEFAULT_PARAMETERS))
      fail(path, `unknown parameter (known: ${Object.keys(DEFAULT_PARAMETERS).join(", ")})`);
    const def = (DEFAULT_PARAMETERS as unknown as Record<string, unknown>)[k];
    if (k === "subQuotaBase") {
      if (typeof val !== "string" || !(GROUP_IDS as string[]).includes(val))
        fail(path, `expected a group id (${GROUP_IDS.join(", ")})`);
    } else if (typeof def === "boolean") {
      if (typeof val !== "boolean") fail(path, "expected true or false");
    } else {
      const [min, max, whole] = PARAMETER_RANGES[k] ?? DEFAULT_RANGE;
      inRange(val, path, min, max, whole);
    }
    (out as unknown as Record<string, unknown>)[k] = val;
  }
  if (out.internshipMinMonths > out.internshipMaxMonths)
    fail("parameters.internshipMinMonths", "greater than parameters.internshipMaxMonths");
  return out;
}

function checkCriterion(v: unknown, i: number, seen: Set<string>): Criterion {
  const path = `criteria[${i}].`;
  if (!isObj(v)) fail(`criteria[${i}]`, "expected an object");
  const id = ident(v, "id", path);
  if (seen.has(id)) fail(`${path}id`, `duplicate id "${id}"`);
  seen.add(id);
  const kind = str(v, "kind", path);
  if (!KINDS.includes(kind)) fail(`${path}kind`, `expected one of ${KINDS.join(", ")}`);
  const measure = str(v, "measure", path);
  if (!MEASURES.includes(measure)) fail(`${path}measure`, `expected one of ${MEASURES.join(", ")}`);
  const label = localized(v, "label", path);
  const group = str(v, "group", path);
  if (!(GROUP_IDS as string[]).includes(group))
    fail(`${path}group`, `unknown group "${group}" (known: ${GROUP_IDS.join(", ")})`);
  const c: Criterion = {
    id,
    kind: kind as Criterion["kind"],
    label,
    measure: measure as Criterion["measure"],
    group: group as Criterion["group"],
  };
  if (v.code !== undefined) {
    if (typeof v.code !== "string" || v.code.trim() === "" || v.code.length > 12)
      fail(`${path}code`, 'expected the card\'s number of the criterion, e.g. "1a" (at most 12 characters)');
    c.code = v.code.trim();
  }
  if (v.base !== undefined) {
    if (typeof v.base !== "string" || !(GROUP_IDS as string[]).includes(v.base))
      fail(`${path}base`, `unknown group (known: ${GROUP_IDS.join(", ")})`);
    c.base = v.base as Criterion["base"];
  }
  if (v.subQuota !== undefined) {
    if (typeof v.subQuota !== "boolean") fail(`${path}subQuota`, "expected true or false");
    c.subQuota = v.subQuota;
  }
  if (measure !== "productCount") {
    const t = v.threshold;
    if (FRACTION_MEASURES.includes(measure)) {
      if (typeof t !== "number" || !(t >= 0 && t <= 1)) fail(`${path}threshold`, "expected a number 0–1");
    } else {
      inRange(t, `${path}threshold`, 0, 1000000, true);
    }
    c.threshold = t as number;
  } else {
    c.target = inRange(v.target, `${path}target`, 0, 10000000, false);
  }
  if (v.points !== undefined) {
    if (v.points !== null) inRange(v.points, `${path}points`, 0, 100, false);
    c.points = v.points as number | null;
  }
  if (kind === "premium" && v.points === undefined)
    fail(`${path}points`, "premium criteria need points (a number, or null when the card states none)");
  return c;
}

/** Validates parsed JSON as a card; throws CardError naming the field path. */
export function parseCard(json: unknown): Card {
  if (!isObj(json)) fail("(card)", "expected a JSON object");
  const id = ident(json, "id", "");
  const title = localized(json, "title", "");
  const sheetName = str(json, "sheetName", "");
  const sheetProblem = sheetNameProblem(sheetName);
  if (sheetProblem) fail("sheetName", sheetProblem);
  const parameters = checkParameters(json.parameters);
  if (!Array.isArray(json.criteria) || json.criteria.length === 0)
    fail("criteria", "expected a non-empty array");
  if (json.criteria.length > 500) fail("criteria", "more than 500 criteria");
  const seen = new Set<string>();
  const criteria = json.criteria.map((c, i) => checkCriterion(c, i, seen));
  return { id, title, sheetName, parameters, criteria };
}

/** Parses card JSON text; a syntax error is a CardError too. */
export function parseCardText(text: string): Card {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CardError(`(card): not valid JSON — ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseCard(json);
}

/** Cards shipped with Miernik, by id. */
export const BUILTIN_CARDS: Readonly<Record<string, CardFile>> = { "rpo-wl-9.1-2016": rpoWl91 as CardFile };

export function builtinCard(id: string): Card | null {
  const f = BUILTIN_CARDS[id];
  return f ? parseCard(f) : null;
}

export const DEFAULT_CARD_ID = "rpo-wl-9.1-2016";
