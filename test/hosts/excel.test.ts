import { OfficeMockObject } from "office-addin-mock";
import {
  chunkBlock,
  estimateRequestBytes,
  needsTextGuard,
  renderSheetPlans,
} from "../../src/hosts/excel/render";
import { listSheets, readSheetCells, ReadReport, sheetExists, writeCells } from "../../src/hosts/excel/read";
import { describeHostError, HostError } from "../../src/hosts/excel/errors";
import { MAX_REQUEST_BYTES } from "../../src/hosts/excel/batch";
import { emptySheet, SheetPlan } from "../../src/workbook/plan";
import { FakeExcel, installFakeExcel } from "../fakes/excelFake";
import { runInExcel } from "../../src/hosts/excel/run";
import { expectedFromPlan, renderedFromFake, diffRendered } from "./planAssertions";
import { richPlan } from "./richPlan";

const ctx = (fake: FakeExcel) => fake.context() as unknown as Excel.RequestContext;

describe("Office.js renderer on the recording fake", () => {
  test("the rich plan takes 2 syncs, calculation suspended while writing", async () => {
    const fake = new FakeExcel();
    const plan = richPlan();
    const report = await renderSheetPlans(ctx(fake), plan.sheets, plan.names, { supports: () => true });
    expect(fake.syncCount).toBe(2);
    expect(report.syncs).toBe(2);
    expect(fake.requests[1].suspendedCalculation).toBe(true);
    expect(report.requests[0]).toBeGreaterThan(0);
  });

  test("without ExcelApi 1.6 calculation is not suspended", async () => {
    const fake = new FakeExcel();
    const plan = richPlan();
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names, { supports: (m) => m < 6 });
    expect(fake.requests.some((r) => r.suspendedCalculation)).toBe(false);
  });

  test("re-rendering the same plan is safe and gives the same state; other sheets are untouched", async () => {
    const fake = new FakeExcel(["Moje"]);
    fake.sheet("Moje")!.set(0, 0, "notatka", null);
    const plan = richPlan();
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    const first = JSON.stringify(renderedFromFake(fake, plan));
    const syncsBefore = fake.syncCount;
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    expect(fake.syncCount - syncsBefore).toBe(2);
    expect(JSON.stringify(renderedFromFake(fake, plan))).toBe(first);
    expect(diffRendered(expectedFromPlan(plan), renderedFromFake(fake, plan), "second")).toEqual([]);
    expect(fake.sheet("Moje")!.get(0, 0).value).toBe("notatka");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Moje", "Monitoring 2023", "Słowniki", "Uczestnicy"]);
  });

  test("re-rendering clears what the plan no longer has", async () => {
    const fake = new FakeExcel();
    const plan = richPlan();
    await renderSheetPlans(ctx(fake), plan.sheets, plan.names);
    const smaller: SheetPlan = {
      ...emptySheet("Monitoring 2023"),
      blocks: [{ row: 0, col: 0, values: [["x"]] }],
    };
    await renderSheetPlans(ctx(fake), [smaller], []);
    const s = fake.sheet("Monitoring 2023")!;
    expect(s.usedRange()).toEqual({ row: 0, col: 0, rows: 1, cols: 1 });
    expect(s.merges).toEqual([]);
    expect(s.validations).toEqual([]);
    expect(s.conditionalFormats).toEqual([]);
    expect(s.charts).toEqual([]);
    expect(s.freeze).toBeNull();
  });

  test("text that Excel would reinterpret is written with an apostrophe and reads back as the same text", async () => {
    for (const t of ["=SUM(A1)", "+48", "-5", "@x", "0123", "12,5", "TRUE", "1/2", "Jan 2023", "#N/A"])
      expect(needsTextGuard(t)).toBe(true);
    for (const t of ["Miernik", "Liczba osób", "nie dotyczy", "TAK"]) expect(needsTextGuard(t)).toBe(false);
    const fake = new FakeExcel();
    const texts = ["=1+1", "0123", "TRUE", "1/2", "Miernik", "-5"];
    const plan: SheetPlan = { ...emptySheet("T"), blocks: [{ row: 0, col: 0, values: [texts] }] };
    await renderSheetPlans(ctx(fake), [plan], []);
    const back = await readSheetCells(ctx(fake), "T");
    expect(back.values[0]).toEqual(texts);
    expect(back.formulas![0]).toEqual(texts.map(() => null));
  });

  test("a 100 000 × 30 block is written in chunks, every request estimated under 4 MB, and read back chunked", async () => {
    const rows = 100_000;
    const values = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: 30 }, (_, j) => (j % 3 === 0 ? `Uczestnik ${i}-${j} Łódź` : i * 30 + j)),
    );
    const plan: SheetPlan = { ...emptySheet("Duży"), blocks: [{ row: 1, col: 0, values }] };
    const fake = new FakeExcel();
    const report = await renderSheetPlans(ctx(fake), [plan], []);
    expect(report.syncs).toBeGreaterThan(3);
    expect(fake.requests.length).toBe(report.syncs);
    for (const r of fake.requests) expect(r.bytes).toBeLessThan(4_000_000);
    for (const r of report.requests) expect(r).toBeLessThan(4_000_000);
    const total = fake.requests.reduce((a, r) => a + r.bytes, 0);
    expect(total).toBeGreaterThan(20_000_000); // the payload really was big
    console.log(
      `100k×30 write: ${report.syncs} syncs, largest request ${(fake.maxRequestBytes / 1e6).toFixed(2)} MB (fake), ` +
        `${(Math.max(...report.requests) / 1e6).toFixed(2)} MB (renderer estimate)`,
    );

    const readFake = fake;
    const syncsBefore = readFake.syncCount;
    const rep: ReadReport = { syncs: 0, responses: [] };
    const back = await readSheetCells(ctx(readFake), "Duży", {}, rep);
    expect(rep.syncs).toBe(readFake.syncCount - syncsBefore);
    expect(rep.syncs).toBeGreaterThan(3);
    for (const r of readFake.responses.slice(syncsBefore)) expect(r).toBeLessThan(4_000_000);
    expect(back.top).toBe(1);
    expect(back.values.length).toBe(rows);
    let mismatches = 0;
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < 30; j++) if (back.values[i][j] !== values[i][j]) mismatches++;
    expect(mismatches).toBe(0);
    console.log(
      `100k×30 read: ${rep.syncs} syncs, largest response ${(Math.max(...rep.responses) / 1e6).toFixed(2)} MB`,
    );
  }, 120_000);

  test("chunkBlock keeps each chunk under the limit and covers every row once", () => {
    const values = Array.from({ length: 1000 }, (_, i) => [`wiersz ${i}`, i, i / 7]);
    const chunks = chunkBlock({ row: 5, col: 2, values }, 10_000);
    expect(chunks.length).toBeGreaterThan(3);
    let next = 5;
    for (const c of chunks) {
      expect(c.row).toBe(next);
      expect(c.bytes).toBeLessThan(10_000);
      expect(estimateRequestBytes(c.grid)).toBeLessThanOrEqual(c.bytes);
      next += c.rows;
    }
    expect(next).toBe(1005);
  });
});

