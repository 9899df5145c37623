/**
 * The check workbook with the register's own derived formulas, evaluated by HyperFormula: every derived
 * column (birth date, age, evaluable, flags) equals the reference `derivedValues()` — the engine's
 * `derive()` — row by row, and the criteria sheet equals `evaluate()` — on generated registers
 * with valid, invalid and missing PESELs, ISCED labels, every status, both cards.
 */
import { HyperFormula } from "hyperformula";
import * as fs from "fs";
import * as path from "path";
import { derive } from "../../../src/domain/card/groups";
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../../src/domain/card/load";
import { rng, sampleParticipant } from "../../../src/domain/card/sample";
import { Card, Participant } from "../../../src/domain/card/types";
import { checkRegister } from "../../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../../src/domain/register/columns";
import { participantToValues } from "../../../src/domain/register/toRow";
import { parseA1 } from "../../../src/workbook/address";
import { criteriaCellMap, metWords, verdictText } from "../../../src/workbook/criteria/plan";
import type { Lang } from "../../../src/domain/i18n";
import { buildCheckWorkbookPlan } from "../../../src/workbook/criteria/workbook";
import { CellValue, WorkbookPlan } from "../../../src/workbook/plan";
import {
  DERIVED_FLAGS,
  DERIVED_INDEX,
  DERIVED_KEYS,
  REGISTER_SHEET,
} from "../../../src/workbook/register/layout";
import { derivedValues } from "../../../src/workbook/register/derivedValues";
import { readRegisterSheet } from "../../../src/workbook/register/reader";
import { d } from "../../fixtures/register/participants";
import { makePesel } from "../../fixtures/summary/projects";
import { planGrid } from "../summary/hfLoader";

const card91 = builtinCard(DEFAULT_CARD_ID) as Card;
const otherCard = parseCardText(
  fs.readFileSync(path.join(__dirname, "../../fixtures/cards/other-call.json"), "utf8"),
);
const AS_OF = d("2024-09-01");

function load(plan: WorkbookPlan): HyperFormula {
  const data: Record<string, CellValue[][]> = {};
  for (const s of plan.sheets)
    data[s.name] = planGrid(s).map((r) =>
      r.map((v) => (typeof v === "string" && !v.startsWith("=") ? `'${v}` : v)),
    );
  return HyperFormula.buildFromSheets(
    data as never,
    { licenseKey: "gpl-v3" },
    plan.names.map((n) => ({ name: n.name, expression: n.refersTo })),
  );
}

function at(hf: HyperFormula, sheet: string, row: number, col: number): CellValue {
  const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  if (v !== null && typeof v === "object") return `#ERR ${(v as { value: string }).value}`;
  return v as CellValue;
}

/** Participants with a mix of PESEL situations, ISCED labels and statuses. */
function register(seed: number, n: number): Participant[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const p = sampleParticipant(r, i + 2);
    const k = r();
    if (k < 0.4 && p.birthDate !== null && p.sex !== null)
      return {
        ...p,
        pesel: makePesel(p.birthDate, p.sex, i),
        noPesel: false,
        birthDate: r() < 0.5 ? null : p.birthDate,
      };
    if (k < 0.5) return { ...p, pesel: "44051401358", noPesel: false }; // bad checksum: Data urodzenia counts
    if (k < 0.55) return { ...p, pesel: "4405140135", noPesel: false }; // too short
    if (k < 0.6) return { ...p, startDate: null }; // not evaluable
    return p;
  });
}

function check(ps: readonly Participant[], card: Card, asOf = AS_OF, lang: Lang = "pl"): void {
  const MET = metWords(lang);
  const rows = ps.map((p, i) => {
    const v = participantToValues(p, i + 1);
    return REGISTER_COLUMNS.map((c) => v[c.key]);
  });
  const plan = buildCheckWorkbookPlan(card, { rows, asOf, capacity: ps.length + 5, lang });
  const hf = load(plan);
  // The engine reads the register exactly as the CLI does: from the sheet's cells.
  const cells = {
    name: REGISTER_SHEET,
    top: 0,
    left: 0,
    values: planGrid(plan.sheets[1]).map((r) =>
      r.map((v) => (typeof v === "string" && v.startsWith("=") ? null : v)),
    ),
  };
  const { participants, issues } = checkRegister(readRegisterSheet(cells).rows, card.parameters);
  participants.forEach((p, i) => {
    const expected = derivedValues(p, card.parameters, asOf);
    const row = i + 1;
    const ctx = `row ${row + 1}`;
    for (const k of DERIVED_KEYS) {
      if (k === "rowStatus") continue; // text, not reproduced by the reference (see derivedValues.ts)
      expect([ctx, k, at(hf, REGISTER_SHEET, row, DERIVED_INDEX.get(k)!)]).toEqual([ctx, k, expected[k]]);
    }
    // The reference is the engine's own derive(): the flags the evaluation counts.
    const dv = derive(p, card.parameters, asOf);
    for (const f of DERIVED_FLAGS) expect([ctx, f, expected[f]]).toEqual([ctx, f, dv[f] ? 1 : 0]);
  });
  const e = evaluate(participants, card, asOf, issues);
  const map = criteriaCellMap(card);
  const sheet = card.sheetName;
  for (const r of e.criteria) {
    const c = map.criteria[r.id];
    const get = (a: string) => {
      const { row, col } = parseA1(a);
      return at(hf, sheet, row, col);
    };
    expect([r.id, get(c.numerator)]).toEqual([r.id, r.numerator]);
    if (r.denominator !== null) expect([r.id, get(c.denominator)]).toEqual([r.id, r.denominator]);
    if (r.threshold !== null && r.kind !== "product") {
      expect([r.id, get(c.met)]).toEqual([r.id, r.met === null ? MET.na : r.met ? MET.yes : MET.no]);
      expect([r.id, get(c.shortfall)]).toEqual([r.id, r.shortfall ?? ""]);
    }
    // Points compare the met cell with the sheet's own word (YES in English).
    if (r.kind === "premium") expect([r.id, get(c.points)]).toEqual([r.id, r.points ?? "—"]);
  }
  const { row, col } = parseA1(map.verdict);
  expect(at(hf, sheet, row, col)).toBe(verdictText(e.criteria, card, lang));
  hf.destroy();
}

describe("register derived formulas and criteria = engine (HyperFormula)", () => {
  test("zero participants (one empty table row)", () => check([], card91));

  test("200 generated registers of 0–80 participants, PESELs valid/invalid/missing (card 9.1)", () => {
    const r = rng(77);
    for (let i = 0; i < 200; i++) check(register(300 + i, Math.floor(r() * 81)), card91);
  }, 180_000);

  test("the second card's parameters reach the derived formulas (ISCED cut-off, windows, age)", () => {
    for (let i = 0; i < 10; i++) check(register(900 + i, 40), otherCard);
  });

  test("in English: YES / NO / n/a, the points and the verdict follow them", () => {
    for (let i = 0; i < 20; i++) check(register(500 + i, 20 + i * 3), card91, AS_OF, "en");
    check([], card91, AS_OF, "en");
  });

  test("a later as-of date turns pending participants into counted ones", () => {
    const ps = register(42, 60);
    check(ps, card91, d("2024-07-01"));
    check(ps, card91, d("2025-12-31"));
  });
});
