/**
 * The standalone page's WorkbookHost when a Web Worker is available: the workbook lives in the worker
 * (./workerHandler.ts) and every operation is a message to it, so parsing the picked file, reading its
 * sheets, building and rendering plans, validation and the criteria check never run on the main thread.
 * Progress comes back as messages; cancelling sends `cancel` (the worker stops at its next slice).
 * Downloads the worker's workbook asks for are saved here (a browser download needs the page): the
 * Download button asks for a file where the browser can write files (./download.ts) and the worker streams
 * the package into it chunk by chunk; otherwise the worker hands over a Blob, offered as a download.
 */
import type { Card } from "../../domain/card/types";
import type { Localized } from "../../domain/i18n";
import type { PaneWork } from "../host";
import { browserDownload, browserSavePicker, pickSaveTarget, SavePicker, writeToFile } from "../download";
import type { OpenFileInfo, SaveFile, StandaloneFiles, StandaloneHost } from "../standaloneHost";
import type { ValidationHost } from "../validation/host";
import type { WorkerOp, WorkerOps, WorkerRequest, WorkerResponse } from "./protocol";

/** What the host needs of a Worker (a real one, or the handler wired directly in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

/** An error from the worker meant for the user (shown as it is). */
export class WorkerUserError extends Error {
  constructor(readonly info: { message: Localized }) {
    super(info.message.en);
  }
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (done: number, total: number) => void;
  /** A streamed download's chunks (written one after another; the worker waits for each ack). */
  onChunk?: (chunk: Uint8Array) => Promise<void>;
  /** Why writing a chunk failed (the operation then fails with it, not with "aborted"). */
  writeError?: unknown;
}

export interface WorkerHostOptions {
  /** Receives a workbook's bytes (tests); default: the Blob is offered as a browser download. */
  save?: SaveFile;
  /** The save picker (default: the browser's `showSaveFilePicker` where there is one; null: none). */
  savePicker?: SavePicker | null;
}

export function createWorkerStandaloneHost(
  worker: WorkerLike,
  opts: WorkerHostOptions = {},
): StandaloneHost & { work: PaneWork } {
  const given = opts.save;
  const save = async (blob: Blob, fileName: string) =>
    given ? given(new Uint8Array(await blob.arrayBuffer()), fileName) : browserDownload(blob, fileName);
  const picker = opts.savePicker === undefined ? browserSavePicker() : opts.savePicker;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let info: OpenFileInfo | null = null;
  const listeners = new Set<() => void>();

  const setInfo = (next: OpenFileInfo | null) => {
    if (JSON.stringify(next) === JSON.stringify(info)) return;
    info = next;
    listeners.forEach((l) => l());
  };

  worker.onmessage = (ev) => {
    const m = ev.data;
    const p = pending.get(m.id);
    if (!p) return;
    if ("progress" in m) {
      p.onProgress?.(m.progress[0], m.progress[1]);
      return;
    }
    if ("chunk" in m) {
      const id = m.id;
      void (p.onChunk?.(m.chunk) ?? Promise.reject(new Error("unexpected chunk"))).then(
        () => worker.postMessage({ id, ack: true }),
        (e: unknown) => {
          p.writeError = e;
          worker.postMessage({ id, cancel: true });
        },
      );
      return;
    }
    pending.delete(m.id);
    setInfo(m.info);
    if (p.writeError !== undefined) {
      p.reject(p.writeError);
      return;
    }
    if (m.ok) {
      void (async () => {
        try {
          for (const f of m.saved) await save(f.blob, f.fileName);
          p.resolve(m.value);
        } catch (e) {
          p.reject(e);
        }
      })();
      return;
    }
    const err = m.error;
    if (err.kind === "user") p.reject(new WorkerUserError({ message: err.message }));
    else if (err.kind === "aborted") p.reject(new DOMException("The operation was aborted.", "AbortError"));
    else p.reject(new Error(err.message));
  };
  worker.onerror = (ev) => {
    const e = new Error(`Miernik's worker failed: ${ev.message || "unknown error"}`);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };

  function call<K extends WorkerOp>(
    op: K,
    args: WorkerOps[K]["args"],
    o: {
      signal?: AbortSignal;
      onProgress?: (done: number, total: number) => void;
      onChunk?: (chunk: Uint8Array) => Promise<void>;
      transfer?: Transferable[];
    } = {},
  ): Promise<WorkerOps[K]["result"]> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (o.signal?.aborted) {
        reject(new DOMException("The operation was aborted.", "AbortError"));
        return;
      }
      pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress: o.onProgress,
        onChunk: o.onChunk,
      });
      o.signal?.addEventListener("abort", () => worker.postMessage({ id, cancel: true }), { once: true });
      worker.postMessage({ id, op, args } as WorkerRequest, o.transfer ?? []);
    });
  }

  const files: StandaloneFiles = {
    current: () => info,
    open: (file) => {
      // A picked File goes as it is (the worker reads it); bytes move to the worker (transferred, not
      // copied) when they own their buffer.
      const b = file.bytes;
      const own = b instanceof Uint8Array && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
      return call("open", [file.name, b], {
        transfer: own && b.buffer instanceof ArrayBuffer ? [b.buffer] : [],
      });
    },
    download: async () => {
      // The picker first, straight from the click (it needs the user's gesture); no file open → the
      // worker says so.
      const target = info ? await pickSaveTarget(info.fileName, picker) : ({ kind: "download" } as const);
      if (target.kind === "cancelled") return null;
      if (target.kind === "download") return call("download", ["blob"]);
      let name: string | null = null;
      // Chunks are written in order: each is acknowledged (and the next sent) only once written.
      await writeToFile(target.file, async (sink) => {
        name = await call("download", ["stream"], { onChunk: async (chunk) => sink.write(chunk) });
      });
      return name;
    },
    close: () => {
      // The pane forgets the file at once; the worker drops its workbook in turn.
      setInfo(null);
      void call("close", []).catch(() => undefined);
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };

  const validation: ValidationHost = {
    validate: (year, yoyFactor) => call("validate", [year, yoyFactor]),
    applyFixes: (findings) => call("applyFixes", [[...findings]]),
    selectCell: () => Promise.resolve(),
    watchCells: () => Promise.resolve(() => Promise.resolve()),
  };

  return {
    kind: "standalone",
    excelApi: () => false,
    files,
    listSheets: () => call("listSheets", []),
    readSheet: (name) => call("readSheet", [name]),
    writePlans: async (plans, names, onProgress) => {
      const report = await call("writePlans", [plans, names]);
      onProgress?.(1);
      return report;
    },
    showSheet: () => Promise.resolve(),
    validation,
    work: {
      inWorker: true,
      checkCriteria: (card: Card, asOf: number, o = {}) => call("checkCriteria", [card, asOf], o),
    },
  };
}
