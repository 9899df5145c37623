/**
 * The workbooks the print test (and `npm run print-screenshots`) renders, made the way a user makes them:
 * through the CLI (`layout --sample`, `summarize`, `check -o`), in Polish or English.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { Participant } from "../../src/domain/card/types";
import { Lang } from "../../src/domain/i18n";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { CellValue } from "../../src/workbook/plan";
import { csvBytes, makePesel, participants } from "../fixtures/summary/projects";
import { isoToSerial } from "../../src/domain/dates";
import { REGISTER_COLUMNS, SEX } from "../../src/domain/register/columns";
import { columnLetters } from "../../src/workbook/address";
import { REGISTER_SHEET } from "../../src/workbook/register/layout";

export const AS_OF = "2025-06-30";
/** The projects of the large call summary (`manyCall`). */
export const MANY_PROJECTS = 50;
/** The people typed by hand below the register Miernik wrote (`typedIn`), and those it wrote. */
export const TYPED_IN = 40;
export const WRITTEN_BEFORE_TYPING = 5;
/** An applicant's name that wraps to several lines in the call summary's applicant column. */
export const LONG_APPLICANT =
  "Stowarzyszenie na rzecz Aktywizacji Zawodowej Mieszkańców Powiatu Świdnickiego";

function samples(scale: number): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions)
        for (const i of ac.indicators)
          m.set(i.id, i.unit === "percent" ? i.sample2023 : Math.round(i.sample2023 * scale));
  return m;
}

async function cli(args: string[], cwd: string): Promise<void> {
  const err: string[] = [];
  const io: CliIO = { cwd, out: () => undefined, err: (t) => err.push(t) };
  const code = await run(args, io);
  if (code !== 0 && !(args[0] === "check" && code === 1))
    throw new Error(`miernik ${args.join(" ")} → ${code}: ${err.join("\n")}`);
}

/**
 * A register of long values (rows in REGISTER_COLUMNS order, as typed in its CSV): every allowed value of every
 * dictionary column, the longest ones together in one row, long first names and double-barrelled surnames, an
 * education label longer than the suggested ones (any label carrying an ISCED level is accepted).
 */
export function longValueRows(): string[][] {
  const FIRST = ["Maria Magdalena", "Jan", "Aleksandra Katarzyna", "Krzysztof"];
  const LAST = ["Szczepańska-Grzegorzewska", "Nowak", "Kowalska-Wiśniewska", "Zieliński"];
  const LONG_EDUCATION = "średnie ogólnokształcące lub zawodowe (ISCED 3)";
  const longest = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length)[0];
  const SEX_VALUES = REGISTER_COLUMNS.find((c) => c.key === "sex")!.allowed!;
  const rows: string[][] = [];
  for (let i = 0; i < 13; i++) {
    const birth = `1970-0${(i % 9) + 1}-1${i % 10}`;
    // Every other person with a PESEL (Brak PESEL: Nie), the rest without one (Tak).
    const female = (i === 0 ? longest(SEX_VALUES) : SEX_VALUES[i % 2]) === SEX.female;
    const pesel = i % 2 === 1 ? makePesel(isoToSerial(birth)!, female ? "F" : "M", i) : "";
    rows.push(
      REGISTER_COLUMNS.map((c) => {
        const pick = (xs: readonly string[]) => (i === 0 ? longest(xs) : xs[i % xs.length]);
        switch (c.key) {
          case "lp":
            return String(i + 1);
          case "firstName":
            return FIRST[i % FIRST.length];
          case "lastName":
            return LAST[i % LAST.length];
          case "pesel":
            return pesel;
          case "noPesel":
            return pesel ? "Nie" : "Tak";
          case "birthDate":
            return birth;
          case "education":
            return i === 0 ? LONG_EDUCATION : pick(c.allowed!);
          case "startDate":
            return "2024-03-01";
          case "endDate":
            return i % 3 === 0 ? "" : "2024-06-30";
          default:
            return c.allowed ? pick(c.allowed) : "";
        }
      }),
    );
  }
  return rows;
}

