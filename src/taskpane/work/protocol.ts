/**
 * Messages between the pane (main thread) and its Web Worker (./pane.worker.ts). The worker holds the
 * standalone page's workbook (ExcelJS) and does the heavy work on it — parsing the picked file, reading
 * sheets, building and rendering plans, row checks and the card's evaluation — while the main thread
 * only renders. Everything here is plain data (structured clone).
 */
import type { Card, Evaluation } from "../../domain/card/types";
import type { Localized } from "../../domain/i18n";
import type { Finding } from "../../domain/validation";
import type { SheetCells } from "../../workbook/cells";
import type { NamePlan, SheetPlan } from "../../workbook/plan";
import type { WriteReport } from "../host";
import type { OpenFileInfo } from "../standaloneHost";
import type { ExcelValidationResult, FixResult } from "../validation/host";

/** Each operation: its arguments and its result. */
export interface WorkerOps {
  /** The picked File itself (structured clone passes a handle; the worker reads it), or bytes (transferred). */
  open: { args: [name: string, bytes: Uint8Array | Blob]; result: OpenFileInfo };
  /**
   * Save the workbook: "stream" sends the package to the main thread in chunks (each acknowledged once
   * written into the file the user picked), "blob" returns it in `saved` as a Blob; null: nothing saved.
   */
  download: { args: [mode: "stream" | "blob"]; result: string | null };
  close: { args: []; result: null };
  listSheets: { args: []; result: string[] };
  readSheet: { args: [name: string]; result: SheetCells | null };
  writePlans: { args: [plans: SheetPlan[], names: NamePlan[]]; result: WriteReport };
  validate: { args: [year: number, yoyFactor: number | undefined]; result: ExcelValidationResult };
  applyFixes: { args: [findings: Finding[]]; result: FixResult };
  /** The evaluation with the row problems the pane lists, and how many there are (see checkOutcome). */
  checkCriteria: {
    args: [card: Card, asOf: number];
    result: { evaluation: Evaluation; rows: number; rowIssueCount: number };
  };
}

export type WorkerOp = keyof WorkerOps;

export type WorkerRequest =
  | { [K in WorkerOp]: { id: number; op: K; args: WorkerOps[K]["args"] } }[WorkerOp]
  | { id: number; cancel: true }
  /** A chunk of a streamed download was written: the worker sends the next. */
  | { id: number; ack: true };

/** A file the worker's workbook wants the user to save (a download on the main thread). */
export interface SavedFile {
  /** The package as a Blob (built from its chunks in the worker; passed by reference, not copied). */
  blob: Blob;
  fileName: string;
}

export type WorkerError =
  { kind: "user"; message: Localized } | { kind: "aborted" } | { kind: "error"; message: string };

export type WorkerResponse =
  | { id: number; progress: [done: number, total: number] }
  /** The next chunk of a streamed download (its buffer transferred); answered by `ack`. */
  | { id: number; chunk: Uint8Array }
  | {
      id: number;
      ok: true;
      value: unknown;
      /** The open file after the operation (the main thread's FileBar shows it). */
      info: OpenFileInfo | null;
      saved: SavedFile[];
    }
  | { id: number; ok: false; error: WorkerError; info: OpenFileInfo | null };
