import fs from "node:fs";
import { type APIRequestContext, expect, test } from "../fixtures/test";
import { query } from "../fixtures/db";
import { createIntegration, signJwt } from "../fixtures/integrations";
import { signInAsOwner, unique } from "../fixtures/site";
import { createPost } from "../comments/helpers";

// Issue 6, point 6: oversized and strange input gets a quick 4xx with a sentence, the
// server's memory stays bounded and it keeps answering.

// A browser sends Origin with every form POST, and the app refuses one without it
// (SECURITY.md, CSRF): these raw POSTs say where they come from as a browser would.
test.use({ extraHTTPHeaders: async ({ baseURL }, use) => use({ origin: new URL(baseURL!).origin }) });

/** The pid of this run's server (bin/server.mjs listening on the journeys' port), from /proc. */
function serverPid(port: string): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("bin/server.mjs")) continue;
      if (fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // a process that ended, or another user's
    }
  }
  throw new Error(`no bin/server.mjs with PORT=${port}`);
}
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

/** The comment form's fields as the page prints them (its no-JavaScript POST), after its minimum age. */
async function commentForm(request: APIRequestContext, slug: string) {
  const html = await (await request.get(`/${slug}`)).text();
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="(\$ACTION_[^"]+|issued|postId)"(?: value="([^"]*)")?/g,
  )) {
    fields[name!] = (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  }
  await new Promise((resolve) => setTimeout(resolve, 3_300));
  return fields;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await work();
  return [result, Date.now() - started];
}

const MB = 1024 * 1024;
const figures: string[] = [];

test.afterAll(() => console.log(`[input-limits] ${figures.join("; ")}`));

test("a 10 MB comment, a 1 MB name, 100,000 links and 60 MB uploads get a quick 413; memory stays bounded", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const pid = serverPid(new URL(baseURL!).port);
  const before = rssMb(pid);
  const post = await createPost();
  const form = await commentForm(request, post.slug);
  const email = `limits-${unique()}@example.com`;
  let peak = before;

  const refusals: [string, () => Promise<{ status: () => number; text: () => Promise<string> }>, string][] = [
    [
      "10 MB comment (form POST)",
      () => request.post(`/${post.slug}`, { multipart: { ...form, name: "Big", email, body: "a".repeat(10 * MB) } }),
      "That is too much to send at once: at most 1 MB. Nothing was saved.",
    ],
    [
      "10 MB comment (server action)",
      () =>
        request.post(`/${post.slug}`, {
          headers: { "next-action": JSON.parse(form["$ACTION_1:0"] ?? "{}").id ?? "x", accept: "text/x-component" },
          multipart: { "1_body": "a".repeat(10 * MB) },
        }),
      "That is too much to send at once: at most 1 MB. Nothing was saved.",
    ],
    [
      "1 MB name",
      () => request.post(`/${post.slug}`, { multipart: { ...form, name: "n".repeat(MB), email, body: "Hello." } }),
      "That is too much to send at once: at most 1 MB. Nothing was saved.",
    ],
    [
      "100,000 links in a comment",
      () =>
        request.post(`/${post.slug}`, {
          multipart: {
            ...form,
            name: "Links",
            email,
            body: Array.from({ length: 100_000 }, (_, i) => `https://e.example/${i}`).join(" "),
          },
        }),
      "That is too much to send at once",
    ],
    [
      "60 MB upload (editor)",
      () =>
        page.request.post("/api/media", {
          multipart: { file: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(60 * MB, 1) }, alt: "Big" },
          headers: { origin: baseURL! },
        }),
      "The file is too large: images may be at most 10 MB.",
    ],
    [
      "60 MB upload (Admin API)",
      () =>
        request.post("/ghost/api/admin/images/upload/", {
          multipart: { file: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(60 * MB, 1) } },
        }),
      "The file is too large: images may be at most 10 MB.",
    ],
  ];
  await signInAsOwner(page);
  for (const [label, send, message] of refusals) {
    const [response, ms] = await timed(send);
    expect(response.status(), label).toBe(413);
    expect(await response.text(), label).toContain(message);
    expect(ms, `${label} answered in ${ms} ms`).toBeLessThan(5_000);
    peak = Math.max(peak, rssMb(pid));
    figures.push(`${label}: 413 in ${ms} ms`);
  }
  expect(await query("SELECT id FROM comments WHERE post_id = ?", post.id)).toEqual([]);

  // Within the size limit, each field says what is wrong: a 100,000-character name.
  const longName = await request.post(`/${post.slug}`, {
    multipart: { ...form, name: "n".repeat(100_000), email, body: "Hello." },
  });
  expect(longName.status()).toBe(200);
  expect(await longName.text()).toContain("Keep your name under 80 characters.");

  const after = rssMb(pid);
  figures.push(`server RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak, ${after.toFixed(0)} MB after`);
  // Nothing above was buffered whole: the server grew by far less than the 240 MB sent.
  expect(peak - before).toBeLessThan(120);
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("10,000 nested quotes are refused quickly in a comment and a post; 100,000 links are refused as too long", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const post = await createPost();
  const form = await commentForm(request, post.slug);
  const nested = `${">".repeat(10_000)} deep`;
  const [comment, commentMs] = await timed(() =>
    request.post(`/${post.slug}`, {
      multipart: { ...form, name: "Nest", email: `nest-${unique()}@example.com`, body: nested },
    }),
  );
  expect(comment.status()).toBe(200);
  expect(await comment.text()).toContain("Quotes, lists, links and emphasis can nest at most 32 levels deep.");
  expect(commentMs).toBeLessThan(3_000);
  expect(await query("SELECT id FROM comments WHERE post_id = ?", post.id)).toEqual([]);
  figures.push(`10,000 nested quotes (comment): refused in ${commentMs} ms`);

  await signInAsOwner(page);
  const { adminKey } = await createIntegration(page, `Limits ${unique()}`, "editor");
  const [id, secret] = adminKey.split(":") as [string, string];
  const authorization = () => `Ghost ${signJwt(id, secret, {})}`;
  const add = (post: Record<string, unknown>) =>
    request.post("/ghost/api/admin/posts/", {
      headers: { authorization: authorization(), "content-type": "application/json" },
      data: JSON.stringify({ posts: [post] }),
    });

  const [deep, deepMs] = await timed(() => add({ title: `Deep ${unique()}`, markdown: nested }));
  expect(deep.status()).toBe(422);
  expect(JSON.stringify(await deep.json())).toContain("can nest at most 32 levels deep");
  expect(deepMs).toBeLessThan(3_000);
  figures.push(`10,000 nested quotes (post, Admin API): 422 in ${deepMs} ms`);

  const links = Array.from({ length: 100_000 }, (_, i) => `https://e.example/${i}`).join(" ");
  const [many, manyMs] = await timed(() => add({ title: `Links ${unique()}`, markdown: links }));
  expect(many.status()).toBe(422);
  expect(manyMs).toBeLessThan(5_000);
  figures.push(`100,000 links (post, ${(links.length / MB).toFixed(1)} MB): 422 in ${manyMs} ms`);

  // The editor's save answers the same in the form.
  await page.goto("/admin/posts/new");
  await page.getByLabel("Title", { exact: true }).fill(`Nested ${unique()}`);
  await page.getByLabel("Body (Markdown)").fill(">".repeat(2_000) + " deep");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(
    page.getByText("Quotes, lists, links and emphasis can nest at most 32 levels deep.").first(),
  ).toBeVisible();
  expect((await request.get("/api/health")).status()).toBe(200);
  void baseURL;
});

