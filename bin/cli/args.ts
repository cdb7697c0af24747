import { parseArgs } from "node:util";
import type { z } from "zod";
import { UsageError } from "./errors";

export const HELP_HINT = 'Run "npm run quire -- help" for usage.';

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

export type Options<K extends string, B extends string> = {
  values: Partial<Record<K, string>>;
  flags: Record<B, boolean>;
  positionals: string[];
  help: boolean;
};

/**
 * Like parseFlags, for commands that also take boolean switches and up to
 * `maxPositionals` bare arguments (a path). The same rephrased messages.
 */
export function parseOptions<K extends string, B extends string>(
  command: string,
  args: string[],
  spec: { strings: readonly K[]; booleans: readonly B[]; maxPositionals: number },
): Options<K, B> {
  const options = {
    ...Object.fromEntries(spec.strings.map((name) => [name, { type: "string" as const }])),
    ...Object.fromEntries(spec.booleans.map((name) => [name, { type: "boolean" as const }])),
    help: { type: "boolean" as const, short: "h" },
  };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: spec.maxPositionals > 0 });
  } catch (error) {
    throw new UsageError(`${describeParseError(command, error)} ${HELP_HINT}`);
  }
  if (parsed.positionals.length > spec.maxPositionals) {
    throw new UsageError(
      `${command} takes at most ${spec.maxPositionals} path; got ${parsed.positionals.length} bare arguments. ${HELP_HINT}`,
    );
  }
  const { help, ...rest } = parsed.values;
  const values = Object.fromEntries(spec.strings.map((name) => [name, rest[name]])) as Partial<Record<K, string>>;
  const flags = Object.fromEntries(spec.booleans.map((name) => [name, rest[name] === true])) as Record<B, boolean>;
  return { values, flags, positionals: parsed.positionals, help: help === true };
}

/** A whole number flag within bounds, or a usage error naming it. */
export function parseCount(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value.replace(/_/g, "")) ? Number(value.replace(/_/g, "")) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}.`);
  return n;
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
