import ExcelJS from "exceljs";
import { SheetCells, WorkbookCells } from "../../workbook/cells";
import { CellValue } from "../../workbook/plan";
import { rawNames } from "./names";

/** An .xlsx that cannot be read; `message` is one line saying why. */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly reason: "not-zip" | "encrypted" | "legacy-xls" | "damaged" | "empty",
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

const MS_PER_DAY = 86400000;

/** Excel serial (1900 system) of a JS Date as ExcelJS gives it (UTC-based). */
export function dateToSerial(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + 25569;
  // Round to the millisecond to remove float noise; whole days stay integers.
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Normalise an ExcelJS value (or formula result) per the cells.ts contract. */
export function normaliseValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  if (isObject(v)) {
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text?: unknown }[]).map((p) => String(p.text ?? "")).join("");
      return text === "" ? null : text;
    }
    if ("formula" in v || "sharedFormula" in v) return normaliseValue(v.result);
    if ("text" in v) return normaliseValue(v.text); // hyperlink
  }
  return String(v);
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  // `cell.formula` translates shared formulas relative to their master cell.
  const f = cell.formula;
  if (!f) return null;
  return f.startsWith("=") ? f : `=${f}`;
}

function readSheet(ws: ExcelJS.Worksheet): SheetCells {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (normaliseValue(cell.value) === null && formulaOf(cell) === null) return;
      top = Math.min(top, rowNumber - 1);
      bottom = Math.max(bottom, rowNumber - 1);
      left = Math.min(left, colNumber - 1);
      right = Math.max(right, colNumber - 1);
    });
  });
  if (bottom < 0) return { name: ws.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r + 1);
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    const nr: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.findCell(c + 1);
      if (!cell || cell.type === ExcelJS.ValueType.Merge) {
        vr.push(null);
        fr.push(null);
        nr.push(cell?.numFmt ?? null);
        continue;
      }
      vr.push(normaliseValue(cell.value));
      fr.push(formulaOf(cell));
      nr.push(cell.numFmt ?? null);
    }
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  return { name: ws.name, top, left, values, formulas, numberFormats };
}

function toUint8(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/** Load an .xlsx into an ExcelJS workbook, with one-line typed errors for unreadable input. */
export async function loadXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const u8 = toUint8(bytes);
  if (u8.length === 0) throw new XlsxReadError("empty file (0 bytes)", "empty");
  if (u8[0] === 0xd0 && u8[1] === 0xcf && u8[2] === 0x11 && u8[3] === 0xe0) {
    // OLE2 container: a password-protected .xlsx or an old binary .xls.
    throw new XlsxReadError(
      "not an .xlsx file: an encrypted (password-protected) workbook or an old .xls — save it as an unprotected .xlsx",
      "encrypted",
    );
  }
  if (!(u8[0] === 0x50 && u8[1] === 0x4b))
    throw new XlsxReadError("not an .xlsx file (not a zip archive)", "not-zip");
  const wb = new ExcelJS.Workbook();
  rawNames(wb); // names stay verbatim instead of being expanded cell by cell (see ./names.ts)
  try {
    // ExcelJS's typings want a Node Buffer; in the browser an ArrayBuffer works.
    const input = (
      typeof Buffer !== "undefined" ? Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8
    ) as never;
    await wb.xlsx.load(input);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new XlsxReadError(`damaged or unsupported .xlsx file: ${msg}`, "damaged");
  }
  return wb;
}

/** Every sheet of an .xlsx as cell arrays (values normalised per src/workbook/cells.ts). */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookCells> {
  const wb = await loadXlsx(bytes);
  const sheets: SheetCells[] = [];
  wb.eachSheet((ws) => sheets.push(readSheet(ws)));
  return { sheets };
}

export { readSheet as readWorksheetCells };
