/**
 * The Summaries section's work, free of React: read the workbook (or the picked files), build the
 * summary sheet plan, ask before replacing an existing sheet, write it through the WorkbookHost.
 */
import type { Card } from "../../domain/card/types";
import type { Lang, Localized } from "../../domain/i18n";
import type { CallSummary } from "../../domain/summary/callSummary";
import type { MonitoringSummary } from "../../domain/summary/monitoringSummary";
import type { SheetCells } from "../../workbook/cells";
import { buildCallSummaryPlan, CALL_SUMMARY_SHEET } from "../../workbook/summary/callSummary";
import type { XlsxParser } from "../../workbook/summary/inputs";
import { buildWorkbookMonitoringSummary } from "../../workbook/summary/monitoringInputs";
import { MONITORING_SUMMARY_SHEET } from "../../workbook/summary/monitoringSummary";
import { SummarizeResult, summarizeInputs } from "../../workbook/summary/summarizeInputs";
import type { WorkbookHost, WriteReport } from "../host";

export interface SummaryDeps {
  host: WorkbookHost;
  lang: Lang;
  /** Asked before an existing sheet of that name is replaced; false keeps it. */
  confirmReplace(sheet: string): Promise<boolean>;
  now?: () => Date;
}

/** Sheets Miernik writes that never hold monitoring entries (and may be large): not read for the summary. */
const NOT_MONITORING = /^(Uczestnicy|Słowniki|Kryteria\b|Podsumowanie\b)/i;

export type MonitoringSummaryOutcome =
  | { status: "done"; summary: MonitoringSummary; notes: Localized[]; report: WriteReport }
  | { status: "none"; message: Localized }
  | { status: "kept" };

/** Whether the workbook has a sheet of that name: Excel compares sheet names ignoring case. */
export function hasSheet(names: readonly string[], name: string): boolean {
  const key = name.toLowerCase();
  return names.some((n) => n.toLowerCase() === key);
}

export async function runMonitoringSummary(deps: SummaryDeps): Promise<MonitoringSummaryOutcome> {
  const { host, lang } = deps;
  const names = await host.listSheets();
  const sheets: SheetCells[] = [];
  for (const name of names) {
    if (NOT_MONITORING.test(name)) continue;
    const s = await host.readSheet(name);
    if (s) sheets.push(s);
  }
  const built = buildWorkbookMonitoringSummary(
    { sheets },
    { lang, builtAt: (deps.now ?? (() => new Date()))() },
  );
  if ("unreadable" in built) return { status: "none", message: built.unreadable };
  if (hasSheet(names, built.sheet.name) && !(await deps.confirmReplace(built.sheet.name)))
    return { status: "kept" };
  const report = await host.writePlans([built.sheet], []);
  return { status: "done", summary: built.summary, notes: built.notes, report };
}

export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export type CallSummaryOutcome =
  | { status: "done"; call: CallSummary; result: SummarizeResult; report: WriteReport }
  | { status: "none"; message: Localized; result: SummarizeResult }
  | { status: "kept"; result: SummarizeResult };

/** Lets the browser paint and handle input between files (a macrotask). */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runCallSummary(
  deps: SummaryDeps,
  files: readonly PickedFile[],
  card: Card,
  asOf: number,
  opts: {
    parseXlsx: XlsxParser;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<CallSummaryOutcome> {
  const result = await summarizeInputs(
    files.map((f) => ({ name: f.name, read: () => f.bytes() })),
    card,
    asOf,
    opts.parseXlsx,
    {
      between: yieldToBrowser,
      signal: opts.signal,
      onFile: (i) => opts.onProgress?.(i + 1, files.length),
    },
  );
  if (!result.call || result.call.projects.length === 0) {
    const message: Localized = result.monitoring
      ? {
          pl: "Wybrane pliki to skoroszyty monitoringu, nie rejestry uczestników — użyj podsumowania monitoringu.",
          en: "The chosen files are monitoring workbooks, not participant registers — use the monitoring summary.",
        }
      : {
          pl: "Żadnego z wybranych plików nie udało się odczytać jako rejestru uczestników.",
          en: "None of the chosen files could be read as a participant register.",
        };
    return { status: "none", message, result };
  }
  const names = await deps.host.listSheets();
  if (hasSheet(names, CALL_SUMMARY_SHEET) && !(await deps.confirmReplace(CALL_SUMMARY_SHEET)))
    return { status: "kept", result };
  const { sheet } = buildCallSummaryPlan(result.call, card, {
    lang: deps.lang,
    builtAt: (deps.now ?? (() => new Date()))(),
  });
  const report = await deps.host.writePlans([sheet], []);
  return { status: "done", call: result.call, result, report };
}

export { CALL_SUMMARY_SHEET, MONITORING_SUMMARY_SHEET };
