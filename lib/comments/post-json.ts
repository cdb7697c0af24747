import "server-only";
import { route, type ErrorShape } from "../route";
import { postCommentSchema } from "../validations/comment";
import { submitComment } from "./submit";

// The server in front of Next compresses what it passes through from 1 KB on (bin/server:
// below that it is not worth it). It cannot see this answer's length: Next sends route
// handlers' answers chunked, without their Content-Length. So a small answer says
// `no-transform`, which the compressor honours: starting a brotli stream for a few hundred
// bytes cost ~5 % of a comment POST's CPU, and native memory per POST in flight under load.
const COMPRESSED_FROM_BYTES = 1024;

function reply(body: unknown, status: number): Response {
  const text = JSON.stringify(body);
  const small = Buffer.byteLength(text) < COMPRESSED_FROM_BYTES;
  return new Response(text, {
    status,
    headers: {
      "Cache-Control": small ? "no-store, no-transform" : "no-store",
      "Content-Type": "application/json",
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
  async (_request, { user, input }) => {
    const { result, status } = await submitComment(input, user);
    return reply(result, status);
  },
);
