/**
 * The pane's WorkbookHost in Excel. Office.js is called only under src/hosts/excel/ (its workbook and
 * validation hosts); this adapter only states that what they offer is the pane's WorkbookHost.
 */
import { createExcelWorkbookHost, ExcelHostOptions } from "../hosts/excel/workbookHost";
import type { WorkbookHost } from "./host";

export type { ExcelHostOptions };

export function createExcelHost(opts: ExcelHostOptions): WorkbookHost {
  return createExcelWorkbookHost(opts);
}
