import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import GhostAdminAPI from "@tryghost/admin-api";
import { expect, test } from "../fixtures/test";
import { pngBytes, staffPage } from "../fixtures/admin";
import { revokeKeys } from "../fixtures/api-keys";
import { query, run } from "../fixtures/db";
import { createIntegration, deleteIntegrationRows, dumpPosts, signJwt } from "../fixtures/integrations";
import { OWNER, signInAsOwner, unique } from "../fixtures/site";

// Ghost's own Admin API client, unchanged, against Quire.
const client = (baseURL: string, key: string) => new GhostAdminAPI({ url: baseURL, key, version: "v5.0" });

test("Ghost's Admin API client creates, edits, publishes, schedules and deletes posts and uploads an image", async ({
  page,
  baseURL,
  request,
}) => {
  test.setTimeout(60_000);
  await signInAsOwner(page);
  const name = `Publisher ${unique()}`;
  const { adminKey } = await createIntegration(page, name, "editor");
  const api = client(baseURL!, adminKey);
  const word = unique();

  // From HTML (Ghost clients without a Markdown source): converted, sanitised, a draft by the creator.
  const post = await api.posts.add(
    {
      title: `Draft ${word}`,
      html: `<h2>Heading ${word}</h2><p>Hello <strong>world</strong></p><script>window.hacked=1</script>`,
      tags: [`api-${word}`, { name: `second-${word}` }],
    },
    { source: "html" },
  );
  expect(post).toMatchObject({ title: `Draft ${word}`, status: "draft" });
  expect(String(post.html)).toContain("<strong>world</strong>");
  expect(String(post.html)).not.toContain("script");
  const stored = (
    await query<{ markdown: string; author: string }>(
      "SELECT markdown, (SELECT name FROM users WHERE id = author_id) AS author FROM posts WHERE id = ?",
      Number(post.id),
    )
  )[0]!;
  expect(stored.markdown).toContain("**world**");
  expect(stored.author).toBe(OWNER.name);
  expect((post.tags as { slug: string }[]).map((tag) => tag.slug)).toEqual([`api-${word}`, `second-${word}`]);

  const edited = await api.posts.edit({
    id: post.id,
    updated_at: post.updated_at,
    title: `Edited ${word}`,
    markdown: `Body **${word}**.`,
  });
  expect(edited.title).toBe(`Edited ${word}`);

  // A stale updated_at: Ghost's 409, nothing changed.
  const before = await dumpPosts();
  const stale = await api.posts
    .edit({ id: post.id, updated_at: post.updated_at, title: "Lost update" })
    .catch((error: Error) => error);
  expect(stale).toMatchObject({ name: "UpdateCollisionError" });
  expect(await dumpPosts()).toEqual(before);

  const published = await api.posts.edit({ id: post.id, updated_at: edited.updated_at, status: "published" });
  expect(published.status).toBe("published");
  await page.goto(`/${published.slug}`);
  await expect(page.getByRole("heading", { name: `Edited ${word}` })).toBeVisible();
  await expect(page.getByText(`Body ${word}.`)).toBeVisible();

  // Browse with a filter sees drafts too; read by slug.
  const draft = await api.posts.add({ title: `Other draft ${word}`, markdown: "Not yet.", tags: [`api-${word}`] });
  const browsed = await api.posts.browse({ filter: `tag:api-${word}`, order: "title asc", limit: 10 });
  expect(browsed.map((item) => item.title)).toEqual([`Edited ${word}`, `Other draft ${word}`]);
  expect((await api.posts.read({ slug: draft.slug })).status).toBe("draft");

  // Image: the same pipeline as the editor; the URL serves the image.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "quire-img-")), "photo.png");
  fs.writeFileSync(file, await pngBytes(800, 400));
  const image = await api.images.upload({ file, ref: "photo.png" });
  expect(image.ref).toBe("photo.png");
  const served = await request.get(new URL(image.url).pathname);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");

  // Scheduled: live on the reader site once its time has come (the scheduler ticks every second).
  const scheduled = await api.posts.add({
    title: `Scheduled ${word}`,
    markdown: "Later.",
    status: "scheduled",
    published_at: new Date(Date.now() + 2500).toISOString(),
  });
  expect(scheduled.status).toBe("scheduled");
  expect((await request.get(`/${scheduled.slug}`)).status()).toBe(404);
  await expect.poll(async () => (await request.get(`/${scheduled.slug}`)).status(), { timeout: 15_000 }).toBe(200);
  await api.posts.delete({ id: scheduled.id }); // the reader journeys expect the home page they know

  // Delete: 204, gone from the site and the API.
  await api.posts.delete({ id: published.id });
  expect((await request.get(`/${published.slug}`)).status()).toBe(404);
  expect(await api.posts.read({ id: published.id }).catch((error: Error) => error.name)).toBe("NotFoundError");

  // Tags: add, edit, delete.
  const tag = await api.tags.add({ name: `Tag ${word}` });
  const renamed = await api.tags.edit({ id: tag.id, updated_at: "", name: `Renamed ${word}` });
  expect(renamed).toMatchObject({ name: `Renamed ${word}`, slug: tag.slug });
  await api.tags.delete({ id: tag.id });
  expect(await api.tags.read({ id: tag.id }).catch((error: Error) => error.name)).toBe("NotFoundError");
  await deleteIntegrationRows(name);
});

