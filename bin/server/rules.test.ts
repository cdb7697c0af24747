import { describe, expect, it } from "vitest";
import {
  bypassReason,
  directRoute,
  MAX_DIRECT_BODY,
  etagMatches,
  isCompressible,
  negotiateEncoding,
  READER_CACHE_CONTROL,
  storableCacheControl,
} from "./rules.mjs";

const get = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  bypassReason({ method, url, headers });

describe("which requests the page cache answers", () => {
  it("takes anonymous GETs and HEADs of reader pages and feeds", () => {
    for (const url of [
      "/",
      "/page/2",
      "/a-post",
      "/tag/news",
      "/author/ann",
      "/archive",
      "/search?q=sqlite",
      "/rss.xml",
      "/feed.json",
      "/a-post/comments.xml",
      "/sitemap.xml",
      "/robots.txt",
    ]) {
      expect(get(url), url).toBeNull();
    }
    expect(get("/", {}, "HEAD")).toBeNull();
  });

  it("never takes the admin, APIs, Next's files, uploads or unsubscribe links, however spelled", () => {
    for (const url of [
      "/admin",
      "/admin/posts",
      "/ADMIN/posts",
      "/%61dmin/posts",
      "/api/health",
      "/ghost/api/content/posts",
      "/_next/static/x.js",
      "/_next/image?url=x",
      "/media/a.jpg",
      "/unsubscribe?token=x",
      "//admin",
      "/a\\b",
      "/%E0%A4%A",
    ]) {
      expect(get(url), url).not.toBeNull();
    }
    expect(get("x")).toBe("url");
    expect(get(`/${"a".repeat(1100)}`)).toBe("url");
  });

  it("never takes writes, signed-in or Auth.js cookies, credentials or the client router's requests", () => {
    expect(get("/", {}, "POST")).toBe("method");
    expect(get("/", { cookie: "authjs.session-token=abc" })).toBe("session");
    expect(get("/", { cookie: "theme=dark; __Secure-authjs.session-token.0=abc" })).toBe("session");
    expect(get("/", { cookie: "authjs.csrf-token=abc" })).toBe("session");
    expect(get("/", { cookie: "theme=dark" })).toBeNull();
    expect(get("/", { authorization: "Bearer x" })).toBe("authorization");
    expect(get("/", { rsc: "1" })).toBe("router");
    expect(get("/", { "next-router-prefetch": "1" })).toBe("router");
    expect(get("/?_rsc=abc")).toBe("router");
  });
});

describe("which requests the front answers with the app's handler (direct.mjs)", () => {
  const json = { "content-type": "application/json", "content-length": "120", origin: "http://blog.example" };
  const post = (headers: Record<string, string>, url = "/api/comments", method = "POST") =>
    directRoute({ method, url, headers });

  it("takes a reader's JSON comment with a declared length", () => {
    expect(post(json)).toBe("/api/comments");
    expect(post({ ...json, "content-type": "application/json; charset=utf-8" })).toBe("/api/comments");
    expect(post({ ...json, cookie: "theme=dark" })).toBe("/api/comments");
    expect(post({ ...json, "content-length": String(MAX_DIRECT_BODY) })).toBe("/api/comments");
  });

  it("leaves to Next staff sessions, other paths and methods, and bodies its limits must judge", () => {
    const refused: [string, string | null][] = [
      ["a session cookie", post({ ...json, cookie: "authjs.session-token=abc" })],
      ["a secure session cookie", post({ ...json, cookie: "a=1; __Secure-authjs.session-token.0=abc" })],
      ["Auth.js's CSRF cookie", post({ ...json, cookie: "authjs.csrf-token=abc" })],
      ["an Authorization header", post({ ...json, authorization: "Bearer x" })],
      ["a server action", post({ ...json, "next-action": "abc" })],
      ["a form body", post({ ...json, "content-type": "multipart/form-data; boundary=x" })],
      ["no content type", post({ "content-length": "120" })],
      ["no declared length", post({ "content-type": "application/json" })],
      ["a chunked body", post({ ...json, "transfer-encoding": "chunked" })],
      ["a body past the limit", post({ ...json, "content-length": String(MAX_DIRECT_BODY + 1) })],
      ["a length that is no number", post({ ...json, "content-length": "12e3" })],
      ["a query", post(json, "/api/comments?x=1")],
      ["a trailing slash", post(json, "/api/comments/")],
      ["another route", post(json, "/api/comments/own")],
      ["a GET", post(json, "/api/comments", "GET")],
    ];
    for (const [what, answer] of refused) expect(answer, what).toBeNull();
  });
});

describe("encoding negotiation", () => {
  it("prefers brotli, then gzip, honouring q-values and *", () => {
    expect(negotiateEncoding(undefined)).toBe("identity");
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("deflate")).toBe("identity");
    expect(negotiateEncoding("identity")).toBe("identity");
  });

  it("compresses text only, and only when it pays", () => {
    expect(isCompressible("text/html; charset=utf-8", 5000)).toBe(true);
    expect(isCompressible("application/rss+xml", 5000)).toBe(true);
    expect(isCompressible("application/feed+json", 5000)).toBe(true);
    expect(isCompressible("text/html", 200)).toBe(false);
    expect(isCompressible("image/png", 50_000)).toBe(false);
    expect(isCompressible(undefined, 50_000)).toBe(false);
  });

  it("matches If-None-Match lists, weak tags and *", () => {
    expect(etagMatches('"a", W/"b"', '"b"')).toBe(true);
    expect(etagMatches("*", '"b"')).toBe(true);
    expect(etagMatches('"a"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});

describe("which responses are stored", () => {
  it("stores 200s without cookies, replacing Next's dynamic no-store with must-revalidate", () => {
    const dynamic = { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" };
    expect(storableCacheControl({ status: 200, headers: dynamic })).toBe(READER_CACHE_CONTROL);
    expect(storableCacheControl({ status: 200, headers: {} })).toBe(READER_CACHE_CONTROL);
    expect(storableCacheControl({ status: 200, headers: { "cache-control": "public, max-age=3600" } })).toBe(
      "public, max-age=3600",
    );
  });

  it("refuses errors, cookies, explicit private or no-store, and encoded bodies", () => {
    expect(storableCacheControl({ status: 404, headers: {} })).toBeNull();
    expect(storableCacheControl({ status: 200, headers: { "set-cookie": ["a=b"] } })).toBeNull();
    expect(storableCacheControl({ status: 200, headers: { "cache-control": "no-store" } })).toBeNull();
    expect(storableCacheControl({ status: 200, headers: { "cache-control": "private, max-age=60" } })).toBeNull();
    expect(storableCacheControl({ status: 200, headers: { "content-encoding": "gzip" } })).toBeNull();
  });
});
