// The export's reader on either database: one snapshot for the whole export while the site
// keeps writing, and rows in the encodings its row types promise (dates as epoch
// milliseconds, booleans as 0 or 1, JSON as text, counts as numbers), which PostgreSQL's
// timestamptz, boolean, jsonb and bigint would otherwise not be.
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { openExportSnapshot } from "@/db/queries/export";
import { comments, media, posts, settings } from "@/db/schema";
import { write } from "@/db/transaction";
import { getEnv } from "@/lib/env";
import { siteWithOwner } from "../test-support";

const T0 = Date.UTC(2026, 0, 15, 9, 30, 0);

async function all<R>(pages: AsyncGenerator<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

test("rows written after the export began are in none of its pages, and the next export has them", async () => {
  await siteWithOwner();
  await write(async (db) => {
    await db
      .insert(posts)
      .values([1, 2, 3].map((id) => ({ id, title: `Post ${id}`, slug: `post-${id}`, authorId: 1 })));
  });
  // Posts are read five times fewer per page than the page size: one post per page here.
  const snapshot = await openExportSnapshot(getEnv().dataDir, 5);
  try {
    const pages = snapshot.reader.postPages("post");
    const first = await pages.next();
    // Between two pages, the site writes: a new post, a title changed on a page not yet read.
    await write(async (db) => {
      await db.insert(posts).values({ id: 4, title: "Post 4", slug: "post-4", authorId: 1 });
      await db.update(posts).set({ title: "Renamed" }).where(eq(posts.id, 3));
    });
    const rest = await all(pages);
    expect([...(first.value ?? []), ...rest].map((post) => post.title)).toEqual(["Post 1", "Post 2", "Post 3"]);
    expect((await snapshot.reader.counts()).posts).toBe(3);
  } finally {
    await snapshot.close();
  }

  const next = await openExportSnapshot(getEnv().dataDir, 5);
  try {
    expect((await all(next.reader.postPages("post"))).map((post) => post.title)).toEqual([
      "Post 1",
      "Post 2",
      "Renamed",
      "Post 4",
    ]);
  } finally {
    await next.close();
  }
});

test("dates come as epoch milliseconds, flags as 0 or 1, JSON as its text and counts as numbers", async () => {
  await siteWithOwner();
  const variants = [{ width: 640, key: "2026/01/loom-640.webp", size: 5 }];
  await write(async (db) => {
    await db.insert(posts).values({
      id: 1,
      title: "A",
      slug: "a",
      authorId: 1,
      status: "published",
      featured: true,
      commentsOpen: false,
      publishedAt: new Date(T0),
      createdAt: new Date(T0 - 1000),
      updatedAt: new Date(T0 + 1000),
    });
    await db.insert(comments).values({
      postId: 1,
      status: "approved",
      authorName: "Reader",
      markdown: "Hi",
      html: "<p>Hi</p>",
      notifyReplies: true,
      approvedAt: new Date(T0 + 2000),
      createdAt: new Date(T0 + 1500),
    });
    await db.insert(media).values({
      storageKey: "2026/01/loom.png",
      originalName: "loom.png",
      mimeType: "image/png",
      size: 10,
      variants,
    });
    await db.insert(settings).values({ key: "title", value: "Ada's <Notebook>" });
  });

  const snapshot = await openExportSnapshot(getEnv().dataDir);
  try {
    const { reader } = snapshot;
    expect(await all(reader.postPages("post"))).toEqual([
      expect.objectContaining({
        featured: 1,
        commentsOpen: 0,
        publishedAt: T0,
        createdAt: T0 - 1000,
        updatedAt: T0 + 1000,
        deletedAt: null,
      }),
    ]);
    expect(await all(reader.commentPagesOf(1))).toEqual([
      expect.objectContaining({ postId: 1, notifyReplies: 1, approvedAt: T0 + 2000, createdAt: T0 + 1500 }),
    ]);
    const [medium] = await all(reader.mediaPages());
    expect(typeof medium!.variants).toBe("string");
    expect(JSON.parse(medium!.variants!)).toEqual(variants);
    expect(typeof medium!.createdAt).toBe("number");
    expect(JSON.parse((await reader.settings()).get("title")!)).toBe("Ada's <Notebook>");
    expect(await reader.counts()).toEqual({
      staff: 1,
      tags: 0,
      posts: 1,
      pages: 0,
      comments: 1,
      revisions: 0,
      media: 1,
      redirects: 0,
    });
    expect(await reader.maxPostId()).toBe(1);
  } finally {
    await snapshot.close();
  }
});
