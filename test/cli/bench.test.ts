/** The bench runs end to end at a tiny size and reports every figure (no timing is asserted). */
import { formatReport, runBench } from "../../src/cli/bench/index";

test("bench at N=50 reports each step, Office.js figures and the bundle line", async () => {
  // Names over 100 rows instead of the add-in's 100 000 keep HyperFormula quick here.
  const r = await runBench(["--sizes", "50", "--no-summary", "--json", "--capacity", "100"]);
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
