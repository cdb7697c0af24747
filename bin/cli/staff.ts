// Queries the CLI needs that db/queries/users.ts does not have yet: the
// one-owner rule and audit entries written in the same transaction as the change.
import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/client";
import { recordAudit } from "../../db/queries/audit";
import { insertUser, setPasswordByEmail, type NewStaffUser } from "../../db/queries/users";
import { users } from "../../db/schema";

type DbOrTx = Tx | ReturnType<typeof getDb>;

export type StaffCheck = "email_taken" | "owner_exists" | "no_owner_yet";

export function ownerExists(db: DbOrTx = getDb()): boolean {
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
export function createStaffUser(user: NewStaffUser) {
  return getDb().transaction(
    (tx) => {
      const refused = staffCheck(tx, user);
      if (refused) return { ok: false as const, reason: refused };
      const created = insertUser(tx, user);
      recordAudit(tx, {
        actorId: null,
        actorLabel: "cli",
        action: "user.create",
        targetType: "user",
        targetId: created.id,
        details: { role: created.role },
      });
      return { ok: true as const, user: created };
    },
    { behavior: "immediate" },
  );
}

/** The password change and its audit entry, all or nothing. */
export function resetStaffPassword({ id, email, passwordHash }: { id: number; email: string; passwordHash: string }): boolean {
  return getDb().transaction(
    (tx) => {
      // setPasswordByEmail writes through the same connection, so it is part of this transaction.
      if (!setPasswordByEmail({ email, passwordHash })) return false;
      recordAudit(tx, { actorId: null, actorLabel: "cli", action: "user.password_reset", targetType: "user", targetId: id });
      return true;
    },
    { behavior: "immediate" },
  );
}
