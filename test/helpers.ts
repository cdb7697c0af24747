import { getDb, writerConnection } from "@/db/client";
import { databaseKind } from "@/db/kind";
import { runMigrations } from "@/db/migrate";

/**
 * The test file's database, migrated: the writer connection, on which a test sets up its
 * rows directly (a test runs one thing at a time, so nothing else is writing). On
 * PostgreSQL, the pool (test/setup-database.ts has migrated the file's database).
 */
export function migratedDb() {
  if (databaseKind() === "postgres") return getDb();
  const db = writerConnection();
  runMigrations(db.$client);
  return db;
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
