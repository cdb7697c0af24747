import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { type Role, users, userTokens } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { insertUser } from "./users";

// Only the token's hash is stored; the link carries the token itself.
const usable = (kind: "invite" | "reset", tokenHash: string, now: Date) =>
  and(
    eq(userTokens.kind, kind),
    eq(userTokens.tokenHash, tokenHash),
    isNull(userTokens.usedAt),
    gt(userTokens.expiresAt, now),
  );

async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return user !== undefined;
}

export async function createInvite(
  input: { email: string; role: Exclude<Role, "owner">; tokenHash: string; expiresAt: Date; createdBy: number },
  actor: Actor,
) {
  return await write(async (db) => {
    if (await emailTaken(db, input.email)) return { ok: false as const, reason: "email_taken" as const };
    // A new invitation replaces any earlier unused one for the same address.
    await db
      .delete(userTokens)
      .where(and(eq(userTokens.kind, "invite"), eq(userTokens.email, input.email), isNull(userTokens.usedAt)));
    await db.insert(userTokens).values({ ...input, kind: "invite" });
    await recordAudit(db, {
      ...actor,
      action: "user.invite",
      targetType: "invite",
      targetId: input.email,
      details: { role: input.role },
    });
    return { ok: true as const };
  });
}

export async function findInvite({ tokenHash, now = new Date() }: { tokenHash: string; now?: Date }) {
  const [invite] = await getDb()
    .select({ email: userTokens.email, role: userTokens.role })
    .from(userTokens)
    .where(usable("invite", tokenHash, now))
    .limit(1);
  return invite;
}

/** Accepting creates the account and spends the token, together. */
export async function acceptInvite(
  input: { tokenHash: string; name: string; passwordHash: string; slugBase: string },
  now = new Date(),
) {
  return await write(async (db) => {
    const [invite] = await db
      .select({ id: userTokens.id, email: userTokens.email, role: userTokens.role })
      .from(userTokens)
      .where(usable("invite", input.tokenHash, now))
      .limit(1);
    if (!invite || !invite.role || invite.role === "owner") return null;
    if (await emailTaken(db, invite.email)) return null;
    const user = await insertUser(db, {
      email: invite.email,
      name: input.name,
      role: invite.role,
      passwordHash: input.passwordHash,
      slugBase: input.slugBase,
    });
    await db.update(userTokens).set({ usedAt: now, userId: user.id }).where(eq(userTokens.id, invite.id));
    await recordAudit(db, {
      actorId: user.id,
      actorLabel: user.name,
      action: "user.accept_invite",
      targetType: "user",
      targetId: user.id,
      details: { role: user.role },
    });
    return user;
  });
}

/** A reset token for an active account; none (silently) for an unknown address. */
export async function createResetToken({
  email,
  tokenHash,
  expiresAt,
}: {
  email: string;
  tokenHash: string;
  expiresAt: Date;
}) {
  return await write(async (db) => {
    const [user] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.email, email), eq(users.status, "active")))
      .limit(1);
    if (!user) return null;
    await db.insert(userTokens).values({ kind: "reset", tokenHash, email, userId: user.id, expiresAt });
    return user;
  });
}

export async function findResetToken({ tokenHash, now = new Date() }: { tokenHash: string; now?: Date }) {
  const [token] = await getDb()
    .select({ email: userTokens.email })
    .from(userTokens)
    .where(usable("reset", tokenHash, now))
    .limit(1);
  return token;
}

/** Sets the new password, ends the user's sessions and spends the token: once only. */
export async function spendResetToken({
  tokenHash,
  passwordHash,
  now = new Date(),
}: {
  tokenHash: string;
  passwordHash: string;
  now?: Date;
}) {
  return await write(async (db) => {
    const [token] = await db
      .select({ id: userTokens.id, userId: userTokens.userId })
      .from(userTokens)
      .where(usable("reset", tokenHash, now))
      .limit(1);
    if (!token?.userId) return false;
    await db.update(userTokens).set({ usedAt: now }).where(eq(userTokens.id, token.id));
    await db
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, token.userId));
    await recordAudit(db, {
      actorId: token.userId,
      actorLabel: "password reset link",
      action: "user.password_reset",
      targetType: "user",
      targetId: token.userId,
    });
    return true;
  });
}
