import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { PEOPLE, row, seedSite } from "@/test/admin-fixture";
import {
  acceptInvite,
  createInvite,
  createResetToken,
  findInvite,
  findResetToken,
  spendResetToken,
} from "./user-tokens";

const actor = { actorId: PEOPLE.owner.id, actorLabel: "Olive Owner" };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe("invitations and password resets", () => {
  beforeEach(() => seedSite());

  it("an invitation works once, within its time, and never for an address already on the staff", async () => {
    expect(
      await createInvite(
        { email: "author@example.com", role: "author", tokenHash: "h0", expiresAt: inDays(7), createdBy: 1 },
        actor,
      ),
    ).toEqual({ ok: false, reason: "email_taken" });
    expect(
      await createInvite(
        { email: "new@example.com", role: "editor", tokenHash: "h1", expiresAt: inDays(7), createdBy: 1 },
        actor,
      ),
    ).toEqual({ ok: true });
    expect(await findInvite({ tokenHash: "h1", now: inDays(8) })).toBeUndefined();
    expect(
      await acceptInvite({ tokenHash: "h1", name: "New", passwordHash: "p", slugBase: "new" }, inDays(8)),
    ).toBeNull();
    const user = await acceptInvite({ tokenHash: "h1", name: "New", passwordHash: "p", slugBase: "new" });
    expect(user).toMatchObject({ email: "new@example.com", role: "editor" });
    expect(await acceptInvite({ tokenHash: "h1", name: "Again", passwordHash: "p", slugBase: "again" })).toBeNull();
  });

  it("a reset link sets a new password once, ends sessions, and expires", async () => {
    expect(await createResetToken({ email: "nobody@example.com", tokenHash: "r0", expiresAt: inDays(1) })).toBeNull();
    expect(
      await createResetToken({
        email: "author@example.com",
        tokenHash: "r1",
        expiresAt: new Date(Date.now() + 3_600_000),
      }),
    ).toMatchObject({ id: PEOPLE.author.id });
    expect(await findResetToken({ tokenHash: "r1", now: inDays(1) })).toBeUndefined();
    expect(await spendResetToken({ tokenHash: "r1", passwordHash: "late", now: inDays(1) })).toBe(false);
    expect(await spendResetToken({ tokenHash: "r1", passwordHash: "new-hash" })).toBe(true);
    expect(
      await row(
        getDb()
          .select({ passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
          .from(users)
          .where(eq(users.id, PEOPLE.author.id)),
      ),
    ).toEqual({ passwordHash: "new-hash", sessionVersion: 2 });
    expect(await spendResetToken({ tokenHash: "r1", passwordHash: "again" })).toBe(false);
  });
});
