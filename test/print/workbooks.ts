/**
 * The workbooks the print test (and `npm run print-screenshots`) renders, made the way a user makes them:
 * through the CLI (`layout --sample`, `summarize`, `check -o`), in Polish or English.
 */
import * as fs from "fs";
import * as path from "path";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { Participant } from "../../src/domain/card/types";
import { Lang } from "../../src/domain/i18n";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { CellValue } from "../../src/workbook/plan";
import { csvBytes, participants } from "../fixtures/summary/projects";

export const AS_OF = "2025-06-30";

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

export interface PrintWorkbooks {
  monitoring: string;
  summary: string;
  criteria: string;
  call: string;
  /** The 120 participants of the criteria workbook's register. */
  register: Participant[];
  /** The 12 projects' participants, in file order. */
  projects: Participant[][];
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
  const call = `call-${lang}.xlsx`;
  await cli(["summarize", path.basename(projectsDir), "--as-of", AS_OF, "-o", call, "--force", ...l], dir);
  const abs = (f: string) => path.join(dir, f);
  return {
    monitoring: abs(monitoringFile),
    summary: abs(summary),
    criteria: abs(criteria),
    call: abs(call),
    register,
    projects,
  };
}
