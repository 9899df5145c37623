/**
 * Row checks + card evaluation of a long register without freezing the pane: rows are processed in
 * slices bounded by a time budget (default 50 ms, far under the 200 ms the pane allows itself and the
 * 5 s after which desktop Excel restarts an unresponsive add-in), yielding to the browser between slices,
 * reporting progress and stopping at the next slice boundary when cancelled. Same result as
 * `evaluate(checkRegister(rows))` and as the one-pass `checkAndEvaluate` — the engine's batch API
 * (`registerEvaluator`) keeps one state across slices.
 */
import type { Card, Evaluation } from "../../domain/card/types";
import type { RawRow } from "../../domain/register/checks";
import { registerEvaluator } from "../../domain/register/engine";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { normalizeText } from "../../domain/text";
import type { SheetCells, WorkbookCells } from "../../workbook/cells";
import {
  readRegisterRow,
  RegisterHeader,
  registerHeader,
  RegisterRows,
  registerRows,
  registerSheetOf,
} from "../../workbook/register/reader";
import { registerTableValue } from "../../workbook/register/rows";

export interface SliceOptions {
  /** Rows per step; a slice runs steps until its time budget is spent. */
  stepRows?: number;
  budgetMs?: number;
  now?: () => number;
  /** Gives the browser a turn between slices (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Called after each slice with its duration and row count (the bench reports the longest). */
  onSlice?: (ms: number, rows: number) => void;
}

export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs `work(from, to)` over items 0..total in steps of `step`, in slices bounded by the time budget, with
 * a yield between slices, progress after each slice and cancellation at slice boundaries.
 */
async function inSlices(
  total: number,
  work: (from: number, to: number) => void,
  opts: SliceOptions,
): Promise<void> {
  const step = opts.stepRows ?? 500;
  const budget = opts.budgetMs ?? 50;
  const now = opts.now ?? (() => performance.now());
  const yieldToUi = opts.yieldToUi ?? macrotask;
  let done = 0;
  while (done < total) {
    opts.signal?.throwIfAborted();
    const t0 = now();
    const first = done;
    do {
      const next = Math.min(total, done + step);
      work(done, next);
      done = next;
    } while (done < total && now() - t0 < budget);
    opts.onSlice?.(now() - t0, done - first);
    opts.onProgress?.(done, total);
    if (done < total) await yieldToUi();
  }
  opts.signal?.throwIfAborted();
}

export async function checkAndEvaluateSliced(
  rows: readonly RawRow[],
  card: Card,
  asOf: number,
  opts: SliceOptions = {},
): Promise<Evaluation> {
  const engine = registerEvaluator(card, asOf);
  await inSlices(rows.length, (from, to) => engine.add(rows.slice(from, to)), opts);
  return engine.result();
}

async function readRowsSliced(
  sheet: SheetCells,
  header: RegisterHeader,
  opts: SliceOptions,
): Promise<RegisterRows> {
  const rows: RawRow[] = [];
  const first = header.index + 1;
  await inSlices(
    Math.max(0, sheet.values.length - first),
    (from, to) => {
      for (let i = first + from; i < first + to; i++) {
        const r = readRegisterRow(sheet, header, i);
        if (r) rows.push(r);
      }
    },
    opts,
  );
  return registerRows(sheet, header, rows);
}

/**
 * `readRegisterSheet` in slices: the same result (and the same RegisterReadError, thrown before any slice
 * when the header row is missing or incomplete). Progress counts sheet rows below the header.
 */
export async function readRegisterSheetSliced(
  sheet: SheetCells,
  opts: SliceOptions = {},
): Promise<RegisterRows> {
  return readRowsSliced(sheet, registerHeader(sheet), opts);
}

/** `readRegisterWorkbook` in slices: the same sheet choice, errors and rows. */
export async function readRegisterWorkbookSliced(
  wb: WorkbookCells,
  opts: SliceOptions = {},
): Promise<RegisterRows> {
  const { sheet, header } = registerSheetOf(wb);
  return readRowsSliced(sheet, header, opts);
}

/**
 * The columns a row without PESEL is known by: all but the ordinal (Lp. is renumbered, not the person's).
 * `convert`: dates and numbers, whose typed text ("12.05.1970", "3") the register holds as numbers; the
 * other values' slips of case and spacing are normalizeText's.
 */
const KEY_COLUMNS = REGISTER_COLUMNS.filter((c) => c.key !== "lp").map((c) => ({
  c,
  convert: c.kind === "date" || c.kind === "number" || c.kind === "int" || c.key === "fte",
}));

/**
 * The import preview's identity of a row: its PESEL when it has one, else every value of the row as the
 * register table holds it (registerTableValue: "12.05.1970" and the date read back from the register are
 * one value, "3" and 3 too), normalised; empty values and Lp. left out. A file imported again finds its
 * rows without PESEL already there.
 */
export function importRowKey(r: RawRow): string {
  const pesel = typeof r.values.pesel === "string" ? r.values.pesel.trim() : r.values.pesel;
  if (pesel) return `pesel:${String(pesel)}`;
  let key = "row:";
  for (const { c, convert } of KEY_COLUMNS) {
    const raw = r.values[c.key];
    const v = convert ? registerTableValue(c, raw) : (raw ?? null);
    if (v === null || v === "") continue;
    key += `${c.key}=${normalizeText(String(v))}|`;
  }
  return key;
}

export interface Deduped {
  /** Incoming rows not yet in the register (nor earlier in the file), in file order. */
  toAdd: RawRow[];
  /** Incoming rows already in the register or repeated in the file. */
  duplicates: number;
}

/** Duplicate detection: rows already known (the register), then rows offered in file order. */
function deduper() {
  const seen = new Set<string>();
  const toAdd: RawRow[] = [];
  let duplicates = 0;
  return {
    known: (r: RawRow) => void seen.add(importRowKey(r)),
    offer: (r: RawRow) => {
      const k = importRowKey(r);
      if (seen.has(k)) duplicates++;
      else {
        seen.add(k);
        toAdd.push(r);
      }
    },
    result: (): Deduped => ({ toAdd, duplicates }),
  };
}

/** The import preview's duplicate detection in one pass (the bench's floor for `dedupeSliced`). */
export function dedupeRows(existing: readonly RawRow[], incoming: readonly RawRow[]): Deduped {
  const d = deduper();
  existing.forEach(d.known);
  incoming.forEach(d.offer);
  return d.result();
}

/**
 * `dedupeRows` in slices: first the keys of the existing rows, then the incoming rows; progress counts
 * both (done, existing + incoming). Same result.
 */
export async function dedupeSliced(
  existing: readonly RawRow[],
  incoming: readonly RawRow[],
  opts: SliceOptions = {},
): Promise<Deduped> {
  const d = deduper();
  await inSlices(
    existing.length + incoming.length,
    (from, to) => {
      for (let i = from; i < to; i++)
        if (i < existing.length) d.known(existing[i]);
        else d.offer(incoming[i - existing.length]);
    },
    opts,
  );
  return d.result();
}
