/**
 * The Web Worker's side (./pane.worker.ts only wires it to `self`): a standalone workbook host held in
 * the worker, driven by messages (./protocol.ts). It is the very same host and flows the main thread
 * would run (createStandaloneHost over ExcelJS, checkCriteria with its sliced reads and checks), so the
 * worker path gives the main-thread path's results; jest runs this handler directly.
 */
import { PROGRAMME } from "../../domain/programme/programme";
import { isUserFacingError } from "../host";
import { checkCriteria } from "../participants/flows";
import { workbookBlob } from "../download";
import { createStandaloneHost, LoadWorkbookModule, loadWorkbookModule } from "../standaloneHost";
import type { SavedFile, WorkerError, WorkerRequest, WorkerResponse } from "./protocol";

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

type Operation = Exclude<WorkerRequest, { cancel: true } | { ack: true }>;

/** Chunks of a streamed download are sent in pieces of about this size (fewer messages, bounded memory). */
export const STREAM_CHUNK_BYTES = 1 << 20;

/**
 * The worker's end of a streamed download: chunks are gathered to about STREAM_CHUNK_BYTES and posted
 * (buffer transferred); the next is made only after the main thread acknowledged the last as written,
 * so no more than one piece waits in memory however slow the disk.
 */
function postingSink(
  post: Post,
  id: number,
  acks: Map<number, (e?: unknown) => void>,
  signal: AbortSignal,
  pieceBytes: number,
) {
  let parts: Uint8Array[] = [];
  let size = 0;
  const send = async () => {
    if (size === 0) return;
    const piece = new Uint8Array(size);
    let p = 0;
    for (const c of parts) {
      piece.set(c, p);
      p += c.length;
    }
    parts = [];
    size = 0;
    signal.throwIfAborted();
    const acked = new Promise<void>((resolve, reject) =>
      acks.set(id, (e) => (e === undefined ? resolve() : reject(e))),
    );
    post({ id, chunk: piece }, [piece.buffer]);
    await acked;
  };
  return {
    write: async (chunk: Uint8Array) => {
      parts.push(chunk);
      size += chunk.length;
      if (size >= pieceBytes) await send();
    },
    flush: send,
  };
}

function toWorkerError(e: unknown, aborted: boolean): WorkerError {
  if (aborted) return { kind: "aborted" };
  if (isUserFacingError(e)) return { kind: "user", message: e.info.message };
  if (typeof e === "object" && e !== null && "pl" in e && "en" in e) {
    const { pl, en } = e as { pl: unknown; en: unknown };
    if (typeof pl === "string" && typeof en === "string") return { kind: "user", message: { pl, en } };
  }
  return { kind: "error", message: e instanceof Error ? e.message : String(e) };
}

/** A message handler holding one workbook; operations run one after another, `cancel` at once. */
export function createPaneWorkerHandler(
  post: Post,
  opts: { loadModule?: LoadWorkbookModule; streamChunkBytes?: number } = {},
): (message: WorkerRequest) => Promise<void> {
  let saved: SavedFile[] = [];
  /** Set while a "stream" download runs: where the package goes (to the main thread, chunk by chunk). */
  let streaming: ReturnType<typeof postingSink> | null = null;
  const acks = new Map<number, (e?: unknown) => void>();
  const host = createStandaloneHost({
    programme: PROGRAMME,
    loadModule: opts.loadModule ?? loadWorkbookModule,
    saveWorkbook: async (file) => {
      if (streaming) {
        await file.writeTo(streaming);
        await streaming.flush();
      } else saved.push({ blob: await workbookBlob((sink) => file.writeTo(sink)), fileName: file.fileName });
      return true;
    },
  });
  const running = new Map<number, AbortController>();
  let queue: Promise<void> = Promise.resolve();

  const perform = async (m: Operation, signal: AbortSignal): Promise<unknown> => {
    switch (m.op) {
      case "open":
        return host.files.open({ name: m.args[0], bytes: m.args[1] });
      case "download":
        if (m.args[0] !== "stream") return host.files.download();
        streaming = postingSink(post, m.id, acks, signal, opts.streamChunkBytes ?? STREAM_CHUNK_BYTES);
        try {
          return await host.files.download();
        } finally {
          streaming = null;
          acks.delete(m.id);
        }
      case "close":
        host.files.close();
        return null;
      case "listSheets":
        return host.listSheets();
      case "readSheet":
        return host.readSheet(m.args[0]);
      case "writePlans":
        return host.writePlans(m.args[0], m.args[1]);
      case "validate":
        return host.validation!.validate(m.args[0], m.args[1]);
      case "applyFixes":
        return host.validation!.applyFixes(m.args[0]);
      case "checkCriteria":
        return checkCriteria(
          { host, lang: "pl", confirmReplace: () => Promise.resolve(false) },
          m.args[0],
          m.args[1],
          signal,
          (done, total) => post({ id: m.id, progress: [done, total] }),
        );
    }
  };

  const one = async (m: Operation, controller: AbortController) => {
    saved = [];
    try {
      controller.signal.throwIfAborted();
      const value = await perform(m, controller.signal);
      post({ id: m.id, ok: true, value, info: host.files.current(), saved });
    } catch (e) {
      post({
        id: m.id,
        ok: false,
        error: toWorkerError(e, controller.signal.aborted),
        info: host.files.current(),
      });
    } finally {
      running.delete(m.id);
    }
  };

  return (message) => {
    if ("ack" in message) {
      acks.get(message.id)?.();
      return Promise.resolve();
    }
    if ("cancel" in message) {
      const controller = running.get(message.id);
      controller?.abort();
      // A streamed download waiting for the main thread stops now.
      acks.get(message.id)?.(controller?.signal.reason ?? new DOMException("aborted", "AbortError"));
      return Promise.resolve();
    }
    const controller = new AbortController();
    running.set(message.id, controller);
    queue = queue.then(() => one(message, controller));
    return queue;
  };
}
