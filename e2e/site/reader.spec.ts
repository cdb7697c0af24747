import { expect, test } from "../fixtures/test";
import { createPost, createTag, newestSlot } from "../fixtures/content";
import { dbTime, ownerId, query, run } from "../fixtures/db";
import { OWNER, unique } from "../fixtures/site";

test("a reader goes from the home page to a post and back, without a cookie", async ({ page }) => {
  const slot = newestSlot(1);
  const post = await createPost({
    title: `Field report ${unique()}`,
    publishedAt: slot.at(0),
    markdown: "Opening lines.\n\n## Where to start\n\nAnywhere.",
  });
  await slot.reached();
  const response = await page.goto("/");
  expect(response?.headers()["set-cookie"]).toBeUndefined();
  await page.getByRole("link", { name: post.title }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Where to start" })).toBeVisible();
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { name: "Latest posts" })).toBeAttached();
  expect(await page.context().cookies()).toEqual([]);
});

test("home → post → tag → author → archive → search → a 404 that suggests posts", async ({ page }) => {
  const id = unique();
  const tag = await createTag({ name: `Birds ${id}`, description: `Notes on birds ${id}.` });
  const post = await createPost({
    title: `Migrating swallows ${id}`,
    tags: [tag.slug],
    markdown: `Swallows fly south ${id}.\n\n## Why they go\n\nFood.`,
  });

  await page.goto("/");
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: post.title }) });
  await expect(card.getByText(OWNER.name)).toBeVisible();
  await expect(card.getByText("1 min read")).toBeVisible();
  await expect(card.getByText("0 comments")).toBeVisible();
  await card.getByRole("link", { name: post.title }).click();

  await expect(page.getByRole("heading", { level: 1, name: post.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why they go" })).toBeVisible();
  await expect(page.getByRole("complementary").getByRole("heading", { name: OWNER.name })).toBeVisible();
  await page
    .getByRole("list", { name: "Tags" })
    .getByRole("link", { name: `#${tag.name}` })
    .click();

  await expect(page).toHaveURL(`/tag/${tag.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: tag.name })).toBeVisible();
  await expect(page.getByText(`Notes on birds ${id}.`)).toBeVisible();
  await expect(page.getByText("1 post ·")).toBeVisible();
  await page.getByRole("article").getByRole("link", { name: OWNER.name }).click();

  await expect(page).toHaveURL(/\/author\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: OWNER.name })).toBeVisible();
  await expect(page.getByRole("link", { name: post.title })).toBeVisible();
  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Archive" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Archive" })).toBeVisible();
  const year = String(new Date().getUTCFullYear());
  await expect(page.getByRole("heading", { level: 2, name: year })).toBeVisible();
  await expect(page.getByRole("link", { name: post.title })).toBeVisible();
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Search" }).click();

  await page.getByLabel("Search posts").fill(`swallows ${id}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: `1 result for “swallows ${id}”` })).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText(/swallows/i);
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: post.title })).toBeVisible();

  const missing = await page.goto(`/swallows-${id}-moved-away`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Were you looking for one of these?" })).toBeVisible();
  await expect(page.getByRole("link", { name: post.title })).toBeVisible();
  await expect(page.getByLabel("Search the site")).toHaveValue(`swallows ${id} moved away`);
});

