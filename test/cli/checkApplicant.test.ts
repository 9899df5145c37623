/**
 * `miernik check -o`: the applicant the register names ("Wnioskodawca:" above the table, a cover sheet) or
 * `--applicant` goes onto the criteria sheet, where `miernik summarize` reads it; without one the cell is
 * empty (never the text of a neighbouring cell) and check says so.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { parseA1 } from "../../src/workbook/address";
import { criteriaCellMap } from "../../src/workbook/criteria/plan";
import { findApplicant } from "../../src/workbook/summary/inputs";
import { many } from "../fixtures/register/participants";
import { csvBytes, registerRows } from "../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

function io(cwd: string): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { cwd, out: (t) => outText.push(t), err: (t) => errText.push(t), outText, errText };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-check-applicant-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function applicantCell(file: string): Promise<unknown> {
  const wb = await readXlsx(fs.readFileSync(path.join(dir, file)));
  const crit = wb.sheets.find((s) => s.name === card.sheetName)!;
  const { row, col } = parseA1(criteriaCellMap(card).applicant);
  return crit.values[row - crit.top]?.[col - crit.left] ?? null;
}

async function summarizedApplicants(...files: string[]): Promise<(string | null)[]> {
  const o = io(dir);
  await run(["summarize", ...files, "--json", "--as-of", "2024-09-01"], o);
  const j = JSON.parse(o.outText.join(""));
  return j.call.projects.map((p: { applicant: string | null }) => p.applicant);
}

test("the 'Wnioskodawca:' line above a CSV register is in the -o workbook, and summarize shows it", async () => {
  fs.writeFileSync(path.join(dir, "r.csv"), csvBytes(many(6), "Fundacja Przykład sp. z o.o."));
  const o = io(dir);
  await run(["check", "r.csv", "-o", "out.xlsx", "--as-of", "2024-09-01"], o);
  expect(await applicantCell("out.xlsx")).toBe("Fundacja Przykład sp. z o.o.");
  expect(o.outText.join("\n")).toContain("Wnioskodawca: Fundacja Przykład sp. z o.o.");
  expect(o.errText.join("\n")).not.toMatch(/wnioskodawc/i);
  expect(await summarizedApplicants("out.xlsx")).toEqual(["Fundacja Przykład sp. z o.o."]);
  // The -o workbook checked again keeps it (its criteria sheet names it).
  const again = io(dir);
  await run(["check", "out.xlsx", "--json", "--as-of", "2024-09-01"], again);
  expect(JSON.parse(again.outText.join("")).applicant).toBe("Fundacja Przykład sp. z o.o.");
});

test("an .xlsx register with the applicant on a cover sheet: carried into the -o workbook", async () => {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("Metryczka");
  cover.addRow(["Nazwa beneficjenta:", "Gmina Wólka"]);
  cover.addRow(["Tytuł projektu:", "Aktywni"]);
  const reg = wb.addWorksheet("Uczestnicy");
  for (const r of registerRows(many(4))) reg.addRow(r);
  await wb.xlsx.writeFile(path.join(dir, "r.xlsx"));
  await run(["check", "r.xlsx", "-o", "out.xlsx", "--as-of", "2024-09-01"], io(dir));
  expect(await applicantCell("out.xlsx")).toBe("Gmina Wólka");
});

test("no applicant in the file: the cell is empty, summarize finds none (not a neighbouring cell), check says how to give one", async () => {
  fs.writeFileSync(path.join(dir, "r.csv"), csvBytes(many(6)));
  const o = io(dir);
  expect(await run(["check", "r.csv", "-o", "out.xlsx", "--as-of", "2024-09-01"], o)).toBe(1);
  expect(await applicantCell("out.xlsx")).toBeNull();
  const err = o.errText.join("\n");
  expect(err).toContain("r.csv: plik nie podaje wnioskodawcy");
  expect(err).toContain(`„${card.sheetName}”, ${criteriaCellMap(card).applicant}`);
  expect(err).toContain("--applicant");
  expect(await summarizedApplicants("out.xlsx")).toEqual([null]);
  // Saved by a spreadsheet, the verdict and as-of cells hold values: still no applicant read from them.
  const wb = await readXlsx(fs.readFileSync(path.join(dir, "out.xlsx")));
  const crit = wb.sheets[0];
  crit.values.forEach((row, r) =>
    row.forEach((_v, c) => {
      if (crit.formulas?.[r]?.[c]) row[c] = "Kryteria obowiązkowe: 8 z 12";
    }),
  );
  expect(crit.values.flat()).toContain("Kryteria obowiązkowe: 8 z 12");
  expect(findApplicant({ sheets: [crit] })).toBeNull();
  // Without -o nothing is written, so nothing is said.
  const plain = io(dir);
  await run(["check", "r.csv", "--as-of", "2024-09-01"], plain);
  expect(plain.errText.join("\n")).not.toMatch(/wnioskodawc/i);
});

test("--applicant gives the name (over the file's); in English the sheet says 'Applicant:', summarize reads it", async () => {
  fs.writeFileSync(path.join(dir, "r.csv"), csvBytes(many(6), "Stara nazwa"));
  const o = io(dir);
  await run(
    [
      "check",
      "r.csv",
      "-o",
      "en.xlsx",
      "--as-of",
      "2024-09-01",
      "--lang",
      "en",
      "--applicant",
      "  Gmina\tTestowa ",
    ],
    o,
  );
  expect(await applicantCell("en.xlsx")).toBe("Gmina Testowa");
  expect(o.outText.join("\n")).toContain("Applicant: Gmina Testowa");
  const wb = await readXlsx(fs.readFileSync(path.join(dir, "en.xlsx")));
  expect(wb.sheets[0].values[1][0]).toBe("Applicant:");
  expect(await summarizedApplicants("en.xlsx")).toEqual(["Gmina Testowa"]);
  // An empty name is a usage error, nothing written.
  const bad = io(dir);
  expect(await run(["check", "r.csv", "-o", "x.xlsx", "--applicant", " "], bad)).toBe(2);
  expect(bad.errText.join("\n")).toContain("--applicant: podaj nazwę wnioskodawcy");
  expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
});

test("plan --register carries the register's applicant into the criteria sheet too", async () => {
  fs.writeFileSync(path.join(dir, "r.csv"), csvBytes(many(6), "Stowarzyszenie Razem"));
  await run(["plan", "--register", "r.csv", "-o", "plan.xlsx", "--as-of", "2024-09-01"], io(dir));
  expect(await applicantCell("plan.xlsx")).toBe("Stowarzyszenie Razem");
});

test("'Wnioskodawca: Gmina X' in one (merged title) cell is the applicant too; a sentence is not", () => {
  const sheet = (rows: (string | null)[][]) => ({
    sheets: [{ name: "Arkusz1", top: 0, left: 0, values: rows }],
  });
  expect(findApplicant(sheet([["Wykaz uczestników"], ["Wnioskodawca:  Gmina Wólka Duża "]]))).toBe(
    "Gmina Wólka Duża",
  );
  expect(findApplicant(sheet([["NAZWA BENEFICJENTA: Fundacja „Razem”"]]))).toBe("Fundacja „Razem”");
  expect(findApplicant(sheet([["Wnioskodawca zobowiązany jest: prowadzić rejestr"], [null]]))).toBeNull();
  expect(findApplicant(sheet([["Uwagi: Wnioskodawca"]]))).toBeNull();
});

test("a register with no participant rows says so (not only 'nie dotyczy' everywhere)", async () => {
  fs.writeFileSync(path.join(dir, "r.csv"), csvBytes([]));
  const o = io(dir);
  expect(await run(["check", "r.csv", "--as-of", "2024-09-01"], o)).toBe(1);
  expect(o.outText.join("\n")).toContain(
    "Brak uczestników: pod wierszem nagłówków pliku „r.csv” nie ma żadnego wiersza z danymi",
  );
  fs.writeFileSync(path.join(dir, "one.csv"), csvBytes(many(1)));
  const one = io(dir);
  await run(["check", "one.csv", "--as-of", "2024-09-01"], one);
  expect(one.outText.join("\n")).not.toContain("Brak uczestników");
});

test("an empty 'Wnioskodawca:' right above the header row: no applicant (not the header's 'Lp.')", async () => {
  const rows = registerRows(many(3));
  const csv = [
    "Wnioskodawca:;",
    ...rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(";")),
  ].join("\n");
  fs.writeFileSync(path.join(dir, "r.csv"), csv);
  const o = io(dir);
  await run(["check", "r.csv", "--json", "--as-of", "2024-09-01"], o);
  expect(JSON.parse(o.outText.join("")).applicant).toBeNull();
  // The name typed below the label (its own row) is still read.
  fs.writeFileSync(
    path.join(dir, "b.csv"),
    ["Wnioskodawca:", "Gmina Pod", "", ...csv.split("\n").slice(1)].join("\n"),
  );
  const b = io(dir);
  await run(["check", "b.csv", "--json", "--as-of", "2024-09-01"], b);
  expect(JSON.parse(b.outText.join("")).applicant).toBe("Gmina Pod");
});
