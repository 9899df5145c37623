/**
 * `miernik plan`: the application-stage planner.
 * - Without a workbook: writes the `Plan projektu` sheet of the card (empty, or with `--participants N` the
 *   card's minimums for N pre-filled) to `-o` (default plan-projektu.xlsx); refuses an existing file
 *   without `--force`.
 * - `--register <register.xlsx|.csv>`: the same workbook `miernik check -o` writes (register, Słowniki,
 *   criteria sheet) plus the plan sheet with the actual figures beside the planned ones.
 * - With a workbook and `-o` or `--register`: the same new workbook, with the numbers typed in that workbook's
 *   plan sheet instead of N's minimums (a plan sheet rebuilt after its formulas were damaged, or a filled plan
 *   set beside the register's actual figures); the input is never written.
 * - With a workbook alone: reads its `Plan projektu` sheet and evaluates the typed numbers (`evaluatePlan`): the
 *   criteria, premium points, minimums and every bad cell with its fix. Exit 0: consistent and every formal
 *   and effectiveness criterion met; 1: not, or values pasted over the sheet's formula cells or formulas
 *   showing an error (named, as the workbook then shows figures that need not follow the plan); 2: unreadable
 *   input. It never writes onto the input.
 */
import * as path from "path";
import type { Card } from "../../domain/card/types";
import { countOf, formatCount, Lang, NOUNS } from "../../domain/i18n";
import { formatPercent, verdictRounded } from "../../domain/numbers";
import { evaluatePlan, minimumPlan, PlanEvaluation, PlanInput } from "../../domain/plan/evaluate";
import { planFields } from "../../domain/plan/fields";
import { percentCellNote } from "../../domain/plan/notes";
import { writeXlsx } from "../../hosts/xlsx/render";
import { metWords } from "../../workbook/criteria/plan";
import { buildCheckWorkbookPlan } from "../../workbook/criteria/workbook";
import { criteriaSheetName } from "../../workbook/criteria/plan";
import { REGISTER_SHEET } from "../../workbook/register/layout";
import type { SheetCells } from "../../workbook/cells";
import type { WorkbookPlan } from "../../workbook/plan";
import { readRegisterSheet, RegisterReadError } from "../../workbook/register/reader";
import { registerTableRows } from "../../workbook/register/rows";
import {
  errorFormulaCells,
  findPlanSheet,
  locateFindings,
  overwrittenFormulaCells,
  LocatedPlanFinding,
  percentCells,
  PlanSheetRead,
  readPlanSheet,
} from "../../workbook/projectPlan/reader";
import { buildPlanSheetPlan, PLAN_SHEET, planNames } from "../../workbook/projectPlan/sheet";
import { parseArgs } from "../args";
import { loadCard, parseAsOf } from "../cardOptions";
import { applicantOf, readRegisterInput } from "./check";
import { cannotWrite, prepareOutput, writeFileAtomic } from "../files";
import { readWorkbookFile } from "../inputFiles";
import { CliCommand, CliError, CliIO, InputError } from "../io";
import {
  AS_OF_OPTION,
  CARD_OPTION,
  forceOption,
  HELP_OPTION,
  JSON_OPTION,
  LANG_OPTION,
  outputOption,
} from "../options";

const USAGE =
  "miernik plan [<skoroszyt.xlsx>] [--card rpo-wl-9.1-2016|karta.json] [--participants N] [--register rejestr.xlsx|.csv [--as-of RRRR-MM-DD]] [-o plan.xlsx] [--json] [--lang pl|en] [--force]";
const DEFAULT_OUT = "plan-projektu.xlsx";

/** A file name as it can be pasted into the command line of a message. */
function shellArg(file: string): string {
  return /^[\w./\\:-]+$/.test(file) ? file : `"${file.replace(/"/g, '\\"')}"`;
}

function parseParticipants(raw: string | true | undefined): number | null {
  if (raw === undefined) return null;
  // `1 200` as people write it (a thousands space, NBSP included).
  const digits = raw === true ? "" : raw.replace(/[\s\u00a0\u202f]/g, "");
  const n = Number(digits);
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(n))
    throw new CliError(
      `--participants: zła liczba „${String(raw)}”, podaj liczbę całkowitą ≥ 0 / bad number, give a whole number ≥ 0`,
    );
  return n;
}

