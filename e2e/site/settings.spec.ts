import { expect, test } from "../fixtures/test";
import Parser from "rss-parser";
import { createPost } from "../fixtures/content";
import { query, run } from "../fixtures/db";
import { unique } from "../fixtures/site";

// These journeys change site-wide settings, so each puts the old values back.
async function withSettings(values: Record<string, unknown>, body: () => Promise<void>) {
  const keys = Object.keys(values);
  const saved = await query<{ key: string; value: string }>(
    `SELECT key, value FROM settings WHERE key IN (${keys.map(() => "?").join(", ")})`,
    ...keys,
  );
  for (const [key, value] of Object.entries(values)) {
    await run(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      key,
      JSON.stringify(value),
    );
  }
  try {
    await body();
  } finally {
    await run(`DELETE FROM settings WHERE key IN (${keys.map(() => "?").join(", ")})`, ...keys);
    for (const row of saved) await run("INSERT INTO settings (key, value) VALUES (?, ?)", row.key, row.value);
  }
}

test("dates show in the site's timezone", async ({ page }) => {
  // 11:30 UTC on 1 January is already 2 January in Auckland (UTC+13).
  const post = await createPost({ title: `New year ${unique()}`, publishedAt: new Date("2026-01-01T11:30:00Z") });
  await page.goto(`/${post.slug}`);
  await expect(page.locator("header time")).toHaveText("1 January 2026");
  await withSettings({ timezone: "Pacific/Auckland" }, async () => {
    await page.goto(`/${post.slug}`);
    await expect(page.locator("header time")).toHaveText("2 January 2026");
  });
});

test("feeds carry the whole post, or only the excerpt when the setting says so", async ({ request }) => {
  const post = await createPost({
    title: `Long read ${unique()}`,
    customExcerpt: "Just the gist.",
    markdown: "The **whole** story, with every detail.",
  });
  const item = async () =>
    (await new Parser().parseString(await (await request.get("/rss.xml")).text())).items.find(
      (i) => i.title === post.title,
    )!;
  expect((await item())["content:encoded"]).toContain("<strong>whole</strong>");
  await withSettings({ feedFullContent: false }, async () => {
    const excerptOnly = await item();
    expect(excerptOnly["content:encoded"]).toBeUndefined();
    expect(excerptOnly.content ?? excerptOnly.contentSnippet).toContain("Just the gist.");
    const json = (await (await request.get("/feed.json")).json()) as {
      items: { title: string; content_html?: string; content_text?: string; summary?: string }[];
    };
    const jsonItem = json.items.find((i) => i.title === post.title)!;
    expect(jsonItem.content_html ?? jsonItem.content_text).toBeTruthy(); // JSON Feed requires one of them
    expect(jsonItem.content_html ?? jsonItem.content_text).not.toContain("<strong>whole</strong>");
  });
});

test("posts per page comes from settings", async ({ page }) => {
  await withSettings({ postsPerPage: 2 }, async () => {
    await page.goto("/");
    await expect(page.locator("main > ol > li")).toHaveCount(2);
    await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  });
});
