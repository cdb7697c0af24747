import { expect, test } from "@playwright/test";
import { OWNER, signInAsOwner, unique } from "../fixtures/site";
import { commentsOn, createPost, openPost, writeComment } from "./helpers";

// The comment action answers with its result only (no re-rendered page, so posting stays
// cheap); a published comment must still join the thread at once, without a reload.
test("a published comment joins the thread and the count without a reload", async ({ page }) => {
  const post = createPost();
  await signInAsOwner(page);
  await openPost(page, post.slug);
  await expect(page.getByRole("heading", { name: "0 Comments" })).toBeVisible();
  const words = `Published in place ${unique()}`;
  // A mark in this document: a reload would leave a fresh document without it.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await writeComment(page, { body: words });

  await expect(page.getByRole("status").filter({ hasText: "Your comment is published." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 Comment" })).toBeVisible();
  await expect(page.getByRole("article", { name: `Comment by ${OWNER.name}` }).filter({ hasText: words })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(commentsOn(post.id).map((c) => c.status)).toEqual(["approved"]);
});
