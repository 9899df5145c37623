import * as path from "path";
import { countOf, Lang, NOUNS } from "../../domain/i18n";
import { formatNumber } from "../../domain/numbers";
import { PROGRAMME } from "../../domain/programme/programme";
import {
  DEFAULT_MAX_COUNT,
  DEFAULT_YOY_FACTOR,
  Finding,
  DEFAULT_YOY_MIN_CHANGE,
} from "../../domain/validation";
import { WorkbookCells } from "../../workbook/cells";
import { PLAN_SHEET } from "../../workbook/projectPlan/sheet";
import { REGISTER_SHEET } from "../../workbook/register/layout";
import { countsText, foldEmptyFindings, plural, validateWorkbookCells } from "../../workbook/validation";
import { parseArgs } from "../args";
import { ignoredWarning, readWorkbookFile } from "../inputFiles";
import { CliCommand, CliError, InputError } from "../io";
import { HELP_OPTION, JSON_OPTION, LANG_OPTION } from "../options";
import { isDelimitedTextName } from "../../workbook/csv";

const USAGE =
  "miernik validate <plik.xlsx> [--year RRRR] [--json] [--lang pl|en] [--yoy-factor 3] [--yoy-min-change 10] [--max-count 1000000]";

/** The --json shape: one object per finding, message in the chosen language. */
export interface JsonFinding {
  rule: string;
  severity: "error" | "warning";
  sheet: string;
  cell: string | null;
  indicatorId: string | null;
  value: string | number | boolean | null;
  message: string;
  fix: { value: number; description: string } | null;
}

export function toJson(f: Finding, lang: Lang): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    indicatorId: f.indicatorId,
    value: f.value,
    message: f.message[lang],
    fix: f.fix ? { value: f.fix.value, description: f.fix.description[lang] } : null,
  };
}

function parseYear(raw: string | true | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (
    raw === true ||
    !/^\d{4}$/.test(raw) ||
    Number(raw) < PROGRAMME.firstYear ||
    Number(raw) > PROGRAMME.lastYear
  )
    throw new CliError(
      `zły rok „${String(raw)}”: program obejmuje lata ${PROGRAMME.firstYear}–${PROGRAMME.lastYear} / ` +
        `bad year "${String(raw)}": the programme covers ${PROGRAMME.firstYear}–${PROGRAMME.lastYear}`,
    );
  return Number(raw);
}

/** A number option (`--yoy-factor 2,5` too): its default when absent, a usage error naming the rule when bad. */
function parseNumber(
  raw: string | true | undefined,
  option: string,
  fallback: number,
  ok: (v: number) => boolean,
  rule: { pl: string; en: string },
): number {
  if (raw === undefined) return fallback;
  // `2,5` and `1 000 000` as people write them (a thousands space, a decimal comma).
  const v = typeof raw === "string" ? Number(raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".")) : NaN;
  if (!(Number.isFinite(v) && ok(v)))
    throw new CliError(
      `zły ${option} „${String(raw)}”: ${rule.pl} / bad ${option} "${String(raw)}": ${rule.en}`,
    );
  return v;
}

