/**
 * Options shared by the commands that evaluate a criteria card (`check`, `summarize`): the card
 * (built-in id or a JSON file) and the as-of date. Bad values become a one-line CliError (exit 2).
 */
import * as path from "path";
import { builtinCard, CardError, DEFAULT_CARD_ID, parseCardText } from "../domain/card/load";
import { Card } from "../domain/card/types";
import { isoToSerial } from "../domain/dates";
import { parseDateInput } from "../domain/i18n";
import { readRegularFile } from "./files";
import { CliError, InputError } from "./io";

/** The first line of an error's message (never a stack trace). */
export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/** Today (local time) as an Excel serial day number. */
export function todaySerial(now: Date = new Date()): number {
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return isoToSerial(iso) as number;
}

/** `--card`: a built-in card id, or the path of a card JSON file (relative to `cwd`). */
export function loadCard(spec: string | undefined, cwd: string): Card {
  const id = spec ?? DEFAULT_CARD_ID;
  const builtin = builtinCard(id);
  if (builtin) return builtin;
  if (!id.toLowerCase().endsWith(".json"))
    throw new CliError(
      `nieznana karta „${id}” (wbudowana: ${DEFAULT_CARD_ID}, albo ścieżka do pliku .json) / unknown card "${id}"`,
    );
  const text = new TextDecoder("utf-8").decode(readRegularFile(path.resolve(cwd, id), id));
  try {
    return parseCardText(text);
  } catch (e) {
    if (e instanceof CardError) throw new InputError(`${id}: zła karta / bad card: ${e.message}`);
    throw e;
  }
}

/**
 * `--as-of YYYY-MM-DD` (or DD.MM.YYYY, as Polish users write dates and the pane accepts them) as an
 * Excel serial; today when absent.
 */
export function parseAsOf(value: string | undefined, now?: Date): number {
  if (value === undefined) return todaySerial(now);
  const iso = parseDateInput(value);
  const s = iso === null ? null : isoToSerial(iso);
  if (s === null)
    throw new CliError(
      `--as-of: zła data „${value}”, użyj RRRR-MM-DD lub DD.MM.RRRR / bad date, use YYYY-MM-DD or DD.MM.YYYY`,
    );
  return s;
}
