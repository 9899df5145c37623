/**
 * Issue 18, defect 2: creating the register over a 100 000-row participant list in Excel reads the list as
 * values only (no formulas, no number formats read back), every request and response stays under 4 MB (Excel
 * on the web refuses 5 MB), and each derived column is written once (Excel fills the calculated column), not
 * cell by cell. The fake keeps cells sparse and calculated columns as one entry, so this runs in seconds.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import * as renderModule from "../../src/hosts/excel/render";
import { createExcelWorkbookHost } from "../../src/hosts/excel/workbookHost";
import { createRegister } from "../../src/taskpane/participants/flows";
import { FakeExcel, FakeValue } from "../fakes/excelFake";
import { bigRegisterSheet } from "../fixtures/register/bigSheet";

test("a 100 000-row register: values-only reads, requests and responses under 4 MB, derived columns once each", async () => {
  const N = 100_000;
  const fake = new FakeExcel(["Uczestnicy"]);
  fake.keepLargePayloads = false;
  {
    // 1 000 generated participants, their rows repeated to 100 000 (row content does not matter here).
    const src = bigRegisterSheet(1_000, 11);
    const [title, blank, header, ...data] = src.values as FakeValue[][];
    const rows: FakeValue[][] = [title, blank, header];
    while (rows.length < N + 3) rows.push(...data.slice(0, N + 3 - rows.length));
    fake.sheet("Uczestnicy")!.putRows(src.top, src.left, rows);
  }
  const host = createExcelWorkbookHost({
    excel: fake as never,
    excelApi: (v) => Number(v.split(".")[1]) <= fake.excelApiMinor,
    loadRenderer: () => Promise.resolve(renderModule),
  });
  const card = builtinCard(DEFAULT_CARD_ID) as Card;
  const res = await createRegister(
    { host, lang: "pl", confirmReplace: () => Promise.resolve(true) },
    card,
    Date.UTC(2024, 8, 1),
  );
  expect(res.status === "done" && res.rows).toBeGreaterThan(N * 0.99);
  const t = fake.tables.get("uczestnicy")!;
  expect(t.ref.rows).toBeGreaterThan(N * 0.99);
  // Reads: the register as values only. The one other cell read is the calculated columns' check — single
  // cells' formulasR1C1, a few per derived column — never the register's formulas or number formats.
  const loads = fake.loadLog.filter((l) => l.proxy === "FakeRange");
  const other = loads.filter((l) =>
    l.props.some((p) => p !== "values" && p !== "isNullObject" && !/^(row|column)(Index|Count)$/.test(p)),
  );
  expect(loads.some((l) => l.props.includes("values") && (l.cells ?? 0) > 1000)).toBe(true);
  expect(other.every((l) => l.props.join() === "formulasR1C1" && l.cells === 1)).toBe(true);
  expect(loads.some((l) => l.props.includes("formulas") || l.props.includes("numberFormat"))).toBe(false);
  expect(fake.maxRequestBytes).toBeLessThan(4_000_000);
  expect(fake.maxResponseBytes).toBeLessThan(4_000_000);
  // Each derived column of the table: one formula written into its first data cell, filled by Excel.
  const body = { first: t.ref.row + 1, last: t.ref.row + t.ref.rows - 1 };
  const formulaWrites = fake.writes.filter(
    (w) => w.sheet === "Uczestnicy" && (w.property === "formulas" || w.property === "formulasR1C1"),
  );
  expect(formulaWrites.length).toBeGreaterThan(0);
  expect(other.length).toBeLessThanOrEqual(3 * formulaWrites.length);
  expect(formulaWrites.every((w) => /^[A-Z]+\d+$/.test(w.address))).toBe(true);
  expect(formulaWrites.every((w) => Number(/\d+/.exec(w.address)![0]) === body.first + 1)).toBe(true);
  // …and Excel filled them: the last row of each has its formula.
  const st = fake.sheet("Uczestnicy")!;
  for (const w of formulaWrites) {
    const col = w.address.replace(/\d+/, "");
    let c = 0;
    for (const ch of col) c = c * 26 + ch.charCodeAt(0) - 64;
    expect(st.get(body.last, c - 1).formula).toMatch(/^=/);
  }
}, 120_000);
