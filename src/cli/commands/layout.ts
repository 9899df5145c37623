import { PROGRAMME } from "../../domain/programme/programme";
import { buildMonitoringSheetPlan } from "../../workbook/monitoring/layout";
import { CellValue, WorkbookPlan } from "../../workbook/plan";
import { parseArgs } from "../args";
import { prepareOutput, writeFileAtomic } from "../files";
import { CliCommand, CliError, InputError } from "../io";

const USAGE = "miernik layout --year <2021–2027> [--sample] [-o plik.xlsx] [--force] [--lang pl|en]";

/** The seed's values are for 2023 only. */
const SAMPLE_YEAR = 2023;

function parseYear(raw: string | true | undefined): number {
  if (raw === undefined || raw === true)
    throw new CliError("brak --year / missing --year (np. / e.g. --year 2023)");
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < PROGRAMME.firstYear || year > PROGRAMME.lastYear)
    throw new CliError(
      `zły rok „${raw}”: program obejmuje lata ${PROGRAMME.firstYear}–${PROGRAMME.lastYear} / ` +
        `bad year "${raw}": the programme covers ${PROGRAMME.firstYear}–${PROGRAMME.lastYear}`,
    );
  return year;
}

function sampleValues(): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  for (const area of PROGRAMME.areas)
    for (const task of area.tasks)
      for (const action of task.actions)
        for (const ind of action.indicators) values.set(ind.id, ind.sample2023);
  return values;
}

function indicatorCount(): number {
  let n = 0;
  for (const area of PROGRAMME.areas)
    for (const task of area.tasks) for (const action of task.actions) n += action.indicators.length;
  return n;
}

export const command: CliCommand = {
  name: "layout",
  summary:
    "Tabela monitoringu programu na wybrany rok do pliku .xlsx (--sample: wartości za 2023 z raportu) / " +
    "the programme's monitoring table for a year as .xlsx (--sample: the report's 2023 values)",
  usage: USAGE,
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      values: ["year", "output", "lang"],
      flags: ["sample", "force"],
      aliases: { "-o": "--output" },
    });
    if (positional.length > 0)
      throw new CliError(`nieoczekiwany argument / unexpected argument "${positional[0]}"`);
    const year = parseYear(options.year);
    const lang = options.lang ?? "pl";
    if (lang !== "pl" && lang !== "en")
      throw new CliError(
        `zły --lang „${String(lang)}” (pl lub en) / bad --lang "${String(lang)}" (pl or en)`,
      );
    const sample = options.sample === true;
    if (sample && year !== SAMPLE_YEAR)
      throw new CliError(
        `--sample: przykładowe wartości są tylko za ${SAMPLE_YEAR} / sample values exist for ${SAMPLE_YEAR} only`,
      );
    const out = typeof options.output === "string" ? options.output : `monitoring-${year}.xlsx`;
    const target = prepareOutput(out, io.cwd, { force: options.force === true, inputs: [] });

    // --lang: the title, note, headers, prompts and footer (the programme's wording stays Polish).
    const built = buildMonitoringSheetPlan(PROGRAMME, year, {
      lang,
      ...(sample ? { values: sampleValues() } : {}),
    });
    const plan: WorkbookPlan = { sheets: [built], names: [] };
    const { writeXlsx } = require("../../hosts/xlsx/render") as typeof import("../../hosts/xlsx/render");
    const bytes = await writeXlsx(plan);
    try {
      writeFileAtomic(target, bytes);
    } catch (e) {
      const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
      throw new InputError(`${out}: nie można zapisać / cannot write: ${reason}`);
    }
    const sheetNames = plan.sheets.map((s) => `„${s.name}”`).join(", ");
    io.out(
      `Zapisano / written ${out}: ${sheetNames}, ${indicatorCount()} mierników / indicators` +
        (sample ? `, wartości przykładowe ${SAMPLE_YEAR} / sample values` : ""),
    );
    return 0;
  },
};
