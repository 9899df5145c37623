/**
 * The pane outside Office: a file opened in memory is the workbook — its sheets are read, plans are
 * written into it keeping every other sheet, validation and fixes work on it, and downloads hold it all.
 */
import JSZip from "jszip";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { PROGRAMME } from "../../src/domain/programme/programme";
import * as memory from "../../src/hosts/xlsx/memory";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { XLSX_LIMITS } from "../../src/hosts/xlsx/zipGuard";
import { monitoringEngine } from "../../src/taskpane/monitoring/engine";
import type { WorkbookHost } from "../../src/taskpane/host";
import { runMonitoringLayout } from "../../src/taskpane/monitoring/layoutFlow";
import { checkCriteria } from "../../src/taskpane/participants/flows";
import { createStandaloneHost, fileNameFor } from "../../src/taskpane/standaloneHost";
import { cellAt } from "../../src/workbook/cells";
import { monitoringColumn } from "../../src/workbook/monitoring/columns";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { emptySheet } from "../../src/workbook/plan";
import { parseA1 } from "../../src/workbook/address";
import { csvBytes, participants, registerRows } from "../fixtures/summary/projects";
import { planToCells, setValue, valueCell } from "../workbook/validation/sheetHelpers";

function host(saved: { bytes: Uint8Array; name: string }[] = [], counter = { loads: 0 }) {
  return createStandaloneHost({
    programme: PROGRAMME,
    save: (bytes, name) => void saved.push({ bytes, name }),
    loadModule: () => {
      counter.loads++;
      return Promise.resolve(memory);
    },
  });
}

const samples = new Map(
  PROGRAMME.areas.flatMap((a) =>
    a.tasks.flatMap((t) =>
      t.actions.flatMap((ac) => ac.indicators.map((i) => [i.id, i.sample2023] as const)),
    ),
  ),
);
const BASE = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples }));

/** An .xlsx holding a notes sheet and the monitoring sheet with one number typed as text. */
async function monitoringFile(): Promise<Uint8Array> {
  const sheet = setValue(BASE, "1.1.3-1", "1 796");
  return writeXlsx({
    sheets: [
      { ...emptySheet("Notatki"), blocks: [{ row: 0, col: 0, values: [["moje notatki"]] }] },
      { ...emptySheet(sheet.name), blocks: [{ row: sheet.top, col: sheet.left, values: sheet.values }] },
    ],
    names: [],
  });
}

/** Check criteria (card 9.1, as of 2025-01-01) on the file open in the host. */
function checkOpenFile(h: WorkbookHost) {
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  return checkCriteria({ host: h, lang: "pl", confirmReplace: () => Promise.resolve(false) }, card, 45658);
}