export interface PrintWorkbooks {
  monitoring: string;
  summary: string;
  criteria: string;
  /** The criteria workbook of the long-value register (longValueRows). */
  longValues: string;
  call: string;
  /** `plan --participants 60`: the Plan projektu sheet with the card's minimums for 60. */
  plan: string;
  /** A call of 5 projects of one applicant with a long name (over the card's limit of 2): wrapped rows, a flag. */
  longCall: string;
  /** A call of MANY_PROJECTS projects with long file names: the chart data runs past a page. */
  manyCall: string;
  /**
   * The criteria workbook of a WRITTEN_BEFORE_TYPING-person register, then TYPED_IN more people typed into the
   * register sheet's spare rows by hand (surnames `Dopisana1`…), as a user adds them after Miernik wrote it.
   */
  typedIn: string;
  /** The 120 participants of the criteria workbook's register. */
  register: Participant[];
  /** The 12 projects' participants, in file order. */
  projects: Participant[][];
}

/**
 * TYPED_IN people typed into the register sheet's rows below its table (Lp., first name, surname, Brak PESEL,
 * start date), the rest of the package byte for byte as Miernik wrote it — what a user does between two
 * printouts. The cells are set in the sheet's XML: a load and save through ExcelJS would rewrite the print
 * area (`$A1:$P6`, which LibreOffice does not take for one) and hide what is being tested.
 */
