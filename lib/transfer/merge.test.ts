// Importing into a site that already has content: staff's work is never overwritten.
import { expect, test } from "vitest";
import { rows, siteWithOwner, writeTemp, wxr, wxrItem } from "./test-support";
import { importFile } from "./write";

test("slug clashes get a new slug, known e-mails become that staff member, existing tags are reused", async () => {
  const db = siteWithOwner();
  db.$client
    .prepare("INSERT INTO users (email, name, slug, role, password_hash) VALUES (?, ?, ?, ?, ?)")
    .run("ADA@example.com", "Ada (staff)", "ada", "editor", "$argon2id$staff");
  db.$client
    .prepare("INSERT INTO posts (title, slug, markdown, html, author_id, status) VALUES (?, ?, ?, ?, 1, 'published')")
    .run("Staff post", "a-post", "Staff words.", "<p>Staff words.</p>");
  db.$client.prepare("INSERT INTO tags (name, slug) VALUES ('News', 'news')").run();
  db.$client.prepare("INSERT INTO redirects (from_path, to_path) VALUES ('/2019/05/a-post', '/a-post')").run();

  const file = writeTemp(
    "merge.xml",
    wxr(
      wxrItem({}, `<category domain="category" nicename="news"><![CDATA[news]]></category>`) +
        // A /%postname%/ permalink: the old address is the staff post's live one.
        wxrItem({ "wp:post_id": "2", title: "Other", link: "https://old.example/a-post/", "wp:post_name": "a-post" }),
    ),
  );
  const report = await importFile(file);

  expect(rows(db, "SELECT title, slug, markdown FROM posts ORDER BY id")).toEqual([
    { title: "Staff post", slug: "a-post", markdown: "Staff words." },
    { title: "A post", slug: "a-post-2", markdown: "Hello there." },
    { title: "Other", slug: "a-post-3", markdown: "Hello there." },
  ]);
  expect(rows(db, "SELECT from_path FROM redirects WHERE from_path = '/a-post'")).toEqual([]);
  // The author's e-mail is a staff member's (in another case): that member, unchanged.
  expect(rows(db, "SELECT email, role, password_hash FROM users WHERE email LIKE '%ada%' COLLATE NOCASE")).toEqual([
    { email: "ADA@example.com", role: "editor", password_hash: "$argon2id$staff" },
  ]);
  expect(rows(db, "SELECT author_id FROM posts WHERE slug = 'a-post-2'")).toEqual([{ author_id: 2 }]);
  expect(report.merged).toEqual({ author: 1, tag: 1 });
  expect(rows(db, "SELECT name FROM tags")).toEqual([{ name: "News" }]);
  // The staff's redirect stays; the import's own old address for it is reported as taken.
  expect(rows(db, "SELECT to_path FROM redirects WHERE from_path = '/2019/05/a-post'")).toEqual([
    { to_path: "/a-post" },
  ]);
  expect(report.redirects.alreadyTaken).toBe(2);
  expect(rows(db, "SELECT to_path FROM redirects WHERE from_path = '/?p=1'")).toEqual([{ to_path: "/a-post-2" }]);
});
