/**
 * The recording fake refuses what Excel refuses (issue 18): one test per rule; the rules and their sources
 * are in test/fakes/excelFake.ts and docs/excel-behaviours.md.
 */
/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read -- the fake is driven directly: reading an unloaded property on purpose is the point of some tests */
import { FakeExcel, FakeOfficeError, MAX_COLUMN_WIDTH_PT } from "../fakes/excelFake";

type Ctx = ReturnType<FakeExcel["context"]>;
async function failure(fake: FakeExcel, queue: (c: Ctx) => void): Promise<string | null> {
  const c = fake.context();
  queue(c);
  try {
    await c.sync();
    return null;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : String(e);
  }
}

describe("strict fake: payloads (web profile)", () => {
  test("a request over 5 MB throws RequestPayloadSizeLimitExceeded; the desktop profile lets it through", async () => {
    const big = [Array.from({ length: 6000 }, () => "x".repeat(1000))];
    const write = (c: Ctx) =>
      (c.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, 1, 6000).values = big);
    expect(await failure(new FakeExcel(["A"]), write)).toBe("RequestPayloadSizeLimitExceeded");
    const desk = new FakeExcel(["A"]);
    desk.profile = "desktop";
    expect(await failure(desk, write)).toBeNull();
  });

  test("a response over 5 MB throws ResponsePayloadSizeLimitExceeded", async () => {
    const fake = new FakeExcel(["A"]);
    fake.profile = "desktop";
    const s = fake.sheet("A")!;
    for (let r = 0; r < 6000; r++) s.set(r, 0, "y".repeat(1000), null);
    fake.profile = "web";
    expect(
      await failure(fake, (c) => c.workbook.worksheets.getItem("A").getRange("A1:A6000").load("values")),
    ).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("values of a range over 5 M cells come back null", async () => {
    const fake = new FakeExcel(["A"]);
    fake.profile = "desktop"; // the null values, not the payload limit
    const c = fake.context();
    const r = c.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, 1_000_000, 6);
    r.load("values");
    await c.sync();
    expect(r.values).toBeNull();
  });
});

describe("strict fake: loading", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded, per proxy and property", async () => {
    const fake = new FakeExcel(["A"]);
    const c = fake.context();
    const r = c.workbook.worksheets.getItem("A").getRange("A1:B2");
    r.load("values");
    await c.sync();
    expect(r.values).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(() => r.formulas).toThrow(/not available/);
    expect(r.toJSON()).toEqual({ values: r.values });
  });
});

describe("strict fake: conditional formats", () => {
  test("add() puts the new format first (priority 0)", async () => {
    const fake = new FakeExcel(["A"]);
    const c = fake.context();
    const range = c.workbook.worksheets.getItem("A").getRange("A1:A3");
    range.conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
    range.conditionalFormats.add("Custom").custom.rule.formula = "=A1>2";
    await c.sync();
    expect(fake.sheet("A")!.conditionalFormats.map((f) => f.formula)).toEqual(["=A1>2", "=A1>1"]);
  });
});

describe("strict fake: data validation", () => {
  const dv = (c: Ctx) => c.workbook.worksheets.getItem("A").getRange("A1").dataValidation;
  test("title ≤ 32, message ≤ 255", async () => {
    expect(
      await failure(new FakeExcel(["A"]), (c) => (dv(c).prompt = { title: "t".repeat(32) } as never)),
    ).toBeNull();
    expect(
      await failure(new FakeExcel(["A"]), (c) => (dv(c).prompt = { title: "t".repeat(33) } as never)),
    ).toBe("InvalidArgument");
    expect(
      await failure(new FakeExcel(["A"]), (c) => (dv(c).errorAlert = { message: "m".repeat(256) } as never)),
    ).toBe("InvalidArgument");
  });
  test("a literal list ≤ 255 characters (a reference may be longer)", async () => {
    const list = (source: string) => (c: Ctx) =>
      (dv(c).rule = { list: { inCellDropDown: true, source } } as never);
    expect(await failure(new FakeExcel(["A"]), list("a,".repeat(128)))).toBe("InvalidArgument");
    expect(await failure(new FakeExcel(["A"]), list("a,".repeat(127)))).toBeNull();
    expect(await failure(new FakeExcel(["A"]), list("=" + "L".repeat(300)))).toBeNull();
  });
});

