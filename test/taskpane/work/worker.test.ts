/**
 * The pane's Web Worker path gives the main-thread path's results: the worker's message handler
 * (src/taskpane/work/workerHandler.ts) is wired to the main thread's worker host through structured
 * clones, as a real Worker would, and compared with the standalone host working in the page.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import type { Card } from "../../../src/domain/card/types";
import { PROGRAMME } from "../../../src/domain/programme/programme";
import * as memory from "../../../src/hosts/xlsx/memory";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { writeXlsx } from "../../../src/hosts/xlsx/render";
import type { WorkbookHost } from "../../../src/taskpane/host";
import {
  checkCriteria,
  checkOutcome,
  createRegister,
  ROW_ISSUES_LISTED,
} from "../../../src/taskpane/participants/flows";
import { createStandaloneHost } from "../../../src/taskpane/standaloneHost";
import type { WorkerRequest, WorkerResponse } from "../../../src/taskpane/work/protocol";
import { createPaneWorkerHandler } from "../../../src/taskpane/work/workerHandler";
import { createWorkerStandaloneHost, WorkerLike } from "../../../src/taskpane/work/workerHost";
import { buildMonitoringSheetPlan } from "../../../src/workbook/monitoring/layout";
import { emptySheet } from "../../../src/workbook/plan";
import { csvBytes, participants, registerRows } from "../../fixtures/summary/projects";
import { planToCells, setValue } from "../../workbook/validation/sheetHelpers";

const CARD = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = 45658; // 2025-01-01

/** A worker in this process: messages cross as structured clones, asynchronously, as with a real Worker. */
function inProcessWorker(log: WorkerRequest[] = []): WorkerLike {
  const w: WorkerLike = { postMessage: () => undefined, onmessage: null, onerror: null };
  const handle = createPaneWorkerHandler(
    (m: WorkerResponse) =>
      setTimeout(() => w.onmessage?.({ data: structuredClone(m) } as MessageEvent<WorkerResponse>), 0),
    { loadModule: () => Promise.resolve(memory) },
  );
  w.postMessage = (m: WorkerRequest) => {
    log.push(m);
    setTimeout(() => void handle(structuredClone(m)), 0);
  };
  return w;
}

function pair(saved: { bytes: Uint8Array; name: string }[][] = [[], []], log: WorkerRequest[] = []) {
  const page = createStandaloneHost({
    programme: PROGRAMME,
    loadModule: () => Promise.resolve(memory),
    save: (bytes, name) => void saved[0].push({ bytes, name }),
  });
  const worker = createWorkerStandaloneHost(inProcessWorker(log), {
    save: (bytes, name) => void saved[1].push({ bytes, name }),
  });
  return { page, worker };
}

const deps = (host: WorkbookHost) => ({
  host,
  lang: "pl" as const,
  confirmReplace: () => Promise.resolve(true),
});

async function registerXlsx(n: number): Promise<Uint8Array> {
  return writeXlsx({
    sheets: [
      { ...emptySheet("Notatki"), blocks: [{ row: 0, col: 0, values: [["notatki"]] }] },
      { ...emptySheet("Arkusz1"), blocks: [{ row: 0, col: 0, values: registerRows(participants(n, 7)) }] },
    ],
    names: [],
  });
}

jest.setTimeout(30_000);

