/**
 * Officers' summaries over many input files, the same for the CLI (files on disk) and the task pane
 * (files picked in the browser): each input is read (bytes → cells → figures) one at a time, keeping
 * only each project's figures. Monitoring workbooks (a sheet "Monitoring RRRR" or a "Kod miernika"
 * column) go to the monitoring summary; everything else is read as a participant register. A file that
 * cannot be read is listed with its reason; the rest are still summarised.
 */
import { Card } from "../../domain/card/types";
import { Localized } from "../../domain/i18n";
import { strayCellsNote, WorkbookCells } from "../cells";
import { CallSummary, CallSummaryBuilder, FileProblem } from "../../domain/summary/callSummary";
import {
  applicantFor,
  isMonitoringWorkbook,
  miernikSummarySheet,
  readInputFile,
  readProject,
  summaryInputReason,
  XlsxParser,
} from "./inputs";
import { MonitoringCollector, MonitoringOutput } from "./monitoringInputs";
import { RepeatedHeaderNote } from "../register/reader";

export interface SummaryInput {
  /** How the file is named in the summary. */
  name: string;
  /** Its bytes; a thrown error with a `reason` (Localized) is listed with that reason. */
  read(): Promise<Uint8Array>;
}

export interface SummarizeResult {
  call: CallSummary | null;
  monitoring: MonitoringOutput | null;
  /** Every file that could not be summarised (also listed inside `call` / `monitoring`). */
  problems: FileProblem[];
  filesRead: number;
  /** Cells left out of files that were summarised (a stray value far from the data, e.g. at XFD1048576). */
  ignoredCells: IgnoredCells[];
  /** Registers summarised that repeat a header: one column of each read, the others left out. */
  repeatedHeaders: (RepeatedHeaderNote & { file: string; sheet: string })[];
}

export interface IgnoredCells {
  file: string;
  sheet: string;
  count: number;
  /** The first one's address ("XFD1048576"). */
  first: string;
}

/** What to tell the user of cells left out of a file summarised (after "UWAGA <file>: "). */
export function ignoredCellsMessage(g: IgnoredCells): Localized {
  const note = strayCellsNote(g.sheet, g);
  return {
    pl: `${note.pl} — reszta pliku podsumowana`,
    en: `${note.en}; the rest of the file is summarised`,
  };
}

/** Every file summarised with something left out of it, and what (stray cells, columns of a repeated header). */
export function summaryNotes(r: Pick<SummarizeResult, "ignoredCells" | "repeatedHeaders">): {
  file: string;
  message: Localized;
}[] {
  return [
    ...r.ignoredCells.map((g) => ({ file: g.file, message: ignoredCellsMessage(g) })),
    ...r.repeatedHeaders.map((h) => ({ file: h.file, message: h.message })),
  ];
}

