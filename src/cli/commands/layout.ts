import { PROGRAMME } from "../../domain/programme/programme";
import { buildMonitoringSheetPlan } from "../../workbook/monitoring/layout";
import { CellValue, WorkbookPlan } from "../../workbook/plan";
import { parseArgs } from "../args";
import { cannotWrite, prepareOutput, writeFileAtomic } from "../files";
import { CliCommand, CliError } from "../io";
import { forceOption, HELP_OPTION, LANG_OPTION, outputOption } from "../options";

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
  options: [
    {
      name: "--year <2021–2027>",
      pl: "rok tabeli monitoringu (wymagany)",
      en: "the year of the monitoring table (required)",
    },
    {
      name: "--sample",
      pl: `wpisz wartości z raportu za ${SAMPLE_YEAR} (tylko z --year ${SAMPLE_YEAR})`,
      en: `fill in the report's ${SAMPLE_YEAR} values (only with --year ${SAMPLE_YEAR})`,
    },
    outputOption(
      "plik.xlsx",
      "plik wynikowy .xlsx; domyślnie monitoring-RRRR.xlsx w bieżącym folderze",
      "the output .xlsx file; monitoring-YYYY.xlsx in the current folder by default",
    ),
    forceOption(false),
    {
      ...LANG_OPTION,
      pl: "język arkusza (tytuł, uwaga, nagłówki, podpowiedzi, stopka) i komunikatu: pl (domyślnie) albo en; brzmienie programu (nazwy mierników) zostaje polskie",
      en: "the language of the sheet (title, note, headers, input prompts, footer) and of the message: pl (the default) or en; the programme's own wording (the indicators' names) stays Polish",
    },
    HELP_OPTION,
  ],
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
      throw cannotWrite(out, target, e);
    }
    const sheetNames = plan.sheets.map((s) => `„${s.name}”`).join(", ");
    io.out(
      lang === "pl"
        ? `Zapisano ${out}: ${sheetNames}, ${indicatorCount()} mierników` +
            (sample ? `, wartości przykładowe z ${SAMPLE_YEAR}` : "")
        : `Written ${out}: ${sheetNames}, ${indicatorCount()} indicators` +
            (sample ? `, the ${SAMPLE_YEAR} sample values` : ""),
    );
    return 0;
  },
};
