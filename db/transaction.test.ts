import { beforeAll, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { getDb, openWrite } from "./client";
import { openDatabase } from "./connection";
import { databaseKind } from "./kind";
import { tags } from "./schema";
import { write } from "./transaction";
import { writeScenarios } from "./transaction.scenarios";

const tagNamed = (name: string) => ({ name, slug: name.toLowerCase().replace(/\W+/g, "-") });
const namesOf = async () => (await getDb().select({ name: tags.name }).from(tags)).map((row) => row.name).sort();

const onSqlite = databaseKind() === "sqlite";

describe(`write on ${onSqlite ? "SQLite" : "PostgreSQL"}`, () => {
  beforeAll(() => migratedDb());

  writeScenarios(() => ({ write, getDb, openWrite, tags }));

  // SQLite's connections only: on PostgreSQL write() runs on a pooled connection of its own and
  // takes no other, and the pool itself may write (the scenarios above are what holds there).

  it.skipIf(!onSqlite)(
    "writes through another connection when given one, in its turn: never waiting on the writer's lock",
    async () => {
      const other = openDatabase(migratedDb().$client.name);
      other.$client.pragma("busy_timeout = 100"); // waiting on the lock would fail fast, not stall
      const first = write(async (db) => {
        await db.insert(tags).values(tagNamed("Writer first"));
        await new Promise((resolve) => setTimeout(resolve, 20)); // the writer holds the lock meanwhile
      });
      const second = write((db) => db.insert(tags).values(tagNamed("Through another")), other);
      await Promise.all([first, second]);
      expect(await namesOf()).toEqual(expect.arrayContaining(["Writer first", "Through another"]));
      other.$client.close();
    },
  );

  it.skipIf(!onSqlite)(
    "refuses a write made outside write(), so none can slip into another request's transaction",
    async () => {
      await expect(getDb().insert(tags).values(tagNamed("Stray"))).rejects.toThrow(/readonly/);
      expect(await namesOf()).not.toContain("Stray");
    },
  );
});
