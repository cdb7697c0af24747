// What the cache and the compression layer send over the wire: encodings, ETags, 304s,
// HEAD, and which responses are never kept. Raw node:http, so nothing is decoded for us.
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "../fixtures/test";
import { changeAndWait, createPost } from "../fixtures/content";
import { run } from "../fixtures/db";
import { pngBytes } from "../fixtures/admin";
import { signInAsOwner, unique } from "../fixtures/site";

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function fetchRaw(baseURL: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .request(new URL(path, baseURL), { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject)
      .end();
  });
}

function decode({ headers, body }: Reply): string {
  const encoding = headers["content-encoding"];
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString();
  if (encoding === "gzip") return zlib.gunzipSync(body).toString();
  return body.toString();
}

test("brotli, gzip and plain answers carry the same page, each with its own ETag and 304", async ({ baseURL }) => {
  const post = await changeAndWait(() =>
    createPost({ title: `Encoded ${unique()}`, markdown: "Words worth compressing. ".repeat(200) }),
  );
  const path = `/${post.slug}`;
  const plain = await fetchRaw(baseURL!, path);
  const br = await fetchRaw(baseURL!, path, { "accept-encoding": "gzip, deflate, br" });
  const gzip = await fetchRaw(baseURL!, path, { "accept-encoding": "gzip" });
  expect([plain.headers["x-quire-cache"], br.headers["x-quire-cache"], gzip.headers["x-quire-cache"]]).toEqual([
    "miss",
    "hit",
    "hit",
  ]);
  expect([br.headers["content-encoding"], gzip.headers["content-encoding"], plain.headers["content-encoding"]]).toEqual(
    ["br", "gzip", undefined],
  );
  expect(decode(br)).toBe(plain.body.toString());
  expect(decode(gzip)).toBe(plain.body.toString());
  expect(plain.body.toString()).toContain(post.title);
  expect(br.body.length).toBeLessThan(plain.body.length / 3);
  for (const reply of [plain, br, gzip]) {
    expect(reply.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(reply.headers.vary).toMatch(/Accept-Encoding/);
  }
  expect(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);

  const notModified = await fetchRaw(baseURL!, path, {
    "accept-encoding": "gzip, deflate, br",
    "if-none-match": br.headers.etag!,
  });
  expect(notModified.status).toBe(304);
  expect(notModified.body.length).toBe(0);
  expect(notModified.headers.etag).toBe(br.headers.etag);

  // HEAD is answered from the same entry, with the length of the body it leaves out.
  const head = await fetchRaw(baseURL!, path, { "accept-encoding": "br" }, "HEAD");
  expect([head.status, head.headers["x-quire-cache"], head.headers["content-length"], head.body.length]).toEqual([
    200,
    "hit",
    String(br.body.length),
    0,
  ]);

  // A change makes the old ETag stale: the reader gets the new page, not a 304.
  await changeAndWait(() => run("UPDATE posts SET title = ? WHERE id = ?", `${post.title} changed`, post.id));
  const changed = await fetchRaw(baseURL!, path, {
    "accept-encoding": "gzip, deflate, br",
    "if-none-match": br.headers.etag!,
  });
  expect(changed.status).toBe(200);
  expect(decode(changed)).toContain(`${post.title} changed`);
});

test("feeds are cached and compressed like pages", async ({ baseURL }) => {
  await fetchRaw(baseURL!, "/feed.json", { "accept-encoding": "br" });
  const feed = await fetchRaw(baseURL!, "/feed.json", { "accept-encoding": "br" });
  expect(feed.headers["x-quire-cache"]).toBe("hit");
  expect(feed.headers["content-encoding"]).toBe("br");
  expect(JSON.parse(decode(feed)).version).toMatch(/jsonfeed/);
});

test("admin pages and APIs are never kept, not-found pages until the next write, all compressed", async ({
  baseURL,
}) => {
  for (const path of ["/admin/login", "/api/health"]) {
    await fetchRaw(baseURL!, path);
    const again = await fetchRaw(baseURL!, path, { "accept-encoding": "br" });
    expect(again.headers["x-quire-cache"], path).toBe("bypass");
  }
  // A 404 asked again is not rendered again (a scanner's repeats cost nothing) until a
  // write, which may publish something at that address.
  const nowhere = `/no-such-page-${unique()}`;
  expect((await fetchRaw(baseURL!, nowhere)).headers["x-quire-cache"]).toBe("miss");
  const repeated = await fetchRaw(baseURL!, nowhere, { "accept-encoding": "br" });
  expect([repeated.status, repeated.headers["x-quire-cache"]]).toEqual([404, "hit"]);
  await changeAndWait(() => createPost({ title: "Now something is here", slug: nowhere.slice(1) }));
  const published = await fetchRaw(baseURL!, nowhere);
  expect([published.status, published.headers["x-quire-cache"]]).toEqual([200, "miss"]);
  expect(decode(published)).toContain("Now something is here");
  const login = await fetchRaw(baseURL!, "/admin/login", { "accept-encoding": "br" });
  expect(login.headers["content-encoding"]).toBe("br");
  expect(decode(login)).toContain("Sign in");
  const missing = await fetchRaw(baseURL!, `/no-such-page-${unique()}`, { "accept-encoding": "gzip" });
  expect(missing.status).toBe(404);
  expect(missing.headers["content-encoding"]).toBe("gzip");
  expect((await fetchRaw(baseURL!, "/api/health")).headers["cache-control"]).toBe("no-store");
});

test("Next's immutable files are compressed once and kept in memory", async ({ baseURL }) => {
  const home = decode(await fetchRaw(baseURL!, "/"));
  const css = home.match(/\/_next\/static\/[^"]+\.css/)?.[0];
  expect(css).toBeTruthy();
  await fetchRaw(baseURL!, css!, { "accept-encoding": "br" });
  const again = await fetchRaw(baseURL!, css!, { "accept-encoding": "br" });
  expect(again.headers["x-quire-cache"]).toBe("hit");
  expect(again.headers["content-encoding"]).toBe("br");
  expect(again.headers["cache-control"]).toContain("immutable");
  const plain = await fetchRaw(baseURL!, css!);
  expect(decode(again)).toBe(plain.body.toString());
  expect(
    (await fetchRaw(baseURL!, css!, { "accept-encoding": "br", "if-none-match": again.headers.etag! })).status,
  ).toBe(304);
});

test("uploads answer If-None-Match with 304", async ({ page, baseURL }) => {
  await signInAsOwner(page);
  const file = { name: "card.png", mimeType: "image/png", buffer: await pngBytes(320, 200) };
  const uploaded = await page.request.post("/api/media", {
    multipart: { file, alt: "A card" },
    headers: { origin: baseURL! },
  });
  expect(uploaded.status()).toBe(201);
  const { url } = await uploaded.json();
  const first = await fetchRaw(baseURL!, url);
  expect(first.status).toBe(200);
  expect(first.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(first.headers.etag).toMatch(/^"[^"]+"$/);
  const again = await fetchRaw(baseURL!, url, { "if-none-match": first.headers.etag! });
  expect([again.status, again.body.length]).toEqual([304, 0]);
});
