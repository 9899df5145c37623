/**
 * The streaming .xlsx writer (src/hosts/xlsx/stream.ts) writes the same workbook as the in-memory
 * renderer: both files read back (ExcelJS) give the same cells (value for value, formula for formula —
 * column formulas and block runs as shared formulas), styles, merges, validations, conditional formats,
 * tables, names, frozen panes and print set-up (the in-memory renderer is compared with the plans in
 * xlsx.test.ts and equivalence.test.ts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { PROGRAMME, sampleValues2023 } from "../../src/domain/programme/programme";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { writeXlsxFile } from "../../src/hosts/xlsx/stream";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { WorkbookPlan } from "../../src/workbook/plan";
import { derivedFormulas } from "../../src/workbook/register/plan";
import { DERIVED_INDEX, DERIVED_KEYS } from "../../src/workbook/register/layout";
import { readRegisterWorkbook } from "../../src/workbook/register/reader";
import { registerTableRows } from "../../src/workbook/register/rows";
import { participants, registerRows } from "../fixtures/summary/projects";
import { diffRendered, renderedFromXlsx } from "./planAssertions";
import { richPlan } from "./richPlan";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-stream-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function both(plan: WorkbookPlan, name: string): Promise<{ memory: Uint8Array; stream: Uint8Array }> {
  const file = path.join(dir, `${name}.xlsx`);
  await writeXlsxFile(plan, file);
  return { memory: await writeXlsx(plan), stream: new Uint8Array(fs.readFileSync(file)) };
}

function checkPlan(n: number): WorkbookPlan {
  const rows = readRegisterWorkbook({
    sheets: [{ name: "L", top: 0, left: 0, values: registerRows(participants(n, 4)) }],
  }).rows;
  return buildCheckWorkbookPlan(builtinCard(DEFAULT_CARD_ID) as Card, {
    rows: registerTableRows(rows),
    asOf: 45658,
    capacity: 1000,
  });
}

describe("streaming .xlsx = in-memory .xlsx", () => {
  test.each([
    ["the check workbook (register table, column formulas, criteria, names)", () => checkPlan(120)],
    [
      "the monitoring sheet (merges, print set-up, frozen panes)",
      () => ({
        sheets: [buildMonitoringSheetPlan(PROGRAMME, 2023, { values: sampleValues2023() })],
        names: [],
      }),
    ],
    ["the rich test plan (every plan feature)", () => richPlan()],
  ])(
    "%s",
    async (_label, make) => {
      const plan = make();
      const { memory, stream } = await both(plan, _label.slice(4, 12).replace(/\W/g, "_"));
      const fromMemory = await renderedFromXlsx(memory, plan);
      const fromStream = await renderedFromXlsx(stream, plan);
      expect(diffRendered(fromMemory, fromStream, "stream vs memory")).toEqual([]);
    },
    60_000,
  );

  test("the register's derived cells read back as the spelled-out formulas, row by row", async () => {
    const plan = checkPlan(200);
    const file = path.join(dir, "derived.xlsx");
    await writeXlsxFile(plan, file);
    const back = await readXlsx(new Uint8Array(fs.readFileSync(file)));
    const reg = back.sheets.find((s) => s.name === "Uczestnicy")!;
    const wrong: string[] = [];
    for (let r = 1; r <= 200; r++) {
      const f = derivedFormulas(r + 1);
      for (const k of DERIVED_KEYS) {
        const got = reg.formulas?.[r - reg.top]?.[DERIVED_INDEX.get(k)! - reg.left];
        if (got !== f[k]) wrong.push(`row ${r + 1} ${k}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  }, 60_000);
});
