// Fair overload over real HTTP: the page cache and the render gate in front of a stand-in
// for Next that takes a while to render, served by the same node:http setup as
// bin/server.mjs (its timeouts included). What a client sees, never how fast.
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataVersion } from "./data-version.mjs";
import { createHandler } from "./handler.mjs";
import { HTTP_LIMITS, createFrontServer } from "./http-limits.mjs";
import { createRenderGate } from "./render-gate.mjs";

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "quire-overload-")), "quire.db");
new Database(file).pragma("journal_mode = WAL");

const rendered: string[] = [];
/** Renders still to finish, by URL: the test lets each go when it wants. */
const holds = new Map<string, () => void>();
function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = req.url ?? "/";
  rendered.push(url);
  const finish = () => {
    holds.delete(url);
    res.statusCode = url.startsWith("/nothing-") ? 404 : 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<html><p>${url}</p></html>`);
  };
  if (url.startsWith("/slow-")) holds.set(url, finish);
  else setTimeout(finish, 5);
}

const gate = createRenderGate({ concurrency: 1, queue: 20, perClient: 2, rate: 0 });
let server: http.Server;
let port = 0;
beforeAll(async () => {
  const handler = createHandler({
    handle: fakeNext,
    dataVersion: openDataVersion(file),
    pageBytes: 1024 * 1024,
    staticBytes: 1024 * 1024,
    maxAgeMs: 60_000,
    gate,
  });
  server = createFrontServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  for (const finish of holds.values()) finish();
  server.close();
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };
/** A request from `address` (as a trusted proxy would name it in X-Forwarded-For). */
function get(url: string, address: string, signal?: AbortSignal): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, path: url, headers: { "x-forwarded-for": address }, signal, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("one address flooding renders", () => {
  it("is answered 429 with Retry-After past its share, while another client is still served", async () => {
    const flooder = "203.0.113.7";
    const reader = "198.51.100.20";
    expect((await get("/cached", reader)).status).toBe(200); // in the page cache from now on

    // One render running and two waiting is the flooder's share: the rest are refused. The
    // first three are sent one after another: sent together, they may reach the server in
    // any order, and the test would wait for an answer to one that is waiting its turn.
    const flood = [get("/slow-0", flooder)];
    await until(() => holds.has("/slow-0"));
    flood.push(get("/slow-1", flooder));
    await until(() => gate.stats().waiting === 1);
    flood.push(get("/slow-2", flooder));
    await until(() => gate.stats().waiting === 2);
    const more = Array.from({ length: 5 }, (_, i) => get(`/slow-${i + 3}`, flooder));
    const refused = (await Promise.all(more)).map((reply) => [reply.status, reply.headers["retry-after"]]);
    expect(refused).toEqual(Array(5).fill([429, "1"]));
    expect(rendered.filter((url) => url.startsWith("/slow-"))).toEqual(["/slow-0"]);

    // Another client meanwhile: its cached page at once; its uncached page waits for one
    // of the flooder's renders at most (round-robin), not for the flooder's whole queue.
    const cached = await get("/cached", reader);
    expect([cached.status, cached.headers["x-quire-cache"]]).toEqual([200, "hit"]);
    const uncached = get("/another-post", reader);
    await until(() => gate.stats().waiting === 3);
    holds.get("/slow-0")!();
    await until(() => holds.has("/slow-1"));
    holds.get("/slow-1")!();
    expect((await uncached).body).toContain("/another-post");
    await until(() => holds.has("/slow-2"));
    holds.get("/slow-2")!();
    expect((await Promise.all(flood)).map((reply) => reply.status)).toEqual([200, 200, 200]);
    expect(rendered.slice(-4)).toEqual(["/slow-0", "/slow-1", "/another-post", "/slow-2"]);
  });

  it("queues one request per page: many asking one address for the same new page wait for its render", async () => {
    const blocker = get("/slow-blocker", "203.0.113.9");
    await until(() => holds.has("/slow-blocker"));
    const same = Array.from({ length: 6 }, () => get("/slow-same", "198.51.100.40"));
    await until(() => gate.stats().waiting === 1);
    holds.get("/slow-blocker")!();
    await until(() => holds.has("/slow-same"));
    holds.get("/slow-same")!();
    expect((await Promise.all(same)).map((reply) => reply.status)).toEqual(Array(6).fill(200));
    expect(rendered.filter((url) => url === "/slow-same")).toHaveLength(1);
    await blocker;
  });

  it("drops a waiting request whose client hung up: it is never rendered", async () => {
    const first = get("/slow-a", "203.0.113.8");
    await until(() => holds.has("/slow-a"));
    const leaving = new AbortController();
    const gone = get("/slow-gone", "203.0.113.8", leaving.signal).catch(() => "aborted");
    await until(() => gate.stats().waiting === 1);
    leaving.abort();
    expect(await gone).toBe("aborted");
    await until(() => gate.stats().waiting === 0);
    holds.get("/slow-a")!();
    await first;
    expect(rendered).not.toContain("/slow-gone");
  });

  it("keeps a 404 like a page: the same unknown address asked again is not rendered again", async () => {
    expect((await get("/nothing-here", "198.51.100.21")).status).toBe(404);
    const again = await get("/nothing-here", "198.51.100.22");
    expect([again.status, again.headers["x-quire-cache"]]).toEqual([404, "hit"]);
    expect(rendered.filter((url) => url === "/nothing-here")).toHaveLength(1);
  });
});

describe("a client that sends its headers slowly", () => {
  it(
    "is cut off after headersTimeout while other clients are served",
    async () => {
      const socket = net.connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk));
      const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(performance.now())));
      const opened = performance.now();
      socket.write("GET /cached HTTP/1.1\r\nHost: example\r\n");
      // A header line every half second, never the blank line that ends them.
      const dribble = setInterval(() => socket.writable && socket.write(`X-Slow-${Date.now()}: 1\r\n`), 500);
      try {
        const during = await get("/cached", "198.51.100.30");
        expect(during.status).toBe(200);
        const closedAt = await closed;
        expect(closedAt - opened).toBeGreaterThanOrEqual(HTTP_LIMITS.headersTimeout - 100);
        expect(answer).toMatch(/^HTTP\/1\.1 408/);
      } finally {
        clearInterval(dribble);
        socket.destroy();
      }
      expect((await get("/cached", "198.51.100.30")).status).toBe(200);
    },
    HTTP_LIMITS.headersTimeout + HTTP_LIMITS.connectionsCheckingInterval + 10_000,
  );
});