test("the Admin API refuses bad keys and tokens, a contributor publishing, and odd filters, changing nothing", async ({
  page,
  baseURL,
  request,
}) => {
  await signInAsOwner(page);
  const name = `Refusals ${unique()}`;
  const contributorName = `Contributor bot ${unique()}`;
  const { contentKey, adminKey } = await createIntegration(page, name, "editor");
  const { adminKey: contributorKey } = await createIntegration(page, contributorName, "contributor");
  const [keyId, secret] = adminKey.split(":") as [string, string];
  const body = { data: { posts: [{ title: `Refused ${unique()}`, status: "published" }] } };
  const before = await dumpPosts();

  const post = (authorization?: string) =>
    request.post("/ghost/api/admin/posts/", { ...body, headers: authorization ? { authorization } : {} });
  expect((await post()).status()).toBe(401);
  expect((await post(`Ghost ${contentKey}`)).status()).toBe(401);
  expect((await request.post(`/ghost/api/admin/posts/?key=${contentKey}`, body)).status()).toBe(401);
  const now = Math.floor(Date.now() / 1000);
  expect((await post(`Ghost ${signJwt(keyId, secret, { iat: now - 900, exp: now - 600 })}`)).status()).toBe(401);
  expect((await post(`Ghost ${signJwt(keyId, "ab".repeat(32), {})}`)).status()).toBe(401);
  expect((await post(`Ghost ${signJwt(keyId, secret, { exp: now + 3600 })}`)).status()).toBe(401);
  const refused = await post(`Ghost ${signJwt(keyId, secret, { iat: now - 900, exp: now - 600 })}`);
  expect((await refused.json()).errors[0]).toMatchObject({ type: "UnauthorizedError" });

  const contributor = client(baseURL!, contributorKey);
  const forbidden = await contributor.posts
    .add({ title: `Contributor ${unique()}`, status: "published" })
    .catch((error: Error) => error);
  expect(forbidden).toMatchObject({ name: "NoPermissionError" });

  // The same key works until it is revoked.
  const valid = `Ghost ${signJwt(keyId, secret, {})}`;
  const odd = [
    "tag:'",
    "x".repeat(10_000),
    "password_hash:x",
    "slug:x');DROP TABLE posts;--",
    "status:[draft",
    "title:>",
  ];
  for (const filter of odd) {
    // No trailing slash: Next's 308 would repeat the 10 KB URL in a Location header.
    const answer = await request.get(`/ghost/api/admin/posts?filter=${encodeURIComponent(filter)}`, {
      headers: { authorization: valid },
    });
    expect(answer.status(), filter.slice(0, 40)).toBe(400);
    expect((await answer.json()).errors[0].type).toBe("BadRequestError");
  }
  // The native mount takes the same token.
  const native = await request.get("/api/v1/admin/posts?limit=1&filter=status:draft", {
    headers: { authorization: valid },
  });
  expect(native.status()).toBe(200);
  expect((await native.json()).posts.every((item: { status: string }) => item.status === "draft")).toBe(true);
  // Elsewhere a trailing slash still redirects, as Next does; only /ghost/ paths take it internally.
  const slashed = await request.get("/about/?x=1", { maxRedirects: 0 });
  expect(slashed.status()).toBe(308);
  expect(slashed.headers().location).toMatch(/\/about\?x=1$/);
  await revokeKeys(name);
  expect((await post(valid)).status()).toBe(401);
  expect(await dumpPosts()).toEqual(before);
  await deleteIntegrationRows(name);
  await deleteIntegrationRows(contributorName);
});

test("an integration made by someone later suspended may no longer write, and only admins manage integrations", async ({
  browser,
  baseURL,
}) => {
  const { page, person } = await staffPage(browser, "admin");
  const name = `Orphan ${unique()}`;
  const { adminKey } = await createIntegration(page, name, "editor");
  const api = client(baseURL!, adminKey);
  const draft = await api.posts.add({ title: `By ${person.name}`, markdown: "Hi." });
  expect(
    (
      await query<{ author: string }>(
        "SELECT (SELECT name FROM users WHERE id = author_id) AS author FROM posts WHERE id = ?",
        Number(draft.id),
      )
    )[0]!.author,
  ).toBe(person.name);
  expect(
    (
      await query<{ actor_label: string }>(
        "SELECT actor_label FROM audit_log WHERE action = 'post.create' AND target_type = 'post' AND target_id = ?",
        String(draft.id),
      )
    )[0]?.actor_label,
  ).toBe(name);

  await run("UPDATE users SET status = 'suspended' WHERE email = ?", person.email);
  const before = await dumpPosts();
  const refused = await api.posts.add({ title: "Not any more", markdown: "No." }).catch((error: Error) => error);
  expect(refused).toMatchObject({ name: "NoPermissionError" });
  expect(await dumpPosts()).toEqual(before);
  await deleteIntegrationRows(name);

  const { page: editor } = await staffPage(browser, "editor");
  await editor.goto("/admin/settings/integrations");
  await expect(editor.getByRole("alert").filter({ hasText: "Only administrators manage integrations." })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Create integration" })).toHaveCount(0);
});