/** The --json shape; labels, minimums and findings in the --lang language (as every command's --json). */
function planJson(
  card: Card,
  e: PlanEvaluation,
  findings: LocatedPlanFinding[],
  lang: Lang,
  file?: string,
  sheet: string = PLAN_SHEET,
): unknown {
  return {
    card: card.id,
    ...(file ? { file } : {}),
    sheet,
    participants: e.participants,
    allRequiredMet: e.allRequiredMet,
    premiumPoints: e.premiumPoints,
    premiumPossible: e.premiumPossible,
    values: e.values,
    criteria: e.criteria.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label[lang],
      numerator: c.numerator,
      denominator: c.denominator,
      share: c.share,
      threshold: c.threshold,
      met: c.met,
      points: c.points,
      shortfall: c.shortfall,
      minimum: c.minimum,
      ...(c.target !== undefined ? { target: c.target, reached: c.reached ?? null } : {}),
    })),
    minimums: e.minimums.map((m) => m[lang]),
    findings: findings.map((f) => ({
      cell: f.cell,
      field: f.key,
      rule: f.rule,
      message: f.message[lang],
      fix: f.fix[lang],
    })),
  };
}

/** The first 12 cells of a list, then "…". */
function firstCells(cells: readonly string[]): string {
  return (cells.length > 12 ? [...cells.slice(0, 12), "…"] : cells).join(", ");
}

/** The evaluation of a plan for people, in the --lang language (numbers 1 875 / 1,875, 80% / 80,4%). */
function report(
  io: CliIO,
  e: PlanEvaluation,
  findings: LocatedPlanFinding[],
  lang: Lang,
  file: string,
  overwritten: readonly string[] = [],
  broken: readonly string[] = [],
): void {
  const pl = lang === "pl";
  const n = (v: number): string => formatCount(v, lang);
  /** With the decimals a share needs to read on its verdict's side of the threshold (59,97%, not 60%). */
  const pct = (v: number | null, threshold: number | null = null) =>
    v === null ? "—" : formatPercent(verdictRounded(v, threshold), lang);
  const MET = metWords(lang);
  const lines: string[] = [];
  for (const c of e.criteria) {
    if (c.kind === "product") {
      const target =
        c.target !== undefined
          ? ` (${pl ? "cel naboru" : "call target"} ${n(c.target)}, ${pct(c.reached ?? null)})`
          : "";
      lines.push(`  ${c.label[lang]}: ${n(c.numerator)}${target}`);
      continue;
    }
    const verdict = c.met === null ? MET.na : c.met ? MET.yes : MET.no;
    const value =
      c.denominator === null
        ? n(c.numerator)
        : `${n(c.numerator)}/${n(c.denominator)} = ${pct(c.share, c.threshold)}`;
    const short = c.shortfall ? `, ${pl ? "brakuje" : "short by"} ${n(c.shortfall)}` : "";
    lines.push(`  [${verdict}] ${c.label[lang]}: ${value}${short}`);
  }
  io.out(lines.join("\n"));
  io.out(
    pl
      ? `Punkty premiujące: ${e.premiumPoints} z ${e.premiumPossible}`
      : `Premium points: ${e.premiumPoints} of ${e.premiumPossible}`,
  );
  io.out(`${pl ? "Minima" : "Minimums"}:\n${e.minimums.map((m) => `  ${m[lang]}`).join("\n")}`);
  if (findings.length > 0)
    io.out(
      `${pl ? "Uwagi do planu" : "Plan problems"} (${n(findings.length)}):\n` +
        findings.map((f) => `  ${f.cell}: ${f.message[lang]} — ${f.fix[lang]}`).join("\n"),
    );
  if (overwritten.length > 0) {
    io.out(
      lang === "pl"
        ? `Wartość zamiast formuły: ${countOf(overwritten.length, NOUNS.cell, "pl")} (${firstCells(overwritten)}). ` +
            "Arkusz ich nie przelicza, więc może pokazywać co innego niż ta ocena (wyliczona z liczb w kolumnie C). " +
            `Skopiuj formuły z sąsiedniego wiersza albo zapisz arkusz od nowa z liczbami z kolumny C: miernik plan ${shellArg(file)} -o nowy-plan.xlsx`
        : `A value instead of a formula: ${countOf(overwritten.length, NOUNS.cell, "en")} (${firstCells(overwritten)}). ` +
            "The sheet does not recalculate them, so it may show something else than this evaluation (made from the numbers in column C). " +
            `Copy the formulas from a neighbouring row or write the sheet anew with the numbers of column C: miernik plan ${shellArg(file)} -o new-plan.xlsx`,
    );
  }
  if (broken.length > 0) {
    io.out(
      pl
        ? `Formuła z błędem (#ADR!, #NAZWA? …): ${countOf(broken.length, NOUNS.cell, "pl")} (${firstCells(broken)}). ` +
            `Zwykle po usunięciu wiersza pozycji planu: zapisz arkusz od nowa z liczbami z kolumny C (miernik plan ${shellArg(file)} -o nowy-plan.xlsx); ` +
            "pozycję bez uczestników zostaw pustą zamiast usuwać wiersz."
        : `A formula with an error (#REF!, #NAME? …): ${countOf(broken.length, NOUNS.cell, "en")} (${firstCells(broken)}). ` +
            `Usually after a plan item's row was deleted: write the sheet anew with the numbers of column C (miernik plan ${shellArg(file)} -o new-plan.xlsx); ` +
            "leave an item without participants empty instead of deleting its row.",
    );
  }
  io.out(
    e.allRequiredMet && (overwritten.length > 0 || broken.length > 0)
      ? pl
        ? "Liczby planu spełniają kryteria formalne i efektywności, ale arkusz trzeba naprawić (komórki wyżej)"
        : "The plan's numbers meet the formal and effectiveness criteria, but the sheet needs repair (the cells above)"
      : e.allRequiredMet
        ? pl
          ? "Plan spójny i spełnia kryteria formalne oraz efektywności"
          : "The plan is consistent and meets the formal and effectiveness criteria"
        : pl
          ? "Plan NIE spełnia wszystkich wymagań"
          : "The plan does NOT meet every requirement",
  );
}

