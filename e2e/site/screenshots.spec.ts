import path from "node:path";
import { test } from "@playwright/test";
import { createPost, createTag, newestSlot } from "../fixtures/content";
import { run } from "../fixtures/db";

// Refreshes the README's screenshots: `npm run screenshots`. Its own Playwright project,
// outside `npm test`: it asserts nothing and writes into docs/.

const OUT = path.join(__dirname, "..", "..", "docs", "screenshots");

test("screenshots of the home page and a post, light and dark", async ({ page }) => {
  const tag = createTag({ name: "Engineering", slug: "engineering", description: "How the site is built." });
  createTag({ name: "Notebook", slug: "notebook" });
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
  run(
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
