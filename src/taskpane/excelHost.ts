/**
 * WorkbookHost for Excel: the only place in the pane (with ./validation/host.ts) that runs Office.js
 * batches. Each operation is one Excel.run via runInExcel (edit-mode wait, undo grouping, errors as
 * HostError with a Localized message).
 */
import type { Programme } from "../domain/programme/types";
import { HostError } from "../hosts/excel/errors";
import { listSheets, readSheetCells } from "../hosts/excel/read";
import { renderSheetPlans } from "../hosts/excel/render";
import { ExcelRunner, runInExcel } from "../hosts/excel/run";
import type { SheetCells } from "../workbook/cells";
import type { WorkbookHost } from "./host";
import { excelValidationHost } from "./validation/host";

export interface ExcelHostOptions {
  /** The Excel namespace (the real one, or a fake in tests). */
  excel: ExcelRunner;
  excelApi(version: string): boolean;
  /** Needed for validation; without it the host has no `validation`. */
  programme?: Programme;
}

export function createExcelHost(opts: ExcelHostOptions): WorkbookHost {
  const { excel, excelApi } = opts;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runInExcel(batch, excel);
  return {
    kind: "excel",
    excelApi,
    listSheets: async () => (await run((ctx) => listSheets(ctx))).map((s) => s.name),
    readSheet: async (name) => {
      try {
        return await run((ctx): Promise<SheetCells> => readSheetCells(ctx, name));
      } catch (e) {
        // readSheetCells reports a missing sheet as ItemNotFound: that is "no sheet yet", not an error.
        if (e instanceof HostError && e.info.kind === "itemNotFound") return null;
        throw e;
      }
    },
    writePlans: async (plans, names, onProgress) => {
      const report = await run((ctx) =>
        renderSheetPlans(ctx, plans, names, {
          onProgress,
          supports: (minor) => excelApi(`1.${minor}`),
        }),
      );
      return { syncs: report.syncs };
    },
    showSheet: (name) =>
      run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem(name);
        sheet.activate();
        sheet.getRange("A1").select();
        await ctx.sync();
      }),
    validation: opts.programme ? excelValidationHost(opts.programme, excel) : undefined,
  };
}
