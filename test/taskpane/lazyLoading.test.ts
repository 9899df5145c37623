/**
 * What the first screen knows without loading the programme data (src/taskpane/monitoring/lazyEngine.ts)
 * is the programme's: its years and its sheet names.
 */
import { PROGRAMME } from "../../src/domain/programme/programme";
import { lazyExcelHost } from "../../src/taskpane/lazyExcelHost";
import { monitoringEngine } from "../../src/taskpane/monitoring/engine";
import { lazyMonitoringEngine, PROGRAMME_YEARS } from "../../src/taskpane/monitoring/lazyEngine";
import { monitoringSheetName } from "../../src/workbook/monitoring/columns";

describe("the first screen's monitoring engine", () => {
  test("the programme's years and sheet names, without its data", () => {
    expect(PROGRAMME_YEARS).toEqual({ firstYear: PROGRAMME.firstYear, lastYear: PROGRAMME.lastYear });
    const lazy = lazyMonitoringEngine();
    const full = monitoringEngine(PROGRAMME);
    expect([lazy.firstYear, lazy.lastYear]).toEqual([full.firstYear, full.lastYear]);
    for (let y = PROGRAMME.firstYear; y <= PROGRAMME.lastYear; y++) {
      expect(lazy.sheetName(y)).toBe(full.sheetName(y));
      expect(lazy.sheetName(y)).toBe(monitoringSheetName(y));
    }
  });
});

describe("the Excel host loaded on first use", () => {
  test("forwards every call to the real host, loading it once", async () => {
    const calls: string[] = [];
    let loads = 0;
    const real = {
      kind: "excel" as const,
      excelApi: () => true,
      listSheets: () => (calls.push("list"), Promise.resolve(["A"])),
      readSheet: (n: string) => (calls.push(`read ${n}`), Promise.resolve(null)),
      writePlans: () => (calls.push("write"), Promise.resolve({ syncs: 2 })),
      showSheet: (n: string) => (calls.push(`show ${n}`), Promise.resolve()),
      validation: {
        validate: (y: number) => (calls.push(`validate ${y}`), Promise.resolve({ syncs: 1 } as never)),
        applyFixes: () => (calls.push("fix"), Promise.resolve({ applied: [], skipped: [], syncs: 0 })),
        selectCell: (s: string, c: string) => (calls.push(`select ${s}!${c}`), Promise.resolve()),
        watchCells: () => (calls.push("watch"), Promise.resolve(() => Promise.resolve())),
      },
    };
    const host = lazyExcelHost(
      (v) => v === "1.9",
      () => {
        loads++;
        return Promise.resolve(real);
      },
    );
    expect(loads).toBe(0);
    expect(host.excelApi("1.9")).toBe(true);
    expect(await host.listSheets()).toEqual(["A"]);
    await host.readSheet("B");
    expect(await host.writePlans([], [])).toEqual({ syncs: 2 });
    await host.showSheet("C");
    await host.validation!.validate(2023);
    await host.validation!.applyFixes([]);
    await host.validation!.selectCell("D", "E5");
    await host.validation!.watchCells([], () => undefined);
    expect(calls).toEqual([
      "list",
      "read B",
      "write",
      "show C",
      "validate 2023",
      "fix",
      "select D!E5",
      "watch",
    ]);
    expect(loads).toBe(1);
  });
});
