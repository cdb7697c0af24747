import { expect, test } from "@playwright/test";
import { commentHeading, commentsBy, createPost, expectAlert, expectStatus, openPost, person, writeComment } from "./helpers";

test.use({ javaScriptEnabled: false });

test("the comment form works with JavaScript disabled: errors keep what was typed, then the comment is held", async ({ page }) => {
  const post = createPost();
  const reader = person("Nojs");
  await openPost(page, post.slug);
  await expect(commentHeading(page)).toHaveText("0 Comments");

  await writeComment(page, { name: reader.name, email: "not-an-email", body: "Typed without scripts." });
  await expectAlert(page, "Some fields need your attention.");
  await expect(page.getByText("Enter a valid email address, like you@example.com.")).toBeVisible();
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("Typed without scripts.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(reader.name);
  expect(commentsBy(reader.name)).toHaveLength(0);

  await page.getByLabel("Email", { exact: true }).fill(reader.email);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  await expect(page.getByRole("status").getByText("Typed without scripts.")).toBeVisible();
  expect(commentsBy(reader.email).map((c) => c.status)).toEqual(["pending"]);
  expect(await page.context().cookies()).toEqual([]);
});
