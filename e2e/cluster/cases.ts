// The cases both cluster journeys run: behind nginx with three instances
// (nginx.spec.ts), and one server with QUIRE_WORKERS=3 (workers.spec.ts). Each names
// the addresses it talks to; "instances" are three ways into the same site (three
// instances, or the one port three times: a fresh connection each request, so the
// cluster's round robin hands them to different workers).
import http from "node:http";
import { expect, type Browser } from "@playwright/test";
import { pngBytes, writeDraft } from "../fixtures/admin";
import { webhookReceiver } from "../fixtures/integrations";
import { mailTo } from "../fixtures/smtp";
import { STAFF, writeDb, type ClusterSite } from "./cluster";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A GET on a connection of its own (no keep-alive): behind node:cluster, any worker may take it. */
export function freshGet(url: string): Promise<{ status: number; body: string; cache: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: 10_000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body, cache: String(response.headers["x-quire-cache"] ?? "") }),
      );
    });
    request.on("timeout", () => request.destroy(new Error(`timeout: ${url}`)));
    request.on("error", reject);
  });
}

/** Signs in through `signInOrigin`; the session must then work at every other origin, and sign-out must end it there. */
export async function sessionEverywhere(browser: Browser, signInOrigin: string, others: string[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${signInOrigin}/admin/login`);
    await page.getByLabel("Email").fill(STAFF.email);
    await page.getByLabel("Password").fill(STAFF.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    for (const origin of others) {
      // Several loads each: behind one port, each may reach another worker.
      for (let i = 0; i < 3; i++) {
        await page.goto(`${origin}/admin`);
        await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
      }
    }
    await page.goto(`${signInOrigin}/admin`);
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/admin\/login/);
    for (const origin of [signInOrigin, ...others]) {
      await page.goto(`${origin}/admin`);
      await expect(page).toHaveURL(/\/admin\/login/);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    }
  } finally {
    await context.close();
  }
}

/**
 * Publishes a post in the editor at `writeOrigin`; the home page read at every one of
 * `readOrigins` (each first cached there) shows it within 1 s of the editor saying so.
 */
export async function publishedEverywhere(browser: Browser, writeOrigin: string, readOrigins: string[]) {
  const context = await browser.newContext({ baseURL: writeOrigin });
  const page = await context.newPage();
  try {
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill(STAFF.email);
    await page.getByLabel("Password").fill(STAFF.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const title = `Seen everywhere ${unique()}`;
    await writeDraft(page, title, "Published once, read from every process.");

    // Every reader of the home page holds it in its page cache, without the new post.
    for (const origin of readOrigins) {
      await expect.poll(async () => (await freshGet(`${origin}/`)).cache, { timeout: 10_000 }).toBe("hit");
    }

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("button", { name: "Publish now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
    const published = Date.now();
    // Every reader polled at once; each time is when its first page with the post arrived.
    const seenAfter = await Promise.all(
      readOrigins.map(async (origin) => {
        while (!(await freshGet(`${origin}/`)).body.includes(title) && Date.now() - published < 5_000) await sleep(25);
        return Date.now() - published;
      }),
    );
    expect(
      seenAfter.every((ms) => ms < 1000),
      `seen after ${seenAfter.join(", ")} ms`,
    ).toBe(true);
    // And it stays seen: no process answers from a stale copy afterwards.
    for (const origin of readOrigins) {
      for (let i = 0; i < 3; i++) expect((await freshGet(`${origin}/`)).body).toContain(title);
    }
  } finally {
    await context.close();
  }
}

/** A published post of its own, open to comments, by `authorId`. */
export async function addPost(
  site: ClusterSite,
  title: string,
  authorId = site.ownerId,
  status = "published",
  at = Date.now(),
) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const id = await writeDb(site, (db) =>
    db.insert(
      "INSERT INTO posts (title, slug, status, published_at, author_id, markdown, html, plaintext) VALUES (?, ?, ?, ?, ?, 'Body.', '<p>Body.</p>', 'Body.')",
      title,
      slug,
      status,
      db.time(at),
      authorId,
    ),
  );
  return { id, slug, title };
}

/** A comment form token, old enough to send with (the form refuses tokens under 3 s old). */
export async function formToken(origin: string): Promise<string> {
  const { issued } = (await (await fetch(`${origin}/api/comments/viewer`)).json()) as { issued: string };
  await sleep(3_200);
  return issued;
}

/**
 * The POST the comment form sends with JavaScript, on a connection of its own (so that
 * behind node:cluster consecutive comments reach different workers); returns the status.
 */
export function sendComment(
  origin: string,
  { postId, issued, email, body }: { postId: number; issued: string; email: string; body: string },
): Promise<number> {
  const payload = JSON.stringify({ postId, issued, company: "", name: "Rita Reader", email, body });
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}/api/comments`,
      {
        method: "POST",
        agent: false,
        timeout: 15_000,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), origin },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`timeout: ${origin}/api/comments`)));
    request.on("error", reject);
    request.end(payload);
  });
}

