/** The bench runs end to end at a tiny size and reports every figure (no timing is asserted). */
import { formatReport, runBench } from "../../src/cli/bench/index";

test("bench at N=50 reports each step, Office.js figures and the bundle line", async () => {
  const r = await runBench(["--sizes", "50", "--no-summary", "--json"]);
  const steps = r.steps.map((s) => s.step);
  for (const s of [
    "generate register",
    "write .xlsx",
    "read .xlsx",
    "bare pass (every cell once)",
    "row checks + evaluate card",
  ])
    expect(steps).toContain(s);
  const evaluated = r.steps.find((s) => s.step === "row checks + evaluate card")!;
  expect(evaluated.note).toMatch(/50 evaluated/);
  const actions = r.office.map((o) => `${o.action}:${o.syncs}`);
  expect(actions).toEqual(
    expect.arrayContaining(["lay out Monitoring 2023:2", "validate Monitoring 2023:1"]),
  );
  for (const o of r.office) expect(o.largestRequestKB).toBeLessThan(4000);
  const text = formatReport(r);
  expect(text).toContain("row checks + evaluate card");
  expect(text).toMatch(/Task pane (first load|bundle)/);
}, 60_000);
