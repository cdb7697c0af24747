import { beforeAll, describe, expect, test } from "vitest";
import { migratedDb } from "@/test/helpers";
import { postTags, posts, tags, users } from "../schema";
import { countPublishedPosts } from "./post-lists";
import { listRelatedPosts } from "./posts";

const DAY = 86_400_000;
const base = Date.now() - 400 * DAY;

// Post i is published on day i; "tags" lists the tag ids each post has.
type Fixture = { id: number; tags: number[]; status?: "published" | "draft" };

async function addPosts(db: ReturnType<typeof migratedDb>, fixtures: Fixture[]) {
  await db.insert(posts).values(
    fixtures.map(({ id, status = "published" }) => ({
      id,
      type: "post" as const,
      title: `Post ${id}`,
      slug: `post-${id}`,
      status,
      publishedAt: status === "published" ? new Date(base + id * DAY) : null,
      authorId: 1,
    })),
  );
  await db
    .insert(postTags)
    .values(fixtures.flatMap(({ id, tags }) => tags.map((tagId, position) => ({ postId: id, tagId, position }))));
}

beforeAll(async () => {
  const db = migratedDb();
  await db
    .insert(users)
    .values({ id: 1, email: "a@example.com", name: "A", slug: "a", role: "owner", passwordHash: "x" });
  await db.insert(tags).values([
    { id: 1, name: "One", slug: "one" },
    { id: 2, name: "Two", slug: "two" },
    { id: 3, name: "Three", slug: "three" },
    { id: 4, name: "Busy", slug: "busy" },
  ]);
  await addPosts(db, [
    { id: 1, tags: [1, 2] }, // the post we look from
    { id: 2, tags: [1, 2] }, // shares two tags, older
    { id: 3, tags: [1] }, // shares one
    { id: 4, tags: [2] }, // shares one, newer than 3
    { id: 5, tags: [1, 2], status: "draft" }, // shares two but is not public
    { id: 6, tags: [3] }, // shares none
    // A tag with more posts than are looked at: only its newest count.
    ...Array.from({ length: 251 }, (_, i) => ({ id: 10 + i, tags: [4] })),
  ]);
});

describe("related posts", () => {
  test("most shared tags first, then newest; never itself, drafts or unrelated posts", async () => {
    expect((await listRelatedPosts({ id: 1 })).map((p) => [p.slug, p.shared])).toEqual([
      ["post-2", 2],
      ["post-4", 1],
      ["post-3", 1],
    ]);
    expect(await listRelatedPosts({ id: 6 })).toEqual([]);
  });

  test("look at the newest 200 posts of a busy tag only", async () => {
    const related = await listRelatedPosts({ id: 10, limit: 300 });
    expect(related).toHaveLength(200);
    expect(related[0]!.slug).toBe("post-260");
    expect(related.at(-1)!.slug).toBe("post-61");
  });

  test("a tag's post count counts its public posts only", async () => {
    expect(await countPublishedPosts({ tagId: 1 })).toBe(3);
    expect(await countPublishedPosts({ tagId: 4 })).toBe(251);
    expect(await countPublishedPosts({ tagId: 99 })).toBe(0);
  });
});
