/** The Monitoring flow bound to the programme data and src/workbook/monitoring's layout functions. */
import type { Programme } from "../../domain/programme/types";
import { monitoringSheetName, planRelayout } from "../../workbook/monitoring/layout";
import type { MonitoringEngine } from "./layoutFlow";

export function monitoringEngine(programme: Programme): MonitoringEngine {
  return {
    firstYear: programme.firstYear,
    lastYear: programme.lastYear,
    sheetName: (year) => monitoringSheetName(year),
    relayout: (existing, year) => planRelayout(existing, programme, year),
  };
}
