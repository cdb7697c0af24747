import { expect, test } from "@playwright/test";
import { staffPage } from "../fixtures/admin";
import { unique } from "../fixtures/site";

test("shortcuts and the toolbar format the selection, and the preview is the site's sanitised rendering", async ({
  browser,
}) => {
  const { page } = await staffPage(browser, "author");
  await page.goto("/admin/posts/new");
  const body = page.getByLabel("Body (Markdown)");
  await body.fill("plain words");
  await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(6, 11));
  await body.press("Control+b");
  await expect(body).toHaveValue("plain **words**");
  await body.press("End");
  await body.press("Enter");
  await body.pressSequentially("a quote");
  await page.getByRole("button", { name: "Quote" }).click();
  await expect(body).toHaveValue("plain **words**\n> a quote");

  await body.fill("Hello <script>window.hacked = 1</script> [x](javascript:alert(1)) **bold**");
  const preview = page.getByTestId("preview");
  await expect(preview.locator("strong")).toHaveText("bold");
  expect(await preview.innerHTML()).not.toMatch(/<script|javascript:/);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
});

test("a page is written and published like a post, at its own address", async ({ browser }) => {
  const { page } = await staffPage(browser, "editor");
  const title = `Colophon ${unique()}`;
  await page.goto("/admin/pages/new");
  await expect(page.getByRole("heading", { name: "New page" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Body (Markdown)").fill("Set in *system fonts*.");
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(/\/admin\/pages\/\d+\?done=published$/);
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  const slug = await page.getByLabel("Slug").inputValue();
  await page.goto(`/${slug}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.goto("/admin/pages");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
