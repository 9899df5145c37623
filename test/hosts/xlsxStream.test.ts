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
import { RowXml } from "../../src/hosts/xlsx/rowXml";
import { writeXlsxFile } from "../../src/hosts/xlsx/stream";
import { buildCheckWorkbookPlan } from "../../src/workbook/criteria/workbook";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { emptySheet, WorkbookPlan } from "../../src/workbook/plan";
import { derivedFormulas } from "../../src/workbook/register/plan";
import { DERIVED_INDEX, DERIVED_KEYS } from "../../src/workbook/register/layout";
import { readRegisterWorkbook } from "../../src/workbook/register/reader";
import { registerTableRows } from "../../src/workbook/register/rows";
import { participants, registerRows } from "../fixtures/summary/projects";
import { diffRendered, renderedFromXlsx } from "./planAssertions";
import { richPlan } from "./richPlan";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{
    files: Record<string, { dir: boolean }>;
    file(n: string): { async(t: "string"): Promise<string> } | null;
  }>;
};

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

  // The rich plan's main sheet without its merges, with row breaks and column formulas of one and more rows:
  // every kind of cell, row height, hidden row, shared run, table header and break on the direct path.
  function richWithoutMerges(): WorkbookPlan {
    const plan = richPlan();
    const [main, ...rest] = plan.sheets;
    return {
      ...plan,
      sheets: [
        {
          ...main,
          merges: [],
          blocks: [
            ...main.blocks,
            {
              row: 14,
              col: 0,
              values: [[1], [2], [3], [4]],
              formulas: [["=B15*2"], ["=B16*2"], ["=B17*2"], [null]],
            },
          ],
          columnFormulas: [
            { col: 5, row: 3, rows: 4, template: '=IF(B{r}="","",B{r}&" & <x>")' },
            { col: 6, row: 3, rows: 1, template: "=F{r}" },
          ],
          print: { ...main.print!, scale: 90, rowBreaks: [5, 9] },
        },
        ...rest,
      ],
    };
  }

  test.each([
    ["the check workbook", () => checkPlan(120)],
    ["the rich test plan", () => richPlan()],
    ["the rich test plan without merges", richWithoutMerges],
  ])(
    "%s: rows written directly are ExcelJS's own bytes, part for part",
    async (label, make) => {
      const plan = make();
      const base = path.join(dir, label.replace(/\W/g, "_"));
      await writeXlsxFile(plan, `${base}-exceljs.xlsx`, { direct: false });
      const rows = jest.spyOn(RowXml.prototype, "write");
      await writeXlsxFile(plan, `${base}-direct.xlsx`);
      // The direct path did write rows (every plan here has sheets without merges).
      expect(rows).toHaveBeenCalled();
      rows.mockRestore();
      const a = await JSZip.loadAsync(new Uint8Array(fs.readFileSync(`${base}-exceljs.xlsx`)));
      const b = await JSZip.loadAsync(new Uint8Array(fs.readFileSync(`${base}-direct.xlsx`)));
      const names = Object.keys(a.files).filter((n) => !a.files[n].dir);
      expect(Object.keys(b.files).filter((n) => !b.files[n].dir)).toEqual(names);
      // The one intended difference: rows that fit their content (RowPlan.fit) are written without
      // customHeight on the direct path (Excel then fits them); ExcelJS marks every height it writes custom.
      const fitRows = new Map<string, Set<number>>();
      plan.sheets.forEach((sh, i) => {
        if (sh.merges.length > 0) return; // through ExcelJS on both paths
        const rows = new Set(
          (sh.rows ?? []).filter((r) => r.fit && r.height !== undefined).map((r) => r.index + 1),
        );
        if (rows.size > 0) fitRows.set(`xl/worksheets/sheet${i + 1}.xml`, rows);
      });
      const unCustom = (n: string, xml: string) => {
        const rows = fitRows.get(n);
        if (!rows) return xml;
        return xml.replace(/<row r="(\d+)" ht="([^"]*)" customHeight="1"/g, (m, r: string, ht: string) =>
          rows.has(Number(r)) ? `<row r="${r}" ht="${ht}"` : m,
        );
      };
      let unCustomed = 0;
      const differ: string[] = [];
      for (const n of names) {
        const fromExcelJs = await a.file(n)!.async("string");
        const expected = unCustom(n, fromExcelJs);
        if (expected !== fromExcelJs) unCustomed++;
        if (expected !== (await b.file(n)!.async("string"))) differ.push(n);
      }
      expect(differ).toEqual([]);
      // The check workbook's register has such rows (its header, its long values).
      if (label === "the check workbook") expect(unCustomed).toBeGreaterThan(0);
    },
    60_000,
  );
});

test("a column of width 9 (ExcelJS's default) is in the file, from both writers", async () => {
  const plan: WorkbookPlan = {
    sheets: [
      {
        ...emptySheet("S"),
        columns: [{ width: 9 }, { width: 12 }, { width: 9, hidden: true }],
        blocks: [{ row: 0, col: 0, values: [["a", "b", "c"]] }],
      },
    ],
    names: [],
  };
  const { memory, stream } = await both(plan, "width9");
  for (const bytes of [memory, stream]) {
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const cols = [...xml.matchAll(/<col [^>]*>/g)].map((m) => m[0]);
    // Without its <col>, LibreOffice draws its own default width, not the plan's.
    expect(cols.some((c) => /min="1"/.test(c) && /width="9(\.\d+)?"/.test(c))).toBe(true);
    expect(cols.some((c) => /min="3"/.test(c) && /hidden="1"/.test(c))).toBe(true);
  }
});
