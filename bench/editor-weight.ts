// The editor's weight and readiness (issue 18), as a person opening "New post" meets them: the
// JavaScript the page loads (each script's bytes, and gzipped), and the time from navigation start
// to the title field being interactive (hydrated: typing in it fills the slug). Debian's Chromium
// through Playwright, a fresh context with the cache off for each of five loads; the medians.
import { gzipSync } from "node:zlib";
import { hash } from "@node-rs/argon2";
import { chromium, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export type EditorWeight = {
  scripts: number;
  jsBytes: number;
  jsGzipBytes: number;
  interactiveMs: number[];
  medianMs: number;
};

const LOADS = 5;
const EMAIL = "bench-editor@example.com";
const PASSWORD = "bench editor password";

/** An editor account in the bench's database, to sign in with. */
async function addEditor(dbFile: string) {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 5000");
  db.prepare(
    "INSERT OR IGNORE INTO users (email, name, slug, role, password_hash) VALUES (?, 'Bench Editor', 'bench-editor', 'editor', ?)",
  ).run(EMAIL, await hash(PASSWORD));
  db.close();
}

/** Milliseconds from navigation start until React has hydrated the title field. */
async function interactiveMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const title = document.getElementById("field-title");
      return title && Object.keys(title).some((key) => key.startsWith("__reactProps")) ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

export async function measureEditor(origin: string, dbFile: string): Promise<EditorWeight> {
  await addEditor(dbFile);
  const browser = await chromium.launch({ executablePath: process.env.QUIRE_CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const signedIn = await browser.newContext();
    const login = await signedIn.newPage();
    await login.goto(`${origin}/admin/login`);
    await login.getByLabel("Email").fill(EMAIL);
    await login.getByLabel("Password").fill(PASSWORD);
    await login.getByRole("button", { name: "Sign in" }).click();
    await login.waitForURL(`${origin}/admin`);
    const storageState = await signedIn.storageState();
    await signedIn.close();

    const times: number[] = [];
    let scripts = new Map<string, Buffer>();
    for (let load = 0; load < LOADS; load++) {
      const context = await browser.newContext({ storageState });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const bodies = new Map<string, Promise<Buffer | null>>();
      page.on("response", (response) => {
        if (response.request().resourceType() === "script")
          bodies.set(
            response.url(),
            response.body().catch(() => null),
          );
      });
      const navigation = page.goto(`${origin}/admin/posts/new`, { waitUntil: "commit" });
      await navigation;
      times.push(await interactiveMs(page));
      // Hydrated for real: typing a title fills the slug.
      await page.getByLabel("Title", { exact: true }).pressSequentially("Weigh");
      await page.waitForFunction(() => (document.getElementById("field-slug") as HTMLInputElement).value === "weigh");
      await page.waitForLoadState("networkidle");
      scripts = new Map(
        (await Promise.all([...bodies].map(async ([url, body]) => [url, await body] as const))).filter(
          (entry): entry is [string, Buffer] => entry[1] !== null,
        ),
      );
      await context.close();
    }
    const bytes = [...scripts.values()];
    const sorted = [...times].sort((a, b) => a - b);
    return {
      scripts: bytes.length,
      jsBytes: bytes.reduce((sum, body) => sum + body.length, 0),
      jsGzipBytes: bytes.reduce((sum, body) => sum + gzipSync(body).length, 0),
      interactiveMs: times.map(Math.round),
      medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    };
  } finally {
    await browser.close();
  }
}
