import { beforeEach, describe, expect, it } from "vitest";
import { POSTS, row, seedSite } from "@/test/admin-fixture";
import { migratedDb } from "@/test/helpers";
import { runScheduledPublishing } from "./scheduler";

describe("the scheduler", () => {
  beforeEach(() => seedSite());

  it("publishes due scheduled posts only, through the publish transition", async () => {
    const sqlite = migratedDb().$client;
    const now = Date.now();
    sqlite
      .prepare("UPDATE posts SET status = 'scheduled', published_at = ? WHERE id = ?")
      .run(now - 1000, POSTS.authorDraft.id);
    sqlite
      .prepare("UPDATE posts SET status = 'scheduled', published_at = ? WHERE id = ?")
      .run(now + 3_600_000, POSTS.otherDraft.id);
    sqlite
      .prepare("UPDATE posts SET status = 'scheduled', published_at = ? WHERE id = ?")
      .run(now - 1000, POSTS.trashedOther.id);
    sqlite.prepare("INSERT INTO post_tags (post_id, tag_id) VALUES (?, 21)").run(POSTS.authorDraft.id);

    const published = await runScheduledPublishing(new Date(now));

    expect(published.map((post) => post.id)).toEqual([POSTS.authorDraft.id]);
    expect(row("SELECT status, published_at FROM posts WHERE id = ?", POSTS.authorDraft.id)).toEqual({
      status: "published",
      published_at: now - 1000,
    });
    expect(row("SELECT status FROM posts WHERE id = ?", POSTS.otherDraft.id)).toEqual({ status: "scheduled" });
    expect(row("SELECT status FROM posts WHERE id = ?", POSTS.trashedOther.id)).toEqual({ status: "scheduled" });
    expect(row("SELECT actor_label, action FROM audit_log")).toEqual({
      actor_label: "scheduler",
      action: "post.publish",
    });
    expect(row("SELECT kind FROM revisions WHERE post_id = ? ORDER BY id DESC", POSTS.authorDraft.id)).toEqual({
      kind: "publish",
    });

    // A second tick finds nothing more to do.
    expect(await runScheduledPublishing(new Date(now))).toEqual([]);
  });
});
