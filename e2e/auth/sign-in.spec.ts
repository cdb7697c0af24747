import { expect, test } from "../fixtures/test";
import { createStaff, run } from "../fixtures/db";
import { OWNER, signIn, signInAsOwner, unique } from "../fixtures/site";

const WRONG = "Email or password is incorrect.";

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await signIn(page, OWNER.email, "not the password");
  await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(OWNER.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await signIn(page, `nobody-${unique()}@example.com`, OWNER.password);
  await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("empty fields are named", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("the owner signs in, and signing out ends the session", async ({ page }) => {
  await signInAsOwner(page);
  await expect(page.getByText(`Welcome, ${OWNER.name}.`)).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=%2Fadmin$/);
});

test("sign-in returns to the page asked for, never to another site", async ({ page }) => {
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/callbackUrl=%2Fadmin%2Fsettings/);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();

  for (const target of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
    await page.goto(`/admin/login?callbackUrl=${encodeURIComponent(target)}`);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/admin$/);
  }
});

test("a suspended user's open session stops working at once", async ({ browser }) => {
  const editor = await createStaff({
    role: "editor",
    email: `ed-${unique()}@example.com`,
    name: "Eddie Editor",
    password: "editor password 1",
  });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, editor.email, editor.password);
  await expect(page.getByText("Welcome, Eddie Editor.")).toBeVisible();

  await run(
    "UPDATE users SET status = 'suspended', session_version = session_version + 1 WHERE email = ?",
    editor.email,
  );
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await signIn(page, editor.email, editor.password);
  await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();
});

test("a demoted admin loses the settings page on the next request", async ({ browser }) => {
  const admin = await createStaff({
    role: "admin",
    email: `adm-${unique()}@example.com`,
    name: "Ari Admin",
    password: "admin password 1",
  });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/settings");
  await expect(page.getByLabel("Site title")).toBeVisible();

  await run("UPDATE users SET role = 'author' WHERE email = ?", admin.email);
  await page.reload();
  await expect(page.getByText("Only administrators can change the site settings.")).toBeVisible();
  await expect(page.getByLabel("Site title")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
});
