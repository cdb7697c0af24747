// The reader's lists on the database the tests run on (SQLite, or PostgreSQL with
// QUIRE_TEST_DATABASE=postgres): keyset pages, scopes, counts, and what readers never see.
import { beforeAll, describe, expect, test } from "vitest";
import { migratedDb } from "@/test/helpers";
import { comments, postTags, posts, tags, users } from "../schema";
import {
  countPublishedPosts,
  cursorAtOffset,
  listArchive,
  listFeaturedPosts,
  listFeedPosts,
  listPublishedPosts,
  listSitemapPosts,
  tagsByPost,
} from "./post-lists";
import { getAdjacentPosts, getPublishedBySlug, isPublishedSlug } from "./posts";

const HOUR = 3_600_000;
const base = Date.now() - 1_000 * HOUR;
const at = (hour: number) => new Date(base + hour * HOUR);

// Public posts 1–8, each an hour after the one before, except 4 and 5, published at the
// same millisecond (the keyset's id decides between them). Post 3 is by the second author
// and featured; 1, 3 and 5 have tag 1. Then what readers never see, and a page.
beforeAll(async () => {
  const db = migratedDb();
  await db.insert(users).values([
    { id: 1, email: "a@example.com", name: "Ada", slug: "ada", role: "owner", passwordHash: "x" },
    { id: 2, email: "b@example.com", name: "Bo", slug: "bo", role: "author", passwordHash: "x" },
  ]);
  await db.insert(tags).values([
    { id: 1, name: "One", slug: "one" },
    { id: 2, name: "Two", slug: "two" },
  ]);
  const post = (id: number, hour: number | null, extra: Partial<typeof posts.$inferInsert> = {}) => ({
    id,
    title: `Post ${id}`,
    slug: `post-${id}`,
    plaintext: `Body of post ${id}`,
    status: "published" as const,
    publishedAt: hour === null ? null : at(hour),
    authorId: 1,
    ...extra,
  });
  await db.insert(posts).values([
    post(1, 1),
    post(2, 2),
    post(3, 3, { authorId: 2, featured: true }),
    post(4, 4),
    post(5, 4),
    post(6, 6),
    post(7, 7),
    post(8, 8),
    post(20, null, { status: "draft" }),
    post(21, 2_000, { status: "scheduled" }),
    post(22, 2_000), // "published" with a future date: hidden until then
    post(23, 5, { deletedAt: at(9) }),
    post(30, 5, { type: "page" }),
  ]);
  await db.insert(postTags).values([
    { postId: 1, tagId: 1, position: 0 },
    { postId: 3, tagId: 2, position: 0 },
    { postId: 3, tagId: 1, position: 1 },
    { postId: 5, tagId: 1, position: 0 },
    { postId: 20, tagId: 1, position: 0 },
    { postId: 23, tagId: 1, position: 0 },
  ]);
  const comment = (postId: number, status: "approved" | "pending") => ({
    postId,
    status,
    authorName: "Reader",
    markdown: "Hi",
    html: "<p>Hi</p>",
  });
  await db
    .insert(comments)
    .values([comment(3, "approved"), comment(3, "approved"), comment(3, "pending"), comment(6, "pending")]);
});

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe("reader lists", () => {
  test("pages by the (published_at, id) keyset, newest first, with public posts only", async () => {
    const first = await listPublishedPosts({ limit: 3 });
    expect(ids(first)).toEqual([8, 7, 6]);
    const last = first.at(-1)!;
    const second = await listPublishedPosts({ limit: 3, before: { publishedAt: last.publishedAt!, id: last.id } });
    expect(ids(second)).toEqual([5, 4, 3]);
    // The cursor sits between the two posts of the same millisecond.
    const third = await listPublishedPosts({ limit: 3, before: { publishedAt: at(4), id: 5 } });
    expect(ids(third)).toEqual([4, 3, 2]);
    expect(ids(await listPublishedPosts({ limit: 10, before: { publishedAt: at(1), id: 1 } }))).toEqual([]);
  });

  test("a card has its author, a date and its approved comments counted, as a number", async () => {
    const [card] = await listPublishedPosts({ limit: 1, scope: { authorId: 2 } });
    expect(card).toMatchObject({ id: 3, authorName: "Bo", authorSlug: "bo", commentCount: 2, featured: true });
    expect(card!.publishedAt).toEqual(at(3));
    const [plain] = await listPublishedPosts({ limit: 1 });
    expect(plain).toMatchObject({ id: 8, commentCount: 0, plaintext: "Body of post 8" });
  });

  test("a tag's, an author's, and the list without the pinned posts", async () => {
    expect(ids(await listPublishedPosts({ limit: 10, scope: { tagId: 1 } }))).toEqual([5, 3, 1]);
    expect(ids(await listPublishedPosts({ limit: 10, scope: { authorId: 1, excludeIds: [8, 4] } }))).toEqual([
      7, 6, 5, 2, 1,
    ]);
    expect(await countPublishedPosts()).toBe(8);
    expect(await countPublishedPosts({ tagId: 1 })).toBe(3);
    expect(await countPublishedPosts({ tagId: 2 })).toBe(1);
    expect(await countPublishedPosts({ authorId: 2 })).toBe(1);
    expect(await countPublishedPosts({ excludeIds: [8, 4] })).toBe(6);
  });

  test("the cursor of page N is the post just before it", async () => {
    expect(await cursorAtOffset({}, 0)).toBeUndefined();
    expect(await cursorAtOffset({}, 4)).toEqual({ publishedAt: at(4), id: 5 });
    const cursor = await cursorAtOffset({ tagId: 1 }, 1);
    expect(cursor).toEqual({ publishedAt: at(4), id: 5 });
    expect(ids(await listPublishedPosts({ limit: 5, scope: { tagId: 1 }, before: cursor }))).toEqual([3, 1]);
    expect(await cursorAtOffset({}, 8)).toEqual({ publishedAt: at(1), id: 1 });
    expect(await cursorAtOffset({}, 9)).toBeUndefined();
  });

  test("featured posts, feeds, the archive, the sitemap and each post's tags", async () => {
    expect(ids(await listFeaturedPosts({ limit: 5 }))).toEqual([3]);
    expect(ids(await listFeedPosts({ limit: 2 }))).toEqual([8, 7]);
    expect(ids(await listFeedPosts({ limit: 5, scope: { tagId: 1 } }))).toEqual([5, 3, 1]);
    expect(ids(await listArchive())).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await listSitemapPosts()).map((row) => row.slug)).toEqual([
      ...[8, 7, 6, 5, 4, 3, 2, 1].map((id) => `post-${id}`),
      "post-30",
    ]);
    const tagsOf = await tagsByPost([3, 1, 8]);
    expect(tagsOf.get(3)).toEqual([
      { name: "Two", slug: "two" },
      { name: "One", slug: "one" },
    ]);
    expect(tagsOf.get(1)).toEqual([{ name: "One", slug: "one" }]);
    expect(tagsOf.has(8)).toBe(false);
  });
});

