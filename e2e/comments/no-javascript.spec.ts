import { expect, test } from "../fixtures/test";
import { insert } from "../fixtures/db";
import {
  commentHeading,
  commentsBy,
  createPost,
  expectAlert,
  expectStatus,
  openPost,
  person,
  writeComment,
} from "./helpers";

test.use({ javaScriptEnabled: false });

test("the comment form works with JavaScript disabled: errors keep what was typed, then the comment is held", async ({
  page,
}) => {
  const post = await createPost();
  const reader = person("Nojs");
  await openPost(page, post.slug);
  await expect(commentHeading(page)).toHaveText("0 Comments");

  await writeComment(page, { name: reader.name, email: "not-an-email", body: "Typed without scripts." });
  await expectAlert(page, "Some fields need your attention.");
  await expect(page.getByText("Enter a valid email address, like you@example.com.")).toBeVisible();
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("Typed without scripts.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(reader.name);
  expect(await commentsBy(reader.name)).toHaveLength(0);

  await page.getByLabel("Email", { exact: true }).fill(reader.email);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  await expect(page.getByRole("status").getByText("Typed without scripts.")).toBeVisible();
  expect((await commentsBy(reader.email)).map((c) => c.status)).toEqual(["pending"]);
  expect(await page.context().cookies()).toEqual([]);
});

test("with JavaScript disabled a reader replies by choosing “Reply to …” and writing in the one form", async ({
  page,
}) => {
  const post = await createPost();
  const parent = person("Parent");
  const reader = person("Replynojs");
  const parentId = await insert(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'approved', ?, ?, 'x', '<p>Parent words.</p>')",
    post.id,
    parent.name,
    parent.email,
  );
  await openPost(page, post.slug);
  await expect(page.getByRole("radio", { name: /A new comment, not a reply/ })).toBeChecked();
  await page
    .getByRole("article", { name: `Comment by ${parent.name}` })
    .getByRole("radio", { name: `Reply to ${parent.name}` })
    .check();
  await writeComment(page, { ...reader, body: "Replying without scripts." });
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  expect((await commentsBy(reader.email)).map((c) => [c.status, c.parent_id])).toEqual([["pending", parentId]]);
});
