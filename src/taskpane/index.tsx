/**
 * Entry of the task pane: waits for Office (or decides it is standalone), then renders the app
 * inside FluentProvider. Office calls stay in the hosts; the UI only sees a WorkbookHost.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { PROGRAMME } from "../domain/programme/programme";
import { createSettingsStore } from "../platform/helpers";
import { startPlatform } from "../platform/office";
import { App } from "./App";
import { createExcelHost } from "./excelHost";
import type { WorkbookHost } from "./host";
import { monitoringEngine } from "./monitoring/engine";
import { createStandaloneHost } from "./standaloneHost";
import { ThemedRoot } from "./theme";

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("#container is missing from taskpane.html");
  const platform = await startPlatform();
  const host: WorkbookHost =
    platform.host === "excel" && platform.excel
      ? createExcelHost({ excel: platform.excel, excelApi: platform.excelApi, programme: PROGRAMME })
      : createStandaloneHost({ programme: PROGRAMME });
  document.body.dataset.miernikHost = host.kind;
  createRoot(container).render(
    <React.StrictMode>
      <ThemedRoot office={platform.theme}>
        <App
          host={host}
          programme={PROGRAMME}
          engine={monitoringEngine(PROGRAMME)}
          settings={createSettingsStore()}
        />
      </ThemedRoot>
    </React.StrictMode>,
  );
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
