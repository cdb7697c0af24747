import { expect, test } from "../fixtures/test";
import { captureServerAction } from "../fixtures/actions";
import { createStaff, insert, query } from "../fixtures/db";
import { signIn, unique } from "../fixtures/site";
import { createPost } from "./helpers";

const statusOf = async (id: number) =>
  (await query<{ status: string }>("SELECT status FROM comments WHERE id = ?", id))[0]?.status;

function pendingComment(postId: number, name: string) {
  return insert(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'pending', ?, ?, 'Held words', '<p>Held words</p>')",
    postId,
    name,
    `${name.toLowerCase().replace(/\W+/g, "-")}@example.com`,
  );
}

test("an author moderates only comments on their own posts; replaying the action for another post changes nothing", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const author = await createStaff({
    role: "author",
    email: `author-${unique()}@example.com`,
    name: `Author ${unique()}`,
    password: "author password 1",
  });
  const authorId = (await query<{ id: number }>("SELECT id FROM users WHERE email = ?", author.email))[0]!.id;
  const own = await createPost({ authorId });
  const others = await createPost();
  const mine = await pendingComment(own.id, `Mine ${unique()}`);
  const theirs = await pendingComment(others.id, `Theirs ${unique()}`);
  const theirsName = (await query<{ author_name: string }>("SELECT author_name FROM comments WHERE id = ?", theirs))[0]!
    .author_name;
  const mineName = (await query<{ author_name: string }>("SELECT author_name FROM comments WHERE id = ?", mine))[0]!
    .author_name;

  const page = await (await browser.newContext()).newPage();
  await signIn(page, author.email, author.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/comments");
  await expect(page.getByRole("article", { name: `Comment by ${theirsName}` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Pending \(\d+\)$/ })).toHaveText("Pending (1)");

  // Approving their own comment works; the same request naming the other post's comment does not.
  const captured = captureServerAction(page);
  await page
    .getByRole("article", { name: `Comment by ${mineName}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Approved: 1 comment." })).toBeVisible();
  const request = await captured;
  expect(await statusOf(mine)).toBe("approved");

  const body = request
    .postDataBuffer()!
    .toString("latin1")
    .replace(new RegExp(`(name="(?:_?\\d+_)?ids"\\r\\n\\r\\n)${mine}\\r\\n`), `$1${theirs}\r\n`);
  expect(body).toContain(`\r\n${theirs}\r\n`);
  const headers = request.headers();
  const replay = await page.context().request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: "text/x-component",
      origin: baseURL!,
    },
    data: Buffer.from(body, "latin1"),
  });
  expect(replay.status()).toBeLessThan(500);
  expect(await replay.text()).toContain("not yours to moderate");
  expect(await statusOf(theirs)).toBe("pending");

  // A reader — no real session — calling the action is refused too (a forged cookie gets past proxy.ts).
  const reader = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "authjs.session-token=forged" },
  });
  const anonymous = await reader.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: "text/x-component",
      origin: baseURL!,
    },
    data: Buffer.from(body, "latin1"),
  });
  expect(anonymous.status()).toBeLessThan(500);
  expect(await anonymous.text()).toContain("Please sign in to continue.");
  expect(await statusOf(theirs)).toBe("pending");

  // A contributor's session is refused as well.
  const contributor = await createStaff({
    role: "contributor",
    email: `contrib-${unique()}@example.com`,
    name: "Connie",
    password: "contrib password 1",
  });
  const contributorPage = await (await browser.newContext()).newPage();
  await signIn(contributorPage, contributor.email, contributor.password);
  await expect(contributorPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(contributorPage.getByRole("link", { name: /^Comments/ })).toHaveCount(0);
  const asContributor = await contributorPage.context().request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: "text/x-component",
      origin: baseURL!,
    },
    data: Buffer.from(body, "latin1"),
  });
  expect(await asContributor.text()).toContain("You do not have permission to do that.");
  expect(await statusOf(theirs)).toBe("pending");
});

test("an editor sees and bulk-moderates comments on every post, with counts per tab", async ({ browser }) => {
  const editor = await createStaff({
    role: "editor",
    email: `editor-${unique()}@example.com`,
    name: "Eddie",
    password: "editor password 1",
  });
  const tag = unique();
  const a = await pendingComment((await createPost()).id, `Bulk A ${tag}`);
  const b = await pendingComment((await createPost()).id, `Bulk B ${tag}`);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, editor.email, editor.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`/admin/comments?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("link", { name: /^Pending/ })).toHaveText("Pending (2)");
  await page.getByLabel(`Select comment by Bulk A ${tag}`).check();
  await page.getByLabel(`Select comment by Bulk B ${tag}`).check();
  await page.getByLabel("Bulk action").selectOption("trash");
  await page.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved to the trash: 2 comments." })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Trash/ })).toHaveText("Trash (2)");
  expect([await statusOf(a), await statusOf(b)]).toEqual(["trash", "trash"]);

  await page.getByRole("link", { name: /^Trash/ }).click();
  await page
    .getByRole("article", { name: `Comment by Bulk A ${tag}` })
    .getByRole("button", { name: "Delete forever" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted forever: 1 comment." })).toBeVisible();
  expect(await statusOf(a)).toBeUndefined();
  await page
    .getByRole("article", { name: `Comment by Bulk B ${tag}` })
    .getByRole("button", { name: "Restore" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Restored to pending: 1 comment." })).toBeVisible();
  expect(await statusOf(b)).toBe("pending");
});
