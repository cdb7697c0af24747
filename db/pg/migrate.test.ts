// db/pg/migrate.ts against the local PostgreSQL server, each case in a database of its own:
// instances starting together apply the migrations once, and a failing migration leaves
// nothing behind. Skipped, saying so, when no server answers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  connectTo,
  createTestDatabase,
  dropTestDatabase,
  POSTGRES_MISSING,
  postgresAnswers,
} from "../../test/postgres";
import { PG_MIGRATIONS_FOLDER, pgMigrationStatus, runPgMigrations } from "./migrate";

const reachable = await postgresAnswers();
const committed = readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_FOLDER });

describe.skipIf(!reachable)("PostgreSQL migrations (db/pg/migrate.ts)", () => {
  const databases: string[] = [];
  const clients: pg.Client[] = [];
  const folders: string[] = [];

  async function freshDatabase(connections = 1): Promise<pg.Client[]> {
    const name = await createTestDatabase("quire_migrate");
    databases.push(name);
    const opened = await Promise.all(Array.from({ length: connections }, () => connectTo(name)));
    clients.push(...opened);
    return opened;
  }

  const tableNames = async (client: pg.Client) =>
    (
      await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      )
    ).rows.map((row) => row.name);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end()));
    for (const name of databases.splice(0)) await dropTestDatabase(name);
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("a new database gets every committed migration, and a second run applies none", async () => {
    const [client] = await freshDatabase();
    expect(await pgMigrationStatus(client!)).toMatchObject({ applied: 0, total: committed.length, current: false });

    expect(await runPgMigrations(client!)).toBe(committed.length);
    expect(await tableNames(client!)).toEqual(expect.arrayContaining(["posts", "comments", "users", "settings"]));
    expect(await pgMigrationStatus(client!)).toEqual({
      applied: committed.length,
      total: committed.length,
      pending: [],
      current: true,
    });
    expect(await runPgMigrations(client!)).toBe(0);
  });

  it("four instances starting at once: one applies the migrations, the others wait and apply nothing", async () => {
    const racers = await freshDatabase(4);
    const counts = await Promise.all(racers.map((client) => runPgMigrations(client)));

    expect(counts.sort()).toEqual([0, 0, 0, committed.length]);
    const journal = await racers[0]!.query<{ n: string }>("SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
    expect(Number(journal.rows[0]!.n)).toBe(committed.length);
  });

  it("a migration that fails leaves the database as it was, journal included", async () => {
    // A copy of the committed folder whose second migration ends in a broken statement.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "quire-pg-migrations-"));
    folders.push(folder);
    fs.cpSync(PG_MIGRATIONS_FOLDER, folder, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    const second = path.join(folder, `${journal.entries[1]!.tag}.sql`);
    fs.appendFileSync(second, "\n--> statement-breakpoint\nALTER TABLE no_such_table ADD COLUMN x integer;\n");

    const [client] = await freshDatabase();
    await expect(runPgMigrations(client!, folder)).rejects.toThrow(/no_such_table/);

    expect(await tableNames(client!)).toEqual([]);
    expect(await pgMigrationStatus(client!, folder)).toMatchObject({ applied: 0, current: false });
    // The committed folder still applies cleanly afterwards.
    expect(await runPgMigrations(client!)).toBe(committed.length);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: PostgreSQL migrations not tried`, () => {});
