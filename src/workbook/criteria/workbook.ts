/**
 * The whole check workbook: the register table `Uczestnicy` (with the participants), the hidden
 * `Słowniki` sheet, the criteria sheet, and every name the formulas read. One call for the CLI
 * (`miernik check -o`), the task pane and the tests.
 */
import type { Card } from "../../domain/card/types";
import type { Lang } from "../../domain/i18n";
import type { CellValue, WorkbookPlan } from "../plan";
import { buildDictionariesSheetPlan, dictionaryNames } from "../register/dictionaries";
import { DEFAULT_CAPACITY, registerNames } from "../register/layout";
import { buildRegisterSheetPlan } from "../register/plan";
import { buildCriteriaSheetPlan, criteriaNames } from "./plan";

export interface CheckWorkbookOptions {
  rows: readonly (readonly CellValue[])[];
  /** Excel serial of the as-of date. */
  asOf: number;
  /** Rows the criteria formulas cover (default 100 000, or more when the register is longer). */
  capacity?: number;
  lang?: Lang;
  /** The applicant written on the criteria sheet (`Wnioskodawca:`), where `miernik summarize` reads it. */
  applicant?: string | null;
}

export function buildCheckWorkbookPlan(card: Card, opts: CheckWorkbookOptions): WorkbookPlan {
  const capacity = Math.max(opts.capacity ?? DEFAULT_CAPACITY, opts.rows.length + 1);
  return {
    sheets: [
      buildCriteriaSheetPlan(card, { asOf: opts.asOf, lang: opts.lang, applicant: opts.applicant }),
      buildRegisterSheetPlan(card, { rows: opts.rows, lang: opts.lang }),
      buildDictionariesSheetPlan(),
    ],
    names: [...registerNames(capacity), ...criteriaNames(card), ...dictionaryNames()],
  };
}
