/**
 * The monitoring table's "wrong entry" rule (its conditional format's formula) computed by LibreOffice, which
 * differs from Excel where it matters: its ISNUMBER is TRUE for a logical value. A TRUE / FALSE in a value cell
 * is no count or percentage in either engine, and the rule must mark it in both (HyperFormula's cases are in
 * test/workbook/monitoring/layout.test.ts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { invalidValueFormula } from "../../src/workbook/monitoring/layout";
import { recalculate, SOFFICE } from "./soffice";

const describeLo = SOFFICE ? describe : describe.skip;

describeLo("LibreOffice: the monitoring table's wrong-entry rule", () => {
  test("TRUE / FALSE, text, fractions and negatives are wrong; whole counts and 0–1 shares are not", async () => {
    const cases: [ExcelJS.CellValue, "count" | "percent", boolean][] = [
      [true, "count", true],
      [false, "count", true],
      [true, "percent", true],
      [12, "count", false],
      [0, "count", false],
      [2.5, "count", true],
      [-1, "count", true],
      ["abc", "count", true],
      [0.762, "percent", false],
      [1.5, "percent", true],
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("R");
    cases.forEach(([v, unit], i) => {
      ws.getCell(i + 1, 1).value = v;
      ws.getCell(i + 1, 2).value = { formula: invalidValueFormula(`A${i + 1}`, unit).slice(1) };
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-lo-rule-"));
    const file = path.join(dir, "rules.xlsx");
    await wb.xlsx.writeFile(file);
    const sheet = recalculate([file]).get(file)!.get("R")!;
    const got = cases.map((_c, i) => sheet[i][1]);
    expect(got).toEqual(cases.map(([, , wrong]) => (wrong ? "TRUE" : "FALSE")));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