/**
 * The comment rate limit of one post (20 a minute, whoever sends them) holds across
 * processes: 20 comments through `mixedOrigin` are taken, the 21st is refused there
 * and at each of `origins`.
 */
export async function rateLimitShared(site: ClusterSite, mixedOrigin: string, origins: string[]) {
  const post = await addPost(site, `Limited ${unique()}`);
  const issued = await formToken(origins[0]!);
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    statuses.push(
      await sendComment(mixedOrigin, {
        postId: post.id,
        issued,
        email: `reader-${i}-${unique()}@readers.example`,
        body: `Comment number ${i} from a reader ${unique()}.`,
      }),
    );
  }
  expect(
    statuses.every((status) => status === 201 || status === 202),
    `statuses ${statuses.join(", ")}`,
  ).toBe(true);
  for (const origin of [mixedOrigin, ...origins]) {
    const status = await sendComment(origin, {
      postId: post.id,
      issued,
      email: `one-too-many-${unique()}@readers.example`,
      body: `One comment too many ${unique()}.`,
    });
    expect(status, `the 21st comment through ${origin}`).toBe(429);
  }
}

/**
 * A post scheduled for two seconds from now goes live once: one post.published webhook
 * delivery; then one comment on it gives its author one e-mail, whatever number of
 * processes run the scheduler and the outbox.
 */
export async function scheduledOnce(site: ClusterSite, commentOrigin: string) {
  const receiver = await webhookReceiver();
  try {
    const tag = unique();
    const authorEmail = `author-${tag}@example.com`;
    const post = await writeDb(site, async (db) => {
      const integration = await db.insert("INSERT INTO integrations (name, role) VALUES (?, 'editor')", `Hooks ${tag}`);
      await db.run(
        "INSERT INTO webhooks (integration_id, event, target_url) VALUES (?, 'post.published', ?)",
        integration,
        receiver.url,
      );
      const authorId = await db.insert(
        "INSERT INTO users (email, name, slug, role, password_hash) VALUES (?, 'Avery Author', ?, 'author', 'x')",
        authorEmail,
        `avery-${tag}`,
      );
      return { authorId };
    });
    const title = `Scheduled ${tag}`;
    const { id, slug } = await addPost(site, title, post.authorId, "scheduled", Date.now() + 2_000);

    const mine = () => receiver.received.filter((item) => item.json.post?.current.title === title);
    await expect.poll(() => mine().length, { timeout: 20_000 }).toBeGreaterThan(0);
    // Several scheduler and outbox rounds of every process later: still one.
    await sleep(3_000);
    expect(mine().length).toBe(1);
    expect(mine()[0]!.event).toBe("post.published");
    const rows = await writeDb(site, (db) =>
      db.query(
        "SELECT status, (SELECT count(*) FROM posts WHERE slug = ?) AS copies FROM posts WHERE id = ?",
        slug,
        id,
      ),
    );
    expect(rows).toEqual([{ status: "published", copies: 1 }]);
    expect((await freshGet(`${commentOrigin}/${slug}`)).status).toBe(200);

    const issued = await formToken(commentOrigin);
    const status = await sendComment(commentOrigin, {
      postId: id,
      issued,
      email: `commenter-${tag}@readers.example`,
      body: `A comment on the scheduled post ${tag}.`,
    });
    expect([201, 202]).toContain(status);
    await expect.poll(() => mailTo(authorEmail).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await sleep(3_000);
    expect(mailTo(authorEmail).map((mail) => mail.subject)).toEqual([expect.stringContaining(title)]);
  } finally {
    await receiver.close();
  }
}

/** An image uploaded through `uploadOrigin` is served, byte for byte, by every one of `readOrigins`. */
export async function mediaShared(browser: Browser, uploadOrigin: string, readOrigins: string[]): Promise<string> {
  const context = await browser.newContext({ baseURL: uploadOrigin });
  const page = await context.newPage();
  try {
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill(STAFF.email);
    await page.getByLabel("Password").fill(STAFF.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const response = await page.request.post("/api/media", {
      multipart: {
        file: { name: "shared.png", mimeType: "image/png", buffer: await pngBytes(800, 400) },
        alt: "Shared",
      },
      headers: { origin: uploadOrigin },
    });
    expect(response.status()).toBe(201);
    const { url } = (await response.json()) as { url: string };
    const original = Buffer.from(await (await fetch(`${uploadOrigin}${url}`)).arrayBuffer());
    expect(original.length).toBeGreaterThan(0);
    for (const origin of readOrigins) {
      const served = await fetch(`${origin}${url}`);
      expect(served.status, `${origin}${url}`).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await served.arrayBuffer()).equals(original)).toBe(true);
    }
    return url;
  } finally {
    await context.close();
  }
}
