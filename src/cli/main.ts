import { CliCommand, CliError, CliIO, InputError } from "./io";
import { didYouMean } from "./suggest";

/**
 * Each command lives in ./commands/<name>.ts and is registered here.
 * Exit codes: 0 ok, 1 findings (errors / criteria not met), 2 usage or unreadable input.
 */
const commands: CliCommand[] = [];

export function registerCommands(list: CliCommand[]): void {
  commands.push(...list.filter((c) => !commands.some((k) => k.name === c.name)));
}

function usage(): string {
  const lines = ["Użycie / usage: miernik <polecenie> [opcje]", ""];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push("", "miernik <polecenie> --help: szczegóły / details");
  return lines.join("\n");
}

/**
 * Text for a terminal: control characters and escape sequences (which may come from cell values, e.g.
 * ANSI colour codes in a participant's name) are removed; tab and line feed stay.
 */
export function terminalSafe(text: string): string {
  /* eslint-disable no-control-regex -- these regexes exist to remove control characters */
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "")
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");
  /* eslint-enable no-control-regex */
}

/** The language of `--help`: English when `--lang en` (or `--lang=en`) is among the arguments. */
function helpLang(args: string[]): "pl" | "en" {
  const i = args.indexOf("--lang");
  return args.includes("--lang=en") || (i >= 0 && args[i + 1] === "en") ? "en" : "pl";
}

/** `miernik <command> --help`: the usage line, what the command does and every option explained. */
export function commandHelp(cmd: CliCommand, lang: "pl" | "en"): string {
  const lines = [`${lang === "pl" ? "Użycie" : "Usage"}: ${cmd.usage}`, `  ${cmd.summary}`];
  const opts = cmd.options ?? [];
  if (opts.length > 0) {
    lines.push("", lang === "pl" ? "Opcje:" : "Options:");
    const width = Math.max(...opts.map((o) => o.name.length));
    for (const o of opts) lines.push(`  ${o.name.padEnd(width)}  ${o[lang]}`);
  }
  return lines.join("\n");
}

const line = (t: string): string => {
  const s = terminalSafe(t);
  return s.endsWith("\n") ? s : s + "\n";
};

const defaultIO: CliIO = {
  out: (t) => process.stdout.write(line(t)),
  err: (t) => process.stderr.write(line(t)),
  cwd: process.cwd(),
};

export async function run(argv: string[], io: CliIO = defaultIO): Promise<number> {
  loadCommands();
  const [name, ...rest] = argv;
  // `miernik help check` is `miernik check --help`.
  const asked = name === "help" && rest.length > 0 ? commands.find((c) => c.name === rest[0]) : undefined;
  if (asked) {
    io.out(commandHelp(asked, helpLang(rest)));
    return 0;
  }
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.out : io.err)(usage());
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    const hint = didYouMean(
      name,
      commands.map((c) => c.name),
    );
    io.err(
      `miernik: nieznane polecenie „${name}”${hint.pl} / unknown command "${name}"${hint.en}\n\n${usage()}`,
    );
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(commandHelp(cmd, helpLang(rest)));
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      // A file's problem in the --lang language alone when it has both (a bad command line stays in both).
      const text = e instanceof InputError && e.localized ? e.localized[helpLang(rest)] : e.message;
      io.err(`miernik ${name}: ${text}`);
      if (e.usage) io.err(`Użycie / usage: ${cmd.usage}`);
      return e.exitCode;
    }
    io.err(`miernik ${name}: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
    return 2;
  }
}

let loaded = false;
function loadCommands(): void {
  if (loaded) return;
  loaded = true;
  // Commands register themselves here; keep one line per command, in the order shown in the usage text.

  const modules: { command: CliCommand }[] = [
    require("./commands/layout"),
    require("./commands/validate"),
    require("./commands/check"),
    require("./commands/summarize"),
    require("./commands/plan"),
  ];
  registerCommands(modules.map((m) => m.command));
}
