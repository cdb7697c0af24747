"use server";

import { deleteOwnComment, editOwnComment, getOwnComments, ownCommentExists } from "@/db/queries/comments";
import { getSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { EDIT_WINDOW_MS } from "../comments/policy";
import { countLinks, renderCommentMarkdown } from "../comments/render";
import { checkLength } from "../comments/screening";
import { containsBannedWord } from "../comments/spam";
import { hashEditToken } from "../comments/tokens";
import type { OwnComment } from "../utils/comment-thread";
import { ownCommentSchema, ownCommentsLookupSchema } from "../validations/comment";

// The commenter's own edit and delete, for EDIT_WINDOW_MS after posting, proven by the
// capability token their browser kept. No account, no cookie.

const CLOSED = "The 10 minutes for changing this comment have passed.";
const NOT_YOURS = "This comment can no longer be changed from here.";

async function refusal(id: number, tokenHash: string) {
  return { ok: false as const, error: (await ownCommentExists({ id, tokenHash })) ? CLOSED : NOT_YOURS };
}

export const editOwnCommentAction = mutation({ schema: ownCommentSchema, access: "public" }, async (input) => {
  const body = input.body ?? "";
  const settings = await getSettings();
  const lengthError = body.trim() ? checkLength(body, settings) : "Write a comment first.";
  if (lengthError)
    return {
      ok: false,
      error: "Some fields need your attention.",
      fieldErrors: { body: [lengthError] },
      values: { body },
    };
  const tokenHash = hashEditToken(input.token);
  const html = await renderCommentMarkdown(body);
  // An edit that adds too many links or a banned word goes back to the queue.
  const recheck = countLinks(body) > settings.commentLinkLimit || containsBannedWord(body, settings.bannedWords);
  const since = new Date(Date.now() - EDIT_WINDOW_MS);
  const changed = await editOwnComment({ id: input.id, tokenHash, since, markdown: body, html, holdAgain: recheck });
  if (!changed) return refusal(input.id, tokenHash);
  invalidate("posts", `post:${changed.postId}`, `comments:${changed.postId}`);
  return { ok: true, message: "Your comment is updated.", data: { html, status: changed.status } };
});

export const deleteOwnCommentAction = mutation({ schema: ownCommentSchema, access: "public" }, async (input) => {
  const tokenHash = hashEditToken(input.token);
  const deleted = await deleteOwnComment({ id: input.id, tokenHash, since: new Date(Date.now() - EDIT_WINDOW_MS) });
  if (!deleted) return refusal(input.id, tokenHash);
  invalidate("posts", `post:${deleted.postId}`, `comments:${deleted.postId}`);
  return { ok: true, message: "Your comment is deleted." };
});

/** The comments this browser holds tokens for: a read, but through the wrapper for its parsing. */
export const lookupOwnCommentsAction = mutation(
  { schema: ownCommentsLookupSchema, access: "public" },
  async (input) => {
    const rows = await getOwnComments({
      items: input.items.map((item) => ({ id: item.id, tokenHash: hashEditToken(item.token) })),
    });
    const data: OwnComment[] = rows
      .filter((row) => row.postId === input.postId)
      .map((row) => ({
        id: row.id,
        status: row.status,
        html: row.html,
        markdown: row.markdown,
        createdAt: row.createdAt.getTime(),
        editableUntil: row.createdAt.getTime() + EDIT_WINDOW_MS,
      }));
    return { ok: true, data };
  },
);
