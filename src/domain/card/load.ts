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
function str(o: Record<string, unknown>, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== "string" || v.trim() === "") fail(`${path}${key}`, "expected a non-empty string");
  return v;
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
    } else if (typeof val !== "number" || !Number.isFinite(val) || val < 0) {
      fail(path, "expected a non-negative number");
    }
    (out as unknown as Record<string, unknown>)[k] = val;
  }
  return out;
}

function checkCriterion(v: unknown, i: number, seen: Set<string>): Criterion {
  const path = `criteria[${i}].`;
  if (!isObj(v)) fail(`criteria[${i}]`, "expected an object");
  const id = str(v, "id", path);
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
    } else if (typeof t !== "number" || !Number.isInteger(t) || t < 0) {
      fail(`${path}threshold`, "expected a whole number ≥ 0");
    }
    c.threshold = t;
  } else {
    const t = v.target;
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0) fail(`${path}target`, "expected a number ≥ 0");
    c.target = t;
  }
  if (v.points !== undefined) {
    if (v.points !== null && (typeof v.points !== "number" || !Number.isFinite(v.points) || v.points < 0))
      fail(`${path}points`, "expected a number ≥ 0 or null");
    c.points = v.points as number | null;
  }
  if (kind === "premium" && v.points === undefined)
    fail(`${path}points`, "premium criteria need points (a number, or null when the card states none)");
  return c;
}

/** Validates parsed JSON as a card; throws CardError naming the field path. */
export function parseCard(json: unknown): Card {
  if (!isObj(json)) fail("(card)", "expected a JSON object");
  const id = str(json, "id", "");
  const title = localized(json, "title", "");
  const sheetName = str(json, "sheetName", "");
  if (sheetName.length > 31 || /[[\]:*?/\\]/.test(sheetName))
    fail("sheetName", "expected an Excel sheet name (≤ 31 characters, none of [ ] : * ? / \\)");
  const parameters = checkParameters(json.parameters);
  if (!Array.isArray(json.criteria) || json.criteria.length === 0)
    fail("criteria", "expected a non-empty array");
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
