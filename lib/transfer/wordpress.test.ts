// The WordPress Theme Unit Test, imported for real into fresh site databases.
import { beforeAll, describe, expect, test } from "vitest";
import { verifyPassword } from "../users/password";
import type { ImportReport } from "./report";
import { dump, rows, siteWithOwner, WORDPRESS } from "./test-support";
import { importFile } from "./write";

let report: ImportReport;

beforeAll(async () => {
  await siteWithOwner();
  report = await importFile(WORDPRESS);
}, 120_000);

const post = async (title: string) =>
  (
    await rows<{ id: number; slug: string; status: string; featured: number; published_at: number | null }>(
      "SELECT id, slug, status, featured, published_at FROM posts WHERE title = ?",
      title,
    )
  )[0]!;

describe("WordPress Theme Unit Test", () => {
  test("every item of the file is accounted for in the report", async () => {
    expect(report.parsed).toEqual({ author: 2, tag: 182, post: 58, page: 21, comment: 33, media: 37 });
    expect(report.created).toMatchObject({ author: 2, post: 58, page: 21, comment: 29, trackback: 2, pingback: 2 });
    // Tags: created or merged (a category and a tag of the same name are one tag).
    expect((report.created.tag ?? 0) + (report.merged.tag ?? 0)).toBe(182);
    expect(report.mediaKeptRemote).toBe(37);
    expect(report.redirects.alreadyTaken).toBe(0);
    // 70 menu items and 7 menu terms, each with its reason.
    expect(report.skipped.total).toBe(77);
    expect(Object.keys(report.skipped.byReason).join(" ")).toMatch(/Navigation menus/);
    expect(await rows("SELECT id FROM posts WHERE type = 'post'")).toHaveLength(58);
    expect(await rows("SELECT id FROM posts WHERE type = 'page'")).toHaveLength(21);
    expect(await rows("SELECT id FROM comments")).toHaveLength(33);
  });

  test("the 9-level comment chain keeps its parent links", async () => {
    const parents = new Map(
      (await rows<{ id: number; parent_id: number | null }>("SELECT id, parent_id FROM comments")).map((c) => [
        c.id,
        c.parent_id,
      ]),
    );
    const depth = (id: number): number => (parents.get(id) ? 1 + depth(parents.get(id)!) : 0);
    expect(Math.max(...[...parents.keys()].map(depth))).toBe(9);
  });

  test("statuses: scheduled, draft, password-protected as draft, sticky as featured, unapproved as pending", async () => {
    const scheduled = await post("Scheduled");
    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.published_at).toBeGreaterThan(Date.now());
    expect((await post("Draft")).status).toBe("draft");
    expect((await post('Template: Password Protected (the password is "enter")')).status).toBe("draft");
    expect(report.notes.some((n) => /password-protected/.test(n.note))).toBe(true);
    expect((await post("Template: Sticky")).featured).toBe(1);
    expect(await rows("SELECT id FROM comments WHERE status = 'pending'")).toHaveLength(3);
    expect(await rows("SELECT id FROM comments WHERE kind IN ('trackback', 'pingback')")).toHaveLength(4);
  });

  test("old permalinks, ?p= and ?page_id= addresses and category archives become redirects", async () => {
    const to = async (from: string) =>
      (await rows<{ to_path: string }>("SELECT to_path FROM redirects WHERE from_path = ?", from))[0]?.to_path;
    const sticky = await post("Template: Sticky");
    expect(await to("/2012/01/07/template-sticky")).toBe(`/${sticky.slug}`);
    expect(await to("/?p=1241")).toBe(`/${sticky.slug}`);
    expect(await to("/category/aciform")).toBe("/tag/aciform");
    // A child page's nested address leads to its flattened one.
    const child = await rows<{ from_path: string; to_path: string }>(
      "SELECT from_path, to_path FROM redirects WHERE from_path LIKE '/about/page-image-alignment%' OR from_path LIKE '/level-1/level-2%'",
    );
    expect(child.length).toBeGreaterThan(0);
    expect(child.every((r) => /^\/[^/]+$/.test(r.to_path))).toBe(true);
    expect(await to("/?page_id=2")).toMatch(/^\/[a-z0-9-]+$/);
  });

  test("non-Latin titles keep a readable slug, not just their digits", async () => {
    const greek = (await rows<{ slug: string }>("SELECT slug FROM posts WHERE title LIKE 'Επίπεδο 2%'"))[0]!;
    expect(greek.slug).toMatch(/^[a-z0-9-]{4,}$/);
    expect(greek.slug).not.toMatch(/^\d+(-\d+)?$/);
  });

  test("at least 99 % of every post's words reach the rendered page", () => {
    expect(report.words.posts).toHaveLength(79);
    expect(report.words.postsBelow99).toBe(0);
    expect(report.words.share).toBeGreaterThan(0.995);
  });

  test("content is converted: no block comments, captions kept, shortcodes gone, embeds visible", async () => {
    const bodies = await rows<{ markdown: string; html: string }>("SELECT markdown, html FROM posts");
    // (One post shows a block comment as code: escaped text, which is fine.)
    expect(bodies.map((p) => p.html).join("\n")).not.toMatch(/<!--\s*\/?wp:/);
    expect(bodies.map((p) => p.markdown).join("\n")).not.toMatch(
      // A shortcode, not a link whose text is "caption".
      /\[(caption|gallery)(\s[^\]]*)?\](?!\()|\[\/caption\]/,
    );
    const images = (await rows<{ html: string }>("SELECT html FROM posts WHERE title = 'Markup: Image Alignment'"))[0]!
      .html;
    expect(images).toContain("<img");
    // A [caption]'s text is its own paragraph under the image.
    expect(images).toMatch(/<p><em>Look at 580x300 getting some <a [^>]+>caption<\/a> love\.<\/em><\/p>/);
  });

  test("authors become staff who cannot sign in, with the feature image resolved", async () => {
    const staff = await rows<{ email: string; role: string; password_hash: string }>(
      "SELECT email, role, password_hash FROM users WHERE role != 'owner'",
    );
    expect(staff.map((u) => u.email).sort()).toEqual(["themereviewteam@gmail.com", "themeshaperwp+demos@gmail.com"]);
    for (const user of staff) {
      expect(user.role).toBe("author");
      expect(await verifyPassword(user.password_hash, user.password_hash)).toBe(false);
      expect(await verifyPassword(user.password_hash, "")).toBe(false);
    }
    const featured = await rows<{ feature_image: string }>(
      "SELECT feature_image FROM posts WHERE feature_image IS NOT NULL",
    );
    expect(featured.length).toBeGreaterThanOrEqual(6);
    expect(featured.every((p) => /^https:\/\//.test(p.feature_image))).toBe(true);
  });

  test("importing the same file again creates nothing new and says so", async () => {
    const before = await dump(["audit_log"]);
    const again = await importFile(WORDPRESS);
    expect(again.created).toEqual({});
    expect(again.alreadyImported).toMatchObject({ post: 58, page: 21, comment: 33, author: 2, tag: 182 });
    expect(again.redirects.created).toBe(0);
    expect(await dump(["audit_log"])).toBe(before);
  }, 60_000);
});
