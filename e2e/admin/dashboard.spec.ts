import { expect, test } from "../fixtures/test";
import { createPost } from "../fixtures/content";
import { signInAsOwner, unique } from "../fixtures/site";

test("the dashboard puts what needs attention first: the review queue and the next scheduled post", async ({
  page,
}) => {
  const id = unique();
  const review = await createPost({ title: `Kelp review ${id}`, status: "review" });
  const soon = await createPost({
    title: `Kelp soon ${id}`,
    status: "scheduled",
    publishedAt: new Date(Date.now() + 20 * 60_000),
  });
  await createPost({
    title: `Kelp later ${id}`,
    status: "scheduled",
    publishedAt: new Date(Date.now() + 40 * 24 * 3600_000),
  });
  await signInAsOwner(page);

  const attention = page.getByRole("region", { name: "Needs your attention" });
  const activity = page.getByRole("region", { name: "Recent activity" });
  // Attention comes before activity on the page.
  const [attentionTop, activityTop] = await Promise.all([
    attention.evaluate((e) => e.getBoundingClientRect().top),
    activity.evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(attentionTop).toBeLessThan(activityTop);

  await expect(attention.getByRole("region", { name: "Comments waiting" })).toBeVisible();
  const queue = attention.getByRole("region", { name: "Waiting for review" });
  await expect(queue.getByRole("link", { name: review.title })).toBeVisible();
  const next = attention.getByRole("region", { name: "Next scheduled" });
  await expect(next.getByRole("link", { name: soon.title })).toBeVisible();
  await expect(next.locator("time")).toHaveText(/^in (19|20) minutes$/);
  await next.getByRole("link", { name: soon.title }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/posts/${soon.id}$`));
});
