/**
 * Saving the standalone page's workbook as a stream: with a save picker (File System Access API), the
 * Download button streams the package from the worker into the picked file chunk by chunk (each chunk
 * acknowledged before the next is made) and the file holds the same workbook as the page's download;
 * cancelling the picker writes nothing and says nothing; a failing write aborts the file (not committed)
 * and reports the failure; without a picker, and for the automatic download after a layout, the worker
 * hands over a Blob.
 */
import * as memory from "../../../src/hosts/xlsx/memory";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import type { SavePicker, WritableFile } from "../../../src/taskpane/download";
import { saveInBrowser } from "../../../src/taskpane/download";
import { createStandaloneHost } from "../../../src/taskpane/standaloneHost";
import type { WorkerRequest, WorkerResponse } from "../../../src/taskpane/work/protocol";
import { createPaneWorkerHandler } from "../../../src/taskpane/work/workerHandler";
import { createWorkerStandaloneHost, WorkerLike } from "../../../src/taskpane/work/workerHost";
import { emptySheet } from "../../../src/workbook/plan";
import { csvBytes, participants } from "../../fixtures/summary/projects";

/** The worker in this process, messages as structured clones (transfer lists honoured). */
function inProcessWorker(log: WorkerRequest[], posted: WorkerResponse[] = []): WorkerLike {
  const w: WorkerLike = { postMessage: () => undefined, onmessage: null, onerror: null };
  const handle = createPaneWorkerHandler(
    (m: WorkerResponse, transfer?: Transferable[]) => {
      posted.push(m);
      const copy = structuredClone(m, { transfer: transfer ?? [] });
      setTimeout(() => w.onmessage?.({ data: copy } as MessageEvent<WorkerResponse>), 0);
    },
    { loadModule: () => Promise.resolve(memory), streamChunkBytes: 1024 },
  );
  w.postMessage = (m: WorkerRequest) => {
    log.push(m);
    setTimeout(() => void handle(structuredClone(m)), 0);
  };
  return w;
}

interface FakeFile extends WritableFile {
  chunks: Uint8Array[];
  closed: boolean;
  aborted: boolean;
}

function fakeFile(failAt = -1): FakeFile {
  const f: FakeFile = {
    chunks: [],
    closed: false,
    aborted: false,
    write: async (c) => {
      await new Promise((r) => setTimeout(r, 0));
      if (f.chunks.length === failAt) throw new Error("disk full");
      f.chunks.push(c.slice());
    },
    close: () => {
      f.closed = true;
      return Promise.resolve();
    },
    abort: () => {
      f.aborted = true;
      return Promise.resolve();
    },
  };
  return f;
}

function pickerOf(file: FakeFile | "cancel", asked: string[] = []): SavePicker {
  return (o) => {
    asked.push(o.suggestedName);
    if (file === "cancel")
      return Promise.reject(new DOMException("The user aborted a request.", "AbortError"));
    return Promise.resolve({ createWritable: () => Promise.resolve(file) });
  };
}

const concat = (cs: Uint8Array[]) => new Uint8Array(Buffer.concat(cs));
const ops = (log: WorkerRequest[]) =>
  log.map((m) =>
    "op" in m ? (m.op === "download" ? `download:${m.args[0]}` : m.op) : "ack" in m ? "ack" : "cancel",
  );

jest.setTimeout(30_000);

async function opened(h: { files: { open(f: { name: string; bytes: Uint8Array }): Promise<unknown> } }) {
  await h.files.open({ name: "lista.csv", bytes: csvBytes(participants(200, 5), "Fundacja") });
}

