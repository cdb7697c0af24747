import { expect, test } from "../fixtures/test";
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

test("the settings panel closes and reopens, the bar says what is unsaved, and ? lists the shortcuts", async ({
  browser,
}) => {
  const { page } = await staffPage(browser, "author");
  await page.goto("/admin/posts/new");
  await expect(page.getByText("Not saved yet")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(`Panel ${unique()}`);
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).press("Control+s"); // saves from the title too
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?done=saved$/);
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // Closed, the settings are gone and the preview sits beside the text; reopened, they are back.
  const toggle = page.getByRole("button", { name: "Post settings", exact: true });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "Close the post settings" }).click();
  await expect(page.getByLabel("Slug")).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("tab", { name: "Preview" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await toggle.click();
  await expect(page.getByLabel("Slug")).toBeVisible();

  // "?" outside a text field opens the shortcut sheet; typed in the body it is just a character.
  await page.getByLabel("Body (Markdown)").pressSequentially("Why?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
  await page.getByRole("heading", { name: /^Edit post/ }).click();
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet.getByRole("row", { name: "Bold Ctrl+B" })).toBeVisible();
  await expect(sheet.getByRole("row", { name: "Save Ctrl+S" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
});

test("a page is written and published like a post, at its own address", async ({ browser }) => {
  const { page } = await staffPage(browser, "editor");
  const title = `Colophon ${unique()}`;
  await page.goto("/admin/pages/new");
  await expect(page.getByRole("heading", { name: "New page" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Body (Markdown)").fill("Set in *system fonts*.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(/\/admin\/pages\/\d+\?done=published$/);
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  const slug = await page.getByLabel("Slug").inputValue();
  await page.goto(`/${slug}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.goto("/admin/pages");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
