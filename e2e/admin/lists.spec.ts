import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures/test";
import { pngBytes, staffPage } from "../fixtures/admin";
import { createPost } from "../fixtures/content";
import { run } from "../fixtures/db";
import { signInAsOwner, unique } from "../fixtures/site";

test("post filters apply as they are chosen, and statuses and dates read at a glance", async ({ browser }) => {
  const word = `eelgrass${unique()}`;
  await createPost({ title: `Meadows of ${word}`, status: "draft" });
  await createPost({ title: `Beds of ${word}`, status: "published", publishedAt: new Date(Date.now() - 3 * 3600_000) });
  const { page } = await staffPage(browser, "editor");
  await page.goto("/admin/posts");
  await page.getByLabel("Search titles").fill(word); // applied when typing pauses, no button pressed
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByRole("row")).toHaveCount(3);
  await page.getByLabel("Select every row").check();
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("2 selected");
  await page.getByLabel("Select every row").uncheck();
  await page.getByLabel("Status").selectOption("published"); // applied at once
  await expect(page).toHaveURL(/status=published/);
  await expect(page.getByRole("row")).toHaveCount(2);
  const row = page.getByRole("row", { name: new RegExp(`Beds of ${word}`) });
  await expect(row.getByText("Published", { exact: true })).toBeVisible();
  const time = row.locator("time");
  await expect(time).toHaveText("3 hours ago");
  await expect(time).toHaveAttribute("dateTime", /^\d{4}-\d{2}-\d{2}T/);
  // The exact time in a tooltip, on hover and on keyboard focus alike.
  const exact = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/;
  await time.hover();
  await expect(page.getByRole("tooltip")).toHaveText(exact);
  // Moving away closes it (Radix waits for a move outside the path from the date to the tooltip).
  await page.getByRole("heading", { name: "Posts", exact: true }).hover();
  await page.mouse.move(1, 1, { steps: 3 });
  await expect(page.getByRole("tooltip")).toHaveCount(0);
  await time.focus();
  await expect(page.getByRole("tooltip")).toHaveText(exact);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toHaveCount(0);

  // The bulk-action bar appears once a row is selected.
  await expect(page.getByLabel("With selected")).toHaveCount(0);
  await page.getByLabel(`Select “Beds of ${word}”`).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("1 selected");
  await expect(bar.getByLabel("With selected")).toBeVisible();
  await page.getByLabel(`Select “Beds of ${word}”`).uncheck();
  await expect(bar).toBeHidden();

  await page.getByLabel("Search titles").fill(`nothing-${word}`);
  const empty = page.getByText("No posts match these filters.");
  await expect(empty).toBeVisible();
  await empty.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/posts$/);
  await expect(page.getByLabel("Search titles")).toHaveValue("");
  await expect(page.getByRole("row").nth(1)).toBeVisible();
});

test("without JavaScript the filter button still sends the filters", async ({ browser, page }) => {
  const word = `wrack${unique()}`;
  await createPost({ title: `Wrack line ${word}`, status: "draft" });
  await createPost({ title: `Strand ${word}`, status: "published" });
  await signInAsOwner(page);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await context.newPage();
  await plain.goto("/admin/posts");
  await plain.getByLabel("Search titles").fill(word);
  await plain.getByLabel("Status").selectOption("draft");
  await plain.getByRole("button", { name: "Filter" }).click();
  await expect(plain).toHaveURL(/status=draft/);
  await expect(plain).toHaveURL(new RegExp(`q=${word}`));
  await expect(plain.getByRole("row")).toHaveCount(2);
  await expect(plain.getByRole("link", { name: `Wrack line ${word}` })).toBeVisible();
  await context.close();
});

test("empty lists say what to do next", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto(`/admin/media?q=no-such-image-${unique()}`);
  await expect(page.getByText(/^No image matches/)).toBeVisible();
  await page.getByRole("link", { name: "clear the search" }).click();
  await expect(page).toHaveURL(/\/admin\/media$/);
  await page.goto(`/admin/comments?status=pending&q=no-such-comment-${unique()}`);
  const empty = page.getByText("No pending comments match these filters.");
  await expect(empty).toBeVisible();
  await empty.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/comments\?status=pending$/);
  await page.goto("/admin/audit?action=site.");
  // The audit log may or may not have site events from other journeys; when empty it says so.
  if ((await page.getByRole("row").count()) === 1) {
    await expect(page.getByText("Nothing of this kind has been recorded.")).toBeVisible();
  }
});

