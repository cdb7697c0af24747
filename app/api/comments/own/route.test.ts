// POST /api/comments/own, the comment section script's way to the commenter's own
// comments: refusals are 4xx JSON, and only the browser holding the token may look or change.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { issueFormToken } from "@/lib/comments/tokens";
import { handleCommentPost } from "@/lib/comments/post-json";
import { POSTS, seedSite } from "@/test/admin-fixture";
import { POST } from "./route";

vi.mock("@/lib/session", () => ({ getCurrentUser: async () => null }));
// Outside Next's request scope there is no cache to revalidate.
vi.mock("@/lib/cache", () => ({ invalidate: vi.fn() }));
vi.mock("@/lib/email/send", () => ({ trySendEmail: async () => ({ delivered: false }) }));

const SITE = "http://blog.example";
const SAME_SITE = {
  origin: SITE,
  host: "blog.example",
  "content-type": "application/json",
  "x-forwarded-for": "203.0.113.9",
  "user-agent": "own route test",
};
const request = (url: string, body: unknown) =>
  new Request(`${SITE}${url}`, {
    method: "POST",
    headers: SAME_SITE,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const own = async (body: unknown) => {
  const response = await POST(request("/api/comments/own", body));
  return { status: response.status, json: await response.json() };
};

async function postComment() {
  const response = await handleCommentPost(
    request("/api/comments", {
      postId: POSTS.otherPublished.id,
      name: "Olive Owner",
      email: `olive${Date.now()}@example.com`,
      body: "My own words.",
      issued: issueFormToken(Date.now() - 10_000),
    }),
  );
  return (await response.json()).data as { id: number; token: string };
}

beforeEach(() => seedSite());

describe("POST /api/comments/own", () => {
  it("looks up, edits and deletes a comment with its token", async () => {
    const { id, token } = await postComment();
    const lookup = await own({ op: "lookup", postId: POSTS.otherPublished.id, items: [{ id, token }] });
    expect(lookup.status).toBe(200);
    expect(lookup.json.data).toMatchObject([{ id, markdown: "My own words." }]);

    const edited = await own({ op: "edit", id, token, body: "Better *words*." });
    expect(edited).toMatchObject({ status: 200, json: { ok: true, data: { html: "<p>Better <em>words</em>.</p>" } } });
    expect((await own({ op: "delete", id, token })).json).toMatchObject({ ok: true });
  });

  it("refuses without the token, an unknown op, and what is not JSON, with 4xx JSON", async () => {
    const { id } = await postComment();
    const wrong = await own({ op: "edit", id, token: "x".repeat(32), body: "Not mine." });
    expect(wrong).toMatchObject({ status: 403, json: { ok: false } });
    const lookup = await own({ op: "lookup", postId: POSTS.otherPublished.id, items: [{ id, token: "y".repeat(32) }] });
    expect(lookup.json.data).toEqual([]);
    expect((await own({ op: "approve", id })).status).toBe(422);
    expect((await own("not json")).status).toBe(400);
    expect((await own({ op: "edit", id, token: "x".repeat(32), body: "" })).status).toBe(422);
  });
});
