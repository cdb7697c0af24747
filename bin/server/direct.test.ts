// The comment form's JSON POST answered in front of Next (direct.mjs), over real HTTP
// through the same handler and server bin/server.mjs builds: what the client gets, and
// which requests still reach Next.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offerDirectly } from "../../lib/direct-handlers.mjs";
import { DATA_POLICY, SITE_HEADERS } from "../../lib/security/response-headers.mjs";
import { createHandler } from "./handler.mjs";
import { createFrontServer } from "./http-limits.mjs";

const reachedNext: string[] = [];
function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  reachedNext.push(`${req.method} ${req.url}`);
  res.writeHead(200, { "content-type": "application/json" });
  res.end('{"from":"next"}');
}

/** What the offered handler was given, as the app's route would see it. */
const seen: { method: string; url: string; origin: string | null; body: string }[] = [];
async function commentHandler(request: Request): Promise<Response> {
  const body = await request.text();
  seen.push({ method: request.method, url: request.url, origin: request.headers.get("origin"), body });
  if (body === "throw") throw new Error("the handler failed");
  return Response.json(
    { ok: true, echoed: JSON.parse(body) },
    { status: 202, headers: { "cache-control": "no-store" } },
  );
}

let server: http.Server;
let port = 0;
beforeAll(async () => {
  const handler = createHandler({ handle: fakeNext, dataVersion: null, pageBytes: 0, staticBytes: 0, maxAgeMs: 0 });
  server = createFrontServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };
function postComment(body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        port,
        method: "POST",
        path: "/api/comments",
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          origin: `http://127.0.0.1:${port}`,
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("a reader's JSON comment", () => {
  it("reaches Next until the route has offered its handler", async () => {
    const reply = await postComment('{"body":"first"}');
    expect(reply.body).toBe('{"from":"next"}');
    expect(reachedNext).toEqual(["POST /api/comments"]);
  });

  it("is then answered by that handler, with every header Next and the proxy add to API answers", async () => {
    offerDirectly("/api/comments", commentHandler);
    const reply = await postComment('{"body":"second"}');
    expect(reply.status).toBe(202);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, echoed: { body: "second" } });
    expect(seen.at(-1)).toEqual({
      method: "POST",
      url: "http://localhost/api/comments",
      origin: `http://127.0.0.1:${port}`,
      body: '{"body":"second"}',
    });
    for (const { key, value } of SITE_HEADERS) expect(reply.headers[key.toLowerCase()], key).toBe(value);
    expect(reply.headers["content-security-policy"]).toBe(DATA_POLICY);
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(reply.headers["cache-control"]).toBe("no-store");
    expect(reply.headers["content-length"]).toBe(String(Buffer.byteLength(reply.body)));
    expect(reply.headers["x-quire-cache"]).toBe("direct");
    expect(reachedNext).toHaveLength(1);
  });

  it("still reaches Next with a staff session cookie, or a body whose length is not declared", async () => {
    const withSession = await postComment('{"body":"staff"}', { cookie: "authjs.session-token=abc" });
    expect(withSession.body).toBe('{"from":"next"}');
    const chunked = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { port, method: "POST", path: "/api/comments", agent: false, headers: { "content-type": "application/json" } },
        (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve(text));
        },
      );
      req.on("error", reject);
      req.write('{"body":');
      req.end('"chunked"}');
    });
    expect(chunked).toBe('{"from":"next"}');
    expect(reachedNext).toHaveLength(3);
  });

  it("answers a failing handler with a plain 500, and the next comment is served", async () => {
    const failed = await postComment("throw");
    expect(failed.status).toBe(500);
    expect(failed.body).toBe("Something went wrong.");
    const next = await postComment('{"body":"after"}');
    expect(next.status).toBe(202);
  });
});
