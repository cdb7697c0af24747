// Cookie-free analytics: reader page views counted by the server (page cache hits too),
// visitors estimated per day, shown on /admin/analytics; axe-clean in light and dark.
import AxeBuilder from "@axe-core/playwright";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import path from "node:path";
import { expect, test } from "../fixtures/test";
import { signInAsOwner } from "../fixtures/site";
import { QuireServer, extraPort, makeSite } from "../hostile/own-server";

const PASSWORD = "analytics owner password";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

test("10 page views from 3 clients through the page cache show as 10 views and 3 visitors", async ({ browser }) => {
  test.setTimeout(180_000);
  const site = await makeSite(2, "quire-analytics-");
  const db = new Database(path.join(site.dataDir, "quire.db"));
  db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(await hash(PASSWORD), site.ownerId);
  db.close();
  // Behind a proxy: the client address is the last X-Forwarded-For hop, as nginx would set it.
  const server = new QuireServer(site.dataDir, extraPort(10), { QUIRE_TRUST_PROXY: "1" });
  await server.start();
  try {
    const clients = [
      { address: "203.0.113.1", agent: FIREFOX },
      { address: "203.0.113.2", agent: FIREFOX },
      { address: "198.51.100.3", agent: IPHONE },
    ];
    const [first, second] = site.posts.map((post) => `/${post.slug}`) as [string, string];
    // 10 views: client 0 reads 4 pages, client 1 reads 3, client 2 (a phone) 3; two come from a link elsewhere.
    const views: [number, string, string?][] = [
      [0, first],
      [0, first],
      [0, second],
      [0, "/"],
      [1, first],
      [1, first, "https://news.example/item?id=7"],
      [1, second],
      [2, first, "https://news.example/"],
      [2, first],
      [2, second],
    ];
    const caches: string[] = [];
    for (const [client, url, referer] of views) {
      const { address, agent } = clients[client]!;
      const response = await fetch(`${server.url}${url}`, {
        headers: { "x-forwarded-for": address, "user-agent": agent, ...(referer ? { referer } : {}) },
      });
      expect(response.status).toBe(200);
      // No cookie, ever, on a reader page.
      expect(response.headers.get("set-cookie")).toBeNull();
      caches.push(response.headers.get("x-quire-cache") ?? "");
      await response.arrayBuffer();
    }
    expect(caches.filter((cache) => cache === "hit").length).toBeGreaterThanOrEqual(5);
    // Not views: a crawler (counted apart), a 404, a router prefetch, a feed.
    for (const [url, headers] of [
      [first, { "user-agent": GOOGLEBOT }],
      ["/no-such-page", { "user-agent": FIREFOX }],
      [second, { "user-agent": FIREFOX, "next-router-prefetch": "1", rsc: "1" }],
      ["/rss.xml", { "user-agent": FIREFOX }],
    ] as const) {
      await (await fetch(`${server.url}${url}`, { headers: { "x-forwarded-for": "192.0.2.9", ...headers } })).text();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByLabel("Email").fill("owner@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${server.url}/admin`);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Analytics" }).click();
    await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
    // The server writes its counts every 5 s.
    const total = (label: string) => page.locator("dl > div").filter({ has: page.getByText(label, { exact: true }) });
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await total("Views").locator("dd").textContent())?.trim();
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toBe("10");
    await expect(total("Visitors").locator("dd")).toHaveText("3");
    await expect(total("Bot views (not counted above)").locator("dd")).toHaveText("1");
    const topPages = page.getByRole("region", { name: "Top pages" }).getByRole("table");
    await expect(topPages.getByRole("row", { name: /Hostile post 0 \(\/hostile-post-0\) 6 60 %/ })).toBeVisible();
    await expect(topPages.getByRole("row", { name: /Hostile post 1 \(\/hostile-post-1\) 3 30 %/ })).toBeVisible();
    const referrers = page.getByRole("region", { name: "Top referrers" }).getByRole("table");
    await expect(referrers.getByRole("row", { name: "Direct or unknown 8 80 %" })).toBeVisible();
    await expect(referrers.getByRole("row", { name: "news.example 2 20 %" })).toBeVisible();
    const devices = page.getByRole("region", { name: "Devices" }).getByRole("table");
    await expect(devices.getByRole("row", { name: "Desktop 7 70 %" })).toBeVisible();
    await expect(devices.getByRole("row", { name: "Mobile 3 30 %" })).toBeVisible();
    // The chart's numbers as a table.
    await page.getByText("Show the numbers per day").click();
    const today = new Date().toISOString().slice(0, 10);
    await expect(
      page.getByRole("table", { name: "Views and visitors per day" }).getByRole("row", { name: today }),
    ).toHaveText(new RegExp(`${today}\\s*10\\s*3\\s*1`));

    // The CSV export.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the last 7 days as CSV" }).click();
    const file = await (await download).path();
    const csv = (await import("node:fs")).readFileSync(file, "utf8");
    expect(csv.split("\r\n")[0]).toBe("day,dimension,key,count");
    expect(csv).toContain(`${today},views,,10\r\n`);
    expect(csv).toContain(`${today},visitors,,3\r\n`);
    expect(csv).toContain(`${today},path,/hostile-post-0,6\r\n`);
    expect(csv).toContain(`${today},referrer,news.example,2\r\n`);
    expect(csv).not.toMatch(/203\.0\.113|198\.51\.100|Mozilla/);

    // Each post's views in the posts list.
    await page.goto(`${server.url}/admin/posts`);
    await expect(page.getByRole("columnheader", { name: "Views" })).toBeVisible();
    const row = (title: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
    await expect(row("Hostile post 0").getByRole("cell").last()).toHaveText("6");
    await expect(row("Hostile post 1").getByRole("cell").last()).toHaveText("3");
    // …and in the editor's settings panel of the published post.
    await row("Hostile post 0").getByRole("link", { name: "Hostile post 0" }).click();
    const panel = page.getByRole("complementary", { name: "Post settings" });
    await expect(panel.getByText("6 page views by readers")).toBeVisible();

    // Turned off in the settings: nothing more is counted.
    await page.goto(`${server.url}/admin/settings`);
    const settings = page.getByRole("region", { name: "Analytics", exact: true });
    await settings.getByLabel("Count reader page views").uncheck();
    await settings.getByRole("button", { name: "Save analytics settings" }).click();
    // The confirmation comes as a toast (role=status) at the foot of the admin.
    await expect(
      page.getByRole("status").filter({ hasText: "Analytics turned off: nothing is counted now." }),
    ).toBeVisible();
    await page.waitForTimeout(6_000); // the server reads the setting on its next pass (every 5 s)
    for (const { address, agent } of clients) {
      const response = await fetch(`${server.url}${first}`, {
        headers: { "x-forwarded-for": address, "user-agent": agent },
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    await page.waitForTimeout(6_000);
    await page.goto(`${server.url}/admin/analytics?days=7`);
    await expect(page.getByRole("status").filter({ hasText: "Analytics is turned off" })).toBeVisible();
    await expect(total("Views").locator("dd")).toHaveText("10");
    await context.close();
  } finally {
    await server.stop();
  }
  // Nothing about a client is stored: no address, no user agent, in any table.
  const stored = new Database(path.join(site.dataDir, "quire.db"), { readonly: true });
  const dump = JSON.stringify(stored.prepare("SELECT * FROM analytics_daily").all());
  stored.close();
  expect(dump).not.toMatch(/203\.0\.113|198\.51\.100|Mozilla|iPhone/);
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations on /admin/analytics and the settings (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signInAsOwner(page);
    await page.goto("/admin/analytics?days=90");
    await expect(page.getByRole("img", { name: /Views and visitors per day/ })).toBeVisible();
    await page.getByText("Show the numbers per day").click();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.goto("/admin/settings");
    await expect(page.getByLabel("Count reader page views")).toBeChecked();
    const settings = await new AxeBuilder({ page })
      .include("#main section[aria-labelledby='analytics-settings']")
      .analyze();
    expect(settings.violations.map((v) => v.id)).toEqual([]);
  });
}

test("what was counted since the last write is written at shutdown", async () => {
  test.setTimeout(120_000);
  const site = await makeSite(1, "quire-analytics-stop-");
  const server = new QuireServer(site.dataDir, extraPort(11));
  await server.start();
  try {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${server.url}/${site.posts[0]!.slug}`, { headers: { "user-agent": FIREFOX } });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  } finally {
    await server.stop(); // SIGTERM at once: well within the 5 s between writes
  }
  const db = new Database(path.join(site.dataDir, "quire.db"), { readonly: true });
  const views = db.prepare("SELECT count FROM analytics_daily WHERE dimension = 'views'").pluck().get();
  db.close();
  expect(views).toBe(3);
});
