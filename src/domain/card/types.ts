import { Localized } from "../i18n";

/**
 * Criteria cards as data (one JSON file per call). The engine (`evaluate.ts`) and the in-workbook formula
 * generator both read the SAME card: a criterion declares its numerator/denominator over named participant
 * groups (`groups.ts`), never as code.
 */
export type CriterionKind = "formal" | "effectiveness" | "premium" | "result" | "product";

/**
 * How a criterion is measured:
 * - `share`: numerator = |group ∩ base|, denominator = |base|; met ⇔ denominator > 0 and n/d ≥ threshold.
 * - `count`: numerator = |group|, denominator = null; met ⇔ n ≥ threshold.
 * - `effectiveness`: over the effectiveness population ∩ group: denominator = ended and not pending,
 *   numerator = ended and employed within the window; met = null when nobody in the group ended.
 * - `resultShare`: numerator = |base ∩ left ∩ group| (group is a result flag, e.g. `employedAfterLeaving`),
 *   denominator = |base ∩ left| (left = end date filled); compared with `threshold` (the call's target).
 * - `productCount`: numerator = |group|; shown next to `target`; met = null (the call's target, not the project's).
 */
export type Measure = "share" | "count" | "effectiveness" | "resultShare" | "productCount";

export type GroupId =
  | "all"
  | "unemployed"
  | "longTermUnemployed"
  | "inactive"
  | "employedAtStart"
  | "leavingAgriculture"
  | "women"
  | "disabled"
  | "age50plus"
  | "lowQualified"
  | "other"
  | "ipd"
  | "internship"
  | "internshipCompliant"
  | "trained"
  | "trainedWhiteGreen"
  | "trainedQualified"
  | "left"
  | "employedAfterLeaving"
  | "qualifiedAfterLeaving"
  | "nonAgriculturalJobAfterLeaving";

export interface Criterion {
  id: string;
  /** The card's own numbering ("1a", "2.3", "A1", "B5"), shown on sheets; default derived from the id. */
  code?: string;
  kind: CriterionKind;
  label: Localized;
  measure: Measure;
  /** The group counted in the numerator. */
  group: GroupId;
  /** The denominator's group for `share` / `resultShare` (default: the card's `subQuotaBase` when `subQuota`, else `all`). */
  base?: GroupId;
  /** Marks a "w tym" sub-quota: its base defaults to `parameters.subQuotaBase`. */
  subQuota?: boolean;
  /** Fraction 0–1 for share/effectiveness/resultShare; a count for `count`. */
  threshold?: number;
  /** Points for premium criteria; null when the card's text states none ("—"). */
  points?: number | null;
  /** The call's target for product indicators (persons). */
  target?: number;
}

export interface CardParameters {
  /** Base of the "w tym" sub-quotas (default `unemployed`). */
  subQuotaBase: GroupId;
  /** Low qualifications ⇔ ISCED ≤ this (default 3). */
  lowQualificationMaxIsced: number;
  /** Effectiveness window in days after the end date (default 90). */
  effectivenessWindowDays: number;
  /** Drop-outs for other reasons are left out of the effectiveness denominator (default true). */
  excludeOtherDropouts: boolean;
  /** Civil-law contracts count as employment (default true). */
  civilContractsCount: boolean;
  /** Result indicators measured within this many days of leaving (default 28). */
  resultWindowDays: number;
  /** Minimum employment months for a qualifying job (default 3). */
  minEmploymentMonths: number;
  /** Minimum FTE for an employment contract (default 0.5). */
  minFte: number;
  /** Age (completed years) of the 50+ group (default 50). */
  olderAge: number;
  /** Internship duration bounds in months (default 3–6). */
  internshipMinMonths: number;
  internshipMaxMonths: number;
  /** Age below which the row check warns (target group 30+; default 30). */
  minTargetAge: number;
  /**
   * One person, one count: rows without an 11-character PESEL are the same person when first name, last
   * name (case, spaces and Polish diacritics ignored) and Data urodzenia are equal (default true; false: only
   * the PESEL identifies a person).
   */
  duplicatesByNameAndBirthDate: boolean;
}

