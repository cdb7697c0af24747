// A moderation change and its audit row are one transaction: both are kept, or neither.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { databaseKind } from "@/db/kind";
import { auditLog, comments } from "@/db/schema";
import type { SessionUser } from "@/lib/session";
import { COMMENTS, PEOPLE, row, seedSite } from "@/test/admin-fixture";
import { execute } from "@/test/helpers";
import { editCommentAction, moderateCommentsAction } from "./moderate-comments";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));

const status = async (id: number) =>
  (await row(getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, id))))?.status;
const audits = () =>
  getDb()
    .select({ actorLabel: auditLog.actorLabel, action: auditLog.action, targetId: auditLog.targetId })
    .from(auditLog)
    .orderBy(auditLog.id);

/** Makes every audit row fail to be written, until the next test's set-up. */
async function auditDown() {
  if (databaseKind() === "postgres") {
    await execute(
      sql`CREATE OR REPLACE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$`,
    );
    await execute(sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()`);
  } else {
    await execute(
      sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END`,
    );
  }
}

beforeEach(async () => {
  await seedSite();
  await execute(
    databaseKind() === "postgres"
      ? sql`DROP TRIGGER IF EXISTS audit_down ON audit_log`
      : sql`DROP TRIGGER IF EXISTS audit_down`,
  );
  await execute(sql`DELETE FROM audit_log`);
  session.user = PEOPLE.editor as SessionUser;
});

describe("moderating comments", () => {
  it("writes the change and its audit row together", async () => {
    expect(await moderateCommentsAction(null, { op: "trash", ids: [String(COMMENTS.onOthers)] })).toMatchObject({
      ok: true,
    });
    expect(await status(COMMENTS.onOthers)).toBe("trash");
    expect(await moderateCommentsAction(null, { op: "delete", ids: [String(COMMENTS.onOthers)] })).toMatchObject({
      ok: true,
    });
    expect(await audits()).toEqual([
      { actorLabel: "Edna Editor", action: "comment.trash", targetId: String(COMMENTS.onOthers) },
      { actorLabel: "Edna Editor", action: "comment.delete", targetId: String(COMMENTS.onOthers) },
    ]);
  });

  it("keeps no change when its audit row cannot be written", async () => {
    await auditDown();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});

    const approve = await moderateCommentsAction(null, { op: "approve", ids: [String(COMMENTS.onOthers)] });
    const edit = await editCommentAction(null, { id: COMMENTS.approvedOnOthers, body: "Rewritten by staff" });
    quiet.mockRestore();

    expect([approve.ok, edit.ok]).toEqual([false, false]);
    expect(await status(COMMENTS.onOthers)).toBe("pending");
    expect(
      await row(
        getDb()
          .select({ markdown: comments.markdown })
          .from(comments)
          .where(eq(comments.id, COMMENTS.approvedOnOthers)),
      ),
    ).toEqual({ markdown: "Hi" });
    expect(await audits()).toEqual([]);
  });
});
