/** A1 address helpers. Rows and columns are 0-based in code, 1-based/lettered in A1 text. */

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`Bad column index ${col}`);
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  const up = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) throw new RangeError(`Bad column letters "${letters}"`);
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B5" for (row 4, col 1). */
export function a1(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** "A1:C3" for a rectangle given by its top-left cell and size. */
export function rangeA1(row: number, col: number, rows: number, cols: number, absolute = false): string {
  const tl = a1(row, col, absolute);
  if (rows === 1 && cols === 1) return tl;
  return `${tl}:${a1(row + rows - 1, col + cols - 1, absolute)}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(ref: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new RangeError(`Bad cell address "${ref}"`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function parseRange(ref: string): RangeRef {
  const [a, b] = ref.split(":");
  const s = parseA1(a);
  const e = b === undefined ? s : parseA1(b);
  return {
    row: Math.min(s.row, e.row),
    col: Math.min(s.col, e.col),
    rows: Math.abs(e.row - s.row) + 1,
    cols: Math.abs(e.col - s.col) + 1,
  };
}

/** Quote a sheet name for use in a formula or reference: 'Monitoring 2023'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}
