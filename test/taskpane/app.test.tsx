import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { memorySettingsStore } from "../../src/platform/helpers";
import { App } from "../../src/taskpane/App";
import type { WorkbookHost } from "../../src/taskpane/host";
import { cellCount, confirmText, count, layoutDoneText, UI } from "../../src/taskpane/i18n";
import { StatusMessage } from "../../src/taskpane/monitoring/MonitoringSection";
import { monitoringEngine } from "../../src/taskpane/monitoring/engine";

const engine = monitoringEngine(PROGRAMME);

function host(kind: "excel" | "standalone"): WorkbookHost {
  const never = () => Promise.reject(new Error("not called while rendering"));
  return {
    kind,
    excelApi: () => kind === "excel",
    listSheets: never,
    readSheet: never,
    writePlans: never,
    showSheet: never,
  };
}

function render(node: React.ReactElement): string {
  return renderToString(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

function app(opts: { kind?: "excel" | "standalone"; stored?: Record<string, string> } = {}): string {
  return render(
    <App
      host={host(opts.kind ?? "excel")}
      programme={PROGRAMME}
      engine={engine}
      settings={memorySettingsStore(opts.stored)}
      today={new Date(2025, 2, 1)}
    />,
  );
}

/** Text content without tags (entities for quotes decoded). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("the pane", () => {
  test("Polish by default: header, tabs, Monitoring section with the year and the layout button", () => {
    const html = app();
    const t = text(html);
    expect(t).toContain("Miernik");
    for (const k of [
      "tabMonitoring",
      "tabParticipants",
      "tabSummaries",
      "layOut",
      "year",
      "privacyExcel",
    ] as const)
      expect(t).toContain(UI[k].pl);
    expect(t).not.toContain(UI.layOut.en);
    expect(html).toContain('lang="en"'); // the language switch is labelled in the language it switches to
    expect(html).toContain(`aria-label="${UI.switchLanguageShort.pl} — ${UI.switchLanguage.pl}"`);
    // every year of the programme is offered, last year selected
    for (let y = 2021; y <= 2027; y++) expect(html).toContain(`value="${y}"`);
    expect(html).toMatch(/<option value="2024" selected="">/);
  });

  test("English when remembered, and the remembered year", () => {
    const t = text(app({ stored: { lang: "en", year: "2022" } }));
    for (const k of ["tabParticipants", "tabSummaries", "layOut", "privacyExcel"] as const)
      expect(t).toContain(UI[k].en);
    expect(t).not.toContain(UI.layOut.pl);
    expect(app({ stored: { year: "2022" } })).toMatch(/<option value="2022" selected="">/);
  });

  test("standalone: the button downloads a file and the pane says so", () => {
    const t = text(app({ kind: "standalone" }));
    expect(t).toContain(UI.layOutDownload.pl);
    // One privacy note, the one that fits the host.
    expect(t).toContain(UI.privacyStandalone.pl);
    expect(t).not.toContain(UI.privacyExcel.pl);
    expect(text(app())).not.toContain(UI.privacyStandalone.pl);
  });

  test("tabs are a labelled tablist with a tab panel", () => {
    const html = app();
    expect(html).toContain('role="tablist"');
    expect((html.match(/role="tab"/g) ?? []).length).toBe(3);
    expect(html).toContain('role="tabpanel"');
    expect(html).toContain(`aria-label="${UI.sections.pl}"`);
  });
});

describe("status messages", () => {
  test("errors are shown with their message in the chosen language", () => {
    const message = { pl: "Arkusz jest chroniony.", en: "The sheet is protected." };
    const pl = text(render(<StatusMessage view={{ kind: "error", message }} lang="pl" />));
    expect(pl).toContain(UI.failed.pl);
    expect(pl).toContain("Arkusz jest chroniony.");
    const en = text(render(<StatusMessage view={{ kind: "error", message }} lang="en" />));
    expect(en).toContain("The sheet is protected.");
  });

  test("success names the sheet and the kept values; progress shows what is happening", () => {
    const done = text(
      render(
        <StatusMessage
          view={{ kind: "done", outcome: { status: "done", sheet: "Monitoring 2023", kept: 3 } }}
          lang="pl"
        />,
      ),
    );
    expect(done).toContain("Arkusz „Monitoring 2023” jest gotowy. Zachowano wpisane wartości: 3 komórki.");
    const busy = render(
      <StatusMessage view={{ kind: "busy", stage: { stage: "writing", requests: 1 } }} lang="en" />,
    );
    expect(text(busy)).toContain(UI.writing.en);
    expect(busy).toContain('role="progressbar"');
  });
});

describe("pane texts", () => {
  test("Polish plurals", () => {
    expect([1, 2, 5, 12, 22, 25, 112].map((n) => count(n, "file", "pl"))).toEqual([
      "1 plik",
      "2 pliki",
      "5 plików",
      "12 plików",
      "22 pliki",
      "25 plików",
      "112 plików",
    ]);
    expect(cellCount(1, "en")).toBe("1 cell");
    expect(cellCount(14, "pl")).toBe("14 komórek");
  });

  test("the confirmation names the sheet and the number of cells", () => {
    expect(confirmText("Monitoring 2023", 1, "pl")).toMatch(
      /^W arkuszu „Monitoring 2023” 1 komórka różni się/,
    );
    expect(confirmText("Monitoring 2023", 3, "pl")).toMatch(/3 komórki różnią się/);
    expect(confirmText("Monitoring 2023", 5, "pl")).toMatch(/5 komórek różni się/);
    expect(confirmText("Monitoring 2023", 2, "en")).toMatch(/2 cells differ from/);
  });

  test("a download is reported with its file name", () => {
    expect(
      layoutDoneText({ sheet: "Monitoring 2023", kept: 0, downloaded: "monitoring-2023.xlsx" }, "en"),
    ).toBe("Saved monitoring-2023.xlsx with the sheet “Monitoring 2023”.");
  });
});
