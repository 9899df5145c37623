/**
 * The reference for the register's derived formula columns (./plan.ts `derivedFormulas`): the value each
 * derived column takes for a participant row, computed in TypeScript from the engine's own `derive()`
 * (src/domain/card/groups.ts) — birth date, age at start, the person key and duplicate flag the row checks set
 * (`personKey`, `duplicateOf`: the participant must come from `checkRegister`), evaluable, and the group flags as 1/0.
 * test/workbook/criteria/formulas.test.ts checks, row by row in HyperFormula, that the formulas give these
 * values; the criteria agreement tests and the bench load them as plain values to recalculate the criteria
 * sheet alone (a register of 100 000 rows with ~20 formulas each does not fit HyperFormula's memory).
 *
 * Not reproduced: the row status text (`rowStatus`), which tells dates typed as text apart from missing
 * ones — the parsed participant no longer knows; no criterion reads it, and it is left "" here.
 */
import { birthDateOf, derive, isEvaluable } from "../../domain/card/groups";
import type { CardParameters, Participant } from "../../domain/card/types";
import type { CellValue } from "../plan";
import { DERIVED_FLAGS, DERIVED_KEYS, DerivedKey } from "./layout";

export function derivedValues(
  p: Participant,
  params: CardParameters,
  asOf: number,
): Record<DerivedKey, CellValue> {
  const dv = derive(p, params, asOf);
  const out = {
    birth: birthDateOf(p) ?? "",
    age: dv.age ?? "",
    personKey: p.personKey ?? "",
    duplicate: (p.duplicateOf ?? null) === null ? 0 : 1,
    evaluable: isEvaluable(p) ? 1 : 0,
    rowStatus: "",
  } as Record<DerivedKey, CellValue>;
  for (const f of DERIVED_FLAGS) out[f] = dv[f] ? 1 : 0;
  return out;
}

/** The derived columns of one row in sheet order (DERIVED_KEYS), to follow the row's input columns. */
export function derivedRow(p: Participant, params: CardParameters, asOf: number): CellValue[] {
  const v = derivedValues(p, params, asOf);
  return DERIVED_KEYS.map((k) => v[k]);
}
