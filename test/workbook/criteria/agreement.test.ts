/**
 * The criteria sheet's formulas, evaluated by HyperFormula over a register whose derived columns hold the
 * engine's own `derive()` flags, give exactly the engine's numerators, denominators, shares, met flags,
 * points and shortfalls — for 200+ generated registers (edge cases included) and a second card.
 * The register's derived columns hold values from `derivedValues()` (src/workbook/register/derivedValues.ts),
 * the reference formulas.test.ts checks the derived formulas against.
 */
import { HyperFormula } from "hyperformula";
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../../src/domain/card/load";
import { rng, sampleParticipant } from "../../../src/domain/card/sample";
import { Card, Participant } from "../../../src/domain/card/types";
import { checkRegister } from "../../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../../src/domain/register/columns";
import { participantToValues } from "../../../src/domain/register/toRow";
import { parseA1 } from "../../../src/workbook/address";
import {
  buildCriteriaSheetPlan,
  criteriaCellMap,
  criteriaNames,
  MET,
  verdictText,
} from "../../../src/workbook/criteria/plan";
import { CellValue, emptySheet, SheetPlan } from "../../../src/workbook/plan";
import { DERIVED_KEYS, REGISTER_SHEET, registerNames } from "../../../src/workbook/register/layout";
import { derivedRow } from "../../../src/workbook/register/derivedValues";
import { d, ENDED, JOB, many, person } from "../../fixtures/register/participants";
import { planGrid } from "../summary/hfLoader";
import * as fs from "fs";
import * as path from "path";

const card91 = builtinCard(DEFAULT_CARD_ID) as Card;
const otherCard = parseCardText(
  fs.readFileSync(path.join(__dirname, "../../fixtures/cards/other-call.json"), "utf8"),
);
const AS_OF = d("2024-09-01");

/** Register cells as the CLI reads them, the participants the engine sees, and a register sheet plan. */
function registerSheet(ps: readonly Participant[], card: Card, asOf: number) {
  const inputs = ps.map((p, i) => {
    const v = participantToValues(p, i + 1);
    return REGISTER_COLUMNS.map((c) => v[c.key]);
  });
  const raw = inputs.map((row, i) => ({
    row: i + 2,
    values: Object.fromEntries(REGISTER_COLUMNS.map((c, j) => [c.key, row[j]])),
  }));
  const { participants, issues } = checkRegister(raw, card.parameters);
  // The derived columns as values from the reference the register's formulas are tested against.
  const rows: CellValue[][] = participants.map((p, i) => [
    ...inputs[i],
    ...derivedRow(p, card.parameters, asOf),
  ]);
  const header = [...REGISTER_COLUMNS.map((c) => c.header), ...DERIVED_KEYS];
  const sheet: SheetPlan = {
    ...emptySheet(REGISTER_SHEET),
    blocks: [{ row: 0, col: 0, values: [header, ...rows] }],
  };
  return { sheet, participants, issues };
}

function computed(hf: HyperFormula, sheet: string, a1: string): CellValue {
  const { row, col } = parseA1(a1);
  const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  if (v !== null && typeof v === "object") return `#ERR ${(v as { value: string }).value}`;
  return v as CellValue;
}

function loadHf(sheets: SheetPlan[], names: { name: string; refersTo: string }[]): HyperFormula {
  const data: Record<string, CellValue[][]> = {};
  for (const p of sheets)
    data[p.name] = planGrid(p).map((r) =>
      r.map((v) => (typeof v === "string" && !v.startsWith("=") ? `'${v}` : v)),
    );
  return HyperFormula.buildFromSheets(
    data as never,
    { licenseKey: "gpl-v3" },
    names.map((n) => ({ name: n.name, expression: n.refersTo })),
  );
}

/** Evaluates the sheet in HyperFormula and compares every criterion with the engine. */
function agree(ps: readonly Participant[], card: Card, asOf = AS_OF): void {
  const { sheet, participants, issues } = registerSheet(ps, card, asOf);
  const criteria = buildCriteriaSheetPlan(card, { asOf });
  const hf = loadHf([sheet, criteria], [...registerNames(ps.length + 3), ...criteriaNames(card)]);
  const e = evaluate(participants, card, asOf, issues);
  const map = criteriaCellMap(card);
  const name = criteria.name;
  for (const r of e.criteria) {
    const cells = map.criteria[r.id];
    const at = (k: keyof typeof cells) => computed(hf, name, cells[k]);
    const ctx = `${r.id} (${ps.length} participants)`;
    expect([ctx, at("numerator")]).toEqual([ctx, r.numerator]);
    if (r.denominator !== null) expect([ctx, at("denominator")]).toEqual([ctx, r.denominator]);
    if (r.share === null) {
      if (r.denominator !== null) expect([ctx, at("share")]).toEqual([ctx, ""]);
    } else expect(Math.abs((at("share") as number) - r.share)).toBeLessThan(1e-9);
    if (r.threshold !== null && r.kind !== "product") {
      const met = r.met === null ? MET.na : r.met ? MET.yes : MET.no;
      expect([ctx, at("met")]).toEqual([ctx, met]);
      expect([ctx, at("shortfall")]).toEqual([ctx, r.shortfall === null ? "" : r.shortfall]);
    }
    if (r.kind === "premium") expect([ctx, at("points")]).toEqual([ctx, r.points === null ? "—" : r.points]);
    if (r.pending !== undefined) expect([ctx, at("pending")]).toEqual([ctx, r.pending]);
  }
  const total = e.criteria.reduce((a, c) => a + (c.points ?? 0), 0);
  expect(computed(hf, name, map.premiumTotal)).toBe(total);
  // The headline verdict ("Kryteria obowiązkowe: 5 z 12 spełnionych — niespełnione: 1a, …") = the reference.
  expect(computed(hf, name, map.verdict)).toBe(verdictText(e.criteria, card, "pl"));
  hf.destroy();
}