test("NUL bytes, lone surrogates and right-to-left overrides are stored safely", async ({ page, request }) => {
  const post = await createPost();
  const form = await commentForm(request, post.slug);
  const email = `odd-${unique()}@example.com`;
  const response = await request.post(`/${post.slug}`, {
    multipart: {
      ...form,
      name: `Eve\u202Egnp.exe\u0000`,
      email,
      body: "nul\u0000byte, lone \uD800 surrogate, \u202Eoverride",
    },
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("awaiting moderation");
  const [stored] = await query<{ author_name: string; markdown: string; html: string }>(
    "SELECT author_name, markdown, html FROM comments WHERE author_email = ?",
    email,
  );
  // NUL and the override leave the name; NUL leaves the body; the surrogate arrives as U+FFFD (UTF-8 cannot carry it).
  expect(stored!.author_name).toBe("Eve gnp.exe");
  expect(stored!.markdown).toBe("nulbyte, lone \uFFFD surrogate, \u202Eoverride");
  expect(stored!.html).not.toContain("\u0000");

  // JSON can carry a lone surrogate as an escape: it is stored as U+FFFD, and the page renders.
  await signInAsOwner(page);
  const { adminKey } = await createIntegration(page, `Odd ${unique()}`, "editor");
  const [id, secret] = adminKey.split(":") as [string, string];
  const title = `Odd ${unique()}`;
  const raw = `{"posts":[{"title":"${title} \\ud800 \\u202e x","markdown":"a\\u0000b \\udfff","status":"published"}]}`;
  const created = await request.post("/ghost/api/admin/posts/", {
    headers: { authorization: `Ghost ${signJwt(id, secret, {})}`, "content-type": "application/json" },
    data: raw,
  });
  expect(created.status()).toBe(201);
  const [row] = await query<{ title: string; slug: string; html: string }>(
    "SELECT title, slug, html FROM posts WHERE title LIKE ?",
    `${title}%`,
  );
  expect(row!.title).toBe(`${title} \uFFFD \u202E x`);
  expect(row!.html).not.toContain("\u0000");
  const shown = await request.get(`/${row!.slug}`);
  expect(shown.status()).toBe(200);
});
