/** `miernik check -o`: the workbook holds the register table, the hidden lists and the criteria formulas. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { parseA1 } from "../../src/workbook/address";
import { criteriaCellMap } from "../../src/workbook/criteria/plan";
import { readRegisterSheet } from "../../src/workbook/register/reader";
import { many } from "../fixtures/register/participants";
import { csvBytes } from "../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

test("check -o writes Kryteria 9.1 (formulas), Uczestnicy (every row, numbers and dates typed) and Słowniki", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-check-o-"));
  try {
    fs.writeFileSync(path.join(dir, "r.csv"), csvBytes(many(12)));
    const io: CliIO = { cwd: dir, out: () => undefined, err: () => undefined };
    expect(await run(["check", "r.csv", "-o", "out.xlsx", "--as-of", "2024-09-01"], io)).toBe(1);
    const wb = await readXlsx(fs.readFileSync(path.join(dir, "out.xlsx")));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Kryteria 9.1", "Uczestnicy", "Słowniki"]);
    const reg = wb.sheets[1];
    expect(readRegisterSheet(reg).rows).toHaveLength(12);
    const startCol = reg.values[0].indexOf("Data rozpoczęcia udziału w projekcie");
    expect(typeof reg.values[1][startCol]).toBe("number"); // ISO text in the CSV became a date
    const crit = wb.sheets[0];
    const { row, col } = parseA1(criteriaCellMap(card).criteria["formal.unemployed"].numerator);
    expect(crit.formulas?.[row - crit.top]?.[col - crit.left]).toMatch(/^=?COUNTIFS\(D_evaluable,1,/);
    // Re-running onto the input itself is refused.
    expect(await run(["check", "r.csv", "-o", "r.csv"], io)).toBe(2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