test("a post's uploaded feature image shows as a thumbnail in the list; one on another host does not", async ({
  page,
  baseURL,
}) => {
  const word = `laver${unique()}`;
  await signInAsOwner(page);
  const uploaded = await page.request.post("/api/media", {
    multipart: {
      file: { name: `laver-${word}.png`, mimeType: "image/png", buffer: await pngBytes(1600, 900) },
      alt: "Laver",
    },
    headers: { origin: baseURL! },
  });
  expect(uploaded.status()).toBe(201);
  const { url } = (await uploaded.json()) as { url: string };
  const own = await createPost({ title: `Laver beds ${word}`, status: "draft" });
  const remote = await createPost({ title: `Imported laver ${word}`, status: "draft" });
  await run("UPDATE posts SET feature_image = ? WHERE id = ?", new URL(url, baseURL).pathname, own.id);
  await run(
    "UPDATE posts SET feature_image = ? WHERE id = ?",
    "https://example.com/media/2026/01/abc-w2000.png",
    remote.id,
  );

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/admin/posts?q=${word}`);
    const ownRow = page.getByRole("row", { name: new RegExp(`Laver beds ${word}`) });
    // Decorative (empty alt, the title is beside it), so it has the presentation role, not img.
    const thumbnail = ownRow.locator("img");
    await expect(thumbnail).toBeVisible();
    await expect(thumbnail).toHaveAttribute("alt", "");
    await expect(thumbnail).toHaveAttribute("width", "48");
    const loaded = await thumbnail.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return { natural: img.naturalWidth, src: img.currentSrc };
    });
    expect(loaded.natural).toBeGreaterThan(0);
    expect(loaded.natural).toBeLessThan(1600); // the smallest copy, not the original
    expect(new URL(loaded.src).origin).toBe(new URL(baseURL!).origin);
    await expect(page.getByRole("row", { name: new RegExp(`Imported laver ${word}`) }).locator("img")).toHaveCount(0);
  }

  // With a thumbnail shown and a date's tooltip open, axe still finds nothing, light and dark.
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/admin/posts?q=${word}`);
    await page
      .getByRole("row", { name: new RegExp(`Laver beds ${word}`) })
      .locator("time")
      .focus();
    await expect(page.getByRole("tooltip")).toBeAttached();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
});

test("j and k move between rows, arrows from a title, and x selects the focused row", async ({ browser }) => {
  const word = `dulse${unique()}`;
  for (const n of [1, 2, 3]) await createPost({ title: `Dulse ${n} ${word}`, status: "draft" });
  const { page } = await staffPage(browser, "editor");
  await page.goto(`/admin/posts?q=${word}`);
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByText("Keyboard shortcuts").click();
  await expect(page.getByText("select or unselect the row")).toBeVisible();
  const titles = page.getByRole("row").getByRole("link", { name: new RegExp(word) });

  await page.getByRole("heading", { name: "Posts", exact: true }).click();
  await page.keyboard.press("j");
  await expect(titles.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(titles.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(titles.nth(2)).toBeFocused();
  await page.keyboard.press("j"); // the last row stays
  await expect(titles.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(titles.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(titles.nth(0)).toBeFocused();

  await page.keyboard.press("x");
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("1 selected");
  const firstTitle = (await titles.nth(0).textContent())!;
  await expect(page.getByLabel(`Select “${firstTitle}”`)).toBeChecked();
  await expect(titles.nth(0)).toBeFocused();
  await page.keyboard.press("x");
  await expect(bar).toBeHidden();

  // Typing in the search field types; it moves nothing (last: the new text filters the list).
  await page.getByLabel("Search titles").press("End");
  await page.getByLabel("Search titles").press("j");
  await expect(page.getByLabel("Search titles")).toHaveValue(`${word}j`);
  await expect(page.getByLabel("Search titles")).toBeFocused();
});

test("in the comment queue j moves between comments and x selects one", async ({ page }) => {
  const word = `nori${unique()}`;
  const { id: postId } = await createPost({ title: `Nori ${word}` });
  for (const name of ["Ann", "Bea"]) {
    await run(
      "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'pending', ?, ?, ?, ?)",
      postId,
      `${name} ${word}`,
      `${name.toLowerCase()}-${word}@example.com`,
      `About ${word}.`,
      `<p>About ${word}.</p>`,
    );
  }
  await signInAsOwner(page);
  await page.goto(`/admin/comments?status=pending&q=${word}`);
  const comments = page.getByRole("article", { name: /^Comment by / });
  await expect(comments).toHaveCount(2);
  await page.getByRole("heading", { name: "Comments", exact: true }).click();
  await page.keyboard.press("j");
  await expect(comments.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(comments.nth(1)).toBeFocused();
  await page.keyboard.press("x");
  await expect(comments.nth(1).getByRole("checkbox")).toBeChecked();
  await expect(comments.nth(0).getByRole("checkbox")).not.toBeChecked();
});
