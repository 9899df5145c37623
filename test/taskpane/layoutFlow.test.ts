import { PROGRAMME } from "../../src/domain/programme/programme";
import type { ExcelRunner } from "../../src/hosts/excel/run";
import type { Indicator } from "../../src/domain/programme/types";
import * as render from "../../src/hosts/excel/render";
import { createExcelHost } from "../../src/taskpane/excelHost";
import type { WorkbookHost } from "../../src/taskpane/host";
import { errorMessage } from "../../src/taskpane/host";
import { monitoringEngine } from "../../src/taskpane/monitoring/engine";
import {
  defaultYear,
  LayoutConflict,
  LayoutStage,
  runMonitoringLayout,
  yearsOf,
} from "../../src/taskpane/monitoring/layoutFlow";
import { monitoringColumn } from "../../src/workbook/monitoring/columns";
import { FakeExcel } from "../fakes/excelFake";

const engine = monitoringEngine(PROGRAMME);
const first: Indicator = PROGRAMME.areas[0].tasks[0].actions[0].indicators[0];

function excelHost(fake: FakeExcel, sets = "1.9"): WorkbookHost {
  const max = Number(sets.split(".")[1]);
  return createExcelHost({
    loadRenderer: () => Promise.resolve(render),
    // The fake has run(batch) only; runInExcel passes options only where Office reports 1.11+.
    excel: fake as unknown as ExcelRunner,
    excelApi: (v) => Number(v.split(".")[1]) <= max,
  });
}

/** Row (0-based) of an indicator's label in the fake sheet. */
function rowOf(fake: FakeExcel, sheet: string, label: string): number {
  const s = fake.sheet(sheet)!;
  const col = monitoringColumn("indicator").index;
  for (let r = 0; r < 500; r++) if (s.get(r, col).value === label) return r;
  throw new Error(`label not found: ${label}`);
}

/** Everything the fake sheet holds, as "row,col=value|formula" lines (to compare two layouts). */
function snapshot(fake: FakeExcel, sheet: string): string[] {
  const s = fake.sheet(sheet)!;
  const out: string[] = [];
  for (let r = 0; r < 200; r++)
    for (let c = 0; c < 12; c++) {
      const { value, formula } = s.get(r, c);
      if (value !== null && value !== "") out.push(`${r},${c}=${String(value)}|${formula ?? ""}`);
    }
  return out;
}

interface Run {
  asked: (readonly LayoutConflict[])[];
  stages: LayoutStage[];
}

function deps(host: WorkbookHost, answer: boolean) {
  const run: Run = { asked: [], stages: [] };
  return {
    run,
    deps: {
      host,
      engine,
      confirmReplace: (_sheet: string, conflicts: readonly LayoutConflict[]) => {
        run.asked.push(conflicts);
        return Promise.resolve(answer);
      },
      onStage: (s: LayoutStage) => run.stages.push(s),
    },
  };
}

