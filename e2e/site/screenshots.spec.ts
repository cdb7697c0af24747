import path from "node:path";
import { test } from "../fixtures/test";
import { createPost, createTag, newestSlot } from "../fixtures/content";
import { dbTime, run } from "../fixtures/db";
import { signInAsOwner } from "../fixtures/site";

// Refreshes the README's screenshots: `npm run screenshots`. Its own Playwright project,
// outside `npm test`: it asserts nothing and writes into docs/.

const OUT = path.join(__dirname, "..", "..", "docs", "screenshots");

test("screenshots of the home page and a post, light and dark", async ({ page }) => {
  const tag = await createTag({ name: "Engineering", slug: "engineering", description: "How the site is built." });
  await createTag({ name: "Notebook", slug: "notebook" });
  const slot = newestSlot(4);
  await createPost({
    title: "Notes from a week of walking",
    tags: ["notebook"],
    publishedAt: slot.at(0),
    markdown:
      "Forty miles of coast path, three ferries and one very wet tent. What follows is mostly about the weather.\n\nThe first day started early.",
  });
  await createPost({
    title: "Why we keep the whole site in one SQLite file",
    tags: [tag.slug],
    publishedAt: slot.at(1),
    customExcerpt: "Backups are a copy, restores are a copy, and the database never needs a server of its own.",
  });
  const post = await createPost({
    title: "A fast blog on a small server",
    tags: [tag.slug, "notebook"],
    featured: true,
    publishedAt: slot.at(2),
    customExcerpt: "Rendering Markdown once, at save time, and serving pages that need no JavaScript.",
    markdown: `Readers should never wait for Markdown to render. Quire renders it **once**, when the post is saved, and keeps the sanitised HTML.\n\n## Highlighting at save time\n\nCode is highlighted by shiki with both colour schemes as CSS variables:\n\n\`\`\`ts\n// one render, many readers\nexport async function save(markdown: string) {\n  const { html, wordCount } = await renderPostMarkdown(markdown);\n  return db.update(posts).set({ html, wordCount });\n}\n\`\`\`\n\n> The fastest code is the code that does not run per request.\n\n## What readers get\n\n- pages without client JavaScript\n- feeds in RSS, Atom and JSON Feed\n- search that ranks titles first`,
  });
  await run(
    "INSERT INTO comments (post_id, status, author_name, markdown, html) VALUES (?, 'approved', 'Grace', 'Nice.', '<p>Nice.</p>')",
    post.id,
  );
  await slot.reached();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1100, height: 1000 });
    await page.goto("/");
    await page.screenshot({ path: path.join(OUT, `home-${scheme}.png`) });
    await page.goto(`/${post.slug}`);
    await page.screenshot({ path: path.join(OUT, `post-${scheme}.png`) });
  }
});

test("screenshots of the analytics page, light and dark", async ({ page }) => {
  // 30 days of made-up daily counts: a weekly rhythm and a rising trend.
  const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
  const upsert =
    "INSERT INTO analytics_daily (day, dimension, key, count) VALUES (?, ?, ?, ?) ON CONFLICT (day, dimension, key) DO UPDATE SET count = excluded.count";
  for (let back = 0; back < 30; back++) {
    const views = Math.round(120 + (30 - back) * 6 + (back % 7 < 2 ? -60 : 25));
    await run(upsert, day(back), "views", "", views);
    await run(upsert, day(back), "visitors", "", Math.round(views * 0.62));
    await run(upsert, day(back), "bots", "", 40 + (back % 5) * 7);
    await run(upsert, day(back), "path", "/a-fast-blog-on-a-small-server", Math.round(views * 0.4));
    await run(upsert, day(back), "path", "/", Math.round(views * 0.3));
    await run(upsert, day(back), "path", "/notes-from-a-week-of-walking", Math.round(views * 0.2));
    await run(upsert, day(back), "referrer", "", Math.round(views * 0.55));
    await run(upsert, day(back), "referrer", "news.ycombinator.com", Math.round(views * 0.3));
    await run(upsert, day(back), "referrer", "mastodon.social", Math.round(views * 0.15));
    await run(upsert, day(back), "device", "desktop", Math.round(views * 0.58));
    await run(upsert, day(back), "device", "mobile", Math.round(views * 0.36));
    await run(upsert, day(back), "device", "tablet", Math.round(views * 0.06));
  }
  await signInAsOwner(page);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1100, height: 1000 });
    await page.goto("/admin/analytics?days=30");
    await page.screenshot({ path: path.join(OUT, `analytics-${scheme}.png`) });
  }
});

test("screenshot of the site health page", async ({ page, request }) => {
  // Something to attend to: a delivery that failed every attempt. And a few reader views.
  await run(
    "INSERT INTO outbox (kind, payload, status, attempts, next_attempt_at, last_error, created_at, updated_at) VALUES ('webhook', '{}', 'failed', 8, ?, 'connect ECONNREFUSED 10.0.0.7:443', ?, ?)",
    dbTime(Date.now()),
    dbTime(Date.now()),
    dbTime(Date.now()),
  );
  for (let i = 0; i < 3; i++) await request.get("/");
  await signInAsOwner(page);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto("/admin/health");
  await page.screenshot({ path: path.join(OUT, "health.png"), fullPage: true });
});

test("screenshots of the design page, light and dark", async ({ page }) => {
  await signInAsOwner(page);
  await page.setViewportSize({ width: 1400, height: 1100 });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/admin/design");
    await page.getByRole("heading", { name: "Preview" }).waitFor();
    await page.screenshot({ path: path.join(OUT, `design-${scheme}.png`) });
  }
});
