/**
 * The command line as its users meet it, across commands: --help explains every option (Polish, English
 * with --lang en), bad usage exits 2 with the usage text, outputs are .xlsx and never an input, Polish
 * plurals, numbers and dates in the text, --lang honoured by every command (also in --json), and
 * `summarize` never leaving a file out without a word.
 */
import * as fs from "fs";
import nodeFs from "fs"; // the module object itself (spied on below)
import * as os from "os";
import * as path from "path";
import { cannotWrite } from "../../src/cli/files";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import type { Card } from "../../src/domain/card/types";
import { minimumPlan } from "../../src/domain/plan/evaluate";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildPlanSheetPlan, planNames } from "../../src/workbook/projectPlan/sheet";
import { csvBytes, participants } from "../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const COMMANDS = ["layout", "validate", "check", "summarize", "plan"];
const FIX = path.join(__dirname, "../fixtures/register");
// Polish groups thousands with a no-break space (Intl pl-PL, as the pane): written \u00a0 below.

let dir = "";
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-usage-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { cwd: dir, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const put = (name: string, bytes: string | Uint8Array): string => {
  fs.writeFileSync(path.join(dir, name), bytes);
  return name;
};

describe("--help", () => {
  test.each(COMMANDS)("%s --help explains every option of its usage line, in Polish", async (name) => {
    const r = await cli([name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const [usage, ...rest] = r.out.split("\n");
    expect(usage).toMatch(new RegExp(`^Użycie: miernik ${name} `));
    const options = rest.slice(rest.indexOf("Opcje:") + 1);
    expect(rest).toContain("Opcje:");
    const declared = [...usage.matchAll(/(?<![\w-])(--[a-z-]+|-o)\b/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(0);
    for (const opt of declared) {
      const line = options.find(
        (l) => new RegExp(`^  (-o, )?${opt}\\b`).test(l) || l.startsWith(`  -o, ${opt}`),
      );
      // Each option has a line, and the line says something after the option's name.
      expect([opt, line !== undefined]).toEqual([opt, true]);
      expect(line!.trim().length).toBeGreaterThan(opt.length + 10);
    }
    expect(options.some((l) => l.startsWith("  -h, --help"))).toBe(true);
  });

  test("--help --lang en is in English; the options nobody could guess are explained", async () => {
    const v = await cli(["validate", "--help", "--lang", "en"]);
    expect(v.out).toMatch(/^Usage: miernik validate/);
    expect(v.out).toContain("Options:");
    expect(v.out).toMatch(/--yoy-factor <3>\s+warn when a value changed more than this many times/);
    const s = await cli(["summarize", "--help"]);
    expect(s.out).toMatch(/--applicants <wnioskodawcy\.csv>\s+CSV: plik;wnioskodawca/);
    expect(s.out).toMatch(/--max-applications <2>\s+ile wniosków może złożyć jeden wnioskodawca/);
    expect((await cli(["check", "--help"])).out).toMatch(/--verbose\s+najpierw: jak odczytano plik/);
  });
});

describe("bad usage: exit 2 with the usage text, nothing written", () => {
  test("a valued option given twice is refused, naming both values", async () => {
    const r = await cli(["layout", "--year", "2023", "--year", "2024"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--year podana dwa razy („2023”, „2024”)");
    expect(r.err).toContain("Użycie / usage: miernik layout");
    expect(fs.readdirSync(dir)).toEqual([]);
    put("r.csv", fs.readFileSync(path.join(FIX, "canonical.csv")));
    const c = await cli(["check", "r.csv", "--lang", "en", "--lang=pl"]);
    expect([c.code, c.out]).toEqual([2, ""]);
    expect(c.err).toContain("--lang given twice");
    const o = await cli(["check", "r.csv", "-o", "a.xlsx", "--output", "b.xlsx"]);
    expect(o.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(["r.csv"]);
  });

  test("a value for a flag says the flag takes none", async () => {
    const r = await cli(["layout", "--year", "2023", "--sample=tak"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("opcja --sample nie przyjmuje wartości — napisz samo --sample");
    expect(r.err).toContain("Użycie / usage");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("-o without a file names -o (and its long name)", async () => {
    put("r.csv", fs.readFileSync(path.join(FIX, "canonical.csv")));
    const r = await cli(["check", "r.csv", "-o"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("opcja -o (--output) wymaga wartości");
  });

  test("an output not named .xlsx is refused by every writing command; an input is still named as such", async () => {
    put("r.csv", fs.readFileSync(path.join(FIX, "canonical.csv")));
    for (const args of [
      ["layout", "--year", "2023", "-o", "monitoring.csv"],
      ["check", "r.csv", "--as-of", "2025-01-01", "-o", "wynik.csv"],
      ["summarize", "r.csv", "--as-of", "2025-01-01", "-o", "podsumowanie"],
    ]) {
      const r = await cli(args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 2]);
      expect(r.err).toContain("podaj nazwę kończącą się na .xlsx");
      expect(r.err).toContain("Użycie / usage");
      expect(r.out).toBe("");
    }
    expect(fs.readdirSync(dir)).toEqual(["r.csv"]);
    fs.symlinkSync("r.csv", path.join(dir, "link.csv"));
    const onto = await cli(["check", "r.csv", "-o", "link.csv", "--force"]);
    expect(onto.code).toBe(2);
    expect(onto.err).toContain("plik wynikowy to plik wejściowy r.csv");
    expect(onto.err).not.toContain("Użycie");
  });
});

describe("inputs", () => {
  test("an empty CSV is called empty (not a missing header row of a sheet it does not have)", async () => {
    put("pusty.csv", "");
    const r = await cli(["check", "pusty.csv"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "miernik check: pusty.csv: pusty plik (0 bajtów) — zapisz rejestr uczestników jako .csv lub .xlsx",
    );
    expect((await cli(["check", "pusty.csv", "--lang", "en"])).err).toContain(
      "pusty.csv: empty file (0 bytes)",
    );
  });

  test("a file that cannot be read or written: one line in the --lang language alone", async () => {
    const pl = await cli(["check", "brak.csv"]);
    expect(pl.code).toBe(2);
    expect(pl.err).toBe("miernik check: brak.csv: nie można odczytać pliku: nie ma takiego pliku");
    const en = await cli(["check", "brak.csv", "--lang", "en"]);
    expect(en.err).toBe("miernik check: brak.csv: cannot read the file: no such file");
    put("m.xlsx", "x");
    const exists = await cli(["layout", "--year", "2023", "-o", "m.xlsx", "--lang", "en"]);
    expect(exists.code).toBe(2);
    expect(exists.err).toBe("miernik layout: m.xlsx exists; use --force to replace it");
    const noFolder = await cli(["layout", "--year", "2023", "-o", path.join("nie-ma", "m.xlsx")]);
    expect(noFolder.err).toMatch(/^miernik layout: nie-ma.m\.xlsx: nie ma folderu \S*nie-ma$/);
  });

  test("plan --register with an unreadable register: one line in the --lang language, no usage text", async () => {
    put("rejestr.csv", "Imię;Nazwisko\nJan;Nowak\n");
    const r = await cli(["plan", "--register", "rejestr.csv", "-o", "plan.xlsx", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^miernik plan: rejestr\.csv: /);
    expect(r.err).not.toContain("Użycie");
    expect(r.err).not.toMatch(/[„”]PESEL[„”].*\/ /);
    expect(fs.existsSync(path.join(dir, "plan.xlsx"))).toBe(false);
  });
});

describe("text for people: Polish numbers, dates and plurals; --lang everywhere", () => {
  test("check: dd.mm.rrrr in Polish, ISO in English; --as-of also as DD.MM.RRRR; targets 1\u00a0875", async () => {
    put("r.csv", fs.readFileSync(path.join(FIX, "canonical.csv")));
    const pl = await cli(["check", "r.csv", "--as-of", "01.01.2025"]);
    expect(pl.code).toBe(1);
    expect(pl.out).toContain("Stan na 01.01.2025 · uczestników: 5");
    expect(pl.out).toMatch(/^B1\s+4\s+—\s+—\s+1\u00a0875\s/m);
    const en = await cli(["check", "r.csv", "--as-of", "2025-01-01", "--lang", "en"]);
    expect(en.out).toContain("As of 2025-01-01 · participants: 5");
    expect(en.out).toMatch(/^B1\s+4\s+—\s+—\s+1,875\s/m);
    expect((await cli(["check", "r.csv", "--as-of", "31.02.2025"])).code).toBe(2);
  });

  test("check: row problems counted by kind, each tagged BŁĄD / UWAGA (ERROR / WARNING), not error/warning", async () => {
    const lines = fs.readFileSync(path.join(FIX, "canonical.csv"), "utf8").split("\n");
    const row = lines[1].split(";");
    const bad = Array.from({ length: 120 }, (_v, i) => {
      const r = [...row];
      r[0] = String(i + 1);
      r[3] = `1234567890${i % 10}`; // a bad PESEL check digit: one error each
      return r.join(";");
    });
    put("zle.csv", [lines[0], ...bad].join("\n"));
    const r = await cli(["check", "zle.csv", "--as-of", "2025-01-01"]);
    const head = r.out.split("\n").find((l) => l.startsWith("Problemy w wierszach"));
    expect(head).toMatch(/^Problemy w wierszach \((\d+): \1 błędów, 0 ostrzeżeń\) — plik „zle\.csv”:$/);
    // The cell as the file has it: PESEL is the CSV's 4th field (D), the record its line.
    expect(r.out).toMatch(/\n {2}wiersz 2 · D2 · PESEL · BŁĄD · pesel\.checksum: /);
    expect(r.out).toMatch(/\n {2}wiersz 121 · D121 · PESEL · BŁĄD · /);
    expect(r.out).not.toMatch(/ · (error|warning) · /);
    const en = await cli(["check", "zle.csv", "--as-of", "2025-01-01", "--lang", "en"]);
    expect(en.out).toMatch(/Row problems \((\d+): \1 errors, 0 warnings\) — file “zle\.csv”:/);
    expect(en.out).toMatch(/row 2 · D2 · PESEL · ERROR · pesel\.checksum/);
  });

  test("check --json names the verdict and the points as plan --json does", async () => {
    put("r.csv", fs.readFileSync(path.join(FIX, "canonical.csv")));
    const j = JSON.parse((await cli(["check", "r.csv", "--as-of", "2025-01-01", "--json"])).out);
    expect(j).toMatchObject({ allRequiredMet: false, premiumPoints: 10 });
  });

  test("summarize: 1 numer PESEL, 1\u00a0875, stan na dd.mm.rrrr", async () => {
    put("a.csv", csvBytes(participants(5, 1, 0)));
    put("b.csv", csvBytes(participants(5, 2, 4))); // PESEL number 4 in both
    const r = await cli(["summarize", "a.csv", "b.csv", "--as-of", "2025-06-30"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("UWAGA: 1 numer PESEL w więcej niż jednym projekcie");
    expect(r.out).toContain("stan na 30.06.2025");
    expect(r.out).toMatch(/\n {2}B1 +\d+ \/ +1\u00a0875 /);
    const en = await cli(["summarize", "a.csv", "b.csv", "--as-of", "2025-06-30", "--lang", "en"]);
    expect(en.out).toContain("FLAG: 1 PESEL in more than one project");
    expect(en.out).toContain("as of 2025-06-30): 2 projects, 10 participants");
    expect(en.out).toMatch(/\n {2}B1 +\d+ \/ +1,875 /);
    const j = JSON.parse((await cli(["summarize", "a.csv", "b.csv", "--as-of", "2025-06-30", "--json"])).out);
    for (const p of j.call.projects) expect(p.allRequiredMet).toBe(p.requiredMet);
    expect(j.call.projects[0]).toHaveProperty("allRequiredMet", false);
  });

  test("plan <workbook> --lang en: the evaluation and its --json in English", async () => {
    const values = { ...minimumPlan(card, 60), women: -2 };
    put(
      "plan.xlsx",
      await writeXlsx({ sheets: [buildPlanSheetPlan(card, { values })], names: planNames(card) }),
    );
    const en = await cli(["plan", "plan.xlsx", "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.out).toContain("Premium points:");
    expect(en.out).toContain("call target 1,875");
    expect(en.out).toContain("With 60 participants: at least 48");
    expect(en.out).toMatch(/Plan problems \(1\):\n {2}Plan projektu!\w+\d+: Negative/);
    expect(en.out).not.toMatch(/Punkty|Minima|brakuje|\[TAK\]|\[NIE\]/);
    const pl = await cli(["plan", "plan.xlsx"]);
    expect(pl.out).toContain("cel naboru 1\u00a0875");
    expect(pl.out).not.toContain(" / the plan");
    const j = JSON.parse((await cli(["plan", "plan.xlsx", "--json", "--lang", "en"])).out);
    expect(j.findings[0].message).toMatch(/^Negative/);
    expect(j.minimums[0]).toMatch(/^With 60 participants/);
    expect(j.criteria[0].label).not.toMatch(/[ąęłńóśźż]|Osoby/);
    const missing = await cli(["plan", "brak.xlsx", "--lang", "en"]);
    expect(missing.code).toBe(2);
  });

  test("layout --lang en: the message in English; Polish by default", async () => {
    const en = await cli(["layout", "--year", "2023", "-o", "m.xlsx", "--lang", "en"]);
    expect([en.code, en.out]).toEqual([0, "Written m.xlsx: „Monitoring 2023”, 60 indicators"]);
    const pl = await cli(["layout", "--year", "2023", "--sample", "-o", "s.xlsx"]);
    expect(pl.out).toBe("Zapisano s.xlsx: „Monitoring 2023”, 60 mierników, wartości przykładowe z 2023");
  });
});

describe("summarize never leaves a file out without a word", () => {
  test("a file given again (the same name, a symlink) is named on stderr and in --json", async () => {
    put("a.csv", csvBytes(participants(5, 1)));
    fs.symlinkSync("a.csv", path.join(dir, "kopia.csv"));
    const r = await cli(["summarize", "a.csv", "kopia.csv", "a.csv", "--as-of", "2025-06-30", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.call.projects.map((p: { file: string }) => p.file)).toEqual(["a.csv"]);
    expect(j.duplicates).toEqual([
      { file: "kopia.csv", sameAs: "a.csv" },
      { file: "a.csv", sameAs: "a.csv" },
    ]);
    expect(r.err.split("\n")).toEqual([
      "UWAGA kopia.csv: to ten sam plik co a.csv — policzony raz",
      "UWAGA a.csv: podany ponownie — policzony raz",
    ]);
  });

  test("an .ods or .xls in a folder is listed with what to do, not skipped silently", async () => {
    fs.mkdirSync(path.join(dir, "nabór"));
    put("nabór/projekt 1.csv", csvBytes(participants(5, 1)));
    put("nabór/projekt 2.ods", Buffer.from("PK\u0003\u0004 not really"));
    put("nabór/projekt 3.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    put("nabór/notatki.txt", "x");
    const r = await cli(["summarize", "nabór", "--as-of", "2025-06-30", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.call.projects.map((p: { file: string }) => p.file)).toEqual([
      path.join("nabór", "projekt 1.csv"),
    ]);
    const problems = new Map(j.problems.map((p: { file: string; reason: string }) => [p.file, p.reason]));
    expect(problems.get(path.join("nabór", "projekt 2.ods"))).toMatch(/\.ods.*\.xlsx/);
    expect(problems.get(path.join("nabór", "projekt 3.xls"))).toMatch(/\.xls.*\.xlsx/);
  });
});

describe("an output that cannot be written", () => {
  test("the message names the output as typed and its folder, never the temporary file", () => {
    const err = (code: string): Error =>
      Object.assign(new Error(`${code}: x, open '/w/.out.xlsx.1.ab.tmp'`), { code });
    const denied = cannotWrite("out.xlsx", "/w/out.xlsx", err("EACCES")).message;
    expect(denied).toBe(
      "out.xlsx: nie można zapisać: brak uprawnień do zapisu w folderze /w — wybierz inny folder (-o) / " +
        "cannot write: no permission to write in the folder /w; choose another folder (-o)",
    );
    // Printed in one language (--lang), each line names the output.
    expect(cannotWrite("out.xlsx", "/w/out.xlsx", err("EACCES")).localized).toEqual({
      pl: "out.xlsx: nie można zapisać: brak uprawnień do zapisu w folderze /w — wybierz inny folder (-o)",
      en: "out.xlsx: cannot write: no permission to write in the folder /w; choose another folder (-o)",
    });
    expect(cannotWrite("out.xlsx", "/w/out.xlsx", err("EROFS")).message).toContain("tylko do odczytu");
    expect(cannotWrite("out.xlsx", "/w/out.xlsx", err("ENOSPC")).message).toContain("brak miejsca na dysku");
    for (const code of ["EACCES", "EROFS", "ENOSPC", "ENOENT"])
      expect(cannotWrite("out.xlsx", "/w/out.xlsx", err(code)).message).not.toContain(".tmp");
  });
});

test("summarize: one monitoring year is 'rok 2023' ('year 2023'), not 'lata 2023'", async () => {
  expect((await cli(["layout", "--year", "2023", "--sample", "-o", "m.xlsx"])).code).toBe(0);
  const pl = await cli(["summarize", "m.xlsx"]);
  expect(pl.out.split("\n")[0]).toBe("Podsumowanie monitoringu: rok 2023 (60 mierników)");
  const en = await cli(["summarize", "m.xlsx", "--lang", "en"]);
  expect(en.out.split("\n")[0]).toBe("Monitoring summary: year 2023 (60 indicators)");
});

test("validate given a register (CSV or a workbook with Uczestnicy) says which command reads it", async () => {
  put("r.csv", fs.readFileSync(path.join(FIX, "canonical.csv")));
  const csv = await cli(["validate", "r.csv"]);
  expect(csv.code).toBe(2);
  expect(csv.err).toBe(
    "miernik validate: r.csv: plik tekstowy (CSV), a validate sprawdza skoroszyty monitoringu .xlsx — rejestr uczestników sprawdza miernik check, plan projektu: miernik plan",
  );
  expect((await cli(["check", "r.csv", "--as-of", "2025-01-01", "-o", "r.xlsx"])).code).toBe(1);
  const reg = await cli(["validate", "r.xlsx", "--lang", "en"]);
  expect(reg.code).toBe(2);
  expect(reg.err).toMatch(
    /^miernik validate: r\.xlsx: .*; a participant register is checked by miernik check/,
  );
  expect(reg.err).not.toContain("Użycie");
});

test("miernik help <command> is that command's --help", async () => {
  const a = await cli(["help", "check", "--lang", "en"]);
  expect(a.code).toBe(0);
  expect(a.out).toBe((await cli(["check", "--help", "--lang", "en"])).out);
  expect(a.out).toContain("Options:");
});

test("check -o says what it wrote (as summarize -o); with --json stdout is the JSON alone", async () => {
  put("r.csv", fs.readFileSync(path.join(FIX, "canonical.csv")));
  const r = await cli(["check", "r.csv", "--as-of", "2025-01-01", "-o", "wynik 1.xlsx"]);
  expect(r.code).toBe(1);
  expect(r.out.split("\n").pop()).toBe("Zapisano wynik 1.xlsx");
  const j = await cli(["check", "r.csv", "--as-of", "2025-01-01", "-o", "wynik 2.xlsx", "--json"]);
  expect(JSON.parse(j.out).participants).toBe(5);
  expect(fs.existsSync(path.join(dir, "wynik 2.xlsx"))).toBe(true);
});

test("plan <workbook> refuses the options of writing a plan without -o/--register (--as-of, --force too), not ignoring them", async () => {
  put(
    "plan.xlsx",
    await writeXlsx({ sheets: [buildPlanSheetPlan(card, { values: {} })], names: planNames(card) }),
  );
  // (-o and --register write a new file with the workbook's plan numbers: test/cli/plan.test.ts.)
  for (const extra of [["--as-of", "2025-01-01"], ["--force"], ["--participants", "60"]]) {
    const r = await cli(["plan", "plan.xlsx", ...extra]);
    expect([extra[0], r.code]).toEqual([extra[0], 2]);
    expect(r.err).toContain("przy ocenie skoroszytu nie podaje się");
    expect(r.out).toBe("");
  }
});

describe("summarize over folders: what is not read is said", () => {
  test("subfolders and files of other types are named on stderr (a folder is not searched recursively without --recursive)", async () => {
    fs.mkdirSync(path.join(dir, "nabór", "2024"), { recursive: true });
    put("nabór/projekt.csv", csvBytes(participants(5, 1)));
    put("nabór/2024/stary.csv", csvBytes(participants(5, 2)));
    put("nabór/notatki.txt", "x");
    put("nabór/.ukryty", "x");
    const r = await cli(["summarize", "nabór", "--as-of", "2025-06-30", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).call.projects).toHaveLength(1);
    expect(r.err).toBe(
      "UWAGA nabór: pominięto 1 podfolder (2024) i 1 plik innego typu (notatki.txt) — czytane są pliki .xlsx, .xlsm, .csv i .tsv tego folderu, bez podfolderów (z podfolderami: --recursive)",
    );
  });

  test("a folder that cannot be listed is among the skipped files; the rest is summarised", async () => {
    fs.mkdirSync(path.join(dir, "zamknięty"));
    put("a.csv", csvBytes(participants(5, 1)));
    const real = nodeFs.readdirSync;
    const spy = jest.spyOn(nodeFs, "readdirSync").mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (String(p).endsWith("zamknięty"))
        throw Object.assign(new Error("EACCES: permission denied, scandir"), { code: "EACCES" });
      return (real as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    try {
      const r = await cli(["summarize", "zamknięty", "a.csv", "--as-of", "2025-06-30", "--json"]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.call.projects.map((p: { file: string }) => p.file)).toEqual(["a.csv"]);
      expect(j.problems).toEqual([
        { file: "zamknięty", reason: "nie można odczytać folderu: brak uprawnień" },
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("a mistyped command or option names the one most likely meant", () => {
  test.each([
    [
      ["chek", "a.csv"],
      /nieznane polecenie „chek” — czy chodziło o „check”\? \/ unknown command "chek" — did you mean "check"\?/,
    ],
    [["sumarize", "."], /czy chodziło o „summarize”\?/],
    [["valdiate", "a.xlsx"], /czy chodziło o „validate”\?/],
    [["check", "a.csv", "--as-off", "2024-01-01"], /nieznana opcja --as-off — czy chodziło o „--as-of”\?/],
    [["summarize", ".", "--max-aplications", "2"], /czy chodziło o „--max-applications”\?/],
    [["layout", "--yaer", "2023"], /czy chodziło o „--year”\?/],
  ])("%j", async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test.each([[["xyz"]], [["check", "a.csv", "--bogus"]], [["layout", "--year", "2023", "--colour"]]])(
    "no guess when nothing is close (%j)",
    async (args) => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/nieznan[ea] (polecenie|opcja)/);
      expect(r.err).not.toMatch(/czy chodziło|did you mean/);
    },
  );
});
