/**
 * A real spreadsheet agrees: workbooks written by `miernik check -o` are recalculated by LibreOffice
 * headless (full recalculation forced) and the computed criteria cells equal the engine's JSON.
 * CI installs LibreOffice (.ci/run); without it this suite is skipped and says so.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { rng, sampleParticipant } from "../../src/domain/card/sample";
import { Card, Participant } from "../../src/domain/card/types";
import { parseA1 } from "../../src/workbook/address";
import { criteriaCellMap, MET } from "../../src/workbook/criteria/plan";
import { d, ENDED, JOB, many } from "../fixtures/register/participants";
import { csvBytes, makePesel } from "../fixtures/summary/projects";
import { COUNTING_CASES, CountingCase } from "../fixtures/register/countingCases";
import { serialToIso } from "../../src/domain/dates";
import { recalculate, shownPercent, SOFFICE } from "./soffice";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const describeLo = SOFFICE ? describe : describe.skip;
if (!SOFFICE)
  console.warn(
    "LibreOffice (soffice) not found: the LibreOffice agreement tests are SKIPPED (CI installs it).",
  );

function random(seed: number, n: number): Participant[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const p = sampleParticipant(r, i + 2);
    return r() < 0.4 && p.birthDate !== null && p.sex !== null
      ? { ...p, pesel: makePesel(p.birthDate, p.sex, i), noPesel: false }
      : p;
  });
}

/** A register, the card and as-of date it is checked with (default card 9.1, 2024-09-01), hand-worked figures. */
interface Register {
  participants: Participant[];
  card?: Card;
  asOf?: number;
  criteria?: CountingCase["criteria"];
}

const REGISTERS: Record<string, Participant[] | Register> = {
  zero: [],
  "at-threshold": [...many(40), ...many(10, { status: "inactive", longTerm: null })],
  "one-short": [...many(39), ...many(11, { status: "inactive", longTerm: null })],
  pending: [
    ...many(10, { sex: "F", endDate: d("2024-08-20"), pathCompleted: true }),
    ...many(5, { sex: "F", ...ENDED, ...JOB }),
  ],
  random1: random(11, 120),
  random2: random(12, 300),
  // The counting-rule boundary cases (test/fixtures/register/countingCases.ts), figures worked out by hand.
  ...Object.fromEntries(
    Object.entries(COUNTING_CASES).map(([name, make], i) => {
      const c = make();
      return [`counting-${i + 1}`, { ...c, name }];
    }),
  ),
};
const entry = (r: Participant[] | Register): Register => (Array.isArray(r) ? { participants: r } : r);

interface CriterionJson {
  id: string;
  numerator: number;
  denominator: number | null;
  share: number | null;
  threshold: number | null;
  met: boolean | null;
  points: number | null;
  shortfall: number | null;
  kind: string;
  pending?: number;
}

describeLo("LibreOffice recalculates `miernik check -o` workbooks to the engine's figures", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-lo-check-"));
  const expected = new Map<string, CriterionJson[]>();
  const cards = new Map<string, Register>();
  const files: string[] = [];

  beforeAll(async () => {
    for (const [name, r] of Object.entries(REGISTERS)) {
      const reg = entry(r);
      const csv = path.join(dir, `${name}.csv`);
      fs.writeFileSync(csv, csvBytes(reg.participants));
      const args = ["check", `${name}.csv`, "--as-of", serialToIso(reg.asOf ?? d("2024-09-01")), "--json"];
      if (reg.card && reg.card !== card) {
        fs.writeFileSync(path.join(dir, `${name}.card.json`), JSON.stringify(reg.card));
        args.push("--card", `${name}.card.json`);
      }
      const out: string[] = [];
      const io: CliIO = { cwd: dir, out: (t) => out.push(t), err: () => undefined };
      const code = await run([...args, "-o", `${name}.xlsx`], io);
      expect([0, 1]).toContain(code);
      expected.set(
        path.join(dir, `${name}.xlsx`),
        (JSON.parse(out.join("\n")) as { criteria: CriterionJson[] }).criteria,
      );
      cards.set(path.join(dir, `${name}.xlsx`), reg);
      files.push(path.join(dir, `${name}.xlsx`));
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("every criterion's numerator, denominator, share, met, points and shortfall", () => {
    const computed = recalculate(files);
    for (const file of files) {
      const reg = cards.get(file)!;
      const fileCard = reg.card ?? card;
      const map = criteriaCellMap(fileCard);
      const sheet = computed.get(file)!.get(fileCard.sheetName);
      if (!sheet)
        throw new Error(`no sheet ${fileCard.sheetName} in ${[...computed.get(file)!.keys()].join(", ")}`);
      const cell = (a: string): string => {
        const { row, col } = parseA1(a);
        return sheet[row]?.[col] ?? "";
      };
      const num = (a: string): number => Number(cell(a));
      for (const c of expected.get(file)!) {
        const at = map.criteria[c.id];
        const ctx = `${path.basename(file)} ${c.id}`;
        expect([ctx, num(at.numerator)]).toEqual([ctx, c.numerator]);
        if (c.denominator !== null) expect([ctx, num(at.denominator)]).toEqual([ctx, c.denominator]);
        // LibreOffice's CSV export writes percentages as shown ("83.3%"): exact n and d above fix the share.
        if (c.share !== null) {
          const shown = cell(at.share);
          const v = shownPercent(shown) ?? Number(shown);
          expect([ctx, Math.abs(v - c.share) < 0.0006]).toEqual([ctx, true]);
        }
        if (c.threshold !== null && c.kind !== "product") {
          expect([ctx, cell(at.met)]).toEqual([ctx, c.met === null ? MET.na : c.met ? MET.yes : MET.no]);
          expect([ctx, cell(at.shortfall)]).toEqual([ctx, c.shortfall === null ? "" : String(c.shortfall)]);
        }
        if (c.kind === "premium")
          expect([ctx, cell(at.points)]).toEqual([ctx, c.points === null ? "—" : String(c.points)]);
        if (c.pending !== undefined) expect([ctx, num(at.pending)]).toEqual([ctx, c.pending]);
        // The counting cases: LibreOffice's figures are also the ones worked out by hand.
        const hand = reg.criteria?.[c.id];
        if (hand) {
          if (hand.numerator !== undefined) expect([ctx, num(at.numerator)]).toEqual([ctx, hand.numerator]);
          if (hand.denominator != null) expect([ctx, num(at.denominator)]).toEqual([ctx, hand.denominator]);
          if (hand.pending !== undefined) expect([ctx, num(at.pending)]).toEqual([ctx, hand.pending]);
          if (hand.met !== undefined)
            expect([ctx, cell(at.met)]).toEqual([
              ctx,
              hand.met === null ? MET.na : hand.met ? MET.yes : MET.no,
            ]);
          if (hand.shortfall !== undefined)
            expect([ctx, cell(at.shortfall)]).toEqual([
              ctx,
              hand.shortfall === null ? "" : String(hand.shortfall),
            ]);
        }
      }
    }
  }, 240_000);
});
