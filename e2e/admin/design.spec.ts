import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "../fixtures/test";
import sharp from "sharp";
import { createPost } from "../fixtures/content";
import { dbTime, query, run } from "../fixtures/db";
import { signInAsOwner, unique } from "../fixtures/site";

// Admin → Design: each choice shows on the reader site on the next request (through the
// page cache, to a visitor with no cookies), and an accent that fails contrast is refused.

const DESIGN_KEYS = [
  "accentColor",
  "accentColorDark",
  "logoUrl",
  "siteIconUrl",
  "coverImageUrl",
  "fontPairing",
  "navigation",
  "footerNavigation",
  "homeLayout",
  "postsPerPage",
];
type Row = { key: string; value: string; updated_at: number };
let saved: Row[] = [];
const placeholders = DESIGN_KEYS.map(() => "?").join(", ");

// Settings are the site's, and journeys share one site: put back what was there.
test.beforeAll(async () => {
  saved = await query<Row>(
    `SELECT key, value, updated_at FROM settings WHERE key IN (${placeholders})`,
    ...DESIGN_KEYS,
  );
});
test.afterEach(async () => {
  await run(`DELETE FROM settings WHERE key IN (${placeholders})`, ...DESIGN_KEYS);
  for (const row of saved) {
    await run(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)",
      row.key,
      row.value,
      dbTime(row.updated_at),
    );
  }
});

const linkColour = (page: Page, name: string) =>
  page
    .getByRole("navigation", { name: "Site" })
    .getByRole("link", { name })
    .evaluate((link) => getComputedStyle(link).color);

async function solidPng(rgb: { r: number; g: number; b: number }) {
  return sharp({ create: { width: 600, height: 600, channels: 3, background: rgb } })
    .png()
    .toBuffer();
}

test("an accent that fails contrast is refused with its ratio, and nothing changes", async ({ page, browser }) => {
  await signInAsOwner(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Design" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Design" })).toBeVisible();
  const before = (await query<{ n: number }>("SELECT count(*) AS n FROM audit_log"))[0]!.n;
  const storedAccent = () => query("SELECT value FROM settings WHERE key = 'accentColor'");
  const accentBefore = await storedAccent();

  await page.getByLabel("Accent colour, light scheme").fill("#ffff00");
  // The live hint says so before saving; the server refuses it on save.
  await expect(page.getByText("Contrast on the light background: 1.07:1, too low")).toBeVisible();
  await page.getByRole("button", { name: "Save design" }).click();
  await expect(
    page.getByText(/Contrast against the light background is 1\.07:1; links need at least 4\.5:1/),
  ).toBeVisible();
  await expect(page.getByLabel("Accent colour, light scheme")).toHaveAttribute("aria-invalid", "true");

  expect(await storedAccent()).toEqual(accentBefore);
  expect((await query<{ n: number }>("SELECT count(*) AS n FROM audit_log"))[0]!.n).toBe(before);
  const visitor = await browser.newPage({ colorScheme: "light" });
  await visitor.goto("/");
  expect(await linkColour(visitor, "Search")).toBe("rgb(29, 78, 216)"); // the shipped accent
  await visitor.close();
});

