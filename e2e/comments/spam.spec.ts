import { expect, test } from "../fixtures/test";
import { run } from "../fixtures/db";
import { commentsBy, createPost, expectAlert, expectStatus, mainForm, openPost, person, writeComment } from "./helpers";

test("a filled honeypot is refused silently: the bot is thanked, nothing is stored", async ({ page }) => {
  const post = await createPost();
  const bot = person("Bot");
  await openPost(page, post.slug);
  await mainForm(page).locator('input[name="company"]').fill("Acme", { force: true });
  await writeComment(page, { ...bot, body: "Buy things." });
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  expect(await commentsBy(bot.email)).toHaveLength(0);
});

test("a comment sent 2 s after the page loaded is refused", async ({ page }) => {
  const post = await createPost();
  const hasty = person("Hasty");
  await openPost(page, post.slug);
  await page.waitForTimeout(2_000);
  await writeComment(page, { ...hasty, body: "Too quick." }, mainForm(page), { wait: false });
  await expectAlert(page, "That was quick!");
  expect(await commentsBy(hasty.email)).toHaveLength(0);
});

test("10 comments in 10 s from one address: at most one is accepted", async ({ page }) => {
  test.setTimeout(60_000);
  const post = await createPost();
  const flood = person("Flood");
  await openPost(page, post.slug);
  const started = Date.now();
  for (let i = 0; i < 10; i++) {
    await writeComment(page, { ...flood, body: `Flood number ${i}` });
    await expect(mainForm(page).getByRole("button", { name: "Post comment" })).toBeEnabled();
  }
  expect(Date.now() - started).toBeLessThan(14_000);
  await expectAlert(page, "You are commenting very quickly.");
  expect(await commentsBy(flood.email)).toHaveLength(1);
});

test("a made-up X-Forwarded-For does not get a client past the per-address limit", async ({ page }) => {
  const post = await createPost();
  const flood = person("Spoofer");
  await openPost(page, post.slug);
  for (let i = 0; i < 3; i++) {
    // Each attempt claims to come from somewhere else; the server uses the socket's address.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${i + 1}` });
    await writeComment(page, { ...flood, body: `Spoofed number ${i}` });
    await expect(mainForm(page).getByRole("button", { name: "Post comment" })).toBeEnabled();
  }
  await expectAlert(page, "You are commenting very quickly.");
  expect(await commentsBy(flood.email)).toHaveLength(1);
});

test("a comment from an email moderators marked spam goes to the spam folder", async ({ page }) => {
  const post = await createPost();
  const spammer = person("Spammer");
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'spam', ?, ?, 'old spam', '<p>old spam</p>')",
    post.id,
    spammer.name,
    spammer.email,
  );
  await openPost(page, post.slug);
  await writeComment(page, { ...spammer, body: "Totally genuine comment." });
  // The sender is told the usual thing, so the folder is not a signal to them.
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  expect((await commentsBy(spammer.email)).map((c) => c.status)).toEqual(["spam", "spam"]);
});

test("a comment with 6 links is held even from a trusted address; banned words go to spam", async ({ page }) => {
  const post = await createPost();
  const trusted = person("Trusted");
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'approved', ?, ?, 'hi', '<p>hi</p>')",
    post.id,
    trusted.name,
    trusted.email,
  );
  const links = Array.from({ length: 6 }, (_, i) => `https://site${i}-${Date.now()}.example/`).join(" ");
  await openPost(page, post.slug);
  await writeComment(page, { ...trusted, body: `Sources: ${links}` });
  await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
  expect((await commentsBy(trusted.email)).map((c) => c.status)).toEqual(["approved", "pending"]);

  await run(
    "INSERT INTO settings (key, value) VALUES ('bannedWords', '[\"viagra\"]') ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  try {
    const other = person("Banned");
    await openPost(page, post.slug);
    await writeComment(page, { ...other, body: "Cheap VIAGRA here" });
    await expectStatus(page, "Thanks! Your comment is awaiting moderation.");
    expect((await commentsBy(other.email)).map((c) => c.status)).toEqual(["spam"]);
  } finally {
    await run("DELETE FROM settings WHERE key = 'bannedWords'");
  }
});

test("the same comment twice is refused as a duplicate", async ({ page }) => {
  const post = await createPost();
  const twice = person("Twice");
  await run(
    "INSERT INTO comments (post_id, status, author_name, author_email, markdown, html) VALUES (?, 'pending', ?, ?, 'Same words', '<p>Same words</p>')",
    post.id,
    twice.name,
    twice.email,
  );
  await openPost(page, post.slug);
  await writeComment(page, { ...twice, body: "Same words" });
  await expectAlert(page, "You have already posted this comment.");
  expect(await commentsBy(twice.email)).toHaveLength(1);
});
