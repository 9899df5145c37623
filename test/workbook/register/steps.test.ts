/**
 * The reader's two steps (header, then one row at a time) — the pieces the pane's sliced reader uses —
 * give exactly `readRegisterSheet` / `readRegisterWorkbook` on a 100 000-row sheet with a title block,
 * extra and reordered columns, blank rows and whitespace-only cells.
 */
import {
  readRegisterRow,
  readRegisterSheet,
  readRegisterWorkbook,
  registerHeader,
  RegisterReadError,
  registerSheetOf,
} from "../../../src/workbook/register/reader";
import { bigRegisterSheet } from "../../fixtures/register/bigSheet";

test("header + per-row steps = readRegisterSheet (100 000 rows)", () => {
  const sheet = bigRegisterSheet(100_000, 3);
  const whole = readRegisterSheet(sheet);
  const header = registerHeader(sheet);
  const rows = [];
  for (let i = header.index + 1; i < sheet.values.length; i++) {
    const r = readRegisterRow(sheet, header, i);
    if (r) rows.push(r);
  }
  expect(rows).toEqual(whole.rows);
  expect(whole.headerRow).toBe(sheet.top + header.index + 1);
  expect(whole.rows.length).toBeLessThan(100_000); // blank rows were skipped
  expect(whole.rows.length).toBeGreaterThan(99_000);
});

test("registerSheetOf picks the sheet readRegisterWorkbook reads, and fails the same way", () => {
  const notes = { name: "Notatki", top: 0, left: 0, values: [["PESEL", "Płeć", "Wiek"]] };
  const sheet = { ...bigRegisterSheet(500, 4), name: "Dane" };
  const wb = { sheets: [{ name: "Opis", top: 0, left: 0, values: [["x"]] }, notes, sheet] };
  expect(registerSheetOf(wb).sheet).toBe(sheet);
  expect(readRegisterWorkbook(wb)).toEqual(readRegisterSheet(sheet));
  const broken = { sheets: [notes] };
  expect(() => registerSheetOf(broken)).toThrow(RegisterReadError);
  let a: unknown;
  let b: unknown;
  try {
    registerSheetOf(broken);
  } catch (e) {
    a = e;
  }
  try {
    readRegisterWorkbook(broken);
  } catch (e) {
    b = e;
  }
  expect((a as RegisterReadError).message).toBe((b as RegisterReadError).message);
});
