/**
 * What the first screen knows without loading the programme data (src/taskpane/monitoring/lazyEngine.ts)
 * is the programme's: its years and its sheet names.
 */
import { PROGRAMME } from "../../src/domain/programme/programme";
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
