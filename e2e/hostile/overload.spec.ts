// Fair overload on the real server (`node bin/server.mjs`, built): one address asking for
// many unique pages at once is refused past its share, with Retry-After, while another
// reader still gets a cached and an uncached page. Behind a trusted proxy, as in
// production with nginx: each request names its client in X-Forwarded-For.
import { expect, test } from "../fixtures/test";
import { QuireServer, extraPort, makeSite } from "./own-server";

const FLOODER = "203.0.113.50";
const READER = "198.51.100.60";

test("an address past its share gets 429 with Retry-After, and another reader is served meanwhile", async () => {
  test.setTimeout(180_000);
  const site = await makeSite(2, "quire-overload-");
  const server = new QuireServer(site.dataDir, extraPort(15), {
    QUIRE_TRUST_PROXY: "1",
    QUIRE_RENDER_CONCURRENCY: "1",
    QUIRE_RENDER_QUEUE_PER_CLIENT: "2",
  });
  await server.start();
  try {
    const get = (path: string, address: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { headers: { "x-forwarded-for": address, ...headers } });
    const [cachedPost, otherPost] = site.posts.map((post) => `/${post.slug}`);
    expect((await get(cachedPost!, READER)).status).toBe(200); // in the page cache from now on

    const flood = Array.from({ length: 40 }, (_, i) => get(`/not-a-post-${i}-${Date.now()}`, FLOODER));
    // While the flood is waiting or being refused: the reader's pages, cached and rendered afresh.
    const cached = await get(cachedPost!, READER);
    const rendered = await get(otherPost!, READER, { authorization: "Bearer nothing" }); // never from the cache
    const answers = await Promise.all(flood);

    expect([cached.status, cached.headers.get("x-quire-cache")]).toEqual([200, "hit"]);
    expect(await cached.text()).toContain("<html");
    expect([rendered.status, rendered.headers.get("x-quire-cache")]).toEqual([200, "bypass"]);
    const statuses = answers.map((answer) => answer.status);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length, `statuses: ${statuses.join(" ")}`).toBeGreaterThanOrEqual(20);
    expect(statuses.every((status) => status === 404 || status === 429)).toBe(true);
    for (const answer of refused) {
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await answer.text()).toContain("Too many requests from your address");
    }
    // Refused, never rendered: the flood cost no render beyond the flooder's share.
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(20);

    // The flooder's turn comes back: after Retry-After it is answered again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await get("/not-a-post-after", FLOODER)).status).toBe(404);
    expect(server.problems.filter((line) => !/404|not found/i.test(line))).toEqual([]);
  } finally {
    await server.kill("SIGTERM");
  }
});
