import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createAnalytics, deviceClass, isReaderView, referrerHost } from "@/bin/server/analytics.mjs";
import { openDataVersion } from "@/bin/server/data-version.mjs";
import { addAnalytics, analyticsRows, analyticsSummary, sweepAnalytics } from "@/db/queries/analytics";
import { saveSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { databaseKind } from "@/db/kind";
import { analyticsDaily } from "@/db/schema";
import { write } from "@/db/transaction";
import { migratedDb } from "@/test/helpers";
import { csvField } from "./csv";
import { type AnalyticsBuffer, analyticsPass } from "./flush";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const PIXEL =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";
const IPAD =
  "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const GALAXY_TAB =
  "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROME_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

const DAY1 = Date.parse("2026-03-01T12:00:00Z");
const DAY2 = Date.parse("2026-03-02T00:00:01Z");

const view = (overrides: Partial<Parameters<ReturnType<typeof createAnalytics>["view"]>[0]> = {}) => ({
  path: "/hello",
  userAgent: FIREFOX,
  referer: undefined,
  host: "blog.example",
  address: "203.0.113.1",
  ...overrides,
});

const rows = async () =>
  await getDb()
    .select({
      day: analyticsDaily.day,
      dimension: analyticsDaily.dimension,
      key: analyticsDaily.key,
      count: analyticsDaily.count,
    })
    .from(analyticsDaily)
    .orderBy(analyticsDaily.day, analyticsDaily.dimension, analyticsDaily.key);

// Every stored day, on purpose: each test starts with none.
// eslint-disable-next-line drizzle/enforce-delete-with-where
const deleteAllDays = () => write((db) => db.delete(analyticsDaily));

beforeEach(async () => {
  migratedDb();
  await deleteAllDays();
});

describe("counting in memory", () => {
  it("tells phones, tablets and desktops apart", () => {
    expect([IPHONE, PIXEL, IPAD, GALAXY_TAB, FIREFOX, CHROME_MAC].map(deviceClass)).toEqual([
      "mobile",
      "mobile",
      "tablet",
      "tablet",
      "desktop",
      "desktop",
    ]);
  });

  it("keeps another site's host as the referrer, none as direct, and drops this site's own", () => {
    expect(referrerHost(undefined, "blog.example")).toBe("");
    expect(referrerHost("https://www.news.example/item?id=1", "blog.example")).toBe("news.example");
    expect(referrerHost("https://blog.example/other-post", "blog.example:3000")).toBeNull();
    expect(referrerHost("not a url", "blog.example")).toBe("");
  });

  it("counts bots apart: not in views, paths, devices or visitors", () => {
    const analytics = createAnalytics({ now: () => DAY1 });
    analytics.view(view({ userAgent: GOOGLEBOT }));
    analytics.view(view({ userAgent: "" }));
    analytics.view(view({ userAgent: IPHONE, referer: "https://news.example/" }));
    const [day] = analytics.drain();
    expect(day).toMatchObject({ day: "2026-03-01", views: 1, visitors: 1, bots: 2 });
    expect([...day!.paths]).toEqual([["/hello", 1]]);
    expect([...day!.devices]).toEqual([["mobile", 1]]);
    expect([...day!.referrers]).toEqual([["news.example", 1]]);
  });

  it("counts a visitor once a day by address and user agent, and again on the next UTC day", () => {
    let now = DAY1;
    const analytics = createAnalytics({ now: () => now });
    analytics.view(view());
    analytics.view(view({ path: "/other" }));
    analytics.view(view({ userAgent: CHROME_MAC })); // same address, another browser
    analytics.view(view({ address: "203.0.113.2" }));
    expect(analytics.drain()).toMatchObject([{ day: "2026-03-01", views: 4, visitors: 3 }]);
    analytics.view(view()); // still day 1, after a drain: the Set remembers
    now = DAY2;
    analytics.view(view()); // a new day, a new salt: a new visitor
    expect(analytics.drain()).toMatchObject([
      { day: "2026-03-01", views: 1, visitors: 0 },
      { day: "2026-03-02", views: 1, visitors: 1 },
    ]);
    expect(analytics.drain()).toEqual([]);
  });

  it("counts the same on one connection: a connection's repeat visitor once, another visitor through it (a proxy's) anew", () => {
    let now = DAY1;
    const analytics = createAnalytics({ now: () => now });
    const browser = {}; // a socket kept alive across page views
    const proxy = {};
    analytics.view(view({ connection: browser }));
    analytics.view(view({ path: "/other", connection: browser }));
    analytics.view(view({ userAgent: IPHONE, connection: browser })); // another browser, same address
    analytics.view(view({ userAgent: IPHONE, connection: browser }));
    analytics.view(view({ connection: proxy })); // the first visitor again, through another connection
    analytics.view(view({ address: "203.0.113.9", connection: proxy }));
    analytics.view(view({ userAgent: GOOGLEBOT, connection: proxy }));
    analytics.view(view({ address: "203.0.113.9", connection: proxy })); // back: not its last visitor, but seen today
    expect(analytics.drain()).toMatchObject([{ day: "2026-03-01", views: 7, visitors: 3, bots: 1 }]);
    now = DAY2;
    analytics.view(view({ connection: browser })); // a new day: counted again on the same connection
    const [day2] = analytics.drain();
    expect(day2).toMatchObject({ day: "2026-03-02", views: 1, visitors: 1 });
    expect([...day2!.devices]).toEqual([["desktop", 1]]);
  });

  it("counts nothing when turned off", () => {
    const analytics = createAnalytics({ now: () => DAY1 });
    analytics.enabled = false;
    analytics.view(view());
    expect(analytics.drain()).toEqual([]);
  });

  it("counts only GET reader pages answered 200, not prefetches nor signed-in staff", () => {
    const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers });
    expect(isReaderView(request("GET"), 200, "reader")).toBe(true);
    expect(isReaderView(request("GET", { cookie: "theme=dark" }), 200, "reader")).toBe(true);
    expect(isReaderView(request("HEAD"), 200, "reader")).toBe(false);
    expect(isReaderView(request("GET"), 404, "reader")).toBe(false);
    expect(isReaderView(request("GET"), 304, "reader")).toBe(false);
    expect(isReaderView(request("GET"), 200, "feed")).toBe(false);
    expect(isReaderView(request("GET"), 200, "admin")).toBe(false);
    expect(isReaderView(request("GET", { "next-router-prefetch": "1" }), 200, "reader")).toBe(false);
    expect(isReaderView(request("GET", { "sec-purpose": "prefetch" }), 200, "reader")).toBe(false);
    expect(isReaderView(request("GET", { cookie: "authjs.session-token=abc" }), 200, "reader")).toBe(false);
  });
});

