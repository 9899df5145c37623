/** What a CLI command gets: its arguments and where to write. Commands return the exit code. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A user error: printed as one line, exit code 2 (usage) unless stated. Never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
