// HTTPS behind nginx, with the configuration shipped in docs/deploy/nginx-https.conf:
// only its ports, names and certificate paths are swapped for loopback ones.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { expect, request as http, test } from "../fixtures/test";
import { startNginx, type Nginx } from "../fixtures/nginx";
import { QuireServer, ROOT, extraPort, makeSite, tempDir } from "../hostile/own-server";

const QUIRE_PORT = extraPort(7);
const HTTP_PORT = extraPort(8);
const HTTPS_PORT = extraPort(9);
const ORIGIN = `https://localhost:${HTTPS_PORT}`;
const PASSWORD = "correct horse battery staple";

let contentKey: string;
let quire: QuireServer;
let nginx: Nginx;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const site = await makeSite(2, "quire-https-");
  contentKey = site.contentKey;
  const db = new Database(path.join(site.dataDir, "quire.db"));
  db.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(await hash(PASSWORD), site.ownerId);
  db.close();

  const certs = tempDir("quire-https-cert-");
  fs.chmodSync(certs, 0o755);
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=DNS:localhost",
    "-keyout", path.join(certs, "privkey.pem"), "-out", path.join(certs, "fullchain.pem"),
  ], { stdio: "ignore" }); // prettier-ignore

  const shipped = fs.readFileSync(path.join(ROOT, "docs", "deploy", "nginx-https.conf"), "utf8");
  const swaps: [string, string][] = [
    ["listen 80;", `listen 127.0.0.1:${HTTP_PORT};`],
    ["listen [::]:80;", ""],
    ["listen 443 ssl http2;", `listen 127.0.0.1:${HTTPS_PORT} ssl http2;`],
    ["listen [::]:443 ssl http2;", ""],
    ["/etc/letsencrypt/live/blog.example.com", certs],
    ["blog.example.com", "localhost"],
    ["server 127.0.0.1:3000;", `server 127.0.0.1:${QUIRE_PORT};`],
  ];
  let conf = shipped;
  for (const [from, to] of swaps) {
    expect(conf, `docs/deploy/nginx-https.conf should contain "${from}"`).toContain(from);
    conf = conf.replaceAll(from, to);
  }

  quire = new QuireServer(site.dataDir, QUIRE_PORT, {
    QUIRE_TRUST_PROXY: "1",
    QUIRE_URL: ORIGIN,
    QUIRE_LOG_LEVEL: "info",
    QUIRE_LOG_IP: "1",
  });
  await quire.start();
  nginx = await startNginx(conf, `http://127.0.0.1:${HTTP_PORT}/`, { redirect: "manual" });
});

test.afterAll(async () => {
  await nginx?.stop();
  await quire?.stop();
});

test("plain HTTP is redirected to HTTPS, and only HTTPS answers carry HSTS", async () => {
  const plain = await fetch(`http://127.0.0.1:${HTTP_PORT}/hostile-post-0?x=1`, { redirect: "manual" });
  expect(plain.status).toBe(301);
  expect(plain.headers.get("location")).toBe("https://127.0.0.1/hostile-post-0?x=1");
  expect(plain.headers.get("strict-transport-security")).toBeNull();
  expect(plain.headers.get("set-cookie")).toBeNull();

  const secure = await http.newContext({ ignoreHTTPSErrors: true });
  const page = await secure.get(`${ORIGIN}/hostile-post-0`);
  expect(page.status()).toBe(200);
  expect(page.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  await secure.dispose();
});

test("canonical links, feeds, the sitemap and the Content API use https://", async () => {
  const secure = await http.newContext({ ignoreHTTPSErrors: true });
  const html = await (await secure.get(`${ORIGIN}/hostile-post-0`)).text();
  expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/hostile-post-0"/>`);
  const rss = await (await secure.get(`${ORIGIN}/rss.xml`)).text();
  expect(rss).toContain(`<link>${ORIGIN}/hostile-post-1</link>`);
  expect(rss).not.toContain("http://localhost");
  const sitemap = await (await secure.get(`${ORIGIN}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${ORIGIN}/hostile-post-0</loc>`);
  const api = await secure.get(`${ORIGIN}/ghost/api/content/posts/?key=${contentKey}`);
  expect(api.status()).toBe(200);
  const { posts } = (await api.json()) as { posts: { url: string }[] };
  expect(posts.map((post) => post.url).sort()).toEqual([`${ORIGIN}/hostile-post-0/`, `${ORIGIN}/hostile-post-1/`]);
  await secure.dispose();
});

test("the sign-in cookie is Secure under its __Secure- name, and Quire sees the real client address", async ({
  browser,
}) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  // A client that claims another address: nginx replaces the header, Quire logs the socket's.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66" });
  await page.goto(`${ORIGIN}/admin/login`);
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/admin`);
  const session = (await context.cookies()).find((cookie) => cookie.name.includes("authjs.session-token"));
  expect(session).toMatchObject({ name: "__Secure-authjs.session-token", secure: true, httpOnly: true });
  await context.close();

  await expect.poll(() => quire.log.includes('"url":"/admin/login"'), { timeout: 5_000 }).toBe(true);
  const lines = quire.log.split("\n").filter((line) => line.includes('"url":"/admin/login"'));
  for (const line of lines) expect(JSON.parse(line)).toMatchObject({ ip: "127.0.0.1" });
  expect(quire.log).not.toContain("203.0.113.66");
});