describe("writing the counts", () => {
  it("adds up what several processes flush for the same day", async () => {
    const one = createAnalytics({ now: () => DAY1 });
    const two = createAnalytics({ now: () => DAY1 });
    one.view(view({ referer: "https://news.example/" }));
    one.view(view({ userAgent: IPHONE }));
    two.view(view()); // the same person through another process counts again: estimates add
    two.view(view({ path: "/other", userAgent: GOOGLEBOT }));
    await addAnalytics(one.drain());
    await addAnalytics(two.drain());
    one.view(view({ path: "/other", userAgent: IPAD, address: "198.51.100.7" }));
    await addAnalytics(one.drain());
    expect(await rows()).toEqual([
      { day: "2026-03-01", dimension: "bots", key: "", count: 1 },
      { day: "2026-03-01", dimension: "device", key: "desktop", count: 2 },
      { day: "2026-03-01", dimension: "device", key: "mobile", count: 1 },
      { day: "2026-03-01", dimension: "device", key: "tablet", count: 1 },
      { day: "2026-03-01", dimension: "path", key: "/hello", count: 3 },
      { day: "2026-03-01", dimension: "path", key: "/other", count: 1 },
      { day: "2026-03-01", dimension: "referrer", key: "", count: 3 },
      { day: "2026-03-01", dimension: "referrer", key: "news.example", count: 1 },
      { day: "2026-03-01", dimension: "views", key: "", count: 4 },
      { day: "2026-03-01", dimension: "visitors", key: "", count: 4 },
    ]);
    const summary = await analyticsSummary("2026-02-28", "2026-03-02");
    expect(summary.daily).toEqual([
      { day: "2026-02-28", views: 0, visitors: 0, bots: 0 },
      { day: "2026-03-01", views: 4, visitors: 4, bots: 1 },
      { day: "2026-03-02", views: 0, visitors: 0, bots: 0 },
    ]);
    expect(summary.totals).toEqual({ views: 4, visitors: 4, bots: 1 });
    expect(summary.topPaths.map((p) => [p.key, p.count])).toEqual([
      ["/hello", 3],
      ["/other", 1],
    ]);
    expect(await analyticsRows("2026-03-01", "2026-03-01")).toHaveLength(10);
  });

  it("drops what was counted when the setting is off, and sweeps days past the retention", async () => {
    const analytics = createAnalytics({ now: () => DAY1 });
    const buffer = analytics as unknown as AnalyticsBuffer;
    await saveSettings(migratedDb(), { analyticsEnabled: false, analyticsRetentionDays: 90 });
    analytics.view(view());
    await analyticsPass(buffer, DAY1);
    expect(analytics.enabled).toBe(false);
    expect(await rows()).toEqual([]);
    analytics.view(view()); // off: not even counted in memory
    await saveSettings(migratedDb(), { analyticsEnabled: true });
    await analyticsPass(buffer, DAY1);
    expect(await rows()).toEqual([]);
    analytics.view(view());
    await analyticsPass(buffer, DAY1);
    expect(await rows()).toContainEqual({ day: "2026-03-01", dimension: "views", key: "", count: 1 });
    // 100 days later the day is past 90 days of retention (the sweep runs hourly).
    expect(await sweepAnalytics("2026-03-01")).toBe(0);
    await analyticsPass(buffer, DAY1 + 100 * 86_400_000);
    expect(await rows()).toEqual([]);
  });

  // SQLite's page cache watches the file's data_version (bin/server/data-version.mjs); on
  // PostgreSQL the caches learn of commits from notifications that analytics_daily does not send.
  it.skipIf(databaseKind() === "postgres")(
    "written through the page cache's watcher, leaves that watcher's data_version alone",
    async () => {
      const db = migratedDb();
      const file = path.join(process.env.QUIRE_DATA_DIR!, "quire.db");
      const version = openDataVersion(file)!;
      const analytics = createAnalytics({ now: () => DAY1 });
      analytics.connection = version.connection;
      const before = version();
      analytics.view(view());
      await analyticsPass(analytics as unknown as AnalyticsBuffer, DAY1);
      expect(await rows()).toContainEqual({ day: "2026-03-01", dimension: "views", key: "", count: 1 });
      expect(version()).toBe(before); // the page cache stays full
      db.$client.exec("DELETE FROM analytics_daily"); // any other connection's commit is seen
      expect(version()).not.toBe(before);
      version.connection.close();
    },
  );
});

describe("the CSV export", () => {
  it("quotes commas and quotes, and defuses what a spreadsheet would run", () => {
    expect(csvField("/plain-path")).toBe("/plain-path");
    expect(csvField('/a,"b"')).toBe('"/a,""b"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("")).toBe("");
  });
});
