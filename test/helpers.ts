import { getDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/** The test file's database, migrated. */
export function migratedDb() {
  const db = getDb();
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