describe("Office errors become clear messages", () => {
  const cases: [string, string, RegExp][] = [
    ["InvalidOperationInCellEditMode", "cellEditMode", /edytuje teraz komórkę/],
    ["AccessDenied", "protected", /chroniony/],
    ["ApiNotFound", "apiNotFound", /ExcelApi/],
    ["RequestPayloadSizeLimitExceeded", "requestTooLarge", /5 MB/],
  ];
  test.each(cases)("%s", async (code, kind, pl) => {
    const fake = new FakeExcel();
    fake.failOn({ code, property: "merge" });
    const plan = richPlan();
    const err = await renderSheetPlans(ctx(fake), plan.sheets, plan.names).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    const info = (err as HostError).info;
    expect(info.kind).toBe(kind);
    expect(info.code).toBe(code);
    expect(info.message.pl).toMatch(pl);
    expect(info.message.en.length).toBeGreaterThan(10);
  });
  test("InvalidOperation mentioning edit mode is the edit-mode case; others keep their detail", () => {
    expect(describeHostError({ code: "InvalidOperation", message: "Cell edit mode is active" }).kind).toBe(
      "cellEditMode",
    );
    const other = describeHostError({ code: "GeneralException", message: "Boom" });
    expect(other.kind).toBe("unknown");
    expect(other.message.pl).toContain("GeneralException: Boom");
  });
  test("a table over merged cells fails with the merge-conflict message", async () => {
    const fake = new FakeExcel();
    const plan: SheetPlan = {
      ...emptySheet("X"),
      blocks: [{ row: 0, col: 0, values: [["a", "b"]] }],
      merges: ["A1:B1"],
      tables: [{ name: "T1", range: "A1:B2" }],
    };
    const err = await renderSheetPlans(ctx(fake), [plan], []).catch((e: unknown) => e);
    expect((err as HostError).info.kind).toBe("mergeConflict");
  });
  test("reading a missing sheet says which sheet", async () => {
    const err = await readSheetCells(ctx(new FakeExcel()), "Brak").catch((e: unknown) => e);
    expect((err as HostError).info.message.pl).toContain("„Brak”");
  });
});

