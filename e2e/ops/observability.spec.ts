// What an operator watches: /metrics for Prometheus, and a JSON log line per request whose
// id the client also gets back as X-Request-Id, and a reader on the friendly error page.
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test } from "../fixtures/test";
import { createPost, expectStatus, openPost, person, writeComment } from "../comments/helpers";
import { QuireServer, extraPort, makeSite } from "../hostile/own-server";

test("/metrics passes promtool and counts reader pages, cache hits, renders and comments", async ({
  page,
  request,
}) => {
  // Two views of the home page: a render, then a hit.
  for (let i = 0; i < 2; i++) expect((await request.get("/")).status()).toBe(200);
  // A comment the form sends, counted by the app in the same registry.
  const post = await createPost();
  await openPost(page, post.slug);
  await writeComment(page, { ...person("Metric"), body: "Counted once, by outcome." });
  await expectStatus(page, /published|awaiting moderation/);
  const response = await request.get("/metrics");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.text();
  expect(body).toMatch(/^quire_http_requests_total\{route="reader",status="200",instance="[^"]+"\} \d+$/m);
  expect(body).toMatch(/^quire_page_cache_requests_total\{result="hit",instance="[^"]+"\} [1-9]\d*$/m);
  expect(body).toMatch(/^quire_render_duration_seconds_count\{instance="[^"]+"\} [1-9]\d*$/m);
  expect(body).toMatch(/^quire_comment_submissions_total\{outcome="(published|held)",instance="[^"]+"\} [1-9]\d*$/m);
  expect(body).toMatch(/^quire_outbox_pending\{instance="[^"]+"\} \d+$/m);
  expect(body).toMatch(/^quire_database_bytes\{instance="[^"]+"\} [1-9]\d*$/m);
  expect(body).toMatch(/^quire_process_resident_memory_bytes\{instance="[^"]+"\} [1-9]\d*$/m);
  // A scrape does not count itself.
  expect(body).not.toMatch(/route="metrics"/);
  const check = spawnSync("promtool", ["check", "metrics"], { input: body, encoding: "utf8" });
  expect(check.error, "promtool (Debian package prometheus) must be installed").toBeUndefined();
  expect(`${check.stdout}${check.stderr}`.trim()).toBe("");
  expect(check.status).toBe(0);
});

test("behind a proxy, /metrics refuses a client that is not on loopback, and wants the token when one is set", async () => {
  test.setTimeout(180_000);
  const site = await makeSite(1, "quire-observability-");
  const server = new QuireServer(site.dataDir, extraPort(6), {
    QUIRE_TRUST_PROXY: "1",
    QUIRE_LOG_LEVEL: "info",
    QUIRE_METRICS_TOKEN: "a-metrics-token-for-the-test",
  });
  await server.start();
  try {
    const from = (address: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/metrics`, { headers: { "x-forwarded-for": address, ...headers } });
    const refused = await from("203.0.113.9");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "A bearer token is required." });
    expect((await from("203.0.113.9", { authorization: "Bearer wrong-token-wrong-token" })).status).toBe(401);
    const allowed = await from("203.0.113.9", { authorization: "Bearer a-metrics-token-for-the-test" });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("quire_http_requests_total");

    // Every answer carries a request id, and the server logs one JSON line under that id.
    const page = await fetch(`${server.url}/hostile-post-0`);
    expect(page.status).toBe(200);
    const id = page.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const second = await fetch(`${server.url}/no-such-page`, { headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(second.status).toBe(404);
    expect(second.headers.get("x-request-id")).not.toBe(id);
    await expect.poll(() => server.log.includes(id!), { timeout: 5_000 }).toBe(true);
    const line = server.log.split("\n").find((text) => text.includes(id!))!;
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({ reqId: id, method: "GET", url: "/hostile-post-0", route: "reader", status: 200 });
    expect(entry.cache).toMatch(/^(miss|hit)$/);
    expect(entry.bytes).toBeGreaterThan(1000);
    // A page-cache hit carries its own id, not the one of the request that filled the cache.
    const hit = await fetch(`${server.url}/hostile-post-0`);
    expect(hit.headers.get("x-quire-cache")).toBe("hit");
    const hitId = hit.headers.get("x-request-id")!;
    expect(hitId).not.toBe(id);
    expect(hit.headers.get("server-timing")).toBe(`request;desc="${hitId}"`);
    await expect.poll(() => server.log.includes(`"reqId":"${hitId}"`), { timeout: 5_000 }).toBe(true);
    // No address in the log unless QUIRE_LOG_IP=1.
    expect(server.log).not.toContain("198.51.100.7");
  } finally {
    await server.stop();
  }
});

test("a page that fails shows the reader the request id its response and the log line carry", async ({ page }) => {
  test.setTimeout(180_000);
  const site = await makeSite(2, "quire-error-id-");
  const server = new QuireServer(site.dataDir, extraPort(6), { QUIRE_LOG_LEVEL: "info" });
  await server.start();
  // A damaged database (a table gone, as after a half-restored backup): the home page and
  // the post pages fail while reading comments, whether loaded or reached by a link.
  const db = new Database(`${site.dataDir}/quire.db`);
  const expectReference = async (response: { headers(): Record<string, string>; status(): number } | null) => {
    const id = response?.headers()["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    await expect(page.getByText(/^Reference:/)).toHaveText(`Reference: ${id}`);
    // Its request's line and the error's line (with the stack, never sent to the reader).
    await expect.poll(() => server.log.includes(`"reqId":"${id}"`), { timeout: 5_000 }).toBe(true);
    const lines = server.log.split("\n").filter((text) => text.includes(`"reqId":"${id}"`));
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((entry) => entry.msg === "request failed")?.err).toMatchObject({
      message: expect.stringContaining("no such table: comments"),
    });
    await expect
      .poll(() =>
        server.log
          .split("\n")
          .some((l) => l.includes(`"reqId":"${id}"`) && l.includes(`"status":${response!.status()}`)),
      )
      .toBe(true);
    await expect(page.getByText("no such table")).toHaveCount(0);
  };
  try {
    // Reached by a link from a page that still works (search reads no comments). Reader
    // pages ship no client router (bin/server/reader-runtime.mjs), so the link loads the
    // failing page as a document.
    await page.goto(`${server.url}/search`);
    const home = page.getByRole("link", { name: "Hostile", exact: true });
    await expect(home).toBeVisible();
    db.exec("ALTER TABLE comments RENAME TO comments_away");
    const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === "/" && r.request().isNavigationRequest());
    await home.click();
    const reached = await fetched;
    expect(reached.status()).toBe(500);
    await expectReference(reached);

    // Loaded: the document's own response.
    const loaded = await page.goto(`${server.url}/hostile-post-0`);
    expect(loaded?.status()).toBe(500);
    await expectReference(loaded);
  } finally {
    db.exec("ALTER TABLE comments_away RENAME TO comments");
    db.close();
    await server.stop();
  }
});
