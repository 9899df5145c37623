/**
 * Issue 18: Excel fires Worksheet.onChanged for the add-in's own Office.js writes too (source "Local";
 * triggerSource "ThisLocalAddin" at ExcelApi 1.14). The fake models it; Miernik's live re-validation must not
 * wake up for cells Miernik itself wrote (a fix, a layout) — each such write is followed by one validation.
 */
import { PROGRAMME } from "../../src/domain/programme/programme";
import * as renderModule from "../../src/hosts/excel/render";
import { excelValidationHost } from "../../src/hosts/excel/validationHost";
import { createExcelWorkbookHost } from "../../src/hosts/excel/workbookHost";
import { ValidationController, Timers } from "../../src/taskpane/validation/controller";
import { parseA1 } from "../../src/workbook/address";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { CellValue } from "../../src/workbook/plan";
import { FakeChangedEvent, FakeExcel, FakeOfficeError, installFakeOffice } from "../fakes/excelFake";
import { planToCells, setValue, valueCell } from "../workbook/validation/sheetHelpers";
import * as validationModule from "../../src/hosts/excel/validation";

type Ctx = ReturnType<FakeExcel["context"]>;

function listen(fake: FakeExcel, sheet: string): FakeChangedEvent[] {
  const seen: FakeChangedEvent[] = [];
  const c = fake.context();
  c.workbook.worksheets.getItem(sheet).onChanged.add((e) => void seen.push(e));
  return seen;
}
async function write(fake: FakeExcel, queue: (c: Ctx) => void): Promise<void> {
  const c = fake.context();
  queue(c);
  await c.sync();
}

describe("strict fake: onChanged for API writes", () => {
  test("a write through Office.js fires onChanged after its sync, with source Local", async () => {
    const fake = new FakeExcel(["A"]);
    const seen = listen(fake, "A");
    const c = fake.context();
    c.workbook.worksheets.getItem("A").getRange("B2:C3").values = [
      [1, 2],
      [3, 4],
    ];
    expect(seen).toEqual([]);
    await c.sync();
    await fake.eventsDelivered();
    expect(seen).toEqual([
      {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: "A",
        address: "B2:C3",
      },
    ]);
    // Formats are not data: no onChanged.
    await write(
      fake,
      (x) => (x.workbook.worksheets.getItem("A").getRange("A1").format.fill.color = "#FF0000"),
    );
    await write(fake, (x) => x.workbook.worksheets.getItem("A").getRange("A1").clear("Formats"));
    await fake.eventsDelivered();
    expect(seen).toHaveLength(1);
  });

  test("triggerSource (ExcelApi 1.14): ThisLocalAddin for the add-in's writes, Unknown for the user's; absent below", async () => {
    const fake = new FakeExcel(["A"]);
    fake.excelApiMinor = 14;
    const seen = listen(fake, "A");
    await write(fake, (c) => (c.workbook.worksheets.getItem("A").getRange("A1").values = [[1]]));
    await fake.eventsDelivered();
    await fake.userEdit("A", "A2", 2);
    expect(seen.map((e) => e.triggerSource)).toEqual(["ThisLocalAddin", "Unknown"]);
    const old = new FakeExcel(["A"]);
    const seenOld = listen(old, "A");
    await write(old, (c) => (c.workbook.worksheets.getItem("A").getRange("A1").values = [[1]]));
    await old.eventsDelivered();
    expect(seenOld).toHaveLength(1);
    expect("triggerSource" in seenOld[0]).toBe(false);
  });

  test("runtime.enableEvents = false (ExcelApi 1.8) silences this add-in's handlers; below 1.8 it is ApiNotFound", async () => {
    const fake = new FakeExcel(["A"]);
    const seen = listen(fake, "A");
    await write(fake, (c) => {
      c.runtime.enableEvents = false;
      c.workbook.worksheets.getItem("A").getRange("A1").values = [[1]];
    });
    await fake.userEdit("A", "A2", 2);
    await write(fake, (c) => {
      c.runtime.enableEvents = true;
      c.workbook.worksheets.getItem("A").getRange("A3").values = [[3]];
    });
    await fake.eventsDelivered();
    expect(seen.map((e) => e.address)).toEqual(["A3"]);
    const old = new FakeExcel(["A"]);
    old.excelApiMinor = 7;
    const c = old.context();
    c.runtime.enableEvents = false;
    const err = await c.sync().catch((e: unknown) => e);
    expect((err as FakeOfficeError).code).toBe("ApiNotFound");
  });
});