test("pages share the renderer without date, author or tags", async ({ page }) => {
  const about = await createPost({
    type: "page",
    title: `Colophon ${unique()}`,
    markdown: "Set in system fonts.\n\n## Contact\n\nWrite to us.",
  });
  await page.goto(`/${about.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: about.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Contact" })).toBeVisible();
  await expect(page.getByText("min read")).toHaveCount(0);
  await expect(page.getByRole("complementary")).toHaveCount(0);
  await expect(page.locator("time")).toHaveCount(0);
});

test("a post shows previous and next posts and related posts by shared tags", async ({ page }) => {
  const tag = await createTag({ name: `Knots ${unique()}` });
  const slot = newestSlot(3);
  const first = await createPost({ title: `Bowline ${unique()}`, tags: [tag.slug], publishedAt: slot.at(0) });
  const middle = await createPost({ title: `Clove hitch ${unique()}`, tags: [tag.slug], publishedAt: slot.at(1) });
  const last = await createPost({ title: `Sheet bend ${unique()}`, publishedAt: slot.at(2) });
  await slot.reached();
  await page.goto(`/${middle.slug}`);
  const more = page.getByRole("navigation", { name: "More posts" });
  await expect(more.getByRole("link", { name: first.title })).toHaveAttribute("rel", "prev");
  await expect(more.getByRole("link", { name: last.title })).toHaveAttribute("rel", "next");
  const related = page.getByRole("region", { name: "Related posts" });
  await expect(related.getByRole("link")).toHaveText([first.title]);
});

test("the home page pins featured posts and pages across a boundary without gaps or repeats", async ({ page }) => {
  const id = unique();
  // The newest of all: featured posts other journeys made must not push it off the top three.
  const slot = newestSlot(13);
  const featured = await createPost({ title: `Featured ${id}`, featured: true, publishedAt: slot.at(12) });
  const titles: string[] = []; // newest first
  for (let i = 0; i < 12; i++) {
    const post = await createPost({ title: `Paged ${id} ${String(i).padStart(2, "0")}`, publishedAt: slot.at(i) });
    titles.unshift(post.title);
  }
  await slot.reached();
  await page.goto("/");
  await expect(
    page.getByRole("region", { name: "Featured" }).getByRole("link", { name: featured.title }),
  ).toBeVisible();
  const perPage = 10;
  const pageOne = await page.locator("ol > li article h2").allTextContents();
  expect(pageOne).toHaveLength(perPage);
  expect(pageOne.slice(0, 10)).toEqual(titles.slice(0, 10));
  expect(pageOne).not.toContain(featured.title);
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Older posts →" }).click();
  await expect(page).toHaveURL("/page/2");
  const pageTwo = await page.locator("ol > li article h2").allTextContents();
  expect(pageTwo.slice(0, 2)).toEqual(titles.slice(10, 12));
  await expect(page.getByRole("region", { name: "Featured" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Newer posts" }).click();
  await expect(page).toHaveURL("/");
});

test("tag pages paginate too", async ({ page }) => {
  const tag = await createTag({ name: `Pebbles ${unique()}` });
  for (let i = 0; i < 11; i++)
    await createPost({
      title: `Pebble ${i} ${unique()}`,
      tags: [tag.slug],
      publishedAt: new Date(Date.now() - 1000 * (i + 1)),
    });
  await page.goto(`/tag/${tag.slug}`);
  await expect(page.getByRole("article")).toHaveCount(10);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await page.getByRole("link", { name: "Older posts →" }).click();
  await expect(page).toHaveURL(`/tag/${tag.slug}/page/2`);
  await expect(page.getByRole("article")).toHaveCount(1);
  expect((await page.request.get(`/tag/${tag.slug}/page/3`)).status()).toBe(404);
});

test("a changed slug answers 301 from the old address", async ({ request }) => {
  const post = await createPost({ title: `Renamed ${unique()}` });
  await run("INSERT INTO redirects (from_path, to_path) VALUES (?, ?)", `/old-${post.slug}`, `/${post.slug}`);
  const response = await request.get(`/old-${post.slug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(new URL(response.headers().location!, "http://x").pathname).toBe(`/${post.slug}`);
  expect((await request.get(`/old-${post.slug}`)).status()).toBe(200);
});

test("odd addresses answer 200, 301 or 404, never an error", async ({ request }) => {
  const paths = [
    `/${"a".repeat(3000)}`,
    "/%00",
    "/..%2F..%2Fetc%2Fpasswd",
    "/../../etc/passwd",
    "/%F0%9F%98%80",
    "/caf%C3%A9",
    "/%E0%A4%A",
    "/%",
    "/page/0",
    "/page/-1",
    "/page/1",
    "/page/99999999999999999999",
    "/page/abc",
    "/page/1e3",
    "/page/2.5",
    `/tag/${"x".repeat(3000)}`,
    "/tag/%00",
    "/tag/%00/rss.xml",
    "/author/%00",
    "/a%00b",
    "/tag/%F0%9F%98%80/page/2",
    "/author/..%2F",
    "/author/nobody/page/-5",
    "/tag/nope/rss.xml",
    "/author/nope/feed.json",
    "/og/%00",
    `/og/${"z".repeat(3000)}`,
    "/a/b/c/d",
    "/search?q=%00",
    "/search?q=%22",
    "/search?q=*",
    "/search?q=NEAR(a%20b)",
    "/search?q=a%20OR%20b%20NOT",
    "/search?q=title%3Afoo",
    // 10 KB typed into the search box (wider input meets Node's 16 KB header limit: 431, not the app).
    `/search?q=${encodeURIComponent('scal* "NEAR( a OR b" - ^x '.repeat(400)).slice(0, 14_000)}`,
    `/search?q=${"word%20".repeat(1500)}`,
    "/search?q=%F0%9F%98%80",
    "/search?q=^a",
    "/search?q=(((",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([200, 301, 308, 404], path).toContain(response.status());
  }
});

test("drafts, posts in review and scheduled posts stay invisible to readers", async ({ page, request }) => {
  const id = unique();
  const tag = await createTag({ name: `Hush ${id}` });
  await createPost({ title: `Visible ${id}`, tags: [tag.slug] });
  const hidden = [
    await createPost({ title: `Secret draft ${id}`, status: "draft", tags: [tag.slug] }),
    await createPost({ title: `Secret review ${id}`, status: "review", tags: [tag.slug] }),
    await createPost({
      title: `Secret scheduled ${id}`,
      status: "scheduled",
      publishedAt: new Date(Date.now() + 86_400_000),
      tags: [tag.slug],
    }),
    await createPost({
      title: `Secret future ${id}`,
      publishedAt: new Date(Date.now() + 86_400_000),
      tags: [tag.slug],
    }),
  ];
  await run(
    "UPDATE posts SET deleted_at = ? WHERE id = ?",
    dbTime(Date.now()),
    (await createPost({ title: `Secret trashed ${id}`, tags: [tag.slug] })).id,
  );
  for (const post of hidden) {
    const response = await page.goto(`/${post.slug}`);
    expect(response?.status(), post.title).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await request.get(`/og/${post.slug}`)).status()).toBe(404);
  }
  const author = (await query<{ slug: string }>("SELECT slug FROM users WHERE id = ?", await ownerId()))[0]!.slug;
  const everywhere = [
    "/",
    `/tag/${tag.slug}`,
    `/author/${author}`,
    "/archive",
    `/search?q=secret%20${id}`,
    `/search?q=${id}`,
    "/rss.xml",
    "/atom.xml",
    "/feed.json",
    `/tag/${tag.slug}/rss.xml`,
    `/tag/${tag.slug}/atom.xml`,
    `/tag/${tag.slug}/feed.json`,
    `/author/${author}/rss.xml`,
    "/sitemap.xml",
    `/secret-${id}`,
  ];
  for (const path of everywhere) {
    // The raw body: the HTML and the page's RSC payload alike.
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain(`Secret`);
  }
  await page.goto(`/tag/${tag.slug}`);
  await expect(page.getByText("1 post ·")).toBeVisible();
});

