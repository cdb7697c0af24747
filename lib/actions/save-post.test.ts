import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/session";
import { PEOPLE, POSTS, row, seedSite } from "@/test/admin-fixture";
import { CONFLICT_MESSAGE } from "../posts/input";
import { savePostAction } from "./save-post";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));

describe("saving a post", () => {
  beforeEach(() => {
    seedSite();
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
    const post = row<{ html: string; version: number; word_count: number }>(
      "SELECT html, version, word_count FROM posts WHERE id = ?",
      POSTS.otherDraft.id,
    );
    expect(post.html).not.toContain("<script");
    expect(post.html).toContain("<strong>you</strong>");
    expect(
      row(
        "SELECT group_concat(t.slug) AS slugs FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = ?",
        POSTS.otherDraft.id,
      ),
    ).toEqual({ slugs: "sea,new-tag" });
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
    expect(row("SELECT title, version FROM posts WHERE id = ?", POSTS.otherDraft.id)).toEqual({
      title: "First",
      version: 2,
    });
    expect(row("SELECT kind, markdown FROM revisions WHERE post_id = ? ORDER BY id DESC", POSTS.otherDraft.id)).toEqual(
      { kind: "conflict", markdown: "second person's text" },
    );
  });

  it("a published post's new slug leaves a redirect from the old one; a taken or reserved slug is a field error", async () => {
    const id = POSTS.otherPublished.id;
    expect((await savePostAction(null, { id, version: 1, title: "T", slug: "new-home" })).ok).toBe(true);
    expect(row("SELECT from_path, to_path FROM redirects")).toEqual({ from_path: `/post-${id}`, to_path: "/new-home" });
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
    expect(row("SELECT count(*) AS n FROM redirects")).toEqual({ n: 0 });
    const created = await savePostAction(null, { title: "Renamed" });
    expect(created).toMatchObject({ ok: true, data: { slug: "renamed-2" } });
  });
});
