import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { type Role, users } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { uniqueSlug } from "./sql";

export async function countStaff(db: Db = getDb()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** Who a staff member is and may do: the columns sign-in, sessions and the staff list share. */
export const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  status: users.status,
};

/** What sign-in needs: the hash stays inside lib/auth. */
export async function getUserForSignIn({ email }: { email: string }) {
  const [user] = await getDb()
    .select({ ...staffColumns, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return user;
}

/** Re-read on every session check, so suspension and role changes apply at once. */
export async function getSessionUser({ id }: { id: number }) {
  const [user] = await getDb()
    .select({ ...staffColumns, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user;
}

export async function getUserByEmail({ email }: { email: string }) {
  const [user] = await getDb().select(staffColumns).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user;
}

export type NewStaffUser = { email: string; name: string; role: Role; passwordHash: string; slugBase: string };

export async function insertUser(db: Db, user: NewStaffUser) {
  const [created] = await db
    .insert(users)
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash: user.passwordHash,
      // "ada-lovelace", then "ada-lovelace-2", …
      slug: await uniqueSlug(db, users.slug, user.slugBase || "author"),
    })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, slug: users.slug });
  return created!;
}

export type StaffCheck = "email_taken" | "owner_exists" | "no_owner_yet";

async function ownerExists(db: Db): Promise<boolean> {
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.role, "owner")).limit(1);
  return owner !== undefined;
}

/**
 * Why this user may not be created, if so. Exactly one owner: a second one is
 * refused, and so is anyone else before the owner exists, because the web setup
 * only runs while there are no staff at all; it would then never create an owner.
 */
export async function staffCheck(db: Db, user: Pick<NewStaffUser, "email" | "role">): Promise<StaffCheck | null> {
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, user.email.toLowerCase()))
    .limit(1);
  if (taken) return "email_taken";
  const hasOwner = await ownerExists(db);
  if (user.role === "owner" && hasOwner) return "owner_exists";
  if (user.role !== "owner" && !hasOwner) return "no_owner_yet";
  return null;
}

const CLI: Actor = { actorId: null, actorLabel: "cli" };

/** Checks and inserts in one write(), so two racing commands cannot both make an owner. */
export async function createStaffUser(user: NewStaffUser, actor: Actor = CLI) {
  return await write(async (db) => {
    const refused = await staffCheck(db, user);
    if (refused) return { ok: false as const, reason: refused };
    const created = await insertUser(db, user);
    await recordAudit(db, {
      ...actor,
      action: "user.create",
      targetType: "user",
      targetId: created.id,
      details: { role: created.role },
    });
    return { ok: true as const, user: created };
  });
}

/** Replaces a password and ends every existing session of that user. */
async function setPasswordByEmail(
  db: Db,
  { email, passwordHash }: { email: string; passwordHash: string },
): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.email, email.toLowerCase()))
    .returning({ id: users.id });
  return changed.length > 0;
}

/** The password change and its audit entry, all or nothing. */
export async function resetStaffPassword(
  { id, email, passwordHash }: { id: number; email: string; passwordHash: string },
  actor: Actor = CLI,
): Promise<boolean> {
  return await write(async (db) => {
    if (!(await setPasswordByEmail(db, { email, passwordHash }))) return false;
    await recordAudit(db, { ...actor, action: "user.password_reset", targetType: "user", targetId: id });
    return true;
  });
}
