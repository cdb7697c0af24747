import { expect, test } from "../fixtures/test";
import { unique } from "../fixtures/site";
import { commentsOn, createPost } from "./helpers";

// A reader's JSON comment (the form with JavaScript) is answered by bin/server with the
// route's own handler once Next has loaded the route, without Next's router
// (bin/server/direct.mjs). It must answer as Next does: the same checks, the same
// headers, the same rows. A request carrying an Auth.js cookie still goes through Next.
test("a reader's JSON comment is answered in front of Next as Next would answer it", async ({ request, baseURL }) => {
  const post = await createPost();
  const origin = new URL(baseURL!).origin;
  const { issued } = (await (await request.get("/api/comments/viewer")).json()) as { issued: string };
  // The form refuses anything sent within 3 s of showing it (a bot's speed).
  await new Promise((resolve) => setTimeout(resolve, 3_100));
  const u = unique();
  // A new e-mail address each time: one address and e-mail may comment once per 15 s.
  let n = 0;
  const send = (body: string, headers: Record<string, string> = {}) =>
    request.post("/api/comments", {
      headers: { origin, "content-type": "application/json", ...headers },
      data: JSON.stringify({
        postId: post.id,
        issued,
        name: "Dora Direct",
        email: `dora-${u}-${++n}@example.com`,
        body,
      }),
    });

  // Through Next: a cookie named like Auth.js's session (not a valid one: still a reader).
  const viaNext = await send(`Through Next ${u}.`, { cookie: "authjs.session-token=not-a-session" });
  expect(viaNext.status()).toBe(202);
  expect(viaNext.headers()["x-quire-cache"]).toBe("bypass");
  // The route is loaded now, so a reader's comment is answered in front of it.
  const direct = await send(`In front of Next ${u}.`);
  expect(direct.status()).toBe(202);
  expect(direct.headers()["x-quire-cache"]).toBe("direct");
  expect(await direct.json()).toMatchObject({ ok: true, message: "Thanks! Your comment is awaiting moderation." });
  for (const name of [
    "content-type",
    "cache-control",
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
  ]) {
    expect(direct.headers()[name], name).toBe(viaNext.headers()[name]);
  }

  // The same refusals: another site's page, a body that is not JSON.
  const forged = await send(`Forged ${u}.`, { origin: "https://evil.example" });
  expect([forged.status(), forged.headers()["x-quire-cache"]]).toEqual([403, "direct"]);
  const garbled = await request.post("/api/comments", {
    headers: { origin, "content-type": "application/json" },
    data: "{not json",
  });
  expect(garbled.status()).toBe(400);
  expect(await garbled.json()).toMatchObject({ error: "Send the comment as a JSON object of the form's fields." });
  expect((await commentsOn(post.id)).map((c) => [c.markdown, c.status])).toEqual([
    [`Through Next ${u}.`, "pending"],
    [`In front of Next ${u}.`, "pending"],
  ]);
});
