// Exit codes: 2 when the command line itself is wrong (fix it and rerun),
// 1 when a well-formed command failed. Both print one line, never a stack trace.
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** An expected failure: its message is written for the person at the terminal. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}
