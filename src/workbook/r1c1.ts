/**
 * A1 → R1C1 for the formulas Miernik writes: cell references (`B5`, `$B5`, `B$5`, `$B$5`, ranges of
 * them, sheet-qualified) become R1C1 relative to the formula's cell, as Excel spells them (`RC2`,
 * `R[-1]C`, `R3C[2]`). Text in double quotes and quoted sheet names are left alone; names
 * (`P_asOf`, `D_age`) and function names are not references. Whole-column/row references (`A:A`)
 * are not used by Miernik and are refused.
 */
import { columnIndex } from "./address";

const REF = /^(\$?)([A-Z]{1,3})(\$?)(\d{1,7})/;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_.\\]/.test(ch);
}

/** `formula` (A1, with or without "=") as R1C1 for the cell at 0-based (`row`, `col`). */
export function a1ToR1C1(formula: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = formula.indexOf(ch, i + 1);
      let j = end < 0 ? formula.length : end + 1;
      // A doubled quote inside stays inside.
      while (j < formula.length && formula[j] === ch) {
        const next = formula.indexOf(ch, j + 1);
        j = next < 0 ? formula.length : next + 1;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    const m = isNameChar(formula[i - 1]) ? null : REF.exec(formula.slice(i, i + 12));
    if (m && !isNameChar(formula[i + m[0].length]) && formula[i + m[0].length] !== "(") {
      const r = Number(m[4]) - 1;
      const c = columnIndex(m[2]);
      const rowPart = m[3] === "$" ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
      const colPart = m[1] === "$" ? `C${c + 1}` : c === col ? "C" : `C[${c - col}]`;
      out += rowPart + colPart;
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_\\]/.test(ch)) {
      // A name or function: copy it whole, so its tail is never read as a reference.
      let j = i;
      while (j < formula.length && isNameChar(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === ":" && /^\$?[A-Z]{1,3}$/.test(word))
        throw new RangeError(`Whole-column reference in "${formula}"`);
      out += word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
