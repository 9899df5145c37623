import { parseRange } from "../address";

/** Whether an edited range ("E5", "A1:Z9", "5:5") touches any of the cells. */
export function touches(changed: string, cells: readonly string[]): boolean {
  let ref: ReturnType<typeof parseRange>;
  try {
    const whole = /^\$?(\d+):\$?(\d+)$/.exec(changed); // whole rows
    if (whole) {
      const a = Number(whole[1]) - 1;
      const b = Number(whole[2]) - 1;
      ref = { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: 16384 };
    } else {
      const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(changed); // whole columns
      ref = cols ? { ...parseRange(`${cols[1]}1:${cols[2]}1048576`) } : parseRange(changed);
    }
  } catch {
    return true; // an address we cannot read: re-validate rather than miss an edit
  }
  return cells.some((c) => {
    try {
      const p = parseRange(c);
      return p.row >= ref.row && p.row < ref.row + ref.rows && p.col >= ref.col && p.col < ref.col + ref.cols;
    } catch {
      return false;
    }
  });
}
