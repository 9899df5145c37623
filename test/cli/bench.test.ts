/** The bench runs end to end at a tiny size and reports every figure (no timing is asserted). */
import { registerRows } from "../../src/cli/bench/child";
import { formatReport, runBench } from "../../src/cli/bench/index";
import { derivedAsValues, libreOfficePeer } from "../../src/cli/bench/libreoffice";
import { SOFFICE } from "../../src/cli/bench/soffice";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import type { Card } from "../../src/domain/card/types";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { derivedRow } from "../../src/workbook/register/derivedValues";
import { checkRegister } from "../../src/domain/register/checks";
import { readRegisterSheet } from "../../src/workbook/register/reader";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";

test("bench at N=50 reports each step, Office.js figures and the bundle line", async () => {
  // Names over 100 rows instead of the add-in's 100 000 keep HyperFormula quick here.
  const r = await runBench([
    "--sizes",
    "50",
    "--no-summary",
    "--json",
    "--capacity",
    "100",
    "--no-libreoffice",
  ]);
  const steps = r.steps.map((s) => s.step);
  for (const s of [
    "generate register",
    "write .xlsx",
    "read .xlsx",
    "bare pass (every cell once)",
    "read register rows (one pass)",
    "pane: sliced register read",
    "import preview (one pass)",
    "pane: sliced import preview",
    "row checks + evaluate card",
    "pane: sliced checks + evaluation",
    "criteria sheet recalculation (HyperFormula)",
    "HyperFormula full recalculation",
  ])
    expect(steps).toContain(s);
  for (const s of r.steps) {
    expect(s.rssMB).toBeGreaterThan(0);
    if (s.step.startsWith("pane: sliced")) {
      expect(s.slices).toBeGreaterThan(0);
      expect(s.longestSliceMs).toBeGreaterThanOrEqual(0);
    }
  }
  // HyperFormula's criteria sheet (values and full formulas) agrees with evaluate().
  expect(r.mismatches).toEqual([]);
  for (const name of ["criteria sheet recalculation (HyperFormula)", "HyperFormula full recalculation"]) {
    const s = r.steps.find((x) => x.step === name)!;
    expect(s.ms).toBeGreaterThan(0);
    expect(s.note).toMatch(/= evaluate\(\): all \d+ numerators/);
  }
  const evaluated = r.steps.find((s) => s.step === "row checks + evaluate card")!;
  expect(evaluated.note).toMatch(/50 evaluated/);
  const actions = r.office.map((o) => `${o.action}:${o.syncs}`);
  expect(actions).toEqual(
    expect.arrayContaining(["lay out Monitoring 2023:2", "validate Monitoring 2023:1"]),
  );
  for (const o of r.office) expect(o.largestRequestKB).toBeLessThan(4000);
  const text = formatReport(r);
  expect(text).toContain("row checks + evaluate card");
  expect(text).toContain("criteria sheet recalculation (HyperFormula)");
  expect(text).toMatch(/Task pane (first load|bundle)/);
}, 60_000);

test("bench --only write runs the writes in child processes and nothing else", async () => {
  const r = await runBench(["--sizes", "50", "--only", "write", "--json"]);
  expect(r.steps).toEqual([]);
  expect(r.office).toEqual([]);
  expect(r.libreOffice).toBeNull();
  expect(r.writes.map((w) => w.n)).toEqual([50]);
  // npm test builds the CLI (lib/cli/bench/child.js) before the unit tests.
  for (const f of [r.writes[0].criteria, r.writes[0].floor, r.writes[0].checkO]) {
    expect(typeof f).toBe("object");
    if (typeof f === "object") expect(f.bytes).toBeGreaterThan(0);
  }
}, 60_000);

test("the peer's values register: derived columns hold the TypeScript reference, inputs and criteria unchanged", () => {
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  const rows = registerRows(30);
  const plan = buildCheckWorkbookPlan(card, { rows, asOf: 45658 });
  const reg = (p: typeof plan) => p.sheets.find((s) => s.name === "Uczestnicy")!;
  expect(reg(plan).columnFormulas!.length).toBeGreaterThan(10);
  const header = REGISTER_COLUMNS.map((c) => c.header);
  const { participants } = checkRegister(
    readRegisterSheet({ name: "Uczestnicy", top: 0, left: 0, values: [header, ...rows] }).rows,
    card.parameters,
  );
  const values = derivedAsValues(plan, participants, card.parameters, 45658);
  expect(reg(values).columnFormulas).toEqual([]);
  expect(values.sheets[0]).toBe(plan.sheets[0]);
  const block = reg(values).blocks.find((b) => b.row === 0 && b.col === 0)!;
  const inputs = REGISTER_COLUMNS.length;
  expect(block.values[0]).toEqual(reg(plan).blocks.find((b) => b.row === 0 && b.col === 0)!.values[0]);
  rows.forEach((_row, i) => {
    expect(block.values[i + 1].slice(0, inputs)).toEqual(reg(plan).blocks[0].values[i + 1].slice(0, inputs));
    expect(block.values[i + 1].slice(inputs)).toEqual(derivedRow(participants[i], card.parameters, 45658));
  });
});

(SOFFICE ? test : test.skip)(
  "the LibreOffice peer at N=40: both designs' criteria sheets equal evaluate(); the whole workbook above --peer-full-max is skipped with why",
  async () => {
    const r = await libreOfficePeer(builtinCard(DEFAULT_CARD_ID) as Card, registerRows(40), { fullMax: 39 });
    expect(typeof r).toBe("object");
    if (typeof r === "string") return;
    expect(r.full).toMatch(/skipped above 39 rows \(--peer-full-max N runs it\)/);
    for (const p of [r.criteria]) {
      expect(p.note).toBe("both criteria sheets compute the same values, equal to evaluate()");
      expect(p.agree).toBe(true);
      expect(p.miernik.ms).toBeGreaterThan(0);
    }
    const engineOnly = await runBench(["--only", "engine", "--sizes", "20", "--json"]);
    // Both floors of the engine ratio are measured and printed next to it.
    expect(engineOnly.engine[0].lookupsMs).toBeGreaterThan(0);
    expect(engineOnly.engine[0].typedMs).toBeGreaterThan(0);
    const text = formatReport({ ...engineOnly, libreOffice: [r] });
    expect(text).toMatch(/floor: every cell typed once \+ that lookup \d+ ms \(×[\d.]+\)/);
    expect(text).toContain("criteria sheet (derived columns as values)");
    expect(text).toContain("whole workbook (derived formulas too)");
  },
  180_000,
);
