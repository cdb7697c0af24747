import client from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetrics, metricsAllowed } from "./metrics.mjs";
import { routeClass } from "./route-class.mjs";

describe("who may read /metrics", () => {
  it("without a token: loopback only", () => {
    expect(metricsAllowed({ clientAddress: "127.0.0.1", token: undefined })).toBe(true);
    expect(metricsAllowed({ clientAddress: "::1", token: undefined })).toBe(true);
    expect(metricsAllowed({ clientAddress: "::ffff:127.0.0.1", token: undefined })).toBe(true);
    expect(metricsAllowed({ clientAddress: "10.0.0.5", token: undefined })).toBe(false);
    expect(metricsAllowed({ clientAddress: null, token: undefined })).toBe(false);
  });

  it("with a token: whoever sends it, loopback included, and no one else", () => {
    const token = "sixteen-chars-or-more";
    expect(metricsAllowed({ clientAddress: "203.0.113.1", authorization: `Bearer ${token}`, token })).toBe(true);
    expect(metricsAllowed({ clientAddress: "127.0.0.1", authorization: undefined, token })).toBe(false);
    expect(metricsAllowed({ clientAddress: "203.0.113.1", authorization: "Bearer sixteen-chars-or-mor", token })).toBe(
      false,
    );
    expect(metricsAllowed({ clientAddress: "203.0.113.1", authorization: `Basic ${token}`, token })).toBe(false);
  });
});

describe("route classes", () => {
  it.each([
    ["/", "reader"],
    ["/a-post?x=1", "reader"],
    ["/tag/news", "reader"],
    ["/rss.xml", "feed"],
    ["/tag/news/atom.xml", "feed"],
    ["/sitemap.xml", "feed"],
    ["/admin", "admin"],
    ["/admin/posts", "admin"],
    ["/administrator", "reader"],
    ["/api/health", "api"],
    ["/ghost/api/content/posts/", "api"],
    ["/media/2026/12/a.webp", "media"],
    ["/_next/static/chunks/a.js", "static"],
    ["/favicon.ico", "static"],
    ["/metrics", "metrics"],
  ])("%s is %s", (url, kind) => {
    expect(routeClass(url)).toBe(kind);
  });
});

describe("the instance label", () => {
  it("is on every sample this process reports, so instances scraped together stay apart", async () => {
    const metrics = createMetrics({ instance: "web-1:3000:4242" });
    metrics.request("reader", 200, 0.004);
    metrics.cache("hit");
    const samples = (await client.register.metrics()).split("\n").filter((line) => line && !line.startsWith("#"));
    expect(samples.length).toBeGreaterThan(20);
    expect(samples.filter((line) => !line.includes('instance="web-1:3000:4242"'))).toEqual([]);
    expect(samples).toContain('quire_http_requests_total{route="reader",status="200",instance="web-1:3000:4242"} 1');
  });
});
