import { expect, test } from "../fixtures/test";
import { createPost, createTag } from "../fixtures/content";
import { query } from "../fixtures/db";
import { signInAsOwner, unique } from "../fixtures/site";

test("tags merge from the one merge form, whose lists grow with the tags, not their square", async ({ page }) => {
  const from = await createTag({ name: `Merge from ${unique()}` });
  const into = await createTag({ name: `Merge into ${unique()}` });
  const post = await createPost({ title: `Tagged ${unique()}`, tags: [from.slug] });
  await signInAsOwner(page);
  await page.goto("/admin/tags");
  // Two lists for the whole page (it used to print one list of every tag under each tag).
  await expect(page.locator("select")).toHaveCount(2);
  await page.getByLabel("Merge", { exact: true }).selectOption({ label: from.name });
  await page.getByLabel("into", { exact: true }).selectOption({ label: into.name });
  await page.getByRole("button", { name: "Merge tags" }).click();
  await expect(page.getByRole("listitem", { name: from.name, exact: true })).toHaveCount(0);
  await expect(page.getByRole("listitem", { name: into.name, exact: true })).toContainText("1 posts");
  expect(
    await query("SELECT t.slug FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = ?", post.id),
  ).toEqual([{ slug: into.slug }]);
  expect((await page.request.get(`/tag/${from.slug}`, { maxRedirects: 0 })).status()).toBe(301);
});
