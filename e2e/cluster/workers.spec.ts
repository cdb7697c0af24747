// One Quire server with QUIRE_WORKERS=3 and no load balancer: three worker processes
// share the port and the SQLite file, and behave as one site.
import { expect, test } from "../fixtures/test";
import { freshGet, mediaShared, publishedEverywhere, rateLimitShared, scheduledOnce, sessionEverywhere } from "./cases";
import {
  clusterPort,
  Instance,
  makeClusterSite,
  readLoad,
  removeClusterSite,
  STAFF,
  type ClusterSite,
} from "./cluster";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let site: ClusterSite;
let server: Instance;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await makeClusterSite();
  server = new Instance("workers", site.dataDir!, clusterPort(4), { QUIRE_WORKERS: "3" });
  await server.start();
  await expect.poll(() => server.workerPids().length, { timeout: 120_000 }).toBe(3);
});

test.afterAll(async () => {
  await server?.kill("SIGKILL");
  if (site) await removeClusterSite(site);
});

test("three workers answer on the one port", async () => {
  expect(server.workerPids()).toHaveLength(3);
  for (let i = 0; i < 6; i++) expect((await freshGet(`${server.url}/`)).status).toBe(200);
});

test("the site health page, whichever worker answers it, lists all three workers", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/admin/login`);
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`${server.url}/admin/health`);
  const instances = page.getByRole("region", { name: "Instances" });
  // Each worker's heartbeat row: its process id in the "Process" column, not stale.
  for (const pid of server.workerPids()) {
    const row = instances.getByRole("row").filter({ has: page.getByRole("cell", { name: String(pid), exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).not.toContainText("Stale");
  }
  await expect(instances.getByRole("row", { name: /\(this one\)/ })).toHaveCount(1);
  await page.context().close();
});

test("a session works in every worker, and signing out ends it in every worker", async ({ browser }) => {
  await sessionEverywhere(browser, server.url, [server.url]);
});

test("a post published through one worker is on the home page of every worker within 1 s", async ({ browser }) => {
  await publishedEverywhere(browser, server.url, Array<string>(6).fill(server.url));
});

test("an image uploaded through one worker is served by every worker", async ({ browser }) => {
  await mediaShared(browser, server.url, [server.url, server.url, server.url]);
});

test("the comment rate limit holds across workers", async () => {
  await rateLimitShared(site, server.url, [server.url, server.url, server.url]);
});

test("a scheduled post publishes once: one webhook delivery, one e-mail to its author", async () => {
  await scheduledOnce(site, server.url);
});

test("a worker killed under read load: the port keeps answering and the worker is replaced", async () => {
  const [victim, ...others] = server.workerPids();
  const load = readLoad(server.url, ["/", `/${site.post.slug}`], { connections: 6, durationMs: 5_000 });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  process.kill(victim!, "SIGKILL");
  // New connections go to the workers still alive at once.
  for (let i = 0; i < 10; i++) expect((await freshGet(`${server.url}/`)).status).toBe(200);
  const outcome = await load;
  // Requests in flight on the killed worker's connections fail with it; nothing else does.
  expect(outcome.failures.length, outcome.failures.slice(0, 5).join("\n")).toBeLessThan(outcome.requests / 10);
  await expect.poll(() => server.workerPids().filter((pid) => pid !== victim).length, { timeout: 60_000 }).toBe(3);
  expect(alive(victim!)).toBe(false);
  expect(server.workerPids()).toEqual(expect.arrayContaining(others));
  expect(server.log).toMatch(new RegExp(`worker ${victim} exited \\(SIGKILL\\)`));
});

test("SIGTERM stops the primary and every worker", async () => {
  const workers = server.workerPids();
  await server.stop();
  expect(server.running).toBe(false);
  await expect.poll(() => workers.filter(alive), { timeout: 15_000 }).toEqual([]);
  expect(server.log).toContain("SIGTERM: stopping 3 worker(s)");
});
