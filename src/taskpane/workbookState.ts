/**
 * What the pane shows at a glance about the open workbook: the file (standalone), the monitoring years
 * it holds, whether the participant register is there, and unsaved changes. Read through the WorkbookHost.
 */
import type { WorkbookHost } from "./host";

export const REGISTER_SHEET_NAME = "Uczestnicy";

export interface WorkbookState {
  /** Standalone: the open file's name (null: none open). Excel: null (the workbook is Excel's). */
  fileName: string | null;
  sheets: string[];
  /** Years of the "Monitoring RRRR" sheets, ascending. */
  monitoringYears: number[];
  hasRegister: boolean;
  /** Standalone: changes not downloaded yet. */
  unsaved: boolean;
}

export const EMPTY_WORKBOOK: WorkbookState = {
  fileName: null,
  sheets: [],
  monitoringYears: [],
  hasRegister: false,
  unsaved: false,
};

/** Years of sheets named "Monitoring 2023" (any case, as Excel matches names). */
export function monitoringYearsOf(sheets: readonly string[]): number[] {
  const years = new Set<number>();
  for (const s of sheets) {
    const m = /^monitoring\s+(\d{4})$/i.exec(s.trim());
    if (m) years.add(Number(m[1]));
  }
  return [...years].sort((a, b) => a - b);
}

export async function readWorkbookState(host: WorkbookHost): Promise<WorkbookState> {
  const info = host.files?.current() ?? null;
  let sheets: string[];
  try {
    sheets = await host.listSheets();
  } catch {
    sheets = [];
  }
  return {
    fileName: info?.fileName ?? null,
    sheets,
    monitoringYears: monitoringYearsOf(sheets),
    hasRegister: sheets.some((s) => s.toLowerCase() === REGISTER_SHEET_NAME.toLowerCase()),
    unsaved: info?.unsaved ?? false,
  };
}

/**
 * The year the pane should show for a workbook just opened: the current one when the workbook has its
 * sheet (or has no monitoring sheet at all), else the latest year it holds within the programme.
 */
export function yearForWorkbook(
  current: number,
  years: readonly number[],
  range: { first: number; last: number },
): number {
  const inRange = years.filter((y) => y >= range.first && y <= range.last);
  if (inRange.length === 0 || inRange.includes(current)) return current;
  return inRange[inRange.length - 1];
}
