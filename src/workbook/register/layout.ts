/**
 * Where the register's columns live in the `Uczestnicy` sheet and the defined names the criteria
 * formulas read — the contract between the register table and the criteria sheet. Input columns come
 * first, in REGISTER_COLUMNS order, then the derived columns (computed per row from the inputs and the
 * card parameters). Every column gets a workbook name `U_<key>` over a bounded range (rows 2 to
 * capacity + 1): HyperFormula and LibreOffice read names where Excel could also use table references.
 */
import type { DerivedFlag } from "../../domain/card/groups";
import { ColumnKey, REGISTER_COLUMNS } from "../../domain/register/columns";
import { columnLetters } from "../address";
import type { NamePlan } from "../plan";

export const REGISTER_SHEET = "Uczestnicy";
/** Rows the names cover by default (the bench and the criteria formulas stay fast at this size). */
export const DEFAULT_CAPACITY = 100_000;

/** Derived flag columns (1/0 per data row, "" on empty rows), in the order they follow the inputs. */
export const DERIVED_FLAGS: readonly DerivedFlag[] = [
  "unemployed",
  "longTermUnemployed",
  "inactive",
  "age50plus",
  "women",
  "disabled",
  "lowQualified",
  "other",
  "effPopulation",
  "ended",
  "employed",
  "pending",
  "left",
  "employedAfterLeaving",
];

export type DerivedKey = "age" | "evaluable" | DerivedFlag | "rowStatus";
export const DERIVED_KEYS: readonly DerivedKey[] = ["age", "evaluable", ...DERIVED_FLAGS, "rowStatus"];

export type RegisterKey = ColumnKey | DerivedKey;

/** 0-based column of every register key. */
export const REGISTER_COLUMN_INDEX: ReadonlyMap<RegisterKey, number> = new Map<RegisterKey, number>([
  ...REGISTER_COLUMNS.map((c, i) => [c.key, i] as [RegisterKey, number]),
  ...DERIVED_KEYS.map((k, i) => [k, REGISTER_COLUMNS.length + i] as [RegisterKey, number]),
]);

export function registerColumnLetter(key: RegisterKey): string {
  const i = REGISTER_COLUMN_INDEX.get(key);
  if (i === undefined) throw new Error(`unknown register column ${key}`);
  return columnLetters(i);
}

/** The defined name of a register column, e.g. `U_status`. */
export function registerName(key: RegisterKey): string {
  return `U_${key}`;
}

/** `U_<key>` for every input and derived column, over rows 2..capacity+1 of the register sheet. */
export function registerNames(capacity: number = DEFAULT_CAPACITY): NamePlan[] {
  return [...REGISTER_COLUMN_INDEX.keys()].map((key) => {
    const col = registerColumnLetter(key);
    return {
      name: registerName(key),
      refersTo: `='${REGISTER_SHEET}'!$${col}$2:$${col}$${capacity + 1}`,
    };
  });
}
