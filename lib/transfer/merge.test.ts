// Importing into a site that already has content: staff's work is never overwritten.
import { expect, test } from "vitest";
import { posts, redirects, tags, users } from "@/db/schema";
import { write } from "@/db/transaction";
import { rows, siteWithOwner, writeTemp, wxr, wxrItem } from "./test-support";
import { importFile } from "./write";

test("slug clashes get a new slug, known e-mails become that staff member, existing tags are reused", async () => {
  await siteWithOwner();
  await write(async (db) => {
    await db.insert(users).values({
      email: "ADA@example.com",
      name: "Ada (staff)",
      slug: "ada",
      role: "editor",
      passwordHash: "$argon2id$staff",
    });
    await db.insert(posts).values({
      title: "Staff post",
      slug: "a-post",
      markdown: "Staff words.",
      html: "<p>Staff words.</p>",
      authorId: 1,
      status: "published",
    });
    await db.insert(tags).values({ name: "News", slug: "news" });
    await db.insert(redirects).values({ fromPath: "/2019/05/a-post", toPath: "/a-post" });
  });

  const file = writeTemp(
    "merge.xml",
    wxr(
      wxrItem({}, `<category domain="category" nicename="news"><![CDATA[news]]></category>`) +
        // A /%postname%/ permalink: the old address is the staff post's live one.
        wxrItem({ "wp:post_id": "2", title: "Other", link: "https://old.example/a-post/", "wp:post_name": "a-post" }),
    ),
  );
  const report = await importFile(file);

  expect(await rows("SELECT title, slug, markdown FROM posts ORDER BY id")).toEqual([
    { title: "Staff post", slug: "a-post", markdown: "Staff words." },
    { title: "A post", slug: "a-post-2", markdown: "Hello there." },
    { title: "Other", slug: "a-post-3", markdown: "Hello there." },
  ]);
  expect(await rows("SELECT from_path FROM redirects WHERE from_path = '/a-post'")).toEqual([]);
  // The author's e-mail is a staff member's (in another case): that member, unchanged.
  expect(await rows("SELECT email, role, password_hash FROM users WHERE lower(email) LIKE '%ada%'")).toEqual([
    { email: "ADA@example.com", role: "editor", password_hash: "$argon2id$staff" },
  ]);
  expect(await rows("SELECT author_id FROM posts WHERE slug = 'a-post-2'")).toEqual([{ author_id: 2 }]);
  expect(report.merged).toEqual({ author: 1, tag: 1 });
  expect(await rows("SELECT name FROM tags")).toEqual([{ name: "News" }]);
  // The staff's redirect stays; the import's own old address for it is reported as taken.
  expect(await rows("SELECT to_path FROM redirects WHERE from_path = '/2019/05/a-post'")).toEqual([
    { to_path: "/a-post" },
  ]);
  expect(report.redirects.alreadyTaken).toBe(2);
  expect(await rows("SELECT to_path FROM redirects WHERE from_path = '/?p=1'")).toEqual([{ to_path: "/a-post-2" }]);
});
