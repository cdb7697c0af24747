import { describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { firePostWebhooks } from "./webhooks";

let run = 0;
function setup() {
  const sqlite = migratedDb().$client;
  sqlite.exec("DELETE FROM outbox; DELETE FROM webhooks;"); // one database per file: start each test clean
  run += 1;
  const user = sqlite
    .prepare("INSERT INTO users (email, name, slug, role, password_hash) VALUES (?, 'Ada', ?, 'owner', 'x')")
    .run(`a${run}@example.com`, `ada-${run}`).lastInsertRowid;
  const post = Number(
    sqlite
      .prepare(
        "INSERT INTO posts (type, title, slug, status, author_id, markdown, html, plaintext) VALUES ('post', 'Hello', ?, 'published', ?, 'Hi', '<p>Hi</p>', 'Hi')",
      )
      .run(`hello-${run}`, user).lastInsertRowid,
  );
  const integration = sqlite.prepare("INSERT INTO integrations (name) VALUES ('Hooks')").run().lastInsertRowid;
  for (const event of [
    "post.published",
    "post.published.edited",
    "post.unpublished",
    "post.deleted",
    "page.published",
  ]) {
    sqlite
      .prepare("INSERT INTO webhooks (integration_id, event, target_url) VALUES (?, ?, 'https://example.com/hook')")
      .run(integration, event);
  }
  const queued = () =>
    (
      sqlite.prepare("SELECT payload FROM outbox WHERE kind = 'webhook' ORDER BY id").all() as { payload: string }[]
    ).map(
      (row) =>
        JSON.parse(row.payload) as {
          event: string;
          body: { post: { current: Record<string, unknown>; previous: Record<string, unknown> } };
        },
    );
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
    const { post, queued } = setup();
    await firePostWebhooks([
      change(post, "publish", "draft"),
      change(post, "save", "published"),
      change(post, "unpublish", "published"),
      change(post, "trash", "published"),
    ]);
    const events = queued();
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
    const { post, queued } = setup();
    await firePostWebhooks([
      change(post, "save", "draft"),
      change(post, "trash", "draft"),
      change(post, "unpublish", "scheduled"),
      change(post, "publish", "published"),
      { id: post, slug: "hello", type: "post", tagSlugs: [] },
    ]);
    expect(queued()).toEqual([]);
  });
});