export const command: CliCommand = {
  name: "validate",
  summary:
    "Sprawdza wartości mierników w arkuszach monitoringu pliku .xlsx (kod 0: bez błędów, 1: błędy, 2: nieczytelny plik) / " +
    "checks the indicator values in a workbook's monitoring sheets (exit 0: no errors, 1: errors, 2: unreadable input)",
  usage: USAGE,
  options: [
    {
      name: "--year <RRRR>",
      pl: "sprawdź tylko arkusz „Monitoring RRRR” (i porównaj go z rokiem poprzednim); domyślnie każdy arkusz",
      en: "check only the “Monitoring YYYY” sheet (compared with the year before); every sheet by default",
    },
    {
      name: `--yoy-factor <${DEFAULT_YOY_FACTOR}>`,
      pl: `ostrzeż, gdy wartość zmieniła się więcej niż tyle razy rok do roku (liczba > 1; domyślnie ${DEFAULT_YOY_FACTOR}), jeśli zmiana wynosi co najmniej --yoy-min-change`,
      en: `warn when a value changed more than this many times year over year (a number > 1; ${DEFAULT_YOY_FACTOR} by default), if the change is at least --yoy-min-change`,
    },
    {
      name: `--yoy-min-change <${DEFAULT_YOY_MIN_CHANGE}>`,
      pl: `najmniejsza zgłaszana zmiana rok do roku: dla liczby osób, projektów… (domyślnie ${DEFAULT_YOY_MIN_CHANGE}), dla odsetka w punktach procentowych; 0: każda zmiana ponad --yoy-factor`,
      en: `the smallest year-over-year change reported: for counts of persons, projects… (${DEFAULT_YOY_MIN_CHANGE} by default), for a percentage in percentage points; 0: every change past --yoy-factor`,
    },
    {
      name: `--max-count <${DEFAULT_MAX_COUNT}>`,
      pl: `ostrzeż przy liczbie większej niż ta (domyślnie ${formatNumber(DEFAULT_MAX_COUNT, "pl")}: więcej, niż może liczyć roczne sprawozdanie programu — zwykle inny numer wpisany w komórkę)`,
      en: `warn of a count above this (${formatNumber(DEFAULT_MAX_COUNT, "en")} by default: more than any yearly figure of the programme — usually another number typed into the cell)`,
    },
    JSON_OPTION,
    LANG_OPTION,
    HELP_OPTION,
  ],
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      values: ["year", "lang", "yoy-factor", "yoy-min-change", "max-count"],
      flags: ["json"],
    });
    if (positional.length === 0) throw new CliError("brak pliku .xlsx / missing the .xlsx file");
    if (positional.length > 1)
      throw new CliError(`nieoczekiwany argument / unexpected argument "${positional[1]}"`);
    const year = parseYear(options.year);
    const lang = options.lang ?? "pl";
    if (lang !== "pl" && lang !== "en")
      throw new CliError(
        `zły --lang „${String(lang)}” (pl lub en) / bad --lang "${String(lang)}" (pl or en)`,
      );
    const yoyFactor = parseNumber(options["yoy-factor"], "--yoy-factor", DEFAULT_YOY_FACTOR, (v) => v > 1, {
      pl: "podaj liczbę większą od 1",
      en: "give a number > 1",
    });
    const yoyMinChange = parseNumber(
      options["yoy-min-change"],
      "--yoy-min-change",
      DEFAULT_YOY_MIN_CHANGE,
      (v) => v >= 0,
      { pl: "podaj liczbę ≥ 0", en: "give a number ≥ 0" },
    );
    const maxCount = parseNumber(options["max-count"], "--max-count", DEFAULT_MAX_COUNT, (v) => v >= 0, {
      pl: "podaj liczbę ≥ 0",
      en: "give a number ≥ 0",
    });

    const file = positional[0];
    const full = path.resolve(io.cwd, file);
    // Which command reads what, for the files people give validate by mistake.
    const other =
      lang === "pl"
        ? " — rejestr uczestników sprawdza miernik check, plan projektu: miernik plan"
        : "; a participant register is checked by miernik check, a project plan by miernik plan";
    if (isDelimitedTextName(file))
      throw new InputError(
        lang === "pl"
          ? `${file}: plik tekstowy (CSV), a validate sprawdza skoroszyty monitoringu .xlsx${other}`
          : `${file}: a text (CSV) file, and validate checks .xlsx monitoring workbooks${other}`,
      );
    const wb: WorkbookCells = await readWorkbookFile(full, file, lang);
    for (const s of wb.sheets) {
      const w = ignoredWarning(file, s, lang);
      if (w) io.err(w);
    }

    const result = validateWorkbookCells(wb, PROGRAMME, { year, yoyFactor, yoyMinChange, maxCount });
    if (result.unreadable) {
      // Monitoring sheets there, but none for --year: the file of another year, or the year mistyped.
      const years =
        year === undefined
          ? []
          : [...new Set(validateWorkbookCells(wb, PROGRAMME).sheets.map((s) => s.year))].filter(
              (y): y is number => y !== null,
            );
      const otherYear =
        years.length === 0
          ? ""
          : lang === "pl"
            ? `; sprawdź rok: ${years.map((y) => `--year ${y}`).join(" albo ")} (albo bez --year: każdy arkusz), a tabelę za rok ${year} utwórz poleceniem miernik layout --year ${year}`
            : `; check the year: ${years.map((y) => `--year ${y}`).join(" or ")} (or no --year: every sheet), and lay out the table for ${year} with miernik layout --year ${year}`;
      throw new InputError(
        `${file}: ${lang === "pl" ? result.unreadable.pl : result.unreadable.en}${otherYear}` +
          (wb.sheets.some((s) => s.name === REGISTER_SHEET || s.name === PLAN_SHEET) ? other : ""),
      );
    }

    const findings = result.findings;
    const errors = findings.filter((f) => f.severity === "error").length;
    if (options.json === true) {
      io.out(
        JSON.stringify(
          findings.map((f) => toJson(f, lang)),
          null,
          2,
        ),
      );
    } else {
      const L = lang === "pl";
      // Empty values folded into one line per area, as the pane shows them (--json keeps every finding).
      for (const line of foldEmptyFindings(findings, PROGRAMME)) {
        const f = line.kind === "finding" ? line.finding : line.fold.findings[0];
        const tag = f.severity === "error" ? (L ? "BŁĄD" : "ERROR") : L ? "UWAGA" : "WARNING";
        // The message already names the fix, when there is one.
        io.out(`${tag} [${f.rule}] ${line.kind === "finding" ? f.message[lang] : line.fold.message[lang]}`);
      }
      for (const s of result.sheets) {
        const mine = findings.filter((f) => f.sheet === s.sheet);
        const e = mine.filter((f) => f.severity === "error").length;
        const empties = mine.filter((f) => f.rule === "empty" && f.severity === "warning").length;
        const counts =
          countsText(e, mine.length - e - empties)[lang] +
          (empties > 0 ? `, ${countOf(empties, NOUNS.emptyValue, lang)}` : "");
        const prev = s.previous
          ? L
            ? `, porównano z „${s.previous}”`
            : `, compared with "${s.previous}"`
          : "";
        io.out(
          L
            ? `„${s.sheet}”: ${plural(s.indicators, "miernik", "mierniki", "mierników")}; ${counts}${prev}`
            : `"${s.sheet}": ${s.indicators} indicators; ${counts}${prev}`,
        );
      }
    }
    return errors > 0 ? 1 : 0;
  },
};
