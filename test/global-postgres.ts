// Vitest's global set-up for QUIRE_TEST_DATABASE=postgres: one migrated database made once
// per run, that each test file's own database is copied from (test/setup-database.ts). A copy
// takes about a third of the time of creating a database and running the migrations on it.
import type { TestProject } from "vitest/node";
import { runPgMigrations } from "../db/pg/migrate";
import { connectTo, createTestDatabase, dropTestDatabase } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.QUIRE_TEST_DATABASE !== "postgres") return void project.provide("pgTemplate", null);
  const template = await createTestDatabase("quire_vitest_template");
  const client = await connectTo(template);
  try {
    await runPgMigrations(client);
  } finally {
    await client.end(); // a template is copied only while no one is connected to it
  }
  project.provide("pgTemplate", template);
  return async () => dropTestDatabase(template);
}
