// POST /api/comments/own (app/api/comments/own/route.ts) — the commenter's own recent comments, for the comment section's
// script (public/comments.js): look them up, edit or delete them with the tokens this
// browser kept. The same actions the hydrated form calls (lib/actions/own-comment.ts),
// which parse their own fields and check the token and the edit window.
import { z } from "zod";
import { deleteOwnCommentAction, editOwnCommentAction, lookupOwnCommentsAction } from "@/lib/actions/own-comment";
import { ERROR_MESSAGES } from "@/lib/errors";
import { route } from "@/lib/route";

const ACTIONS = { lookup: lookupOwnCommentsAction, edit: editOwnCommentAction, delete: deleteOwnCommentAction };
const schema = z.looseObject({ op: z.enum(["lookup", "edit", "delete"]) });

export const handleOwnComments = route(
  { auth: { session: "public" }, json: { schema, unreadable: "Send a JSON object with op and the comment's fields." } },
  async (_request, { input }) => {
    const { op, ...fields } = input;
    const result = await ACTIONS[op](null, fields);
    // A refused field is the sender's to fix (422), a failure ours (500); anything else
    // refused is not theirs to change, or no longer (403).
    const status = result.ok ? 200 : result.fieldErrors ? 422 : result.error === ERROR_MESSAGES.internal ? 500 : 403;
    return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
  },
);
