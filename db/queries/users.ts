import "server-only";
import { count, eq, like, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { type Role, users } from "../schema";

type DbOrTx = Tx | ReturnType<typeof getDb>;

export function countStaff(db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

/** What sign-in needs: the hash stays inside lib/auth. */
export function getUserForSignIn({ email }: { email: string }) {
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .get();
}

/** Re-read on every session check, so suspension and role changes apply at once. */
export function getSessionUser({ id }: { id: number }) {
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .get();
}

export function getUserByEmail({ email }: { email: string }) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .get();
}

/** A slug no other user has: "ada-lovelace", then "ada-lovelace-2", … */
function uniqueUserSlug(db: DbOrTx, base: string): string {
  const taken = new Set(
    db
      .select({ slug: users.slug })
      .from(users)
      .where(or(eq(users.slug, base), like(users.slug, `${base}-%`)))
      .all()
      .map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type NewStaffUser = { email: string; name: string; role: Role; passwordHash: string; slugBase: string };

export function insertUser(db: DbOrTx, user: NewStaffUser) {
  return db
    .insert(users)
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash: user.passwordHash,
      slug: uniqueUserSlug(db, user.slugBase || "author"),
    })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, slug: users.slug })
    .get();
}

/** Creates a staff user unless the email is taken; one IMMEDIATE transaction. */
export function createUser(user: NewStaffUser) {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, user.email.toLowerCase())).get();
      if (existing) return { ok: false as const, reason: "email_taken" as const };
      return { ok: true as const, user: insertUser(tx, user) };
    },
    { behavior: "immediate" },
  );
}

/** Replaces a password and ends every existing session of that user. */
export function setPasswordByEmail({ email, passwordHash }: { email: string; passwordHash: string }): boolean {
  const result = getDb()
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.email, email.toLowerCase()))
    .run();
  return result.changes > 0;
}

export function markSeen({ id }: { id: number }) {
  getDb().update(users).set({ lastSeenAt: new Date() }).where(eq(users.id, id)).run();
}
