/**
 * The *Plan projektu* part's work, free of React: create (or refresh) the plan sheet through the
 * WorkbookHost keeping every number typed in it, read it back, and evaluate a plan. A sheet called
 * `Plan projektu` that holds none of the card's plan items is not Miernik's: replacing it is asked first.
 */
import type { Card } from "../../domain/card/types";
import type { Localized } from "../../domain/i18n";
import { parsePolishNumber } from "../../domain/numbers";
import { evaluatePlan, PlanEvaluation, PlanInput } from "../../domain/plan/evaluate";
import { planFields } from "../../domain/plan/fields";
import type { CellValue } from "../../workbook/plan";
import {
  errorFormulaCells,
  findPlanSheet,
  locateFindings,
  overwrittenFormulaCells,
  LocatedPlanFinding,
  percentCells,
  readPlanSheet,
} from "../../workbook/projectPlan/reader";
import { buildPlanSheetPlan, planCellMap, planNames, PLAN_SHEET } from "../../workbook/projectPlan/sheet";
import { DICTIONARIES_SHEET } from "../../workbook/register/dictionaries";
import { REGISTER_SHEET } from "../../workbook/register/layout";
import type { WorkbookHost, WriteReport } from "../host";

export { PLAN_SHEET };

export interface PlanDeps {
  host: WorkbookHost;
  lang: "pl" | "en";
  /** Asked before a foreign sheet named `Plan projektu` is replaced; false keeps it. */
  confirmReplace(sheet: string, why: Localized): Promise<boolean>;
}

/** What the applicant typed into the pane's field (text) as a cell value: "12" → 12, "" → null, "abc" stays text. */
export function typedValue(text: string): CellValue {
  if (text.trim() === "") return null;
  const n = parsePolishNumber(text);
  return n === null || n.isPercent ? text : n.value;
}

export interface PlanSheetState {
  /** Values read from the sheet (by field key), or null when there is no plan sheet. */
  values: Record<string, CellValue> | null;
  /** The workbook holds the register and the criteria sheet (their names): actual figures can be shown. */
  withRegister: boolean;
  /** The plan sheet's name: `Plan projektu`, or the name the applicant renamed it to. */
  sheet: string;
  /**
   * Plan cells holding a share ("100%", read as 1) where persons are planned, as `miernik plan` names them:
   * field key, the cell ("Plan projektu!C12") and the value read.
   */
  percent: PercentCell[];
  /**
   * Cells that should hold the sheet's formulas but hold a value (pasted over), and formulas showing an error
   * (#REF! after a row was deleted), as `miernik plan` names them ("Plan projektu!H12"): the sheet then shows
   * figures that need not follow the plan. Re-creating the sheet repairs both.
   */
  overwritten: string[];
  broken: string[];
}

export interface PercentCell {
  key: string;
  cell: string;
  value: number;
}

/**
 * The plan sheet as it is in the workbook. `Plan projektu`, else a sheet the applicant renamed (Excel's `PL_*`
 * names follow a renamed sheet): the one whose column A holds the card's plan codes, as `miernik plan` finds it.
 * The register, the criteria sheet and the lists are never it (and the register, the one big sheet, is not read).
 */
export async function readPlanState(
  host: WorkbookHost,
  card: Card,
): Promise<PlanSheetState & { foreign: boolean }> {
  const sheets = await host.listSheets();
  const withRegister = sheets.includes(REGISTER_SHEET) && sheets.includes(card.sheetName);
  const none = {
    values: null,
    withRegister,
    foreign: false,
    sheet: PLAN_SHEET,
    percent: [],
    overwritten: [],
    broken: [],
  };
  let cells;
  if (sheets.includes(PLAN_SHEET)) {
    // Number formats too (a small sheet): a share typed where persons are planned is told by its format.
    cells = await host.readSheet(PLAN_SHEET);
    if (!cells) return none;
  } else {
    const others = sheets.filter(
      (n) => n !== REGISTER_SHEET && n !== card.sheetName && n !== DICTIONARIES_SHEET,
    );
    const read = [];
    for (const name of others) {
      const c = await host.readSheet(name, { valuesOnly: true });
      if (c) read.push(c);
    }
    // The candidates by their values; only the sheet found is read again with its number formats.
    cells = findPlanSheet(read, card, PLAN_SHEET);
    if (!cells) return none;
    if (!cells.numberFormats) cells = (await host.readSheet(cells.name)) ?? cells;
  }
  const read = readPlanSheet(cells, card);
  const foreign = read.missing.length === planFields(card).length;
  const sheet = cells.name;
  return {
    values: foreign ? null : read.values,
    withRegister,
    foreign,
    sheet,
    percent: foreign ? [] : percentCells(cells, read).map((p) => ({ ...p, cell: `${sheet}!${p.cell}` })),
    overwritten: foreign ? [] : overwrittenFormulaCells(cells, card).map((a) => `${sheet}!${a}`),
    broken: foreign ? [] : errorFormulaCells(cells, card).map((a) => `${sheet}!${a}`),
  };
}

export type PlanWriteOutcome =
  | {
      status: "done";
      values: Record<string, CellValue>;
      kept: number;
      withRegister: boolean;
      /** The sheet written: `Plan projektu`, or the applicant's name for it (rewritten in place). */
      sheet: string;
      /** Shares found in the sheet's count cells and kept as read (not overridden by the pane's fields). */
      percent: PercentCell[];
      report: WriteReport;
    }
  | { status: "kept" };

/**
 * Creates or refreshes the plan sheet. Every number already typed in the sheet is kept; `typed` (the pane's
 * fields the user edited since the sheet was last read) fills or overrides the rest.
 */
export async function createPlanSheet(
  deps: PlanDeps,
  card: Card,
  typed: Readonly<Record<string, CellValue>>,
): Promise<PlanWriteOutcome> {
  const state = await readPlanState(deps.host, card);
  if (state.foreign) {
    const ok = await deps.confirmReplace(state.sheet, {
      pl: "nie ma w nim pozycji planu tej karty",
      en: "it holds none of this card's plan items",
    });
    if (!ok) return { status: "kept" };
  }
  const values: Record<string, CellValue> = {};
  let kept = 0;
  for (const f of planFields(card)) {
    const fromSheet = state.values?.[f.key];
    if (fromSheet !== undefined && fromSheet !== null) kept++;
    const v = f.key in typed ? typed[f.key] : fromSheet;
    if (v !== undefined && v !== null) values[f.key] = v;
  }
  const plan = buildPlanSheetPlan(card, {
    values,
    withRegister: state.withRegister,
    lang: deps.lang,
    sheetName: state.sheet,
  });
  const report = await deps.host.writePlans([plan], planNames(card, state.sheet));
  return {
    status: "done",
    values,
    kept,
    withRegister: state.withRegister,
    sheet: state.sheet,
    percent: state.percent.filter((p) => !(p.key in typed)),
    report,
  };
}

export interface PlanOutcome {
  evaluation: PlanEvaluation;
  findings: LocatedPlanFinding[];
}

/** Evaluates plan values; findings carry the plan sheet's cell ("Plan projektu!C7"). */
export function evaluateValues(card: Card, values: PlanInput, sheet: string = PLAN_SHEET): PlanOutcome {
  const evaluation = evaluatePlan(card, values);
  const map = planCellMap(card);
  const cells: Record<string, string> = {};
  for (const k of Object.keys(map.fields)) cells[k] = map.fields[k].plan;
  const findings = locateFindings(evaluation.findings, { values: {}, cells, missing: [] }, sheet);
  return { evaluation, findings };
}
