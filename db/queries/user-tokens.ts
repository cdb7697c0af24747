import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { write } from "../transaction";
import { type Role, users, userTokens } from "../schema";
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

export function createInvite(
  input: { email: string; role: Exclude<Role, "owner">; tokenHash: string; expiresAt: Date; createdBy: number },
  actor: Actor,
) {
  return getDb().transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get())
        return { ok: false as const, reason: "email_taken" as const };
      // A new invitation replaces any earlier unused one for the same address.
      tx.delete(userTokens)
        .where(and(eq(userTokens.kind, "invite"), eq(userTokens.email, input.email), isNull(userTokens.usedAt)))
        .run();
      tx.insert(userTokens)
        .values({ ...input, kind: "invite" })
        .run();
      recordAudit(tx, {
        ...actor,
        action: "user.invite",
        targetType: "invite",
        targetId: input.email,
        details: { role: input.role },
      });
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}

export function findInvite({ tokenHash, now = new Date() }: { tokenHash: string; now?: Date }) {
  return getDb()
    .select({ email: userTokens.email, role: userTokens.role })
    .from(userTokens)
    .where(usable("invite", tokenHash, now))
    .get();
}

/** Accepting creates the account and spends the token, together. */
export function acceptInvite(
  input: { tokenHash: string; name: string; passwordHash: string; slugBase: string },
  now = new Date(),
) {
  return write(async (tx) => {
    const invite = tx
      .select({ id: userTokens.id, email: userTokens.email, role: userTokens.role })
      .from(userTokens)
      .where(usable("invite", input.tokenHash, now))
      .get();
    if (!invite || !invite.role || invite.role === "owner") return null;
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, invite.email)).get()) return null;
    const user = await insertUser(tx, {
      email: invite.email,
      name: input.name,
      role: invite.role,
      passwordHash: input.passwordHash,
      slugBase: input.slugBase,
    });
    tx.update(userTokens).set({ usedAt: now, userId: user.id }).where(eq(userTokens.id, invite.id)).run();
    recordAudit(tx, {
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
export function createResetToken({
  email,
  tokenHash,
  expiresAt,
}: {
  email: string;
  tokenHash: string;
  expiresAt: Date;
}) {
  return getDb().transaction(
    (tx) => {
      const user = tx
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.email, email), eq(users.status, "active")))
        .get();
      if (!user) return null;
      tx.insert(userTokens).values({ kind: "reset", tokenHash, email, userId: user.id, expiresAt }).run();
      return user;
    },
    { behavior: "immediate" },
  );
}

export function findResetToken({ tokenHash, now = new Date() }: { tokenHash: string; now?: Date }) {
  return getDb()
    .select({ email: userTokens.email })
    .from(userTokens)
    .where(usable("reset", tokenHash, now))
    .get();
}

/** Sets the new password, ends the user's sessions and spends the token: once only. */
export function spendResetToken({
  tokenHash,
  passwordHash,
  now = new Date(),
}: {
  tokenHash: string;
  passwordHash: string;
  now?: Date;
}) {
  return getDb().transaction(
    (tx) => {
      const token = tx
        .select({ id: userTokens.id, userId: userTokens.userId })
        .from(userTokens)
        .where(usable("reset", tokenHash, now))
        .get();
      if (!token?.userId) return false;
      tx.update(userTokens).set({ usedAt: now }).where(eq(userTokens.id, token.id)).run();
      tx.update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, token.userId))
        .run();
      recordAudit(tx, {
        actorId: token.userId,
        actorLabel: "password reset link",
        action: "user.password_reset",
        targetType: "user",
        targetId: token.userId,
      });
      return true;
    },
    { behavior: "immediate" },
  );
}
