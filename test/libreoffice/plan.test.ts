/**
 * LibreOffice recalculates `Plan projektu` sheets (one soffice run for every file): plans written by
 * `miernik plan` and plans with typed numbers (at thresholds, one below, bad cells) give exactly
 * `evaluatePlan()`; a workbook holding the register and the plan shows, beside each planned figure, the
 * actual one equal to the register's counts — the same figures `evaluate()` reports.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { evaluate } from "../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { rng, sampleParticipant } from "../../src/domain/card/sample";
import type { Card, Participant } from "../../src/domain/card/types";
import { minimumPlan, PlanInput, planFromRegister } from "../../src/domain/plan/evaluate";
import { criterionFieldKeys } from "../../src/domain/plan/evaluate";
import { planFields } from "../../src/domain/plan/fields";
import { checkRegister } from "../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";
import { participantToValues } from "../../src/domain/register/toRow";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { parseA1 } from "../../src/workbook/address";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { buildPlanSheetPlan, planCellMap, planNames, PLAN_SHEET } from "../../src/workbook/projectPlan/sheet";
import { readRegisterSheet } from "../../src/workbook/register/reader";
import { d } from "../fixtures/register/participants";
import { planGrid } from "../workbook/summary/hfLoader";
import { badPlan, expectSheetMatches, randomPlan } from "../workbook/projectPlan/planFixtures";
import { recalculate, shownPercent, SOFFICE } from "./soffice";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const describeLo = SOFFICE ? describe : describe.skip;
const AS_OF = d("2024-09-01");

const PLANS: Record<string, PlanInput> = {
  "at-threshold": { ...minimumPlan(card, 50), ended_women: 100, women: 100, employed_women: 39 },
  "one-below": { ...minimumPlan(card, 49), unemployed: 39, ended_women: 100, women: 100, employed_women: 38 },
  random1: randomPlan(card, 31),
  random2: randomPlan(card, 32),
  bad: badPlan(card, 33),
  // TRUE / FALSE typed or pasted into plan cells: LibreOffice's ISNUMBER counts a logical value as a number
  // (Excel's and HyperFormula's does not), so the sheet must not take TRUE for 1 person.
  logical: { ...minimumPlan(card, 60), other: true, women: true, ended_women: false, trained: true },
};

function registerOf(seed: number, n: number): Participant[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => sampleParticipant(r, i + 2));
}

describeLo("LibreOffice recalculates the plan sheet to evaluatePlan()", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-lo-plan-"));
  const files = new Map<string, PlanInput>();
  let executionFile = "";
  let executed: { participants: Participant[]; plan: PlanInput } = { participants: [], plan: {} };
  let computed: ReturnType<typeof recalculate>;

  beforeAll(async () => {
    // Written by the CLI, with N pre-filled.
    const io: CliIO = { cwd: dir, out: () => undefined, err: () => undefined };
    expect(await run(["plan", "--participants", "60", "-o", "cli60.xlsx"], io)).toBe(0);
    files.set(path.join(dir, "cli60.xlsx"), minimumPlan(card, 60));
    for (const [name, values] of Object.entries(PLANS)) {
      const f = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(
        f,
        await writeXlsx({ sheets: [buildPlanSheetPlan(card, { values })], names: planNames(card) }),
      );
      files.set(f, values);
    }
    // Plan against execution: the register, the criteria sheet and the plan in one workbook.
    const ps = registerOf(44, 80);
    const rows = ps.map((p, i) => {
      const v = participantToValues(p, i + 1);
      return REGISTER_COLUMNS.map((c) => v[c.key]);
    });
    const check = buildCheckWorkbookPlan(card, { rows, asOf: AS_OF, capacity: 200 });
    const cells = {
      name: check.sheets[1].name,
      top: 0,
      left: 0,
      values: planGrid(check.sheets[1]).map((r) =>
        r.map((v) => (typeof v === "string" && v.startsWith("=") ? null : v)),
      ),
    };
    const participants = checkRegister(readRegisterSheet(cells).rows, card.parameters).participants;
    const plan = randomPlan(card, 45);
    executed = { participants, plan };
    executionFile = path.join(dir, "execution.xlsx");
    fs.writeFileSync(
      executionFile,
      await writeXlsx({
        sheets: [...check.sheets, buildPlanSheetPlan(card, { values: plan, withRegister: true })],
        names: [...check.names, ...planNames(card)],
      }),
    );
    computed = recalculate([...files.keys(), executionFile]);
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const getter = (file: string) => {
    const sheet = computed.get(file)!.get(PLAN_SHEET);
    if (!sheet) throw new Error(`no ${PLAN_SHEET} in ${[...computed.get(file)!.keys()].join(", ")}`);
    return (a: string): string | number | null => {
      const { row, col } = parseA1(a);
      const v = sheet[row]?.[col] ?? "";
      return shownPercent(v) ?? v;
    };
  };

  test("every plan's criteria, checks, points and minimums in words", () => {
    for (const [file, values] of files)
      expectSheetMatches(card, values, getter(file), path.basename(file), 0.0006);
  });

  test("plan against execution: actual = the register's counts = evaluate()'s figures", () => {
    const get = getter(executionFile);
    const map = planCellMap(card);
    const counts = planFromRegister(executed.participants, card, AS_OF);
    const e = evaluate(executed.participants, card, AS_OF);
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const f of planFields(card)) {
      const planned = executed.plan[f.key] as number;
      got[f.key] = [Number(get(map.fields[f.key].actual)), Number(get(map.fields[f.key].left))];
      want[f.key] = [counts[f.key], Math.max(0, planned - counts[f.key])];
    }
    expect(got).toEqual(want);
    // The actuals are evaluate()'s own numbers where a criterion counts the same participants.
    expect(Number(get(map.fields.all.actual))).toBe(e.participants);
    for (const c of e.criteria) {
      if (c.kind === "product" && c.id !== "product.B7") {
        const k = criterionFieldKeys(
          card,
          card.criteria.find((x) => x.id === c.id)!,
        ).n;
        expect([c.id, Number(get(map.fields[k].actual))]).toEqual([c.id, c.numerator]);
      }
      if (c.kind === "effectiveness") {
        const keys = criterionFieldKeys(
          card,
          card.criteria.find((x) => x.id === c.id)!,
        );
        expect([
          c.id,
          Number(get(map.fields[keys.n].actual)),
          Number(get(map.fields[keys.d!].actual)),
        ]).toEqual([c.id, c.numerator, c.denominator]);
      }
      if (c.kind === "result" && c.id !== "result.A9") {
        const k = criterionFieldKeys(
          card,
          card.criteria.find((x) => x.id === c.id)!,
        ).n;
        expect([c.id, Number(get(map.fields[k].actual))]).toEqual([c.id, c.numerator]);
      }
    }
    // The plan's own verdicts still hold in the same workbook.
    expectSheetMatches(card, executed.plan, get, "execution", 0.0006);
  });
});
