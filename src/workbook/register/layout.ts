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

/**
 * `birth`: the birth date used for age (from a valid PESEL, else Data urodzenia); `personKey`: the person's
 * identity ("" when none, or the row cannot be counted anyway); `duplicate`: 1 when an earlier row has the same
 * key (one person, one count: the row is not evaluable).
 */
export type DerivedKey =
  "birth" | "age" | "personKey" | "duplicate" | "evaluable" | DerivedFlag | "rowStatus";
export const DERIVED_KEYS: readonly DerivedKey[] = [
  "birth",
  "age",
  "personKey",
  "duplicate",
  "evaluable",
  ...DERIVED_FLAGS,
  "rowStatus",
];

/** 0-based column of every input column, then of every derived column (they follow the inputs). */
export const INPUT_INDEX: ReadonlyMap<ColumnKey, number> = new Map(
  REGISTER_COLUMNS.map((c, i) => [c.key, i]),
);
export const DERIVED_INDEX: ReadonlyMap<DerivedKey, number> = new Map(
  DERIVED_KEYS.map((k, i) => [k, REGISTER_COLUMNS.length + i]),
);

export function inputColumnLetter(key: ColumnKey): string {
  return columnLetters(INPUT_INDEX.get(key) as number);
}
export function derivedColumnLetter(key: DerivedKey): string {
  return columnLetters(DERIVED_INDEX.get(key) as number);
}

/** Names of input columns: `U_<key>` (e.g. `U_status`); of derived columns: `D_<key>` (e.g. `D_disabled`). */
export function inputName(key: ColumnKey): string {
  return `U_${key}`;
}
export function derivedName(key: DerivedKey): string {
  return `D_${key}`;
}

/** A name for every input and derived column, over rows 2..capacity+1 of the register sheet. */
export function registerNames(capacity: number = DEFAULT_CAPACITY): NamePlan[] {
  const range = (L: string) => `='${REGISTER_SHEET}'!$${L}$2:$${L}$${capacity + 1}`;
  return [
    ...REGISTER_COLUMNS.map((c) => ({ name: inputName(c.key), refersTo: range(inputColumnLetter(c.key)) })),
    ...DERIVED_KEYS.map((k) => ({ name: derivedName(k), refersTo: range(derivedColumnLetter(k)) })),
  ];
}
