/**
 * Reads an .xlsx in a worker thread with its own memory limit and a time limit, so a file that would
 * exhaust memory or take too long fails alone with a reason (the CLI stays up, `summarize` goes on with
 * the other files). Used by every command of the compiled CLI; under ts-jest (no compiled worker file)
 * the file is read in-process.
 */
import * as fs from "fs";
import * as path from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { checkXlsxPackage, damagedXlsxError, XlsxReadError, XlsxReadReason } from "../hosts/xlsx/preflight";
import type { WorkbookCells } from "../workbook/cells";

/** Limits of one read (README, "Limits"). */
export const READ_LIMITS = {
  /** The worker's heap (MIERNIK_READ_HEAP_MB overrides it, for tests). */
  heapMb: Number(process.env.MIERNIK_READ_HEAP_MB) || 1536,
  /** MIERNIK_READ_TIMEOUT_MS overrides it, for tests. */
  timeoutMs: Number(process.env.MIERNIK_READ_TIMEOUT_MS) || 180000,
};

interface Reply {
  ok: boolean;
  cells?: WorkbookCells;
  message?: string;
  pl?: string;
  reason?: XlsxReadReason;
}

const WORKER_FLAG = "miernikIsolatedRead";

if (!isMainThread && parentPort && (workerData as { [WORKER_FLAG]?: boolean } | null)?.[WORKER_FLAG]) {
  const port = parentPort;
  // ExcelJS is loaded here only (the main thread never needs it to read).
  const { readXlsx } = require("../hosts/xlsx/read") as typeof import("../hosts/xlsx/read");
  port.on("message", (bytes: Uint8Array) => {
    readXlsx(bytes, { checked: true }).then(
      (cells) => port.postMessage({ ok: true, cells } satisfies Reply),
      (e: unknown) =>
        port.postMessage({
          ok: false,
          message: (e instanceof Error ? e.message : String(e)).split("\n")[0],
          pl: e instanceof XlsxReadError ? e.pl : undefined,
          reason: e instanceof XlsxReadError ? e.reason : "damaged",
        } satisfies Reply),
    );
  });
}

/** One worker serves the reads one after another; a worker that fails (memory, time) is replaced. */
let shared: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

function worker(): Worker {
  if (shared) return shared;
  const w = new Worker(path.resolve(__filename), {
    workerData: { [WORKER_FLAG]: true },
    resourceLimits: { maxOldGenerationSizeMb: READ_LIMITS.heapMb, maxYoungGenerationSizeMb: 48 },
    stdout: true,
    stderr: true,
  });
  w.unref();
  w.on("exit", () => {
    if (shared === w) shared = null;
  });
  shared = w;
  return w;
}

const compiled = __filename.endsWith(".js") && fs.existsSync(__filename);

/** The package is checked first, in this thread (no ExcelJS needed); then ExcelJS reads it in a worker. */
export async function readXlsxIsolated(bytes: Uint8Array): Promise<WorkbookCells> {
  await checkXlsxPackage(bytes);
  if (!compiled) {
    const { readXlsx } = require("../hosts/xlsx/read") as typeof import("../hosts/xlsx/read");
    return readXlsx(bytes, { checked: true });
  }
  const run = queue.then(() => readInWorker(bytes));
  queue = run.catch(() => undefined);
  return run;
}

function readInWorker(bytes: Uint8Array): Promise<WorkbookCells> {
  return new Promise((resolve, reject) => {
    const w = worker();
    w.ref();
    let settled = false;
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      w.unref();
      f();
    };
    const fail = (f: () => void): void => {
      if (shared === w) shared = null;
      void w.terminate();
      done(f);
    };
    const timer = setTimeout(
      () =>
        fail(() =>
          reject(
            new XlsxReadError(
              `reading the workbook took longer than ${Math.round(READ_LIMITS.timeoutMs / 1000)} s: too large or damaged`,
              "too-large",
              `odczyt skoroszytu trwał dłużej niż ${Math.round(READ_LIMITS.timeoutMs / 1000)} s: plik za duży lub uszkodzony`,
            ),
          ),
        ),
      READ_LIMITS.timeoutMs,
    );
    const onMessage = (m: Reply): void =>
      done(() =>
        m.ok && m.cells
          ? resolve(m.cells)
          : reject(new XlsxReadError(m.message ?? "unreadable", m.reason ?? "damaged", m.pl)),
      );
    const onError = (e: Error & { code?: string }): void =>
      fail(() =>
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new XlsxReadError(
                `the workbook needs more than ${READ_LIMITS.heapMb} MB of memory to read: too large — split it or save it as .csv`,
                "too-large",
                `odczyt skoroszytu wymaga ponad ${READ_LIMITS.heapMb} MB pamięci: plik za duży — podziel go albo zapisz jako .csv`,
              )
            : damagedXlsxError(e.message),
        ),
      );
    const onExit = (code: number): void =>
      fail(() =>
        reject(
          new XlsxReadError(
            `reading the workbook stopped (code ${code})`,
            "damaged",
            `odczyt skoroszytu przerwany (kod ${code})`,
          ),
        ),
      );
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
    w.postMessage(bytes);
  });
}
