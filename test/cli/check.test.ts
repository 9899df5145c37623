import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";
import { parseCsv } from "../../src/workbook/csv";
import { BUILTIN_CARDS, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { DEFAULT_PARAMETERS } from "../../src/domain/card/types";
import { COUNTING_CASES } from "../fixtures/register/countingCases";
import { csvBytes } from "../fixtures/summary/projects";

// Other commands are mocked so this test depends only on `check` and the dispatcher in main.ts.
jest.mock("../../src/cli/commands/layout", () => ({
  command: { name: "layout", summary: "", usage: "", run: async () => 0 },
}));
jest.mock("../../src/cli/commands/validate", () => ({
  command: { name: "validate", summary: "", usage: "", run: async () => 0 },
}));

function io(cwd: string): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { cwd, out: (t) => outText.push(t), err: (t) => errText.push(t), outText, errText };
}
const FIX = path.join(__dirname, "../fixtures/register");
const canonical = fs.readFileSync(path.join(FIX, "canonical.csv"), "utf8");
const header = canonical.split("\n")[0];

/** 50 long-term unemployed men aged 44, 10 leaving agriculture, all with an IPD, nobody ended yet. */
function passingCsv(): string {
  const line = (i: number): string =>
    [
      i,
      "Jan",
      `Nowak${i}`,
      "",
      "Tak",
      "Mężczyzna",
      "1980-01-01",
      "ponadgimnazjalne (ISCED 3)",
      "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy",
      "osoba długotrwale bezrobotna",
      "14",
      i <= 10 ? "Tak" : "Nie",
      "Nie",
      "2024-03-01",
      "",
      "",
      "",
      "Tak",
      "Nie",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "Nie",
    ].join(";");
  return [header, ...Array.from({ length: 50 }, (_v, i) => line(i + 1))].join("\n");
}

