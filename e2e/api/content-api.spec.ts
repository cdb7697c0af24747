import GhostContentAPI from "@tryghost/content-api";
import { expect, test } from "../fixtures/test";
import { createContentKey, revokeKeys } from "../fixtures/api-keys";
import { createPost, createTag } from "../fixtures/content";
import { OWNER, unique } from "../fixtures/site";

// Ghost's own client, unchanged, against Quire.
function client(baseURL: string, key: string) {
  return new GhostContentAPI({ url: baseURL, key, version: "v5.0" });
}

test("Ghost's Content API client browses, filters, paginates and reads by slug", async ({ baseURL }) => {
  const tag = `api-${unique()}`;
  const other = `other-${unique()}`;
  await createTag({ name: tag, slug: tag });
  await createTag({ name: other, slug: other });
  // One base time: rendering a post can take over a second on a busy machine, which
  // would otherwise make "Tagged 2" newer than "Tagged 1".
  const now = Date.now();
  for (let i = 1; i <= 3; i++) {
    await createPost({
      title: `Tagged ${i} ${tag}`,
      slug: `${tag}-${i}`,
      tags: [tag],
      publishedAt: new Date(now - i * 1000),
      markdown: "Body text.",
    });
  }
  await createPost({ title: `Featured ${other}`, slug: `${other}-f`, tags: [other], featured: true });
  await createPost({ title: `Draft ${tag}`, slug: `${tag}-draft`, tags: [tag], status: "draft" });
  const api = client(baseURL!, await createContentKey(`content-${tag}`));

  const page1 = await api.posts.browse({ filter: `tag:${tag}`, include: ["tags", "authors"], limit: 2 });
  expect(page1.map((post) => post.title)).toEqual([`Tagged 1 ${tag}`, `Tagged 2 ${tag}`]);
  expect(page1.meta.pagination).toMatchObject({ page: 1, limit: 2, pages: 2, total: 3, next: 2, prev: null });
  expect(page1[0]!.primary_tag!.slug).toBe(tag);
  expect(page1[0]!.primary_author!.name).toBe(OWNER.name);
  expect(page1[0]!.primary_author).not.toHaveProperty("email");
  expect(page1[0]!.url).toContain(`/${tag}-1/`);

  const page2 = await api.posts.browse({ filter: `tag:${tag}`, limit: 2, page: 2 });
  expect(page2.map((post) => post.title)).toEqual([`Tagged 3 ${tag}`]);

  const either = await api.posts.browse({
    filter: `tag:${tag}+slug:-${tag}-1,featured:true+tag:${other}`,
    limit: "all",
  });
  expect(either.map((post) => post.slug).sort()).toEqual([`${other}-f`, `${tag}-2`, `${tag}-3`].sort());

  const bySlug = await api.posts.read({ slug: `${tag}-2` }, { formats: ["html", "plaintext"] } as never);
  expect(bySlug).toMatchObject({
    title: `Tagged 2 ${tag}`,
    html: "<p>Body text.</p>",
    plaintext: "Body text.",
    reading_time: 1,
  });

  const fields = await api.posts.browse({ filter: `slug:${tag}-3`, fields: "title,slug" });
  expect(Object.keys(fields[0]!).sort()).toEqual(["slug", "title"]);

  const tags = await api.tags.browse({ limit: "all" });
  expect(tags.map((t) => t.slug)).toContain(tag);
  const settings = await api.settings.browse();
  expect(settings.title).toBe(OWNER.siteTitle);
});

test("drafts never appear, odd filters answer 400, and keys are checked", async ({ request }) => {
  const name = `keys-${unique()}`;
  const key = await createContentKey(name);
  const slug = `secret-${unique()}`;
  await createPost({ title: "Secret draft", slug, status: "draft" });

  const draft = await request.get(`/ghost/api/content/posts/slug/${slug}?key=${key}`);
  expect(draft.status()).toBe(404);
  const search = await request.get(`/api/v1/posts?filter=${encodeURIComponent(`slug:${slug}`)}`);
  expect((await search.json()).posts).toEqual([]);

  for (const filter of [
    "tag:'",
    "x".repeat(10_000),
    "password_hash:x",
    "tag:a;DROP TABLE posts",
    "published_at:>'not a date'",
    "((((((((((((tag:a))))))))))))",
  ]) {
    const response = await request.get(`/api/v1/posts?filter=${encodeURIComponent(filter)}`);
    expect(response.status(), filter.slice(0, 40)).toBe(400);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ type: "BadRequestError", message: expect.any(String) });
  }

  expect((await request.get("/ghost/api/content/posts")).status()).toBe(401);
  expect((await request.get(`/ghost/api/content/posts?key=${"0".repeat(26)}`)).status()).toBe(401);
  await revokeKeys(name);
  const revoked = await request.get(`/ghost/api/content/posts?key=${key}`);
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).errors[0].type).toBe("UnauthorizedError");
});

test("answers carry an ETag, honour If-None-Match, and allow cross-origin reads", async ({ request }) => {
  const first = await request.get("/api/v1/posts?limit=1");
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  expect(first.headers()["cache-control"]).toContain("public");
  const etag = first.headers().etag!;
  expect(etag).toMatch(/^W\/".+"$/);
  const again = await request.get("/api/v1/posts?limit=1", { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
});
