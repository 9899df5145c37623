/**
 * What the Validate panel needs from the workbook. The Excel implementation below uses Office.js through
 * runInExcel; the pane's WorkbookHost (src/taskpane/host.ts) can expose it, and tests pass a fake.
 */
import { Programme } from "../../domain/programme/types";
import { Finding } from "../../domain/validation";
import { ExcelRunner, runInExcel } from "../../hosts/excel/run";
import { applyFixes, ExcelValidationResult, FixResult, validateInExcel } from "./excelValidation";
import { touches } from "./touches";

export interface ValidationHost {
  validate(year: number, yoyFactor?: number): Promise<ExcelValidationResult>;
  /** Apply the fixes of these findings (one or all) in one batch; cells edited since are skipped. */
  applyFixes(findings: readonly Finding[]): Promise<FixResult>;
  /** Activate the sheet and select the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Call `onChange` when any of the given cells is edited (per sheet); returns a function that stops
   * listening. Must not block typing: handlers only schedule work.
   */
  watchCells(
    cells: { sheet: string; addresses: string[] }[],
    onChange: () => void,
  ): Promise<() => Promise<void>>;
}

export function excelValidationHost(programme: Programme, excel?: ExcelRunner): ValidationHost {
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runInExcel(batch, excel);
  return {
    validate: (year, yoyFactor) => run((ctx) => validateInExcel(ctx, programme, { year, yoyFactor })),
    applyFixes: (findings) => run((ctx) => applyFixes(ctx, findings)),
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
              if (touches(ev.address, addresses)) onChange();
            }),
          );
        }
        await ctx.sync();
        return out;
      });
      return async () => {
        for (const h of handlers) {
          await Excel.run(h.context, async (ctx) => {
            h.remove();
            await ctx.sync();
          });
        }
      };
    },
  };
}
