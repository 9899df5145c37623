/** `miernik check --verbose` prints how the file was read and which file column fed which register column. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import ExcelJS from "exceljs";
import { CliIO } from "../../src/cli/io";
import { many } from "../fixtures/register/participants";
import { registerRows } from "../fixtures/summary/projects";

jest.mock("../../src/cli/commands/layout", () => ({
  command: { name: "layout", summary: "", usage: "", run: async () => 0 },
}));
jest.mock("../../src/cli/commands/validate", () => ({
  command: { name: "validate", summary: "", usage: "", run: async () => 0 },
}));

const FIX = path.join(__dirname, "../fixtures/register");

function io(cwd: string): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { cwd, out: (t) => outText.push(t), err: (t) => errText.push(t), outText, errText };
}

describe("miernik check --verbose / --json columnMapping", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-verbose-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("an SL2014-style CSV: encoding, separator, each file column and what it fed", async () => {
    fs.copyFileSync(path.join(FIX, "sl2014.csv"), path.join(dir, "r.csv"));
    const o = io(dir);
    await run(["check", "r.csv", "--as-of", "2025-01-01", "--verbose"], o);
    const out = o.outText.join("\n");
    expect(out).toContain("Plik CSV: kodowanie UTF-8, separator ,");
    // A CSV has no sheet: no "arkusz „Uczestnicy”" for it.
    expect(out).toContain("Kolumny pliku (wiersz nagłówków 1):");
    expect(out).not.toContain("arkusz");
    expect(out).toMatch(/ AC {2}„Pesel” → PESEL\n/);
    expect(out).toMatch(/ A {2}„Kraj” pominięta\n/);
    expect(out).toContain("Stan na 01.01.2025 · uczestników: 5");
  });

  test("an .xlsx: the sheet and header row the register was read from", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lista 2024");
    ws.addRow(["Wykaz uczestników"]);
    for (const r of registerRows(many(2))) ws.addRow(r);
    await wb.xlsx.writeFile(path.join(dir, "r.xlsx"));
    const o = io(dir);
    await run(["check", "r.xlsx", "--as-of", "2025-01-01", "--verbose"], o);
    expect(o.outText.join("\n")).toContain("Kolumny pliku (arkusz „Lista 2024”, wiersz nagłówków 2):");
  });

  test("--json carries columnMapping", async () => {
    fs.copyFileSync(path.join(FIX, "sl2014.csv"), path.join(dir, "r.csv"));
    const o = io(dir);
    await run(["check", "r.csv", "--as-of", "2025-01-01", "--json"], o);
    const j = JSON.parse(o.outText.join(""));
    expect(j.columnMapping[0]).toEqual({ fileColumn: "A", file: "Kraj", register: null, via: "ignored" });
    expect(j.columnMapping).toContainEqual({
      fileColumn: "AC",
      file: "Pesel",
      register: "PESEL",
      via: "header",
    });
  });

  test("a repeated header is read from one column; the others are named on stderr, not dropped without a word", async () => {
    // canonical.csv with a second PESEL column at its end, holding other numbers.
    const lines = fs.readFileSync(path.join(FIX, "canonical.csv"), "utf8").trim().split(/\r?\n/);
    const csv = lines.map((l, i) => `${l};${i === 0 ? "PESEL" : "99999999999"}`).join("\n");
    fs.writeFileSync(path.join(dir, "r.csv"), csv);
    const o = io(dir);
    expect(await run(["check", "r.csv", "--as-of", "2025-06-30"], o)).toBe(1);
    expect(o.errText).toEqual([
      "UWAGA r.csv: nagłówek „PESEL” powtarza się (kolumny D, AE): czytana jest kolumna D, pominięta AE — jeśli dane są w tej drugiej, usuń lub przemianuj zbędną kolumnę",
    ]);
    const en = io(dir);
    await run(["check", "r.csv", "--as-of", "2025-06-30", "--lang", "en"], en);
    expect(en.errText.join("\n")).toContain("column D is read, AE left out");
    // The file as it was: no warning.
    fs.copyFileSync(path.join(FIX, "canonical.csv"), path.join(dir, "c.csv"));
    const plain = io(dir);
    await run(["check", "c.csv", "--as-of", "2025-06-30"], plain);
    expect(plain.errText).toEqual([]);
  });
});
