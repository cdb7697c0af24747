import { expect, test } from "../fixtures/test";
import { captureServerAction, replayServerAction } from "../fixtures/actions";
import { query } from "../fixtures/db";
import { OWNER } from "../fixtures/site";

test.describe.configure({ mode: "serial" });

test("a new site sends /admin and /admin/login to the setup form", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up your site" })).toBeVisible();

  await page.goto("/admin/login");
  await expect(page).toHaveURL(/\/admin\/setup$/);
});

test("setup explains each mistake and keeps what was typed", async ({ page }) => {
  await page.goto("/admin/setup");
  await page.getByLabel("Site title").fill(OWNER.siteTitle);
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create site" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Some fields need your attention." })).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Site title")).toHaveValue(OWNER.siteTitle);
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  expect(await query("SELECT id FROM users")).toHaveLength(0);
});

test("two setups submitted at once create exactly one owner, who is signed in", async ({ browser, request }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const [page, title] of [
    [first, OWNER.siteTitle],
    [second, "Rival Title"],
  ] as const) {
    await page.goto("/admin/setup");
    await page.getByLabel("Site title").fill(title);
    await page.getByLabel("Your name").fill(OWNER.name);
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await page.getByLabel("Confirm password").fill(OWNER.password);
  }
  const captured = captureServerAction(second);
  await Promise.all([
    first.getByRole("button", { name: "Create site" }).click(),
    second.getByRole("button", { name: "Create site" }).click(),
  ]);

  // One browser lands on the dashboard, the other is told the site exists already.
  const outcomes = await Promise.all(
    [first, second].map(async (page) => {
      const dashboard = page.getByRole("heading", { name: "Dashboard" });
      const refused = page.getByRole("alert").filter({ hasText: "This site is already set up. Sign in instead." });
      // Two password hashes at once, then the server's first dashboard render: slow on a busy machine.
      await expect(dashboard.or(refused)).toBeVisible({ timeout: 20_000 });
      return (await dashboard.isVisible()) ? "owner" : "refused";
    }),
  );
  expect([...outcomes].sort()).toEqual(["owner", "refused"]);
  expect(await query("SELECT email, role FROM users")).toEqual([{ email: OWNER.email, role: "owner" }]);

  // The same request replayed now, as anyone could with curl, changes nothing.
  const replay = await replayServerAction(request, await captured);
  expect(replay.status()).toBeLessThan(500);
  expect(await query("SELECT id FROM users")).toHaveLength(1);

  // Make the winner's title the one later journeys expect.
  const winner = outcomes[0] === "owner" ? first : second;
  await winner.goto("/admin/settings");
  await winner.getByLabel("Site title").fill(OWNER.siteTitle);
  await winner.getByRole("button", { name: "Save settings" }).click();
  await expect(winner.getByRole("status")).toHaveText("Settings saved.");
});

test("after setup the setup page sends visitors to sign in", async ({ page }) => {
  await page.goto("/admin/setup");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("the new site shows its title, the welcome post and the About page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: OWNER.siteTitle })).toBeVisible();
  await page.getByRole("link", { name: "Welcome to your new site" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to your new site" })).toBeVisible();
  // The byline; the author box below names them again.
  await expect(page.getByText(OWNER.name).first()).toBeVisible();

  await page.getByRole("link", { name: "About" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "About" })).toBeVisible();
});
