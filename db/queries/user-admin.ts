import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { getDb, type Tx } from "../client";
import { posts, type Role, users } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { immediate, slugTaken } from "./sql";
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
function updateOtherStaff(
  tx: Tx,
  { id, actorId }: { id: number; actorId: number },
  values: SQLiteUpdateSetSource<typeof users>,
) {
  const changed = tx
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(users.id, id), ne(users.id, actorId), notOwner))
    .run();
  return changed.changes > 0;
}

export function changeUserRole(
  { id, role, actorId }: { id: number; role: Exclude<Role, "owner">; actorId: number },
  actor: Actor,
): Outcome {
  return immediate((tx): Outcome => {
    if (!updateOtherStaff(tx, { id, actorId }, { role })) return { ok: false, reason: "not_found" };
    recordAudit(tx, { ...actor, action: "user.role", targetType: "user", targetId: id, details: { role } });
    return { ok: true };
  });
}

/** Suspension ends every session at once (the session version moves). */
export function setUserSuspended(
  { id, suspended, actorId }: { id: number; suspended: boolean; actorId: number },
  actor: Actor,
): Outcome {
  return immediate((tx): Outcome => {
    const values = {
      status: suspended ? "suspended" : "active",
      sessionVersion: sql`${users.sessionVersion} + 1`,
    } as const;
    if (!updateOtherStaff(tx, { id, actorId }, values)) return { ok: false, reason: "not_found" };
    recordAudit(tx, {
      ...actor,
      action: suspended ? "user.suspend" : "user.unsuspend",
      targetType: "user",
      targetId: id,
    });
    return { ok: true };
  });
}

/** Deletes a staff member after handing every one of their posts to another. */
export function deleteUserReassigning(
  { id, reassignTo, actorId }: { id: number; reassignTo: number; actorId: number },
  actor: Actor,
): Outcome {
  return immediate((tx): Outcome => {
    const target = tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.id, id), ne(users.id, actorId), notOwner))
      .get();
    const heir = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, reassignTo), ne(users.id, id)))
      .get();
    if (!target) return { ok: false, reason: "not_found" };
    if (!heir) return { ok: false, reason: "invalid" };
    const moved = tx.update(posts).set({ authorId: heir.id }).where(eq(posts.authorId, target.id)).run().changes;
    tx.delete(users).where(eq(users.id, target.id)).run();
    recordAudit(tx, {
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
export function transferOwnership({ ownerId, toId }: { ownerId: number; toId: number }, actor: Actor): Outcome {
  return immediate((tx): Outcome => {
    const owner = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, ownerId), eq(users.role, "owner")))
      .get();
    const next = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, toId), ne(users.id, ownerId), eq(users.status, "active")))
      .get();
    if (!owner || !next) return { ok: false, reason: "not_found" };
    tx.update(users).set({ role: "admin", updatedAt: new Date() }).where(eq(users.id, owner.id)).run();
    tx.update(users).set({ role: "owner", updatedAt: new Date() }).where(eq(users.id, next.id)).run();
    recordAudit(tx, { ...actor, action: "user.transfer_ownership", targetType: "user", targetId: toId });
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

export function updateProfile(
  input: { id: number; name: string; slug: string; bio: string; avatarUrl: string | null },
  actor: Actor,
): Promise<Outcome> {
  return write(async (tx): Promise<Outcome> => {
    if (await slugTaken(tx, users, input.slug, input.id)) return { ok: false, reason: "invalid" };
    const changed = tx
      .update(users)
      .set({ name: input.name, slug: input.slug, bio: input.bio, avatarUrl: input.avatarUrl, updatedAt: new Date() })
      .where(eq(users.id, input.id))
      .run();
    if (changed.changes === 0) return { ok: false, reason: "not_found" };
    recordAudit(tx, { ...actor, action: "user.profile", targetType: "user", targetId: input.id });
    return { ok: true };
  });
}

export async function getPasswordHash({ id }: { id: number }): Promise<string | undefined> {
  const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1);
  return row?.hash;
}

/** A new password ends every session of that user, this one included. */
export function changeOwnPassword({ id, passwordHash }: { id: number; passwordHash: string }, actor: Actor): Outcome {
  return immediate((tx): Outcome => {
    const changed = tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .run();
    if (changed.changes === 0) return { ok: false, reason: "not_found" };
    recordAudit(tx, { ...actor, action: "user.password_change", targetType: "user", targetId: id });
    return { ok: true };
  });
}
