import { beforeEach, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { listMenuTargets } from "./menu-targets";

describe("what a menu link may point to", () => {
  beforeEach(() => {
    const sqlite = migratedDb().$client;
    sqlite
      .prepare(
        "INSERT INTO users (id, email, name, slug, role, password_hash) VALUES (1, 'a@example.com', 'Ada', 'ada', 'owner', 'h'), (2, 'b@example.com', 'Bea', 'bea', 'author', 'h')",
      )
      .run();
    const post = sqlite.prepare(
      "INSERT INTO posts (id, type, title, slug, markdown, html, status, author_id, published_at) VALUES (?, ?, ?, ?, '', '', ?, ?, ?)",
    );
    const now = Date.now();
    post.run(1, "page", "About us", "about", "published", 1, now);
    post.run(2, "page", "Secret plans", "plans", "draft", 1, null);
    post.run(3, "post", "Hello", "hello", "published", 1, now);
    post.run(4, "post", "Unfinished", "unfinished", "draft", 2, null);
    sqlite.prepare("INSERT INTO tags (id, name, slug) VALUES (1, 'News', 'news'), (2, 'Drafts only', 'drafts')").run();
    sqlite.prepare("INSERT INTO post_tags (post_id, tag_id, position) VALUES (3, 1, 0), (4, 2, 0)").run();
  });

  it("offers published pages, tags and authors with published posts, nothing unpublished", async () => {
    expect(await listMenuTargets()).toEqual([
      { url: "/about", label: "Page: About us" },
      { url: "/tag/news", label: "Tag: News" },
      { url: "/author/ada", label: "Author: Ada" },
    ]);
  });
});
