import { CliCommand, CliError, CliIO } from "./io";

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

const defaultIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
  cwd: process.cwd(),
};

export async function run(argv: string[], io: CliIO = defaultIO): Promise<number> {
  loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.out : io.err)(usage());
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`miernik: nieznane polecenie / unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${cmd.usage}\n  ${cmd.summary}`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`miernik ${name}: ${e.message}`);
      if (e.exitCode === 2) io.err(`Użycie / usage: ${cmd.usage}`);
      return e.exitCode;
    }
    io.err(`miernik ${name}: ${e instanceof Error ? e.message : String(e)}`);
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
