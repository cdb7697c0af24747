// The Ghost 4.1 and Blogger exports, imported for real into fresh site databases.
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { BLOGGER, dump, GHOST, rows, siteWithOwner } from "./test-support";
import { importFile } from "./write";

describe("Ghost 4.1 export", () => {
  test("posts, pages, tag and authors imported; every item accounted for; nothing secret comes along", async () => {
    await siteWithOwner();
    const settingsBefore = JSON.stringify(await rows("SELECT * FROM settings ORDER BY key"));
    const report = await importFile(GHOST);
    expect(report.parsed).toEqual({ author: 2, tag: 1, post: 7, page: 4 });
    expect(report.created).toEqual({ author: 2, tag: 1, post: 7, page: 4 });
    expect(report.skipped.total).toBe(0);
    expect(report.words.postsBelow99).toBe(0);

    const staff = await rows<{ email: string; role: string; password_hash: string }>(
      "SELECT email, role, password_hash FROM users WHERE role != 'owner' ORDER BY email",
    );
    // Ghost's owner becomes an admin (a site has one owner); its contributor stays a contributor.
    expect(staff.map((u) => [u.email, u.role])).toEqual([
      ["ghost-author@example.com", "contributor"],
      ["test@ghost.org", "admin"],
    ]);
    const file = fs.readFileSync(GHOST, "utf8");
    for (const user of staff) {
      expect(user.password_hash).toBe("!imported:no-password");
      expect(file).not.toContain(`"password":"${user.password_hash}"`);
    }
    // API keys, integrations, sessions and settings of the Ghost site are never read.
    expect(await rows("SELECT id FROM api_keys")).toEqual([]);
    expect(await rows("SELECT id FROM integrations")).toEqual([]);
    expect(JSON.stringify(await rows("SELECT * FROM settings ORDER BY key"))).toBe(settingsBefore);
    const everything = await dump();
    for (const secret of file.match(/\$2a\$10\$[./A-Za-z0-9]{53}/g) ?? []) expect(everything).not.toContain(secret);

    // The paid-members post is not published to everyone; the report says why.
    const sell = (await rows<{ status: string }>("SELECT status FROM posts WHERE slug = 'sell'"))[0]!;
    expect(sell.status).toBe("draft");
    expect(report.notes.find((n) => /paid/.test(n.note))?.item).toMatch(/Selling premium memberships/);
    // Pages are told apart by `type`; tags kept through posts_tags.
    expect(await rows("SELECT slug FROM posts WHERE type = 'page' ORDER BY slug")).toEqual(
      ["about", "contact", "contribute", "privacy"].map((slug) => ({ slug })),
    );
    expect(await rows("SELECT post_id FROM post_tags")).toHaveLength(7);
    expect(await rows("SELECT id FROM posts WHERE feature_image LIKE 'https://static.ghost.org/%'")).toHaveLength(7);
    // The Zapier widget's script is a visible link, not a silent gap.
    const integrations = (await rows<{ html: string }>("SELECT html FROM posts WHERE slug = 'integrations'"))[0]!.html;
    expect(integrations).toContain('href="https://zapier.com/apps/embed/widget.js');
    expect(integrations).not.toContain("<script");
  });
});

describe("Blogger backup", () => {
  test("posts, the page and its 13 comments; settings and template skipped and counted", async () => {
    await siteWithOwner();
    const report = await importFile(BLOGGER);
    expect(report.parsed).toEqual({ author: 1, post: 4, tag: 1, page: 1, comment: 13 });
    expect(report.created).toEqual({ author: 1, post: 4, tag: 1, page: 1, comment: 13 });
    expect(report.skipped.byReason).toEqual({
      "Blogger settings: not content": 57,
      "Blogger template: not content": 1,
    });
    // The comments name the page as "post-<id>": they still land on it.
    const page = (await rows<{ id: number; slug: string }>("SELECT id, slug FROM posts WHERE type = 'page'"))[0]!;
    expect(page.slug).toBe("feedback");
    expect(await rows("SELECT id FROM comments WHERE post_id = ?", page.id)).toHaveLength(13);
    // Old addresses: /2010/10/slug.html and /p/page.html answer with the new ones.
    const redirects = await rows<{ from_path: string; to_path: string }>("SELECT from_path, to_path FROM redirects");
    expect(redirects).toContainEqual({ from_path: "/p/feedback.html", to_path: "/feedback" });
    expect(redirects.filter((r) => /^\/\d{4}\/\d{2}\/[^/]+\.html$/.test(r.from_path))).toHaveLength(4);
    // "&amp;#39;" escaped twice in the file reads as an apostrophe once.
    const bodies = (await rows<{ html: string }>("SELECT html FROM comments")).map((c) => c.html);
    expect(bodies.join("")).not.toContain("&#39;");
    expect(bodies.some((html) => html.includes("I've been unable to play"))).toBe(true);
    expect(report.words.share).toBe(1);
  });
});
