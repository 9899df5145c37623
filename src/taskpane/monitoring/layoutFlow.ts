/**
 * The "lay out the template" flow of the Monitoring section, without React and without Office:
 * read the year's sheet if it exists → plan the re-layout (typed values kept, matched by indicator
 * id) → ask before replacing anything else → write → show the sheet. Tested with fake hosts.
 */
import type { Localized } from "../../domain/i18n";
import { API_NOT_FOUND_MESSAGE } from "../../hosts/excel/apiMessage";
import type { SheetCells } from "../../workbook/cells";
import type { CellValue, NamePlan, SheetPlan, WorkbookPlan } from "../../workbook/plan";
import { REQUIRED_EXCEL_API } from "../../platform/office";
import type { WorkbookHost } from "../host";

/** A cell the re-layout would change although the user (or someone) put something else there. */
export interface LayoutConflict {
  address: string;
  found: CellValue;
  wouldBe: CellValue;
}

/** What src/workbook/monitoring's planRelayout returns. */
export interface RelayoutResult {
  plan: SheetPlan | WorkbookPlan;
  /** Typed values carried over (a count or the list of them). */
  kept: number | readonly unknown[];
  conflicts: readonly LayoutConflict[];
}

/** The monitoring layout functions the flow needs (bound to the real ones in ./engine.ts). */
export interface MonitoringEngine {
  firstYear: number;
  lastYear: number;
  /** The sheet's name for a year ("Monitoring 2023"). */
  sheetName(year: number): string;
  /** May load the layout builder first (./lazyEngine.ts). */
  relayout(existing: SheetCells | null, year: number): RelayoutResult | Promise<RelayoutResult>;
}

export type LayoutStage = { stage: "reading" } | { stage: "writing"; requests: number };

export type LayoutOutcome =
  | {
      status: "done";
      sheet: string;
      kept: number;
      syncs?: number;
      downloaded?: string;
      fitToPage?: boolean;
    }
  | { status: "cancelled"; sheet: string };

export interface LayoutFlowDeps {
  host: WorkbookHost;
  engine: MonitoringEngine;
  /** Show the conflicts and resolve true to replace them, false to leave everything as it is. */
  confirmReplace(sheet: string, conflicts: readonly LayoutConflict[]): Promise<boolean>;
  onStage?(s: LayoutStage): void;
}

/** An error whose message is for the user (shown in the MessageBar as it is). */
export class FlowError extends Error {
  constructor(readonly info: { message: Localized }) {
    super(info.message.en);
    this.name = "FlowError";
  }
}

function toSheets(plan: SheetPlan | WorkbookPlan): { sheets: SheetPlan[]; names: NamePlan[] } {
  return "sheets" in plan ? { sheets: plan.sheets, names: plan.names } : { sheets: [plan], names: [] };
}

export function yearsOf(engine: Pick<MonitoringEngine, "firstYear" | "lastYear">): number[] {
  const out: number[] = [];
  for (let y = engine.firstYear; y <= engine.lastYear; y++) out.push(y);
  return out;
}

/** The default reporting year: last calendar year, clamped to the programme's years. */
export function defaultYear(
  engine: Pick<MonitoringEngine, "firstYear" | "lastYear">,
  today: Date = new Date(),
): number {
  return Math.min(engine.lastYear, Math.max(engine.firstYear, today.getFullYear() - 1));
}

export async function runMonitoringLayout(deps: LayoutFlowDeps, year: number): Promise<LayoutOutcome> {
  const { host, engine } = deps;
  if (!Number.isInteger(year) || year < engine.firstYear || year > engine.lastYear)
    throw new FlowError({
      message: {
        pl: `Rok ${year} jest poza okresem programu (${engine.firstYear}–${engine.lastYear}). Wybierz rok z listy.`,
        en: `Year ${year} is outside the programme (${engine.firstYear}–${engine.lastYear}). Pick a year from the list.`,
      },
    });
  if (host.kind === "excel" && !host.excelApi(REQUIRED_EXCEL_API))
    throw new FlowError({ message: API_NOT_FOUND_MESSAGE });

  const sheet = engine.sheetName(year);
  deps.onStage?.({ stage: "reading" });
  const existing = await host.readSheet(sheet);
  const relayout = await engine.relayout(existing, year);
  if (relayout.conflicts.length > 0) {
    const replace = await deps.confirmReplace(sheet, relayout.conflicts);
    if (!replace) return { status: "cancelled", sheet };
  }
  deps.onStage?.({ stage: "writing", requests: 0 });
  const { sheets, names } = toSheets(relayout.plan);
  const report = await host.writePlans(sheets, names, (requests) =>
    deps.onStage?.({ stage: "writing", requests }),
  );
  try {
    await host.showSheet(sheet);
  } catch {
    // Bringing the sheet to the front is a courtesy: the layout itself is written and reported.
  }
  const kept = typeof relayout.kept === "number" ? relayout.kept : relayout.kept.length;
  return {
    status: "done",
    sheet,
    kept,
    syncs: report.syncs,
    downloaded: report.downloaded,
    ...(report.fitToPage ? { fitToPage: true } : {}),
  };
}
