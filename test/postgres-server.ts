// The PostgreSQL server these machines run (127.0.0.1:5432, trust auth; STACK-NOTES says how
// to start it, and .ci/run does): databases made and dropped by the tests that need one.
// No Vitest here, so that the Playwright journeys (e2e/cluster) may use it too;
// test/postgres.ts re-exports it with the Vitest helpers.
import crypto from "node:crypto";
import pg from "pg";

export const POSTGRES = { host: "127.0.0.1", port: 5432, user: "postgres" };

/** Whether the server answers; a test file skips itself, saying so, when it does not. */
export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ ...POSTGRES, database: "postgres", connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const POSTGRES_MISSING =
  `PostgreSQL does not answer on ${POSTGRES.host}:${POSTGRES.port}` +
  " (.ci/run starts it: see ../shared/design/STACK-NOTES.md)";

async function asAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...POSTGRES, database: "postgres" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new database named `<prefix>_<random>`: empty, or a copy of `template` (a database no one
 * is connected to). The names are made by the tests, never from input.
 */
export async function createTestDatabase(prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  await asAdmin((client) => client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`));
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** The databases whose names start with `prefix` (letters, digits and underscores only). */
export async function databasesNamed(prefix: string): Promise<string[]> {
  const { rows } = await asAdmin((client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]),
  );
  return rows.map((row) => row.datname).filter((name) => /^\w+$/.test(name));
}

/** A client connected to `database`, which the caller ends. */
export async function connectTo(database: string): Promise<pg.Client> {
  const client = new pg.Client({ ...POSTGRES, database });
  await client.connect();
  return client;
}

/**
 * Points the app's modules, loaded after this, at a PostgreSQL database, as a process
 * started with DATABASE_URL would be, with the secrets such a site must be given (lib/env.ts).
 */
export function pointAppAt(url: string): void {
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "test-auth-secret-of-thirty-two-characters";
  process.env.QUIRE_COMMENTS_SECRET ??= "test-comments-secret-of-thirty-two-characters";
  process.env.QUIRE_IP_SALT ??= "test-ip-salt-of-sixteen";
}

export const urlOf = (database: string) => `postgres://${POSTGRES.user}@${POSTGRES.host}:${POSTGRES.port}/${database}`;
