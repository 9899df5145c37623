import { toHostError } from "./errors";

/** The part of the `Excel` global that runInExcel needs (the real one, or a fake in tests). */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export function isSetSupported(minor: number): boolean {
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
  opts: { undoGroup?: boolean } = {},
): Promise<T> {
  try {
    if (!isSetSupported(11)) return await excel.run(batch);
    // Wait for the user to leave cell edit mode instead of failing (1.11); one undo step (1.20) unless the
    // batch uses an API that cannot be undone (`undoGroup: false`; Excel would refuse with UndoNotSupported).
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (isSetSupported(20) && opts.undoGroup !== false) options.mergeUndoGroup = true;
    return await excel.run(options, batch);
  } catch (e) {
    throw toHostError(e);
  }
}

/**
 * Runs `write` (Miernik's own writes) with this add-in's events off: Excel fires Worksheet.onChanged for
 * changes made through Office.js too ("Office Add-in (JavaScript) code that changes the workbook" — Work with
 * events, Event triggers; source "Local"), so without this every fix or layout would wake the live
 * re-validation for cells Miernik wrote itself — needless work, and a loop for any handler that writes.
 * Runtime.enableEvents (ExcelApi 1.8) "toggles JavaScript events in the current task pane": set false before
 * the writes (same queue), true again afterwards in its own sync, even when `write` fails. Without 1.8 the
 * handler's `triggerSource` check (1.14) or nothing guards; each write is followed by a validation anyway.
 */
export async function withOwnEventsOff<T>(
  context: Excel.RequestContext,
  supported: boolean,
  write: () => Promise<T>,
): Promise<T> {
  if (!supported) return write();
  context.runtime.enableEvents = false;
  let out: T;
  try {
    out = await write();
  } catch (e) {
    context.runtime.enableEvents = true;
    await context.sync().catch(() => undefined);
    throw e;
  }
  context.runtime.enableEvents = true;
  await context.sync();
  return out;
}
