/** The `--help` lines of the options several commands share (one wording for every command). */
import { DEFAULT_CARD_ID } from "../domain/card/load";
import type { CliOption } from "./io";

export const CARD_OPTION: CliOption = {
  name: `--card <${DEFAULT_CARD_ID}|karta.json>`,
  pl: `karta naboru: wbudowana (${DEFAULT_CARD_ID}, domyślna) albo plik .json z kartą`,
  en: `the call's criteria card: built in (${DEFAULT_CARD_ID}, the default) or a card .json file`,
};

export const AS_OF_OPTION: CliOption = {
  name: "--as-of <RRRR-MM-DD>",
  pl: "dzień, na który liczone są kryteria (także DD.MM.RRRR); domyślnie dziś",
  en: "the day the criteria are counted on (also DD.MM.YYYY); today by default",
};

export const LANG_OPTION: CliOption = {
  name: "--lang <pl|en>",
  pl: "język komunikatów i wyników: pl (domyślnie) albo en",
  en: "the language of messages and results: pl (the default) or en",
};

export const JSON_OPTION: CliOption = {
  name: "--json",
  pl: "wynik jako JSON na standardowym wyjściu (komunikaty w języku --lang)",
  en: "the result as JSON on standard output (messages in the --lang language)",
};

export function outputOption(example: string, pl: string, en: string): CliOption {
  return { name: `-o, --output <${example}>`, pl, en };
}

/** `--force`: `check` and `summarize` write only with -o; `layout` and `plan` have a default file name. */
export function forceOption(onlyWithOutput: boolean): CliOption {
  return {
    name: "--force",
    pl: `zastąp istniejący plik wynikowy (nigdy plik wejściowy)${onlyWithOutput ? "; tylko z -o" : ""}`,
    en: `replace an existing output file (never an input)${onlyWithOutput ? "; only with -o" : ""}`,
  };
}

export const HELP_OPTION: CliOption = {
  name: "-h, --help",
  pl: "ta pomoc (po angielsku z --lang en)",
  en: "this help (in Polish without --lang en)",
};
