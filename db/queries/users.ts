import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { write } from "../transaction";
import { type Role, users } from "../schema";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { type DbOrTx, uniqueSlug } from "./sql";

export function countStaff(db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
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

export async function insertUser(db: DbOrTx, user: NewStaffUser) {
  return db
    .insert(users)
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash: user.passwordHash,
      // "ada-lovelace", then "ada-lovelace-2", …
      slug: await uniqueSlug(db, users.slug, user.slugBase || "author"),
    })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, slug: users.slug })
    .get();
}

export type StaffCheck = "email_taken" | "owner_exists" | "no_owner_yet";

function ownerExists(db: DbOrTx = getDb()): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.role, "owner")).limit(1).get() !== undefined;
}

/**
 * Why this user may not be created, if so. Exactly one owner: a second one is
 * refused, and so is anyone else before the owner exists, because the web setup
 * only runs while there are no staff at all; it would then never create an owner.
 */
export function staffCheck(db: DbOrTx, user: Pick<NewStaffUser, "email" | "role">): StaffCheck | null {
  const taken = db.select({ id: users.id }).from(users).where(eq(users.email, user.email.toLowerCase())).get();
  if (taken) return "email_taken";
  const hasOwner = ownerExists(db);
  if (user.role === "owner" && hasOwner) return "owner_exists";
  if (user.role !== "owner" && !hasOwner) return "no_owner_yet";
  return null;
}

/** Checks and inserts in one IMMEDIATE transaction, so two racing commands cannot both make an owner. */
const CLI: Actor = { actorId: null, actorLabel: "cli" };

export function createStaffUser(user: NewStaffUser, actor: Actor = CLI) {
  return write(async (tx) => {
    const refused = staffCheck(tx, user);
    if (refused) return { ok: false as const, reason: refused };
    const created = await insertUser(tx, user);
    recordAudit(tx, {
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
function setPasswordByEmail(
  { email, passwordHash }: { email: string; passwordHash: string },
  db: DbOrTx = getDb(),
): boolean {
  const result = db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.email, email.toLowerCase()))
    .run();
  return result.changes > 0;
}

/** The password change and its audit entry, all or nothing. */
export function resetStaffPassword(
  { id, email, passwordHash }: { id: number; email: string; passwordHash: string },
  actor: Actor = CLI,
): boolean {
  return getDb().transaction(
    (tx) => {
      if (!setPasswordByEmail({ email, passwordHash }, tx)) return false;
      recordAudit(tx, { ...actor, action: "user.password_reset", targetType: "user", targetId: id });
      return true;
    },
    { behavior: "immediate" },
  );
}
