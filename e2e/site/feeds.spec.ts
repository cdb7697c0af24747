import { expect, type APIRequestContext, test } from "../fixtures/test";
import Parser from "rss-parser";
import { authorSlugOf, changeAndWait, createPost, createTag, publishPost } from "../fixtures/content";
import { ownerId } from "../fixtures/db";
import { unique } from "../fixtures/site";

const parser = new Parser();
const origin = () => test.info().project.use.baseURL!;

type JsonFeed = {
  version: string;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  items: {
    id: string;
    url?: string;
    title?: string;
    content_html?: string;
    content_text?: string;
    summary?: string;
    date_published?: string;
    authors?: { name: string }[];
  }[];
};

/** The three feeds under `base`, each checked for its content type and parsed. */
async function readFeeds(request: APIRequestContext, base: string) {
  const rss = await request.get(`${base}/rss.xml`);
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const atom = await request.get(`${base}/atom.xml`);
  expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const json = await request.get(`${base}/feed.json`);
  expect(json.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
  for (const response of [rss, atom, json]) expect(response.headers()["set-cookie"]).toBeUndefined();
  return {
    rss: await parser.parseString(await rss.text()),
    atom: await parser.parseString(await atom.text()),
    json: (await json.json()) as JsonFeed,
    rawAtom: await atom.text(),
  };
}

/** JSON Feed 1.1: version, title and items are required; each item needs an id and content_html or content_text. */
function expectValidJsonFeed(feed: JsonFeed) {
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof feed.title).toBe("string");
  expect(Array.isArray(feed.items)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe("string");
    expect(typeof (item.content_html ?? item.content_text)).toBe("string");
    if (item.date_published) expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
  }
  expect(feed.feed_url).toMatch(/^https?:\/\//);
}

test("site, tag and author feeds are valid RSS 2.0, Atom 1.0 and JSON Feed 1.1 with absolute links", async ({
  request,
}) => {
  const id = unique();
  const tag = await createTag({ name: `Ferns ${id}` });
  const post = await createPost({
    title: `Fern spores ${id}`,
    tags: [tag.slug],
    markdown: `Spores & sori ${id}. See [the index](/archive) and <b>no html</b>.\n\n\`\`\`js\nlet x = 1 < 2;\n\`\`\``,
  });
  const author = await authorSlugOf(await ownerId());
  for (const base of ["", `/tag/${tag.slug}`, `/author/${author}`]) {
    const { rss, atom, json, rawAtom } = await readFeeds(request, base);
    const rssItem = rss.items.find((item) => item.title === post.title);
    expect(rssItem, `${base}/rss.xml`).toBeDefined();
    expect(rssItem!.link).toBe(`${origin()}/${post.slug}`);
    expect(rssItem!["content:encoded"]).toContain(`href="${origin()}/archive"`);
    expect(rssItem!["content:encoded"]).toContain("shiki");
    expect(rss.link).toBe(`${origin()}${base}/`);
    expect(rss.title && rss.description).toBeTruthy(); // RSS 2.0's required channel elements

    const atomItem = atom.items.find((item) => item.title === post.title);
    expect(atomItem, `${base}/atom.xml`).toBeDefined();
    expect(atomItem!.link).toBe(`${origin()}/${post.slug}`);
    expect(rawAtom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    // RFC 4287: every entry has an id, a title, an updated time and (here) an author.
    for (const entry of rawAtom.split("<entry>").slice(1))
      for (const element of ["<id>", "<title", "<updated>", "<author>"]) expect(entry).toContain(element);

    expectValidJsonFeed(json);
    const jsonItem = json.items.find((item) => item.title === post.title);
    expect(jsonItem, `${base}/feed.json`).toBeDefined();
    expect(jsonItem!.url).toBe(`${origin()}/${post.slug}`);
    expect(jsonItem!.authors?.[0]?.name).toBeTruthy();
  }
  expect((await request.get(`/tag/no-such-tag-${id}/rss.xml`)).status()).toBe(404);
  expect((await request.get(`/author/no-such-author-${id}/feed.json`)).status()).toBe(404);
});

test("pages advertise their feeds with <link rel=alternate>", async ({ page }) => {
  const tag = await createTag({ name: `Moss ${unique()}` });
  await createPost({ title: `Moss ${unique()}`, tags: [tag.slug] });
  for (const [path, base] of [
    ["/", ""],
    [`/tag/${tag.slug}`, `/tag/${tag.slug}`],
  ] as const) {
    await page.goto(path);
    for (const [type, file] of [
      ["application/rss+xml", "rss.xml"],
      ["application/atom+xml", "atom.xml"],
      ["application/feed+json", "feed.json"],
    ]) {
      await expect(
        page.locator(`head link[rel="alternate"][type="${type}"][href="${origin()}${base}/${file}"]`),
      ).toHaveCount(1);
    }
  }
});

test("publishing a draft shows it at once on the home page, its tag page and all three feeds", async ({
  page,
  request,
}) => {
  const id = unique();
  const tag = await createTag({ name: `Lichen ${id}` });
  const draft = await createPost({ title: `Lichen draft ${id}`, tags: [tag.slug], status: "draft" });
  await page.goto("/");
  await expect(page.getByRole("link", { name: draft.title })).toHaveCount(0);
  const before = await readFeeds(request, "");
  expect(before.rss.items.map((item) => item.title)).not.toContain(draft.title);

  // Published straight in the database: on PostgreSQL the page cache hears of it a moment later.
  await changeAndWait(() => publishPost(draft.id));

  await page.goto("/");
  await expect(page.getByRole("link", { name: draft.title })).toBeVisible();
  await page.goto(`/tag/${tag.slug}`);
  await expect(page.getByRole("link", { name: draft.title })).toBeVisible();
  for (const base of ["", `/tag/${tag.slug}`]) {
    const { rss, atom, json } = await readFeeds(request, base);
    expect(rss.items[0]?.title).toBe(draft.title);
    expect(atom.items[0]?.title).toBe(draft.title);
    expect(json.items[0]?.title).toBe(draft.title);
  }
  expect(await (await request.get("/sitemap.xml")).text()).toContain(`/${draft.slug}</loc>`);
});
