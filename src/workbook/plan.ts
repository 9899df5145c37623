/**
 * Sheet plans: plain data describing what a workbook holds. Built from domain data by the
 * builders in this folder, rendered by src/hosts/excel (Office.js) and src/hosts/xlsx (ExcelJS).
 * One plan, several renderers: anything a renderer writes must come from here.
 *
 * Conventions
 * - Rows and columns in blocks are 0-based (row 0 = Excel row 1, col 0 = column A).
 * - Ranges elsewhere are A1 strings local to the sheet ("A1", "B5:D9", "$4:$4").
 * - Formulas are English-named, comma-separated, start with "=", and use only functions that
 *   Excel 2016+, Excel on the web and LibreOffice all compute (no LET, LAMBDA, XLOOKUP, dynamic arrays).
 * - Colours are "#RRGGBB".
 */

export type CellValue = string | number | boolean | null;

/** A rectangular write. `values[r][c]` goes to (row + r, col + c). */
export interface BlockPlan {
  row: number;
  col: number;
  /** Literal values; null = empty cell. Text is always text (a leading "=" is never a formula). */
  values: CellValue[][];
  /** Same shape as values (or omitted); a non-null entry is a formula and wins over the value. */
  formulas?: (string | null)[][];
}

/**
 * One formula for a column over a row range, instead of one spelled-out formula per cell (the register's
 * derived columns: ~20 columns × N rows). `template` is the formula of every row with `{r}` standing for
 * the row's 1-based number, e.g. `=IF($B{r}="","",1)`; everything else in it (names, absolute references)
 * is the same in every row. Renderers write it as a shared formula (.xlsx) or as a table's calculated
 * column (Office.js); `columnFormulaAt` spells out one cell, `withSpelledOutFormulas` a whole sheet.
 */
export interface ColumnFormulaPlan {
  /** 0-based column. */
  col: number;
  /** 0-based first row and the number of rows. */
  row: number;
  rows: number;
  template: string;
}

/** The placeholder of a column formula's row number. */
export const ROW_TOKEN = "{r}";

/** The formula a column formula gives at 0-based sheet row `row`. */
export function columnFormulaAt(cf: ColumnFormulaPlan, row: number): string {
  return cf.template.split(ROW_TOKEN).join(String(row + 1));
}

/** A function spelling out the formulas of a column formula row by row (the template split once). */
export function columnFormulaSpeller(cf: ColumnFormulaPlan): (row: number) => string {
  const parts = cf.template.split(ROW_TOKEN);
  if (parts.length === 1) return () => cf.template;
  return (row: number) => parts.join(String(row + 1));
}

/**
 * The sheet with every column formula spelled out as a block of per-cell formulas (for readers of plans
 * that walk blocks: tests, HyperFormula). Small sheets only: it materialises every string.
 */
export function withSpelledOutFormulas(sheet: SheetPlan): SheetPlan {
  if (!sheet.columnFormulas || sheet.columnFormulas.length === 0) return sheet;
  const blocks = [...sheet.blocks];
  for (const cf of sheet.columnFormulas) {
    const at = columnFormulaSpeller(cf);
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let i = 0; i < cf.rows; i++) {
      values.push([null]);
      formulas.push([at(cf.row + i)]);
    }
    blocks.push({ row: cf.row, col: cf.col, values, formulas });
  }
  return { ...sheet, blocks, columnFormulas: [] };
}

export type HAlign = "left" | "center" | "right";
export type VAlign = "top" | "center" | "bottom";
export type BorderWeight = "thin" | "medium";

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: HAlign;
  vAlign?: VAlign;
  /** Borders on every edge of every cell in the range (inside and outside). */
  border?: BorderWeight;
  /** false = unlocked (editable when the sheet is protected). */
  locked?: boolean;
}

export interface FormatPlan {
  range: string;
  style: CellStyle;
}

export interface ColumnPlan {
  /** Width in Excel character units (ExcelJS `width`; Office.js uses points = width * 7 / 0.75 px approx). */
  width: number;
  hidden?: boolean;
}

