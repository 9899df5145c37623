/**
 * `miernik plan`: the application-stage planner.
 * - Without a workbook: writes the `Plan projektu` sheet of the card (empty, or with `--participants N` the
 *   card's minimums for N pre-filled) to `-o` (default plan-projektu.xlsx); refuses an existing file
 *   without `--force`.
 * - `--register <register.xlsx|.csv>`: the same workbook `miernik check -o` writes (register, Słowniki,
 *   criteria sheet) plus the plan sheet with the actual figures beside the planned ones.
 * - With a workbook: reads its `Plan projektu` sheet and evaluates the typed numbers (`evaluatePlan`): the
 *   criteria, premium points, minimums and every bad cell with its fix. Exit 0: consistent and every formal
 *   and effectiveness criterion met; 1: not; 2: unreadable input. It never writes onto the input.
 */
import * as path from "path";
import type { Card } from "../../domain/card/types";
import { Counted, countOf, formatCount } from "../../domain/i18n";
import { formatPercent } from "../../domain/numbers";
import { evaluatePlan, minimumPlan, PlanEvaluation, PlanInput } from "../../domain/plan/evaluate";
import { writeXlsx } from "../../hosts/xlsx/render";
import { MET } from "../../workbook/criteria/plan";
import { buildCheckWorkbookPlan } from "../../workbook/criteria/workbook";
import { criteriaSheetName } from "../../workbook/criteria/plan";
import { REGISTER_SHEET } from "../../workbook/register/layout";
import type { WorkbookPlan } from "../../workbook/plan";
import { readRegisterSheet, RegisterReadError } from "../../workbook/register/reader";
import { registerTableRows } from "../../workbook/register/rows";
import { locateFindings, LocatedPlanFinding, readPlanSheet } from "../../workbook/projectPlan/reader";
import { buildPlanSheetPlan, PLAN_SHEET, planNames } from "../../workbook/projectPlan/sheet";
import { parseArgs } from "../args";
import { loadCard, oneLine, parseAsOf } from "../cardOptions";
import { readRegisterFile } from "./check";
import { prepareOutput, writeFileAtomic } from "../files";
import { readWorkbookFile } from "../inputFiles";
import { CliCommand, CliError, CliIO, InputError } from "../io";

/** Counted nouns of the command's summary line. */
const PARTICIPANT: Counted = {
  pl: { one: "uczestnik", few: "uczestnicy", many: "uczestników" },
  en: { one: "participant", other: "participants" },
};
const PERSON: Counted = {
  pl: { one: "osoba", few: "osoby", many: "osób" },
  en: { one: "person", other: "people" },
};

const USAGE =
  "miernik plan [<skoroszyt.xlsx>] [--card rpo-wl-9.1-2016|karta.json] [--participants N] [--register rejestr.xlsx|.csv [--as-of RRRR-MM-DD]] [-o plan.xlsx] [--json] [--lang pl|en] [--force]";
const DEFAULT_OUT = "plan-projektu.xlsx";

function parseParticipants(raw: string | true | undefined): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (raw === true || !/^\d+$/.test(raw) || !Number.isSafeInteger(n))
    throw new CliError(
      `--participants: zła liczba „${String(raw)}”, podaj liczbę całkowitą ≥ 0 / bad number, give a whole number ≥ 0`,
    );
  return n;
}

function planJson(card: Card, e: PlanEvaluation, findings: LocatedPlanFinding[], file?: string): unknown {
  return {
    card: card.id,
    ...(file ? { file } : {}),
    sheet: PLAN_SHEET,
    participants: e.participants,
    allRequiredMet: e.allRequiredMet,
    premiumPoints: e.premiumPoints,
    premiumPossible: e.premiumPossible,
    values: e.values,
    criteria: e.criteria.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label.pl,
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
    minimums: e.minimums.map((m) => m.pl),
    findings: findings.map((f) => ({
      cell: f.cell,
      field: f.key,
      rule: f.rule,
      message: f.message.pl,
      fix: f.fix.pl,
    })),
  };
}

function report(io: CliIO, e: PlanEvaluation, findings: LocatedPlanFinding[]): void {
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(Math.round(v * 1000) / 1000));
  const lines: string[] = [];
  for (const c of e.criteria) {
    if (c.kind === "product") {
      lines.push(
        `  ${c.label.pl}: ${c.numerator}${c.target !== undefined ? ` (cel naboru ${c.target}, ${pct(c.reached ?? null)})` : ""}`,
      );
      continue;
    }
    const verdict = c.met === null ? MET.na : c.met ? MET.yes : MET.no;
    const value =
      c.denominator === null ? `${c.numerator}` : `${c.numerator}/${c.denominator} = ${pct(c.share)}`;
    const short = c.shortfall ? `, brakuje ${c.shortfall}` : "";
    lines.push(`  [${verdict}] ${c.label.pl}: ${value}${short}`);
  }
  io.out(lines.join("\n"));
  io.out(`Punkty premiujące / premium points: ${e.premiumPoints} z ${e.premiumPossible}`);
  io.out(`Minima:\n${e.minimums.map((m) => `  ${m.pl}`).join("\n")}`);
  if (findings.length > 0)
    io.out(
      `Uwagi do planu / plan problems (${findings.length}):\n` +
        findings.map((f) => `  ${f.cell}: ${f.message.pl} — ${f.fix.pl}`).join("\n"),
    );
  io.out(
    e.allRequiredMet
      ? "Plan spójny i spełnia kryteria formalne oraz efektywności / the plan is consistent and meets the criteria"
      : "Plan NIE spełnia wszystkich wymagań / the plan does NOT meet every requirement",
  );
}

