// Moving a site from SQLite to PostgreSQL: the small authorisation site (test/admin-fixture.ts)
// plus a reply whose parent comes later in the table, copied into a fresh PostgreSQL database,
// reads back the same row for row. Runs in the SQLite pass (the test file's own SQLite file is
// the source); skipped, saying so, when no PostgreSQL server answers.
import { asc, eq, getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { databaseFile } from "@/db/connection";
import { databaseKind } from "@/db/kind";
import * as pgSchema from "@/db/schema/pg";
import * as sqliteSchema from "@/db/schema/sqlite";
import { write } from "@/db/transaction";
import { getEnv } from "@/lib/env";
import { seedSite } from "@/test/admin-fixture";
import { POSTGRES_MISSING, postgresAnswers, usePgSite } from "@/test/postgres";
import { copySqliteToPg } from "./copy-from-sqlite";

const reachable = await postgresAnswers();
const onSqlite = databaseKind() === "sqlite";

const tablesOf = <T>(schema: object, kind: typeof PgTable | typeof SQLiteTable) =>
  new Map(
    (Object.values(schema) as unknown[]).filter((v) => is(v, kind)).map((t) => [getTableName(t as never), t as T]),
  );

// Skipped without a PostgreSQL server to copy into, and on the PostgreSQL pass, where the
// file's own database (the copy's source) is PostgreSQL rather than a SQLite file.
describe.skipIf(!reachable || !onSqlite)("copying a SQLite site to PostgreSQL", () => {
  const target = usePgSite({ prefix: "quire_copy" });

  beforeAll(async () => {
    await seedSite();
    // A reply stored before its parent (imports link threads after inserting every comment).
    await write(async (db) => {
      const [reply] = await db
        .insert(sqliteSchema.comments)
        .values({ postId: 14, authorName: "Early reply", markdown: "Yes.", html: "<p>Yes.</p>", status: "approved" })
        .returning({ id: sqliteSchema.comments.id });
      const [parent] = await db
        .insert(sqliteSchema.comments)
        .values({ postId: 14, authorName: "Late parent", markdown: "Why?", html: "<p>Why?</p>", status: "approved" })
        .returning({ id: sqliteSchema.comments.id });
      await db
        .update(sqliteSchema.comments)
        .set({ parentId: parent!.id })
        .where(eq(sqliteSchema.comments.id, reply!.id));
    });
  });

  it("copies every table's rows, values and types alike, and new ids continue after the copied ones", async () => {
    const copied = await copySqliteToPg(databaseFile(getEnv().dataDir), target.db);
    const sqliteTables = tablesOf<SQLiteTable>(sqliteSchema, SQLiteTable);
    const pgTables = tablesOf<PgTable>(pgSchema, PgTable);
    expect(new Set(copied.map((c) => c.table))).toEqual(new Set(sqliteTables.keys()));
    expect(copied.find((c) => c.table === "comments")!.rows).toBeGreaterThanOrEqual(6);

    for (const [name, from] of sqliteTables) {
      const to = pgTables.get(name)!;
      const order = (table: SQLiteTable | PgTable) =>
        Object.values(getTableColumns(table)).map((column) => asc(column as never));
      const before = await getDb()
        .select()
        .from(from)
        .orderBy(...order(from));
      const after = await target.db
        .select()
        .from(to)
        .orderBy(...order(to));
      expect(after, name).toEqual(before);
    }

    const [next] = await target.db
      .insert(pgSchema.tags)
      .values({ name: "After the move", slug: "after-the-move" })
      .returning({ id: pgSchema.tags.id });
    const [highest] = await getDb()
      .select({ id: sqliteSchema.tags.id })
      .from(sqliteSchema.tags)
      .orderBy(asc(sqliteSchema.tags.id))
      .limit(1)
      .offset(Math.max(0, (await getDb().$count(sqliteSchema.tags)) - 1));
    expect(next!.id).toBe(highest!.id + 1);
  });

  it("copies nothing into a database that already holds rows: the one transaction rolls back", async () => {
    const rowsBefore = await target.db.$count(pgSchema.comments);
    await expect(copySqliteToPg(databaseFile(getEnv().dataDir), target.db)).rejects.toThrow();
    expect(await target.db.$count(pgSchema.comments)).toBe(rowsBefore);
    expect(await target.db.$count(pgSchema.tags)).toBe((await getDb().$count(sqliteSchema.tags)) + 1);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: copying to PostgreSQL not tried`, () => {});