function randomRegister(seed: number, n: number): Participant[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => sampleParticipant(r, i + 2));
}

/** Edge cases: empty groups, exactly at a threshold, one short, zero participants, pending participants. */
const EDGES: Record<string, () => Participant[]> = {
  "zero participants": () => [],
  "one participant": () => [person()],
  "unemployed exactly 80%": () => [...many(40), ...many(10, { status: "inactive", longTerm: null })],
  "unemployed one short of 80%": () => [...many(39), ...many(11, { status: "inactive", longTerm: null })],
  "long-term exactly 60% of unemployed": () => [...many(30, { longTerm: true }), ...many(20)],
  "long-term one short": () => [...many(29, { longTerm: true }), ...many(21)],
  "IPD one missing (t = 100%)": () => [...many(49), person({ ipd: false })],
  "exactly 50 participants": () => many(50),
  "49 participants": () => many(49),
  "nobody ended (effectiveness not applicable)": () => many(60, { sex: "F" }),
  "women effectiveness exactly 39%": () => [
    ...many(39, { sex: "F", ...ENDED, ...JOB }),
    ...many(61, { sex: "F", ...ENDED }),
  ],
  "women effectiveness one short": () => [
    ...many(38, { sex: "F", ...ENDED, ...JOB }),
    ...many(62, { sex: "F", ...ENDED }),
  ],
  "pending participants (window still open)": () => [
    ...many(10, { sex: "F", endDate: d("2024-08-20"), pathCompleted: true }),
    ...many(5, { sex: "F", ...ENDED, ...JOB }),
  ],
  "every drop-out reason and start-up funds": () => [
    ...many(5, { endDate: d("2024-06-30"), pathCompleted: false, dropoutReason: "job", ...JOB }),
    ...many(5, { endDate: d("2024-06-30"), pathCompleted: false, dropoutReason: "school" }),
    ...many(5, { endDate: d("2024-06-30"), pathCompleted: false, dropoutReason: "other" }),
    ...many(5, { ...ENDED, ...JOB, startupFunds: true }),
  ],
  "civil contracts with and without 3× value": () => [
    ...many(6, { ...ENDED, ...JOB, contractType: "civil", contractValue3x: true }),
    ...many(6, { ...ENDED, ...JOB, contractType: "civil", contractValue3x: false }),
  ],
  "internships at the bounds": () => [
    ...many(3, { internshipMonths: 3, internshipLinked: true }),
    ...many(3, { internshipMonths: 6, internshipLinked: true }),
    ...many(3, { internshipMonths: 7, internshipLinked: true }),
    ...many(3, { internshipMonths: 2, internshipLinked: true }),
  ],
  "trained: white/green exactly 10%": () => [
    ...many(1, { training: true, trainingWhiteGreen: true, qualification: true }),
    ...many(9, { training: true, trainingWhiteGreen: false, qualification: true }),
  ],
  "missing start date (not evaluable)": () => [...many(5), person({ startDate: null })],
};

describe("criteria sheet formulas = engine (HyperFormula)", () => {
  test.each(Object.keys(EDGES))("edge case: %s", (name) => agree(EDGES[name](), card91));

  test("200 seeded random registers of 0–120 participants (card 9.1)", () => {
    const r = rng(2024);
    for (let i = 0; i < 200; i++) agree(randomRegister(1000 + i, Math.floor(r() * 121)), card91);
  });

  test("a second card with other thresholds and bases, no code change (25 registers)", () => {
    for (let i = 0; i < 25; i++) agree(randomRegister(5000 + i, 20 + i * 3), otherCard);
  });

  test("the as-of date decides pending participants (two dates, same register)", () => {
    const ps = [
      ...many(10, { sex: "F", endDate: d("2024-08-20"), pathCompleted: true }),
      ...many(5, { sex: "F", ...ENDED, ...JOB }),
    ];
    agree(ps, card91, d("2024-09-01"));
    agree(ps, card91, d("2025-01-31"));
  });
});

describe("the sheet is live", () => {
  test("appending a participant row and recalculating changes the criteria as the engine says", () => {
    const before = [...many(39), ...many(11, { status: "inactive", longTerm: null })];
    const after = [...before, ...many(5)];
    const { sheet } = registerSheet(after, card91, AS_OF);
    const rowsBefore: SheetPlan = {
      ...sheet,
      blocks: [{ row: 0, col: 0, values: sheet.blocks[0].values.slice(0, before.length + 1) }],
    };
    const criteria = buildCriteriaSheetPlan(card91, { asOf: AS_OF });
    const hf = loadHf([rowsBefore, criteria], [...registerNames(100), ...criteriaNames(card91)]);
    const cell = criteriaCellMap(card91).criteria["formal.unemployed"];
    expect(computed(hf, criteria.name, cell.met)).toBe(MET.no);
    expect(computed(hf, criteria.name, cell.shortfall)).toBe(5); // (39 + 5) / (50 + 5) = 80 %
    const appended = sheet.blocks[0].values.slice(before.length + 1);
    hf.setCellContents(
      { sheet: hf.getSheetId(REGISTER_SHEET)!, row: before.length + 1, col: 0 },
      appended.map((row) => row.map((v) => (typeof v === "string" ? `'${v}` : v))),
    );
    expect(computed(hf, criteria.name, cell.numerator)).toBe(44);
    expect(computed(hf, criteria.name, cell.denominator)).toBe(55);
    expect(computed(hf, criteria.name, cell.met)).toBe(MET.yes);
    expect(computed(hf, criteria.name, cell.shortfall)).toBe(0);
    hf.destroy();
  });
});
