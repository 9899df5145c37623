/**
 * The pane's WorkbookHost in Excel, with the Excel host itself (Office.js reads, the renderer, validation:
 * src/hosts/excel/) loaded on the first operation — or right after the first screen (`prefetch`) — so the
 * first load does not carry it. Every call is forwarded unchanged.
 */
import type { WorkbookHost } from "./host";
import type { ValidationHost } from "./validation/host";

export function lazyExcelHost(
  excelApi: (version: string) => boolean,
  load: () => Promise<WorkbookHost>,
): WorkbookHost & { prefetch(): void } {
  let real: Promise<WorkbookHost> | null = null;
  const host = () => (real ??= load());
  const validation = async (): Promise<ValidationHost> => {
    const v = (await host()).validation;
    if (!v) throw new Error("the Excel host has no validation");
    return v;
  };
  return {
    kind: "excel",
    excelApi,
    listSheets: async () => (await host()).listSheets(),
    readSheet: async (name, opts) => (await host()).readSheet(name, opts),
    writePlans: async (plans, names, onProgress) => (await host()).writePlans(plans, names, onProgress),
    showSheet: async (name) => (await host()).showSheet(name),
    validation: {
      validate: async (year, yoyFactor) => (await validation()).validate(year, yoyFactor),
      applyFixes: async (findings) => (await validation()).applyFixes(findings),
      selectCell: async (sheet, cell) => (await validation()).selectCell(sheet, cell),
      watchCells: async (cells, onChange) => (await validation()).watchCells(cells, onChange),
    },
    prefetch: () => void host().catch(() => undefined),
  };
}