describe("the standalone download as a stream", () => {
  test("picker: the worker streams into the picked file, acknowledged chunk by chunk; the same workbook as the page's", async () => {
    const log: WorkerRequest[] = [];
    const file = fakeFile();
    const asked: string[] = [];
    const blobs: Uint8Array[] = [];
    const host = createWorkerStandaloneHost(inProcessWorker(log), {
      savePicker: pickerOf(file, asked),
      save: (b) => void blobs.push(b),
    });
    await opened(host);
    await host.writePlans([{ ...emptySheet("Notatki"), blocks: [{ row: 0, col: 0, values: [["x"]] }] }], []);
    // The layout's automatic download: a Blob, no picker.
    expect(asked).toEqual([]);
    expect(blobs.length).toBe(1);
    expect(ops(log)).toEqual(["open", "writePlans"]);
    expect(await host.files.download()).toBe("lista.xlsx");
    expect(asked).toEqual(["lista.xlsx"]);
    expect(file.closed).toBe(true);
    expect(file.aborted).toBe(false);
    expect(file.chunks.length).toBeGreaterThan(3);
    const acks = ops(log).filter((o) => o === "ack").length;
    expect(acks).toBe(file.chunks.length);
    expect(ops(log).slice(0, 3)).toEqual(["open", "writePlans", "download:stream"]);
    expect(host.files.current()!.unsaved).toBe(false);

    const saved: Uint8Array[] = [];
    const p = createStandaloneHost({
      loadModule: () => Promise.resolve(memory),
      downloadOnWrite: false,
      save: (b) => void saved.push(b),
    });
    await opened(p);
    await p.writePlans([{ ...emptySheet("Notatki"), blocks: [{ row: 0, col: 0, values: [["x"]] }] }], []);
    await p.files.download();
    const [x, y, z] = await Promise.all([
      readXlsx(concat(file.chunks)),
      readXlsx(saved[0]),
      readXlsx(blobs[0]),
    ]);
    expect(x).toEqual(y);
    expect(z).toEqual(y);
    expect(x.sheets.map((s) => s.name)).toEqual(["Uczestnicy", "Notatki"]);
  });

  test("cancel in the picker: nothing asked of the worker, nothing written, no error; still unsaved", async () => {
    const log: WorkerRequest[] = [];
    const host = createWorkerStandaloneHost(inProcessWorker(log), { savePicker: pickerOf("cancel") });
    await opened(host);
    await host.validation!.applyFixes([]);
    const before = host.files.current();
    expect(await host.files.download()).toBeNull();
    expect(ops(log)).toEqual(["open", "applyFixes"]);
    expect(host.files.current()).toEqual(before);
  });

  test("a write that fails aborts the file (not committed), reports the failure, and the worker is free again", async () => {
    const log: WorkerRequest[] = [];
    const file = fakeFile(2);
    const host = createWorkerStandaloneHost(inProcessWorker(log), { savePicker: pickerOf(file) });
    await opened(host);
    await expect(host.files.download()).rejects.toThrow("disk full");
    expect(file.aborted).toBe(true);
    expect(file.closed).toBe(false);
    expect(ops(log)).toContain("cancel");
    expect(await host.listSheets()).toEqual(["Uczestnicy"]);
  });

  test("no picker: the worker hands over a Blob, saved as a download", async () => {
    const log: WorkerRequest[] = [];
    const saved: Uint8Array[] = [];
    const host = createWorkerStandaloneHost(inProcessWorker(log), {
      savePicker: null,
      save: (b) => void saved.push(b),
    });
    await opened(host);
    expect(await host.files.download()).toBe("lista.xlsx");
    expect(ops(log)).toEqual(["open", "download:blob"]);
    expect((await readXlsx(saved[0])).sheets.map((s) => s.name)).toEqual(["Uczestnicy"]);
  });

  test("in the page (no worker): the Download button streams into the picked file; a layout's download does not ask", async () => {
    const file = fakeFile();
    const asked: string[] = [];
    const how: boolean[] = [];
    const host = createStandaloneHost({
      loadModule: () => Promise.resolve(memory),
      saveWorkbook: (f, h) => {
        how.push(h.interactive);
        // A layout's download (not interactive) would be a Blob download, which needs a document.
        return h.interactive ? saveInBrowser(f, true, pickerOf(file, asked)) : Promise.resolve(true);
      },
    });
    await opened(host);
    await host.writePlans([{ ...emptySheet("Notatki"), blocks: [{ row: 0, col: 0, values: [["x"]] }] }], []);
    expect(await host.files.download()).toBe("lista.xlsx");
    expect(how).toEqual([false, true]);
    expect(asked).toEqual(["lista.xlsx"]);
    expect(file.closed).toBe(true);
    expect((await readXlsx(concat(file.chunks))).sheets.map((s) => s.name)).toEqual([
      "Uczestnicy",
      "Notatki",
    ]);
    const cancelled = createStandaloneHost({
      loadModule: () => Promise.resolve(memory),
      saveWorkbook: (f, h) => saveInBrowser(f, h.interactive, pickerOf("cancel")),
    });
    await opened(cancelled);
    expect(await cancelled.files.download()).toBeNull();
  });
});
