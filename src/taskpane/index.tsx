/**
 * Entry of the task pane: waits for Office (or decides it is standalone), then renders the app
 * inside FluentProvider. Office calls stay in the hosts; the UI only sees a WorkbookHost. The first-load
 * bundle holds only what the first screen needs: the Excel host (Office.js reads, renderer, validation) is
 * a chunk fetched from the add-in's origin right after the first screen in Excel, the programme data and layout builder on the first layout or validation, other tabs on
 * their first opening, and outside Office the workbook lives in a Web Worker.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createSettingsStore, memorySettingsStore, SettingsStore } from "../platform/helpers";
import { Platform, startPlatform } from "../platform/office";
import { App } from "./App";
import type { WorkbookHost } from "./host";
import { lazyExcelHost } from "./lazyExcelHost";
import { preloadFeedback } from "./lazyFeedback";
import { lazyMonitoringEngine, loadProgramme } from "./monitoring/lazyEngine";
import { spawnPaneWorker } from "./work/spawnWorker";

/**
 * Outside Office: the workbook lives in a Web Worker (the main thread only renders); in this page when there
 * is none. The worker's host is a small chunk of its own (Excel never needs it).
 */
async function standaloneHost(): Promise<WorkbookHost> {
  const worker = spawnPaneWorker();
  if (worker)
    return (
      await import(/* webpackChunkName: "worker-host" */ "./work/workerHost.js")
    ).createWorkerStandaloneHost(worker);
  const { createStandaloneHost } = await import(/* webpackChunkName: "page-host" */ "./standaloneHost.js");
  return createStandaloneHost({ programme: await loadProgramme() });
}

/** In Excel: the Excel host (src/hosts/excel) is a chunk loaded right after the first screen or on first use. */
function excelHost(platform: Platform): ReturnType<typeof lazyExcelHost> {
  return lazyExcelHost(platform.excelApi, async () => {
    const { createExcelHost } = await import(/* webpackChunkName: "excel-host" */ "./excelHost.js");
    return createExcelHost({ excel: platform.excel!, excelApi: platform.excelApi, programme: loadProgramme });
  });
}
import { ThemedRoot } from "./theme";

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("#container is missing from taskpane.html");
  // The remembered preferences (office-js-helpers' storage, a chunk of its own) arrive in parallel with
  // Office; the first screen does not wait for them.
  const stored = createSettingsStore().catch(() => memorySettingsStore());
  const platform = await startPlatform();
  const inExcel = platform.host === "excel" && platform.excel ? excelHost(platform) : null;
  const host: WorkbookHost = inExcel ?? (await standaloneHost());
  document.body.dataset.miernikHost = host.kind;
  const root = createRoot(container);
  const engine = lazyMonitoringEngine();
  const render = (settings: SettingsStore) =>
    root.render(
      <React.StrictMode>
        <ThemedRoot office={platform.theme}>
          <App host={host} engine={engine} settings={settings} />
        </ThemedRoot>
      </React.StrictMode>,
    );
  // Usually the store is there by now; if not, render at once and apply the preferences when it comes.
  const early = await Promise.race([stored, Promise.resolve(null)]);
  render(early ?? memorySettingsStore());
  if (!early) void stored.then(render);
  // After the first screen: the message bars' chunk, so the first message shows styled at once.
  setTimeout(() => {
    preloadFeedback();
    inExcel?.prefetch();
  }, 0);
}

main().catch((e: unknown) => {
  const container = document.getElementById("container") ?? document.body;
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent =
    "Miernik nie mógł się uruchomić / Miernik could not start: " +
    (e instanceof Error ? e.message : String(e));
  container.replaceChildren(p);
});
