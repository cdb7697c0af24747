// The cache in front of a stand-in for Next's handler, over real HTTP and a real SQLite file.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDataVersion } from "./data-version.mjs";
import { createHandler } from "./handler.mjs";

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "quire-cache-")), "quire.db");
const writer = new Database(file);
writer.pragma("journal_mode = WAL");
writer.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('first')");

let renders = 0;
let delayMs = 0;
let onRenderRead: (() => void) | undefined;
/** Resolves once the next render has read the table: a write after that is a write during the render. */
function renderHasRead(): Promise<void> {
  return new Promise((resolve) => (onRenderRead = resolve));
}
// Answers as Next does: headers by setHeader, a streamed body, a nonce that differs per render.
async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  renders++;
  const value = (writer.prepare("SELECT v FROM t").pluck().get() as string) ?? "";
  onRenderRead?.();
  onRenderRead = undefined;
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const nonce = `n${renders}`;
  if (req.url === "/missing") res.statusCode = 404;
  if (req.url === "/cookie") res.setHeader("set-cookie", "a=b");
  res.setHeader("content-type", req.url === "/app.js" ? "application/javascript" : "text/html; charset=utf-8");
  res.setHeader(
    "cache-control",
    req.url === "/app.js"
      ? "public, max-age=31536000, immutable"
      : "private, no-cache, no-store, max-age=0, must-revalidate",
  );
  res.setHeader("content-security-policy", `script-src 'nonce-${nonce}'`);
  res.flushHeaders();
  res.write(`<html><script nonce="${nonce}"></script><p>${value}</p>`);
  res.end(`${"<p>padding so that compression pays</p>".repeat(60)}</html>`);
}

