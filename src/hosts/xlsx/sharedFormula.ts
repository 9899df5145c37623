/**
 * ExcelJS's own formula translation (what it applies when it reads a shared formula back), so the
 * renderer shares a formula only where ExcelJS — and Excel, for plain A1 references — gives the same text.
 */

const impl = require("exceljs/lib/utils/shared-formula.js") as {
  slideFormula(formula: string, fromCell: string, toCell: string): string;
};

export function slideFormula(formula: string, fromCell: string, toCell: string): string {
  return impl.slideFormula(formula, fromCell, toCell);
}
