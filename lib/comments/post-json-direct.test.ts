// bin/server calls POST /api/comments's handler itself for a reader's JSON comment
// (bin/server/direct.mjs), outside any Next.js request: nothing here stands in for the
// session or the request headers, so the handler must read all it needs from the Request.
// Auth.js (which reads Next's request scope) must not even be asked: without a session
// cookie there is no session.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { comments } from "@/db/schema";
import { hashIp, issueFormToken } from "@/lib/comments/tokens";
import { POSTS, seedSite } from "@/test/admin-fixture";
import { row } from "@/test/helpers";

import { handleCommentPost } from "./post-json";

vi.mock("@/lib/auth", () => ({
  auth: async () => {
    throw new Error("Auth.js was asked outside a Next.js request");
  },
}));
vi.mock("@/lib/email/send", () => ({ trySendEmail: async () => ({ delivered: false }) }));

const SITE = "http://blog.example";
const send = (headers: Record<string, string>, body: string) =>
  handleCommentPost(new Request(`http://localhost/api/comments`, { method: "POST", headers, body }));
const comment = (words: string) =>
  JSON.stringify({
    postId: POSTS.otherPublished.id,
    name: "Dora Direct",
    email: "dora@example.com",
    body: words,
    issued: issueFormToken(Date.now() - 10_000),
  });
const fromTheSite = {
  origin: SITE,
  host: "blog.example",
  "content-type": "application/json",
  "x-forwarded-for": "198.51.100.4",
  "user-agent": "Direct Browser/1.0",
};

beforeEach(() => seedSite());

describe("POST /api/comments outside a Next.js request", () => {
  it("stores a reader's comment with the address and browser the request names", async () => {
    const response = await send(fromTheSite, comment("Said in front of Next."));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ ok: true, message: "Thanks! Your comment is awaiting moderation." });
    const stored = await row(
      getDb()
        .select({ ipHash: comments.ipHash, userAgent: comments.userAgent, status: comments.status })
        .from(comments)
        .where(eq(comments.markdown, "Said in front of Next.")),
    );
    expect(stored).toEqual({ ipHash: hashIp("198.51.100.4"), userAgent: "Direct Browser/1.0", status: "pending" });
  });

  it("still refuses another site's page, with nothing stored", async () => {
    const response = await send(
      { ...fromTheSite, origin: "https://evil.example" },
      comment("Forged in front of Next."),
    );
    expect(response.status).toBe(403);
    expect(await row(getDb().select().from(comments).where(eq(comments.markdown, "Forged in front of Next.")))).toBe(
      undefined,
    );
  });

  it("answers a body that is not JSON with a 400 and the form's words", async () => {
    const response = await send(fromTheSite, "{not json");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: "Send the comment as a JSON object of the form's fields.",
    });
  });
});