export interface RowPlan {
  index: number; // 0-based
  height?: number; // points
  hidden?: boolean;
  /**
   * The row's height follows its (wrapped) content; `height` is the plan's estimate of it. Office.js fits the
   * row to its content (`autofitRows`) instead of setting the height; the .xlsx writers write the estimate
   * (LibreOffice does not fit the rows of an .xlsx it opens) and, where they can, without marking it custom,
   * so that Excel fits the row on opening and again when the user edits it.
   */
  fit?: boolean;
}

export type ValidationRule =
  | { type: "wholeNumber" | "decimal"; operator: "between"; min: number; max: number }
  | { type: "wholeNumber" | "decimal"; operator: "greaterThanOrEqual" | "lessThanOrEqual"; value: number }
  /** `source` is a formula such as "=Słowniki!$A$2:$A$5" or "=NameOfList" — never a literal list. */
  | { type: "list"; source: string }
  | { type: "date"; operator: "between"; min: string; max: string } // ISO dates
  | { type: "textLength"; operator: "lessThanOrEqual"; value: number }
  | { type: "custom"; formula: string };

export interface ValidationPlan {
  range: string;
  rule: ValidationRule;
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string; style: "stop" | "warning" | "information" };
}

/** Conditional formats are always formula-based, relative to the top-left cell of `range`. */
export interface ConditionalFormatPlan {
  range: string;
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
  stopIfTrue?: boolean;
}

export interface TablePlan {
  name: string;
  /** Header row plus data rows, e.g. "A1:AD1" for a header-only table or "A1:AD101". */
  range: string;
  style?: string; // e.g. "TableStyleMedium2"
  showTotals?: false;
}

export interface PrintPlan {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  fitToWidth: number;
  fitToHeight: number; // 0 = automatic
  printTitleRows?: string; // "$4:$4"
  centerHeader?: string; // plain text
  centerFooter?: string; // may use "&P" / "&N"
  /** Left of the footer; may use "&D" (the print date, in the reader's date format), "&P" / "&N". */
  leftFooter?: string;
  /**
   * Page 1's header instead of `centerHeader` (plain text, "" = none): a sheet whose first rows carry its
   * title prints it once on page 1 and as the running head from page 2 on (Excel's "different first page";
   * the footers stay the same on every page).
   */
  firstPageHeader?: string;
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number }; // inches
  /** What prints ("A1:I80"); the rest of the sheet stays in the workbook. Default: the used range. */
  printArea?: string;
  /** Columns repeated at the left of every page ("$A:$C"). */
  printTitleColumns?: string;
  /**
   * Print scale in percent instead of fitting to pages: Excel ignores manual page breaks while "fit to" is
   * on, so a plan with `rowBreaks`/`colBreaks` sets `scale` (fitToWidth/fitToHeight are then not used).
   */
  scale?: number;
  /** Page order when the sheet is more than one page wide (default down, then over). */
  printOrder?: "downThenOver" | "overThenDown";
  /** Manual page breaks after these 1-based rows (a new page starts at row n + 1). */
  rowBreaks?: number[];
  /** Manual page breaks after these 1-based columns (a new page starts at column n + 1). */
  colBreaks?: number[];
}

export interface ChartPlan {
  type: "line" | "columnClustered";
  title: string;
  /** Data range including a header row (series names) and a first column (categories). */
  dataRange: string;
  seriesBy: "columns" | "rows";
  /** Top-left and bottom-right anchor cells. */
  from: string;
  to: string;
}

export interface SheetPlan {
  name: string;
  columns: ColumnPlan[];
  rows?: RowPlan[];
  blocks: BlockPlan[];
  /** Column formulas, written after the blocks (a cell of a block they cover holds the formula). */
  columnFormulas?: ColumnFormulaPlan[];
  merges: string[];
  formats: FormatPlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  tables: TablePlan[];
  charts?: ChartPlan[];
  freeze?: { rows: number; columns: number };
  print?: PrintPlan;
  visibility?: "visible" | "hidden";
  tabColor?: string;
}

export interface NamePlan {
  name: string;
  /** "='Kryteria 9.1'!$B$3" or "=Uczestnicy!$A$2:$A$100000" */
  refersTo: string;
  comment?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: NamePlan[];
}

export function emptySheet(name: string): SheetPlan {
  return {
    name,
    columns: [],
    blocks: [],
    merges: [],
    formats: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
  };
}
