// The PostgreSQL server these machines run (127.0.0.1:5432, trust auth; STACK-NOTES says how
// to start it, and .ci/run does): each test file that needs it makes a database of its own
// and drops it afterwards, as the SQLite tests each get a fresh file.
import { afterAll, beforeAll } from "vitest";
import { closePgDatabase, openPgDatabase, type PgDb } from "../db/pg/connection";
import { runPgMigrations } from "../db/pg/migrate";
import { createTestDatabase, dropTestDatabase, urlOf } from "./postgres-server";

export * from "./postgres-server";

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
