import { expect, type Page, test } from "../fixtures/test";
import { pngBytes } from "../fixtures/admin";
import { createPost, createTag } from "../fixtures/content";
import { run } from "../fixtures/db";
import { OWNER, signInAsOwner, unique } from "../fixtures/site";

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, `${page.url()} is no wider than the phone`).toBeLessThanOrEqual(clientWidth);
}

/** The row (or card) holding `title` shows each text, inside the screen's width: seen without scrolling sideways. */
async function expectWithinScreen(page: Page, title: string, text: string) {
  const shown = (text: string) => page.getByText(text).filter({ visible: true });
  const card = page
    .getByRole("main")
    .locator("tr, li, article")
    .filter({ has: shown(title) })
    .last();
  const item = card.getByText(text).filter({ visible: true }).first();
  await expect(item).toBeVisible();
  const box = (await item.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
}

test("on a phone every list shows its rows as cards, with no sideways scrolling", async ({ page, baseURL }) => {
  const word = unique();
  const post = `A rather long title about the tides and the moon and the harbour ${word}`;
  await createPost({ title: post, status: "draft" });
  const page1 = `Opening hours ${word}`;
  await createPost({ title: page1, type: "page", status: "published" });
  const { id: postId } = await createPost({ title: `Commented ${word}`, status: "published" });
  const commenter = `Reader ${word}`;
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'pending', ?, ?, 'Lovely.', '<p>Lovely.</p>')",
    postId,
    commenter,
    `reader-${word}@example.com`,
  );
  const tag = await createTag({ name: `Seaweed ${word}` });
  await signInAsOwner(page);
  const image = `kelp-${word}.png`;
  const uploaded = await page.request.post("/api/media", {
    multipart: { file: { name: image, mimeType: "image/png", buffer: await pngBytes(800, 400) }, alt: "Kelp" },
    headers: { origin: baseURL! },
  });
  expect(uploaded.status()).toBe(201);

  const lists: [path: string, content: [title: string, ...more: string[]]][] = [
    ["/admin/posts", [post, "Draft"]],
    ["/admin/pages", [page1, "Published"]],
    ["/admin/comments", [commenter, "Lovely."]], // (the name is inside its checkbox's label)
    ["/admin/media", [image, "Alt: Kelp"]],
    ["/admin/users", [OWNER.name, OWNER.email]],
    ["/admin/tags", [tag.name, tag.slug]],
  ];
  for (const [path, [title, ...more]] of lists) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
    for (const text of [title, ...more]) await expectWithinScreen(page, title, text);
  }
});
