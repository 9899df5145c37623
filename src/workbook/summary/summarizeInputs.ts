/**
 * Officers' summaries over many input files, the same for the CLI (files on disk) and the task pane
 * (files picked in the browser): each input is read (bytes → cells → figures) one at a time, keeping
 * only each project's figures. Monitoring workbooks (a sheet "Monitoring RRRR" or a "Kod miernika"
 * column) go to the monitoring summary; everything else is read as a participant register. A file that
 * cannot be read is listed with its reason; the rest are still summarised.
 */
import { Card } from "../../domain/card/types";
import { Localized } from "../../domain/i18n";
import { CallSummary, CallSummaryBuilder, FileProblem } from "../../domain/summary/callSummary";
import { fileKey, isMonitoringWorkbook, readInputFile, readProject, XlsxParser } from "./inputs";
import { MonitoringCollector, MonitoringOutput } from "./monitoringInputs";

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
  let registers = 0;
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
    const read = await readInputFile(f.name, bytes, parseXlsx);
    if (!read.ok) {
      problem(read.reason);
      continue;
    }
    if (isMonitoringWorkbook(read.cells)) {
      const added = monitoring.add(f.name, read.cells);
      if (added.ok) filesRead++;
      else problem(added.reason);
      continue;
    }
    const pr = readProject(read.cells, card, opts.applicants?.get(fileKey(f.name)) ?? null);
    if (!pr.ok) {
      problem(pr.reason);
      continue;
    }
    registers++;
    filesRead++;
    call.addProject(f.name, pr.project.applicant, pr.project.participants, pr.project.rowIssues);
  }
  if (inputs.length > 0) opts.onFile?.(inputs.length - 1);
  const hasMonitoring = monitoring.count > 0;
  // Problems go to the call summary when there is one (or when nothing else is), else to the monitoring summary.
  const callWanted = registers > 0 || !hasMonitoring;
  if (callWanted) for (const p of problems) call.addProblem(p.file, p.reason);
  return {
    call: callWanted ? call.finish() : null,
    monitoring: hasMonitoring ? monitoring.finish(callWanted ? [] : problems) : null,
    problems,
    filesRead,
  };
}