describe("readers and cell writes", () => {
  test("readSheetCells: 2 syncs for a small sheet, values normalised, formulas separated, formats kept", async () => {
    const fake = new FakeExcel();
    const plan: SheetPlan = {
      ...emptySheet("Monitoring 2023"),
      blocks: [
        {
          row: 2,
          col: 1,
          values: [
            [1796, null, "tekst"],
            [0.762, null, true],
          ],
          formulas: [
            [null, "=B3*2", null],
            [null, null, null],
          ],
        },
      ],
      formats: [{ range: "B4", style: { numberFormat: "0.0%" } }],
    };
    await renderSheetPlans(ctx(fake), [plan], []);
    fake.setResult("Monitoring 2023", "C3", 3592);
    const before = fake.syncCount;
    const cells = await readSheetCells(ctx(fake), "Monitoring 2023");
    expect(fake.syncCount - before).toBe(2);
    expect(cells.top).toBe(2);
    expect(cells.left).toBe(1);
    expect(cells.values).toEqual([
      [1796, 3592, "tekst"],
      [0.762, null, true],
    ]);
    expect(cells.formulas).toEqual([
      [null, "=B3*2", null],
      [null, null, null],
    ]);
    expect(cells.numberFormats![1][0]).toBe("0.0%");
    expect(cells.numberFormats![0][0]).toBeNull();
  });

  test("an empty sheet reads as no cells", async () => {
    const fake = new FakeExcel(["Pusty"]);
    const cells = await readSheetCells(ctx(fake), "Pusty");
    expect(cells.values).toEqual([]);
  });

  test("writeCells touches only the given cells", async () => {
    const fake = new FakeExcel(["R"]);
    const s = fake.sheet("R")!;
    s.set(0, 0, "keep", null);
    s.set(1, 1, "old", null);
    const syncs = await writeCells(ctx(fake), "R", [
      { address: "B2", value: "0123" },
      { address: "C3", value: 5 },
      { address: "D4", formula: "=C3*2" },
    ]);
    expect(syncs).toBe(1);
    expect(s.get(0, 0).value).toBe("keep");
    expect(s.get(1, 1).value).toBe("0123");
    expect(s.get(2, 2).value).toBe(5);
    expect(s.get(3, 3).formula).toBe("=C3*2");
    const addresses = fake.writes.map((w) => w.address);
    expect(addresses).toEqual(["B2", "C3", "D4"]);
  });

  test("writeCells batches big fixes under the request limit", async () => {
    const fake = new FakeExcel(["R"]);
    const cells = Array.from({ length: 3000 }, (_, i) => ({ address: `A${i + 1}`, value: "x".repeat(100) }));
    const syncs = await writeCells(ctx(fake), "R", cells, { maxRequestBytes: 50_000 });
    expect(syncs).toBeGreaterThan(5);
    for (const r of fake.requests) expect(r.bytes).toBeLessThan(50_000);
  });

  test("sheetExists works against office-addin-mock", async () => {
    const mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          existing: { isNullObject: false },
          missing: { isNullObject: true },
          getItemOrNullObject(this: { existing: unknown; missing: unknown }, name: string) {
            return name === "Monitoring 2023" ? this.existing : this.missing;
          },
        },
      },
    });
    const context = mock as unknown as Excel.RequestContext;
    expect(await sheetExists(context, "Monitoring 2023")).toBe(true);
    expect(await sheetExists(context, "Monitoring 2024")).toBe(false);
  });

  test("listSheets lists names and visibility in order", async () => {
    const fake = new FakeExcel(["Monitoring 2023", "Słowniki"]);
    fake.sheet("Słowniki")!.visibility = "Hidden";
    expect(await listSheets(ctx(fake))).toEqual([
      { name: "Monitoring 2023", visible: true },
      { name: "Słowniki", visible: false },
    ]);
  });

  test("the default limit is under Excel on the web's 5 MB", () => {
    expect(MAX_REQUEST_BYTES).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});

describe("runInExcel", () => {
  test("runs the batch on Excel.run and turns Office errors into HostError", async () => {
    const fake = new FakeExcel();
    const restore = installFakeExcel(fake);
    try {
      const plan = richPlan();
      await runInExcel((context) => renderSheetPlans(context, plan.sheets, plan.names));
      expect(fake.sheet("Monitoring 2023")).toBeDefined();
      fake.failNextSync("AccessDenied");
      const err = await runInExcel((context) => listSheets(context)).catch((e: unknown) => e);
      expect((err as HostError).info.kind).toBe("protected");
    } finally {
      restore();
    }
  });
});