function samples(): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) m.set(i.id, i.sample2023);
  return m;
}

/** Manual timers: counts what the controller schedules (its debounced re-validation). */
function countingTimers(): Timers & { scheduled: number; flush(): void } {
  const q = new Map<number, () => void>();
  let id = 0;
  const t = {
    scheduled: 0,
    set: (fn: () => void) => {
      t.scheduled++;
      q.set(++id, fn);
      return id;
    },
    clear: (h: unknown) => void q.delete(h as number),
    flush: () => {
      const fns = [...q.values()];
      q.clear();
      fns.forEach((f) => f());
    },
  };
  return t;
}

describe("live re-validation and Miernik's own writes", () => {
  const base = planToCells(buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }));
  const cell = valueCell(base, "1.1.3-1");

  function setup(minor: number) {
    const sheet = setValue(base, "1.1.3-1", "1 796"); // number as text: a fixable finding
    const fake = new FakeExcel(["Arkusz1", sheet.name]);
    fake.excelApiMinor = minor;
    const st = fake.sheet(sheet.name)!;
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => v !== null && st.set(sheet.top + r, sheet.left + c, v, null)),
    );
    const restore = installFakeOffice(fake);
    const host = excelValidationHost(PROGRAMME, fake as never, () => Promise.resolve(validationModule));
    let validations = 0;
    const counted = { ...host, validate: (y: number, f?: number) => (validations++, host.validate(y, f)) };
    const timers = countingTimers();
    const controller = new ValidationController(counted, 2023, { timers });
    return { fake, restore, controller, timers, sheetName: sheet.name, validations: () => validations };
  }

  test.each([12, 14])(
    "ExcelApi 1.%i: a fix re-validates once; its own write does not schedule another; the user's edits still do",
    async (minor) => {
      const { fake, restore, controller, timers, sheetName, validations } = setup(minor);
      try {
        await controller.validate();
        const f = controller.current.result!.findings.find((x) => x.cell === cell && x.fix)!;
        expect(f).toBeDefined();
        await controller.fix([f]);
        await fake.eventsDelivered();
        await controller.idle();
        const at = parseA1(cell);
        expect(fake.sheet(sheetName)!.get(at.row, at.col).value).toBe(1796);
        expect(validations()).toBe(2);
        // Excel did raise onChanged for the fix (without the guard the panel would validate a third time).
        expect(timers.scheduled).toBe(0);
        // Events are back on: the user's edit of a watched cell schedules the debounced validation.
        await fake.userEdit(sheetName, cell, "12");
        expect(timers.scheduled).toBe(1);
      } finally {
        await controller.dispose();
        restore();
      }
    },
  );

  test("a layout of the watched sheet does not wake the live validation (the panel refreshes once itself)", async () => {
    const { fake, restore, controller, timers, sheetName } = setup(12);
    try {
      await controller.validate();
      const wb = createExcelWorkbookHost({
        excel: fake as never,
        excelApi: (v) => Number(v.split(".")[1]) <= fake.excelApiMinor,
        loadRenderer: () => Promise.resolve(renderModule),
      });
      const plan = buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() });
      await wb.writePlans([plan], []);
      await fake.eventsDelivered();
      expect(fake.sheet(sheetName)).toBeDefined();
      expect(timers.scheduled).toBe(0);
      expect(fake.eventsEnabled).toBe(true);
    } finally {
      await controller.dispose();
      restore();
    }
  });

  test("events are switched back on when the write fails", async () => {
    const { fake, restore, controller } = setup(12);
    try {
      await controller.validate();
      const f = controller.current.result!.findings.find((x) => x.cell === cell && x.fix)!;
      fake.failOn({ code: "AccessDenied", property: "values" });
      await controller.fix([f]);
      expect(controller.current.notice).not.toBeNull();
      expect(fake.eventsEnabled).toBe(true);
    } finally {
      await controller.dispose();
      restore();
    }
  });
});