describe("standalone host (the pane in a plain browser)", () => {
  test("file names from sheet names", () => {
    expect(fileNameFor("Monitoring 2023")).toBe("monitoring-2023.xlsx");
    expect(fileNameFor("Uczestnicy — Łódź")).toBe("uczestnicy-lodz.xlsx");
    expect(fileNameFor("???")).toBe("miernik.xlsx");
  });

  test("laying out with no file open downloads an .xlsx holding the year's table; ExcelJS loads on demand", async () => {
    const saved: { bytes: Uint8Array; name: string }[] = [];
    const counter = { loads: 0 };
    const h = host(saved, counter);
    expect(counter.loads).toBe(0); // the writer (ExcelJS) is not loaded up front
    expect(h.files.current()).toBeNull();
    const out = await runMonitoringLayout(
      { host: h, engine: monitoringEngine(PROGRAMME), confirmReplace: () => Promise.resolve(false) },
      2026,
    );
    expect(out).toMatchObject({
      status: "done",
      sheet: "Monitoring 2026",
      downloaded: "monitoring-2026.xlsx",
    });
    expect(counter.loads).toBe(1);
    expect(saved.map((s) => s.name)).toEqual(["monitoring-2026.xlsx"]);
    const wb = await readXlsx(saved[0].bytes);
    const sheet = wb.sheets.find((s) => s.name === "Monitoring 2026")!;
    const col = monitoringColumn("indicator").index - sheet.left;
    const labels = sheet.values.map((r) => r[col]).filter((v) => typeof v === "string");
    expect(labels).toContain(PROGRAMME.areas[0].tasks[0].actions[0].indicators[0].label);
    // The laid-out table is now the open workbook: it can be validated right away.
    expect(h.files.current()).toMatchObject({ fileName: "monitoring-2026.xlsx", unsaved: false });
    expect(await h.listSheets()).toEqual(["Monitoring 2026"]);
  });

  test("an opened .xlsx is the workbook: validate, fix one cell, download keeps every other sheet", async () => {
    const saved: { bytes: Uint8Array; name: string }[] = [];
    const h = host(saved);
    const info = await h.files.open({ name: "sprawozdanie.xlsx", bytes: await monitoringFile() });
    expect(info).toEqual({
      fileName: "sprawozdanie.xlsx",
      sheets: ["Notatki", "Monitoring 2023"],
      unsaved: false,
    });
    const r = await h.validation!.validate(2023);
    const cell = valueCell(BASE, "1.1.3-1");
    expect(r.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ["number-as-text", "Monitoring 2023", cell],
    ]);
    const fixed = await h.validation!.applyFixes(r.findings);
    expect(fixed.applied).toHaveLength(1);
    expect(fixed.skipped).toEqual([]);
    expect(h.files.current()!.unsaved).toBe(true);
    // Fixing again is safe: the cell already holds the fix, nothing is skipped or rewritten.
    expect((await h.validation!.applyFixes(r.findings)).skipped).toEqual([]);
    expect((await h.validation!.validate(2023)).findings).toEqual([]);

    expect(await h.files.download()).toBe("sprawozdanie.xlsx");
    expect(h.files.current()!.unsaved).toBe(false);
    const back = await readXlsx(saved[0].bytes);
    expect(back.sheets.map((s) => s.name)).toEqual(["Notatki", "Monitoring 2023"]);
    expect(back.sheets[0].values).toEqual([["moje notatki"]]);
    const { row, col } = parseA1(cell);
    expect(cellAt(back.sheets[1], row, col)).toBe(1796);
  });

  test("a fix is skipped when the cell changed after validation", async () => {
    const h = host();
    await h.files.open({ name: "a.xlsx", bytes: await monitoringFile() });
    const r = await h.validation!.validate(2023);
    const other = { ...r.findings[0], value: "something else" };
    const res = await h.validation!.applyFixes([other]);
    expect(res.applied).toEqual([]);
    expect(res.skipped).toHaveLength(1);
    expect(h.files.current()!.unsaved).toBe(false);
  });

  test("an opened .csv becomes the register sheet and its criteria can be checked", async () => {
    const h = host();
    const ps = participants(40, 3);
    const info = await h.files.open({ name: "lista.csv", bytes: csvBytes(ps, "Fundacja") });
    expect(info).toEqual({ fileName: "lista.xlsx", sheets: ["Uczestnicy"], unsaved: false });
    const out = await checkOpenFile(h);
    expect(out.rows).toBe(40);
  });

  test("a participant list on another sheet is found by its headers, as the CLI finds it", async () => {
    const h = host();
    const rows = registerRows(participants(12, 5));
    const bytes = await writeXlsx({
      sheets: [{ ...emptySheet("Arkusz1"), blocks: [{ row: 0, col: 0, values: rows }] }],
      names: [],
    });
    await h.files.open({ name: "lista.xlsx", bytes });
    const out = await checkOpenFile(h);
    expect(out.rows).toBe(12);
  });

  test("an unreadable file gets a message naming it and the fix; the open workbook stays", async () => {
    const h = host();
    await h.files.open({ name: "a.xlsx", bytes: await monitoringFile() });
    await expect(
      h.files.open({ name: "stary.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }),
    ).rejects.toMatchObject({
      info: {
        message: {
          pl: expect.stringContaining("„stary.xls”") as string,
          en: expect.stringContaining("Pick an .xlsx") as string,
        },
      },
    });
    await expect(h.files.open({ name: "pusty.xlsx", bytes: new Uint8Array() })).rejects.toMatchObject({
      info: { message: { en: expect.stringContaining("empty file") as string } },
    });
    expect(h.files.current()!.fileName).toBe("a.xlsx");
  });

  test("files that are no workbook say what they are and what to do, each language in its own words", async () => {
    const h = host();
    const reason = async (name: string, bytes: Uint8Array) => {
      try {
        await h.files.open({ name, bytes });
      } catch (e) {
        return (e as { info: { message: { pl: string; en: string } } }).info.message;
      }
      throw new Error(`${name} opened`);
    };
    // Apple Numbers: by its name, and by its contents under another name (a zip with Index/Document.iwa).
    const numbersZip = new JSZip();
    numbersZip.file("Index/Document.iwa", new Uint8Array(64));
    numbersZip.file("Metadata/Properties.plist", "<plist/>");
    const numbers = await numbersZip.generateAsync({ type: "uint8array" });
    for (const name of ["budżet.numbers", "budżet.xlsx"]) {
      const m = await reason(name, numbers);
      expect(m.pl).toContain(
        "to plik Apple Numbers (.numbers), nie .xlsx: wyeksportuj go w Numbers jako .xlsx",
      );
      expect(m.en).toContain(
        "an Apple Numbers file (.numbers), not an .xlsx: export it from Numbers as .xlsx",
      );
    }
    // A CSV with nothing in it is no register to open (it opened as an empty "Uczestnicy").
    expect((await reason("lista.csv", new Uint8Array())).pl).toContain("„lista.csv”: pusty plik (0 bajtów)");
    expect((await reason("lista.csv", new TextEncoder().encode("\r\n;;;\r\n\r\n"))).en).toContain(
      "“lista.csv”: the file holds no data (only blank lines or separators)",
    );
    // A CSV that cannot be parsed: the Polish screen in Polish only, the English one in English only.
    const broken = await reason("lista.csv", new TextEncoder().encode('Imię;Nazwisko\n"Anna;Kowalska\n'));
    expect(broken.pl).toContain("Plik CSV:");
    expect(broken.pl).not.toContain("CSV file:");
    expect(broken.en).toContain("CSV file:");
    expect(broken.en).not.toContain("Plik CSV:");
    expect(h.files.current()).toBeNull();
  });

  test("a CSV longer than a workbook Miernik reads back is refused at once, saying how long it is", async () => {
    const h = host();
    const limit = XLSX_LIMITS.maxRows;
    XLSX_LIMITS.maxRows = 100;
    try {
      const csv = (lines: number) =>
        new TextEncoder().encode(
          ["Lp.;Imię;Nazwisko", ...Array.from({ length: lines }, (_, i) => `${i + 1};Anna;Nowak${i}`)].join(
            "\n",
          ),
        );
      await expect(h.files.open({ name: "lista.csv", bytes: csv(100) })).rejects.toMatchObject({
        info: {
          message: {
            pl: expect.stringContaining(
              "„lista.csv”: lista ma 101 wierszy, więcej niż Miernik otwiera jako skoroszyt (100 wierszy) — podziel ją na mniejsze pliki",
            ) as string,
            en: expect.stringContaining("the list has 101 rows, more than Miernik opens") as string,
          },
        },
      });
      // Far too many lines: refused by the count alone, before the file is parsed.
      await expect(h.files.open({ name: "lista.csv", bytes: csv(1000) })).rejects.toMatchObject({
        info: { message: { pl: expect.stringContaining("lista ma ponad 400 wierszy") as string } },
      });
      expect((await h.files.open({ name: "lista.csv", bytes: csv(99) })).fileName).toBe("lista.xlsx");
    } finally {
      XLSX_LIMITS.maxRows = limit;
    }
  });
});
