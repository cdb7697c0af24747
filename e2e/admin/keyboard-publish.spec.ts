import { expect, type Locator, type Page, test } from "../fixtures/test";
import { localMinute, siteTimezone } from "../fixtures/admin";
import { makeScheduledPostDue } from "../fixtures/content";
import { createStaff } from "../fixtures/db";
import { unique } from "../fixtures/site";

// Every move below is a key press: no clicks, no fill(). Each stop Tab lands on must show where
// focus is (an outline), or a keyboard user is lost.

async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    // Chromium's own calendar button inside a date-time field: the field stays document.activeElement
    // but matches no :focus; the browser draws that button's focus ring itself.
    const pickerButton = element.matches("input[type='datetime-local']") && !element.matches(":focus");
    return {
      what: `${element.tagName} ${element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40)}`,
      outline: pickerButton || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0),
    };
  });
  expect(focus, "something has focus").not.toBeNull();
  expect(focus!.outline, `${focus!.what} shows its focus`).toBe(true);
}

// Keys pressed other than the text typed (the README's step counts come from this journey).
let keys = 0;
async function press(page: Page, key: string) {
  keys++;
  await page.keyboard.press(key);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking every stop on the way shows it. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let presses = 0; presses < max; presses++) {
    await press(page, back ? "Shift+Tab" : "Tab");
    await expectVisibleFocus(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test("an editor writes, schedules and publishes posts with the keyboard alone", async ({ browser }) => {
  test.setTimeout(120_000);
  const person = await createStaff({
    role: "editor",
    email: `keys-${unique()}@example.com`,
    name: `Keys ${unique()}`,
    password: "editor password 123",
  });
  // en-US: the date-time field's parts are month, day, year, then hour, minute, AM/PM.
  const context = await browser.newContext({ reducedMotion: "reduce", locale: "en-US" });
  const page = await context.newPage();

  await page.goto("/admin/login");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(person.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(person.password);
  await press(page, "Enter");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // The first post: written, saved with Ctrl+S, scheduled through the publish menu.
  keys = 0;
  const scheduledTitle = `Tide tables ${unique()}`;
  await tabTo(page, page.getByRole("link", { name: "New post" }));
  await press(page, "Enter");
  await expect(page.getByRole("heading", { name: "New post" })).toBeVisible();
  await tabTo(page, page.getByLabel("Title", { exact: true }));
  await page.keyboard.type(scheduledTitle);
  await tabTo(page, page.getByLabel("Body (Markdown)"));
  await page.keyboard.type("High water at noon, low water at six.");
  await press(page, "Control+s");
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?done=saved$/);
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  const scheduledSlug = await page.getByLabel("Slug").inputValue();

  await tabTo(page, page.getByRole("button", { name: "Publish", exact: true }));
  await press(page, "Enter");
  const menu = page.getByRole("dialog", { name: "Publish" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("button", { name: "Publish now" })).toBeFocused();
  await tabTo(page, menu.getByLabel(/Publish at/));
  // A minute or two ahead on the site's clock, typed part by part.
  const at = new Date(Date.now() + 90_000);
  const [date, time] = localMinute(at, await siteTimezone()).split("T") as [string, string];
  const [year, month, day] = date.split("-");
  const [hour, minute] = time.split(":");
  const hour12 = String(((Number(hour) + 11) % 12) + 1).padStart(2, "0");
  await page.keyboard.type(`${month}${day}${year}`);
  await press(page, "Tab"); // Tab moves from the date's parts to the time's
  await page.keyboard.type(`${hour12}${minute}${Number(hour) < 12 ? "A" : "P"}`);
  await expect(menu.getByLabel(/Publish at/)).toHaveValue(`${date}T${time}`);
  await tabTo(page, menu.getByRole("button", { name: "Schedule" }));
  await press(page, "Enter");
  await expect(page.getByRole("status").filter({ hasText: "Scheduled for" })).toBeVisible();
  await expect(page.getByText("Status: Scheduled")).toBeVisible();
  test.info().annotations.push({ type: "keys from the dashboard to scheduled", description: String(keys) });

  // Reduced motion asked for: the toast appears without a transition.
  const toast = page.locator("[data-sonner-toast]").first();
  expect(await toast.evaluate((element) => getComputedStyle(element).transitionDuration)).toMatch(/^0s(, 0s)*$/);

  // The second post: back to the sidebar, a new post, published at once from the same menu.
  const publishedTitle = `Harbour lights ${unique()}`;
  keys = 0;
  await tabTo(page, page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Posts" }), {
    back: true,
  });
  await press(page, "Enter");
  await expect(page.getByRole("heading", { name: "Posts", level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "New post" }));
  await press(page, "Enter");
  await expect(page.getByRole("heading", { name: "New post" })).toBeVisible();
  await tabTo(page, page.getByLabel("Title", { exact: true }));
  await page.keyboard.type(publishedTitle);
  await tabTo(page, page.getByLabel("Body (Markdown)"));
  await page.keyboard.type("The lighthouse keeper lit the lamp at dusk.");
  // The publish menu is in the bar above the text: back up to it.
  await tabTo(page, page.getByRole("button", { name: "Publish", exact: true }), { back: true });
  await press(page, "Enter");
  await expect(page.getByRole("button", { name: "Publish now" })).toBeFocused();
  await press(page, "Enter");
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?done=published$/);
  await expect(page.getByText("Status: Published")).toBeVisible();
  test
    .info()
    .annotations.push({ type: "keys from a scheduled post's editor to another published", description: String(keys) });
  console.log(
    test
      .info()
      .annotations.map((note) => `${note.type}: ${note.description}`)
      .join("\n"),
  );
  const publishedSlug = await page.getByLabel("Slug").inputValue();

  // On the site: the published post now, the scheduled one not before its time, and then by
  // itself once it is due (made due now: the scheduler's own journey is author-schedules-post).
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/${publishedSlug}`);
  await expect(reader.getByRole("heading", { name: publishedTitle })).toBeVisible();
  expect((await reader.goto(`/${scheduledSlug}`))!.status()).toBe(404);
  await makeScheduledPostDue(scheduledSlug, at);
  await expect(async () => {
    const response = await reader.goto(`/${scheduledSlug}`);
    expect(response!.status()).toBe(200);
  }).toPass({ timeout: 20_000, intervals: [1_000] });
  await expect(reader.getByRole("heading", { name: scheduledTitle })).toBeVisible();
  await context.close();
});
