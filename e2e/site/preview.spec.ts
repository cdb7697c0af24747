import { expect, type Page, test } from "../fixtures/test";
import { createPost, createTag } from "../fixtures/content";
import { OWNER, signInAsOwner, unique } from "../fixtures/site";

// The staff preview renders the reader page's own <PostArticle>: same byline, date, tags and body.

async function articleOf(page: Page) {
  const article = page.getByRole("article");
  return {
    heading: await article.getByRole("heading", { level: 1 }).textContent(),
    byline: (await article.locator("header p").first().textContent())?.replace(/\d+ \w+ \d{4}/, "<date>"),
    tags: await article.getByRole("list", { name: "Tags" }).getByRole("link").allTextContents(),
    codePadding: await article
      .locator("pre")
      .first()
      .evaluate((pre) => getComputedStyle(pre).padding),
  };
}

test("a draft's preview shows what its reader page will: byline with a date, tags, code blocks alike", async ({
  page,
}) => {
  const id = unique();
  const tag = await createTag({ name: `Preview ${id}` });
  const content = { tags: [tag.slug], markdown: "Before the code.\n\n```js\nconst tide = 4;\n```" };
  const published = await createPost({ title: `Previewed ${id}`, ...content });
  const draft = await createPost({ title: `Previewed ${id}`, status: "draft", ...content });

  await page.goto(`/${published.slug}`);
  const reader = await articleOf(page);
  await signInAsOwner(page);
  await page.goto(`/admin/preview/${draft.id}`);
  await expect(page.getByRole("status")).toContainText("Preview of a draft post");
  const preview = await articleOf(page);

  expect(reader.byline).toContain(OWNER.name);
  expect(reader.byline).toContain("<date>");
  expect(reader.tags).toEqual([`#Preview ${id}`]);
  expect(preview).toEqual(reader);
});
