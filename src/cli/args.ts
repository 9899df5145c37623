import { CliError } from "./io";

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

/**
 * Strict option parsing: every option must be declared; `--x value` or `--x=value` for valued options,
 * `--flag` for flags. Anything else is a usage error (exit 2).
 */
export function parseArgs(
  args: string[],
  spec: { values?: string[]; flags?: string[]; aliases?: Record<string, string> },
): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const out: ParsedArgs = { positional: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    if (spec.aliases && spec.aliases[a]) a = spec.aliases[a];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const key = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (values.has(key)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined || v === "" || (eq < 0 && /^-[^\d]/.test(v)))
          throw new CliError(`opcja --${key} wymaga wartości / option --${key} needs a value`);
        out.options[key] = v;
      } else if (flags.has(key) && eq < 0) {
        out.options[key] = true;
      } else {
        throw new CliError(`nieznana opcja / unknown option ${a}`);
      }
    } else if (a.startsWith("-") && a.length > 1) {
      throw new CliError(`nieznana opcja / unknown option ${a}`);
    } else {
      out.positional.push(a);
    }
  }
  return out;
}
