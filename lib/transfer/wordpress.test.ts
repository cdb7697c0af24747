// The WordPress Theme Unit Test, imported for real into fresh site databases.
import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/db/connection";
import { verifyPassword } from "../users/password";
import type { ImportReport } from "./report";
import { dump, rows, siteWithOwner, WORDPRESS } from "./test-support";
import { importFile } from "./write";

let db: Db;
let report: ImportReport;

beforeAll(async () => {
  db = siteWithOwner();
  report = await importFile(WORDPRESS);
}, 120_000);

const post = (title: string) =>
  rows<{ id: number; slug: string; status: string; featured: number; published_at: number | null }>(
    db,
    "SELECT id, slug, status, featured, published_at FROM posts WHERE title = ?",
    title,
  )[0]!;

describe("WordPress Theme Unit Test", () => {
  test("every item of the file is accounted for in the report", () => {
    expect(report.parsed).toEqual({ author: 2, tag: 182, post: 58, page: 21, comment: 33, media: 37 });
    expect(report.created).toMatchObject({ author: 2, post: 58, page: 21, comment: 29, trackback: 2, pingback: 2 });
    // Tags: created or merged (a category and a tag of the same name are one tag).
    expect((report.created.tag ?? 0) + (report.merged.tag ?? 0)).toBe(182);
    expect(report.mediaKeptRemote).toBe(37);
    expect(report.redirects.alreadyTaken).toBe(0);
    // 70 menu items and 7 menu terms, each with its reason.
    expect(report.skipped.total).toBe(77);
    expect(Object.keys(report.skipped.byReason).join(" ")).toMatch(/Navigation menus/);
    expect(rows(db, "SELECT id FROM posts WHERE type = 'post'")).toHaveLength(58);
    expect(rows(db, "SELECT id FROM posts WHERE type = 'page'")).toHaveLength(21);
    expect(rows(db, "SELECT id FROM comments")).toHaveLength(33);
  });

  test("the 9-level comment chain keeps its parent links", () => {
    const parents = new Map(
      rows<{ id: number; parent_id: number | null }>(db, "SELECT id, parent_id FROM comments").map((c) => [
        c.id,
        c.parent_id,
      ]),
    );
    const depth = (id: number): number => (parents.get(id) ? 1 + depth(parents.get(id)!) : 0);
    expect(Math.max(...[...parents.keys()].map(depth))).toBe(9);
  });

  test("statuses: scheduled, draft, password-protected as draft, sticky as featured, unapproved as pending", () => {
    const scheduled = post("Scheduled");
    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.published_at).toBeGreaterThan(Date.now());
    expect(post("Draft").status).toBe("draft");
    expect(post('Template: Password Protected (the password is "enter")').status).toBe("draft");
    expect(report.notes.some((n) => /password-protected/.test(n.note))).toBe(true);
    expect(post("Template: Sticky").featured).toBe(1);
    expect(rows(db, "SELECT id FROM comments WHERE status = 'pending'")).toHaveLength(3);
    expect(rows(db, "SELECT id FROM comments WHERE kind IN ('trackback', 'pingback')")).toHaveLength(4);
  });

  test("old permalinks, ?p= and ?page_id= addresses and category archives become redirects", () => {
    const to = (from: string) =>
      rows<{ to_path: string }>(db, "SELECT to_path FROM redirects WHERE from_path = ?", from)[0]?.to_path;
    const sticky = post("Template: Sticky");
    expect(to("/2012/01/07/template-sticky")).toBe(`/${sticky.slug}`);
    expect(to("/?p=1241")).toBe(`/${sticky.slug}`);
    expect(to("/category/aciform")).toBe("/tag/aciform");
    // A child page's nested address leads to its flattened one.
    const child = rows<{ from_path: string; to_path: string }>(
      db,
      "SELECT from_path, to_path FROM redirects WHERE from_path LIKE '/about/page-image-alignment%' OR from_path LIKE '/level-1/level-2%'",
    );
    expect(child.length).toBeGreaterThan(0);
    expect(child.every((r) => /^\/[^/]+$/.test(r.to_path))).toBe(true);
    expect(to("/?page_id=2")).toMatch(/^\/[a-z0-9-]+$/);
  });

  test("non-Latin titles keep a readable slug, not just their digits", () => {
    const greek = rows<{ slug: string }>(db, "SELECT slug FROM posts WHERE title LIKE 'Επίπεδο 2%'")[0]!;
    expect(greek.slug).toMatch(/^[a-z0-9-]{4,}$/);
    expect(greek.slug).not.toMatch(/^\d+(-\d+)?$/);
  });

  test("at least 99 % of every post's words reach the rendered page", () => {
    expect(report.words.posts).toHaveLength(79);
    expect(report.words.postsBelow99).toBe(0);
    expect(report.words.share).toBeGreaterThan(0.995);
  });

  test("content is converted: no block comments, captions kept, shortcodes gone, embeds visible", () => {
    const bodies = rows<{ markdown: string; html: string }>(db, "SELECT markdown, html FROM posts");
    // (One post shows a block comment as code: escaped text, which is fine.)
    expect(bodies.map((p) => p.html).join("\n")).not.toMatch(/<!--\s*\/?wp:/);
    expect(bodies.map((p) => p.markdown).join("\n")).not.toMatch(
      // A shortcode, not a link whose text is "caption".
      /\[(caption|gallery)(\s[^\]]*)?\](?!\()|\[\/caption\]/,
    );
    const images = rows<{ html: string }>(db, "SELECT html FROM posts WHERE title = 'Markup: Image Alignment'")[0]!
      .html;
    expect(images).toContain("<img");
    // A [caption]'s text is its own paragraph under the image.
    expect(images).toMatch(/<p><em>Look at 580x300 getting some <a [^>]+>caption<\/a> love\.<\/em><\/p>/);
  });

  test("authors become staff who cannot sign in, with the feature image resolved", async () => {
    const staff = rows<{ email: string; role: string; password_hash: string }>(
      db,
      "SELECT email, role, password_hash FROM users WHERE role != 'owner'",
    );
    expect(staff.map((u) => u.email).sort()).toEqual(["themereviewteam@gmail.com", "themeshaperwp+demos@gmail.com"]);
    for (const user of staff) {
      expect(user.role).toBe("author");
      expect(await verifyPassword(user.password_hash, user.password_hash)).toBe(false);
      expect(await verifyPassword(user.password_hash, "")).toBe(false);
    }
    const featured = rows<{ feature_image: string }>(
      db,
      "SELECT feature_image FROM posts WHERE feature_image IS NOT NULL",
    );
    expect(featured.length).toBeGreaterThanOrEqual(6);
    expect(featured.every((p) => /^https:\/\//.test(p.feature_image))).toBe(true);
  });

  test("importing the same file again creates nothing new and says so", async () => {
    const before = dump(db, ["audit_log", "sqlite_sequence"]);
    const again = await importFile(WORDPRESS);
    expect(again.created).toEqual({});
    expect(again.alreadyImported).toMatchObject({ post: 58, page: 21, comment: 33, author: 2, tag: 182 });
    expect(again.redirects.created).toBe(0);
    expect(dump(db, ["audit_log", "sqlite_sequence"])).toBe(before);
  }, 60_000);
});
