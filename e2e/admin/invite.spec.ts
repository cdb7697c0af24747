import { expect, test } from "../fixtures/test";
import { query } from "../fixtures/db";
import { mailTo } from "../fixtures/smtp";
import { signIn, signInAsOwner, unique } from "../fixtures/site";

test("the owner invites an author by link; they accept, choose a password and sign in", async ({ page, browser }) => {
  await signInAsOwner(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
  const email = `newcomer-${unique()}@example.com`;
  await page.getByLabel("Email address to invite").fill(email);
  await page.getByLabel("Invite as").selectOption("author");
  await page.getByRole("button", { name: "Send invitation" }).click();
  // The journeys run with an SMTP sink, so the invitation arrives by e-mail.
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` })).toBeVisible();
  await expect.poll(() => mailTo(email).length).toBe(1);
  const link = mailTo(email)[0]!.text.match(/https?:\/\/\S+\/admin\/invite\/\S+/)![0];
  expect(link).toMatch(/\/admin\/invite\/[A-Za-z0-9_-]{40,}$/);
  // Only a hash of the token is stored.
  const token = link.split("/").pop()!;
  expect(await query("SELECT id FROM user_tokens WHERE token_hash = ?", token)).toEqual([]);

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(new URL(link).pathname);
  await expect(newcomer.getByText(`invited as author with ${email}`)).toBeVisible();
  await newcomer.getByLabel("Your name").fill("Grace Hopper");
  await newcomer.getByLabel("New password", { exact: true }).fill("a long new password");
  await newcomer.getByLabel("Repeat the new password").fill("a long new password");
  await newcomer.getByRole("button", { name: "Create my account" }).click();
  await expect(newcomer.getByRole("status").filter({ hasText: "Your account is ready" })).toBeVisible();

  await signIn(newcomer, email, "a long new password");
  await expect(newcomer.getByText("Welcome, Grace Hopper.")).toBeVisible();
  await expect(newcomer.getByRole("button", { name: /^Account menu/ })).toHaveAccessibleName(
    "Account menu: Grace Hopper author",
  );

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
});
