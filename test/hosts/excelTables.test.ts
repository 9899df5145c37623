/**
 * Issue 18: Excel keeps table headers unique and non-blank — tables.add renames a repeated header ("Name2") and
 * fills a blank one ("Column3"), and so does a later write into a header cell. The fake does the same; Miernik's
 * own tables never rely on a duplicate or blank header, and the register reader copes with Excel's renamed ones.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { checkRegister } from "../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../src/domain/register/columns";
import * as renderModule from "../../src/hosts/excel/render";
import { createExcelWorkbookHost } from "../../src/hosts/excel/workbookHost";
import { createRegister } from "../../src/taskpane/participants/flows";
import { parseRange } from "../../src/workbook/address";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { CellValue, SheetPlan } from "../../src/workbook/plan";
import { buildRegisterSheetPlan } from "../../src/workbook/register/plan";
import { readRegisterSheet } from "../../src/workbook/register/reader";
import { excelTableHeaders, FakeExcel } from "../fakes/excelFake";
import { richPlan } from "./richPlan";

describe("strict fake: table headers", () => {
  test("tables.add renames repeated headers (ignoring case) and fills blank ones; numbers become text", async () => {
    const fake = new FakeExcel(["A"]);
    const c = fake.context();
    const ws = c.workbook.worksheets.getItem("A");
    ws.getRange("A1:F1").values = [["Name", "", "name", "Name", 2023, ""]];
    ws.tables.add(ws.getRange("A1:F3"), true);
    await c.sync();
    const s = fake.sheet("A")!;
    expect([0, 1, 2, 3, 4, 5].map((j) => s.get(0, j).value)).toEqual([
      "Name",
      "Column2",
      "name2",
      "Name3",
      "2023",
      "Column6",
    ]);
  });

  test("a write into a header cell of an existing table is renamed too", async () => {
    const fake = new FakeExcel(["A"]);
    const c = fake.context();
    const ws = c.workbook.worksheets.getItem("A");
    ws.getRange("A1:B1").values = [["PESEL", "Płeć"]];
    ws.tables.add(ws.getRange("A1:B2"), true);
    ws.getRange("B1").values = [["pesel"]];
    await c.sync();
    expect(fake.sheet("A")!.get(0, 1).value).toBe("pesel2");
    const c2 = fake.context();
    c2.workbook.worksheets.getItem("A").getRange("A1").values = [[""]];
    await c2.sync();
    expect(fake.sheet("A")!.get(0, 0).value).toBe("Column1");
  });

  test("excelTableHeaders: the next free number", () => {
    expect(excelTableHeaders(["Column2", "", "a", "A", "a2"])).toEqual([
      "Column2",
      "Column3",
      "a",
      "A2",
      "a22",
    ]);
  });
});

/** The header cells a plan writes for each of its tables. */
function tableHeaders(plan: SheetPlan): CellValue[][] {
  return plan.tables.map((t) => {
    const r = parseRange(t.range);
    const out: CellValue[] = [];
    for (let c = r.col; c < r.col + r.cols; c++) {
      let v: CellValue = null;
      for (const b of plan.blocks) {
        const i = r.row - b.row;
        const j = c - b.col;
        if (
          i >= 0 &&
          i < b.values.length &&
          j >= 0 &&
          j < (b.values[i]?.length ?? 0) &&
          b.values[i][j] !== null
        )
          v = b.values[i][j];
      }
      out.push(v);
    }
    return out;
  });
}

describe("Miernik's tables and Excel's header rules", () => {
  test("every table Miernik lays out has text headers, none blank or repeated (Excel would rename them)", () => {
    const card = builtinCard(DEFAULT_CARD_ID) as Card;
    const plans: SheetPlan[] = [
      buildRegisterSheetPlan(card),
      ...richPlan().sheets,
      ...buildCheckWorkbookPlan(card, { rows: [], asOf: 45536, capacity: 100 }).sheets,
    ];
    let tables = 0;
    for (const p of plans)
      for (const h of tableHeaders(p)) {
        tables++;
        expect(h.every((x) => typeof x === "string" && x.trim() !== "")).toBe(true);
        expect(excelTableHeaders(h)).toEqual(h);
      }
    expect(tables).toBeGreaterThan(0);
  });

  test("the register created in Excel keeps the register's own headers", async () => {
    const fake = new FakeExcel();
    const host = createExcelWorkbookHost({
      excel: fake as never,
      excelApi: () => true,
      loadRenderer: () => Promise.resolve(renderModule),
    });
    const card = builtinCard(DEFAULT_CARD_ID) as Card;
    const deps = { host, lang: "pl" as const, confirmReplace: () => Promise.resolve(true) };
    await createRegister(deps, card, Date.UTC(2024, 8, 1));
    const t = fake.tables.get("uczestnicy")!;
    const s = fake.sheet(t.sheet)!;
    const got = Array.from({ length: t.ref.cols }, (_, j) => s.get(t.ref.row, t.ref.col + j).value);
    expect(got.slice(0, REGISTER_COLUMNS.length)).toEqual(REGISTER_COLUMNS.map((c) => c.header));
  });

  test("an SL2014 export pasted into an Excel table (its repeated `W tym` renamed W tym2, W tym3) still reads the status's `W tym`", () => {
    const header = REGISTER_COLUMNS.map((c) => c.header as CellValue);
    const statusAt = REGISTER_COLUMNS.findIndex((c) => c.key === "status");
    const row: CellValue[] = REGISTER_COLUMNS.map((c) => {
      const v: Record<string, string> = {
        firstName: "Anna",
        lastName: "Nowak",
        noPesel: "Tak",
        sex: "Kobieta",
        birthDate: "1980-01-01",
        education: "podstawowe (ISCED 1)",
        status: "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy",
        subStatus: "osoba długotrwale bezrobotna",
        leavingAgriculture: "Nie",
        disabled: "Nie",
        startDate: "2024-03-01",
        ipd: "Tak",
        training: "Nie",
      };
      return v[c.key] ?? null;
    });
    // An institution-block `W tym` first, the status's after the status, the support's at the end.
    const raw = ["W tym", ...header, "Rodzaj przyznanego wsparcia", "W tym"];
    const data = [null, ...row, "szkolenie", "szkolenie zawodowe"];
    const renamed = excelTableHeaders(raw);
    expect(renamed.filter((h) => h.startsWith("W tym"))).toEqual(["W tym", "W tym2", "W tym3"]);
    const read = readRegisterSheet({ name: "Uczestnicy", top: 0, left: 0, values: [renamed, data] });
    expect(checkRegister(read.rows).participants[0].longTerm).toBe(true);
    const wTym = read.columns.filter((c) => c.file.startsWith("W tym"));
    expect(wTym.map((c) => c.via)).toEqual(["duplicate", "position", "duplicate"]);
    expect(wTym[1].fileColumn).toBe(String.fromCharCode(65 + statusAt + 2));
    // A header that merely ends in a number, with no base before it, is not taken for a renamed one.
    const other = readRegisterSheet({
      name: "Uczestnicy",
      top: 0,
      left: 0,
      values: [
        ["Płeć2", ...header],
        [null, ...row],
      ],
    });
    expect(other.columns.find((c) => c.file === "Płeć2")?.via).toBe("ignored");
  });
});
