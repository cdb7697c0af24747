import { expect, test } from "../fixtures/test";
import { insert, run } from "../fixtures/db";
import { commentsBy, commentsOn, createPost, expectAlert, mainForm, openPost, person, writeComment } from "./helpers";

test("an empty body, a 100 KB body and an invalid email each get a clear message and store nothing", async ({
  page,
}) => {
  const post = await createPost();
  const reader = person("Bad");
  await openPost(page, post.slug);

  await writeComment(page, { ...reader, body: "   " });
  await expect(page.getByText("Write a comment first.")).toBeVisible();

  await writeComment(page, { ...reader, body: "x".repeat(100_000) });
  await expect(page.getByText("Keep your comment under 20,000 characters.")).toBeVisible();

  await writeComment(page, { name: reader.name, email: "nobody@", body: "Fine words." });
  await expect(page.getByText("Enter a valid email address, like you@example.com.")).toBeVisible();
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("Fine words.");

  await writeComment(page, { name: "", email: reader.email, body: "Fine words." });
  await expect(page.getByText("Enter your name.")).toBeVisible();
  expect(await commentsBy(reader.email)).toHaveLength(0);
  expect(await commentsOn(post.id)).toHaveLength(0);
});

test("comments on a post that became a draft, was closed or is missing are refused", async ({ page }) => {
  const reader = person("Late");
  for (const [change, message] of [
    ["UPDATE posts SET status = 'draft' WHERE id = ?", "This post cannot take comments."],
    ["UPDATE posts SET comments_open = false WHERE id = ?", "Comments are closed on this post."],
    ["DELETE FROM posts WHERE id = ?", "This post cannot take comments."],
  ] as const) {
    const post = await createPost();
    await openPost(page, post.slug);
    await run(change, post.id);
    await writeComment(page, { ...reader, body: `Too late: ${change}` });
    await expectAlert(page, message);
    expect(await commentsOn(post.id)).toHaveLength(0);
  }
  expect(await commentsBy(reader.email)).toHaveLength(0);
});

test("a closed post shows its thread and says comments are closed; a page has no comments", async ({ page }) => {
  const post = await createPost({ commentsOpen: false });
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'approved', 'Earlier Reader', 'earlier@example.com', 'before', '<p>Said before closing.</p>')",
    post.id,
  );
  await page.goto(`/${post.slug}`);
  await expect(page.getByRole("heading", { name: "1 Comment" })).toBeVisible();
  await expect(page.getByText("Said before closing.")).toBeVisible();
  await expect(page.getByText("Comments are closed.")).toBeVisible();
  await expect(mainForm(page)).toHaveCount(0);
  await expect(page.getByText("Reply to Earlier Reader")).toHaveCount(0);

  await page.goto("/about");
  await expect(page.getByRole("heading", { name: /Comments?$/ })).toHaveCount(0);
});

test("a reply naming a comment of another post is refused", async ({ page }) => {
  const post = await createPost();
  const other = await createPost();
  const reader = person("Cross");
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'approved', 'Here', 'here@example.com', 'here', '<p>here</p>')",
    post.id,
  );
  const foreign = await insert(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'approved', 'There', 'there@example.com', 'there', '<p>there</p>')",
    other.id,
  );
  await openPost(page, post.slug);
  await page.getByText("Reply to Here").click();
  const form = page.getByRole("form", { name: "Reply to Here" });
  await form
    .locator('input[name="parentId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = String(id)), foreign);
  await writeComment(page, { ...reader, body: "Sneaky reply." }, form);
  await expectAlert(form, "The comment you are replying to is not on this post.");
  expect(await commentsBy(reader.email)).toHaveLength(0);
});
