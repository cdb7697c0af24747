import { expect, test } from "../fixtures/test";
import { OWNER, signInAsOwner } from "../fixtures/site";

// Every address the app redirects to that a request can influence: sign-in's
// callbackUrl (the page, when already signed in, and the form after signing in), the
// trailing-slash redirect, and Auth.js's own pages (not mounted here). Quire has no
// `next`/`returnTo` parameter and the comment form and unsubscribe never redirect.
const PAYLOADS = [
  "https://evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "http:evil.example",
  "https:/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/%09/evil.example",
  "//evil.example/%2e%2e",
  "///evil.example",
  "/admin/../\\evil.example",
  "data:text/html,<script>alert(1)</script>",
];

test.describe("open redirects", () => {
  test(`sign-in with any of ${PAYLOADS.length} hostile callbackUrls ends on this site`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const site = new URL(baseURL!).origin;
    for (const payload of PAYLOADS) {
      await page.context().clearCookies();
      await page.goto(`/admin/login?callbackUrl=${encodeURIComponent(payload)}`);
      await page.getByLabel("Email").fill(OWNER.email);
      await page.getByLabel("Password").fill(OWNER.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Signed in, the browser goes wherever the app sends it: the dashboard, or a
      // harmless path on this site such as "/%2F/evil.example" (a not-found page).
      await page.waitForURL((url) => !url.pathname.startsWith("/admin/login"));
      expect(new URL(page.url()).origin, payload).toBe(site);
    }
    expect(dialogs).toEqual([]);
  });

  test("a signed-in visit to the sign-in page with a hostile callbackUrl stays on the site", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const site = new URL(baseURL!).origin;
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAsOwner(page);
    for (const payload of PAYLOADS) {
      // The raw form too: a payload that is itself percent-encoded reaches the app decoded once.
      for (const query of new Set([encodeURIComponent(payload), payload.replace(/[\t\n #&]/g, encodeURIComponent)])) {
        const response = await page.request.get(`/admin/login?callbackUrl=${query}`, { maxRedirects: 0 });
        const location = response.headers()["location"] ?? "";
        expect(response.status(), payload).toBe(307);
        expect(new URL(location, site).origin, `${payload} → ${location}`).toBe(site);
      }
      await page.goto(`/admin/login?callbackUrl=${encodeURIComponent(payload)}`);
      expect(new URL(page.url()).origin, payload).toBe(site);
    }
    expect(dialogs).toEqual([]);
  });

  test("the trailing-slash redirect and Auth.js's pages cannot send a visitor away", async ({
    page,
    request,
    baseURL,
  }) => {
    const site = new URL(baseURL!).origin;
    for (const path of [
      "//evil.example/",
      "/\\evil.example/",
      "/%2F%2Fevil.example/",
      "///evil.example/",
      "/%5Cevil.example/",
    ]) {
      const response = await request.get(`${site}${path}`, { maxRedirects: 0 });
      const location = response.headers()["location"];
      if (location) expect(new URL(location, site).origin, `${path} → ${location}`).toBe(site);
      await page.goto(`${site}${path}`);
      expect(new URL(page.url()).origin, path).toBe(site);
    }
    for (const path of [
      "/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.example",
      "/api/auth/signout?callbackUrl=%2F%2Fevil.example",
      "/api/auth/callback/credentials?callbackUrl=https%3A%2F%2Fevil.example",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  });
});
