// Vitest's global set-up for QUIRE_TEST_DATABASE=postgres: one migrated database made once
// per run, that each test file's own database is copied from (test/setup-database.ts). A copy
// takes about a third of the time of creating a database and running the migrations on it.
import crypto from "node:crypto";
import type { TestProject } from "vitest/node";
import { runPgMigrations } from "../db/pg/migrate";
import { connectTo, createTestDatabase, databasesNamed, dropTestDatabase } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
    /** The prefix of every test file's database in this run, which the teardown drops. */
    pgRun: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.QUIRE_TEST_DATABASE !== "postgres") {
    project.provide("pgTemplate", null);
    return void project.provide("pgRun", null);
  }
  // A file whose tests are all skipped runs no afterAll hook, so it cannot drop its own
  // database: the teardown drops what is left under this run's prefix.
  const run = `quire_vitest_${crypto.randomBytes(4).toString("hex")}`;
  project.provide("pgRun", run);
  const template = await createTestDatabase("quire_vitest_template");
  const client = await connectTo(template);
  try {
    await runPgMigrations(client);
  } finally {
    await client.end(); // a template is copied only while no one is connected to it
  }
  project.provide("pgTemplate", template);
  return async () => {
    await dropTestDatabase(template);
    for (const name of await databasesNamed(`${run}_`)) await dropTestDatabase(name);
  };
}
