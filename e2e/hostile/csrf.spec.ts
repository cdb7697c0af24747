import { expect, request as playwrightRequest, test } from "../fixtures/test";
import { pngBytes } from "../fixtures/admin";
import { createPost, createTag } from "../fixtures/content";
import { createStaff, ownerId, query } from "../fixtures/db";
import { OWNER, signInAsOwner, unique } from "../fixtures/site";
import { builtActions, callAction, dumpDatabase } from "./server-actions";

// A signed-in owner's cookie, and requests a browser on another site could make (or a
// script could forge): no server action and no mutating route handler may change the
// database. Next.js refuses an Origin naming another host; Quire's mutation wrapper
// also refuses "null" and a missing Origin; bin/server.mjs drops a client's
// X-Forwarded-Host so a forged one cannot make evil.example look like this host.
const HOSTILE: [string, Record<string, string>][] = [
  ["Origin: https://evil.example", { origin: "https://evil.example" }],
  ["Origin: null", { origin: "null" }],
  ["no Origin", {}],
  [
    "X-Forwarded-Host: evil.example",
    { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
  ],
];

test("every server action replayed cross-site with the owner's cookie changes nothing", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signInAsOwner(page);
  const u = unique();
  const tag = await createTag({ name: `CSRF ${u}` });
  const other = await createTag({ name: `CSRF other ${u}` });
  const draft = await createPost({ title: `CSRF draft ${u}`, status: "draft" });
  const published = await createPost({ title: `CSRF post ${u}` });
  const victim = await createStaff({
    role: "editor",
    email: `victim-${u}@example.com`,
    name: `Victim ${u}`,
    password: "victim password 1",
  });
  const victimId = (await query<{ id: number }>("SELECT id FROM users WHERE email = ?", victim.email))[0]!.id;
  const newPassword = { password: "pwned password 123", confirmPassword: "pwned password 123" };
  // What the owner could legitimately send: valid input, so only the origin decides.
  const input: Record<string, unknown> = {
    createTagAction: { name: `Evil ${u}` },
    updateTagAction: { id: tag.id, name: "Renamed", slug: `renamed-${u}` },
    deleteTagAction: { id: tag.id },
    mergeTagsAction: { fromId: tag.id, intoId: other.id },
    savePostAction: { id: draft.id, version: 1, title: "Defaced", markdown: "x" },
    autosavePostAction: { id: draft.id, version: 1, title: "Defaced", markdown: "x" },
    publishPostAction: { id: draft.id },
    schedulePostAction: { id: draft.id, publishAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16) },
    submitPostForReviewAction: { id: draft.id },
    trashPostAction: { id: published.id },
    unpublishPostAction: { id: published.id },
    bulkPostsAction: { operation: "trash", ids: [String(published.id)] },
    restoreRevisionAction: { postId: draft.id, revisionId: 1 },
    updateSiteSettingsAction: {
      title: "Pwned",
      description: "",
      timezone: "UTC",
      commentPolicy: "publish",
      commentLinkLimit: "2",
      commentCloseAfterDays: "0",
    },
    updateDesignAction: {
      accentColor: "#8b0000",
      accentColorDark: "#fbbf24",
      logoUrl: "",
      siteIconUrl: "",
      coverImageUrl: "",
      fontPairing: "bookish",
      navigation: JSON.stringify([{ label: "Pwned", url: "https://evil.example" }]),
      footerNavigation: "[]",
      homeLayout: "cards",
      postsPerPage: "5",
    },
    inviteUserAction: { email: `evil-${u}@example.com`, role: "admin" },
    changeUserRoleAction: { id: victimId, role: "admin" },
    suspendUserAction: { id: victimId, suspended: "true" },
    deleteUserAction: { id: victimId, reassignTo: await ownerId() },
    transferOwnershipAction: { id: victimId },
    updateProfileAction: { name: "Pwned", slug: `pwned-${u}`, bio: "", avatarUrl: "" },
    changePasswordAction: { currentPassword: OWNER.password, ...newPassword },
    createIntegrationAction: { name: "Evil", role: "admin" },
    updateWebhookSettingsAction: { webhooksAllowPrivate: "on" },
    postCommentAction: { postId: published.id, body: "Forged staff comment" },
    moderateCommentsAction: { op: "approve", ids: ["1"] },
    requestPasswordResetAction: { email: OWNER.email },
    setupSiteAction: { siteTitle: "Pwned", name: "Mallory", email: `mallory-${u}@example.com`, ...newPassword },
    signInAction: { email: OWNER.email, password: OWNER.password },
  };
  const actions = builtActions();
  expect(actions.length).toBeGreaterThan(40);

  const before = await dumpDatabase();
  for (const [label, headers] of HOSTILE) {
    for (const action of actions) {
      const args = action.name === "signOutAction" ? [] : [null, input[action.name] ?? {}];
      const response = await callAction(page.request, action, args, headers);
      expect(response.status(), `${label} ${action.name}`).toBeLessThan(600);
    }
  }
  expect(await dumpDatabase()).toBe(before);
  // Nor was the owner signed out.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // The same request from the site's own origin does act: the replays above were real.
  const createTagAction = actions.find((a) => a.name === "createTagAction")!;
  await callAction(page.request, createTagAction, [null, input.createTagAction], { origin: new URL(baseURL!).origin });
  expect(await query("SELECT name FROM tags WHERE name = ?", `Evil ${u}`)).toHaveLength(1);
});

