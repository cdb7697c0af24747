import { expect, test } from "../fixtures/test";
import { OWNER, signInAsOwner, unique } from "../fixtures/site";
import { commentsOn, createPost, openPost, writeComment } from "./helpers";

// With JavaScript the form sends JSON to POST /api/comments, which answers with the
// result only (no re-rendered page, so posting stays cheap); a published comment must
// still join the thread at once, without a reload.
test("a published comment joins the thread and the count without a reload", async ({ page }) => {
  const post = await createPost();
  await signInAsOwner(page);
  await openPost(page, post.slug);
  await expect(page.getByRole("heading", { name: "0 Comments" })).toBeVisible();
  const words = `Published in place ${unique()}`;
  // A mark in this document: a reload would leave a fresh document without it.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const sent = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/comments");
  await writeComment(page, { body: words });
  expect((await sent).status()).toBe(201);

  await expect(page.getByRole("status").filter({ hasText: "Your comment is published." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 Comment" })).toBeVisible();
  await expect(
    page.getByRole("article", { name: `Comment by ${OWNER.name}` }).filter({ hasText: words }),
  ).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect((await commentsOn(post.id)).map((c) => c.status)).toEqual(["approved"]);
});

test("a comment that cannot be sent keeps what was written and says so", async ({ page }) => {
  const post = await createPost();
  await openPost(page, post.slug);
  await page.route("**/api/comments", (route) => route.abort("connectionrefused"));
  const words = `Lost connection ${unique()}`;
  await writeComment(page, { name: "Rita Reader", email: "rita@example.com", body: words });

  await expect(page.getByRole("alert").filter({ hasText: "could not be sent" })).toHaveText(
    "Your comment could not be sent. Check your connection and send it again; what you wrote is still here.",
  );
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue(words);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Rita Reader");
  expect(await commentsOn(post.id)).toEqual([]);

  // Back online, the same form sends it.
  await page.unroute("**/api/comments");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "awaiting moderation" })).toBeVisible();
  expect((await commentsOn(post.id)).map((c) => c.status)).toEqual(["pending"]);
});
