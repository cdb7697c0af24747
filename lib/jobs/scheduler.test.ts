import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, posts, postTags, revisions } from "@/db/schema";
import { write } from "@/db/transaction";
import { POSTS, row, seedSite } from "@/test/admin-fixture";
import { runScheduledPublishing } from "./scheduler";

const post = (id: number) =>
  row(getDb().select({ status: posts.status, publishedAt: posts.publishedAt }).from(posts).where(eq(posts.id, id)));

describe("the scheduler", () => {
  beforeEach(() => seedSite());

  it("publishes due scheduled posts only, through the publish transition", async () => {
    const now = Date.now();
    await write(async (db) => {
      const schedule = (id: number, at: number) =>
        db
          .update(posts)
          .set({ status: "scheduled", publishedAt: new Date(at) })
          .where(eq(posts.id, id));
      await schedule(POSTS.authorDraft.id, now - 1000);
      await schedule(POSTS.otherDraft.id, now + 3_600_000);
      await schedule(POSTS.trashedOther.id, now - 1000);
      await db.insert(postTags).values({ postId: POSTS.authorDraft.id, tagId: 21 });
    });

    const published = await runScheduledPublishing(new Date(now));

    expect(published.map((p) => p.id)).toEqual([POSTS.authorDraft.id]);
    expect(await post(POSTS.authorDraft.id)).toEqual({ status: "published", publishedAt: new Date(now - 1000) });
    expect((await post(POSTS.otherDraft.id))?.status).toBe("scheduled");
    expect((await post(POSTS.trashedOther.id))?.status).toBe("scheduled");
    expect(
      await row(getDb().select({ actorLabel: auditLog.actorLabel, action: auditLog.action }).from(auditLog)),
    ).toEqual({
      actorLabel: "scheduler",
      action: "post.publish",
    });
    expect(
      await row(
        getDb()
          .select({ kind: revisions.kind })
          .from(revisions)
          .where(eq(revisions.postId, POSTS.authorDraft.id))
          .orderBy(desc(revisions.id)),
      ),
    ).toEqual({ kind: "publish" });

    // A second tick finds nothing more to do.
    expect(await runScheduledPublishing(new Date(now))).toEqual([]);
  });
});
