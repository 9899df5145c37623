export { inProgramme, validateWorkbookCells } from "./validate";
export type { WorkbookValidation, WorkbookValidationOptions, ValidatedSheet } from "./validate";
export { fixesToWrites, fixable, writesBySheet } from "./fixes";
export type { FixWrite } from "./fixes";
export {
  areaOf,
  cellRuns,
  foldEmptyFindings,
  groupFindingsByArea,
  totals,
  countsText,
  plural,
} from "./groups";
export type { AreaRef, EmptyFold, FindingGroup, MissingFold, ReportLine } from "./groups";
export { readMonitoring, toLayoutProblem } from "./adapter";
