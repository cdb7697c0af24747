import { beforeAll, describe, expect, test } from "vitest";
import { migratedDb } from "@/test/helpers";
import { countPublishedPosts } from "./post-lists";
import { listRelatedPosts } from "./posts";

const DAY = 86_400_000;
const base = Date.now() - 400 * DAY;

// Post i is published on day i; "tags" lists the tag ids each post has.
function addPost(db: ReturnType<typeof migratedDb>, id: number, tags: number[], status = "published") {
  db.$client
    .prepare(
      "INSERT INTO posts (id, type, title, slug, status, published_at, author_id) VALUES (?, 'post', ?, ?, ?, ?, 1)",
    )
    .run(id, `Post ${id}`, `post-${id}`, status, status === "published" ? base + id * DAY : null);
  for (const [position, tag] of tags.entries())
    db.$client.prepare("INSERT INTO post_tags (post_id, tag_id, position) VALUES (?, ?, ?)").run(id, tag, position);
}

beforeAll(() => {
  const db = migratedDb();
  db.$client.exec(
    "INSERT INTO users (id, email, name, slug, role, password_hash) VALUES (1, 'a@example.com', 'A', 'a', 'owner', 'x')",
  );
  db.$client.exec(
    "INSERT INTO tags (id, name, slug) VALUES (1, 'One', 'one'), (2, 'Two', 'two'), (3, 'Three', 'three'), (4, 'Busy', 'busy')",
  );
  addPost(db, 1, [1, 2]); // the post we look from
  addPost(db, 2, [1, 2]); // shares two tags, older
  addPost(db, 3, [1]); // shares one
  addPost(db, 4, [2]); // shares one, newer than 3
  addPost(db, 5, [1, 2], "draft"); // shares two but is not public
  addPost(db, 6, [3]); // shares none
  // A tag with more posts than are looked at: only its newest count.
  addPost(db, 10, [4]);
  for (let id = 11; id <= 260; id++) addPost(db, id, [4]);
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
