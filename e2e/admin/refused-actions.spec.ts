import { expect, test } from "../fixtures/test";
import { captureServerAction, replayServerAction } from "../fixtures/actions";
import { createStaff, query } from "../fixtures/db";
import { signIn, signInAsOwner, unique } from "../fixtures/site";

const siteTitle = async () =>
  (await query<{ value: string }>("SELECT value FROM settings WHERE key = 'title'"))[0]?.value;

test("anonymous visitors are sent to sign in from every admin page", async ({ page }) => {
  for (const path of ["/admin", "/admin/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
});

test("an admin action replayed without a session, or by a lesser role, changes nothing", async ({
  page,
  playwright,
  browser,
  baseURL,
}) => {
  // The owner saves a title once, and we keep that request…
  await signInAsOwner(page);
  await page.goto("/admin/settings");
  const original = (await page.getByLabel("Site title").inputValue()) as string;
  await page.getByLabel("Site title").fill(`Hijacked ${unique()}`);
  const captured = captureServerAction(page);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  const request = await captured;

  // …then puts the title back.
  await page.getByLabel("Site title").fill(original);
  await page.getByRole("button", { name: "Save settings" }).click();
  // The first save's message may still show while this one is sent: wait for the database.
  await expect.poll(async () => JSON.parse((await siteTitle())!)).toBe(original);
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  const auditRows = (await query("SELECT id FROM audit_log")).length;

  // Anonymous replay with no cookie: proxy.ts sends it to sign-in before the action runs.
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await replayServerAction(anonymous, request);
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/admin/login");

  // With a forged cookie the proxy lets it through, and the action refuses it itself.
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "authjs.session-token=forged" },
  });
  const forgedResponse = await replayServerAction(forged, request);
  expect(forgedResponse.status()).toBeLessThan(500);
  expect(await forgedResponse.text()).toContain("Please sign in to continue.");

  // An editor's session: signed in, but not allowed.
  const editor = await createStaff({
    role: "editor",
    email: `ed-${unique()}@example.com`,
    name: "Edna",
    password: "editor password 2",
  });
  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, editor.email, editor.password);
  await expect(editorPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const asEditor = await replayServerAction(editorPage.context().request, request);
  expect(await asEditor.text()).toContain("You do not have permission to do that.");

  expect(JSON.parse((await siteTitle())!)).toBe(original);
  expect(await query("SELECT id FROM audit_log")).toHaveLength(auditRows);
  await page.goto("/");
  await expect(page.getByRole("link", { name: original })).toBeVisible();
});
