import { expect, test } from "../fixtures/test";
import { staffPage } from "../fixtures/admin";
import { ownerId, query, run } from "../fixtures/db";
import { unique } from "../fixtures/site";

async function draft(title: string, authorId: number) {
  await run(
    "INSERT INTO posts (title, slug, markdown, html, status, author_id) VALUES (?, ?, 'Body', '<p>Body</p>', 'draft', ?)",
    title,
    title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    authorId,
  );
}

test("an editor finds posts by title, publishes two at once, trashes one and restores it", async ({ browser }) => {
  const { page } = await staffPage(browser, "editor");
  const word = `kelp${unique()}`;
  await draft(`Forests of ${word}`, await ownerId());
  await draft(`Harvesting ${word}`, await ownerId());

  await page.goto("/admin/posts");
  await page.getByLabel("Search titles").fill(word);
  await page.getByLabel("Status").selectOption("draft");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row")).toHaveCount(3); // the header and two posts
  await page.getByLabel(`Select “Forests of ${word}”`).check();
  await page.getByLabel(`Select “Harvesting ${word}”`).check();
  await page.getByLabel("With selected").selectOption("publish");
  await page.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status")).toHaveText("2 items published.");
  expect(await query("SELECT status FROM posts WHERE title LIKE ?", `%${word}`)).toEqual([
    { status: "published" },
    { status: "published" },
  ]);

  await page.goto(`/admin/posts?q=${word}&status=published`);
  await page.getByLabel(`Select “Harvesting ${word}”`).check();
  await page.getByLabel("With selected").selectOption("trash");
  await page.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status")).toHaveText("1 item moved to the trash.");

  await page.goto(`/admin/posts?q=${word}&status=trash`);
  await expect(page.getByRole("cell", { name: "In the trash" })).toHaveCount(1);
  await page.getByLabel(`Select “Harvesting ${word}”`).check();
  await page.getByLabel("With selected").selectOption("restore");
  await page.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status")).toHaveText("1 item restored.");
  expect(await query("SELECT deleted_at FROM posts WHERE title = ?", `Harvesting ${word}`)).toEqual([
    { deleted_at: null },
  ]);
});

test("an author sees only their own posts, and cannot reach the tags, users or settings screens", async ({
  browser,
}) => {
  const { page, person } = await staffPage(browser, "author");
  const word = `reef${unique()}`;
  await draft(`Someone else's ${word}`, await ownerId());
  const me = (await query<{ id: number }>("SELECT id FROM users WHERE email = ?", person.email))[0]!.id;
  await draft(`My own ${word}`, me);
  await page.goto(`/admin/posts?q=${word}`);
  await expect(page.getByRole("link", { name: `My own ${word}` })).toBeVisible();
  await expect(page.getByText(`Someone else's ${word}`)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  for (const [path, message] of [
    ["/admin/users", "Only administrators can manage users."],
    ["/admin/tags", "Only editors and administrators manage tags."],
    ["/admin/settings", "Only administrators can change the site settings."],
    ["/admin/audit", "Only administrators can read the audit log."],
  ]) {
    await page.goto(path!);
    await expect(page.getByRole("alert").filter({ hasText: message! })).toBeVisible();
  }
});

test("an editor renames a tag, and its old address is kept as a redirect", async ({ browser }) => {
  const { page } = await staffPage(browser, "editor");
  const name = `Lagoons ${unique()}`;
  await page.goto("/admin/tags");
  await page.getByLabel("Name").first().fill(name);
  await page.getByRole("button", { name: "Create tag" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tag created." })).toBeVisible();
  const oldSlug = (await query<{ slug: string }>("SELECT slug FROM tags WHERE name = ?", name))[0]!.slug;

  const item = page.getByRole("listitem", { name });
  await item.getByLabel("Slug").fill(`${oldSlug}-renamed`);
  await item.getByLabel("Description").fill("Shallow water, long reads.");
  await item.getByRole("button", { name: `Save ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tag saved." })).toBeVisible();
  expect(await query("SELECT to_path FROM redirects WHERE from_path = ?", `/tag/${oldSlug}`)).toEqual([
    { to_path: `/tag/${oldSlug}-renamed` },
  ]);
  expect(await query("SELECT description FROM tags WHERE name = ?", name)).toEqual([
    { description: "Shallow water, long reads." },
  ]);
});
