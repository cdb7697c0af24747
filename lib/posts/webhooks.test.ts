import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { integrations, outbox, posts, users, webhooks } from "@/db/schema";
import { write } from "@/db/transaction";
import { migratedDb } from "@/test/helpers";
import { firePostWebhooks } from "./webhooks";

type Queued = {
  event: string;
  body: { post: { current: Record<string, unknown>; previous: Record<string, unknown> } };
};

let run = 0;
async function setup() {
  migratedDb();
  run += 1;
  const post = await write(async (db) => {
    // One database per file: start each test clean.
    // eslint-disable-next-line drizzle/enforce-delete-with-where
    await db.delete(outbox);
    // eslint-disable-next-line drizzle/enforce-delete-with-where
    await db.delete(webhooks);
    const [user] = await db
      .insert(users)
      .values({ email: `a${run}@example.com`, name: "Ada", slug: `ada-${run}`, role: "owner", passwordHash: "x" })
      .returning({ id: users.id });
    const [created] = await db
      .insert(posts)
      .values({
        type: "post",
        title: "Hello",
        slug: `hello-${run}`,
        status: "published",
        authorId: user!.id,
        markdown: "Hi",
        html: "<p>Hi</p>",
        plaintext: "Hi",
      })
      .returning({ id: posts.id });
    const [integration] = await db.insert(integrations).values({ name: "Hooks" }).returning({ id: integrations.id });
    await db
      .insert(webhooks)
      .values(
        (
          ["post.published", "post.published.edited", "post.unpublished", "post.deleted", "page.published"] as const
        ).map((event) => ({ integrationId: integration!.id, event, targetUrl: "https://example.com/hook" })),
      );
    return created!.id;
  });
  const queued = async () =>
    (
      await getDb()
        .select({ payload: outbox.payload })
        .from(outbox)
        .where(eq(outbox.kind, "webhook"))
        .orderBy(outbox.id)
    ).map((row) => row.payload as Queued);
  return { post, queued };
}

const change = (id: number, action: string, previousStatus: "draft" | "published" | "scheduled") => ({
  id,
  slug: "hello",
  type: "post" as const,
  tagSlugs: [],
  action,
  previousStatus,
});

describe("post webhooks", () => {
  it("turns each change into Ghost's event with the post as current and what it was as previous", async () => {
    const { post, queued } = await setup();
    await firePostWebhooks([
      change(post, "publish", "draft"),
      change(post, "save", "published"),
      change(post, "unpublish", "published"),
      change(post, "trash", "published"),
    ]);
    const events = await queued();
    expect(events.map((item) => item.event)).toEqual([
      "post.published",
      "post.published.edited",
      "post.unpublished",
      "post.deleted",
    ]);
    expect(events[0]!.body.post.current).toMatchObject({
      id: String(post),
      title: "Hello",
      status: "published",
      html: "<p>Hi</p>",
    });
    expect(events[0]!.body.post.previous).toEqual({ status: "draft", published_at: null });
    expect(events[0]!.body.post.current).not.toHaveProperty("markdown");
  });

  it("fires nothing for changes readers never saw", async () => {
    const { post, queued } = await setup();
    await firePostWebhooks([
      change(post, "save", "draft"),
      change(post, "trash", "draft"),
      change(post, "unpublish", "scheduled"),
      change(post, "publish", "published"),
      { id: post, slug: "hello", type: "post", tagSlugs: [] },
    ]);
    expect(await queued()).toEqual([]);
  });
});
