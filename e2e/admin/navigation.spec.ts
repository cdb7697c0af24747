import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "../fixtures/test";
import { createPost } from "../fixtures/content";
import { signInAsOwner, unique } from "../fixtures/site";

// Every screen the owner's sidebar reaches, by link name, and the heading it opens on.
const SCREENS = [
  { link: "Dashboard", heading: "Dashboard" },
  { link: "Posts", heading: "Posts" },
  { link: "Pages", heading: "Pages" },
  { link: /^Comments/, heading: "Comments" },
  { link: "Tags", heading: "Tags" },
  { link: "Media", heading: "Media" },
  { link: "Design", heading: "Design" },
  { link: "Analytics", heading: "Analytics" },
  { link: "Settings", heading: "Settings" },
  { link: "Site health", heading: "Site health" },
  { link: "Users", heading: "Users" },
  { link: "Audit log", heading: "Audit log" },
] as const;

const adminNav = (page: Page) => page.getByRole("navigation", { name: "Admin" });

test("on a desktop the sidebar reaches every admin screen and marks the current one", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsOwner(page);
  await expect(page.getByRole("button", { name: "Open menu" })).toBeHidden();
  for (const { link, heading } of SCREENS) {
    await adminNav(page).getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(adminNav(page).getByRole("link", { name: link })).toHaveAttribute("aria-current", "page");
    await expect(adminNav(page).locator('[aria-current="page"]')).toHaveCount(1);
  }
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
});

test("on a phone the menu button opens the same navigation, and choosing a screen closes it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsOwner(page);
  await expect(adminNav(page)).toBeHidden();
  for (const { link, heading } of SCREENS) {
    await page.getByRole("button", { name: "Open menu" }).click();
    const drawer = page.getByRole("dialog", { name: "Admin menu" });
    await expect(drawer).toBeVisible();
    await drawer.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(drawer).toBeHidden();
    // Nothing wider than the phone: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), heading).toBeLessThanOrEqual(390);
  }
  // Escape closes the drawer and gives focus back to the button that opened it.
  const button = page.getByRole("button", { name: "Open menu" });
  await button.click();
  await expect(page.getByRole("dialog", { name: "Admin menu" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Admin menu" })).toBeHidden();
  await expect(button).toBeFocused();
});

test("the colour scheme can be chosen in the account menu and is kept on the next page", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signInAsOwner(page);
  const background = () =>
    page.evaluate(
      () => getComputedStyle(document.querySelector("main")!.parentElement!.parentElement!).backgroundColor,
    );
  const light = await background();
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await page.goto("/admin/posts");
  await expect(page.getByRole("heading", { level: 1, name: "Posts" })).toBeVisible();
  expect(await background()).toBe(dark);
  // Reader pages never see the choice: they follow the system.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "quire-admin-theme")).toMatchObject({ value: "dark", path: "/admin" });
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitemradio", { name: "Match the system" }).click();
  await expect.poll(background).toBe(light);
});

test("axe finds no violations on any admin page, in light and in dark", async ({ page }) => {
  test.setTimeout(240_000); // about twenty pages through axe twice on a shared machine
  const post = await createPost({ title: `Axe walk ${unique()}`, status: "draft" });
  await signInAsOwner(page);
  // The admin follows the system's scheme (app/globals.css), so each page loaded once is
  // checked in both: switching the emulated scheme restyles it without a reload.
  const found: string[] = [];
  const backgrounds = new Set<string>(); // two, if the switch did restyle the page
  async function inBothSchemes(where: string) {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Colour transitions run to their end before axe reads the contrast.
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      backgrounds.add(
        await page.evaluate(
          () => getComputedStyle(document.querySelector("main")!.parentElement!.parentElement!).backgroundColor,
        ),
      );
      const { violations } = await new AxeBuilder({ page }).analyze();
      found.push(
        ...violations.map((v) => `${where} (${scheme}): ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      );
    }
  }
  const paths = [
    "/admin",
    "/admin/posts",
    "/admin/posts?status=draft",
    "/admin/posts/new",
    `/admin/posts/${post.id}`,
    `/admin/posts/${post.id}/history`,
    "/admin/pages",
    "/admin/pages/new",
    "/admin/comments",
    "/admin/tags",
    "/admin/media",
    "/admin/design",
    "/admin/settings",
    "/admin/settings/integrations",
    "/admin/settings/import-export",
    "/admin/health",
    "/admin/analytics",
    "/admin/users",
    "/admin/audit",
    "/admin/profile",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await inBothSchemes(path);
  }
  // The open account menu and the phone's drawer are part of the frame too.
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await inBothSchemes("account menu");
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(page.getByRole("dialog", { name: "Admin menu" })).toBeVisible();
  await inBothSchemes("drawer");
  expect(found).toEqual([]);
  expect(backgrounds.size).toBe(2);
});