describe("years", () => {
  test("the programme's years, and last year by default (clamped to the programme)", () => {
    expect(yearsOf(engine)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(defaultYear(engine, new Date(2025, 5, 1))).toBe(2024);
    expect(defaultYear(engine, new Date(2021, 0, 10))).toBe(2021);
    expect(defaultYear(engine, new Date(2031, 0, 10))).toBe(2027);
  });
});

describe("laying out the monitoring template in Excel (recording fake)", () => {
  test("a new year: no question asked, the sheet is written, nothing kept", async () => {
    const fake = new FakeExcel(["Arkusz1"]);
    const { run, deps: d } = deps(excelHost(fake), true);
    const out = await runMonitoringLayout(d, 2023);
    expect(out).toMatchObject({ status: "done", sheet: "Monitoring 2023", kept: 0 });
    expect(run.asked).toEqual([]);
    expect(run.stages[0]).toEqual({ stage: "reading" });
    expect(run.stages.some((s) => s.stage === "writing")).toBe(true);
    expect(fake.sheet("Monitoring 2023")).toBeDefined();
    expect(rowOf(fake, "Monitoring 2023", first.label)).toBeGreaterThan(0);
  });

  test("re-layout keeps a typed value (by indicator id) and twice in a row gives the same sheet", async () => {
    const fake = new FakeExcel();
    const host = excelHost(fake);
    await runMonitoringLayout(deps(host, true).deps, 2024);
    const row = rowOf(fake, "Monitoring 2024", first.label);
    const valueCol = monitoringColumn("value").index;
    fake.sheet("Monitoring 2024")!.set(row, valueCol, 1234, null);
    const before = snapshot(fake, "Monitoring 2024");

    const again = deps(host, false);
    const out = await runMonitoringLayout(again.deps, 2024);
    expect(again.run.asked).toEqual([]); // nothing but typed values differs: no question
    expect(out).toMatchObject({ status: "done", kept: 1 });
    expect(fake.sheet("Monitoring 2024")!.get(row, valueCol).value).toBe(1234);
    expect(snapshot(fake, "Monitoring 2024")).toEqual(before);

    await runMonitoringLayout(deps(host, false).deps, 2024);
    expect(snapshot(fake, "Monitoring 2024")).toEqual(before);
  });

  test("a changed cell is listed and nothing is written when the user cancels", async () => {
    const fake = new FakeExcel();
    const host = excelHost(fake);
    await runMonitoringLayout(deps(host, true).deps, 2022);
    const row = rowOf(fake, "Monitoring 2022", first.label);
    const col = monitoringColumn("verification").index;
    fake.sheet("Monitoring 2022")!.set(row, col, "Moja notatka", null);
    const writesBefore = fake.writes.length;

    const cancel = deps(host, false);
    const out = await runMonitoringLayout(cancel.deps, 2022);
    expect(out).toEqual({ status: "cancelled", sheet: "Monitoring 2022" });
    expect(cancel.run.asked).toHaveLength(1);
    expect(cancel.run.asked[0].map((c) => c.found)).toContain("Moja notatka");
    expect(fake.writes.length).toBe(writesBefore);
    expect(fake.sheet("Monitoring 2022")!.get(row, col).value).toBe("Moja notatka");

    const replace = deps(host, true);
    const done = await runMonitoringLayout(replace.deps, 2022);
    expect(done.status).toBe("done");
    expect(replace.run.asked).toHaveLength(1);
    expect(fake.sheet("Monitoring 2022")!.get(row, col).value).toBe(first.verification);
  });

  test("Excel without ExcelApi 1.9: a clear message, nothing written", async () => {
    const fake = new FakeExcel();
    const { deps: d } = deps(excelHost(fake, "1.8"), true);
    const err = await runMonitoringLayout(d, 2023).then(
      () => null,
      (e: unknown) => e,
    );
    expect(errorMessage(err).pl).toMatch(/nie obsługuje/);
    expect(errorMessage(err).en).toMatch(/requirement set/);
    expect(fake.writes).toEqual([]);
  });

  test("Excel refusing (cell edit mode) becomes the user's message, not a crash", async () => {
    const fake = new FakeExcel();
    fake.failNextSync("InvalidOperationInCellEditMode");
    const { deps: d } = deps(excelHost(fake), true);
    const err = await runMonitoringLayout(d, 2023).then(
      () => null,
      (e: unknown) => e,
    );
    expect(errorMessage(err).pl).toMatch(/edytuje teraz komórkę/);
    expect(errorMessage(err).en).toMatch(/editing a cell/);
  });

  test("a protected sheet is reported with the fix", async () => {
    const fake = new FakeExcel();
    const host = excelHost(fake);
    await runMonitoringLayout(deps(host, true).deps, 2023);
    fake.failNextSync("AccessDenied");
    const err = await runMonitoringLayout(deps(host, true).deps, 2023).then(
      () => null,
      (e: unknown) => e,
    );
    expect(errorMessage(err).en).toMatch(/protected/);
  });

  test("a year outside the programme is refused with the range", async () => {
    const { deps: d } = deps(excelHost(new FakeExcel()), true);
    await expect(runMonitoringLayout(d, 2028)).rejects.toMatchObject({
      info: { message: { en: expect.stringMatching(/2021–2027/) } },
    });
  });

  test("unexpected errors still become a message", () => {
    expect(errorMessage(new TypeError("boom")).en).toBe("An unexpected error occurred: boom");
  });
});
