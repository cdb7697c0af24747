import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/session";
import { dump, PEOPLE, POSTS, row, seedSite } from "@/test/admin-fixture";
import { autosavePostAction } from "./autosave-post";
import { bulkPostsAction } from "./bulk-posts";
import { changeUserRoleAction } from "./change-user-role";
import { createTagAction } from "./create-tag";
import { deleteTagAction } from "./delete-tag";
import { deleteUserAction } from "./delete-user";
import { inviteUserAction } from "./invite-user";
import { mergeTagsAction } from "./merge-tags";
import { publishPostAction } from "./publish-post";
import { purgePostAction } from "./purge-post";
import { restorePostAction } from "./restore-post";
import { restoreRevisionAction } from "./restore-revision";
import { savePostAction } from "./save-post";
import { schedulePostAction } from "./schedule-post";
import { submitPostForReviewAction } from "./submit-post-for-review";
import { suspendUserAction } from "./suspend-user";
import { transferOwnershipAction } from "./transfer-ownership";
import { trashPostAction } from "./trash-post";
import { unpublishPostAction } from "./unpublish-post";
import { updateSiteSettingsAction } from "./update-site-settings";
import { updateTagAction } from "./update-tag";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));
vi.mock("@/lib/email", () => ({ trySendEmail: async () => ({ delivered: false }) }));

// Who acts, and on which post: their own where they have one, otherwise someone else's.
const ACTORS = {
  anonymous: { user: null, draft: POSTS.otherDraft.id, published: POSTS.otherPublished.id, revision: 31 },
  contributor: { user: PEOPLE.contributor, draft: POSTS.contributorDraft.id, published: POSTS.contributorPublished.id, revision: 32 },
  "author (own)": { user: PEOPLE.author, draft: POSTS.authorDraft.id, published: POSTS.authorPublished.id, revision: 33 },
  "author (another's)": { user: PEOPLE.author, draft: POSTS.otherDraft.id, published: POSTS.otherPublished.id, revision: 31 },
  editor: { user: PEOPLE.editor, draft: POSTS.otherDraft.id, published: POSTS.otherPublished.id, revision: 31 },
  admin: { user: PEOPLE.admin, draft: POSTS.otherDraft.id, published: POSTS.otherPublished.id, revision: 31 },
  owner: { user: PEOPLE.owner, draft: POSTS.otherDraft.id, published: POSTS.otherPublished.id, revision: 31 },
} as const;
type ActorName = keyof typeof ACTORS;
type Target = (typeof ACTORS)[ActorName];
type Run = (t: Target) => Promise<{ ok: boolean }>;

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
const all = (...names: ActorName[]) => new Set<ActorName>(names);
const STAFF_EDIT = all("contributor", "author (own)", "editor", "admin", "owner");
const PUBLISHERS = all("author (own)", "editor", "admin", "owner");
const EDITORS = all("editor", "admin", "owner");
const ADMINS = all("admin", "owner");

// PRODUCT.md's role table, action by action: who may, everyone else may not.
const MATRIX: [string, Run, Set<ActorName>][] = [
  ["save a draft", (t) => savePostAction(null, { id: t.draft, version: 1, title: "Changed", markdown: "New" }), STAFF_EDIT],
  ["autosave a draft", (t) => autosavePostAction(null, { id: t.draft, version: 1, title: "Changed", markdown: "New" }), STAFF_EDIT],
  ["submit for review", (t) => submitPostForReviewAction(null, { id: t.draft }), STAFF_EDIT],
  ["publish", (t) => publishPostAction(null, { id: t.draft }), PUBLISHERS],
  ["schedule", (t) => schedulePostAction(null, { id: t.draft, publishAt: inAnHour() }), PUBLISHERS],
  ["unpublish", (t) => unpublishPostAction(null, { id: t.published }), PUBLISHERS],
  ["bulk publish", (t) => bulkPostsAction(null, { operation: "publish", ids: [String(t.draft)] }).then((r) => ({ ok: r.ok && row<{ status: string }>("SELECT status FROM posts WHERE id = ?", t.draft).status === "published" })), PUBLISHERS],
  ["move to trash", (t) => trashPostAction(null, { id: t.draft }), STAFF_EDIT],
  ["restore a revision", (t) => restoreRevisionAction(null, { postId: t.draft, revisionId: t.revision }), STAFF_EDIT],
  ["restore from trash (another's post)", () => restorePostAction(null, { id: POSTS.trashedOther.id }), EDITORS],
  ["purge (another's post)", () => purgePostAction(null, { id: POSTS.trashedOther.id }), EDITORS],
  ["create a tag", () => createTagAction(null, { name: "Harbour" }), EDITORS],
  ["rename a tag", () => updateTagAction(null, { id: 21, name: "Seas", slug: "seas" }), EDITORS],
  ["merge tags", () => mergeTagsAction(null, { fromId: 21, intoId: 22 }), EDITORS],
  ["delete a tag", () => deleteTagAction(null, { id: 21 }), EDITORS],
  ["change settings", () => updateSiteSettingsAction(null, { title: "Mine", description: "", logoUrl: "", navigation: "", timezone: "UTC", postsPerPage: "5", commentPolicy: "publish", commentLinkLimit: "2", commentCloseAfterDays: "0" }), ADMINS],
  ["invite a user", () => inviteUserAction(null, { email: "new@example.com", role: "editor" }), ADMINS],
  ["change a role", () => changeUserRoleAction(null, { id: PEOPLE.otherAuthor.id, role: "editor" }), ADMINS],
  ["suspend a user", () => suspendUserAction(null, { id: PEOPLE.otherAuthor.id, suspended: "true" }), ADMINS],
  ["delete a user", () => deleteUserAction(null, { id: PEOPLE.otherContributor.id, reassignTo: PEOPLE.admin.id }), ADMINS],
  ["transfer ownership", () => transferOwnershipAction(null, { id: PEOPLE.admin.id }), all("owner")],
];

