export * from "./types";
export { checkValue, usableValue, EXCEL_ERROR_VALUES } from "./values";
export { validateMonitoring, indicatorIndex, sortFindings, countBySeverity, layoutSeverity } from "./engine";
