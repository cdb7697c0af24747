import { count, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { postTags, posts, redirects, revisions, tags } from "@/db/schema";
import type { SessionUser } from "@/lib/session";
import { PEOPLE, POSTS, row, seedSite } from "@/test/admin-fixture";
import { CONFLICT_MESSAGE } from "../posts/input";
import { savePostAction } from "./save-post";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));

describe("saving a post", () => {
  beforeEach(async () => {
    await seedSite();
    session.user = PEOPLE.editor;
  });

  it("renders the body with the site's sanitiser and bumps the version", async () => {
    const result = await savePostAction(null, {
      id: POSTS.otherDraft.id,
      version: 1,
      title: "T",
      markdown: "Hi <script>x</script> **you**",
      tags: "Sea, New tag",
    });
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    const post = await row(getDb().select({ html: posts.html }).from(posts).where(eq(posts.id, POSTS.otherDraft.id)));
    expect(post!.html).not.toContain("<script");
    expect(post!.html).toContain("<strong>you</strong>");
    expect(
      await getDb()
        .select({ slug: tags.slug })
        .from(postTags)
        .innerJoin(tags, eq(tags.id, postTags.tagId))
        .where(eq(postTags.postId, POSTS.otherDraft.id))
        .orderBy(postTags.position),
    ).toEqual([{ slug: "sea" }, { slug: "new-tag" }]);
  });

  it("refuses a save from a stale version, changes nothing in the post, and keeps the text as a conflict revision", async () => {
    expect(
      (await savePostAction(null, { id: POSTS.otherDraft.id, version: 1, title: "First", markdown: "first" })).ok,
    ).toBe(true);
    const stale = await savePostAction(null, {
      id: POSTS.otherDraft.id,
      version: 1,
      title: "Second",
      markdown: "second person's text",
    });
    expect(stale).toEqual({ ok: false, error: CONFLICT_MESSAGE });
    expect(
      await row(
        getDb()
          .select({ title: posts.title, version: posts.version })
          .from(posts)
          .where(eq(posts.id, POSTS.otherDraft.id)),
      ),
    ).toEqual({ title: "First", version: 2 });
    expect(
      await row(
        getDb()
          .select({ kind: revisions.kind, markdown: revisions.markdown })
          .from(revisions)
          .where(eq(revisions.postId, POSTS.otherDraft.id))
          .orderBy(desc(revisions.id)),
      ),
    ).toEqual({ kind: "conflict", markdown: "second person's text" });
  });

  it("a published post's new slug leaves a redirect from the old one; a taken or reserved slug is a field error", async () => {
    const id = POSTS.otherPublished.id;
    expect((await savePostAction(null, { id, version: 1, title: "T", slug: "new-home" })).ok).toBe(true);
    expect(await getDb().select({ fromPath: redirects.fromPath, toPath: redirects.toPath }).from(redirects)).toEqual([
      { fromPath: `/post-${id}`, toPath: "/new-home" },
    ]);
    expect(
      await savePostAction(null, { id, version: 2, title: "T", slug: `post-${POSTS.authorDraft.id}` }),
    ).toMatchObject({ ok: false, fieldErrors: { slug: ["Another post or page already uses this slug."] } });
    expect(await savePostAction(null, { id, version: 2, title: "T", slug: "admin" })).toMatchObject({
      ok: false,
      fieldErrors: { slug: [expect.stringContaining("used by the site")] },
    });
  });

  it("a draft's slug change records no redirect, and a new post gets a unique slug from its title", async () => {
    expect((await savePostAction(null, { id: POSTS.otherDraft.id, version: 1, title: "T", slug: "renamed" })).ok).toBe(
      true,
    );
    expect(await row(getDb().select({ n: count() }).from(redirects))).toEqual({ n: 0 });
    const created = await savePostAction(null, { title: "Renamed" });
    expect(created).toMatchObject({ ok: true, data: { slug: "renamed-2" } });
  });
});
