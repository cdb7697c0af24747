// Three instances of Quire on loopback behind Debian's nginx with the configuration
// shipped in docs/deploy/nginx.conf: one site, whichever instance answers. Run on one
// SQLite data folder (nginx.spec.ts) and on one PostgreSQL database with a data folder
// per instance and one shared media folder (postgres.spec.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { POSTGRES_MISSING, postgresAnswers } from "../../test/postgres-server";
import { expect, test } from "../fixtures/test";
import { freshGet, mediaShared, publishedEverywhere, rateLimitShared, scheduledOnce, sessionEverywhere } from "./cases";
import {
  clusterPort,
  Instance,
  instanceSetup,
  makeClusterSite,
  Nginx,
  NGINX,
  readLoad,
  removeClusterSite,
  type ClusterSite,
} from "./cluster";

export function nginxClusterJourney({ postgres }: { postgres: boolean }) {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  let site: ClusterSite;
  let instances: Instance[];
  let nginx: Nginx;
  let mediaDir: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    if (postgres) test.skip(!(await postgresAnswers()), POSTGRES_MISSING);
    expect(fs.existsSync(NGINX), `nginx is not installed at ${NGINX} (apt-get install nginx; .ci/run does)`).toBe(true);
    site = await makeClusterSite({ postgres });
    // Uploads in a folder of their own, as on a shared volume.
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-cluster-media-"));
    instances = ["A", "B", "C"].map((name, i) => {
      const { dataDir, env } = instanceSetup(site);
      return new Instance(name, dataDir, clusterPort(1 + i), {
        QUIRE_TRUST_PROXY: "1",
        QUIRE_URL: `http://127.0.0.1:${clusterPort(0)}`,
        QUIRE_MEDIA_DIR: mediaDir,
        ...env,
      });
    });
    // All three at once on a site none has started on: on SQLite they must agree on one set
    // of secrets; on PostgreSQL, on one run of the migrations' check.
    await Promise.all(instances.map((instance) => instance.start()));
    nginx = new Nginx(
      clusterPort(0),
      instances.map((instance) => instance.port),
    );
    await nginx.start();
  });

  test.afterAll(async () => {
    await nginx?.stop();
    await Promise.all((instances ?? []).map((instance) => instance.stop()));
    // On PostgreSQL each instance had a data folder of its own.
    for (const instance of instances ?? [])
      if (instance.dataDir !== site?.dataDir) fs.rmSync(instance.dataDir, { recursive: true, force: true });
    if (site) await removeClusterSite(site);
    if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  const [a, b, c] = [0, 1, 2];

  test("nginx spreads requests over the three instances", async () => {
    for (let i = 0; i < 9; i++) expect((await fetch(`${nginx.url}/`)).status).toBe(200);
    const used = new Set(nginx.upstreamsUsed());
    for (const instance of instances) expect(used).toContain(`127.0.0.1:${instance.port}`);
  });

  test("a session signed in on A works on B and C, and signing out ends it everywhere", async ({ browser }) => {
    await sessionEverywhere(browser, instances[a]!.url, [instances[b]!.url, instances[c]!.url]);
  });

  test("a post published through A is on the home page served by B and C within 1 s", async ({ browser }) => {
    await publishedEverywhere(browser, instances[a]!.url, [instances[b]!.url, instances[c]!.url]);
  });

  test("an image uploaded through A is served by B and C and through nginx", async ({ browser }) => {
    const url = await mediaShared(browser, instances[a]!.url, [instances[b]!.url, instances[c]!.url, nginx.url]);
    // Stored in QUIRE_MEDIA_DIR, not in the data folder.
    expect(fs.existsSync(path.join(mediaDir, url.replace(/^\/media\//, "")))).toBe(true);
    for (const instance of instances) expect(fs.existsSync(path.join(instance.dataDir, "media"))).toBe(false);
  });

  test("the comment rate limit holds across instances", async () => {
    await rateLimitShared(
      site,
      nginx.url,
      instances.map((instance) => instance.url),
    );
  });

  test("a scheduled post publishes once: one webhook delivery, one e-mail to its author", async () => {
    await scheduledOnce(site, nginx.url);
  });

  test("an instance killed under read load: no failed GET through nginx, and it rejoins when restarted", async () => {
    const victim = instances[b]!;
    // Reader pages, which the instances answer from their page caches in one write each. nginx
    // retries a GET the dead instance never answered; one whose headers it had already passed
    // on cannot be retried by any balancer (a streamed render, e.g. /api/health, cut mid-body).
    const paths = ["/", `/${site.post.slug}`, "/rss.xml", "/sitemap.xml"];
    const load = readLoad(nginx.url, paths, { connections: 8, durationMs: 8_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await victim.kill("SIGKILL");
    const outcome = await load;
    expect(outcome.requests).toBeGreaterThan(50);
    expect(outcome.failures).toEqual([]);

    await victim.start();
    expect((await freshGet(`${victim.url}/`)).status).toBe(200);
    // nginx tries it again once its fail_timeout (5 s in docs/deploy/nginx.conf) has passed.
    const before = nginx.upstreamsUsed().length;
    await expect
      .poll(
        async () => {
          for (let i = 0; i < 6; i++) await fetch(`${nginx.url}/`).then((r) => r.arrayBuffer());
          return nginx.upstreamsUsed().slice(before).includes(`127.0.0.1:${victim.port}`);
        },
        { timeout: 20_000, intervals: [1_000] },
      )
      .toBe(true);
  });
}
