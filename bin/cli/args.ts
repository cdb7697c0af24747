import { parseArgs } from "node:util";
import type { z } from "zod";
import { UsageError } from "./errors";

const HELP_HINT = 'Run "npm run quire -- help" for usage.';

export type Flags<K extends string> = { values: Partial<Record<K, string>>; help: boolean };

/**
 * Strict parsing of `--name value` flags, all strings, plus `--help`.
 * Node's own messages are rephrased: they are terse, and one of them would echo a
 * positional argument, which may well be a password typed in the wrong place.
 */
export function parseFlags<K extends string>(command: string, args: string[], names: readonly K[]): Flags<K> {
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" as const }]));
  try {
    const { values } = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    const { help, ...rest } = values as Record<string, string | boolean | undefined>;
    return { values: rest as Partial<Record<K, string>>, help: help === true };
  } catch (error) {
    throw new UsageError(`${describeParseError(command, error)} ${HELP_HINT}`);
  }
}

function describeParseError(command: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const flag = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    if (/^--?password$|^-p$/.test(flag)) {
      return "There is no --password flag: passwords are read from the terminal or stdin, never from the command line.";
    }
    return `Unknown option ${flag} for ${command}.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `Option ${flag} needs a value.`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `${command} takes only --options, no bare arguments.`;
  return `Could not read the options of ${command}.`;
}

/** A required flag's value, or a usage error naming it. */
export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`Missing --${flag}. ${HELP_HINT}`);
  return value;
}

/** Validates a flag's value with the web form's zod field, so both accept the same input. */
export function parseFlagValue<T>(schema: z.ZodType<T>, value: string, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag}: ${parsed.error.issues[0]?.message ?? "invalid value."}`);
  return parsed.data;
}
