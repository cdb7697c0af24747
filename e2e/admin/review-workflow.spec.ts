import { expect, test } from "../fixtures/test";
import { staffPage, writeDraft } from "../fixtures/admin";
import { query } from "../fixtures/db";
import { unique } from "../fixtures/site";

test("a contributor submits a draft for review and an editor publishes it", async ({ browser }) => {
  const { page: contributor } = await staffPage(browser, "contributor");
  const title = `Letters from the lighthouse ${unique()}`;
  const id = await writeDraft(contributor, title, "The keeper writes every **Sunday**.");

  // Contributors cannot publish: no such button, only a request for review.
  await expect(contributor.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await contributor.getByRole("button", { name: "Submit", exact: true }).click();
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await expect(contributor.getByText("Status: Waiting for review")).toBeVisible();
  const slug = (await query<{ slug: string }>("SELECT slug FROM posts WHERE id = ?", id))[0]!.slug;
  expect((await contributor.goto(`/${slug}`))!.status()).toBe(404);

  // The editor finds it in the review queue on the dashboard and publishes it.
  const { page: editor } = await staffPage(browser, "editor");
  const queue = editor.getByRole("region", { name: "Waiting for review" });
  await queue.getByRole("link", { name: title }).click();
  await expect(editor.getByRole("heading", { name: /Edit post/ })).toBeVisible();
  await expect(editor.getByText("Status: Waiting for review")).toBeVisible();
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await editor.getByRole("button", { name: "Publish now" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  await expect(editor.getByText("Status: Published")).toBeVisible();

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/${slug}`);
  await expect(reader.getByRole("heading", { name: title })).toBeVisible();
  await expect(reader.getByText("The keeper writes every Sunday.")).toBeVisible();

  // Once published, the contributor can no longer change it.
  expect((await contributor.goto(`/admin/posts/${id}`))!.status()).toBe(404);
  await expect(contributor.getByLabel("Body (Markdown)")).toHaveCount(0);
});
