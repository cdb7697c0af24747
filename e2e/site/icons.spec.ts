import { expect, test } from "../fixtures/test";

// Bug 4 of issue 12: every page asked for /favicon.ico and got a 404.

test("the site answers /favicon.ico and /apple-touch-icon.png with images", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header

  const touch = await request.get("/apple-touch-icon.png");
  expect(touch.status()).toBe(200);
  expect(touch.headers()["content-type"]).toBe("image/png");
});

test("reader pages link their icons and load them without an error", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") failed.push(message.text());
  });
  await page.goto("/");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /^\/favicon\.ico/);
  // The PNG sizes browsers and installed web apps ask for (Admin → Design's site icon).
  for (const size of [32, 192, 512]) {
    const link = page.locator(`link[rel="icon"][type="image/png"][sizes="${size}x${size}"]`);
    await expect(link).toHaveAttribute("href", new RegExp(`^/icons/${size}\\.png\\?v=`));
    const png = await page.request.get((await link.getAttribute("href"))!);
    expect(png.headers()["content-type"]).toBe("image/png");
  }
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /^\/apple-touch-icon\.png/);
  const icon = await page.request.get((await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"))!);
  expect(icon.status()).toBe(200);
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);
});
