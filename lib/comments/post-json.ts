import "server-only";
import { route, type ErrorShape } from "../route";
import { postCommentSchema } from "../validations/comment";
import { clientOf } from "./request";
import { submitComment } from "./submit";

// With its length known, the server in front of Next sends this small answer as it is
// instead of starting a compressor for it (bin/server: below 1 KB is not worth it), which
// cost CPU and, for brotli, megabytes per request in flight under load.
function reply(body: unknown, status: number): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(text)),
    },
  });
}

// Refusals in the shape the form already reads for its server action: { ok: false, error, fieldErrors }.
const actionShaped: ErrorShape = ({ message, fieldErrors, values }, status) =>
  reply({ ok: false, error: message, fieldErrors, values }, status);

/**
 * POST /api/comments, the comment form's JavaScript path: JSON in, JSON out, and no page
 * rendered into the answer. Without JavaScript the form sends the same fields to its
 * server action (lib/actions/post-comment.ts); both go through submitComment().
 */
export const handleCommentPost = route(
  {
    auth: { session: "public" },
    json: { schema: postCommentSchema, unreadable: "Send the comment as a JSON object of the form's fields." },
    errors: actionShaped,
  },
  async (request, { user, input }) => {
    const { result, status } = await submitComment(input, user, clientOf(request.headers));
    return reply(result, status);
  },
);
