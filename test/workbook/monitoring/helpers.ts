import { PROGRAMME } from "../../../src/domain/programme/programme";
import { SheetCells } from "../../../src/workbook/cells";
import { CellValue, SheetPlan } from "../../../src/workbook/plan";

/** A sheet plan's blocks as the 2-D cells a reader gets (from A1; formulas → their text in `formulas`). */
export function planToCells(plan: SheetPlan): SheetCells {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const b of plan.blocks)
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const rr = b.row + r;
        while (values.length <= rr) {
          values.push([]);
          formulas.push([]);
        }
        values[rr][b.col + c] = v;
        formulas[rr][b.col + c] = b.formulas?.[r]?.[c] ?? null;
      }),
    );
  const width = Math.max(0, ...values.map((r) => r.length));
  for (let r = 0; r < values.length; r++)
    for (let c = 0; c < width; c++) {
      if (values[r][c] === undefined) values[r][c] = null;
      if (formulas[r][c] === undefined) formulas[r][c] = null;
    }
  return { name: plan.name, top: 0, left: 0, values, formulas };
}

export function samples(): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const a of PROGRAMME.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) m.set(i.id, i.sample2023);
  return m;
}

export function clone(s: SheetCells): SheetCells {
  return { ...s, values: s.values.map((r) => [...r]), formulas: s.formulas?.map((r) => [...r]) };
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
