import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { isoToSerial } from "../../src/domain/dates";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { summarizeCall } from "../../src/domain/summary/callSummary";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { columnLetters } from "../../src/workbook/address";
import { monitoringColumn } from "../../src/workbook/monitoring/columns";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { CellValue, emptySheet } from "../../src/workbook/plan";
import { CALL_SUMMARY_SHEET } from "../../src/workbook/summary/callSummary";
import { MONITORING_SUMMARY_SHEET } from "../../src/workbook/summary/monitoringSummary";
import { csvBytes, participants, registerRows } from "../fixtures/summary/projects";

// Other commands are mocked so this test depends only on `summarize` and the dispatcher.
for (const m of ["layout", "validate", "check"])
  jest.mock(`../../src/cli/commands/${m}`, () => ({
    command: { name: m, summary: "", usage: "", run: async () => 0 },
  }));

function io(cwd: string): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { cwd, out: (t) => outText.push(t), err: (t) => errText.push(t), outText, errText };
}

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = "2025-06-30";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-summarize-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function samples(scale = 1): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions)
        for (const i of ac.indicators)
          m.set(i.id, i.unit === "percent" ? i.sample2023 : Math.round(i.sample2023 * scale));
  return m;
}

describe("miernik summarize: participant files", () => {
  const projects = [
    { file: "p1.csv", applicant: "Fundacja A", ps: participants(60, 1, 0) },
    { file: "p2.csv", applicant: "fundacja a", ps: participants(40, 2, 50) },
    { file: "p3.xlsx", applicant: "Fundacja A", ps: participants(20, 3) },
    { file: "p4.csv", applicant: undefined, ps: participants(15, 4) },
  ];

  async function writeProjects(): Promise<void> {
    for (const p of projects) {
      if (p.file.endsWith(".csv")) fs.writeFileSync(path.join(dir, p.file), csvBytes(p.ps, p.applicant));
      else
        fs.writeFileSync(
          path.join(dir, p.file),
          await writeXlsx({
            sheets: [
              {
                ...emptySheet("Uczestnicy"),
                blocks: [{ row: 0, col: 0, values: registerRows(p.ps, p.applicant) }],
              },
            ],
            names: [],
          }),
        );
    }
    fs.writeFileSync(path.join(dir, "corrupt.xlsx"), Buffer.from([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9, 9]));
    fs.writeFileSync(path.join(dir, "empty.csv"), "");
    fs.writeFileSync(
      path.join(dir, "other.xlsx"),
      await writeXlsx({
        sheets: [{ ...emptySheet("Budżet"), blocks: [{ row: 0, col: 0, values: [["Koszt", 100]] }] }],
        names: [],
      }),
    );
  }

  test("--json: the figures of the independent summary; bad files listed with reasons; exit 0", async () => {
    await writeProjects();
    const o = io(dir);
    const code = await run(
      [
        "summarize",
        ...projects.map((p) => p.file),
        "corrupt.xlsx",
        "empty.csv",
        "other.xlsx",
        "--as-of",
        AS_OF,
        "--json",
      ],
      o,
    );
    expect(o.errText).toEqual([]);
    expect(code).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    const expected = summarizeCall(
      card,
      isoToSerial(AS_OF) as number,
      projects.map((p) => ({ file: p.file, applicant: p.applicant ?? null, participants: p.ps })),
    );
    expect(j.filesRead).toBe(4);
    expect(j.call.participants).toBe(135);
    expect(j.call.projects.map((p: { file: string }) => p.file)).toEqual(projects.map((p) => p.file));
    expect(j.call.totals.map((t: { id: string; numerator: number }) => [t.id, t.numerator])).toEqual(
      expected.totals.map((t) => [t.id, t.numerator]),
    );
    expect(j.call.projects.map((p: { premiumPoints: number }) => p.premiumPoints)).toEqual(
      expected.projects.map((p) => p.premiumPoints),
    );
    expect(j.call.applicantsOverLimit).toEqual([
      { applicant: "Fundacja A", files: ["p1.csv", "p2.csv", "p3.xlsx"] },
    ]);
    expect(j.call.sharedPesels).toHaveLength(10); // PESEL numbers 50…59
    expect(j.problems.map((p: { file: string }) => p.file)).toEqual([
      "corrupt.xlsx",
      "empty.csv",
      "other.xlsx",
    ]);
    expect(j.problems[0].reason).toMatch(/uszkodzony/);
    expect(j.problems[1].reason).toMatch(/pusty plik/);
    expect(j.problems[2].reason).toMatch(/Uczestnicy/);
  });

  test("-o writes Podsumowanie naboru with the projects and the problem list", async () => {
    await writeProjects();
    const o = io(dir);
    const code = await run(["summarize", ".", "--as-of", AS_OF, "-o", "out.xlsx", "--lang", "en"], o);
    expect(code).toBe(0);
    const text = o.outText.join("\n");
    expect(text).toMatch(/Call summary \(rpo-wl-9\.1-2016, as of 2025-06-30\): 4 projects, 135 participants/);
    expect(text).toMatch(/FLAG: applicant "Fundacja A" in 3 files/);
    expect(text).toMatch(/Files skipped \(3\)/);
    const wb = await readXlsx(fs.readFileSync(path.join(dir, "out.xlsx")));
    expect(wb.sheets.map((s) => s.name)).toEqual([CALL_SUMMARY_SHEET]);
    const s = wb.sheets[0];
    const flat = s.values.flat();
    for (const f of ["p1.csv", "p2.csv", "p3.xlsx", "p4.csv", "corrupt.xlsx", "empty.csv", "other.xlsx"])
      expect(flat).toContain(f);
    // Re-running refuses to overwrite without --force, then replaces with it.
    const again = io(dir);
    expect(await run(["summarize", "p1.csv", "-o", "out.xlsx"], again)).toBe(2);
    expect(again.errText.join("\n")).toMatch(/--force/);
    expect(await run(["summarize", "p1.csv", "-o", "out.xlsx", "--force", "--as-of", AS_OF], io(dir))).toBe(
      0,
    );
    const back = await readXlsx(fs.readFileSync(path.join(dir, "out.xlsx")));
    expect(back.sheets[0].values.flat()).not.toContain("p2.csv");
  });

  test("--applicants mapping names the applicant of files that do not", async () => {
    fs.writeFileSync(path.join(dir, "a.csv"), csvBytes(participants(3, 1)));
    fs.writeFileSync(path.join(dir, "b.csv"), csvBytes(participants(3, 2)));
    fs.writeFileSync(path.join(dir, "map.csv"), "Plik;Wnioskodawca\na.csv;Gmina X\nB.CSV;Gmina Y\n");
    const o = io(dir);
    await run(["summarize", "a.csv", "b.csv", "--applicants", "map.csv", "--json", "--as-of", AS_OF], o);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.call.projects.map((p: { applicant: string }) => p.applicant)).toEqual(["Gmina X", "Gmina Y"]);
  });

  test('-o: a project shown with applicant "—" gets one note saying why and how to give it (pl, en)', async () => {
    fs.writeFileSync(path.join(dir, "a.csv"), csvBytes(participants(3, 1)));
    fs.writeFileSync(path.join(dir, "b.csv"), csvBytes(participants(3, 2)));
    fs.writeFileSync(path.join(dir, "c.csv"), csvBytes(participants(3, 3), "Gmina Z"));
    const notes = async (lang: string, files: string[]) => {
      const out = `out-${lang}-${files.length}.xlsx`;
      expect(await run(["summarize", ...files, "--as-of", AS_OF, "-o", out, "--lang", lang], io(dir))).toBe(
        0,
      );
      const wb = await readXlsx(fs.readFileSync(path.join(dir, out)));
      const cells = wb.sheets[0].values.flat().filter((v): v is string => typeof v === "string");
      return cells.filter((v) => /^(Wnioskodawca|Applicant) „?"?—/.test(v));
    };
    const pl = await notes("pl", ["a.csv", "b.csv", "c.csv"]);
    expect(pl).toEqual([
      "Wnioskodawca „—”: nie znaleziono go w plikach a.csv, b.csv. Podaj go: wpisz nazwę w komórce " +
        "„Wnioskodawca:” (C2 arkusza „Kryteria 9.1” z miernik check -o), użyj miernik check … " +
        '--applicant "Nazwa" albo miernik summarize … --applicants wnioskodawcy.csv (plik;wnioskodawca).',
    ]);
    const en = await notes("en", ["a.csv", "c.csv"]);
    expect(en).toEqual([
      'Applicant "—": not found in the file a.csv. To give it: type the name in the "Applicant:" cell ' +
        '(C2 of the sheet "Kryteria 9.1" written by miernik check -o), use miernik check … --applicant "Name" ' +
        "or miernik summarize … --applicants applicants.csv (file;applicant).",
    ]);
    // Every applicant known: no note.
    const named = "out-named.xlsx";
    expect(await run(["summarize", "c.csv", "--as-of", AS_OF, "-o", named], io(dir))).toBe(0);
    const wb = await readXlsx(fs.readFileSync(path.join(dir, named)));
    const flat = wb.sheets[0].values.flat();
    expect(flat).toContain("Gmina Z");
    expect(flat.filter((v) => typeof v === "string" && v.includes("nie znaleziono"))).toEqual([]);
  });

  test("exit 2 only when no file could be read; bad usage exits 2 without a stack trace", async () => {
    fs.writeFileSync(path.join(dir, "empty.csv"), "");
    const o = io(dir);
    expect(await run(["summarize", "empty.csv", "missing.xlsx"], o)).toBe(2);
    const err = o.errText.join("\n");
    expect(err).toMatch(/empty\.csv: pusty plik/);
    expect(err).toMatch(/missing\.xlsx: nie można odczytać pliku: nie ma takiego pliku/);
    expect(err).toMatch(/żaden plik nie dał się odczytać/);
    // The reasons alone: no table of zeros that would read as a summary.
    expect(err).not.toMatch(/Podsumowanie naboru|projektów 0/);
    expect(o.outText.join("\n")).toBe("");
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
    for (const bad of [
      [],
      ["x.csv", "--as-of", "31.06.2025"], // DD.MM.RRRR is accepted; 31 June is not a date
      ["x.csv", "--bogus"],
      ["x.csv", "--card", "nope"],
    ]) {
      const b = io(dir);
      expect(await run(["summarize", ...bad], b)).toBe(2);
      expect(b.errText.join("\n")).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});

describe("miernik summarize: monitoring workbooks and participant files mixed", () => {
  test("a three-year monitoring workbook gives Podsumowanie (with its sheets) next to Podsumowanie naboru", async () => {
    const plans = [2021, 2022, 2023].map((y, k) =>
      buildMonitoringSheetPlan(PROGRAMME, y, { values: samples(1 + k / 2) }),
    );
    fs.writeFileSync(path.join(dir, "monitoring.xlsx"), await writeXlsx({ sheets: plans, names: [] }));
    fs.writeFileSync(path.join(dir, "p.csv"), csvBytes(participants(10, 1)));
    const o = io(dir);
    const code = await run(
      ["summarize", "monitoring.xlsx", "p.csv", "--as-of", AS_OF, "-o", "s.xlsx", "--json"],
      o,
    );
    expect(o.errText).toEqual([]);
    expect(code).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.filesRead).toBe(2);
    expect(j.monitoring.years).toEqual([2021, 2022, 2023]);
    const ind = j.monitoring.indicators.find((i: { id: string }) => i.id === "1.1.3-1");
    expect(ind.values).toEqual([1796, Math.round(1796 * 1.5), 1796 * 2]);
    expect(ind.changes).toEqual([null, Math.round(1796 * 1.5) - 1796, 1796 * 2 - Math.round(1796 * 1.5)]);
    const pct = j.monitoring.indicators.find((i: { id: string }) => i.id === "2.2.2-1");
    expect(pct.changes).toEqual([null, 0, 0]);
    expect(j.monitoring.total.filled).toEqual([60, 60, 60]);
    expect(j.call.projects).toHaveLength(1);
    const wb = await readXlsx(fs.readFileSync(path.join(dir, "s.xlsx")));
    expect(wb.sheets.map((s) => s.name)).toEqual([
      MONITORING_SUMMARY_SHEET,
      "Monitoring 2021",
      "Monitoring 2022",
      "Monitoring 2023",
      CALL_SUMMARY_SHEET,
    ]);
    const m2023 = wb.sheets.find((s) => s.name === "Monitoring 2023")!;
    const col = monitoringColumn("value").index;
    expect(m2023.values.flat().length).toBeGreaterThan(0);
    expect(m2023.values.some((r) => r[col - m2023.left] === 1796 * 2)).toBe(true);
    const summary = wb.sheets[0];
    const v = columnLetters(col);
    const ref = `'Monitoring 2022'!$${v}:$${v}`;
    expect((summary.formulas ?? []).flat().some((f) => f !== null && f.includes(ref))).toBe(true);
  });
});

describe("miernik summarize: a monitoring sheet whose year is outside the programme (2021–2027)", () => {
  // A slip in the sheet's name ("Monitoring 2030" for 2023): the summary lays each year out again, and the
  // programme has no table for 2030 — that file is skipped with its reason, the others are summarised.
  async function writeSheet(file: string, name: string): Promise<void> {
    const plan = { ...buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() }), name };
    fs.writeFileSync(path.join(dir, file), await writeXlsx({ sheets: [plan], names: [] }));
  }

  test("the file is skipped with its reason, the rest summarised and written (exit 0)", async () => {
    await writeSheet("m2023.xlsx", "Monitoring 2023");
    await writeSheet("m2030.xlsx", "Monitoring 2030");
    const o = io(dir);
    const code = await run(["summarize", "m2023.xlsx", "m2030.xlsx", "-o", "s.xlsx"], o);
    expect(o.errText.join("\n")).not.toMatch(/Rok 2030 jest poza okresem programu/);
    expect(code).toBe(0);
    const text = o.outText.join("\n");
    expect(text).toMatch(/rok 2023 \(/);
    expect(text).toMatch(
      /m2030\.xlsx: arkusz „Monitoring 2030”: rok 2030 jest poza okresem programu \(2021–2027\)/,
    );
    const wb = await readXlsx(fs.readFileSync(path.join(dir, "s.xlsx")));
    expect(wb.sheets.map((s) => s.name)).toEqual([MONITORING_SUMMARY_SHEET, "Monitoring 2023"]);
  });

  test("alone: no file could be summarised — exit 2, the file and the reason named, no stack trace", async () => {
    await writeSheet("m2019.xlsx", "Monitoring 2019");
    const o = io(dir);
    expect(await run(["summarize", "m2019.xlsx", "--lang", "en"], o)).toBe(2);
    const all = [...o.outText, ...o.errText].join("\n");
    expect(all).toMatch(/m2019\.xlsx: sheet "Monitoring 2019": 2019 is outside the programme/);
    expect(all).not.toMatch(/\bat .*\.[jt]s:\d+/);
  });
});

describe("scale", () => {
  test("200 participant files × 500 rows summarise in one run (a folder as input)", async () => {
    const sub = path.join(dir, "nabor");
    fs.mkdirSync(sub);
    let expectedUnemployed = 0;
    for (let f = 0; f < 200; f++) {
      const ps = participants(500, 7000 + f);
      expectedUnemployed += ps.filter(
        (p) => p.status === "unemployedRegistered" || p.status === "unemployedUnregistered",
      ).length;
      fs.writeFileSync(path.join(sub, `p${f}.csv`), csvBytes(ps, `Wnioskodawca ${f % 90}`));
    }
    const o = io(dir);
    expect(await run(["summarize", "nabor", "--as-of", AS_OF, "--json", "-o", "s.xlsx"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.call.projects).toHaveLength(200);
    expect(j.call.participants).toBe(100000);
    expect(j.call.totals.find((t: { id: string }) => t.id === "product.B1").numerator).toBe(
      expectedUnemployed,
    );
    // Applicants 0…19 have three files each (f, f+90, f+180): over the limit of two.
    expect(j.call.applicantsOverLimit).toHaveLength(20);
    const wb = await readXlsx(fs.readFileSync(path.join(dir, "s.xlsx")));
    expect(wb.sheets[0].values.flat()).toContain(path.join("nabor", "p199.csv"));
  }, 120000);
});

describe("miernik summarize: copies, lock files and a year in two files", () => {
  test("a byte-identical copy („x (1).csv”, „x - kopia.csv”) is listed as a copy of its original, counted once", async () => {
    const sub = path.join(dir, "wnioski");
    fs.mkdirSync(sub);
    const bytes = csvBytes(participants(30, 11, 100), "Fundacja A");
    // Names a second download and Windows' copy give; they sort before the original by plain comparison.
    for (const f of ["projekt Łódź (1).csv", "projekt Łódź - kopia.csv", "projekt Łódź.csv"])
      fs.writeFileSync(path.join(sub, f), bytes);
    fs.writeFileSync(path.join(sub, "inny.csv"), csvBytes(participants(12, 12, 400), "Fundacja B"));
    // Excel's owner file of an open workbook: no data, said so.
    fs.writeFileSync(path.join(sub, "~$projekt Łódź.xlsx"), Buffer.from([0x0b, 0x4a, 0x61, 0x6e, 0, 0]));
    const o = io(dir);
    expect(await run(["summarize", "wnioski", "--as-of", AS_OF, "--json"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    const p = (f: string) => path.join("wnioski", f);
    expect(j.call.projects.map((x: { file: string }) => x.file)).toEqual([
      p("inny.csv"),
      p("projekt Łódź.csv"),
    ]);
    expect(j.call.participants).toBe(42);
    expect(j.call.sharedPesels).toEqual([]);
    expect(j.call.applicantsOverLimit).toEqual([]);
    expect(j.filesRead).toBe(2);
    const reasons = new Map(j.problems.map((x: { file: string; reason: string }) => [x.file, x.reason]));
    expect([...reasons.keys()]).toEqual([
      p("~$projekt Łódź.xlsx"),
      p("projekt Łódź (1).csv"),
      p("projekt Łódź - kopia.csv"),
    ]);
    expect(reasons.get(p("projekt Łódź (1).csv"))).toBe(
      `ta sama zawartość co ${p("projekt Łódź.csv")} (kopia pliku) — policzony raz`,
    );
    expect(reasons.get(p("~$projekt Łódź.xlsx"))).toMatch(/plik blokady Excela/);
  });

  test("a year in two files: the one with values filled in wins over an empty layout, the other is listed", async () => {
    // "Monitoring 2024.xlsx" (laid out in January, never filled) sorts before the filled one.
    const empty = buildMonitoringSheetPlan(PROGRAMME, 2024, {});
    const filled = buildMonitoringSheetPlan(PROGRAMME, 2024, { values: samples() });
    const y2023 = buildMonitoringSheetPlan(PROGRAMME, 2023, { values: samples() });
    fs.writeFileSync(path.join(dir, "Monitoring 2024.xlsx"), await writeXlsx({ sheets: [empty], names: [] }));
    fs.writeFileSync(
      path.join(dir, "Monitoring 2024 wypełniony.xlsx"),
      await writeXlsx({ sheets: [filled], names: [] }),
    );
    fs.writeFileSync(path.join(dir, "Monitoring 2023.xlsx"), await writeXlsx({ sheets: [y2023], names: [] }));
    const o = io(dir);
    expect(await run(["summarize", ".", "--json"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.monitoring.sources).toEqual([
      { year: 2023, file: "Monitoring 2023.xlsx", sheet: "Monitoring 2023" },
      { year: 2024, file: "Monitoring 2024 wypełniony.xlsx", sheet: "Monitoring 2024" },
    ]);
    expect(j.monitoring.total.filled).toEqual([60, 60]);
    expect(j.filesRead).toBe(2);
    expect(j.problems.map((x: { file: string }) => x.file)).toEqual(["Monitoring 2024.xlsx"]);
    expect(j.monitoring.notes).toEqual([
      {
        file: "Monitoring 2024.xlsx",
        reason:
          "rok 2024 jest też w pliku Monitoring 2024 wypełniony.xlsx (wypełnione mierniki: 60 z 60, tu: 0) — arkusz „Monitoring 2024” pominięty",
      },
    ]);
  });
});

test("--json names what a folder held besides the files read (subfolders, other types), as stderr does", async () => {
  const sub = path.join(dir, "nabór");
  fs.mkdirSync(path.join(sub, "korekty"), { recursive: true });
  fs.writeFileSync(path.join(sub, "a.csv"), csvBytes(participants(3, 1)));
  fs.writeFileSync(path.join(sub, "korekty", "b.csv"), csvBytes(participants(3, 2)));
  fs.writeFileSync(path.join(sub, "umowa.docx"), "x");
  const o = io(dir);
  expect(await run(["summarize", "nabór", "--json", "--as-of", AS_OF], o)).toBe(0);
  expect(o.errText.join("\n")).toMatch(
    /pominięto 1 podfolder \(korekty\) i 1 plik innego typu \(umowa\.docx\)/,
  );
  const j = JSON.parse(o.outText.join("\n"));
  expect(j.leftOut).toEqual([{ folder: "nabór", folders: ["korekty"], others: ["umowa.docx"] }]);
  expect(j.call.projects.map((p: { file: string }) => p.file)).toEqual([path.join("nabór", "a.csv")]);
});

describe("an officer's folder of collected files: each one summarised or listed with its reason", () => {
  async function registerXlsx(n: number, seed: number, applicant: string): Promise<Uint8Array> {
    return writeXlsx({
      sheets: [
        {
          ...emptySheet("Uczestnicy"),
          blocks: [{ row: 0, col: 0, values: registerRows(participants(n, seed), applicant) }],
        },
      ],
      names: [],
    });
  }
  async function collected(): Promise<string> {
    const root = path.join(dir, "nabór 2025");
    const put = (f: string, b: Uint8Array | string): void => {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), b);
    };
    put("PUP Łódź/projekt.csv", csvBytes(participants(12, 1), "Fundacja Źródło"));
    put("PUP Kraków/projekt.csv", csvBytes(participants(9, 2), "Stowarzyszenie Żółw"));
    put("Zażółć gęślą jaźń.xlsx", await registerXlsx(8, 3, "Gmina Ćmielów"));
    put("makro.xlsm", await registerXlsx(5, 4, "Firma M"));
    const open = await registerXlsx(6, 5, "Firma O");
    put("otwarty.xlsx", open);
    put("~$otwarty.xlsx", Buffer.from([0x0b, 0x41, 0x6e, 0x6e, 0x61, 0, 0, 0]));
    put("ucięty.xlsx", open.subarray(0, Math.floor(open.length / 2)));
    put("hasło.xlsx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(2000)]));
    put("pusty.xlsx", "");
    put("szablon.xltx", await registerXlsx(4, 6, "Firma T"));
    put("binarny.xlsb", "PK\x03\x04");
    put("stary.xls", Buffer.from("d0cf11e0a1b11ae1", "hex"));
    put("calc.ods", "PK\x03\x04");
    put("notatka.txt", "uwagi");
    put("pobierany.xlsx.crdownload", open.subarray(0, 100));
    return root;
  }

  test("without --recursive: subfolders holding spreadsheets, templates, .xlsb, unfinished downloads are in the list, with the fix", async () => {
    await collected();
    const o = io(dir);
    expect(await run(["summarize", "nabór 2025", "--as-of", AS_OF, "--json"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    const reasons = new Map<string, string>(
      j.problems.map((p: { file: string; reason: string }) => [p.file, p.reason]),
    );
    const at = (f: string) => reasons.get(path.join("nabór 2025", f));
    expect(at("PUP Łódź")).toMatch(/^podfolder — nieprzeszukany \(1 plik arkusza\): dodaj --recursive/);
    expect(at("PUP Kraków")).toMatch(/--recursive/);
    expect(at("szablon.xltx")).toMatch(/szablon Excela.*zapisz jako skoroszyt \.xlsx/);
    expect(at("binarny.xlsb")).toMatch(/skoroszyt binarny Excela \(\.xlsb\) — zapisz go jako \.xlsx/);
    expect(at("pobierany.xlsx.crdownload")).toMatch(
      /^niedokończone pobieranie .* pobierz lub zapisz plik ponownie/,
    );
    // Every entry of the folder: a project, a listed file, or (other types) named in leftOut.
    const projects: string[] = j.call.projects.map((p: { file: string }) => p.file);
    const accounted = new Set([...projects, ...reasons.keys()]);
    for (const name of fs.readdirSync(path.join(dir, "nabór 2025")))
      if (name !== "notatka.txt")
        expect({ name, accounted: accounted.has(path.join("nabór 2025", name)) }).toEqual({
          name,
          accounted: true,
        });
    expect(j.leftOut).toEqual([
      { folder: "nabór 2025", folders: ["PUP Kraków", "PUP Łódź"], others: ["notatka.txt"] },
    ]);
    expect(projects.sort()).toEqual(
      ["makro.xlsm", "otwarty.xlsx", "Zażółć gęślą jaźń.xlsx"].map((f) => path.join("nabór 2025", f)).sort(),
    );
  });

  test("--recursive: subfolders summarised too; the same file name in two subfolders stays two projects", async () => {
    await collected();
    const o = io(dir);
    expect(await run(["summarize", "nabór 2025", "--recursive", "--as-of", AS_OF, "--json"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    const projects: { file: string; applicant: string; participants: number }[] = j.call.projects;
    expect(projects.filter((p) => p.file.endsWith("projekt.csv"))).toEqual([
      expect.objectContaining({
        file: path.join("nabór 2025", "PUP Kraków", "projekt.csv"),
        participants: 9,
      }),
      expect.objectContaining({ file: path.join("nabór 2025", "PUP Łódź", "projekt.csv"), participants: 12 }),
    ]);
    expect(j.problems.map((p: { file: string }) => p.file)).not.toContain(
      path.join("nabór 2025", "PUP Łódź"),
    );
    expect(j.leftOut).toEqual([{ folder: "nabór 2025", folders: [], others: ["notatka.txt"] }]);
    expect(o.errText.join("\n")).not.toMatch(/bez podfolderów/);
  });

  test("-o into the folder, run again with --force: the earlier summary is replaced, not read nor refused", async () => {
    await collected();
    const out = path.join("nabór 2025", "podsumowanie.xlsx");
    expect(await run(["summarize", "nabór 2025", "--as-of", AS_OF, "-o", out], io(dir))).toBe(0);
    const again = io(dir);
    expect(
      await run(
        ["summarize", "nabór 2025", "--recursive", "--as-of", AS_OF, "-o", out, "--force", "--json"],
        again,
      ),
    ).toBe(0);
    expect(again.errText.join("\n")).toMatch(
      /podsumowanie\.xlsx: to plik wynikowy \(-o\), poprzednie podsumowanie/,
    );
    const j = JSON.parse(again.outText.join("\n"));
    expect(j.problems.map((p: { file: string }) => p.file)).not.toContain(out);
    const wb = await readXlsx(fs.readFileSync(path.join(dir, out)));
    expect(wb.sheets[0].values.flat()).toContain(path.join("nabór 2025", "PUP Łódź", "projekt.csv"));
    // A register named as the output is still an input: refused even with --force, and unchanged.
    const before = fs.readFileSync(path.join(dir, "nabór 2025", "otwarty.xlsx"));
    const onInput = io(dir);
    const target = path.join("nabór 2025", "otwarty.xlsx");
    expect(await run(["summarize", "nabór 2025", "-o", target, "--force"], onInput)).toBe(2);
    expect(onInput.errText.join("\n")).toMatch(/nigdy nie zapisuje na danych wejściowych/);
    expect(fs.readFileSync(path.join(dir, target))).toEqual(before);
  });

  test("--applicants: a path names the file in that subfolder only; a bare name every file of that name", async () => {
    for (const [f, seed] of [
      ["PUP Łódź/projekt.csv", 1],
      ["PUP Kraków/projekt.csv", 2],
      ["PUP Kraków/inny.csv", 3],
    ] as const) {
      fs.mkdirSync(path.dirname(path.join(dir, "nabór", f)), { recursive: true });
      fs.writeFileSync(path.join(dir, "nabór", f), csvBytes(participants(3, seed)));
    }
    // The list as typed on Windows (backslashes), one name decomposed as a macOS file name is.
    fs.writeFileSync(
      path.join(dir, "map.csv"),
      `Plik;Wnioskodawca\n${"PUP Łódź\\projekt.csv".normalize("NFD")};Gmina Łódź\nprojekt.csv;Ktoś inny\ninny.csv;Gmina Kraków\n`,
    );
    const o = io(dir);
    const args = ["summarize", "nabór", "--recursive", "--applicants", "map.csv", "--json", "--as-of", AS_OF];
    expect(await run(args, o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.call.projects.map((p: { file: string; applicant: string }) => [p.file, p.applicant])).toEqual([
      [path.join("nabór", "PUP Kraków", "inny.csv"), "Gmina Kraków"],
      [path.join("nabór", "PUP Kraków", "projekt.csv"), "Ktoś inny"],
      [path.join("nabór", "PUP Łódź", "projekt.csv"), "Gmina Łódź"],
    ]);
  });

  test("a register with a stray value at XFD1048576 is summarised, and the cell left out is named", async () => {
    const rows = registerRows(participants(6, 9), "Firma D");
    fs.writeFileSync(
      path.join(dir, "duży.xlsx"),
      await writeXlsx({
        sheets: [
          {
            ...emptySheet("Uczestnicy"),
            blocks: [
              { row: 0, col: 0, values: rows },
              { row: 1048575, col: 16383, values: [["x"]] },
            ],
          },
        ],
        names: [],
      }),
    );
    const o = io(dir);
    expect(await run(["summarize", "duży.xlsx", "--as-of", AS_OF, "--json"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.call.projects.map((p: { participants: number }) => p.participants)).toEqual([6]);
    expect(j.ignoredCells).toEqual([
      { file: "duży.xlsx", sheet: "Uczestnicy", count: 1, first: "XFD1048576" },
    ]);
    expect(o.errText).toContain(
      "UWAGA duży.xlsx: arkusz „Uczestnicy”: pominięto 1 komórkę daleko od danych (Uczestnicy!XFD1048576) — reszta pliku podsumowana",
    );
  });

  test("a register repeating a header is summarised from one column; the others are named (stderr, --json)", async () => {
    // A second "PESEL" column at the end, holding other numbers: the first is read, the second named.
    const base = registerRows(participants(5, 11), "Firma E");
    const header = base.findIndex((r) => r.includes("PESEL"));
    const rows = base.map((r, i) => (i < header ? r : [...r, i === header ? "PESEL" : "99999999999"]));
    const col = (n: number): string => {
      let s = "";
      for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26))
        s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
      return s;
    };
    const first = col(rows[header].indexOf("PESEL"));
    const last = col(rows[header].length - 1);
    fs.writeFileSync(
      path.join(dir, "dwa.xlsx"),
      await writeXlsx({
        sheets: [{ ...emptySheet("Uczestnicy"), blocks: [{ row: 0, col: 0, values: rows }] }],
        names: [],
      }),
    );
    const o = io(dir);
    expect(await run(["summarize", "dwa.xlsx", "--as-of", AS_OF, "--json"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.call.projects.map((p: { participants: number }) => p.participants)).toEqual([5]);
    expect(j.repeatedHeaders).toEqual([
      {
        file: "dwa.xlsx",
        sheet: "Uczestnicy",
        header: "PESEL",
        read: first,
        skipped: [last],
        message: expect.stringContaining(`czytana jest kolumna ${first}, pominięta ${last}`),
      },
    ]);
    expect(o.errText).toContain(
      `UWAGA dwa.xlsx: arkusz „Uczestnicy”: nagłówek „PESEL” powtarza się (kolumny ${first}, ${last}): czytana jest kolumna ${first}, pominięta ${last} — jeśli dane są w tej drugiej, usuń lub przemianuj zbędną kolumnę`,
    );
    const en = io(dir);
    expect(await run(["summarize", "dwa.xlsx", "--as-of", AS_OF, "--lang", "en"], en)).toBe(0);
    expect(en.errText.join("\n")).toContain(
      `WARNING dwa.xlsx: sheet “Uczestnicy”: the header “PESEL” repeats (columns ${first}, ${last}): column ${first} is read, ${last} left out`,
    );
  });

  test("a summary Miernik wrote, given as an input, is listed as such (its projects not counted twice)", async () => {
    fs.writeFileSync(path.join(dir, "a.csv"), csvBytes(participants(7, 1)));
    expect(await run(["summarize", "a.csv", "--as-of", AS_OF, "-o", "stare.xlsx"], io(dir))).toBe(0);
    const o = io(dir);
    expect(await run(["summarize", "a.csv", "stare.xlsx", "--as-of", AS_OF, "--json"], o)).toBe(0);
    const j = JSON.parse(o.outText.join("\n"));
    expect(j.call.participants).toBe(7);
    expect(j.problems).toEqual([
      {
        file: "stare.xlsx",
        reason:
          "to podsumowanie utworzone przez Miernik (arkusz „Podsumowanie naboru”), nie plik projektu ani arkusz monitoringu — pominięte, żeby niczego nie policzyć dwa razy",
      },
    ]);
  });
});
