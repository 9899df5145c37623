/**
 * The workbook host for Excel: what the task pane's sections need from the workbook (list, read and
 * write sheets, bring one to the front, validation), each operation one Excel.run via runInExcel
 * (edit-mode wait, undo grouping, errors as HostError with a Localized message). The pane sees it as its
 * `WorkbookHost` (src/taskpane/host.ts, adapted in src/taskpane/excelHost.ts); this layer does not import
 * the pane, so the shape is declared here.
 */
import type { Programme } from "../../domain/programme/types";
import type { SheetCells } from "../../workbook/cells";
import type { NamePlan, SheetPlan } from "../../workbook/plan";
import { HostError } from "./errors";
import { listSheets, readSheetCells } from "./read";
import { ExcelRunner, runInExcel, withOwnEventsOff } from "./run";
import { ExcelValidationHost, excelValidationHost, LoadValidation } from "./validationHost";

/** The Office.js renderer (./render.ts), loaded on the first write: the pane's first load does not carry it. */
export type LoadRenderer = () => Promise<Pick<typeof import("./render"), "renderSheetPlans">>;
const loadRenderer: LoadRenderer = () => import(/* webpackChunkName: "excel-render" */ "./render.js");

export interface ExcelHostOptions {
  /** The Excel namespace (the real one, or a fake in tests). */
  excel: ExcelRunner;
  excelApi(version: string): boolean;
  /** Needed for validation (the data, or a loader called on the first validation); without it no `validation`. */
  programme?: Programme | (() => Promise<Programme>);
  /** Tests (jest has no dynamic import) pass the modules themselves. */
  loadRenderer?: LoadRenderer;
  loadValidation?: LoadValidation;
}

export interface ExcelWorkbookHost {
  readonly kind: "excel";
  excelApi(version: string): boolean;
  listSheets(): Promise<string[]>;
  /** `valuesOnly`: no formulas or number formats (what the register readers need; a third of the response). */
  readSheet(name: string, opts?: { valuesOnly?: boolean }): Promise<SheetCells | null>;
  writePlans(
    plans: SheetPlan[],
    names: NamePlan[],
    onProgress?: (requests: number) => void,
  ): Promise<{ syncs: number; fitToPage?: boolean }>;
  showSheet(name: string): Promise<void>;
  readonly validation?: ExcelValidationHost;
}

export function createExcelWorkbookHost(opts: ExcelHostOptions): ExcelWorkbookHost {
  const { excel, excelApi } = opts;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, undoGroup = true) =>
    runInExcel(batch, excel, { undoGroup });
  return {
    kind: "excel",
    excelApi,
    listSheets: async () => (await run((ctx) => listSheets(ctx))).map((s) => s.name),
    readSheet: async (name, readOpts) => {
      try {
        return await run((ctx): Promise<SheetCells> =>
          readSheetCells(ctx, name, { valuesOnly: readOpts?.valuesOnly }),
        );
      } catch (e) {
        // readSheetCells reports a missing sheet as ItemNotFound: that is "no sheet yet", not an error.
        if (e instanceof HostError && e.info.kind === "itemNotFound") return null;
        throw e;
      }
    },
    writePlans: async (plans, names, onProgress) => {
      const { renderSheetPlans } = await (opts.loadRenderer ?? loadRenderer)();
      // A layout rewrites watched cells (the live validation's): events off for Miernik's own writes.
      // In an undo group (ExcelApi 1.20) sheet visibility is set afterwards in a run of its own: Excel on
      // Windows and Mac cannot undo Worksheet.visibility and would refuse the whole group (UndoNotSupported).
      const grouped = excelApi("1.20");
      const report = await run((ctx) =>
        withOwnEventsOff(ctx, excelApi("1.8"), () =>
          renderSheetPlans(ctx, plans, names, {
            onProgress,
            supports: (minor) => excelApi(`1.${minor}`),
            deferVisibility: grouped,
          }),
        ),
      );
      const visibility = report.visibility ?? [];
      if (visibility.length > 0)
        await run(async (ctx) => {
          for (const v of visibility)
            ctx.workbook.worksheets.getItem(v.sheet).visibility = v.visibility as Excel.SheetVisibility;
          await ctx.sync();
        }, false);
      // Fit-to-page is set (zoom with fit pages) but may be ignored until Page Layout view was opened
      // (office-js issue 1860): the pane says so after the layout.
      const fitToPage = plans.some((p) => !!p.print && (p.print.fitToWidth > 0 || p.print.fitToHeight > 0));
      return { syncs: report.syncs, ...(fitToPage ? { fitToPage } : {}) };
    },
    showSheet: (name) =>
      run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem(name);
        sheet.activate();
        sheet.getRange("A1").select();
        await ctx.sync();
      }),
    validation: opts.programme ? excelValidationHost(opts.programme, excel, opts.loadValidation) : undefined,
  };
}
