import { expect, test } from "../fixtures/test";
import { onPostgres, run } from "../fixtures/db";
import { commentsBy, createPost, expectStatus, openPost, person, writeComment } from "./helpers";

test("the commenter edits and deletes within 10 minutes from their browser, but not after, nor from another browser", async ({
  page,
  browser,
}) => {
  const post = await createPost();
  const reader = person("Editor");
  await openPost(page, post.slug);
  await writeComment(page, { ...reader, body: "First draft of my thought." });
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  const own = page.getByRole("region", { name: "Your comments" });

  // Still theirs after a reload: the token lives in this browser, not in a cookie.
  await page.reload();
  await expect(own.getByText("First draft of my thought.")).toBeVisible();
  expect(await page.context().cookies()).toEqual([]);
  await own.getByRole("button", { name: "Edit comment" }).click();
  await own.getByLabel("Edit your comment").fill("Second, **better** draft.");
  await own.getByRole("button", { name: "Save changes" }).click();
  await expect(own.getByRole("status")).toHaveText("Your comment is updated.");
  await expect(own.locator("strong")).toHaveText("better");
  expect((await commentsBy(reader.email))[0]!.markdown).toBe("Second, **better** draft.");

  // Another browser has no token: nothing to edit there.
  const other = await (await browser.newContext()).newPage();
  await other.goto(`/${post.slug}`);
  await expect(other.getByRole("region", { name: "Your comments" })).toHaveCount(0);

  // Past the window, the server refuses even from the right browser.
  await own.getByRole("button", { name: "Edit comment" }).click();
  const elevenMinutes = onPostgres() ? "interval '11 minutes'" : "11 * 60 * 1000";
  await run(`UPDATE comments SET created_at = created_at - ${elevenMinutes} WHERE author_email = ?`, reader.email);
  await own.getByLabel("Edit your comment").fill("Too late to change.");
  await own.getByRole("button", { name: "Save changes" }).click();
  await expect(own.getByRole("alert")).toHaveText("The 10 minutes for changing this comment have passed.");
  expect((await commentsBy(reader.email))[0]!.markdown).toBe("Second, **better** draft.");
  await page.reload();
  await expect(own.getByText("Second, better draft.")).toBeVisible();
  await expect(own.getByRole("button", { name: "Edit comment" })).toHaveCount(0);
  await expect(own.getByRole("button", { name: "Delete comment" })).toHaveCount(0);
});

test("the commenter deletes their comment inside the window", async ({ page }) => {
  const post = await createPost();
  const reader = person("Deleter");
  await openPost(page, post.slug);
  await writeComment(page, { ...reader, body: "I regret this." });
  const own = page.getByRole("region", { name: "Your comments" });
  await own.getByRole("button", { name: "Delete comment" }).click();
  await own.getByRole("button", { name: "Yes, delete my comment" }).click();
  await expect(own).toHaveCount(0);
  expect(await commentsBy(reader.email)).toHaveLength(0);
});