describe("the pane's Web Worker", () => {
  test("opening and checking an .xlsx in the worker gives the page's criteria, and runs in the worker", async () => {
    const log: WorkerRequest[] = [];
    const { page, worker } = pair(undefined, log);
    const bytes = await registerXlsx(300);
    const a = await page.files.open({ name: "lista.xlsx", bytes: bytes.slice() });
    const b = await worker.files.open({ name: "lista.xlsx", bytes: bytes.slice() });
    expect(b).toEqual(a);
    expect(worker.files.current()).toEqual(page.files.current());
    const progress: number[] = [];
    const viaPage = await checkCriteria(deps(page), CARD, AS_OF);
    const viaWorker = await checkCriteria(deps(worker), CARD, AS_OF, undefined, (d, t) =>
      progress.push(d / t),
    );
    expect(viaWorker).toEqual(viaPage);
    expect(viaWorker.rows).toBe(300);
    expect(progress.at(-1)).toBe(1);
    expect(log.map((m) => ("op" in m ? m.op : "cancel"))).toEqual(["open", "checkCriteria"]);
  });

  test("a picked File goes to the worker as it is (read there) and opens as its bytes do", async () => {
    const log: WorkerRequest[] = [];
    const { page, worker } = pair(undefined, log);
    const bytes = await registerXlsx(40);
    const a = await page.files.open({ name: "lista.xlsx", bytes: bytes.slice() });
    const b = await worker.files.open({ name: "lista.xlsx", bytes: new Blob([bytes.slice()]) });
    expect(b).toEqual(a);
    expect((log[0] as { args: unknown[] }).args[1]).toBeInstanceOf(Blob);
    expect(await checkCriteria(deps(worker), CARD, AS_OF)).toEqual(
      await checkCriteria(deps(page), CARD, AS_OF),
    );
  });

  test("the pane gets the first row problems it lists and how many there are, not all of them", () => {
    const issue = (row: number) => ({
      row,
      column: "PESEL",
      rule: "pesel.checksum",
      severity: "error" as const,
      message: { pl: `w${row}`, en: `r${row}` },
    });
    const evaluation = {
      card: "x",
      asOf: "2025-01-01",
      participants: 0,
      pending: 0,
      criteria: [],
      rowIssues: Array.from({ length: ROW_ISSUES_LISTED + 50 }, (_, i) => issue(i + 2)),
    };
    const out = checkOutcome(evaluation, 300);
    expect(out.rowIssueCount).toBe(ROW_ISSUES_LISTED + 50);
    expect(out.evaluation.rowIssues).toEqual(evaluation.rowIssues.slice(0, ROW_ISSUES_LISTED));
    expect(out.evaluation.criteria).toBe(evaluation.criteria);
    const few = { ...evaluation, rowIssues: evaluation.rowIssues.slice(0, 3) };
    expect(checkOutcome(few, 3)).toEqual({ evaluation: few, rows: 3, rowIssueCount: 3 });
  });

  test("a .csv, a register written by Miernik and its download are the same through the worker", async () => {
    const saved: { bytes: Uint8Array; name: string }[][] = [[], []];
    const { page, worker } = pair(saved);
    const csv = csvBytes(participants(80, 3), "Fundacja");
    for (const h of [page, worker]) {
      await h.files.open({ name: "lista.csv", bytes: csv.slice() });
      const out = await createRegister(deps(h), CARD, AS_OF);
      expect(out).toMatchObject({ status: "done", rows: 80 });
    }
    expect(await worker.listSheets()).toEqual(await page.listSheets());
    expect(await worker.readSheet("Uczestnicy")).toEqual(await page.readSheet("Uczestnicy"));
    expect(await checkCriteria(deps(worker), CARD, AS_OF)).toEqual(
      await checkCriteria(deps(page), CARD, AS_OF),
    );
    expect(saved[1].map((s) => s.name)).toEqual(saved[0].map((s) => s.name));
    const [x, y] = await Promise.all([readXlsx(saved[0][0].bytes), readXlsx(saved[1][0].bytes)]);
    expect(y).toEqual(x);
  });

  test("validation and fixes of a monitoring workbook are the same through the worker", async () => {
    const { page, worker } = pair();
    const sheet = setValue(planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, {})), "1.1.1-1", "12 a");
    const bytes = await writeXlsx({
      sheets: [
        { ...emptySheet(sheet.name), blocks: [{ row: sheet.top, col: sheet.left, values: sheet.values }] },
      ],
      names: [],
    });
    await page.files.open({ name: "m.xlsx", bytes: bytes.slice() });
    await worker.files.open({ name: "m.xlsx", bytes: bytes.slice() });
    const [a, b] = [await page.validation!.validate(2023), await worker.validation!.validate(2023)];
    expect(b).toEqual(a);
    expect(a.findings.length).toBeGreaterThan(0);
    expect(await worker.validation!.applyFixes(b.findings)).toEqual(
      await page.validation!.applyFixes(a.findings),
    );
    expect(worker.files.current()).toEqual(page.files.current());
  });

  test("an unreadable file gives the same message naming it; the open file stays", async () => {
    const { page, worker } = pair();
    const bad = { name: "stary.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) };
    const [a, b] = await Promise.all([
      page.files.open(bad).catch((e: unknown) => e),
      worker.files.open({ ...bad, bytes: bad.bytes.slice() }).catch((e: unknown) => e),
    ]);
    expect((b as { info: unknown }).info).toEqual((a as { info: unknown }).info);
    expect((b as { info: { message: { pl: string } } }).info.message.pl).toContain("„stary.xls”");
    await expect(checkCriteria(deps(worker), CARD, AS_OF)).rejects.toMatchObject({
      info: { message: { pl: expect.stringContaining("Uczestnicy") as string } },
    });
  });

  test("a cancelled operation replies 'aborted' and stops; the worker is free again", async () => {
    const posted: WorkerResponse[] = [];
    const handle = createPaneWorkerHandler((m) => void posted.push(m), {
      loadModule: () => Promise.resolve(memory),
    });
    await handle({ id: 1, op: "open", args: ["lista.csv", csvBytes(participants(50, 2))] });
    const run = handle({ id: 2, op: "checkCriteria", args: [CARD, AS_OF] });
    void handle({ id: 2, cancel: true });
    await run;
    expect(posted.filter((m) => m.id === 2)).toEqual([
      expect.objectContaining({ ok: false, error: { kind: "aborted" } }),
    ]);
    await handle({ id: 3, op: "checkCriteria", args: [CARD, AS_OF] });
    expect(posted.find((m) => m.id === 3 && "ok" in m)).toMatchObject({ ok: true, value: { rows: 50 } });
  });

  test("cancelling on the main thread sends `cancel` and rejects with an AbortError", async () => {
    const sent: WorkerRequest[] = [];
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (m) => {
        sent.push(m);
        const reply = (r: WorkerResponse) =>
          setTimeout(() => w.onmessage?.({ data: r } as MessageEvent<WorkerResponse>), 0);
        if ("cancel" in m) reply({ id: m.id, ok: false, error: { kind: "aborted" }, info: null });
        else reply({ id: m.id, progress: [1, 4] });
      },
    };
    const host = createWorkerStandaloneHost(w);
    const controller = new AbortController();
    const run = host.work.checkCriteria(CARD, AS_OF, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(sent.map((m) => ("cancel" in m ? "cancel" : "op" in m ? m.op : "ack"))).toEqual([
      "checkCriteria",
      "cancel",
    ]);
  });
});