describe("strict fake: names", () => {
  const add =
    (name: string, ref = "=A!$A$1") =>
    (c: Ctx) =>
      c.workbook.names.add(name, ref);
  test.each(["A1", "xfd1048576", "R1C1", "r", "C", "R2", "c3"])(
    "%s (a reference look-alike) is refused",
    async (n) => {
      expect(await failure(new FakeExcel(["A"]), add(n))).toBe("InvalidArgument");
    },
  );
  test("≤ 255 characters; ordinary names pass", async () => {
    expect(await failure(new FakeExcel(["A"]), add("N".repeat(256)))).toBe("InvalidArgument");
    expect(await failure(new FakeExcel(["A"]), add("L_status"))).toBeNull();
    expect(await failure(new FakeExcel(["A"]), add("XFE1"))).toBeNull();
  });
  test("no clash with a table name; the sheet referred to must exist", async () => {
    const fake = new FakeExcel(["A"]);
    fake.tables.set("dane", { name: "Dane", sheet: "A", ref: { row: 0, col: 0, rows: 2, cols: 1 } });
    expect(await failure(fake, add("Dane"))).toBe("ItemAlreadyExists");
    expect(await failure(new FakeExcel(["A"]), add("X", "='Nie ma'!$A$1"))).toBe("InvalidReference");
    expect(await failure(new FakeExcel(["Moje dane"]), add("X", "='Moje dane'!$A$1"))).toBeNull();
  });
});

describe("strict fake: sheet names", () => {
  const add = (name: string) => (c: Ctx) => c.workbook.worksheets.add(name);
  test.each([
    "x".repeat(32),
    "a[b",
    "a]b",
    "a:b",
    "a*b",
    "a?b",
    "a/b",
    "a\\b",
    "'ab",
    "ab'",
    "History",
    "history",
  ])("%s is refused", async (n) => {
    expect(await failure(new FakeExcel(), add(n))).toBe("InvalidArgument");
  });
  test("31 characters pass; names are unique ignoring case", async () => {
    expect(await failure(new FakeExcel(), add("x".repeat(31)))).toBeNull();
    expect(await failure(new FakeExcel(["monitoring 2023"]), add("Monitoring 2023"))).toBe(
      "ItemAlreadyExists",
    );
  });
});

describe("strict fake: sizes", () => {
  const fmt = (c: Ctx) => c.workbook.worksheets.getItem("A").getRange("A1").format;
  test("row height ≤ 409 pt, column width ≤ 255 characters", async () => {
    expect(await failure(new FakeExcel(["A"]), (c) => (fmt(c).rowHeight = 409))).toBeNull();
    expect(await failure(new FakeExcel(["A"]), (c) => (fmt(c).rowHeight = 410))).toBe("InvalidArgument");
    expect(await failure(new FakeExcel(["A"]), (c) => (fmt(c).columnWidth = MAX_COLUMN_WIDTH_PT))).toBeNull();
    expect(await failure(new FakeExcel(["A"]), (c) => (fmt(c).columnWidth = MAX_COLUMN_WIDTH_PT + 1))).toBe(
      "InvalidArgument",
    );
  });
  test("a formula ≤ 8 192 characters", async () => {
    const f = (n: number) => (c: Ctx) =>
      (c.workbook.worksheets.getItem("A").getRange("A1").formulas = [["=" + "1+".repeat(n) + "1"]]);
    expect(await failure(new FakeExcel(["A"]), f(4000))).toBeNull();
    expect(await failure(new FakeExcel(["A"]), f(4100))).toBe("FormulaLengthExceedsLimit");
  });
});
