import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { Indicator } from "../../src/domain/programme/types";

function io(cwd: string): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { cwd, out: (t) => outText.push(t), err: (t) => errText.push(t), outText, errText };
}

function indicators(): (Indicator & { area: string; task: string; actionTitle: string })[] {
  const out: (Indicator & { area: string; task: string; actionTitle: string })[] = [];
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions)
        for (const i of ac.indicators)
          out.push({ ...i, area: a.title, task: t.title, actionTitle: ac.title });
  return out;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((p) => p.text).join("");
  return String(v);
}

describe("miernik layout", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-layout-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("--year 2023 --sample writes all 60 indicators with their 2023 values and unit formats", async () => {
    const std = io(dir);
    const code = await run(["layout", "--year", "2023", "--sample", "-o", "monitoring-2023.xlsx"], std);
    expect(std.errText).toEqual([]);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "monitoring-2023.xlsx"));
    const ws = wb.getWorksheet("Monitoring 2023");
    expect(ws).toBeDefined();

    // Every indicator label, in order, with a typed value in the cell to its right.
    const labelCells: { row: number; col: number; label: string }[] = [];
    ws!.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type !== ExcelJS.ValueType.Merge)
          labelCells.push({ row: r, col: c, label: text(cell.value).trim() });
      }),
    );
    const all = indicators();
    expect(all).toHaveLength(60);
    let from = 0;
    const rows = new Set<number>();
    for (const ind of all) {
      const idx = labelCells.findIndex((l, k) => k >= from && l.label === ind.label.trim());
      expect({ id: ind.id, found: idx >= 0 }).toEqual({ id: ind.id, found: true });
      from = idx + 1;
      const { row, col } = labelCells[idx];
      rows.add(row);
      const { value, numFmt } = ws!.getRow(row).getCell(col + 1);
      expect({ id: ind.id, value }).toEqual({ id: ind.id, value: ind.sample2023 });
      if (ind.unit === "percent")
        expect({ id: ind.id, fmt: numFmt }).toEqual({
          id: ind.id,
          fmt: expect.stringContaining("%"),
        });
      else
        expect({ id: ind.id, fmt: numFmt }).toEqual({
          id: ind.id,
          fmt: expect.stringMatching(/#,##0/),
        });
    }
    expect(rows.size).toBe(60); // one row per indicator
    expect(std.outText.join("\n")).toContain("monitoring-2023.xlsx");
  });

  test("without --sample the value cells are empty", async () => {
    const std = io(dir);
    expect(await run(["layout", "--year", "2025", "-o", "m.xlsx"], std)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "m.xlsx"));
    const ws = wb.getWorksheet("Monitoring 2025")!;
    const first = indicators()[0];
    let found: { value: ExcelJS.CellValue } | undefined;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!found && text(cell.value).trim() === first.label.trim())
          found = { value: row.getCell(Number(cell.col) + 1).value };
      }),
    );
    expect(found).toBeDefined();
    expect(found!.value ?? null).toBeNull();
  });

  test.each([
    [["layout", "--year", "2020"], /2021–2027/],
    [["layout", "--year", "20x3"], /2021–2027/],
    [["layout"], /--year/],
    [["layout", "--year", "2023", "--colour"], /unknown option --colour/],
    [["layout", "--year", "2024", "--sample"], /2023/],
    [["layout", "--year", "2023", "extra"], /unexpected argument/],
  ])("%j → usage and exit code 2, no stack trace", async (argv, msg) => {
    const std = io(dir);
    const code = await run(argv as string[], std);
    expect(code).toBe(2);
    const err = std.errText.join("\n");
    expect(err).toMatch(msg);
    expect(err).toContain("miernik layout --year");
    expect(err).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("--lang en writes the English title, headers and prompts; validate reads it; a bad --lang is a usage error", async () => {
    const std = io(dir);
    expect(await run(["layout", "--year", "2024", "--lang", "en", "-o", "en.xlsx"], std)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "en.xlsx"));
    const ws = wb.getWorksheet("Monitoring 2024")!;
    expect(text(ws.getCell("A1").value)).toMatch(/ for 2024$/);
    expect(text(ws.getCell("E3").value)).toBe("Value 2024");
    expect(ws.getCell("E4").dataValidation.promptTitle).toBe("Indicator 1.1.1-1");
    const v = io(dir);
    expect(await run(["validate", "en.xlsx", "--json"], v)).toBe(0);
    const found = JSON.parse(v.outText.join("")) as { rule: string }[];
    expect(found).toHaveLength(60);
    expect(found.every((f) => f.rule === "empty")).toBe(true);
    const bad = io(dir);
    expect(await run(["layout", "--year", "2024", "--lang", "de", "-o", "de.xlsx"], bad)).toBe(2);
    expect(bad.errText.join("\n")).toMatch(/zły --lang „de”/);
    expect(fs.existsSync(path.join(dir, "de.xlsx"))).toBe(false);
  });

  test("an existing file is not replaced without --force", async () => {
    fs.writeFileSync(path.join(dir, "m.xlsx"), "mine");
    const std = io(dir);
    expect(await run(["layout", "--year", "2023", "-o", "m.xlsx"], std)).toBe(2);
    expect(fs.readFileSync(path.join(dir, "m.xlsx"), "utf8")).toBe("mine");
    expect(await run(["layout", "--year", "2023", "-o", "m.xlsx", "--force"], io(dir))).toBe(0);
    expect(fs.readFileSync(path.join(dir, "m.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });
});