let server: http.Server;
let base = "";
beforeAll(async () => {
  const handler = createHandler({
    handle: (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url?.startsWith("/_next/static/")) req.url = "/app.js";
      void fakeNext(req, res);
    },
    dataVersion: openDataVersion(file),
    pageBytes: 1024 * 1024,
    staticBytes: 1024 * 1024,
    maxAgeMs: 60_000,
  });
  // Each request gets its id as bin/server/observe.mjs gives it, before the cache answers.
  let requests = 0;
  server = http.createServer((req, res) => {
    res.setHeader("x-request-id", `request-${++requests}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  delayMs = 0;
  writer.prepare("UPDATE t SET v = ?").run(`reset ${Math.random()}`); // a write empties the cache
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
function request(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${url}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject)
      .end();
  });
}

describe("the page cache", () => {
  it("renders once, then answers from memory with the same headers and body, nonce included", async () => {
    const first = await request("/post");
    const second = await request("/post");
    expect([first.headers["x-quire-cache"], second.headers["x-quire-cache"]]).toEqual(["miss", "hit"]);
    expect(second.body.toString()).toBe(first.body.toString());
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(second.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(second.headers.vary).toMatch(/Accept-Encoding/);
    // Each answer carries its own request's id, not the one that filled the cache.
    expect(first.headers["x-request-id"]).toMatch(/^request-\d+$/);
    expect(second.headers["x-request-id"]).toBe(
      `request-${Number(first.headers["x-request-id"]!.toString().slice(8)) + 1}`,
    );
  });

  it("shows a write by any connection on the next request", async () => {
    await request("/post");
    writer.prepare("UPDATE t SET v = 'second'").run();
    const after = await request("/post");
    expect(after.headers["x-quire-cache"]).toBe("miss");
    expect(after.body.toString()).toContain("<p>second</p>");
  });

  it("renders a stampede of misses once", async () => {
    delayMs = 100;
    const before = renders;
    const replies = await Promise.all(Array.from({ length: 10 }, () => request("/stampede")));
    expect(renders - before).toBe(1);
    expect(new Set(replies.map((r) => r.body.toString())).size).toBe(1);
  });

  it("does not store what was rendered while a write committed", async () => {
    delayMs = 100;
    const hasRead = renderHasRead();
    const pending = request("/racing");
    await hasRead;
    writer.prepare("UPDATE t SET v = 'during'").run();
    await pending;
    delayMs = 0;
    const next = await request("/racing");
    expect(next.headers["x-quire-cache"]).toBe("miss");
    expect(next.body.toString()).toContain("<p>during</p>");
  });

  it("does not hand a render begun before a write to a request made after it", async () => {
    delayMs = 150;
    const hasRead = renderHasRead();
    const early = request("/joined");
    await hasRead;
    writer.prepare("UPDATE t SET v = 'newer'").run();
    const late = await request("/joined");
    expect((await early).body.toString()).not.toContain("<p>newer</p>");
    expect(late.body.toString()).toContain("<p>newer</p>");
  });

  it("serves brotli and gzip bodies that decode to the same page, with their own ETags and 304s", async () => {
    const plain = await request("/enc");
    const br = await request("/enc", { "accept-encoding": "gzip, br" });
    const gz = await request("/enc", { "accept-encoding": "gzip" });
    expect([br.headers["content-encoding"], gz.headers["content-encoding"], plain.headers["content-encoding"]]).toEqual(
      ["br", "gzip", undefined],
    );
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(zlib.gunzipSync(gz.body).toString()).toBe(plain.body.toString());
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
    const notModified = await request("/enc", {
      "accept-encoding": "gzip, br",
      "if-none-match": String(br.headers.etag),
    });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    const otherEncoding = await request("/enc", {
      "accept-encoding": "gzip",
      "if-none-match": String(br.headers.etag),
    });
    expect(otherEncoding.status).toBe(200);
  });

  it("answers HEAD from the GET entry, without a body", async () => {
    const head = await request("/head", {}, "HEAD");
    const get = await request("/head");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(get.body.length));
    expect(get.headers["x-quire-cache"]).toBe("hit");
  });

  it("keeps a 404 until the next write, but never responses that set cookies or a session's", async () => {
    await request("/missing");
    let before = renders;
    const again = await request("/missing");
    expect([again.status, again.headers["x-quire-cache"], renders - before]).toEqual([404, "hit", 0]);
    expect(again.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    writer.prepare("UPDATE t SET v = 'published there'").run();
    before = renders;
    expect((await request("/missing")).headers["x-quire-cache"]).toBe("miss");
    expect(renders - before).toBe(1);
    await request("/cookie");
    expect((await request("/cookie")).headers["x-quire-cache"]).toBe("bypass");
    await request("/signed-in");
    const staff = await request("/signed-in", { cookie: "authjs.session-token=x" });
    expect(staff.headers["x-quire-cache"]).toBe("bypass");
    before = renders;
    await request("/signed-in", { cookie: "authjs.session-token=x" });
    expect(renders - before).toBe(1);
  });

  it("answers scanners' addresses 404 without rendering, but not a post that merely looks alike", async () => {
    const before = renders;
    for (const url of ["/wp-login.php", "/wp-admin/setup-config.php", "/.env", "/.git/config", "/cgi-bin/x.cgi"]) {
      const reply = await request(url);
      expect([url, reply.status, reply.body.toString()]).toEqual([url, 404, "Not found.\n"]);
    }
    expect(renders).toBe(before);
    expect((await request("/wp-cli-tips")).status).toBe(200);
    expect(renders).toBe(before + 1);
  });

  it("compresses uncached responses as they stream", async () => {
    const admin = await request("/admin/posts", { "accept-encoding": "br" });
    expect(admin.headers["x-quire-cache"]).toBe("bypass");
    expect(admin.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(admin.body).toString()).toContain("</html>");
  });

  it("keeps Next's immutable files compressed in memory, across writes", async () => {
    await request("/_next/static/chunks/app.js");
    writer.prepare("UPDATE t SET v = 'unrelated'").run();
    const before = renders;
    const js = await request("/_next/static/chunks/app.js", { "accept-encoding": "br" });
    expect(renders).toBe(before);
    expect(js.headers["x-quire-cache"]).toBe("hit");
    expect(js.headers["cache-control"]).toContain("immutable");
    expect(zlib.brotliDecompressSync(js.body).toString()).toContain("</html>");
  });
});
