/**
 * The import's long passes in slices — reading the register sheet and finding duplicates — give exactly
 * the one-shot results (`readRegisterSheet`, `readRegisterWorkbook`, the preview of `previewImport`) on
 * 100 000 rows, in slices bounded by the time budget (a fake clock: no timing is asserted), with a yield
 * between slices, monotonic progress and cancellation at a slice boundary.
 */
import { sampleParticipants } from "../../../src/domain/card/sample";
import type { RawRow } from "../../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../../src/domain/register/columns";
import { participantToValues } from "../../../src/domain/register/toRow";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import type { WorkbookHost } from "../../../src/taskpane/host";
import { previewImport } from "../../../src/taskpane/participants/flows";
import {
  dedupeRows,
  dedupeSliced,
  readRegisterSheetSliced,
  readRegisterWorkbookSliced,
  SliceOptions,
} from "../../../src/taskpane/work/sliced";
import type { SheetCells, WorkbookCells } from "../../../src/workbook/cells";
import { readInputFile } from "../../../src/workbook/summary/inputs";
import {
  readRegisterSheet,
  readRegisterWorkbook,
  RegisterReadError,
} from "../../../src/workbook/register/reader";
import { bigRegisterSheet } from "../../fixtures/register/bigSheet";
import { toCsv } from "../../fixtures/summary/projects";

/** A clock that advances 10 ms every time it is read. */
function fakeClock(): () => number {
  let t = 0;
  return () => (t += 10);
}

function recorder() {
  const slices: number[] = [];
  const progress: [number, number][] = [];
  let yields = 0;
  const opts: SliceOptions = {
    stepRows: 500,
    budgetMs: 50,
    now: fakeClock(),
    yieldToUi: () => (yields++, Promise.resolve()),
    onSlice: (_ms, n) => slices.push(n),
    onProgress: (d, t) => progress.push([d, t]),
  };
  return { opts, slices, progress, yields: () => yields };
}

function expectBounded(r: ReturnType<typeof recorder>, total: number): void {
  // With 10 ms per clock read and a 50 ms budget a slice runs at most a few 500-row steps.
  expect(Math.max(...r.slices)).toBeLessThanOrEqual(2500);
  expect(r.slices.reduce((a, b) => a + b, 0)).toBe(total);
  expect(r.yields()).toBe(r.slices.length - 1);
  const done = r.progress.map((p) => p[0]);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(r.progress[r.progress.length - 1]).toEqual([total, total]);
}

test("readRegisterSheetSliced = readRegisterSheet on 100 000 rows, in bounded slices", async () => {
  const sheet = bigRegisterSheet(100_000, 5);
  const r = recorder();
  const got = await readRegisterSheetSliced(sheet, r.opts);
  expect(got).toEqual(readRegisterSheet(sheet));
  expectBounded(r, sheet.values.length - 3); // rows below the header (title, blank, header above)
}, 60_000);

test("readRegisterWorkbookSliced picks the same sheet and rows as readRegisterWorkbook", async () => {
  const sheet = { ...bigRegisterSheet(100_000, 6), name: "Eksport SL2014" };
  const wb = { sheets: [{ name: "Opis", top: 0, left: 0, values: [["Projekt"]] }, sheet] };
  const r = recorder();
  expect(await readRegisterWorkbookSliced(wb, r.opts)).toEqual(readRegisterWorkbook(wb));
  expect(r.slices.length).toBeGreaterThan(1);
});

test("a sheet without the register's headers fails before any slice, with the same error", async () => {
  const sheet: SheetCells = {
    name: "Arkusz1",
    top: 0,
    left: 0,
    values: [
      ["a", "b"],
      [1, 2],
    ],
  };
  const r = recorder();
  const sliced = readRegisterSheetSliced(sheet, r.opts);
  await expect(sliced).rejects.toBeInstanceOf(RegisterReadError);
  await expect(sliced).rejects.toThrow(/Arkusz1/);
  expect(r.slices).toHaveLength(0);
  await expect(readRegisterWorkbookSliced({ sheets: [sheet] })).rejects.toBeInstanceOf(RegisterReadError);
});

test("cancel stops the sliced read at the next slice boundary", async () => {
  const sheet = bigRegisterSheet(20_000, 7);
  const controller = new AbortController();
  let slicesRun = 0;
  const run = readRegisterSheetSliced(sheet, {
    now: fakeClock(),
    signal: controller.signal,
    onSlice: () => {
      slicesRun++;
      if (slicesRun === 2) controller.abort();
    },
  });
  await expect(run).rejects.toBeDefined();
  expect(slicesRun).toBe(2);
});

