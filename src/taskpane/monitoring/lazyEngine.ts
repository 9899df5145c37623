/**
 * The Monitoring engine for the first screen: the programme's years are known at once (the year list), the
 * programme data and the layout builder (src/workbook/monitoring) are a chunk fetched from the add-in's
 * origin on the first layout. Same results as ./engine.ts's monitoringEngine (it is what it loads).
 */
import type { Programme } from "../../domain/programme/types";
import type { MonitoringEngine } from "./layoutFlow";

/** The programme's years (test/taskpane/lazyLoading.test.ts checks them against PROGRAMME). */
export const PROGRAMME_YEARS = { firstYear: 2021, lastYear: 2027 } as const;

/** The programme data, loaded once on demand. */
let programme: Promise<Programme> | null = null;
export function loadProgramme(): Promise<Programme> {
  programme ??= import(/* webpackChunkName: "programme" */ "../../domain/programme/programme.js").then(
    (m) => m.PROGRAMME,
  );
  return programme;
}

export function lazyMonitoringEngine(): MonitoringEngine {
  let engine: Promise<MonitoringEngine> | null = null;
  const load = () =>
    (engine ??= Promise.all([
      loadProgramme(),
      import(/* webpackChunkName: "programme" */ "./engine.js"),
    ]).then(([p, e]) => e.monitoringEngine(p)));
  return {
    ...PROGRAMME_YEARS,
    // As src/workbook/monitoring/columns.ts names it (checked by the same test).
    sheetName: (year) => `Monitoring ${year}`,
    relayout: async (existing, year) => (await load()).relayout(existing, year),
  };
}