test("accent, icon, fonts, menus and layout show on the site on the next request", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  for (const n of [1, 2, 3]) await createPost({ title: `Design sample ${n} ${id}` });
  await signInAsOwner(page);
  await page.goto("/admin/design");

  // Typed before the form has hydrated, a value is lost: type again until the live contrast hint follows it.
  const lightHint = page.getByText(/^Contrast on the light background/);
  const hintBefore = (await lightHint.textContent()) ?? "";
  await expect(async () => {
    await page.getByLabel("Accent colour, light scheme").fill("#8b0000");
    await expect(lightHint).not.toHaveText(hintBefore, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByLabel("Accent colour, dark scheme").fill("#fbbf24");
  await page.getByLabel("Site icon").setInputFiles({
    name: "icon.png",
    mimeType: "image/png",
    buffer: await solidPng({ r: 200, g: 30, b: 30 }),
  });
  await expect(page.getByText("Uploaded icon.png. Save the design to use it.")).toBeVisible();
  await page.getByLabel(/^Bookish/).check();

  // A header link, moved to the top; a footer link, first refused for its address.
  const label = `Reading ${id}`;
  await page.getByRole("button", { name: "Add a link to the header menu" }).click();
  const rows = await page.getByLabel(/^Header menu link \d+: label$/i).count();
  await page.getByLabel(`Header menu link ${rows}: label`).fill(label);
  await page.getByLabel(`Header menu link ${rows}: address`).fill("/archive");
  for (let at = rows; at > 1; at--) await page.getByRole("button", { name: `Move Header menu link ${at} up` }).click();
  await expect(page.getByLabel("Header menu link 1: label")).toHaveValue(label);
  await page.getByRole("button", { name: "Add a link to the footer menu" }).click();
  await page.getByLabel("Footer menu link 1: label").fill("Colophon");
  await page.getByLabel("Footer menu link 1: address").fill("javascript:alert(1)");

  await page.getByLabel("Cards: a grid with feature images").check();
  await page.getByLabel("Posts per page").fill("2");

  // The preview shows the unsaved choices; the site does not have them yet.
  const preview = page.getByTestId("design-preview");
  await expect(preview.getByRole("link", { name: label })).toHaveCSS("color", "rgb(139, 0, 0)");
  await expect(preview.getByRole("heading", { level: 3 }).first()).toHaveCSS("font-family", /inter/i);

  await page.getByRole("button", { name: "Save design" }).click();
  await expect(
    page.getByText("Link 1: Use an address on this site (/about) or one starting with http:// or https://."),
  ).toBeVisible();
  await page.getByLabel("Footer menu link 1: address").fill("/rss.xml");
  await page.getByRole("button", { name: "Save design" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Design saved." })).toBeVisible();

  // A visitor: no cookies, through the page cache.
  const context = await browser.newContext({ colorScheme: "light" });
  const visitor = await context.newPage();
  const hosts = new Set<string>();
  visitor.on("request", (request) => hosts.add(new URL(request.url()).host));
  await visitor.goto("/");
  const siteNav = visitor.getByRole("navigation", { name: "Site" });
  await expect(siteNav.getByRole("listitem").first()).toHaveText(label);
  expect(await linkColour(visitor, label)).toBe("rgb(139, 0, 0)");
  await expect(
    visitor.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Colophon" }),
  ).toHaveAttribute("href", "/rss.xml");

  // Fonts: the serif for text, served by this site.
  await expect(visitor.locator("main p").first()).toHaveCSS("font-family", /sourceSerif/i);
  const loaded = await visitor.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family);
  });
  expect(loaded.join(" ")).toMatch(/sourceSerif/i);

  // Layout: cards in a grid, two posts a page.
  const list = visitor.getByRole("main").locator("ol").first();
  await expect(list).toHaveCSS("display", "grid");
  await expect(list.locator(":scope > li")).toHaveCount(2);
  await expect(visitor.getByRole("navigation", { name: "Pagination" })).toBeVisible();

  // Icons: the uploaded one, as PNGs of the sizes the page names.
  for (const [selector, size] of [
    ['link[rel="icon"][sizes="192x192"]', 192],
    ['link[rel="icon"][sizes="512x512"]', 512],
    ['link[rel="apple-touch-icon"]', 180],
  ] as const) {
    const href = await visitor.locator(selector).getAttribute("href");
    const response = await visitor.request.get(href!);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: size, height: size });
    const middle = Math.floor(size / 2);
    const [r, g, b] = await sharp(png)
      .extract({ left: middle, top: middle, width: 1, height: 1 })
      .removeAlpha()
      .raw()
      .toBuffer();
    expect([r, g, b]).toEqual([200, 30, 30]);
  }

  await visitor.emulateMedia({ colorScheme: "dark" });
  expect(await linkColour(visitor, label)).toBe("rgb(251, 191, 36)");
  expect([...hosts]).toEqual([new URL(visitor.url()).host]);
  expect(await context.cookies()).toEqual([]);
  expect((await new AxeBuilder({ page: visitor }).analyze()).violations).toEqual([]);
  await context.close();

  const audit = (
    await query<{ details: string }>(
      "SELECT details FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1",
    )
  )[0]!;
  expect(JSON.parse(audit.details).keys).toContain("accentColor");
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations on the design page with a refused field (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signInAsOwner(page);
    await page.goto("/admin/design");
    await page.getByRole("button", { name: "Add a link to the footer menu" }).click();
    await page.getByRole("button", { name: "Save design" }).click();
    await expect(page.getByText(/^Link \d+: Give every link a label\.$/)).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}
