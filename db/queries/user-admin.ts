import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { type Db, getDb } from "../client";
import { posts, type Role, users } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { slugTaken } from "./sql";
import { staffColumns } from "./users";

// The owner is never the target of these writes: `ne(users.role, "owner")` sits in each WHERE.
const notOwner = ne(users.role, "owner");

export async function listStaff() {
  return await getDb()
    .select({ ...staffColumns, slug: users.slug, posts: count(posts.id) })
    .from(users)
    .leftJoin(posts, eq(posts.authorId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.name));
}

type Outcome = { ok: true } | { ok: false; reason: "not_found" | "invalid" };

/** Changes another staff member (never oneself, never the owner); false when no such person. */
async function updateOtherStaff(
  db: Db,
  { id, actorId }: { id: number; actorId: number },
  values: SQLiteUpdateSetSource<typeof users>,
): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(users.id, id), ne(users.id, actorId), notOwner))
    .returning({ id: users.id });
  return changed.length > 0;
}

export async function changeUserRole(
  { id, role, actorId }: { id: number; role: Exclude<Role, "owner">; actorId: number },
  actor: Actor,
): Promise<Outcome> {
  return await write(async (db): Promise<Outcome> => {
    if (!(await updateOtherStaff(db, { id, actorId }, { role }))) return { ok: false, reason: "not_found" };
    await recordAudit(db, { ...actor, action: "user.role", targetType: "user", targetId: id, details: { role } });
    return { ok: true };
  });
}

/** Suspension ends every session at once (the session version moves). */
export async function setUserSuspended(
  { id, suspended, actorId }: { id: number; suspended: boolean; actorId: number },
  actor: Actor,
): Promise<Outcome> {
  return await write(async (db): Promise<Outcome> => {
    const values = {
      status: suspended ? "suspended" : "active",
      sessionVersion: sql`${users.sessionVersion} + 1`,
    } as const;
    if (!(await updateOtherStaff(db, { id, actorId }, values))) return { ok: false, reason: "not_found" };
    await recordAudit(db, {
      ...actor,
      action: suspended ? "user.suspend" : "user.unsuspend",
      targetType: "user",
      targetId: id,
    });
    return { ok: true };
  });
}

/** Deletes a staff member after handing every one of their posts to another. */
export async function deleteUserReassigning(
  { id, reassignTo, actorId }: { id: number; reassignTo: number; actorId: number },
  actor: Actor,
): Promise<Outcome> {
  return await write(async (db): Promise<Outcome> => {
    const [target] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.id, id), ne(users.id, actorId), notOwner));
    const [heir] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, reassignTo), ne(users.id, id)));
    if (!target) return { ok: false, reason: "not_found" };
    if (!heir) return { ok: false, reason: "invalid" };
    const moved = (
      await db.update(posts).set({ authorId: heir.id }).where(eq(posts.authorId, target.id)).returning({ id: posts.id })
    ).length;
    await db.delete(users).where(eq(users.id, target.id));
    await recordAudit(db, {
      ...actor,
      action: "user.delete",
      targetType: "user",
      targetId: id,
      details: { name: target.name, postsReassignedTo: heir.id, posts: moved },
    });
    return { ok: true };
  });
}

/** The owner hands ownership to another active staff member and becomes an admin. */
export async function transferOwnership(
  { ownerId, toId }: { ownerId: number; toId: number },
  actor: Actor,
): Promise<Outcome> {
  return await write(async (db): Promise<Outcome> => {
    const [owner] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, ownerId), eq(users.role, "owner")));
    const [next] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, toId), ne(users.id, ownerId), eq(users.status, "active")));
    if (!owner || !next) return { ok: false, reason: "not_found" };
    await db.update(users).set({ role: "admin", updatedAt: new Date() }).where(eq(users.id, owner.id));
    await db.update(users).set({ role: "owner", updatedAt: new Date() }).where(eq(users.id, next.id));
    await recordAudit(db, { ...actor, action: "user.transfer_ownership", targetType: "user", targetId: toId });
    return { ok: true };
  });
}

export async function getProfile({ id }: { id: number }) {
  const [profile] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      slug: users.slug,
      bio: users.bio,
      avatarUrl: users.avatarUrl,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return profile;
}

export async function updateProfile(
  input: { id: number; name: string; slug: string; bio: string; avatarUrl: string | null },
  actor: Actor,
): Promise<Outcome> {
  return await write(async (db): Promise<Outcome> => {
    if (await slugTaken(db, users, input.slug, input.id)) return { ok: false, reason: "invalid" };
    const changed = await db
      .update(users)
      .set({ name: input.name, slug: input.slug, bio: input.bio, avatarUrl: input.avatarUrl, updatedAt: new Date() })
      .where(eq(users.id, input.id))
      .returning({ id: users.id });
    if (changed.length === 0) return { ok: false, reason: "not_found" };
    await recordAudit(db, { ...actor, action: "user.profile", targetType: "user", targetId: input.id });
    return { ok: true };
  });
}

export async function getPasswordHash({ id }: { id: number }): Promise<string | undefined> {
  const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1);
  return row?.hash;
}

/** A new password ends every session of that user, this one included. */
export async function changeOwnPassword(
  { id, passwordHash }: { id: number; passwordHash: string },
  actor: Actor,
): Promise<Outcome> {
  return await write(async (db): Promise<Outcome> => {
    const changed = await db
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (changed.length === 0) return { ok: false, reason: "not_found" };
    await recordAudit(db, { ...actor, action: "user.password_change", targetType: "user", targetId: id });
    return { ok: true };
  });
}
