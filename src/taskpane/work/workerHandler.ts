/**
 * The Web Worker's side (./pane.worker.ts only wires it to `self`): a standalone workbook host held in
 * the worker, driven by messages (./protocol.ts). It is the very same host and flows the main thread
 * would run (createStandaloneHost over ExcelJS, checkCriteria with its sliced reads and checks), so the
 * worker path gives the main-thread path's results; jest runs this handler directly.
 */
import { PROGRAMME } from "../../domain/programme/programme";
import { isUserFacingError } from "../host";
import { checkCriteria } from "../participants/flows";
import { createStandaloneHost, LoadWorkbookModule, loadWorkbookModule } from "../standaloneHost";
import type { SavedFile, WorkerError, WorkerRequest, WorkerResponse } from "./protocol";

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

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
  opts: { loadModule?: LoadWorkbookModule } = {},
): (message: WorkerRequest) => Promise<void> {
  let saved: SavedFile[] = [];
  const host = createStandaloneHost({
    programme: PROGRAMME,
    loadModule: opts.loadModule ?? loadWorkbookModule,
    save: (bytes, fileName) => void saved.push({ bytes, fileName }),
  });
  const running = new Map<number, AbortController>();
  let queue: Promise<void> = Promise.resolve();

  const perform = async (
    m: Exclude<WorkerRequest, { cancel: true }>,
    signal: AbortSignal,
  ): Promise<unknown> => {
    switch (m.op) {
      case "open":
        return host.files.open({ name: m.args[0], bytes: m.args[1] });
      case "download":
        return host.files.download();
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

  const one = async (m: Exclude<WorkerRequest, { cancel: true }>, controller: AbortController) => {
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
    if ("cancel" in message) {
      running.get(message.id)?.abort();
      return Promise.resolve();
    }
    const controller = new AbortController();
    running.set(message.id, controller);
    queue = queue.then(() => one(message, controller));
    return queue;
  };
}
