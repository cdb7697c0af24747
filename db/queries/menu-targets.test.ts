import { beforeEach, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { posts, postTags, tags, users } from "../schema";
import { write } from "../transaction";
import { listMenuTargets } from "./menu-targets";

describe("what a menu link may point to", () => {
  beforeEach(async () => {
    migratedDb();
    const now = new Date();
    const post = (id: number, type: "page" | "post", title: string, slug: string, authorId: number) => ({
      id,
      type,
      title,
      slug,
      markdown: "",
      html: "",
      status: "published" as const,
      authorId,
      publishedAt: now,
    });
    const draft = { status: "draft" as const, publishedAt: null };
    await write(async (db) => {
      await db.insert(users).values([
        { id: 1, email: "a@example.com", name: "Ada", slug: "ada", role: "owner", passwordHash: "h" },
        { id: 2, email: "b@example.com", name: "Bea", slug: "bea", role: "author", passwordHash: "h" },
      ]);
      await db
        .insert(posts)
        .values([
          post(1, "page", "About us", "about", 1),
          { ...post(2, "page", "Secret plans", "plans", 1), ...draft },
          post(3, "post", "Hello", "hello", 1),
          { ...post(4, "post", "Unfinished", "unfinished", 2), ...draft },
        ]);
      await db.insert(tags).values([
        { id: 1, name: "News", slug: "news" },
        { id: 2, name: "Drafts only", slug: "drafts" },
      ]);
      await db.insert(postTags).values([
        { postId: 3, tagId: 1, position: 0 },
        { postId: 4, tagId: 2, position: 0 },
      ]);
    });
  });

  it("offers published pages, tags and authors with published posts, nothing unpublished", async () => {
    expect(await listMenuTargets()).toEqual([
      { url: "/about", label: "Page: About us" },
      { url: "/tag/news", label: "Tag: News" },
      { url: "/author/ada", label: "Author: Ada" },
    ]);
  });
});