test("a cross-site sign-in (login CSRF) sets no session cookie", async ({ baseURL }) => {
  const signIn = builtActions().find((a) => a.name === "signInAction")!;
  for (const [label, headers] of HOSTILE) {
    const client = await playwrightRequest.newContext({ baseURL });
    const response = await callAction(
      client,
      signIn,
      [null, { email: OWNER.email, password: OWNER.password }],
      headers,
    );
    expect(response.headers()["set-cookie"] ?? "", label).not.toMatch(/authjs\.session-token/);
    expect(
      (await client.storageState()).cookies.map((c) => c.name),
      label,
    ).not.toContain("authjs.session-token");
    await client.dispose();
  }
});

test("every mutating route handler refuses a cross-site request made with the owner's cookie", async ({ page }) => {
  await signInAsOwner(page);
  const png = await pngBytes(20, 20);
  const published = await createPost({ title: `CSRF route post ${unique()}` });
  const before = await dumpDatabase();
  for (const [label, headers] of HOSTILE) {
    const upload = await page.request.post("/api/media", {
      headers,
      multipart: { file: { name: "evil.png", mimeType: "image/png", buffer: png }, alt: "Evil" },
    });
    expect(upload.status(), `upload, ${label}`).toBe(403);
    // The comment form's JSON path: the owner's cookie would make it a staff comment.
    const comment = await page.request.post("/api/comments", {
      headers: { ...headers, "content-type": "application/json" },
      data: JSON.stringify({ postId: published.id, body: "Forged staff comment" }),
    });
    expect(comment.status(), `comment, ${label}`).toBe(403);
    // The Admin API takes an API key, never the cookie.
    for (const base of ["/ghost/api/admin", "/api/v1/admin"]) {
      for (const [method, path] of [
        ["POST", "/posts"],
        ["PUT", "/posts/1"],
        ["DELETE", "/posts/1"],
        ["POST", "/images/upload"],
      ] as const) {
        const response = await page.request.fetch(`${base}${path}`, {
          method,
          headers: { ...headers, "content-type": "application/json" },
          data: JSON.stringify({ posts: [{ title: "Evil" }] }),
        });
        expect(response.status(), `${method} ${base}${path}, ${label}`).toBe(401);
      }
    }
    const revalidate = await page.request.post("/api/internal/revalidate", { headers, data: { tags: ["posts"] } });
    expect(revalidate.status(), label).toBe(404);
    // Auth.js's own endpoints are not mounted: sign-in goes through the guarded server action.
    const callback = await page.request.post("/api/auth/callback/credentials", {
      headers,
      form: { email: OWNER.email, password: OWNER.password },
    });
    expect(callback.status(), label).toBe(404);
    // One-click unsubscribe (RFC 8058) comes from mail clients without an Origin: the
    // signed token is its credential, so a forged one is refused.
    const unsubscribe = await page.request.post("/unsubscribe?token=cmVhZGVyQGV4YW1wbGUuY29t.forged", { headers });
    expect(unsubscribe.status(), label).toBe(400);
  }
  expect(await dumpDatabase()).toBe(before);
});