describe("miernik check", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-check-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("--json prints the issue's shape; a formal criterion not met → exit 1", async () => {
    fs.copyFileSync(path.join(FIX, "canonical.csv"), path.join(dir, "r.csv"));
    const o = io(dir);
    const code = await run(["check", "r.csv", "--as-of", "2025-01-01", "--json"], o);
    expect(code).toBe(1);
    const j = JSON.parse(o.outText.join(""));
    expect(Object.keys(j)).toEqual([
      "card",
      "asOf",
      "participants",
      "pending",
      "allRequiredMet",
      "premiumPoints",
      "parameters",
      "pendingByGroup",
      "criteria",
      "rowIssues",
      "columnMapping",
      "applicant",
    ]);
    expect(j).toMatchObject({
      applicant: null,
      card: "rpo-wl-9.1-2016",
      asOf: "2025-01-01",
      participants: 5,
      pending: 0,
      allRequiredMet: false,
      premiumPoints: 10,
    });
    const min = j.criteria.find((c: { id: string }) => c.id === "formal.minParticipants");
    expect(min).toEqual({
      id: "formal.minParticipants",
      kind: "formal",
      numerator: 5,
      denominator: null,
      share: null,
      threshold: 50,
      met: false,
      points: null,
      shortfall: 45,
      target: null,
    });
    const unemployed = j.criteria.find((c: { id: string }) => c.id === "formal.unemployed");
    expect(unemployed).toMatchObject({ numerator: 4, denominator: 5, share: 0.8, met: true });
  });

  test("--json carries the parameters used and the pending participants per group", async () => {
    // As of 2024-09-01: women 1 employed + 4 without a job (windows closed) → 1/5; 2 more ended 2024-08-20 are
    // pending. Shortfall: (1+k)/(5+k) ≥ 39 % → k = 2 (worked out in test/fixtures/register/countingCases.ts).
    const c = COUNTING_CASES["pending per group: windows open vs closed"]();
    fs.writeFileSync(path.join(dir, "p.csv"), csvBytes(c.participants));
    const o = io(dir);
    expect(await run(["check", "p.csv", "--as-of", "2024-09-01", "--json"], o)).toBe(1);
    const j = JSON.parse(o.outText.join(""));
    expect(j.parameters).toEqual({ ...DEFAULT_PARAMETERS, ...BUILTIN_CARDS[DEFAULT_CARD_ID].parameters });
    expect(j.parameters.duplicatesByNameAndBirthDate).toBe(true);
    expect(j.pendingByGroup).toEqual({
      age50plus: 0,
      women: 2,
      disabled: 0,
      longTermUnemployed: 0,
      lowQualified: 0,
      other: 0,
    });
    expect(j.pending).toBe(2);
    const women = j.criteria.find((x: { id: string }) => x.id === "effectiveness.women");
    expect(women).toMatchObject({ numerator: 1, denominator: 5, pending: 2, met: false, shortfall: 2 });
    const table = io(dir);
    await run(["check", "p.csv", "--as-of", "2024-09-01"], table);
    expect(table.outText.join("\n")).toMatch(
      /^2\.2\s+1\s+5\s+20,0%\s+39,0%\s+NIE\s+2\s+2 {2}Efektywność zatrudnieniowa: kobiety$/m,
    );
  });

  test("every formal and effectiveness criterion met or not applicable → exit 0, readable table", async () => {
    fs.writeFileSync(path.join(dir, "ok.csv"), passingCsv());
    const o = io(dir);
    expect(await run(["check", "ok.csv", "--as-of", "2024-12-31"], o)).toBe(0);
    const out = o.outText.join("\n");
    expect(out).toContain("Stan na 31.12.2024 · uczestników: 50");
    expect(out).toMatch(/^1b\s+10\s+50\s+20,0%\s+15,0%\s+TAK\s+0\s+w tym osoby odchodzące z rolnictwa/m);
    expect(out).toMatch(
      /^2\.2\s+0\s+0\s+—\s+39,0%\s+nie dotyczy\s+—\s+0 {2}Efektywność zatrudnieniowa: kobiety$/m,
    );
    // The card's codes and wording, not the internal ids; sections by kind; the code not repeated in the wording.
    expect(out).not.toMatch(/formal\.|effectiveness\.|premium\.|result\.A|product\.B/);
    expect(out).toMatch(/^A1\s.* {2}Liczba osób pracujących po opuszczeniu programu: bezrobotni$/m);
    expect(out.split("\n").filter((l) => /^(Kryteria|Wskaźniki) /.test(l))).toEqual([
      "Kryteria formalne",
      "Kryteria efektywności zatrudnieniowej",
      "Kryteria premiujące",
      "Wskaźniki rezultatu",
      "Wskaźniki produktu",
    ]);
    // C4 has no points in the card: its "—" is explained once.
    expect(out).toMatch(/^C4\s+\S+\s+\S+\s+\S+\s+50,0%\s+(TAK|NIE)\s+—/m);
    expect(out).toContain("Punkty „—”: karta naboru nie podaje punktów za to kryterium.");
    // Every interval of the 100% rules is met here: no note on their shortfall.
    expect(out).not.toContain("Brakuje przy progu 100%");
    const en = io(dir);
    await run(["check", "ok.csv", "--as-of", "2024-12-31", "--lang", "en"], en);
    expect(en.outText.join("\n")).toMatch(/^Code\s+Numerator.*Pending {2}Criterion$/m);
    expect(en.outText.join("\n")).toMatch(/^2\.2\s.* {2}Employment effectiveness: women$/m);
  });

  test("a 100% rule (IPD for everyone) short by 3: the participants without it, not 3 more people", async () => {
    const lines = passingCsv().split("\n");
    for (const i of [1, 2, 3]) {
      const f = lines[i].split(";");
      f[17] = "Nie"; // IPD
      lines[i] = f.join(";");
    }
    fs.writeFileSync(path.join(dir, "ipd.csv"), lines.join("\n"));
    const o = io(dir);
    expect(await run(["check", "ipd.csv", "--as-of", "2024-12-31"], o)).toBe(1);
    const out = o.outText.join("\n");
    expect(out).toMatch(/^3\s+47\s+50\s+94,0%\s+100,0%\s+NIE\s+3\s+Wszyscy uczestnicy objęci IPD$/m);
    expect(out).toContain("Brakuje przy progu 100%: uczestnicy, którzy nie spełniają warunku");
  });

  test("a row problem names the cell where the file has it: columns reordered, a title row above", async () => {
    const lines = canonical.trim().split("\n");
    // PESEL first, then the rest; a title line above the header moves every record one line down.
    const move = (l: string) => {
      const f = l.split(";");
      return [f[3], ...f.slice(0, 3), ...f.slice(4)].join(";");
    };
    const body = lines.map(move);
    body[1] = body[1].replace("80010112357", "80010112358");
    fs.writeFileSync(path.join(dir, "moved.csv"), ["Rejestr uczestników projektu", ...body].join("\n"));
    const o = io(dir);
    await run(["check", "moved.csv", "--as-of", "2025-01-01"], o);
    expect(o.outText.join("\n")).toMatch(/\n {2}wiersz 3 · A3 · PESEL · BŁĄD · pesel\.checksum: /);
  });

  test("reads Excel's 'Unicode text' (.txt, UTF-16 with TABs) and a .tsv as the same register", async () => {
    const tabbed = passingCsv().replace(/;/g, "\t").replace(/\n/g, "\r\n");
    fs.writeFileSync(
      path.join(dir, "Uczestnicy.txt"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, "utf16le")]),
    );
    fs.writeFileSync(path.join(dir, "Uczestnicy.tsv"), tabbed);
    for (const file of ["Uczestnicy.txt", "Uczestnicy.tsv"]) {
      const o = io(dir);
      expect(await run(["check", file, "--as-of", "2024-12-31", "--verbose"], o)).toBe(0);
      const out = o.outText.join("\n");
      expect(out).toContain("separator TAB");
      expect(out).toContain("Stan na 31.12.2024 · uczestników: 50");
    }
  });

  test("reads an .xlsx with the sheet Uczestnicy (dates as Excel dates)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notatki").addRow(["x"]);
    const ws = wb.addWorksheet("Uczestnicy");
    parseCsv(passingCsv()).forEach((r, i) =>
      ws.addRow(r.map((v, j) => (i > 0 && j === 13 ? new Date(Date.UTC(2024, 2, 1)) : v))),
    );
    await wb.xlsx.writeFile(path.join(dir, "r.xlsx"));
    const o = io(dir);
    expect(await run(["check", "r.xlsx", "--as-of", "2024-12-31", "--json"], o)).toBe(0);
    expect(JSON.parse(o.outText.join("")).participants).toBe(50);
  });

  test("a second card from a JSON file", async () => {
    fs.writeFileSync(path.join(dir, "ok.csv"), passingCsv());
    fs.copyFileSync(path.join(__dirname, "../fixtures/cards/other-call.json"), path.join(dir, "card.json"));
    const o = io(dir);
    await run(["check", "ok.csv", "--card", "card.json", "--as-of", "2024-12-31", "--json"], o);
    expect(JSON.parse(o.outText.join("")).card).toBe("test-other-call");
  });

  test.each([
    [["check", "missing.csv"], "nie można odczytać pliku"],
    [["check", "bad.csv"], "„PESEL”"],
    [["check", "ok.csv", "--card", "bad.json"], "criteria[0].threshold: expected a number 0–1"],
    [["check", "ok.csv", "--card", "nope"], "unknown card"],
    [["check", "ok.csv", "--as-of", "2024-13-01"], "--as-of"],
    [["check", "ok.csv", "--bogus"], "unknown option"],
  ])("unusable input or a bad card → exit 2 with a one-line reason (%j)", async (args, msg) => {
    fs.writeFileSync(path.join(dir, "ok.csv"), passingCsv());
    fs.writeFileSync(path.join(dir, "bad.csv"), "Imię;Nazwisko;Płeć\nJan;Nowak;Mężczyzna\n");
    const card = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../fixtures/cards/other-call.json"), "utf8"),
    );
    card.criteria[0].threshold = 60;
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(card));
    const o = io(dir);
    expect(await run(args, o)).toBe(2);
    expect(o.errText[0]).toContain(msg);
    expect(o.errText[0]).not.toMatch(/\n\s+at /);
    expect(o.outText).toEqual([]);
  });
});