describe("a post's page", () => {
  test("finds published posts and pages by slug, and nothing readers may not see", async () => {
    expect(await getPublishedBySlug({ slug: "post-3" })).toMatchObject({ id: 3, authorName: "Bo", publishedAt: at(3) });
    expect(await getPublishedBySlug({ slug: "post-30" })).toMatchObject({ id: 30, type: "page" });
    for (const slug of ["post-20", "post-21", "post-22", "post-23", "nothing"]) {
      expect(await getPublishedBySlug({ slug }), slug).toBeUndefined();
      expect(await isPublishedSlug(slug), slug).toBe(false);
    }
    expect(await isPublishedSlug("post-1")).toBe(true);
  });

  test("its older and newer neighbours, by date and then id", async () => {
    const around = (id: number, hour: number) => getAdjacentPosts({ id, publishedAt: at(hour) });
    expect(await around(5, 4)).toEqual({
      older: { title: "Post 4", slug: "post-4" },
      newer: { title: "Post 6", slug: "post-6" },
    });
    expect(await around(4, 4)).toEqual({
      older: { title: "Post 3", slug: "post-3" },
      newer: { title: "Post 5", slug: "post-5" },
    });
    expect(await around(1, 1)).toEqual({ older: undefined, newer: { title: "Post 2", slug: "post-2" } });
    expect(await around(8, 8)).toEqual({ older: { title: "Post 7", slug: "post-7" }, newer: undefined });
  });
});
