import { expect, test } from "../fixtures/test";
import { staffPage, writeDraft } from "../fixtures/admin";
import { query } from "../fixtures/db";
import { unique } from "../fixtures/site";

test("typing is autosaved as a revision, and an older revision can be compared and restored", async ({ browser }) => {
  const { page } = await staffPage(browser, "author");
  const id = await writeDraft(page, `Field journal ${unique()}`, "First version of the text.");

  await page.getByLabel("Body (Markdown)").fill("Second version, typed but not saved.");
  await expect(page.getByText(/Autosaved at/)).toBeVisible({ timeout: 15_000 });
  expect(await query("SELECT markdown FROM revisions WHERE post_id = ? AND kind = 'autosave'", id)).toEqual([
    { markdown: "Second version, typed but not saved." },
  ]);
  // The post itself is untouched by autosave.
  expect((await query<{ markdown: string }>("SELECT markdown FROM posts WHERE id = ?", id))[0]!.markdown).toBe(
    "First version of the text.",
  );

  // Leaving with unsaved changes asks first.
  let warned = false;
  page.on("dialog", (dialog) => {
    warned = dialog.type() === "beforeunload";
    void dialog.accept();
  });
  await page.goto(`/admin/posts/${id}/history`);
  expect(warned).toBe(true);

  await expect(page.getByTestId("diff").locator("del", { hasText: "First" })).toBeVisible();
  await expect(page.getByTestId("diff").locator("ins", { hasText: "Second" })).toBeVisible();
  await page.getByRole("button", { name: /Restore: Autosave/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revision restored." })).toBeVisible();
  await page.getByRole("link", { name: "Back to the editor" }).click();
  await expect(page.getByLabel("Body (Markdown)")).toHaveValue("Second version, typed but not saved.");

  // …and back to the first saved text.
  await page.getByRole("link", { name: "History" }).click();
  await page
    .getByRole("button", { name: /Restore: Saved/ })
    .last()
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Revision restored." })).toBeVisible();
  await page.goto(`/admin/posts/${id}`);
  await expect(page.getByLabel("Body (Markdown)")).toHaveValue("First version of the text.");
});
