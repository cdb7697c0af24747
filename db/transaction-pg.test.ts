// write()'s guarantees on PostgreSQL (db/transaction.scenarios.ts), through the app's own
// connections: DATABASE_URL names a database of this file's own, set before the database
// modules load, as a process started with it would. Skipped, saying so, when no server answers.
import { afterAll, beforeAll, describe, it } from "vitest";
import { pointAppAt, POSTGRES_MISSING, postgresAnswers, usePgSite } from "../test/postgres";
import { type WriteModules, writeScenarios } from "./transaction.scenarios";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("write on PostgreSQL", () => {
  const site = usePgSite({ prefix: "quire_write", poolSize: 1 });
  let modules: WriteModules;
  let close: () => Promise<void>;

  beforeAll(async () => {
    pointAppAt(site.url);
    const [client, schema, transaction] = await Promise.all([
      import("./client"),
      import("./schema"),
      import("./transaction"),
    ]);
    modules = { write: transaction.write, getDb: client.getDb, openWrite: client.openWrite, tags: schema.tags };
    close = client.closeDatabase;
  });
  afterAll(() => close?.());

  writeScenarios(() => modules);
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: write() on PostgreSQL not tried`, () => {});