/** The plan sheet of a workbook and what is typed in it; exit 2 (InputError / CliError) when it has none. */
async function readPlanWorkbook(
  file: string,
  card: Card,
  io: CliIO,
  lang: Lang,
): Promise<{ sheet: SheetCells; read: PlanSheetRead }> {
  // The bounded reader every command uses: regular files only, .ods/.xls named, size and zip limits.
  const { sheets } = await readWorkbookFile(path.resolve(io.cwd, file), file, lang);
  const sheet = findPlanSheet(sheets, card, PLAN_SHEET);
  if (!sheet)
    throw new InputError(
      `${file}: brak arkusza „${PLAN_SHEET}” (ani arkusza z kodami pozycji planu w kolumnie A) — utwórz go poleceniem miernik plan -o ${file.replace(/\.xlsx$/i, "")}-plan.xlsx / no sheet "${PLAN_SHEET}"`,
    );
  const read = readPlanSheet(sheet, card);
  if (read.missing.length === planNames(card).length)
    throw new CliError(
      `${file}: arkusz „${PLAN_SHEET}” nie ma pozycji karty ${card.id} (kody w kolumnie A); czy to plan innej karty? Użyj --card / the sheet has none of the card's plan items; use --card`,
    );
  return { sheet, read };
}

async function evaluateWorkbook(
  file: string,
  card: Card,
  json: boolean,
  io: CliIO,
  lang: Lang,
): Promise<number> {
  const { sheet, read } = await readPlanWorkbook(file, card, io, lang);
  const e = evaluatePlan(card, read.values as PlanInput);
  const findings = locateFindings(e.findings, read, sheet.name);
  const overwritten = overwrittenFormulaCells(sheet, card).map((a) => `${sheet.name}!${a}`);
  const broken = errorFormulaCells(sheet, card).map((a) => `${sheet.name}!${a}`);
  const labels = new Map(planFields(card).map((f) => [f.key, f.label[lang]]));
  const percent = percentCells(sheet, read).map((p) => ({
    cell: `${sheet.name}!${p.cell}`,
    field: p.key,
    value: p.value,
  }));
  const missing = read.missing.map((field) => ({ field, label: labels.get(field) ?? field }));
  if (json)
    io.out(
      JSON.stringify(
        {
          ...(planJson(card, e, findings, lang, file, sheet.name) as object),
          missing,
          percent,
          overwritten,
          broken,
        },
        null,
        2,
      ),
    );
  else {
    if (sheet.name !== PLAN_SHEET)
      io.out(
        lang === "pl"
          ? `Plan z arkusza „${sheet.name}” (kody pozycji planu w kolumnie A; brak arkusza „${PLAN_SHEET}”)`
          : `The plan from sheet “${sheet.name}” (plan item codes in column A; no sheet “${PLAN_SHEET}”)`,
      );
    if (read.missing.length > 0) {
      const items = missing.map((m) => `„${m.label}” (${m.field})`).join(", ");
      io.out(
        lang === "pl"
          ? `Uwaga: w arkuszu „${sheet.name}” brak pozycji planu (ich kodów w kolumnie A), liczonych jako 0: ${items}. ` +
              "Jeśli usunięto ich wiersze, formuły arkusza, które ich używały, pokazują #ADR! (#REF!): utwórz arkusz od nowa " +
              `z liczbami z kolumny C (miernik plan ${shellArg(file)} -o nowy-plan.xlsx); pozycję bez uczestników zostaw pustą zamiast usuwać wiersz.`
          : `Note: sheet “${sheet.name}” lacks plan items (their codes in column A), counted as 0: ${items.replace(/„([^”]*)”/g, "“$1”")}. ` +
              "If their rows were deleted, the sheet's formulas that used them show #REF!: write a new sheet " +
              `with the numbers of column C (miernik plan ${shellArg(file)} -o new-plan.xlsx); leave an item without participants empty instead of deleting its row.`,
      );
    }
    for (const p of percent) {
      const label = planFields(card).find((f) => f.key === p.field)?.label ?? { pl: p.field, en: p.field };
      io.out(percentCellNote({ cell: p.cell, label, value: p.value }, e.participants, card.parameters)[lang]);
    }
    report(io, e, findings, lang, file, overwritten, broken);
  }
  // A sheet whose formulas were pasted over shows figures that need not follow its plan: not a plan to hand in.
  return e.allRequiredMet && overwritten.length === 0 && broken.length === 0 ? 0 : 1;
}

