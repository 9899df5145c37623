/**
 * The validation host for Excel: validate, fix, select a cell and watch edited cells through Office.js,
 * each operation one Excel.run via runInExcel. The task pane sees it as its `ValidationHost`
 * (src/taskpane/validation/host.ts); this layer does not import the pane, so the shape is declared here.
 */
import type { Programme } from "../../domain/programme/types";
import type { Finding } from "../../domain/validation";
import { touches } from "../../workbook/validation/touches";
import { ExcelRunner, isSetSupported, runInExcel, withOwnEventsOff } from "./run";
import type { ExcelValidationResult, FixResult } from "./validation";

/** Validation through Office.js (./validation.ts), loaded on the first validation. */
export type LoadValidation = () => Promise<
  Pick<typeof import("./validation"), "validateInExcel" | "applyFixes">
>;
const loadValidation: LoadValidation = () =>
  import(/* webpackChunkName: "excel-validation" */ "./validation.js");

export interface ExcelValidationHost {
  validate(year: number, yoyFactor?: number): Promise<ExcelValidationResult>;
  applyFixes(findings: readonly Finding[]): Promise<FixResult>;
  selectCell(sheet: string, cell: string): Promise<void>;
  watchCells(
    cells: { sheet: string; addresses: string[] }[],
    onChange: () => void,
  ): Promise<() => Promise<void>>;
}

/** The `Excel` global's run, for removing event handlers in their own request context. */
interface ContextRunner {
  run<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

/** `programme` may be a loader: the programme data is then fetched on the first validation. */
export function excelValidationHost(
  programme: Programme | (() => Promise<Programme>),
  excel?: ExcelRunner,
  load: LoadValidation = loadValidation,
): ExcelValidationHost {
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runInExcel(batch, excel);
  return {
    validate: async (year, yoyFactor) => {
      const p = typeof programme === "function" ? await programme() : programme;
      const { validateInExcel } = await load();
      return run((ctx) => validateInExcel(ctx, p, { year, yoyFactor }));
    },
    applyFixes: async (findings) => {
      const { applyFixes } = await load();
      // The fixed cells are watched: Miernik's own writes must not wake the live re-validation (the panel
      // validates once after the fix itself).
      return run((ctx) => withOwnEventsOff(ctx, isSetSupported(8), () => applyFixes(ctx, findings)));
    },
    selectCell: (sheet, cell) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    watchCells: async (cells, onChange) => {
      const handlers = await run(async (ctx) => {
        const out: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
        for (const { sheet, addresses } of cells) {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          out.push(
            ws.onChanged.add(async (ev) => {
              // ExcelApi 1.14: an event raised by this add-in's own write is not an edit of the user's.
              if (ev.triggerSource === "ThisLocalAddin") return;
              if (touches(ev.address, addresses)) onChange();
            }),
          );
        }
        await ctx.sync();
        return out;
      });
      return async () => {
        const runner = (excel ??
          (globalThis as unknown as { Excel: ContextRunner }).Excel) as unknown as ContextRunner;
        for (const h of handlers) {
          await runner.run(h.context, async (ctx) => {
            h.remove();
            await ctx.sync();
          });
        }
      };
    },
  };
}