async function typeIntoRegister(from: string, to: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const sheetTag = (wbXml.match(/<sheet\b[^>]*>/g) ?? []).find((t) => attr(t, "name") === REGISTER_SHEET)!;
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const relTag = (rels.match(/<Relationship\b[^>]*>/g) ?? []).find(
    (t) => attr(t, "Id") === attr(sheetTag, "r:id"),
  )!;
  const part = `xl/${attr(relTag, "Target")!.replace(/^\/?xl\//, "")}`;
  let xml = await zip.file(part)!.async("string");
  const letter = (key: string) => columnLetters(REGISTER_COLUMNS.findIndex((c) => c.key === key));
  const set = (ref: string, content: string) => {
    // The spare rows hold every printed column's cell, styled and empty (`<c r="B7" s="36"/>`).
    const empty = new RegExp(`<c r="${ref}"( s="\\d+")?/>`);
    if (!empty.test(xml)) throw new Error(`${part}: no empty cell ${ref} to type into`);
    xml = xml.replace(empty, (_m, style: string | undefined) => `<c r="${ref}"${style ?? ""}${content}</c>`);
  };
  const text = (t: string) => ` t="inlineStr"><is><t>${t}</t></is>`;
  for (let k = 0; k < TYPED_IN; k++) {
    const r = 2 + WRITTEN_BEFORE_TYPING + k;
    set(`${letter("lp")}${r}`, `><v>${WRITTEN_BEFORE_TYPING + k + 1}</v>`);
    set(`${letter("firstName")}${r}`, text("Anna"));
    set(`${letter("lastName")}${r}`, text(`Dopisana${k + 1}`));
    set(`${letter("noPesel")}${r}`, text("Tak"));
    set(`${letter("startDate")}${r}`, `><v>${isoToSerial("2024-03-01")}</v>`);
  }
  zip.file(part, xml);
  fs.writeFileSync(to, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Writes the workbooks into `dir` (names end in `-<lang>.xlsx`); `monitoring: false` skips the two monitoring ones. */
export async function makePrintWorkbooks(
  dir: string,
  lang: Lang,
  monitoring = true,
): Promise<PrintWorkbooks> {
  fs.mkdirSync(dir, { recursive: true });
  const l = ["--lang", lang];
  const monitoringFile = `monitoring-2023-${lang}.xlsx`;
  const summary = `summary-${lang}.xlsx`;
  if (monitoring) {
    await cli(["layout", "--year", "2023", "--sample", "-o", monitoringFile, "--force"], dir);
    // Three years of values (2021, 2022, 2023) in one workbook, summarised.
    const years = path.join(dir, `years-${lang}.xlsx`);
    const plans = [2021, 2022, 2023].map((y, k) =>
      buildMonitoringSheetPlan(PROGRAMME, y, { values: samples(1 + k / 2), lang }),
    );
    fs.writeFileSync(years, await writeXlsx({ sheets: plans, names: [] }));
    await cli(["summarize", path.basename(years), "-o", summary, "--force", ...l], dir);
  }
  // A 120-person register and its criteria workbook.
  const register = participants(120, 42, 7000); // with PESELs, as a real register
  fs.writeFileSync(path.join(dir, `register-${lang}.csv`), csvBytes(register, "Fundacja Przykładowa"));
  const criteria = `criteria-${lang}.xlsx`;
  await cli(["check", `register-${lang}.csv`, "--as-of", AS_OF, "-o", criteria, "--force", ...l], dir);
  // The register of long values (its CSV as a user's export: headers, semicolons).
  const longCsv = [REGISTER_COLUMNS.map((c) => c.header), ...longValueRows()]
    .map((r) => r.join(";"))
    .join("\n");
  fs.writeFileSync(path.join(dir, `long-values-${lang}.csv`), `${longCsv}\n`);
  const longValues = `long-values-${lang}.xlsx`;
  await cli(["check", `long-values-${lang}.csv`, "--as-of", AS_OF, "-o", longValues, "--force", ...l], dir);
  // A call of 12 projects.
  const projectsDir = path.join(dir, `call-${lang}`);
  fs.mkdirSync(projectsDir, { recursive: true });
  const projects: Participant[][] = [];
  for (let i = 0; i < 12; i++) {
    const ps = participants(40 + ((i * 17) % 60), 100 + i);
    projects.push(ps);
    fs.writeFileSync(
      path.join(projectsDir, `projekt-${String(i + 1).padStart(2, "0")}.csv`),
      csvBytes(ps, `Wnioskodawca ${(i % 7) + 1}`),
    );
  }
  // A file the summary leaves out (a truncated download): the list of files left out prints once.
  fs.writeFileSync(path.join(projectsDir, "uszkodzony.xlsx"), Buffer.from("PK\x03\x04 ucięty"));
  const call = `call-${lang}.xlsx`;
  await cli(["summarize", path.basename(projectsDir), "--as-of", AS_OF, "-o", call, "--force", ...l], dir);
  const plan = `plan-${lang}.xlsx`;
  await cli(["plan", "--participants", "60", "-o", plan, "--force", ...l], dir);
  const longDir = path.join(dir, `long-call-${lang}`);
  fs.mkdirSync(longDir, { recursive: true });
  for (let i = 0; i < 5; i++)
    fs.writeFileSync(
      path.join(longDir, `projekt-${i + 1}.csv`),
      csvBytes(participants(45, 300 + i), LONG_APPLICANT),
    );
  const longCall = `long-call-${lang}.xlsx`;
  await cli(["summarize", path.basename(longDir), "--as-of", AS_OF, "-o", longCall, "--force", ...l], dir);
  const manyDir = path.join(dir, `many-call-${lang}`);
  fs.mkdirSync(manyDir, { recursive: true });
  for (let i = 0; i < MANY_PROJECTS; i++)
    fs.writeFileSync(
      path.join(
        manyDir,
        `projekt-${String(i + 1).padStart(2, "0")}-aktywizacja-zawodowa-osób-bezrobotnych.csv`,
      ),
      csvBytes(participants(20 + (i % 5), 500 + i), `Wnioskodawca ${(i % 9) + 1}`),
    );
  const manyCall = `many-call-${lang}.xlsx`;
  await cli(["summarize", path.basename(manyDir), "--as-of", AS_OF, "-o", manyCall, "--force", ...l], dir);
  const few = `few-${lang}.xlsx`;
  fs.writeFileSync(
    path.join(dir, `few-${lang}.csv`),
    csvBytes(participants(WRITTEN_BEFORE_TYPING, 77, 9100), "Fundacja Przykładowa"),
  );
  await cli(["check", `few-${lang}.csv`, "--as-of", AS_OF, "-o", few, "--force", ...l], dir);
  const typedIn = `typed-in-${lang}.xlsx`;
  await typeIntoRegister(path.join(dir, few), path.join(dir, typedIn));
  const abs = (f: string) => path.join(dir, f);
  return {
    typedIn: abs(typedIn),
    monitoring: abs(monitoringFile),
    summary: abs(summary),
    criteria: abs(criteria),
    longValues: abs(longValues),
    call: abs(call),
    plan: abs(plan),
    longCall: abs(longCall),
    manyCall: abs(manyCall),
    register,
    projects,
  };
}
