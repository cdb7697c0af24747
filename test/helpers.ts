import type { SQL } from "drizzle-orm";
import { getDb, writerConnection } from "@/db/client";
import { databaseKind } from "@/db/kind";
import { runMigrations } from "@/db/migrate";
import type { PgDb } from "@/db/pg/connection";
import { write } from "@/db/transaction";

/**
 * The test file's database, migrated: the writer connection, on which a test sets up its
 * rows directly (a test runs one thing at a time, so nothing else is writing). On
 * PostgreSQL, the pool (test/setup-database.ts has migrated the file's database).
 * Set-up that must run on both databases writes through `write()` instead.
 */
export function migratedDb() {
  if (databaseKind() === "postgres") return getDb();
  const db = writerConnection();
  runMigrations(db.$client);
  return db;
}

/**
 * Runs one raw statement in a write of its own, on either database: for test set-up the
 * app never does (a trigger, a table emptied). The statement must suit the active
 * database; `databaseKind()` chooses.
 */
export async function execute(statement: SQL): Promise<void> {
  migratedDb();
  await write(async (db) => {
    if (databaseKind() === "postgres") await (db as unknown as PgDb).execute(statement);
    else db.run(statement);
  });
}

/** The first row a query answers, or undefined: Drizzle's builders answer arrays on both databases. */
export async function row<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** `Authorization: Ghost <JWT>` for an Admin key "id:secret", made as @tryghost/admin-api makes it. */
export async function ghostAuthorization(adminKey: string): Promise<string> {
  const { SignJWT } = await import("jose");
  const [id, secret] = adminKey.split(":") as [string, string];
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256", kid: id, typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime("5m")
    .setAudience("/admin/")
    .sign(Buffer.from(secret, "hex"));
  return `Ghost ${token}`;
}
