import sharp from "sharp";
import { acceptInviteAction } from "@/lib/actions/accept-invite";
import { changePasswordAction } from "@/lib/actions/change-password";
import { deleteMediaAction } from "@/lib/actions/delete-media";
import {
  addWebhookAction,
  createIntegrationAction,
  deleteIntegrationAction,
  deleteWebhookAction,
  rotateIntegrationKeysAction,
  updateWebhookSettingsAction,
} from "@/lib/actions/integrations";
import { editCommentAction, moderateCommentsAction, staffReplyAction } from "@/lib/actions/moderate-comments";
import { deleteOwnCommentAction, editOwnCommentAction, lookupOwnCommentsAction } from "@/lib/actions/own-comment";
import { postCommentAction } from "@/lib/actions/post-comment";
import { handleOwnComments } from "@/lib/comments/own-json";
import { handleCommentPost } from "@/lib/comments/post-json";
import { previewMarkdownAction } from "@/lib/actions/preview-markdown";
import { requestPasswordResetAction } from "@/lib/actions/request-password-reset";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { setupSiteAction } from "@/lib/actions/setup-site";
import { signInAction } from "@/lib/actions/sign-in";
import { signOutAction } from "@/lib/actions/sign-out";
import { updateProfileAction } from "@/lib/actions/update-profile";
import { handleAdminApi } from "@/lib/admin-api/routes";
import { issueFormToken, unsubscribeToken } from "@/lib/comments/tokens";
import { unsubscribe } from "@/lib/comments/unsubscribe";
import { handleUpload } from "@/lib/media/upload";
import { INTEGRATION, POSTS, TOKENS } from "../admin-fixture";
import {
  ADMINS,
  EVERYONE,
  type MatrixRow,
  NOBODY,
  PUBLISHERS,
  READER,
  settle,
  STAFF,
  STAFF_EDIT,
  type Target,
} from "../authz-matrix";

export const SITE = "http://blog.example";
const WRONG_LINK_TOKEN = "wrong-link-token-0123456789abcdef";
const password = { password: "a new long password", confirmPassword: "a new long password" };
const ok = (response: Response) => ({ ok: response.ok });

async function png(): Promise<Blob> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: "image/png" });
}

async function upload(): Promise<Response> {
  const form = new FormData();
  form.set("file", await png(), "pier.png");
  form.set("alt", "A pier");
  return handleUpload(
    new Request(`${SITE}/api/media`, { method: "POST", headers: { origin: SITE, host: "blog.example" }, body: form }),
  );
}

/** The Admin API with a staff member's session cookie but no API key. */
function adminApi(method: string, path: string[]) {
  return () =>
    handleAdminApi(
      new Request(`${SITE}/ghost/api/admin/${path.join("/")}/`, {
        method,
        headers: { origin: SITE, "content-type": "application/json" },
        body:
          method === "DELETE"
            ? undefined
            : JSON.stringify({ posts: [{ title: "Via cookie" }], tags: [{ name: "Via cookie" }] }),
      }),
      { params: Promise.resolve({ path }) },
    ).then(ok);
}

const commentAs = (t: Target) =>
  postCommentAction(null, {
    postId: POSTS.otherPublished.id,
    name: "Rita Reader",
    email: "rita@example.com",
    body: `Nice post (${t.commentToken.slice(0, 6)})`,
    issued: issueFormToken(Date.now() - 10_000),
  });
/** The same comment the way the form sends it with JavaScript: JSON to POST /api/comments. */
const commentAsJson = (t: Target) =>
  handleCommentPost(
    new Request(`${SITE}/api/comments`, {
      method: "POST",
      headers: { origin: SITE, host: "blog.example", "content-type": "application/json" },
      body: JSON.stringify({
        postId: POSTS.otherPublished.id,
        name: "Rita Reader",
        email: "rita@example.com",
        body: `Nice post, sent as JSON (${t.commentToken.slice(0, 6)})`,
        issued: issueFormToken(Date.now() - 10_000),
      }),
    }),
  ).then(ok);

