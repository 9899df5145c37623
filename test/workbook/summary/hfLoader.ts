import { HyperFormula } from "hyperformula";
import { CellValue, NamePlan, SheetPlan, withSpelledOutFormulas } from "../../../src/workbook/plan";

/**
 * Loads sheet plans into HyperFormula (dev only, GPLv3): each block's formulas as formulas, its values as
 * values (text that starts with "=" would be read as a formula by HyperFormula, so such text is refused here).
 */
export type HfCell = string | number | boolean | null;

export function planGrid(sheetPlan: SheetPlan): HfCell[][] {
  const plan = withSpelledOutFormulas(sheetPlan);
  const grid: HfCell[][] = [];
  for (const b of plan.blocks)
    b.values.forEach((row, r) => {
      const rr = b.row + r;
      while (grid.length <= rr) grid.push([]);
      const width = Math.max(row.length, b.formulas?.[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const f = b.formulas?.[r]?.[c];
        const v: CellValue = row[c] ?? null;
        if (f) grid[rr][b.col + c] = f;
        else {
          if (typeof v === "string" && v.startsWith("="))
            throw new Error(`text "${v}" would load as a formula`);
          grid[rr][b.col + c] = v;
        }
      }
    });
  return grid.map((r) => Array.from(r, (v) => (v === undefined ? null : v)));
}

export function loadPlans(plans: SheetPlan[], names: NamePlan[] = []): HyperFormula {
  const sheets: Record<string, HfCell[][]> = {};
  // HyperFormula parses raw strings as typed input ("2021" → a number); an apostrophe keeps text text.
  for (const p of plans)
    sheets[p.name] = planGrid(p).map((r) =>
      r.map((v) => (typeof v === "string" && !v.startsWith("=") ? `'${v}` : v)),
    );
  return HyperFormula.buildFromSheets(
    sheets as never,
    { licenseKey: "gpl-v3" },
    names.map((n) => ({ name: n.name, expression: n.refersTo })),
  );
}

/** A cell's computed value: numbers, text, booleans; errors as their code ("#N/A"); empty as null. */
export function valueAt(
  hf: HyperFormula,
  sheet: string,
  row: number,
  col: number,
): string | number | boolean | null {
  const id = hf.getSheetId(sheet);
  if (id === undefined) throw new Error(`no sheet ${sheet}`);
  const v = hf.getCellValue({ sheet: id, row, col });
  if (v !== null && typeof v === "object") return (v as { value: string }).value;
  return v as string | number | boolean | null;
}
