import { CliError } from "./io";
import { didYouMean } from "./suggest";

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

/**
 * Strict option parsing: every option must be declared; `--x value` or `--x=value` for valued options,
 * `--flag` for flags. Anything else is a usage error (exit 2), and so is a valued option given twice
 * (`--lang en --lang pl`, `-o a.xlsx -o b.xlsx`: which one was meant is not guessed). Messages name the
 * option as it was typed (`-o`, with its long name).
 */
export function parseArgs(
  args: string[],
  spec: { values?: string[]; flags?: string[]; aliases?: Record<string, string> },
): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const out: ParsedArgs = { positional: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    const typed = args[i];
    let a = typed;
    if (spec.aliases && spec.aliases[a]) a = spec.aliases[a];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const key = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (values.has(key)) {
        // "-o (--output)" when the short form was typed: the user sees what they wrote.
        const name = typed === a || typed.startsWith("--") ? `--${key}` : `${typed} (--${key})`;
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined || v === "" || (eq < 0 && /^-[^\d]/.test(v)))
          throw new CliError(`opcja ${name} wymaga wartości / option ${name} needs a value`);
        if (key in out.options)
          throw new CliError(
            `opcja ${name} podana dwa razy („${String(out.options[key])}”, „${v}”) — podaj ją raz / ` +
              `option ${name} given twice ("${String(out.options[key])}", "${v}"): give it once`,
          );
        out.options[key] = v;
      } else if (flags.has(key) && eq < 0) {
        out.options[key] = true;
      } else if (flags.has(key)) {
        throw new CliError(
          `opcja --${key} nie przyjmuje wartości — napisz samo --${key} / option --${key} takes no value: write --${key} alone`,
        );
      } else {
        throw unknownOption(a, key, values, flags, spec.aliases);
      }
    } else if (a.startsWith("-") && a.length > 1) {
      throw unknownOption(a, null, values, flags, spec.aliases);
    } else {
      out.positional.push(a);
    }
  }
  return out;
}

/** An option nobody declared, with the declared one it most likely was (`--as-off` → `--as-of`). */
function unknownOption(
  typed: string,
  key: string | null,
  values: Set<string>,
  flags: Set<string>,
  aliases: Record<string, string> | undefined,
): CliError {
  const known = [...values, ...flags].map((k) => `--${k}`);
  const short = Object.keys(aliases ?? {});
  const asTyped = key === null ? typed : `--${key}`;
  const hint = didYouMean(asTyped, key === null ? [...short, ...known] : known);
  return new CliError(`nieznana opcja ${typed}${hint.pl} / unknown option ${typed}${hint.en}`);
}