describe("authorisation matrix: every admin action × every role", () => {
  beforeEach(() => {
    seedSite();
    session.user = null;
  });

  for (const [action, run, allowed] of MATRIX) {
    for (const [actor, target] of Object.entries(ACTORS) as [ActorName, Target][]) {
      const may = allowed.has(actor);
      it(`${actor} ${may ? "may" : "may not"} ${action}`, async () => {
        session.user = target.user;
        const before = dump();
        const result = await run(target);
        expect(result.ok).toBe(may);
        if (may) expect(dump()).not.toBe(before);
        else expect(dump()).toBe(before);
      });
    }
  }
});

describe("what a role may not do even on its own posts, or by sending extra fields", () => {
  beforeEach(() => seedSite());

  it("a contributor cannot edit, trash or republish their own published post", async () => {
    session.user = PEOPLE.contributor;
    const before = dump();
    const id = POSTS.contributorPublished.id;
    expect((await savePostAction(null, { id, version: 1, title: "Edited" })).ok).toBe(false);
    expect((await trashPostAction(null, { id })).ok).toBe(false);
    expect((await publishPostAction(null, { id })).ok).toBe(false);
    expect(dump()).toBe(before);
  });

  it("extra authorId, status and role fields change nothing a contributor may do", async () => {
    session.user = PEOPLE.contributor;
    const created = await savePostAction(null, { title: "Sneaky", markdown: "x", status: "published", authorId: "1", role: "owner" });
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: number } }).data.id;
    expect(row("SELECT status, author_id FROM posts WHERE id = ?", id)).toEqual({ status: "draft", author_id: PEOPLE.contributor.id });
    const saved = await savePostAction(null, { id: POSTS.contributorDraft.id, version: 1, title: "Mine", status: "published", authorId: "5" });
    expect(saved.ok).toBe(true);
    expect(row("SELECT status, author_id FROM posts WHERE id = ?", POSTS.contributorDraft.id)).toEqual({ status: "draft", author_id: PEOPLE.contributor.id });
  });

  it("an admin cannot change, suspend or delete the owner, nor invite a second owner", async () => {
    session.user = PEOPLE.admin;
    const before = dump();
    expect((await changeUserRoleAction(null, { id: PEOPLE.owner.id, role: "contributor" })).ok).toBe(false);
    expect((await suspendUserAction(null, { id: PEOPLE.owner.id, suspended: "true" })).ok).toBe(false);
    expect((await deleteUserAction(null, { id: PEOPLE.owner.id, reassignTo: PEOPLE.admin.id })).ok).toBe(false);
    expect((await changeUserRoleAction(null, { id: PEOPLE.editor.id, role: "owner" })).ok).toBe(false);
    expect((await inviteUserAction(null, { email: "boss@example.com", role: "owner" })).ok).toBe(false);
    expect(dump()).toBe(before);
  });

  it("suspension ends the person's sessions at once", async () => {
    session.user = PEOPLE.owner;
    const before = row<{ session_version: number }>("SELECT session_version FROM users WHERE id = ?", PEOPLE.author.id);
    expect((await suspendUserAction(null, { id: PEOPLE.author.id, suspended: "true" })).ok).toBe(true);
    expect(row("SELECT status, session_version FROM users WHERE id = ?", PEOPLE.author.id)).toEqual({ status: "suspended", session_version: before.session_version + 1 });
  });

  it("deleting a user hands their posts to the chosen person", async () => {
    session.user = PEOPLE.admin;
    expect((await deleteUserAction(null, { id: PEOPLE.otherAuthor.id, reassignTo: PEOPLE.editor.id })).ok).toBe(true);
    expect(row("SELECT count(*) AS n FROM posts WHERE author_id = ?", PEOPLE.editor.id)).toEqual({ n: 3 });
    expect(row("SELECT count(*) AS n FROM users WHERE id = ?", PEOPLE.otherAuthor.id)).toEqual({ n: 0 });
  });
});
