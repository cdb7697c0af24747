import { expect, test } from "../fixtures/test";
import { query } from "../fixtures/db";
import { OWNER, signInAsOwner } from "../fixtures/site";
import { mailTo, readMailbox } from "../fixtures/smtp";
import { unsubscribeToken } from "../fixtures/tokens";
import { commentHeading, createPost, expectStatus, openPost, person, writeComment } from "./helpers";

test("a first-time commenter is held, the author is told, a moderator approves, and the thread grows", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const post = await createPost();
  const reader = person("Grace");

  // A first comment from a new address waits for moderation, visible only to its writer.
  await openPost(page, post.slug);
  await expect(commentHeading(page)).toHaveText("0 Comments");
  await writeComment(page, { ...reader, body: "What a *lovely* post.", notify: true });
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  const own = page.getByRole("region", { name: "Your comments" });
  await expect(own.getByText("Awaiting moderation")).toBeVisible();
  await expect(own.getByText("What a lovely post.")).toBeVisible();
  await expect(commentHeading(page)).toHaveText("0 Comments");
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/${post.slug}`);
  await expect(stranger.getByText("What a lovely post.")).toHaveCount(0);

  // The author hears about it by e-mail, with a one-click unsubscribe header.
  await expect
    .poll(() => mailTo(OWNER.email).filter((m) => m.subject.includes(post.title)).length, { timeout: 15_000 })
    .toBe(1);
  const notice = mailTo(OWNER.email).find((m) => m.subject.includes(post.title))!;
  expect(notice.subject).toBe(`A comment awaits moderation on “${post.title}”`);
  expect(notice.text).toContain("What a *lovely* post.");
  expect(notice.headers["list-unsubscribe"]).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=.+>$/);
  expect(notice.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

  // The owner approves it from the queue; the navigation shows what is waiting.
  const admin = await (await browser.newContext()).newPage();
  await signInAsOwner(admin);
  await expect(
    admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /^Comments \(\d+ pending\)$/ }),
  ).toBeVisible();
  await admin.goto("/admin/comments");
  const held = admin.getByRole("article", { name: `Comment by ${reader.name}` });
  await held.getByRole("button", { name: "Approve" }).click();
  await expectStatus(admin, "Approved: 1 comment.");
  await expect(held).toHaveCount(0);

  // Readers now see it, with the right count and a permalink.
  await stranger.goto(`/${post.slug}`);
  await expect(commentHeading(stranger)).toHaveText("1 Comment");
  const approved = stranger.getByRole("article", { name: `Comment by ${reader.name}` });
  await expect(approved.locator("em")).toHaveText("lovely");
  const id = (await query<{ id: number }>("SELECT id FROM comments WHERE author_email = ?", reader.email))[0]!.id;
  await expect(approved).toHaveAttribute("id", `comment-${id}`);
  await expect(approved.getByRole("link", { name: /\d{4}/ })).toHaveAttribute("href", `#comment-${id}`);

  // A second comment from the same address appears at once (the 15 s per-sender limit first).
  await page.waitForTimeout(12_000);
  await openPost(page, post.slug);
  await writeComment(page, { ...reader, body: "And one more thought." });
  await expectStatus(page, "Your comment is published.");
  await page.reload();
  await expect(commentHeading(page)).toHaveText("2 Comments");
  await expect(
    page.getByRole("article", { name: /^Comment by/ }).filter({ hasText: "And one more thought." }),
  ).toBeVisible();

  // The owner replies on the post page as staff: no name or email asked, published with a badge.
  await admin.goto(`/${post.slug}`);
  const first = admin.getByRole("article", { name: `Comment by ${reader.name}` }).first();
  await first.getByText(`Reply to ${reader.name}`).click();
  const replyForm = admin.getByRole("form", { name: `Reply to ${reader.name}` }).first();
  await expect(replyForm.getByText(`Commenting as ${OWNER.name} (staff).`)).toBeVisible();
  await expect(replyForm.getByLabel("Email", { exact: true })).toHaveCount(0);
  await writeComment(admin, { body: "Thank you, Grace!" }, replyForm, { wait: false });
  await expectStatus(replyForm, "Your comment is published.");
  await admin.reload();
  await expect(commentHeading(admin)).toHaveText("3 Comments");
  const reply = admin.getByRole("article", { name: `Comment by ${OWNER.name}` });
  await expect(reply.getByText("Staff", { exact: true })).toBeVisible();

  // The opted-in commenter gets the reply e-mail, with an unsubscribe link that needs no account.
  await expect.poll(() => mailTo(reader.email).length, { timeout: 15_000 }).toBe(1);
  const replyMail = mailTo(reader.email)[0]!;
  expect(replyMail.subject).toBe(`${OWNER.name} replied to your comment on “${post.title}”`);
  expect(replyMail.text).toContain("Thank you, Grace!");
  const link = replyMail.text.match(/Stop these e-mails: (\S+)/)![1]!;
  const unsubscriber = await (await browser.newContext()).newPage();
  await unsubscriber.goto(link);
  await unsubscriber.getByRole("button", { name: `Unsubscribe ${reader.email}` }).click();
  await expect(unsubscriber.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();

  // A further staff reply sends nothing more to them.
  await admin
    .getByRole("article", { name: `Comment by ${reader.name}` })
    .first()
    .getByText(`Reply to ${reader.name}`)
    .click();
  const again = admin.getByRole("form", { name: `Reply to ${reader.name}` }).first();
  await writeComment(admin, { body: "One more reply." }, again, { wait: false });
  await expectStatus(again, "Your comment is published.");
  const before = readMailbox().length;
  await admin.waitForTimeout(3_000);
  expect(readMailbox().length).toBeGreaterThanOrEqual(before);
  expect(mailTo(reader.email)).toHaveLength(1);
});

test("a mail client's one-click unsubscribe POST works without an account, and a forged token does not", async ({
  request,
}) => {
  const reader = person("Oneclick");
  await request.get("/api/comments/viewer"); // the first signed token creates the signing key
  const forged = `/unsubscribe?token=${Buffer.from(reader.email).toString("base64url")}.${"x".repeat(43)}`;
  const refused = await request.post(forged, { form: { "List-Unsubscribe": "One-Click" } });
  expect(refused.status()).toBe(400);
  expect(await query("SELECT email FROM email_suppressions WHERE email = ?", reader.email)).toHaveLength(0);

  const url = `/unsubscribe?token=${encodeURIComponent(unsubscribeToken(reader.email))}`;
  const page = await request.get(url);
  expect(await page.text()).toContain(`Unsubscribe ${reader.email}`);
  expect(await query("SELECT email FROM email_suppressions WHERE email = ?", reader.email)).toHaveLength(0); // a GET only asks
  const ok = await request.post(url, { form: { "List-Unsubscribe": "One-Click" } });
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain("You are unsubscribed");
  expect(await query("SELECT email FROM email_suppressions WHERE email = ?", reader.email)).toHaveLength(1);
});
