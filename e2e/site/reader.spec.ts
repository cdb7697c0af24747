import { expect, test } from "@playwright/test";
import { ownerId, run } from "../fixtures/db";
import { unique } from "../fixtures/site";

test("a reader goes from the home page to a post and back, without a cookie", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.headers()["set-cookie"]).toBeUndefined();
  await page.getByRole("link", { name: "Welcome to your new site" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Where to start" })).toBeVisible();
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { name: "Latest posts" })).toBeAttached();
  expect(await page.context().cookies()).toEqual([]);
});

test("drafts and scheduled posts stay invisible to readers", async ({ page }) => {
  const slug = `secret-${unique()}`;
  for (const [status, suffix] of [["draft", "d"], ["scheduled", "s"], ["review", "r"]] as const) {
    run(
      "INSERT INTO posts (title, slug, status, published_at, author_id, html) VALUES (?, ?, ?, ?, ?, '<p>secret</p>')",
      `Secret ${status}`,
      `${slug}-${suffix}`,
      status,
      Date.now() + 86_400_000,
      ownerId(),
    );
    const response = await page.goto(`/${slug}-${suffix}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await page.goto("/");
  await expect(page.getByText("Secret", { exact: false })).toHaveCount(0);
});

test("odd addresses answer 404, never an error", async ({ request }) => {
  for (const path of [`/${"a".repeat(3000)}`, "/%00", "/..%2F..%2Fetc%2Fpasswd", "/%F0%9F%98%80", "/caf%C3%A9"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

test("the health endpoint reports the database and migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok", migrations: { current: true } });
});