export interface SummarizeOptions {
  applicants?: Map<string, string>;
  maxApplications?: number;
  /** Called after each file (the bench samples memory here; the pane reports progress). */
  onFile?: (index: number) => void;
  /** Awaited between files (the pane yields to the browser here so it never freezes). */
  between?: () => Promise<void>;
  /** Stops between files; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/**
 * A fingerprint of a file's bytes: its length and two independent 32-bit hashes (FNV-1a and a multiplicative
 * one). Byte-identical copies — "projekt (1).xlsx" from a second download, "projekt - kopia.csv" — have the
 * same one; different files practically never do.
 */
export function contentFingerprint(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b + bytes[i] + 1, 0x85ebca6b) ^ (b >>> 13);
  }
  return `${bytes.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

/** The reason of a byte-identical copy of a file already summarised: named, and counted once. */
export function copyOf(first: string): Localized {
  return {
    pl: `ta sama zawartość co ${first} (kopia pliku) — policzony raz`,
    en: `the same content as ${first} (a copy) — counted once`,
  };
}

function readFailure(e: unknown): Localized {
  const reason = (e as { reason?: Localized } | null)?.reason;
  if (reason && typeof reason.pl === "string" && typeof reason.en === "string") return reason;
  return { pl: `nie można odczytać pliku: ${oneLine(e)}`, en: `cannot read the file: ${oneLine(e)}` };
}

export async function summarizeInputs(
  inputs: readonly SummaryInput[],
  card: Card,
  asOf: number,
  parseXlsx: XlsxParser,
  opts: SummarizeOptions = {},
): Promise<SummarizeResult> {
  const call = new CallSummaryBuilder(card, asOf, { maxApplicationsPerApplicant: opts.maxApplications });
  const monitoring = new MonitoringCollector();
  const problems: FileProblem[] = [];
  let filesRead = 0;
  const ignoredCells: IgnoredCells[] = [];
  const repeatedHeaders: SummarizeResult["repeatedHeaders"] = [];
  const noteIgnored = (file: string, cells: WorkbookCells): void => {
    for (const sh of cells.sheets)
      if (sh.ignored)
        ignoredCells.push({ file, sheet: sh.name, count: sh.ignored.count, first: sh.ignored.first });
  };
  let registers = 0;
  /** Fingerprint → the first file summarised with those bytes. */
  const summarised = new Map<string, string>();
  for (let i = 0; i < inputs.length; i++) {
    if (i > 0) {
      opts.onFile?.(i - 1);
      if (opts.between) await opts.between();
    }
    opts.signal?.throwIfAborted();
    const f = inputs[i];
    const problem = (reason: FileProblem["reason"]): void => {
      problems.push({ file: f.name, reason });
    };
    let bytes: Uint8Array;
    try {
      bytes = await f.read();
    } catch (e) {
      problem(readFailure(e));
      continue;
    }
    // A copy of a file already summarised would count its participants (or its years) twice.
    const fingerprint = bytes.length > 0 ? contentFingerprint(bytes) : null;
    const original = fingerprint === null ? undefined : summarised.get(fingerprint);
    if (original !== undefined) {
      problem(copyOf(original));
      continue;
    }
    const read = await readInputFile(f.name, bytes, parseXlsx);
    if (!read.ok) {
      problem(read.reason);
      continue;
    }
    const summarySheet = miernikSummarySheet(read.cells);
    if (summarySheet !== null) {
      problem(summaryInputReason(summarySheet));
      continue;
    }
    if (isMonitoringWorkbook(read.cells)) {
      const added = monitoring.add(f.name, read.cells);
      if (added.ok) {
        filesRead++;
        noteIgnored(f.name, read.cells);
        if (fingerprint !== null) summarised.set(fingerprint, f.name);
      } else problem(added.reason);
      continue;
    }
    const pr = readProject(
      read.cells,
      card,
      (opts.applicants && applicantFor(opts.applicants, f.name)) ?? null,
    );
    if (!pr.ok) {
      problem(pr.reason);
      continue;
    }
    if (fingerprint !== null) summarised.set(fingerprint, f.name);
    registers++;
    filesRead++;
    noteIgnored(f.name, read.cells);
    for (const r of pr.project.repeatedHeaders)
      repeatedHeaders.push({ file: f.name, sheet: pr.project.sheet, ...r });
    call.addProject(f.name, pr.project.applicant, pr.project.participants, pr.project.rowIssues);
  }
  if (inputs.length > 0) opts.onFile?.(inputs.length - 1);
  // Monitoring files whose every year is in another file, with more values filled: skipped after all.
  const lost = monitoring.settle();
  if (lost.length > 0) {
    filesRead -= lost.length;
    const order = new Map(inputs.map((f, i) => [f.name, i]));
    problems.push(...lost);
    problems.sort((x, y) => (order.get(x.file) ?? 0) - (order.get(y.file) ?? 0));
  }
  const hasMonitoring = monitoring.count > 0;
  // Problems go to the call summary when there is one (or when nothing else is), else to the monitoring summary.
  const callWanted = registers > 0 || !hasMonitoring;
  if (callWanted) for (const p of problems) call.addProblem(p.file, p.reason);
  return {
    call: callWanted ? call.finish() : null,
    monitoring: hasMonitoring ? monitoring.finish(callWanted ? [] : problems) : null,
    problems,
    filesRead,
    ignoredCells,
    repeatedHeaders,
  };
}