/** 100 000 register rows + 100 000 incoming: half already there, some repeated in the file, some without PESEL. */
let cached: { existing: RawRow[]; incoming: RawRow[] } | null = null;
function importCase(): { existing: RawRow[]; incoming: RawRow[] } {
  if (cached) return cached;
  const rows = (n: number, seed: number, from: number): RawRow[] => {
    const out: RawRow[] = [];
    let i = from;
    for (const p of sampleParticipants(n, seed)) {
      i++;
      const v = participantToValues(p, i) as RawRow["values"];
      if (i % 97 === 0) v.pesel = null; // the whole row is the identity
      out.push({ row: i + 1, values: v });
    }
    return out;
  };
  const existing = rows(100_000, 11, 0);
  const fresh = rows(50_000, 12, 100_000);
  const incoming = [
    ...existing.filter((_r, i) => i % 2 === 0),
    ...fresh,
    ...fresh.filter((_r, i) => i % 1000 === 0), // repeated within the file
  ].map((r, i) => ({ row: i + 2, values: r.values }));
  cached = { existing, incoming };
  return cached;
}

test("dedupeSliced = dedupeRows on 100 000 + 100 000 rows, in bounded slices", async () => {
  const { existing, incoming } = importCase();
  const expected = dedupeRows(existing, incoming);
  expect(expected.duplicates).toBe(50_000 + 50);
  expect(expected.toAdd).toHaveLength(50_000);
  const r = recorder();
  const got = await dedupeSliced(existing, incoming, r.opts);
  expect(got.duplicates).toBe(expected.duplicates);
  expect(got.toAdd).toEqual(expected.toAdd);
  expectBounded(r, existing.length + incoming.length);
}, 60_000);

test("cancel stops dedupeSliced at the next slice boundary", async () => {
  const { existing, incoming } = importCase();
  const controller = new AbortController();
  let slicesRun = 0;
  const run = dedupeSliced(existing.slice(0, 10_000), incoming.slice(0, 10_000), {
    now: fakeClock(),
    signal: controller.signal,
    onSlice: () => {
      slicesRun++;
      if (slicesRun === 3) controller.abort();
    },
  });
  await expect(run).rejects.toBeDefined();
  expect(slicesRun).toBe(3);
});

test("the sliced read + dedupe give previewImport's preview (register of 20 000, CSV of 20 000)", async () => {
  const { existing, incoming } = importCase();
  const grid = (rs: RawRow[]) => [
    REGISTER_COLUMNS.map((c) => c.header),
    ...rs.map((r) => REGISTER_COLUMNS.map((c) => r.values[c.key] ?? null)),
  ];
  const register: SheetCells = {
    name: "Uczestnicy",
    top: 0,
    left: 0,
    values: grid(existing.slice(0, 20_000)),
  };
  const file = incoming.slice(0, 10_000).concat(incoming.slice(50_000, 60_000));
  const host = {
    readSheet: (name: string) => Promise.resolve(name === "Uczestnicy" ? register : null),
  } as unknown as WorkbookHost;
  const bytes = new TextEncoder().encode(toCsv(grid(file)));
  const preview = await previewImport(
    { host, lang: "pl", confirmReplace: () => Promise.resolve(true) },
    { name: "nowi.csv", bytes },
    readXlsx,
  );
  // The pane's sliced path over the same cells: the register sheet, and the CSV as the preview reads it.
  const have = (await readRegisterSheetSliced(register, { yieldToUi: () => Promise.resolve() })).rows;
  const csvRows = preview.toAdd.length + preview.duplicates;
  expect(csvRows).toBe(20_000);
  const cells = await readInputFile("nowi.csv", bytes, readXlsx);
  if (!cells.ok) throw new Error("the CSV did not read");
  const read = await readRegisterWorkbookSliced(cells.cells as WorkbookCells, {
    yieldToUi: () => Promise.resolve(),
  });
  const got = await dedupeSliced(have, read.rows, { yieldToUi: () => Promise.resolve() });
  expect(preview.existing).toEqual(have);
  expect(got.duplicates).toBe(preview.duplicates);
  expect(got.toAdd).toEqual(preview.toAdd);
  expect(preview.duplicates).toBe(10_000);
}, 60_000);
