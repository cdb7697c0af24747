// `npm run quire -- <command>`: site administration from the server's shell.
// Run with `--conditions=react-server` (see package.json) so modules guarded by
// "server-only" load outside Next.js.
import { CliError, EXIT_FAILURE, EXIT_USAGE } from "./cli/errors";
import { USAGE } from "./cli/usage";

type Command = (args: string[]) => Promise<void>;

// Loaded on demand: `help` stays instant and a broken command cannot break the others.
const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import("./cli/migrate")).migrateCommand,
  "create-user": async () => (await import("./cli/create-user")).createUserCommand,
  "reset-password": async () => (await import("./cli/reset-password")).resetPasswordCommand,
  backup: async () => (await import("./cli/backup")).backupCommand,
  restore: async () => (await import("./cli/restore")).restoreCommand,
  import: async () => (await import("./cli/import")).importCommand,
  export: async () => (await import("./cli/export")).exportCommand,
  "seed-bench": async () => (await import("./cli/seed-bench")).seedBenchCommand,
  "copy-to-postgres": async () => (await import("./cli/copy-to-postgres")).copyToPostgresCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    console.log(USAGE);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`quire: Unknown command "${name}".\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const run = await load();
  await run(args);
  return 0;
}

// Expected failures carry a sentence for the user; anything else (a bad
// environment variable, an unreadable database) still gets its message, no stack.
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // What the "server-only" guard says when the react-server condition is missing.
  if (message.includes("cannot be imported from a Client Component")) {
    return 'Run this through "npm run quire --": it needs node\'s --conditions=react-server flag.';
  }
  return message;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`quire: ${describeError(error)}`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT_FAILURE;
  },
);
