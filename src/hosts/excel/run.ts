import { toHostError } from "./errors";

/** The part of the `Excel` global that runInExcel needs (the real one, or a fake in tests). */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

function isSetSupported(minor: number): boolean {
  const g = globalThis as {
    Office?: { context?: { requirements?: { isSetSupported(n: string, v: string): boolean } } };
  };
  return g.Office?.context?.requirements?.isSetSupported("ExcelApi", `1.${minor}`) ?? false;
}

/**
 * Excel.run with Miernik's conventions: wait for cell edit mode to end (ExcelApi 1.11
 * `delayForCellEdit`), one undo step for the whole batch where supported (ExcelApi 1.20 `mergeUndoGroup`),
 * and every Office error turned into a HostError with a Localized message (`err.info.message`).
 */
export async function runInExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  excel: ExcelRunner = (globalThis as unknown as { Excel: ExcelRunner }).Excel,
): Promise<T> {
  try {
    if (!isSetSupported(11)) return await excel.run(batch);
    // Wait for the user to leave cell edit mode instead of failing (1.11); one undo step (1.20).
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (isSetSupported(20)) options.mergeUndoGroup = true;
    return await excel.run(options, batch);
  } catch (e) {
    throw toHostError(e);
  }
}
