import { expect, test } from "../fixtures/test";
import { run } from "../fixtures/db";
import { signInAsOwner, unique } from "../fixtures/site";
import { mailTo } from "../fixtures/smtp";
import { commentsOn, createPost } from "./helpers";

test("a moderator edits a comment, replies inline as staff, and filters the queue by post and email", async ({
  page,
}) => {
  const post = await createPost();
  const tag = unique();
  const email = `inline-${tag}@example.com`;
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, notify_replies, markdown, html) VALUES (?, 'approved', ?, ?, true, 'Orignal wrds', '<p>Orignal wrds</p>')",
    post.id,
    `Inline ${tag}`,
    email,
  );
  await signInAsOwner(page);
  await page.goto(`/admin/comments?status=approved&email=${encodeURIComponent(email)}`);
  await expect(page.getByRole("link", { name: /^Approved/ })).toHaveText("Approved (1)");
  const row = page.getByRole("article", { name: `Comment by Inline ${tag}` });

  await row.getByText("Edit comment").click();
  await row.getByLabel("Comment text").fill("Original **words**");
  await row.getByRole("button", { name: "Save comment" }).click();
  await expect(row.getByRole("status")).toHaveText("Comment saved.");
  expect((await commentsOn(post.id))[0]!.html).toBe("<p>Original <strong>words</strong></p>");

  await row.getByText("Reply as staff").click();
  await row.getByLabel(`Your reply to Inline ${tag}`).fill("Thanks for the comment.");
  await row.getByRole("button", { name: "Publish reply" }).click();
  await expect(row.getByRole("status").filter({ hasText: "Reply published." })).toBeVisible();
  const reply = (await commentsOn(post.id))[1]!;
  expect(reply.status).toBe("approved");
  await expect.poll(() => mailTo(email).length, { timeout: 15_000 }).toBe(1);

  // The post filter narrows to one post's comments.
  await page.goto(`/admin/comments?status=approved`);
  await page.getByLabel("Post", { exact: true }).selectOption({ label: post.title });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("link", { name: /^Approved/ })).toHaveText("Approved (2)");

  await page.goto(`/${post.slug}`);
  await expect(page.getByRole("heading", { name: "2 Comments" })).toBeVisible();
  await expect(page.getByRole("article", { name: `Comment by Inline ${tag}` }).locator(".prose strong")).toHaveText(
    "words",
  );
});
