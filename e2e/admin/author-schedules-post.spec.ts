import { expect, test } from "../fixtures/test";
import { localMinute, pngBytes, siteTimezone, staffPage } from "../fixtures/admin";
import { makeScheduledPostDue } from "../fixtures/content";
import { query } from "../fixtures/db";
import { unique } from "../fixtures/site";

test("an author writes a post with an uploaded image and tags, schedules it, and it goes live on its own", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page } = await staffPage(browser, "author");
  const title = `Harbour notes ${unique()}`;
  const tag = `Tides ${unique()}`;

  await page.goto("/admin/posts/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await expect(page.getByLabel("Slug")).toHaveValue(/^harbour-notes-/);
  await page.getByLabel("Body (Markdown)").fill("The boats came in **early** today.\n\n");

  // The image: picked, described, uploaded, inserted.
  await page.getByRole("button", { name: "Image", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Insert an image" });
  await dialog
    .getByLabel("Image file")
    .setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: await pngBytes() });
  await dialog.getByRole("button", { name: "Upload and insert" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/alt text/i);
  await dialog.getByLabel("Alt text (required)").fill("Fishing boats at the quay");
  await dialog.getByRole("button", { name: "Upload and insert" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Body (Markdown)")).toHaveValue(
    /!\[Fishing boats at the quay\]\(\/media\/\d{4}\/\d{2}\/[a-f0-9]+-w1600\.png\)/,
  );
  // Beside the settings panel the writing column is narrow: the preview is a tab.
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("preview").getByRole("img", { name: "Fishing boats at the quay" })).toBeVisible();
  await page.getByRole("tab", { name: "Write" }).click();
  await expect(page.getByText(/\d+ words · 1 min read/)).toBeVisible();

  await page.getByLabel("Tags").fill(`${tag}, Sea`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
  // The first save of a new post moves the editor to the post's own address: wait for it,
  // or the time typed next would go into the page being left.
  await page.waitForURL(/\/admin\/posts\/\d+\?done=saved$/);
  await expect(page.getByRole("heading", { name: /^Edit post/ })).toBeVisible();

  // Scheduled a minute or so ahead, on the site's clock.
  const timezone = await siteTimezone();
  const at = new Date(Date.now() + 70_000);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByLabel(/Publish at/).fill(localMinute(at, timezone));
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Scheduled for" })).toBeVisible();
  await expect(page.getByText("Status: Scheduled")).toBeVisible();
  const slug = await page.getByLabel("Slug").inputValue();

  // Readers do not see it before its time. Nobody touches it again: once it is due (made due
  // now rather than waited for), the scheduler publishes it and a reader finds it.
  const reader = await (await browser.newContext()).newPage();
  expect((await reader.goto(`/${slug}`))!.status()).toBe(404);
  await makeScheduledPostDue(slug, at);
  await expect(async () => {
    const response = await reader.goto(`/${slug}`);
    expect(response!.status()).toBe(200);
  }).toPass({ timeout: 20_000, intervals: [1_000] });
  await expect(reader.getByRole("heading", { name: title })).toBeVisible();
  const image = reader.getByRole("img", { name: "Fishing boats at the quay" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const row = (
    await query<{ status: string; published_at: number }>("SELECT status, published_at FROM posts WHERE slug = ?", slug)
  )[0]!;
  expect(row.status).toBe("published");
  expect(
    await query(
      "SELECT t.name FROM tags t JOIN post_tags pt ON pt.tag_id = t.id JOIN posts p ON p.id = pt.post_id WHERE p.slug = ?",
      slug,
    ),
  ).toEqual([{ name: tag }, { name: "Sea" }]);
  expect(
    await query<{ actor_label: string }>(
      "SELECT actor_label FROM audit_log WHERE action = 'post.publish' AND target_id = (SELECT CAST(id AS TEXT) FROM posts WHERE slug = ?)",
      slug,
    ),
  ).toEqual([{ actor_label: "scheduler" }]);
});
