import { eq } from "drizzle-orm";
import { beforeAll, expect, test, vi } from "vitest";
import { migratedDb } from "@/test/helpers";
import { getDb } from "@/db/client";
import { setCommentStatus } from "@/db/queries/comment-moderation";
import { suppressEmail } from "@/db/queries/comments";
import { comments, outbox, posts, users, webhooks, integrations } from "@/db/schema";
import { write } from "@/db/transaction";
import { afterCommentPublished } from "./publish";

vi.mock("../email/send", () => ({ sendEmail: vi.fn(async () => ({ delivered: true })) }));

let postId: number;

beforeAll(async () => {
  migratedDb();
  await write(async (db) => {
    const [owner] = await db
      .insert(users)
      .values({ email: "o@example.com", name: "Owner", slug: "o", role: "owner", passwordHash: "x" })
      .returning();
    const [post] = await db
      .insert(posts)
      .values({ title: "Hello", slug: "hello", status: "published", authorId: owner!.id })
      .returning();
    postId = post!.id;
    const [integration] = await db.insert(integrations).values({ name: "Zapier" }).returning();
    await db
      .insert(webhooks)
      .values({ integrationId: integration!.id, event: "comment.approved", targetUrl: "https://hooks.example/x" });
  });
});

async function thread(parentEmail: string) {
  return await write(async (db) => {
    const [parent] = await db
      .insert(comments)
      .values({
        postId,
        status: "approved",
        authorName: "Grace",
        authorEmail: parentEmail,
        notifyReplies: true,
        markdown: "q",
        html: "<p>q</p>",
      })
      .returning();
    const [reply] = await db
      .insert(comments)
      .values({
        postId,
        parentId: parent!.id,
        status: "pending",
        authorName: "Alan",
        authorEmail: "alan@example.com",
        markdown: "An answer",
        html: "<p>An answer</p>",
      })
      .returning();
    return reply!;
  });
}

const emailsTo = async (to: string) =>
  (await getDb().select({ payload: outbox.payload }).from(outbox).where(eq(outbox.kind, "email")))
    .map((row) => row.payload as { to: string; subject: string; text: string; headers: Record<string, string> })
    .filter((m) => m.to === to);

test("approving a reply queues one e-mail to the opted-in parent, with one-click unsubscribe, and the webhook", async () => {
  const reply = await thread("grace@example.com");
  const hook = async () =>
    (await getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.kind, "webhook"))).length;
  const before = await hook();
  await setCommentStatus({ ids: [reply.id], op: "approve", scope: "all" }, (tx, c) =>
    afterCommentPublished(tx, { commentId: c.id, postId: c.postId }),
  );
  await setCommentStatus({ ids: [reply.id], op: "approve", scope: "all" }, (tx, c) =>
    afterCommentPublished(tx, { commentId: c.id, postId: c.postId }),
  );
  const [mail, ...more] = await emailsTo("grace@example.com");
  expect(more).toEqual([]);
  expect(mail!.subject).toBe("Alan replied to your comment on “Hello”");
  expect(mail!.text).toContain("An answer");
  expect(mail!.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/.+\/unsubscribe\?token=.+>$/);
  expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  expect(await hook()).toBe(before + 1);
});

test("an unsubscribed address gets nothing queued, and nothing sent from what was queued before", async () => {
  const { deliverEmail } = await import("../email/outbox-handler");
  const { sendEmail } = await import("../email/send");
  const reply = await thread("quiet@example.com");
  await suppressEmail({ email: "Quiet@example.com" });
  await setCommentStatus({ ids: [reply.id], op: "approve", scope: "all" }, (tx, c) =>
    afterCommentPublished(tx, { commentId: c.id, postId: c.postId }),
  );
  expect(await emailsTo("quiet@example.com")).toEqual([]);

  const queued = { id: 1, kind: "email", payload: { to: "quiet@example.com", subject: "s", text: "t" } } as never;
  expect(await deliverEmail(queued)).toEqual({ ok: true });
  expect(sendEmail).not.toHaveBeenCalled();
  const other = { id: 2, kind: "email", payload: { to: "loud@example.com", subject: "s", text: "t" } } as never;
  expect(await deliverEmail(other)).toEqual({ ok: true });
  expect(sendEmail).toHaveBeenCalledTimes(1);
});
