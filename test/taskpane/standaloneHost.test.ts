import { PROGRAMME } from "../../src/domain/programme/programme";
import { readXlsx } from "../../src/hosts/xlsx/read";
import * as xlsx from "../../src/hosts/xlsx/render";
import { monitoringEngine } from "../../src/taskpane/monitoring/engine";
import { runMonitoringLayout } from "../../src/taskpane/monitoring/layoutFlow";
import { createStandaloneHost, fileNameFor } from "../../src/taskpane/standaloneHost";
import { monitoringColumn } from "../../src/workbook/monitoring/columns";

describe("standalone host (the pane in a plain browser)", () => {
  test("file names from sheet names", () => {
    expect(fileNameFor("Monitoring 2023")).toBe("monitoring-2023.xlsx");
    expect(fileNameFor("Uczestnicy — Łódź")).toBe("uczestnicy-lodz.xlsx");
    expect(fileNameFor("???")).toBe("miernik.xlsx");
  });

  test("laying out downloads an .xlsx holding the year's monitoring table", async () => {
    const saved: { bytes: Uint8Array; name: string }[] = [];
    let loads = 0;
    const host = createStandaloneHost({
      save: (bytes, name) => void saved.push({ bytes, name }),
      loadWriter: () => {
        loads++;
        return Promise.resolve(xlsx);
      },
    });
    expect(loads).toBe(0); // the writer (ExcelJS) is not loaded up front
    const out = await runMonitoringLayout(
      { host, engine: monitoringEngine(PROGRAMME), confirmReplace: () => Promise.resolve(false) },
      2026,
    );
    expect(out).toMatchObject({
      status: "done",
      sheet: "Monitoring 2026",
      downloaded: "monitoring-2026.xlsx",
    });
    expect(loads).toBe(1);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe("monitoring-2026.xlsx");
    const wb = await readXlsx(saved[0].bytes);
    const sheet = wb.sheets.find((s) => s.name === "Monitoring 2026");
    expect(sheet).toBeDefined();
    const col = monitoringColumn("indicator").index - sheet!.left;
    const labels = sheet!.values.map((r) => r[col]).filter((v) => typeof v === "string");
    const first = PROGRAMME.areas[0].tasks[0].actions[0].indicators[0];
    expect(labels).toContain(first.label);
  });
});