export const DEFAULT_PARAMETERS: Readonly<CardParameters> = Object.freeze({
  subQuotaBase: "unemployed",
  lowQualificationMaxIsced: 3,
  effectivenessWindowDays: 90,
  excludeOtherDropouts: true,
  civilContractsCount: true,
  resultWindowDays: 28,
  minEmploymentMonths: 3,
  minFte: 0.5,
  olderAge: 50,
  internshipMinMonths: 3,
  internshipMaxMonths: 6,
  minTargetAge: 30,
  duplicatesByNameAndBirthDate: true,
});

/** The card as written in JSON (parameters optional, each overriding a default). */
export interface CardFile {
  id: string;
  title: Localized;
  /** Sheet name of the criteria sheet, e.g. "Kryteria 9.1". */
  sheetName: string;
  parameters?: Partial<CardParameters>;
  criteria: Criterion[];
}

/** A loaded, validated card with every parameter resolved. */
export interface Card {
  id: string;
  title: Localized;
  sheetName: string;
  parameters: CardParameters;
  criteria: Criterion[];
}

/** The participant as the engine sees it; dates are Excel serial day numbers; unknown = null. */
export interface Participant {
  /** 1-based sheet row this participant came from. */
  row: number;
  firstName: string | null;
  lastName: string | null;
  pesel: string | null;
  noPesel: boolean | null;
  /** "F" | "M" from Płeć. */
  sex: "F" | "M" | null;
  birthDate: number | null;
  /** Highest ISCED level parsed from Wykształcenie (range "5-8" → 5). */
  isced: number | null;
  status: "unemployedRegistered" | "unemployedUnregistered" | "inactive" | "employed" | null;
  longTerm: boolean | null;
  monthsWithoutWork: number | null;
  leavingAgriculture: boolean | null;
  /** Tak → true, Nie → false, Odmowa/empty → null. */
  disabled: boolean | null;
  startDate: number | null;
  endDate: number | null;
  pathCompleted: boolean | null;
  dropoutReason: "job" | "school" | "other" | null;
  ipd: boolean | null;
  training: boolean | null;
  trainingWhiteGreen: boolean | null;
  qualification: boolean | null;
  internshipMonths: number | null;
  internshipLinked: boolean | null;
  jobStartDate: number | null;
  contractType: "employment" | "civil" | "business" | null;
  employmentMonths: number | null;
  fte: number | null;
  contractValue3x: boolean | null;
  nonAgriculturalJob: boolean | null;
  startupFunds: boolean | null;
  /** `Wiek w chwili przystąpienia do projektu` (whole years ≥ 0) when the register has it; used when no birth date is known. */
  ageAtStart?: number | null;
  /**
   * Set by the row checks (`checkRegister`): the person's identity (see `personKey` in groups.ts), null when the
   * row has none or cannot be counted anyway; and the earlier row of the same person when this row repeats it —
   * such a row is left out of every count (`isEvaluable`).
   */
  personKey?: string | null;
  duplicateOf?: number | null;
}

export type Severity = "error" | "warning" | "info";

export interface RowIssue {
  /** 1-based sheet row. */
  row: number;
  /** Column header as in the register ("" for a whole-row issue). */
  column: string;
  rule: string;
  severity: Severity;
  message: Localized;
  /** Nearest allowed value when the value is only a case/spacing/diacritics slip. */
  suggestion?: string;
}

export interface CriterionResult {
  id: string;
  kind: CriterionKind;
  label: Localized;
  numerator: number;
  /** null for `count` and `productCount`. */
  denominator: number | null;
  /** 0–1, null when the denominator is 0 or absent. */
  share: number | null;
  threshold: number | null;
  /** null: not applicable (empty base / nobody ended / product indicator). */
  met: boolean | null;
  /** Premium: points if met, 0 if not, null when the card states none; other kinds null. */
  points: number | null;
  /** 0 when met; null when not applicable. */
  shortfall: number | null;
  /** Effectiveness: participants of the group still inside the window (out of n and d). */
  pending?: number;
  /** Product indicators: the call's target. */
  target?: number;
}

export interface Evaluation {
  card: string;
  /** ISO date YYYY-MM-DD. */
  asOf: string;
  /** Participants evaluated (rows that passed `isEvaluable`). */
  participants: number;
  /** Pending participants in the effectiveness population (ended, not employed, window still open). */
  pending: number;
  criteria: CriterionResult[];
  rowIssues: RowIssue[];
}
