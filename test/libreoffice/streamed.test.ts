/**
 * LibreOffice recalculates the standalone page's streamed download (MemoryWorkbook.writeTo: ExcelJS part by
 * part into the streaming zip writer) to exactly what it computes for the same plan written by today's
 * in-memory writer (writeXlsx): every cell of every sheet, after a full recalculation (one small criteria
 * workbook, one soffice run).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { criteriaPlan } from "../hosts/writeToHelpers";
import { recalculate, SOFFICE } from "./soffice";

const describeLo = SOFFICE ? describe : describe.skip;

describeLo("LibreOffice recalculates the streamed download as today's writer's file", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-lo-stream-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("every sheet, cell for cell", async () => {
    const plan = criteriaPlan(80);
    const mem = MemoryWorkbook.empty("kryteria.xlsx");
    mem.writePlans(plan.sheets, plan.names);
    const streamed = path.join(dir, "streamed.xlsx");
    const today = path.join(dir, "today.xlsx");
    fs.writeFileSync(streamed, await mem.toBytes());
    fs.writeFileSync(today, await writeXlsx(plan));
    const computed = recalculate([streamed, today]);
    const a = computed.get(streamed)!;
    const b = computed.get(today)!;
    expect([...a.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
    for (const [sheet, cells] of b) expect({ sheet, cells: a.get(sheet) }).toEqual({ sheet, cells });
    // Something was computed: the criteria sheet says TAK / NIE for its criteria.
    const all = [...a.values()].flat(2);
    expect(all).toContain("TAK");
    expect(all).toContain("NIE");
  }, 180_000);
});
