import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { posts, users } from "@/db/schema";
import type { SessionUser } from "@/lib/session";
import { dump, PEOPLE, POSTS, row, seedSite } from "@/test/admin-fixture";
import { changeUserRoleAction } from "./change-user-role";
import { deleteUserAction } from "./delete-user";
import { inviteUserAction } from "./invite-user";
import { publishPostAction } from "./publish-post";
import { savePostAction } from "./save-post";
import { suspendUserAction } from "./suspend-user";
import { trashPostAction } from "./trash-post";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));
vi.mock("@/lib/email/send", () => ({ trySendEmail: async () => ({ delivered: false }) }));

const statusAndAuthor = (id: number) =>
  row(getDb().select({ status: posts.status, authorId: posts.authorId }).from(posts).where(eq(posts.id, id)));
const account = (id: number) =>
  row(
    getDb().select({ status: users.status, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id)),
  );

describe("what a role may not do even on its own posts, or by sending extra fields", () => {
  beforeEach(() => seedSite());

  it("a contributor cannot edit, trash or republish their own published post", async () => {
    session.user = PEOPLE.contributor;
    const before = await dump();
    const id = POSTS.contributorPublished.id;
    expect((await savePostAction(null, { id, version: 1, title: "Edited" })).ok).toBe(false);
    expect((await trashPostAction(null, { id })).ok).toBe(false);
    expect((await publishPostAction(null, { id })).ok).toBe(false);
    expect(await dump()).toBe(before);
  });

  it("extra authorId, status and role fields change nothing a contributor may do", async () => {
    session.user = PEOPLE.contributor;
    const created = await savePostAction(null, {
      title: "Sneaky",
      markdown: "x",
      status: "published",
      authorId: "1",
      role: "owner",
    });
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: number } }).data.id;
    expect(await statusAndAuthor(id)).toEqual({ status: "draft", authorId: PEOPLE.contributor.id });
    const saved = await savePostAction(null, {
      id: POSTS.contributorDraft.id,
      version: 1,
      title: "Mine",
      status: "published",
      authorId: "5",
    });
    expect(saved.ok).toBe(true);
    expect(await statusAndAuthor(POSTS.contributorDraft.id)).toEqual({
      status: "draft",
      authorId: PEOPLE.contributor.id,
    });
  });

  it("an admin cannot change, suspend or delete the owner, nor invite a second owner", async () => {
    session.user = PEOPLE.admin;
    const before = await dump();
    expect((await changeUserRoleAction(null, { id: PEOPLE.owner.id, role: "contributor" })).ok).toBe(false);
    expect((await suspendUserAction(null, { id: PEOPLE.owner.id, suspended: "true" })).ok).toBe(false);
    expect((await deleteUserAction(null, { id: PEOPLE.owner.id, reassignTo: PEOPLE.admin.id })).ok).toBe(false);
    expect((await changeUserRoleAction(null, { id: PEOPLE.editor.id, role: "owner" })).ok).toBe(false);
    expect((await inviteUserAction(null, { email: "boss@example.com", role: "owner" })).ok).toBe(false);
    expect(await dump()).toBe(before);
  });

  it("suspension ends the person's sessions at once", async () => {
    session.user = PEOPLE.owner;
    const before = await account(PEOPLE.author.id);
    expect((await suspendUserAction(null, { id: PEOPLE.author.id, suspended: "true" })).ok).toBe(true);
    expect(await account(PEOPLE.author.id)).toEqual({
      status: "suspended",
      sessionVersion: before!.sessionVersion + 1,
    });
  });

  it("deleting a user hands their posts to the chosen person", async () => {
    session.user = PEOPLE.admin;
    expect((await deleteUserAction(null, { id: PEOPLE.otherAuthor.id, reassignTo: PEOPLE.editor.id })).ok).toBe(true);
    expect(await row(getDb().select({ n: count() }).from(posts).where(eq(posts.authorId, PEOPLE.editor.id)))).toEqual({
      n: 3,
    });
    expect(await row(getDb().select({ n: count() }).from(users).where(eq(users.id, PEOPLE.otherAuthor.id)))).toEqual({
      n: 0,
    });
  });
});
