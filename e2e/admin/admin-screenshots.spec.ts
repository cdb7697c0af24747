import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures/test";
import sharp from "sharp";
import { pngBytes } from "../fixtures/admin";
import { createPost, createTag } from "../fixtures/content";
import { run } from "../fixtures/db";
import { signInAsOwner } from "../fixtures/site";

// Every admin screen, desktop and phone, light and dark, for the README (`npm run screenshots`;
// the `screenshots` project, outside `npm test`: it asserts only that each screen opened).
// One line per screen: `{post}` is the id of a post made below.
const ADMIN_SCREENS: { name: string; path: string }[] = [
  { name: "dashboard", path: "/admin" },
  { name: "posts", path: "/admin/posts" },
  { name: "editor", path: "/admin/posts/{post}" },
  { name: "history", path: "/admin/posts/{post}/history" },
  { name: "pages", path: "/admin/pages" },
  { name: "comments", path: "/admin/comments" },
  { name: "tags", path: "/admin/tags" },
  { name: "media", path: "/admin/media" },
  { name: "design", path: "/admin/design" },
  { name: "analytics", path: "/admin/analytics" },
  { name: "settings", path: "/admin/settings" },
  { name: "integrations", path: "/admin/settings/integrations" },
  { name: "import-export", path: "/admin/settings/import-export" },
  { name: "health", path: "/admin/health" },
  { name: "users", path: "/admin/users" },
  { name: "audit", path: "/admin/audit" },
  { name: "profile", path: "/admin/profile" },
];

const OUT = path.join(__dirname, "..", "..", "docs", "screenshots", "admin");
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

test("screenshots of every admin screen, desktop and phone, light and dark", async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  fs.mkdirSync(OUT, { recursive: true });
  await createTag({ name: "Coastal walks", slug: "coastal-walks", description: "Paths by the sea." });
  await createPost({
    title: "Tide tables for the winter",
    status: "scheduled",
    publishedAt: new Date(Date.now() + 86_400_000),
  });
  await createPost({ title: "Harbour lights at dusk", tags: ["coastal-walks"] });
  await createPost({ title: "A draft about lighthouses", status: "draft" });
  const post = await createPost({
    title: "Notes from a week of walking",
    tags: ["coastal-walks"],
    featured: true,
    markdown:
      "Forty miles of coast path, three ferries and one very wet tent.\n\n## The first day\n\nThe first day started **early**, with the tide out and the gulls loud.\n\n> The sea does not reward those who are too anxious.\n\n- a map\n- a flask\n- dry socks",
  });
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'pending', 'Grace Hopper', 'grace@example.com', 'Which ferry did you take?', '<p>Which ferry did you take?</p>')",
    post.id,
  );
  await signInAsOwner(page);
  await page.request.post("/api/media", {
    multipart: {
      file: { name: "harbour.png", mimeType: "image/png", buffer: await pngBytes(1200, 800) },
      alt: "The harbour",
    },
    headers: { origin: baseURL! },
  });

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      for (const screen of ADMIN_SCREENS) {
        await page.goto(screen.path.replace("{post}", String(post.id)));
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        // A palette PNG: a quarter of the bytes of a full-colour one, and still sharp text.
        const png = await sharp(await page.screenshot())
          .png({ palette: true, quality: 90, compressionLevel: 9 })
          .toBuffer();
        fs.writeFileSync(path.join(OUT, `${screen.name}-${device}-${scheme}.png`), png);
      }
    }
  }
});
