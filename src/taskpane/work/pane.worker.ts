/**
 * The pane's Web Worker (bundled by webpack from `new Worker(new URL("./pane.worker.ts", import.meta.url))`
 * in ./spawnWorker.ts; same origin, so `worker-src 'self'` allows it). See ./workerHandler.ts.
 */
import type { WorkerRequest, WorkerResponse } from "./protocol";
import { createPaneWorkerHandler } from "./workerHandler";

const scope = self as unknown as {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
};

const handle = createPaneWorkerHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (ev) => void handle(ev.data);
