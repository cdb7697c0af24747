// db/pg/connection.ts against the local PostgreSQL server: a small pool under many more
// concurrent queries makes them wait their turn, and none fails. Skipped, saying so, when
// no server answers.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase, POSTGRES_MISSING, postgresAnswers, urlOf } from "../../test/postgres";
import { closePgDatabase, openPgDatabase, type PgDb } from "./connection";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("the PostgreSQL pool (db/pg/connection.ts)", () => {
  let database: string;
  const opened: PgDb[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("quire_pool");
  });

  afterAll(async () => {
    await Promise.all(opened.map(closePgDatabase));
    if (database) await dropTestDatabase(database);
  });

  it("runs 40 concurrent queries on 2 connections: they queue, all succeed, at most 2 at once", async () => {
    const db = openPgDatabase({ url: urlOf(database), poolSize: 2 });
    opened.push(db);
    let running = 0;
    let most = 0;
    const query = async (n: number) => {
      const client = await db.$client.connect();
      running++;
      most = Math.max(most, running);
      try {
        const { rows } = await client.query<{ n: number }>("SELECT $1::int AS n, pg_sleep(0.02)", [n]);
        return rows[0]!.n;
      } finally {
        running--;
        client.release();
      }
    };

    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => query(i)));

    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(most).toBe(2);
    expect(db.$client.totalCount).toBeLessThanOrEqual(2);
  });

  it("answers Drizzle queries through the pool", async () => {
    const db = openPgDatabase({ url: urlOf(database), poolSize: 1 });
    opened.push(db);
    const rows = await db.execute<{ answer: number }>(sql`select 6 * 7 as answer`);
    expect(rows.rows).toEqual([{ answer: 42 }]);
  });

  it("gives up with an error, not a hang, when the server cannot be reached within the wait", async () => {
    const db = openPgDatabase({ url: "postgres://postgres@127.0.0.1:1/none", poolSize: 1, connectWaitMs: 500 });
    opened.push(db);
    await expect(db.execute(sql`select 1`)).rejects.toThrow();
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: the pool not tried`, () => {});
