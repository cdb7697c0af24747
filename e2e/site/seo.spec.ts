import { expect, test } from "../fixtures/test";
import { authorSlugOf, createPost, createTag } from "../fixtures/content";
import { ownerId, run } from "../fixtures/db";
import { unique } from "../fixtures/site";

const origin = () => test.info().project.use.baseURL!;

test("a post has its title, description, canonical, Open Graph, Twitter card and JSON-LD", async ({
  page,
  request,
}) => {
  const id = unique();
  const tag = await createTag({ name: `Ferries ${id}` });
  const post = await createPost({
    title: `Night ferry ${id}`,
    tags: [tag.slug],
    customExcerpt: `Crossing at night ${id}.`,
  });
  await page.goto(`/${post.slug}`);
  await expect(page).toHaveTitle(new RegExp(`^Night ferry ${id} · `));
  const meta = (selector: string) => page.locator(`head ${selector}`).getAttribute("content");
  expect(await meta('meta[name="description"]')).toBe(`Crossing at night ${id}.`);
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(`${origin()}/${post.slug}`);
  expect(await meta('meta[property="og:type"]')).toBe("article");
  expect(await meta('meta[property="og:title"]')).toBe(post.title);
  expect(await meta('meta[property="og:url"]')).toBe(`${origin()}/${post.slug}`);
  const image = (await meta('meta[property="og:image"]'))!;
  expect(image).toBe(`${origin()}/og/${post.slug}`);
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await meta('meta[name="twitter:image"]')).toBe(image);

  const card = await request.get(new URL(image).pathname);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
  expect((await card.body()).subarray(1, 4).toString()).toBe("PNG");

  const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
  const types = ld.map((text) => JSON.parse(text)["@type"]);
  expect(types).toEqual(expect.arrayContaining(["WebSite", "BlogPosting", "BreadcrumbList"]));
  const posting = ld.map((text) => JSON.parse(text)).find((data) => data["@type"] === "BlogPosting");
  expect(posting).toMatchObject({
    headline: post.title,
    url: `${origin()}/${post.slug}`,
    author: { "@type": "Person" },
  });
  const crumbs = ld.map((text) => JSON.parse(text)).find((data) => data["@type"] === "BreadcrumbList");
  expect(crumbs.itemListElement.map((item: { name: string }) => item.name)).toEqual(["Home", tag.name, post.title]);
});

test("text in JSON-LD cannot close its script element", async ({ page }) => {
  const title = `</script><script>window.__pwned = 1</script> ${unique()}`;
  const post = await createPost({ title });
  await page.goto(`/${post.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const posting = (await page.locator('script[type="application/ld+json"]').allTextContents())
    .map((text) => JSON.parse(text))
    .find((data) => data["@type"] === "BlogPosting");
  expect(posting.headline).toBe(title);
});

test("an author page has Person JSON-LD; list pages have canonicals", async ({ page }) => {
  const author = await authorSlugOf(await ownerId());
  await page.goto(`/author/${author}`);
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(`${origin()}/author/${author}`);
  const types = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text)["@type"],
  );
  expect(types).toEqual(expect.arrayContaining(["Person", "BreadcrumbList"]));
  await page.goto("/");
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toMatch(new RegExp(`^${origin()}/?$`));
});

test("a post's own SEO and social fields win over the derived ones", async ({ page }) => {
  const post = await createPost({ title: `Plain title ${unique()}` });
  await run(
    "UPDATE posts SET meta_title = 'Better title', meta_description = 'Better description', og_image = '/media/card.png', canonical_url = 'https://elsewhere.example/original' WHERE id = ?",
    post.id,
  );
  await page.goto(`/${post.slug}`);
  await expect(page).toHaveTitle(/^Better title · /);
  expect(await page.locator('head meta[name="description"]').getAttribute("content")).toBe("Better description");
  expect(await page.locator('head meta[property="og:image"]').getAttribute("content")).toBe(
    `${origin()}/media/card.png`,
  );
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(
    "https://elsewhere.example/original",
  );
});

test("sitemap.xml lists posts, pages, tags and authors with lastmod; robots.txt points to it", async ({ request }) => {
  const tag = await createTag({ name: `Maps ${unique()}` });
  const post = await createPost({ title: `Sitemapped ${unique()}`, tags: [tag.slug] });
  const page = await createPost({ type: "page", title: `Static ${unique()}` });
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const xml = await sitemap.text();
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  for (const path of [
    `/${post.slug}`,
    `/${page.slug}`,
    `/tag/${tag.slug}`,
    `/author/${await authorSlugOf(await ownerId())}`,
  ]) {
    expect(xml).toMatch(
      new RegExp(`<url><loc>${origin()}${path}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT[^<]+</lastmod></url>`),
    );
  }
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${origin()}/sitemap.xml`);
  expect(robots).toContain("Disallow: /admin");
});
