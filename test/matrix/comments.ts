import { editCommentAction, moderateCommentsAction, staffReplyAction } from "@/lib/actions/moderate-comments";
import { deleteOwnCommentAction, editOwnCommentAction, lookupOwnCommentsAction } from "@/lib/actions/own-comment";
import { postCommentAction } from "@/lib/actions/post-comment";
import { handleOwnComments } from "@/lib/comments/own-json";
import { handleCommentPost } from "@/lib/comments/post-json";
import { issueFormToken, unsubscribeToken } from "@/lib/comments/tokens";
import { unsubscribe } from "@/lib/comments/unsubscribe";
import { POSTS } from "../admin-fixture";
import { EVERYONE, type MatrixRow, ok, PUBLISHERS, READER, SITE, type Target } from "../authz-matrix";

// Admin → Comments, and the readers' side of comments: posting, editing and deleting one's
// own by its token, and unsubscribing by the e-mailed link.

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

export const COMMENT_ACTIONS: MatrixRow[] = [
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
  // Route handlers.
  { what: "post a comment as JSON", entry: "app/api/comments/route.ts POST", run: commentAsJson, allowed: EVERYONE },
  {
    what: "edit one's comment by its token, as JSON",
    entry: "app/api/comments/own/route.ts POST",
    run: editOwnAsJson,
    allowed: READER,
  },
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
];