export const command: CliCommand = {
  name: "plan",
  summary:
    "Plan projektu na etapie wniosku: arkusz „Plan projektu” do pliku .xlsx (--participants N: minima karty) albo ocena wypełnionego planu / " +
    "the application-stage plan: write the plan sheet (--participants N: the card's minimums) or evaluate a filled one",
  usage: USAGE,
  options: [
    {
      name: "<skoroszyt.xlsx>",
      pl: "oceń wypełniony arkusz „Plan projektu” tego skoroszytu (plik nie jest zmieniany); z -o lub --register: zapisz nowy plik z liczbami tego planu (arkusz od nowa, z --register obok wykonania)",
      en: "evaluate the filled “Plan projektu” sheet of this workbook (never written); with -o or --register: write a new file with this plan's numbers (the sheet anew, with --register beside the actual figures)",
    },
    CARD_OPTION,
    {
      name: "--participants <N>",
      pl: "wpisz do planu minima karty dla N uczestników (liczba całkowita ≥ 0); bez niej arkusz jest pusty",
      en: "pre-fill the card's minimums for N participants (a whole number ≥ 0); the sheet is empty without it",
    },
    {
      name: "--register <rejestr.xlsx|.csv>",
      pl: "dołącz rejestr uczestników (jak miernik check -o): plan obok wykonania",
      en: "add the participant register (as miernik check -o does): the plan beside the actual figures",
    },
    {
      ...AS_OF_OPTION,
      pl: `${AS_OF_OPTION.pl}; tylko z --register`,
      en: `${AS_OF_OPTION.en}; only with --register`,
    },
    outputOption(
      "plan.xlsx",
      `plik wynikowy .xlsx; domyślnie ${DEFAULT_OUT}`,
      `the output .xlsx file; ${DEFAULT_OUT} by default`,
    ),
    JSON_OPTION,
    LANG_OPTION,
    forceOption(false),
    HELP_OPTION,
  ],
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      values: ["card", "participants", "output", "lang", "register", "as-of"],
      flags: ["json", "force"],
      aliases: { "-o": "--output" },
    });
    if (positional.length > 1)
      throw new CliError(`nieoczekiwany argument / unexpected argument "${positional[1]}"`);
    const card = loadCard(typeof options.card === "string" ? options.card : undefined, io.cwd);
    const json = options.json === true;
    const lang = options.lang === undefined ? "pl" : options.lang;
    if (lang !== "pl" && lang !== "en") throw new CliError(`--lang: pl albo en / pl or en`);
    /** `plan <workbook> -o new.xlsx [--register …]`: a new sheet with the numbers typed in the workbook's plan. */
    let fromPlan: { file: string; values: PlanInput } | null = null;
    if (positional.length === 1) {
      if (options.output === undefined && options.register === undefined) {
        if (
          options.participants !== undefined ||
          options["as-of"] !== undefined ||
          options.force !== undefined
        )
          throw new CliError(
            "przy ocenie skoroszytu nie podaje się --force, --participants ani --as-of (plik wejściowy nie jest zmieniany; -o zapisuje nowy plik z liczbami planu) / " +
              "--force, --participants and --as-of are not used when evaluating a workbook (the input is never written; -o writes a new file with the plan's numbers)",
          );
        return evaluateWorkbook(positional[0], card, json, io, lang);
      }
      if (options.participants !== undefined)
        throw new CliError(
          "--participants albo skoroszyt z planem, nie oba (liczby planu są w skoroszycie) / --participants or a plan workbook, not both",
        );
      const { read } = await readPlanWorkbook(positional[0], card, io, lang);
      fromPlan = { file: positional[0], values: read.values as PlanInput };
    }
    const N = parseParticipants(options.participants);
    const out = typeof options.output === "string" ? options.output : DEFAULT_OUT;
    if (!out.toLowerCase().endsWith(".xlsx"))
      throw new CliError(`-o: plik .xlsx / an .xlsx file, not "${out}"`);
    // The one overwrite policy of every command (src/cli/files.ts): --force to replace, never an input
    // (the register, a card file — compared by real path and device + inode), temp file + rename.
    const cardFile =
      typeof options.card === "string" && options.card.toLowerCase().endsWith(".json")
        ? path.resolve(io.cwd, options.card)
        : null;
    const target = prepareOutput(out, io.cwd, {
      force: options.force === true,
      inputs: [
        ...(typeof options.register === "string" ? [path.resolve(io.cwd, options.register)] : []),
        ...(cardFile ? [cardFile] : []),
        ...(fromPlan ? [path.resolve(io.cwd, fromPlan.file)] : []),
      ],
    });
    const values: PlanInput = fromPlan ? fromPlan.values : N === null ? {} : minimumPlan(card, N);
    /** People in the register written beside the plan (--register), else null. */
    let registerCount: number | null = null;
    let workbook: WorkbookPlan = {
      sheets: [buildPlanSheetPlan(card, { values, lang })],
      names: planNames(card),
    };
    if (typeof options.register === "string") {
      const registerPath = path.resolve(io.cwd, options.register);
      const asOf = parseAsOf(typeof options["as-of"] === "string" ? options["as-of"] : undefined);
      let rows;
      let applicant: string | null;
      try {
        const input = await readRegisterInput(registerPath, options.register, lang);
        applicant = applicantOf(undefined, input.applicant);
        rows = registerTableRows(readRegisterSheet(input.sheet).rows);
        registerCount = rows.length;
      } catch (e) {
        // An unreadable register is not a bad command line: one line naming the file, no usage text.
        if (e instanceof RegisterReadError)
          throw new InputError(`${options.register}: ${lang === "pl" ? e.pl : e.en}`);
        throw e;
      }
      const check = buildCheckWorkbookPlan(card, { rows, asOf, lang, applicant });
      workbook = {
        sheets: [buildPlanSheetPlan(card, { values, lang, withRegister: true }), ...check.sheets],
        names: [...check.names, ...planNames(card)],
      };
    } else if (options["as-of"] !== undefined)
      throw new CliError("--as-of tylko z --register / --as-of needs --register");
    const bytes = await writeXlsx(workbook);
    try {
      writeFileAtomic(target, bytes);
    } catch (e) {
      throw cannotWrite(out, target, e);
    }
    const e = evaluatePlan(card, values);
    if (json) io.out(JSON.stringify(planJson(card, e, [], lang, out), null, 2));
    else
      io.out(
        lang === "pl"
          ? `Zapisano ${out}: arkusz „${PLAN_SHEET}” (karta ${card.id})` +
              (fromPlan
                ? `, liczby planu z ${fromPlan.file}`
                : N === null
                  ? registerCount === null
                    ? ", pusty"
                    : ""
                  : `, minima dla ${N === 1 ? "1 uczestnika" : `${formatCount(N, "pl")} uczestników`}`) +
              (registerCount === null
                ? ""
                : `, z rejestrem (${countOf(registerCount, NOUNS.person, "pl")}): arkusze „${REGISTER_SHEET}”, „${criteriaSheetName(card)}”`)
          : `Written ${out}: sheet “${PLAN_SHEET}” (card ${card.id})` +
              (fromPlan
                ? `, the plan's numbers from ${fromPlan.file}`
                : N === null
                  ? registerCount === null
                    ? ", empty"
                    : ""
                  : `, the minimums for ${countOf(N, NOUNS.participant, "en")}`) +
              (registerCount === null
                ? ""
                : `, with the register (${countOf(registerCount, NOUNS.person, "en")}): sheets “${REGISTER_SHEET}”, “${criteriaSheetName(card)}”`),
      );
    return 0;
  },
};