/** Editing one's comment the way public/comments.js does: JSON to POST /api/comments/own. */
const editOwnAsJson = (t: Target) =>
  handleOwnComments(
    new Request(`${SITE}/api/comments/own`, {
      method: "POST",
      headers: { origin: SITE, host: "blog.example", "content-type": "application/json" },
      body: JSON.stringify({ op: "edit", id: 41, token: t.commentToken, body: "Edited as JSON" }),
    }),
  ).then(ok);

// Comments, media, people's own accounts, integrations, the public account pages and
// the mutating route handlers.
export const APP_ACTIONS: MatrixRow[] = [
  { what: "post a comment", entry: postCommentAction, run: commentAs, allowed: EVERYONE },
  {
    what: "approve a comment",
    entry: moderateCommentsAction,
    run: (t) => moderateCommentsAction(null, { op: "approve", ids: [String(t.comment)] }),
    allowed: PUBLISHERS,
  },
  {
    what: "edit a comment as staff",
    entry: editCommentAction,
    run: (t) => editCommentAction(null, { id: t.comment, body: "Edited by staff" }),
    allowed: PUBLISHERS,
  },
  {
    what: "reply as staff",
    entry: staffReplyAction,
    run: (t) => staffReplyAction(null, { parentId: t.approvedComment, body: "Thanks!" }),
    allowed: PUBLISHERS,
  },
  {
    what: "edit one's comment by its token",
    entry: editOwnCommentAction,
    run: (t) => editOwnCommentAction(null, { id: 41, token: t.commentToken, body: "Edited" }),
    allowed: READER,
  },
  {
    what: "delete one's comment by its token",
    entry: deleteOwnCommentAction,
    run: (t) => deleteOwnCommentAction(null, { id: 41, token: t.commentToken }),
    allowed: READER,
  },
  {
    what: "look up one's comments by token",
    entry: lookupOwnCommentsAction,
    run: (t) =>
      lookupOwnCommentsAction(null, {
        postId: POSTS.authorPublished.id,
        items: [{ id: 41, token: t.commentToken }],
      }).then((r) => ({ ok: r.ok && (r as { data: unknown[] }).data.length > 0 })),
    allowed: READER,
    reads: true,
  },
  {
    what: "delete a media item",
    entry: deleteMediaAction,
    run: (t) => deleteMediaAction(null, { id: t.media }),
    allowed: STAFF_EDIT,
  },
  {
    what: "preview Markdown",
    entry: previewMarkdownAction,
    run: () => previewMarkdownAction(null, { markdown: "*hi*" }),
    allowed: STAFF,
    reads: true,
  },
  {
    what: "update one's profile",
    entry: updateProfileAction,
    run: () => updateProfileAction(null, { name: "New Name", slug: "new-name", bio: "", avatarUrl: "" }),
    allowed: STAFF,
  },
  {
    what: "change one's password",
    entry: changePasswordAction,
    run: () => changePasswordAction(null, { currentPassword: "the old password", ...password }),
    allowed: STAFF,
  },
  {
    what: "create an integration",
    entry: createIntegrationAction,
    run: () => createIntegrationAction(null, { name: "Robot", role: "author" }),
    allowed: ADMINS,
  },
  {
    what: "rotate integration keys",
    entry: rotateIntegrationKeysAction,
    run: () => rotateIntegrationKeysAction(null, { id: INTEGRATION.id }),
    allowed: ADMINS,
  },
  {
    what: "delete an integration",
    entry: deleteIntegrationAction,
    run: () => deleteIntegrationAction(null, { id: INTEGRATION.id }),
    allowed: ADMINS,
  },
  {
    what: "add a webhook",
    entry: addWebhookAction,
    run: () =>
      addWebhookAction(null, {
        integrationId: INTEGRATION.id,
        event: "post.published",
        targetUrl: "https://hooks.example.com/y",
      }),
    allowed: ADMINS,
  },
  {
    what: "delete a webhook",
    entry: deleteWebhookAction,
    run: () => deleteWebhookAction(null, { id: INTEGRATION.webhook }),
    allowed: ADMINS,
  },
  {
    what: "allow private webhook targets",
    entry: updateWebhookSettingsAction,
    run: () => updateWebhookSettingsAction(null, { webhooksAllowPrivate: "on" }),
    allowed: ADMINS,
  },
  {
    what: "set up the site a second time",
    entry: setupSiteAction,
    run: () =>
      settle(setupSiteAction(null, { siteTitle: "Mine", name: "Mallory", email: "mallory@example.com", ...password })),
    allowed: NOBODY,
  },
  {
    what: "sign in with a wrong password",
    entry: signInAction,
    run: () => settle(signInAction(null, { email: "owner@example.com", password: "wrong" })),
    allowed: NOBODY,
    reads: true,
  },
  {
    what: "sign out",
    entry: signOutAction,
    run: () => signOutAction().then(() => ({ ok: true })),
    allowed: EVERYONE,
    reads: true,
  },
  {
    what: "ask for a password reset",
    entry: requestPasswordResetAction,
    run: () => requestPasswordResetAction(null, { email: "author@example.com" }),
    allowed: EVERYONE,
  },
  {
    what: "reset a password with the emailed link",
    entry: resetPasswordAction,
    run: () => settle(resetPasswordAction(null, { token: TOKENS.reset, ...password })),
    allowed: EVERYONE,
  },
  {
    what: "reset a password with a wrong link",
    entry: resetPasswordAction,
    run: () => settle(resetPasswordAction(null, { token: WRONG_LINK_TOKEN, ...password })),
    allowed: NOBODY,
  },
  {
    what: "accept an invitation with its link",
    entry: acceptInviteAction,
    run: () => settle(acceptInviteAction(null, { token: TOKENS.invite, name: "Ivy Invitee", ...password })),
    allowed: EVERYONE,
  },
  {
    what: "accept an invitation with a wrong link",
    entry: acceptInviteAction,
    run: () => settle(acceptInviteAction(null, { token: WRONG_LINK_TOKEN, name: "Ivy Invitee", ...password })),
    allowed: NOBODY,
  },
  // Route handlers.
  { what: "post a comment as JSON", entry: "app/api/comments/route.ts POST", run: commentAsJson, allowed: EVERYONE },
  {
    what: "edit one's comment by its token, as JSON",
    entry: "app/api/comments/own/route.ts POST",
    run: editOwnAsJson,
    allowed: READER,
  },
  { what: "upload an image", entry: "app/api/media/route.ts POST", run: () => upload().then(ok), allowed: STAFF },
  {
    what: "unsubscribe by the e-mailed link",
    entry: "app/unsubscribe/route.ts POST",
    run: (t) =>
      unsubscribe(
        new Request(
          `${SITE}/unsubscribe?token=${encodeURIComponent(t.holdsReaderTokens ? unsubscribeToken("reader@example.com") : `${unsubscribeToken("reader@example.com").split(".")[0]}.forged`)}`,
          { method: "POST" },
        ),
      ).then(ok),
    allowed: READER,
  },
  ...(["app/api/v1/admin/[...path]/route.ts", "app/ghost/api/admin/[...path]/route.ts"] as const).flatMap((route) => [
    {
      what: `add a post through the Admin API with a cookie (${route.split("/")[1]})`,
      entry: `${route} POST`,
      run: adminApi("POST", ["posts"]),
      allowed: NOBODY,
    },
    {
      what: `rename a tag through the Admin API with a cookie (${route.split("/")[1]})`,
      entry: `${route} PUT`,
      run: adminApi("PUT", ["tags", "21"]),
      allowed: NOBODY,
    },
    {
      what: `delete a tag through the Admin API with a cookie (${route.split("/")[1]})`,
      entry: `${route} DELETE`,
      run: adminApi("DELETE", ["tags", "21"]),
      allowed: NOBODY,
    },
  ]),
];
