import { expect, test } from "../fixtures/test";
import { dbTime, insert, run } from "../fixtures/db";
import { unique } from "../fixtures/site";
import { commentHeading, commentsBy, createPost, openPost, person, writeComment } from "./helpers";

test("replies nest three levels deep, deeper ones say whom they answer, and the order can flip", async ({ page }) => {
  const post = await createPost();
  const tag = unique();
  let parent: number | null = null;
  const ids: number[] = [];
  for (const [i, name] of ["Ann", "Ben", "Cat", "Dan", "Eve"].entries()) {
    parent = await insert(
      "INSERT INTO comments (post_id, parent_id, status, author_name, author_email, markdown, html, created_at) VALUES (?, ?, 'approved', ?, 'thread@example.com', 'x', ?, ?)",
      post.id,
      parent,
      `${name} ${tag}`,
      `<p>Words of ${name}</p>`,
      dbTime(Date.UTC(2021, 0, 1, 12, i)),
    );
    ids.push(parent);
  }
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html, created_at) VALUES (?, 'approved', ?, 'thread@example.com', 'x', '<p>Words of Zed</p>', ?)",
    post.id,
    `Zed ${tag}`,
    dbTime(Date.UTC(2021, 0, 2)),
  );

  await page.goto(`/${post.slug}`);
  await expect(commentHeading(page)).toHaveText("6 Comments");
  const article = (name: string) => page.getByRole("article", { name: `Comment by ${name} ${tag}` });
  // Ann > Ben > Cat, then Dan and Eve flattened beside Cat with "in reply to".
  await expect(article("Cat")).toHaveCount(1);
  await expect(article("Dan").getByText(`in reply to ${"Cat"} ${tag}`)).toBeVisible();
  await expect(article("Dan").getByRole("link", { name: `Cat ${tag}` })).toHaveAttribute("href", `#comment-${ids[2]}`);
  await expect(article("Eve").getByRole("link", { name: `Dan ${tag}` })).toHaveAttribute("href", `#comment-${ids[3]}`);
  const depth = (name: string) =>
    article(name).evaluate((node) => {
      let n = 0;
      for (let el = node.parentElement; el; el = el.parentElement) if (el.tagName === "OL") n++;
      return n;
    });
  expect([await depth("Ann"), await depth("Ben"), await depth("Cat"), await depth("Dan"), await depth("Eve")]).toEqual([
    1, 2, 3, 3, 3,
  ]);

  const threads = page.getByRole("article", { name: new RegExp(`^Comment by (Ann|Zed) ${tag}$`) });
  await expect(threads.first()).toHaveAccessibleName(`Comment by Ann ${tag}`);
  const toggle = page.getByRole("button", { name: "Newest first" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(threads.first()).toHaveAccessibleName(`Comment by Zed ${tag}`);
});

test("a reply from the thread lands under its parent once approved; only a salted hash of the address is kept", async ({
  page,
}) => {
  const post = await createPost();
  const tag = unique();
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'approved', ?, 'p@example.com', 'x', '<p>Parent words</p>')",
    post.id,
    `Parent ${tag}`,
  );
  const replier = person("Replier");
  await openPost(page, post.slug);
  await page.getByText(`Reply to Parent ${tag}`).click();
  const form = page.getByRole("form", { name: `Reply to Parent ${tag}` });
  await writeComment(page, { ...replier, body: "A reply from the thread." }, form);
  await expect(form.getByRole("status")).toContainText("awaiting moderation");
  const [row] = await commentsBy(replier.email);
  expect(row!.ip_hash).toMatch(/^[0-9a-f]{32}$/);
  expect(JSON.stringify(row)).not.toContain("127.0.0.1");
});
