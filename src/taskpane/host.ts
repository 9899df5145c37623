/**
 * What the pane's sections need from "the workbook", whatever it is: Excel through Office.js
 * (./excelHost.ts) or, outside Office, files in the browser (./standaloneHost.ts). Sections get a
 * WorkbookHost as a prop and never call Office.js themselves; tests pass a fake.
 */
import type { Card, Evaluation } from "../domain/card/types";
import type { Localized } from "../domain/i18n";
import type { SheetCells } from "../workbook/cells";
import type { NamePlan, SheetPlan } from "../workbook/plan";
import type { StandaloneFiles } from "./standaloneHost";
import type { ValidationHost } from "./validation/host";

export type WorkbookHostKind = "excel" | "standalone";

export interface WriteReport {
  /** Excel: number of context.sync calls used. */
  syncs?: number;
  /** Standalone: the file name offered for download. */
  downloaded?: string;
  /**
   * Excel: a sheet was set to fit its pages (width/height). Excel may ignore that until Page Layout view has
   * been opened once (office-js issue 1860), so the pane tells the user.
   */
  fitToPage?: boolean;
}

export interface WorkbookHost {
  readonly kind: WorkbookHostKind;
  /** Whether ExcelApi `version` ("1.9") is available (always false standalone). */
  excelApi(version: string): boolean;
  /** Names of the workbook's sheets, in order (hidden ones included). */
  listSheets(): Promise<string[]>;
  /** The used range of a sheet (values, formulas, formats), or null when there is no such sheet. */
  /** `valuesOnly`: the host may leave out formulas and number formats (Excel reads a third as much). */
  readSheet(name: string, opts?: { valuesOnly?: boolean }): Promise<SheetCells | null>;
  /**
   * Lay out sheets and defined names, replacing sheets of the same name. The caller has already
   * merged typed values into the plans and asked the user before replacing anything else.
   * `onProgress` gets the number of requests sent so far.
   */
  writePlans(
    plans: SheetPlan[],
    names: NamePlan[],
    onProgress?: (requests: number) => void,
  ): Promise<WriteReport>;
  /** Bring the sheet to the front (no-op standalone). */
  showSheet(name: string): Promise<void>;
  /** Validation of monitoring entries. */
  readonly validation?: ValidationHost;
  /** Outside Office only: the file the pane works on (open / download). */
  readonly files?: StandaloneFiles;
  /** Heavy work done where the workbook is, off the main thread (the standalone page's Web Worker). */
  readonly work?: PaneWork;
}

/** Work a host runs off the main thread; each gives what the main-thread flow would. */
export interface PaneWork {
  readonly inWorker: true;
  /** Read the register (as checkCriteria picks it), row checks and the card's evaluation. */
  checkCriteria(
    card: Card,
    asOf: number,
    opts?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
  ): Promise<{ evaluation: Evaluation; rows: number; rowIssueCount: number }>;
}

/** An error a host throws with a message meant for the user (HostError from src/hosts/excel/errors). */
export interface UserFacingError {
  info: { message: Localized };
}

export function isUserFacingError(e: unknown): e is UserFacingError {
  if (typeof e !== "object" || e === null || !("info" in e)) return false;
  const info = (e as { info: unknown }).info;
  if (typeof info !== "object" || info === null || !("message" in info)) return false;
  const m = (info as { message: unknown }).message;
  return typeof m === "object" && m !== null && "pl" in m && "en" in m;
}

/** Any error as a Localized message for a MessageBar: hosts' messages as they are, others wrapped. */
export function errorMessage(e: unknown): Localized {
  if (isUserFacingError(e)) return e.info.message;
  const detail = e instanceof Error ? e.message : String(e);
  // The detail comes from a lower layer in English: the Polish message does not carry it (it goes to the console).
  if (typeof console !== "undefined") console.error(e);
  return {
    pl: "Wystąpił nieoczekiwany błąd. Spróbuj ponownie; jeśli się powtórzy, zamknij i otwórz Miernika.",
    en: `An unexpected error occurred: ${detail}`,
  };
}