async function evaluateWorkbook(file: string, card: Card, json: boolean, io: CliIO): Promise<number> {
  // The bounded reader every command uses: regular files only, .ods/.xls named, size and zip limits.
  const { sheets } = await readWorkbookFile(path.resolve(io.cwd, file), file, "pl");
  const sheet = sheets.find((s) => s.name === PLAN_SHEET);
  if (!sheet)
    throw new InputError(
      `${file}: brak arkusza „${PLAN_SHEET}” — utwórz go poleceniem miernik plan -o ${file.replace(/\.xlsx$/i, "")}-plan.xlsx / no sheet "${PLAN_SHEET}"`,
    );
  const read = readPlanSheet(sheet, card);
  if (read.missing.length === planNames(card).length)
    throw new CliError(
      `${file}: arkusz „${PLAN_SHEET}” nie ma pozycji karty ${card.id} (kody w kolumnie A); czy to plan innej karty? Użyj --card / the sheet has none of the card's plan items; use --card`,
    );
  const e = evaluatePlan(card, read.values as PlanInput);
  const findings = locateFindings(e.findings, read, PLAN_SHEET);
  if (json) io.out(JSON.stringify(planJson(card, e, findings, file), null, 2));
  else {
    if (read.missing.length > 0)
      io.out(
        `Uwaga: brak pozycji ${read.missing.join(", ")} w arkuszu (liczone jako 0) / missing plan items count as 0`,
      );
    report(io, e, findings);
  }
  return e.allRequiredMet ? 0 : 1;
}

export const command: CliCommand = {
  name: "plan",
  summary:
    "Plan projektu na etapie wniosku: arkusz „Plan projektu” do pliku .xlsx (--participants N: minima karty) albo ocena wypełnionego planu / " +
    "the application-stage plan: write the plan sheet (--participants N: the card's minimums) or evaluate a filled one",
  usage: USAGE,
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
    if (positional.length === 1) {
      if (
        options.output !== undefined ||
        options.participants !== undefined ||
        options.register !== undefined
      )
        throw new CliError(
          "przy ocenie skoroszytu nie podaje się -o ani --participants (plik wejściowy nie jest zmieniany) / -o and --participants are not used when evaluating a workbook (the input is never written)",
        );
      return evaluateWorkbook(positional[0], card, json, io);
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
      ],
    });
    const values = N === null ? {} : minimumPlan(card, N);
    let registerRowCount = 0;
    let workbook: WorkbookPlan = {
      sheets: [buildPlanSheetPlan(card, { values, lang })],
      names: planNames(card),
    };
    if (typeof options.register === "string") {
      const registerPath = path.resolve(io.cwd, options.register);
      const asOf = parseAsOf(typeof options["as-of"] === "string" ? options["as-of"] : undefined);
      let rows;
      try {
        rows = registerTableRows(readRegisterSheet(await readRegisterFile(registerPath)).rows);
        registerRowCount = rows.length;
      } catch (e) {
        if (e instanceof RegisterReadError) throw new CliError(`${options.register}: ${e.pl} / ${e.en}`);
        throw e;
      }
      const check = buildCheckWorkbookPlan(card, { rows, asOf, lang });
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
      throw new InputError(`${out}: nie można zapisać / cannot write: ${oneLine(e)}`);
    }
    const registerCount = workbook.sheets.length > 1 ? registerRowCount : null;
    const e = evaluatePlan(card, values);
    if (json) io.out(JSON.stringify(planJson(card, e, [], out), null, 2));
    else
      io.out(
        `Zapisano / written ${out}: arkusz „${PLAN_SHEET}” (karta ${card.id})` +
          (N === null
            ? registerCount === null
              ? ", pusty / empty"
              : ""
            : `, minima dla ${N === 1 ? "1 uczestnika" : `${formatCount(N, "pl")} uczestników`} / the minimums for ${countOf(N, PARTICIPANT, "en")}`) +
          (registerCount === null
            ? ""
            : `, z rejestrem (${countOf(registerCount, PERSON, "pl")}): arkusze „${REGISTER_SHEET}”, „${criteriaSheetName(card)}” / with the register (${countOf(registerCount, PERSON, "en")}): sheets “${REGISTER_SHEET}”, “${criteriaSheetName(card)}”`),
      );
    return 0;
  },
};
