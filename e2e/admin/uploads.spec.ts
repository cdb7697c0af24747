import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures/test";
import { pngBytes } from "../fixtures/admin";
import { query } from "../fixtures/db";
import { signInAsOwner } from "../fixtures/site";

const upload = (name: string, mimeType: string, buffer: Buffer, alt = "A test image") => ({
  multipart: { file: { name, mimeType, buffer }, alt },
});

test.describe("uploads", () => {
  test.beforeEach(async ({ page }) => {
    await signInAsOwner(page);
  });

  test("a PNG named .gif is stored and served as PNG, with resized WebP variants", async ({ page, baseURL }) => {
    const response = await page.request.post("/api/media", {
      ...upload("holiday.gif", "image/gif", await pngBytes(1500, 600)),
      headers: { origin: baseURL! },
    });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ mimeType: "image/png", width: 1500, height: 600 });
    expect(body.url).toMatch(/^\/media\/\d{4}\/\d{2}\/[a-f0-9]{16}-w1500\.png$/);
    expect(body.variants.map((v: { width: number }) => v.width)).toEqual([640, 1280]);

    const served = await page.request.get(body.url);
    expect(served.status()).toBe(200);
    expect(served.headers()).toMatchObject({
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
    });
    const variant = await page.request.get(body.variants[0].url);
    expect(variant.headers()["content-type"]).toBe("image/webp");
    expect(await query("SELECT original_name, mime_type FROM media WHERE storage_key = ?", body.url.slice(7))).toEqual([
      { original_name: "holiday.gif", mime_type: "image/png" },
    ]);
  });

  test("HTML or SVG named .png is refused, and so is an upload without alt text", async ({ page, baseURL }) => {
    const headers = { origin: baseURL! };
    const before = (await query("SELECT id FROM media")).length;
    const html = await page.request.post("/api/media", {
      ...upload("page.png", "image/png", Buffer.from("<!doctype html><script>alert(1)</script>")),
      headers,
    });
    expect(html.status()).toBe(415);
    expect((await html.json()).error).toMatch(/Only JPEG, PNG, WebP, GIF and AVIF/);
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    );
    const svgResponse = await page.request.post("/api/media", { ...upload("logo.png", "image/png", svg), headers });
    expect(svgResponse.status()).toBe(415);
    const noAlt = await page.request.post("/api/media", {
      ...upload("fine.png", "image/png", await pngBytes(20, 20), ""),
      headers,
    });
    expect(noAlt.status()).toBe(400);
    expect((await noAlt.json()).error).toMatch(/alt text/);
    expect(await query("SELECT id FROM media")).toHaveLength(before);
  });

  test("an oversized file gets a clear 413", async ({ page, baseURL }) => {
    const big = Buffer.alloc(11 * 1024 * 1024, 1);
    const response = await page.request.post("/api/media", {
      ...upload("huge.png", "image/png", big),
      headers: { origin: baseURL! },
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).error).toBe("The file is too large: images may be at most 10 MB.");
  });

  test("filenames with ../ or NUL bytes cannot escape the media folder", async ({ page, baseURL }) => {
    const dataDir = process.env.QUIRE_E2E_DATA_DIR!;
    for (const name of ["../../../../tmp/escape.png", "..\\..\\escape.png", "evil\u0000.png.html"]) {
      const response = await page.request.post("/api/media", {
        ...upload(name, "image/png", await pngBytes(40, 40)),
        headers: { origin: baseURL! },
      });
      expect(response.status()).toBe(201);
      const { url } = await response.json();
      expect(url).toMatch(/^\/media\/\d{4}\/\d{2}\/[a-f0-9]{16}-w40\.png$/);
      expect(fs.existsSync(path.join(dataDir, "media", url.slice(7)))).toBe(true);
    }
    expect(fs.existsSync("/tmp/escape.png")).toBe(false);
    expect(
      (await query<{ original_name: string }>("SELECT original_name FROM media WHERE original_name LIKE 'evil%'"))[0]!
        .original_name,
    ).toBe("evil.png.html");
    // Reading outside the folder through the URL is refused too.
    for (const attempt of [
      "/media/..%2Fquire.db",
      "/media/%2e%2e/quire.db",
      "/media/2026/..%2F..%2Fauth.secret",
      "/media/x%00.png",
    ]) {
      expect((await page.request.get(attempt)).status()).toBe(404);
    }
  });

  test("uploads need a signed-in staff member from this site", async ({ playwright, baseURL, page }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const response = await anonymous.post("/api/media", upload("a.png", "image/png", await pngBytes(20, 20)));
    expect(response.status()).toBe(401);
    const crossSite = await page.request.post("/api/media", {
      ...upload("a.png", "image/png", await pngBytes(20, 20)),
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status()).toBe(403);
  });
});

test("the media library finds an upload by name and deletes it while no post uses it", async ({ page, baseURL }) => {
  await signInAsOwner(page);
  const name = `pier-${Date.now()}.png`;
  const response = await page.request.post("/api/media", {
    ...upload(name, "image/png", await pngBytes(800, 400), "An old wooden pier"),
    headers: { origin: baseURL! },
  });
  const { url } = await response.json();
  await page.goto("/admin/media");
  await page.getByLabel("Find by name or alt text").fill(name);
  await page.getByRole("button", { name: "Find" }).click();
  // Read within this upload's card: until the search has answered, the list may still show
  // other 800×400 images with the same alt text that earlier tests uploaded.
  const card = page.getByRole("listitem").filter({ hasText: name });
  await expect(card.getByRole("img", { name: "An old wooden pier" })).toBeVisible();
  await expect(card.getByText(/800×400 · \d+ KB · Ada Lovelace · unused/)).toBeVisible();
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  // Asked first, in a dialog that Escape closes without deleting.
  const ask = page.getByRole("alertdialog", { name: "Delete this image for good?" });
  await expect(ask).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(page.getByRole("button", { name: `Delete ${name}` })).toBeFocused();
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await ask.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByRole("status")).toHaveText("Deleted.");
  expect(await query("SELECT id FROM media WHERE original_name = ?", name)).toEqual([]);
  expect((await page.request.get(url)).status()).toBe(404);
});
