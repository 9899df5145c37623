/**
 * What the Validate panel needs from the workbook. In Excel it is src/hosts/excel/validationHost.ts
 * (Office.js); outside Office the standalone host implements it over the file in memory; tests pass a fake.
 */
import type { Finding } from "../../domain/validation";
import type { ExcelValidationResult, FixResult } from "../../hosts/excel/validation";

export type { ExcelValidationResult, FixResult };

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
