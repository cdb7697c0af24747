// POST /api/comments, the comment form's JavaScript path: each refusal is a 4xx with a
// JSON error (and the field it concerns), each success a 201 or 202 with the comment.
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { write } from "@/db/transaction";
import { suppressEmail } from "@/db/queries/comments";
import { comments, outbox } from "@/db/schema";
import { issueFormToken } from "@/lib/comments/tokens";
import type { SessionUser } from "@/lib/session";
import { PEOPLE, POSTS, seedSite } from "@/test/admin-fixture";
import { row } from "@/test/helpers";
import { handleCommentPost as POST } from "./post-json";

const state = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/email/send", () => ({ trySendEmail: async () => ({ delivered: false }) }));

const SITE = "http://blog.example";
// X-Forwarded-For as bin/server sets it from the socket.
const SAME_SITE = {
  origin: SITE,
  host: "blog.example",
  "content-type": "application/json",
  "x-forwarded-for": "203.0.113.7",
  "user-agent": "route test",
};
let n = 0;
const reader = () => ({
  postId: POSTS.otherPublished.id,
  name: "Rita Reader",
  email: `rita${++n}@example.com`,
  body: `A fair point, number ${n}.`,
  issued: issueFormToken(Date.now() - 10_000),
});

async function send(body: unknown, headers: Record<string, string> = SAME_SITE) {
  const response = await POST(
    new Request(`${SITE}/api/comments`, {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return {
    status: response.status,
    json: (await response.json()) as {
      ok: boolean;
      error?: string;
      message?: string;
      fieldErrors?: Record<string, string[]>;
      data?: { id: number; status: string; html: string; token: string };
    },
  };
}
const commentCount = async () => (await row(getDb().select({ n: count() }).from(comments)))!.n;

beforeEach(async () => {
  await seedSite();
  state.user = null;
});

describe("POST /api/comments", () => {
  it("stores a reader's comment and answers with it: 202 while it awaits moderation", async () => {
    const before = await commentCount();
    const { status, json } = await send({ ...reader(), body: "Thanks, *this* helped." });
    expect(status).toBe(202);
    expect(json).toMatchObject({
      ok: true,
      message: "Thanks! Your comment is awaiting moderation.",
      data: { status: "pending", html: "<p>Thanks, <em>this</em> helped.</p>" },
    });
    expect(json.data!.token.length).toBeGreaterThanOrEqual(32);
    expect(await commentCount()).toBe(before + 1);
  });

  it("publishes a staff member's comment at once: 201, name and email from the session", async () => {
    state.user = PEOPLE.editor;
    const { status, json } = await send({ postId: POSTS.otherPublished.id, body: "From the editor." });
    expect(status).toBe(201);
    expect(json).toMatchObject({ ok: true, message: "Your comment is published.", data: { status: "approved" } });
    const stored = await row(
      getDb()
        .select({ authorName: comments.authorName, authorEmail: comments.authorEmail, status: comments.status })
        .from(comments)
        .where(eq(comments.id, json.data!.id)),
    );
    expect(stored).toEqual({ authorName: PEOPLE.editor.name, authorEmail: PEOPLE.editor.email, status: "approved" });
  });

  it.each([
    ["no Origin", { host: "blog.example", "content-type": "application/json" }],
    ["another site's Origin", { ...SAME_SITE, origin: "https://evil.example" }],
    ["Origin: null", { ...SAME_SITE, origin: "null" }],
  ])("refuses %s with 403 and stores nothing", async (_label, headers) => {
    const before = await commentCount();
    const { status, json } = await send(reader(), headers);
    expect(status).toBe(403);
    expect(json).toEqual({ ok: false, error: "You do not have permission to do that." });
    expect(await commentCount()).toBe(before);
  });

  it.each([
    ["a body that is not JSON", "postId=14&body=hi"],
    ["a JSON array", "[1, 2]"],
    ["JSON null", "null"],
  ])("answers %s with 400 and a sentence", async (_label, body) => {
    const { status, json } = await send(body);
    expect(status).toBe(400);
    expect(json.error).toBe("Send the comment as a JSON object of the form's fields.");
  });

  it("names each field it refuses, with 422", async () => {
    const before = await commentCount();
    const invalid = await send({ ...reader(), email: "not-an-address", url: "javascript:alert(1)", body: "   " });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.fieldErrors!).sort()).toEqual(["body", "email", "url"]);
    expect(invalid.json.fieldErrors!.email).toEqual(["Enter a valid email address, like you@example.com."]);

    const missing = await send({ ...reader(), name: "", email: "" });
    expect(missing.status).toBe(422);
    expect(missing.json.fieldErrors).toEqual({
      name: ["Enter your name."],
      email: ["Enter your email address. It is never shown."],
    });
    expect(await commentCount()).toBe(before);
  });

  it("refuses a form sent too fast, a draft, a reply to another post's comment and a second comment within seconds", async () => {
    const tooFast = await send({ ...reader(), issued: issueFormToken(Date.now()) });
    expect([tooFast.status, tooFast.json.error]).toEqual([
      422,
      "That was quick! Please take a few seconds, then send your comment again.",
    ]);

    const draft = await send({ ...reader(), postId: POSTS.otherDraft.id });
    expect([draft.status, draft.json.error]).toEqual([404, "This post cannot take comments."]);

    const elsewhere = await send({ ...reader(), parentId: 44 }); // an approved comment on another post
    expect([elsewhere.status, elsewhere.json.error]).toEqual([
      422,
      "The comment you are replying to is not on this post.",
    ]);

    const first = reader();
    expect((await send(first)).status).toBe(202);
    const again = await send({ ...first });
    expect([again.status, again.json.error]).toEqual([
      429,
      "You are commenting very quickly. Please wait a few seconds and send again.",
    ]);
  });

  it("weighs what moderators decided before: a known reader is published, a spammer's next comment is spam", async () => {
    const from = (address: string) => ({ ...SAME_SITE, "x-forwarded-for": address });
    const decide = (id: number, status: "approved" | "spam") =>
      write((db) => db.update(comments).set({ status }).where(eq(comments.id, id)));
    const stored = async (id: number) =>
      (await row(
        getDb()
          .select({ status: comments.status, spamScore: comments.spamScore })
          .from(comments)
          .where(eq(comments.id, id)),
      ))!;

    // Under the default policy a first comment waits; once one was approved, the next is published.
    const known = reader();
    const first = await send(known, from("198.51.100.10"));
    expect(first.json.data!.status).toBe("pending");
    await decide(first.json.data!.id, "approved");
    const again = await send({ ...reader(), email: known.email }, from("198.51.100.11"));
    expect(again).toMatchObject({ status: 201, json: { message: "Your comment is published." } });

    // Marked spam once: that email's next comment goes to the spam folder (told it is held).
    const spammer = reader();
    const caught = await send(spammer, from("198.51.100.12"));
    await decide(caught.json.data!.id, "spam");
    const next = await send({ ...reader(), email: spammer.email }, from("198.51.100.13"));
    expect(next).toMatchObject({ status: 202, json: { message: "Thanks! Your comment is awaiting moderation." } });
    expect(await stored(next.json.data!.id)).toEqual({ status: "spam", spamScore: 1 });

    // The spammer's address weighs less: another email from it waits, with a score.
    const neighbour = await send(reader(), from("198.51.100.12"));
    expect(await stored(neighbour.json.data!.id)).toEqual({ status: "pending", spamScore: 0.4 });
  });

  it("queues a notice to the post's author with the comment, unless the author unsubscribed", async () => {
    const author = PEOPLE.otherAuthor.email; // POSTS.otherPublished's
    const noticesToAuthor = async () =>
      (await getDb().select({ payload: outbox.payload }).from(outbox).where(eq(outbox.kind, "email"))).filter(
        (item) => item.payload.to === author,
      ).length;
    const before = await noticesToAuthor();
    await send(reader());
    expect(await noticesToAuthor()).toBe(before + 1);

    await suppressEmail({ email: author.toUpperCase() });
    expect((await send(reader())).status).toBe(202);
    expect(await noticesToAuthor()).toBe(before + 1);
  });
});
