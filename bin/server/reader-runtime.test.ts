// Reader pages without Next's client runtime, over real HTTP with a stand-in for Next's handler.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_FOUND_PREFIX } from "../../lib/utils/not-found-address.mjs";
import { mayStripRuntime, stripRuntime, withoutReaderRuntime } from "./reader-runtime.mjs";

const NONCE = "abc123";
const RUNTIME =
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/a.js"/>` +
  `<script src="/_next/static/chunks/a.js" async="" nonce="${NONCE}"></script>` +
  `<script nonce="${NONCE}">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>` +
  `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>` +
  `<script nonce="${NONCE}">self.__next_f.push([1,"0:{}"])</script>`;
const JSON_LD = `<script type="application/ld+json">{"@type":"WebSite"}</script>`;
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>A post</title>${RUNTIME}</head><body>${JSON_LD}<main>${body}</main></body></html>`;

const FORM = `<form action="/a-post"><input type="hidden" name="$ACTION_REF_1"/></form>`;
const OURS = `<script src="/comments.js" defer="" nonce="${NONCE}"></script>`;

// Answers as Next does: headers by setHeader, the body in chunks. A page's notFound()
// gives the empty error shell (404), a failure the same shell (500); an address no route
// matches, such as one under the not-found prefix, the server-rendered 404.
const SHELL = page("").replace('<html lang="en">', '<html id="__next_error__">');
function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = (req.url ?? "/").split("?")[0]!;
  const rendered404 = url.startsWith(`${NOT_FOUND_PREFIX}/`);
  res.statusCode = url === "/missing" || rendered404 ? 404 : url === "/shell" ? 500 : 200;
  res.setHeader("content-type", url === "/feed.json" ? "application/json" : "text/html; charset=utf-8");
  res.setHeader("etag", '"next"');
  const html =
    url === "/feed.json"
      ? "{}"
      : url === "/shell" || url === "/missing"
        ? SHELL
        : rendered404
          ? page(`<h1>Page not found</h1><p>${url.slice(NOT_FOUND_PREFIX.length)}</p>`)
          : page(url === "/with-form" ? FORM + OURS : "<p>Words.</p>");
  res.write(html.slice(0, 100));
  res.end(html.slice(100));
}

let server: http.Server;
let origin = "";
beforeAll(async () => {
  server = http.createServer(withoutReaderRuntime(fakeNext));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("reader pages without Next's client runtime", () => {
  it("drops Next's scripts and script preloads, keeping JSON-LD and the page itself", () => {
    const html = stripRuntime(page("<p>Words.</p>"));
    expect(html).not.toContain("<script src=");
    expect(html).not.toContain("__next_f");
    expect(html).not.toContain("TURBOPACK");
    expect(html).not.toContain('as="script"');
    expect(html).toContain(JSON_LD);
    expect(html).toContain("<title>A post</title>");
    expect(html).toContain("<main><p>Words.</p></main>");
  });

  it("answers a reader page without the runtime, with the length of the new body", async () => {
    const response = await fetch(`${origin}/a-post`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain("<p>Words.</p>");
    expect(text).not.toContain("_next/static");
    expect(response.headers.get("x-quire-runtime")).toBe("none");
    expect(response.headers.get("etag")).toBeNull();
  });

  it("answers a page's notFound() with the 404 rendered on the server, without the runtime", async () => {
    const response = await fetch(`${origin}/missing?from=feed`);
    const text = await response.text();
    expect(response.status).toBe(404);
    expect(text).toContain("<h1>Page not found</h1><p>/missing</p>");
    expect(text).not.toContain("__next_error__");
    expect(text).not.toContain("_next/static");
    expect(response.headers.get("x-quire-runtime")).toBe("none");
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
  });

  it("leaves Next's error shell for a failure alone: its runtime renders it in the browser", async () => {
    const response = await fetch(`${origin}/shell`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("/_next/static/chunks/a.js");
    expect(response.headers.get("x-quire-runtime")).toBeNull();
  });

  it("keeps a server-action form and our own script; leaves what is not HTML as it was", async () => {
    const withForm = await (await fetch(`${origin}/with-form`)).text();
    expect(withForm).not.toContain("/_next/static/chunks/a.js");
    expect(withForm).toContain(FORM + OURS);
    expect(await (await fetch(`${origin}/feed.json`)).text()).toBe("{}");
  });

  it("never touches the admin, APIs, Next's files or the client router's requests", () => {
    const get = (url: string, headers: Record<string, string> = {}) => mayStripRuntime({ method: "GET", url, headers });
    expect(get("/a-post")).toBe(true);
    expect(get("/tag/news?page=2")).toBe(true);
    for (const url of ["/admin", "/admin/posts", "/api/health", "/_next/static/a.js", "/media/x.png", "/rss.xml"])
      expect(get(url), url).toBe(false);
    expect(get("/a-post", { rsc: "1" })).toBe(false);
    expect(get("/a-post?_rsc=abc")).toBe(false);
    expect(mayStripRuntime({ method: "POST", url: "/a-post", headers: {} })).toBe(false);
  });
});
