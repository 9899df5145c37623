/**
 * Same-row formulas down a column are written as shared formulas: reading the .xlsx back gives every
 * cell's own formula (as the plan has it), the XML holds the formula text once per run, and formulas
 * that are not slides of each other stay as they are.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { emptySheet, WorkbookPlan } from "../../src/workbook/plan";
import { registerTableRows } from "../../src/workbook/register/rows";
import { readRegisterWorkbook } from "../../src/workbook/register/reader";
import { planGrid } from "../workbook/summary/hfLoader";
import { participants, registerRows } from "../fixtures/summary/projects";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{ file(n: string): { async(t: "string"): Promise<string> } | null }>;
};

async function sheetXml(bytes: Uint8Array, n: number): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${n}.xml`)!.async("string");
}

describe("shared formulas in .xlsx", () => {
  test("a register's derived columns read back formula for formula; each run's text is written once", async () => {
    const rows = readRegisterWorkbook({
      sheets: [{ name: "L", top: 0, left: 0, values: registerRows(participants(300, 4)) }],
    }).rows;
    const plan = buildCheckWorkbookPlan(builtinCard(DEFAULT_CARD_ID) as Card, {
      rows: registerTableRows(rows),
      asOf: 45658,
    });
    const bytes = await writeXlsx(plan);
    const back = await readXlsx(bytes);
    for (const s of plan.sheets) {
      const want = planGrid(s).map((r) =>
        r.map((v) => (typeof v === "string" && v.startsWith("=") ? v : null)),
      );
      const got = back.sheets.find((x) => x.name === s.name)!;
      want.forEach((r, i) =>
        r.forEach((f, j) => {
          if (f !== null)
            expect(`${s.name}!${i},${j}: ${got.formulas![i - got.top][j - got.left]}`).toBe(
              `${s.name}!${i},${j}: ${f}`,
            );
        }),
      );
    }
    const xml = await sheetXml(bytes, 1);
    expect((xml.match(/t="shared"/g) ?? []).length).toBeGreaterThan(10);
    // The age formula of row 200 is not spelled out: only its shared index.
    expect(xml).not.toMatch(/<c r="[A-Z]+200"[^>]*><f>/);
  }, 60_000);

  test("formulas that are not slides of each other stay plain", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          ...emptySheet("S"),
          blocks: [
            {
              row: 0,
              col: 0,
              values: [
                [1, null],
                [2, null],
                [3, null],
                [4, null],
              ],
              formulas: [
                [null, "=A1*2"],
                [null, "=A2*2"],
                [null, "=A1*2"],
                [null, '="A4"&A4'],
              ],
            },
          ],
        },
      ],
      names: [],
    };
    const bytes = await writeXlsx(plan);
    const back = (await readXlsx(bytes)).sheets[0];
    expect(back.formulas!.map((r) => r[1])).toEqual(["=A1*2", "=A2*2", "=A1*2", '="A4"&A4']);
    const xml = await sheetXml(bytes, 1);
    expect((xml.match(/t="shared"/g) ?? []).length).toBe(2); // B1 (master) and B2
  });
});
