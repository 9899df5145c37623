import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { CellValue, emptySheet, SheetPlan } from "../../src/workbook/plan";
import ExcelJS from "exceljs";
import * as memory from "../../src/hosts/xlsx/memory";
import { createStandaloneHost } from "../../src/taskpane/standaloneHost";

function io(cwd: string): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { cwd, out: (t) => outText.push(t), err: (t) => errText.push(t), outText, errText };
}

function samples(over: Record<string, CellValue> = {}): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) m.set(i.id, i.sample2023);
  for (const [k, v] of Object.entries(over)) m.set(k, v);
  return m;
}

async function save(dir: string, name: string, sheets: SheetPlan[]): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await writeXlsx({ sheets, names: [] }));
  return name;
}

describe("miernik validate", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-validate-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the seed's 2023 sample workbook: no findings, exit 0", async () => {
    const f = await save(dir, "ok.xlsx", [buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() })]);
    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(0);
    expect(std.outText.join("\n")).toContain("„Monitoring 2023”: 60 mierników; 0 błędów, 0 ostrzeżeń");
    const js = io(dir);
    expect(await run(["validate", f, "--json"], js)).toBe(0);
    expect(JSON.parse(js.outText.join(""))).toEqual([]);
  });

  test("a count no yearly report can hold is a warning (exit 0); --max-count moves the limit, written as people write it", async () => {
    // "1.1.3-1" holds 1796 in the sample: a PESEL pasted over it.
    const f = await save(dir, "pesel.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples({ "1.1.3-1": 85010112345 }) }),
    ]);
    const std = io(dir);
    expect(await run(["validate", f, "--json"], std)).toBe(0);
    const out = JSON.parse(std.outText.join(""));
    expect(out).toEqual([
      expect.objectContaining({
        rule: "count-implausible",
        severity: "warning",
        indicatorId: "1.1.3-1",
        value: 85010112345,
        message: expect.stringContaining("liczba 85 010 112 345 jest większa niż 1 000 000"),
      }),
    ]);
    // A limit of 5 000 flags the report's own largest 2023 figures (6 059, 6 411, 8 692) and the PESEL.
    const low = io(dir);
    expect(await run(["validate", f, "--json", "--max-count", "5 000"], low)).toBe(0);
    const over = [...samples({ "1.1.3-1": 85010112345 }).values()].filter(
      (v) => typeof v === "number" && v > 5000,
    );
    expect(over).toHaveLength(4);
    expect(
      JSON.parse(low.outText.join("")).map((x: { rule: string; value: number }) => [x.rule, x.value]),
    ).toEqual(expect.arrayContaining(over.map((v) => ["count-implausible", v])));
    expect(JSON.parse(low.outText.join(""))).toHaveLength(4);
    const bad = io(dir);
    expect(await run(["validate", f, "--max-count", "dużo"], bad)).toBe(2);
    expect(bad.errText.join("\n")).toContain("zły --max-count „dużo”: podaj liczbę ≥ 0");
  });

  test("errors → exit 1; --json gives rule, severity, sheet, cell, indicator, value, message, fix", async () => {
    const f = await save(dir, "bad.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2023, {
        values: samples({ "1.1.3-1": "1\u00A0796", "2.2.2-1": 76.2 }),
      }),
    ]);
    const std = io(dir);
    expect(await run(["validate", f, "--json"], std)).toBe(1);
    const out = JSON.parse(std.outText.join(""));
    expect(out).toHaveLength(2);
    const text = out.find((x: { rule: string }) => x.rule === "number-as-text");
    expect(text).toMatchObject({
      severity: "error",
      sheet: "Monitoring 2023",
      indicatorId: "1.1.3-1",
      value: "1\u00A0796",
      fix: { value: 1796 },
    });
    expect(text.cell).toMatch(/^[A-Z]+\d+$/);
    expect(text.message).toContain("liczba wpisana jako tekst");
    expect(Object.keys(text).sort()).toEqual(
      ["cell", "fix", "indicatorId", "message", "rule", "severity", "sheet", "value"].sort(),
    );
    const pct = out.find((x: { rule: string }) => x.rule === "percent-as-whole-number");
    expect(pct).toMatchObject({
      severity: "error", // 76.2 in a percent cell is 7 620 %: no share exceeds 100 %, even with the ÷100 fix
      indicatorId: "2.2.2-1",
      value: 76.2,
      fix: { value: 0.762 },
    });

    const en = io(dir);
    expect(await run(["validate", f, "--json", "--lang", "en"], en)).toBe(1);
    expect(JSON.parse(en.outText.join(""))[0].message).toMatch(/indicator/);

    const human = io(dir);
    expect(await run(["validate", f], human)).toBe(1);
    expect(human.outText.join("\n")).toMatch(/BŁĄD \[number-as-text\]/);
  });

  test("a value cell the spreadsheet turned into a date („3.12” → 3 December): error naming the cell, exit 1", async () => {
    const plan = buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples({ "1.1.3-1": 46359 }) });
    // What Excel and LibreOffice do to a cell when they take the entry for a date: a date format.
    plan.formats.push({ range: "E7", style: { numberFormat: "dd.mm.yyyy" } });
    const f = await save(dir, "date.xlsx", [plan]);
    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(1);
    const text = std.outText.join("\n");
    expect(text).toContain(
      "BŁĄD [date-value] Monitoring 2023!E7, miernik 1.1.3-1 „liczba udzielonych porad zawodowych”: komórka zawiera datę 03.12.2026",
    );
    expect(text).toContain("„Monitoring 2023”: 60 mierników; 1 błąd, 0 ostrzeżeń");
    const en = io(dir);
    expect(await run(["validate", f, "--lang", "en", "--json"], en)).toBe(1);
    expect(JSON.parse(en.outText.join(""))).toEqual([
      expect.objectContaining({ rule: "date-value", cell: "E7", value: 46359, fix: null }),
    ]);
  });

  test("a cell with a line break, a tab or a pasted paragraph: each finding stays one line, the text shown cut", async () => {
    const paragraph = "W 2023 r. udzielono porad zawodowych w ramach projektu. ".repeat(5);
    const f = await save(dir, "pasted.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2023, {
        values: samples({ "1.1.3-1": "1796\n", "1.1.4-1": "\t3473", "1.2.1-1": paragraph }),
      }),
    ]);
    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(1);
    const lines = std.outText.flatMap((t) => t.split("\n"));
    expect(lines.filter((l) => l.startsWith("BŁĄD"))).toHaveLength(3);
    expect(lines.every((l) => /^(BŁĄD|UWAGA) |^„Monitoring 2023”/.test(l))).toBe(true);
    const all = lines.join("\n");
    expect(all).toContain("liczba wpisana jako tekst „1796↵”; poprawka: 1 796");
    expect(all).toContain("liczba wpisana jako tekst „⇥3473”; poprawka: 3 473");
    expect(all).toContain(`tekst „${paragraph.slice(0, 59)}…” nie jest liczbą`);
    // --json keeps the cell's value as it is.
    const js = io(dir);
    await run(["validate", f, "--json"], js);
    expect(JSON.parse(js.outText.join("")).map((x: { value: unknown }) => x.value)).toEqual([
      "1796\n",
      "\t3473",
      paragraph,
    ]);
  });

  test("a share in a cell given the count format prints as 1: a warning naming the cell and the fix, exit 0", async () => {
    const plan = buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() });
    // E39 holds 2.2.2-1 (76,2%); its row's format replaced by the count rows' (Format Painter, a pasted row).
    plan.formats.push({ range: "E39", style: { numberFormat: "#,##0  " } });
    const f = await save(dir, "format.xlsx", [plan]);
    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(0);
    expect(std.outText[0]).toBe(
      "UWAGA [value-format] Monitoring 2023!E39, miernik 2.2.2-1 „wskaźnik udziału osób w szczególnej sytuacji w realizowanych projektach na rzecz osób bezrobotnych”: " +
        "komórka ma format „#,##0  ” zamiast procentowego, więc odsetek 76,2% (0,762) wyświetla się i drukuje jako liczba; " +
        "ustaw format procentowy (przycisk % na karcie Narzędzia główne) albo utwórz arkusz ponownie z dodatku",
    );
  });

  test("a value cell holding a formula with no cached result (a file written by a script): said so, not „brak wartości”; the pane gets the same findings", async () => {
    const f = await save(dir, "script.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples({ "1.1.3-1": null, "2.2.2-1": null }) }),
    ]);
    // What a script (ExcelJS, openpyxl) writes: <f> without <v>; nothing calculated the result.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, f));
    const ws = wb.getWorksheet("Monitoring 2023")!;
    ws.getCell("E7").value = { formula: "SUM(E5:E6)" } as ExcelJS.CellFormulaValue;
    ws.getCell("E39").value = { formula: "E38/100" } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(path.join(dir, f));
    expect(fs.readFileSync(path.join(dir, f)).length).toBeGreaterThan(0);

    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(0);
    const text = std.outText.join("\n");
    expect(text).not.toContain("brak wartości");
    expect(text).toContain(
      "UWAGA [formula-no-result] Monitoring 2023!E7, miernik 1.1.3-1 „liczba udzielonych porad zawodowych”: " +
        "komórka zawiera formułę „=SUM(E5:E6)” bez obliczonego wyniku",
    );
    expect(text).toContain(
      "otwórz plik w Excelu lub LibreOffice Calc i zapisz go (wynik zostanie obliczony)",
    );
    expect(text).toContain("albo wpisz zamiast formuły liczbę całkowitą ≥ 0");
    expect(text).toContain("komórka zawiera formułę „=E38/100”");
    expect(text).toContain("albo wpisz zamiast formuły odsetek (np. 76,2%)");
    expect(text).toContain("„Monitoring 2023”: 60 mierników; 0 błędów, 2 ostrzeżenia");

    const js = io(dir);
    await run(["validate", f, "--json"], js);
    const cli = JSON.parse(js.outText.join("")) as { rule: string; cell: string; message: string }[];
    expect(cli.map((x) => [x.rule, x.cell])).toEqual([
      ["formula-no-result", "E7"],
      ["formula-no-result", "E39"],
    ]);
    // The pane outside Excel reads the same file in memory: the same finding objects, the same text.
    const h = createStandaloneHost({
      programme: PROGRAMME,
      save: () => undefined,
      loadModule: () => Promise.resolve(memory),
    });
    await h.files.open({ name: f, bytes: new Uint8Array(fs.readFileSync(path.join(dir, f))) });
    const pane = await h.validation!.validate(2023);
    expect(pane.findings.map((x) => [x.rule, x.cell, x.message.pl])).toEqual(
      cli.map((x) => [x.rule, x.cell, x.message]),
    );
  });

  test("an empty table (just laid out): the empty values folded into one line per area; --json keeps each", async () => {
    const f = await save(dir, "empty.xlsx", [buildMonitoringSheetPlan(PROGRAMME, 2024)]);
    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(0);
    const lines = std.outText.flatMap((t) => t.split("\n"));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "UWAGA [empty] Monitoring 2024, obszar I „Zapewnienie pomocy osobom bezrobotnym i…”: 30 pustych wartości — E4:E33; " +
        "wpisz wartości mierników (każdą komórkę z osobna podaje --json)",
    );
    expect(lines[3]).toMatch(
      /^UWAGA \[empty\] Monitoring 2024, obszar IV „Partnerstwo i współpraca na lokalnym rynku pracy”: 4 puste wartości — E61:E64;/,
    );
    expect(lines[4]).toBe("„Monitoring 2024”: 60 mierników; 0 błędów, 0 ostrzeżeń, 60 pustych wartości");
    const en = io(dir);
    await run(["validate", f, "--lang", "en"], en);
    expect(en.outText.at(-1)).toBe('"Monitoring 2024": 60 indicators; 0 errors, 0 warnings, 60 empty values');
    expect(en.outText[0]).toMatch(
      /^WARNING \[empty\] Monitoring 2024, area I ".*": 30 empty values — E4:E33; enter the indicators' values \(--json lists each cell\)$/,
    );
    const js = io(dir);
    await run(["validate", f, "--json"], js);
    const all = JSON.parse(js.outText.join("")) as { rule: string; message: string }[];
    expect(all).toHaveLength(60);
    expect(all.every((x) => x.rule === "empty" && x.message.includes("brak wartości"))).toBe(true);
  });

  test("a partly filled table: errors and other warnings first, one line each; an area's single empty value keeps its own line", async () => {
    const values = samples({ "1.1.3-1": "1 796", "4.4.1-1": null });
    for (const id of ["2.1.1-1", "2.1.2-1", "2.2.1-1"]) values.set(id, null);
    const f = await save(dir, "partly.xlsx", [buildMonitoringSheetPlan(PROGRAMME, 2023, { values })]);
    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(1);
    const lines = std.outText.flatMap((t) => t.split("\n"));
    expect(lines[0]).toMatch(/^BŁĄD \[number-as-text\] Monitoring 2023!E7,/);
    expect(lines.filter((l) => l.startsWith("UWAGA [empty] Monitoring 2023, obszar II"))).toHaveLength(1);
    expect(lines.find((l) => l.includes("obszar II"))).toContain(": 3 puste wartości — E34:E35, E37;");
    expect(lines.some((l) => l.startsWith("UWAGA [empty] Monitoring 2023!E64, miernik 4.4.1-1"))).toBe(true);
    expect(lines.at(-1)).toBe("„Monitoring 2023”: 60 mierników; 1 błąd, 0 ostrzeżeń, 4 puste wartości");
  });

  test("values typed into the wrong column: an error naming both cells instead of an empty value folded away", async () => {
    const f = await save(dir, "column.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples({ "1.1.3-1": null, "1.1.4-1": null }) }),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, f));
    const ws = wb.getWorksheet("Monitoring 2023")!;
    ws.getCell("F7").value = 1796; // under „Podmioty realizujące i współpracujące”
    ws.getCell("J8").value = "3 473"; // right of the table, a column with no header
    await wb.xlsx.writeFile(path.join(dir, f));
    const std = io(dir);
    expect(await run(["validate", f], std)).toBe(1);
    const lines = std.outText.flatMap((t) => t.split("\n"));
    expect(lines[0]).toBe(
      "BŁĄD [value-in-other-column] Monitoring 2023!E7, miernik 1.1.3-1 „liczba udzielonych porad zawodowych”: " +
        "brak wartości, a w tym samym wierszu komórka F7 (kolumna „Podmioty realizujące i współpracujące”) zawiera 1 796 — " +
        "wartość wpisana w złą kolumnę? Przenieś liczbę do E7 (wytnij i wklej), a w F7 przywróć poprzednią zawartość",
    );
    expect(lines[1]).toContain("Monitoring 2023!E8, miernik 1.1.4-1");
    expect(lines[1]).toContain("komórka J8 (kolumna bez nagłówka) zawiera „3 473”");
    expect(lines.at(-1)).toBe("„Monitoring 2023”: 60 mierników; 2 błędy, 0 ostrzeżeń");
  });

  test("warnings only → exit 0", async () => {
    const f = await save(dir, "warn.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples({ "1.1.3-1": null }) }),
    ]);
    const std = io(dir);
    expect(await run(["validate", f, "--json"], std)).toBe(0);
    expect(JSON.parse(std.outText.join("")).map((x: { rule: string }) => x.rule)).toEqual(["empty"]);
  });

  test("--year picks the sheet and compares with the previous year", async () => {
    const f = await save(dir, "two.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2022, { values: samples({ "1.1.3-1": 100 }) }),
      buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }),
    ]);
    const std = io(dir);
    expect(await run(["validate", f, "--year", "2023", "--json"], std)).toBe(0);
    const out = JSON.parse(std.outText.join(""));
    expect(out.map((x: { rule: string; sheet: string }) => [x.rule, x.sheet])).toEqual([
      ["year-over-year", "Monitoring 2023"],
    ]);
    expect(out[0].message).toContain("Monitoring 2022");
    const factor = io(dir);
    expect(await run(["validate", f, "--year", "2023", "--json", "--yoy-factor", "20"], factor)).toBe(0);
    expect(JSON.parse(factor.outText.join(""))).toEqual([]);
  });

  test("--yoy-min-change: a small count moving ×4,5 (2 → 9) is reported only below the default of 10", async () => {
    const f = await save(dir, "small.xlsx", [
      buildMonitoringSheetPlan(PROGRAMME, 2022, { values: samples({ "1.1.3-1": 2 }) }),
      buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples({ "1.1.3-1": 9 }) }),
    ]);
    const rules = async (extra: string[]): Promise<string[]> => {
      const o = io(dir);
      await run(["validate", f, "--year", "2023", "--json", ...extra], o);
      return JSON.parse(o.outText.join("")).map((x: { rule: string; cell: string }) => `${x.rule} ${x.cell}`);
    };
    expect(await rules([])).toEqual([]);
    expect(await rules(["--yoy-min-change", "0"])).toEqual([expect.stringMatching(/^year-over-year /)]);
    expect(await rules(["--yoy-min-change", "7"])).toHaveLength(1);
    expect(await rules(["--yoy-min-change", "8"])).toEqual([]);
    const bad = io(dir);
    expect(await run(["validate", f, "--yoy-min-change", "-1"], bad)).toBe(2);
    expect(bad.errText.join("\n")).toContain("zły --yoy-min-change „-1”: podaj liczbę ≥ 0");
  });

  test.each<[string, string[], RegExp]>([
    [
      "not an .xlsx",
      ["validate", "notes.txt"],
      /notes\.txt: plik tekstowy \(CSV\), a validate sprawdza skoroszyty monitoringu \.xlsx/,
    ],
    ["missing file", ["validate", "nope.xlsx"], /nie można odczytać/],
    ["no monitoring sheet", ["validate", "other.xlsx"], /nie ma arkusza monitoringu/],
    [
      "no sheet for the year",
      ["validate", "ok.xlsx", "--year", "2025"],
      /brak arkusza monitoringu za rok 2025 \(są: „Monitoring 2023”\); sprawdź rok: --year 2023 \(albo bez --year: każdy arkusz\), a tabelę za rok 2025 utwórz poleceniem miernik layout --year 2025$/,
    ],
    ["bad year", ["validate", "ok.xlsx", "--year", "1999"], /zły rok/],
    ["no file", ["validate"], /brak pliku/],
    ["unknown option", ["validate", "ok.xlsx", "--fix"], /nieznana opcja/],
    ["bad lang", ["validate", "ok.xlsx", "--lang", "de"], /--lang/],
  ])("%s → exit 2 with a one-line reason, no stack trace", async (_n, args, reason) => {
    fs.writeFileSync(path.join(dir, "notes.txt"), "to nie jest arkusz");
    await save(dir, "other.xlsx", [
      { ...emptySheet("Arkusz1"), blocks: [{ row: 0, col: 0, values: [["x"]] }] },
    ]);
    await save(dir, "ok.xlsx", [buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() })]);
    const std = io(dir);
    expect(await run(args, std)).toBe(2);
    const err = std.errText.join("\n");
    expect(std.errText[0]).toMatch(reason);
    expect(std.errText[0].split("\n")).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(std.outText).toEqual([]);
  });
});