test("the health endpoint reports the database and migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok", migrations: { current: true } });
});

test("the header shows the navigation and logo from settings, and only safe links", async ({ page }) => {
  const saved = await query<{ key: string; value: string }>(
    "SELECT key, value FROM settings WHERE key IN ('navigation', 'logoUrl')",
  );
  const navigation = [
    { label: "Start", url: "/" },
    { label: "Field guide", url: "https://example.com/guide" },
    { label: "Sneaky", url: "javascript:alert(1)" },
  ];
  await run(
    "INSERT INTO settings (key, value) VALUES ('navigation', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    JSON.stringify(navigation),
  );
  await run(
    "INSERT INTO settings (key, value) VALUES ('logoUrl', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    JSON.stringify("/media/logo.png"),
  );
  try {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Site" });
    await expect(nav.getByRole("link")).toHaveText(["Start", "Field guide", "Search"]);
    await expect(page.locator("header img")).toHaveAttribute("src", "/media/logo.png");
  } finally {
    await run("DELETE FROM settings WHERE key IN ('navigation', 'logoUrl')");
    for (const row of saved) await run("INSERT INTO settings (key, value) VALUES (?, ?)", row.key, row.value);
  }
});

test("/page/1 is the home page", async ({ request }) => {
  const response = await request.get("/page/1", { maxRedirects: 0 });
  expect([301, 308]).toContain(response.status());
  expect(new URL(response.headers().location!, "http://x").pathname).toBe("/");
});

test("cards count approved comments only", async ({ page }) => {
  const post = await createPost({ title: `Talked about ${unique()}` });
  for (const status of ["approved", "approved", "pending", "spam", "trash"]) {
    await run(
      "INSERT INTO comments (post_id, status, author_name, markdown, html) VALUES (?, ?, 'Reader', 'Hi', '<p>Hi</p>')",
      post.id,
      status,
    );
  }
  await page.goto("/");
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: post.title }) });
  await expect(card.getByText("2 comments")).toBeVisible();
});

test("posts and tags with non-ASCII slugs open from their links", async ({ page }) => {
  const id = unique();
  const tag = await createTag({ name: `Thé ${id}`, slug: `thé-${id}` });
  const post = await createPost({ title: `Crème brûlée ${id}`, slug: `crème-brûlée-${id}`, tags: [tag.slug] });
  await page.goto(`/tag/${encodeURIComponent(tag.slug)}`);
  await expect(page.getByRole("heading", { level: 1, name: tag.name })).toBeVisible();
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: post.title })).toBeVisible();
  expect((await page.request.get(`/tag/${encodeURIComponent(tag.slug)}/rss.xml`)).status()).toBe(200);
});
