/** What a CLI command gets: its arguments and where to write. Commands return the exit code. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** One line of a command's `--help`: the option as typed and what it does, in both languages. */
export interface CliOption {
  name: string;
  pl: string;
  en: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Every option the command accepts, explained (`miernik <command> --help`, `--lang en` for English). */
  options?: CliOption[];
  run(args: string[], io: CliIO): Promise<number>;
}

/**
 * A user error: printed as one line, exit code 2 unless stated. Never a stack trace. The usage text
 * follows only when `usage` is true (the default for exit code 2: a bad command line).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    readonly usage = exitCode === 2,
  ) {
    super(message);
  }
}

/** A file that cannot be read or written (exit 2, no usage text: the command line was fine). */
export class InputError extends CliError {
  /** The message in each language, when it has both: printed in the `--lang` language alone. */
  localized?: { pl: string; en: string };

  constructor(message: string, exitCode = 2) {
    super(message, exitCode, false);
  }

  /** An InputError in both languages (`message` holds both, `pl / en`; the CLI prints the `--lang` one). */
  static of(pl: string, en: string): InputError {
    const e = new InputError(`${pl} / ${en}`);
    e.localized = { pl, en };
    return e;
  }
}
