import { expect, test } from "../fixtures/test";
import { staffPage, writeDraft } from "../fixtures/admin";
import { query } from "../fixtures/db";
import { unique } from "../fixtures/site";

test("when two people edit the same post, the second save is refused and nothing is lost", async ({ browser }) => {
  const { page: first } = await staffPage(browser, "editor");
  const id = await writeDraft(first, `Shared piece ${unique()}`, "Original paragraph.");
  const { page: second } = await staffPage(browser, "editor");
  await second.goto(`/admin/posts/${id}`);
  await expect(second.getByLabel("Body (Markdown)")).toHaveValue("Original paragraph.");

  await first.getByLabel("Body (Markdown)").fill("Original paragraph.\n\nThe first editor's addition.");
  await first.getByRole("button", { name: "Save draft" }).click();
  // Exactly "Saved.": the "Draft saved." of writing the draft may still be on screen.
  await expect(first.getByRole("status").filter({ hasText: /^Saved\.$/ })).toBeVisible();

  const mine = "Original paragraph.\n\nThe second editor's own careful rewrite.";
  await second.getByLabel("Body (Markdown)").fill(mine);
  await second.getByRole("button", { name: "Save draft" }).click();
  await expect(
    second.getByRole("alert").filter({ hasText: "Someone else saved this post while you were editing" }),
  ).toBeVisible();
  // Still on screen, and kept in the history.
  await expect(second.getByLabel("Body (Markdown)")).toHaveValue(mine);
  expect((await query<{ markdown: string }>("SELECT markdown FROM posts WHERE id = ?", id))[0]!.markdown).toContain(
    "first editor's addition",
  );
  expect(await query("SELECT markdown FROM revisions WHERE post_id = ? AND kind = 'conflict'", id)).toEqual([
    { markdown: mine },
  ]);

  second.on("dialog", (dialog) => dialog.accept()); // the unsaved-changes warning
  await second.getByRole("link", { name: "History" }).click();
  await expect(second.getByRole("cell", { name: /^Refused save \(conflict\)/ })).toBeVisible();
  // Compare the refused text with the save it lost to, by choice: on a slow machine the
  // editor's autosave of the still-open text can land after the conflict and become the
  // newest revision, which the page compares by default.
  await second
    .getByRole("radio", { name: /^Compare from: Saved,/ })
    .first()
    .check();
  await second.getByRole("radio", { name: /^Compare to: Refused save \(conflict\)/ }).check();
  await second.getByRole("button", { name: "Compare" }).click();
  await expect(second.getByTestId("diff").locator("ins", { hasText: "own careful rewrite" })).toBeVisible();
});
