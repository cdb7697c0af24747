import { expect, test } from "../fixtures/test";
import { insert, run } from "../fixtures/db";
import { createPost } from "./helpers";

test("a post's comments feed lists approved comments only, and follows approvals", async ({ request }) => {
  const post = await createPost();
  const comment = (status: string, name: string) =>
    insert(
      "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, ?, ?, 'f@example.com', 'x', ?)",
      post.id,
      status,
      name,
      `<p>Words of ${name}</p>`,
    );
  await comment("approved", "Alice");
  const held = await comment("pending", "Bob");
  await comment("spam", "Spammy");

  const first = await request.get(`/${post.slug}/comments.xml`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await first.text();
  expect(xml).toContain("<rss");
  expect(xml).toContain(`Comments on “${post.title}”`);
  expect(xml).toContain("Alice on");
  expect(xml).not.toContain("Bob");
  expect(xml).not.toContain("Spammy");

  await run("UPDATE comments SET status = 'approved' WHERE id = ?", held);
  expect(await (await request.get(`/${post.slug}/comments.xml`)).text()).toContain("Bob on");
  expect((await request.get("/no-such-post-here/comments.xml")).status()).toBe(404);
});
