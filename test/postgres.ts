// The PostgreSQL server these machines run (127.0.0.1:5432, trust auth; STACK-NOTES says how
// to start it, and .ci/run does): each test file that needs it makes a database of its own
// and drops it afterwards, as the SQLite tests each get a fresh file.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closePgDatabase, openPgDatabase, type PgDb } from "../db/pg/connection";
import { runPgMigrations } from "../db/pg/migrate";

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

/** A new, empty database named `<prefix>_<random>`; the name is made here, never from input. */
export async function createTestDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  await asAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
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

export type PgSite = { database: string; url: string; instances: PgDb[]; db: PgDb };

/**
 * A database of the test file's own for the length of the file, migrated unless told not
 * to, with `instances` pools of `poolSize` connections (as that many machines would have);
 * everything closed and the database dropped after the file. Read its fields in tests.
 */
export function usePgSite({
  prefix,
  instances = 1,
  poolSize = 4,
  migrate = true,
}: {
  prefix: string;
  instances?: number;
  poolSize?: number;
  migrate?: boolean;
}): PgSite {
  const site = { instances: [] } as unknown as PgSite;
  beforeAll(async () => {
    site.database = await createTestDatabase(prefix);
    site.url = urlOf(site.database);
    for (let i = 0; i < instances; i++) site.instances.push(openPgDatabase({ url: site.url, poolSize }));
    site.db = site.instances[0]!;
    if (!migrate) return;
    const client = await site.db.$client.connect();
    try {
      await runPgMigrations(client);
    } finally {
      client.release();
    }
  });
  afterAll(async () => {
    await Promise.all(site.instances.map(closePgDatabase));
    if (site.database) await dropTestDatabase(site.database);
  });
  return site;
}
