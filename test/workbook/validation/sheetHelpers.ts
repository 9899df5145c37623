import { SheetCells } from "../../../src/workbook/cells";
import { CellValue, SheetPlan } from "../../../src/workbook/plan";
import { a1 } from "../../../src/workbook/address";

/** A sheet plan's blocks as the 2-D cells a reader would return (from A1; formulas' results unknown → null). */
export function planToCells(plan: SheetPlan): SheetCells {
  const values: CellValue[][] = [];
  for (const b of plan.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const rr = b.row + r;
        while (values.length <= rr) values.push([]);
        const f = b.formulas?.[r]?.[c];
        values[rr][b.col + c] = f ? null : v;
      }),
    );
  const width = Math.max(0, ...values.map((r) => r.length));
  for (const r of values) for (let c = 0; c < width; c++) if (r[c] === undefined) r[c] = null;
  return { name: plan.name, top: 0, left: 0, values };
}

export function clone(s: SheetCells): SheetCells {
  return { ...s, values: s.values.map((r) => [...r]) };
}

/** Where a header text is (first match in the top 15 rows). */
export function findHeader(s: SheetCells, test: (text: string) => boolean): { row: number; col: number } {
  for (let r = 0; r < Math.min(15, s.values.length); r++)
    for (let c = 0; c < s.values[r].length; c++) {
      const v = s.values[r][c];
      if (typeof v === "string" && test(v.trim())) return { row: r + s.top, col: c + s.left };
    }
  throw new Error("header not found");
}

export const isCodeHeader = (t: string) => /^kod miernika$/i.test(t);
export const isValueHeader = (t: string) => /^warto/i.test(t);

/** Row (0-based, sheet coordinates) of an indicator, by its code in the "Kod miernika" column. */
export function rowOf(s: SheetCells, id: string): number {
  const code = findHeader(s, isCodeHeader);
  for (let r = 0; r < s.values.length; r++) if (s.values[r][code.col - s.left] === id) return r + s.top;
  throw new Error(`no row for ${id}`);
}

/** A1 address of an indicator's value cell. */
export function valueCell(s: SheetCells, id: string): string {
  return a1(rowOf(s, id), findHeader(s, isValueHeader).col);
}

export function codeCell(s: SheetCells, id: string): string {
  return a1(rowOf(s, id), findHeader(s, isCodeHeader).col);
}

export function setValue(s: SheetCells, id: string, v: CellValue): SheetCells {
  const out = clone(s);
  out.values[rowOf(s, id) - s.top][findHeader(s, isValueHeader).col - s.left] = v;
  return out;
}

export function deleteRow(s: SheetCells, row: number): SheetCells {
  const out = clone(s);
  out.values.splice(row - s.top, 1);
  return out;
}

export function insertRows(s: SheetCells, before: number, rows: CellValue[][]): SheetCells {
  const out = clone(s);
  const width = out.values[0]?.length ?? 0;
  out.values.splice(
    before - s.top,
    0,
    ...rows.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill(null)]),
  );
  return out;
}

/** Moves a column (0-based sheet index) to another position, shifting the ones between. */
export function moveColumn(s: SheetCells, from: number, to: number): SheetCells {
  const out = clone(s);
  for (const r of out.values) {
    while (r.length <= Math.max(from, to) - s.left) r.push(null);
    const [v] = r.splice(from - s.left, 1);
    r.splice(to - s.left, 0, v);
  }
  return out;
}

export function setCell(s: SheetCells, row: number, col: number, v: CellValue): SheetCells {
  const out = clone(s);
  out.values[row - s.top][col - s.left] = v;
  return out;
}
