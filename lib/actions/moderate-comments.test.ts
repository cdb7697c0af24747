// A moderation change and its audit row are one transaction: both are kept, or neither.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/session";
import { COMMENTS, PEOPLE, row, seedSite } from "@/test/admin-fixture";
import { migratedDb } from "@/test/helpers";
import { editCommentAction, moderateCommentsAction } from "./moderate-comments";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));

const sqlite = () => migratedDb().$client;
const status = (id: number) => row<{ status: string }>("SELECT status FROM comments WHERE id = ?", id).status;
const audits = () => sqlite().prepare("SELECT actor_label, action, target_id FROM audit_log ORDER BY id").all();

beforeEach(() => {
  seedSite();
  sqlite().exec("DROP TRIGGER IF EXISTS audit_down; DELETE FROM audit_log;");
  session.user = PEOPLE.editor as SessionUser;
});

describe("moderating comments", () => {
  it("writes the change and its audit row together", async () => {
    expect(await moderateCommentsAction(null, { op: "trash", ids: [String(COMMENTS.onOthers)] })).toMatchObject({
      ok: true,
    });
    expect(status(COMMENTS.onOthers)).toBe("trash");
    expect(await moderateCommentsAction(null, { op: "delete", ids: [String(COMMENTS.onOthers)] })).toMatchObject({
      ok: true,
    });
    expect(audits()).toEqual([
      { actor_label: "Edna Editor", action: "comment.trash", target_id: String(COMMENTS.onOthers) },
      { actor_label: "Edna Editor", action: "comment.delete", target_id: String(COMMENTS.onOthers) },
    ]);
  });

  it("keeps no change when its audit row cannot be written", async () => {
    sqlite().exec("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END");
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});

    const approve = await moderateCommentsAction(null, { op: "approve", ids: [String(COMMENTS.onOthers)] });
    const edit = await editCommentAction(null, { id: COMMENTS.approvedOnOthers, body: "Rewritten by staff" });
    quiet.mockRestore();

    expect([approve.ok, edit.ok]).toEqual([false, false]);
    expect(status(COMMENTS.onOthers)).toBe("pending");
    expect(row("SELECT markdown FROM comments WHERE id = ?", COMMENTS.approvedOnOthers)).toEqual({ markdown: "Hi" });
    expect(audits()).toEqual([]);
  });
});
