/**
 * The page's bundle resolves ExcelJS to its browser build (package.json "browser": dist/exceljs.min.js), a
 * bundle of its own: MemoryWorkbook.writeTo must find its writer's steps there too (part by part, not the
 * fallback) and give the same workbook as that build's whole-package writer.
 */
jest.mock("exceljs", () => jest.requireActual("exceljs/dist/exceljs.min.js"));

import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { criteriaPlan, expectSameWorkbook } from "./writeToHelpers";

jest.setTimeout(60_000);

test("ExcelJS's browser build: streamed part by part, the same parts as its writeBuffer", async () => {
  const plan = criteriaPlan(60);
  const mem = MemoryWorkbook.empty("kryteria.xlsx");
  mem.writePlans(plan.sheets, plan.names);
  await expectSameWorkbook(mem);
});
