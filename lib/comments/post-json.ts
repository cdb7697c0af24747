import "server-only";
import { invalidInput } from "../action";
import { ERROR_MESSAGES } from "../errors";
import { getCurrentUser } from "../session";
import { isSameOrigin } from "../utils/same-origin";
import { postCommentSchema } from "../validations/comment";
import { submitComment } from "./submit";

const NO_STORE = { "Cache-Control": "no-store" };
const reply = (body: unknown, status: number) => Response.json(body, { status, headers: NO_STORE });

/**
 * POST /api/comments, the comment form's JavaScript path: JSON in, JSON out, and no page
 * rendered into the answer. Without JavaScript the form sends the same fields to its
 * server action (lib/actions/post-comment.ts); both go through submitComment().
 */
export async function handleCommentPost(request: Request): Promise<Response> {
  // A signed-in staff member's cookie rides along: only this site's own pages may send it.
  if (!isSameOrigin(request.headers)) return reply({ ok: false, error: ERROR_MESSAGES.forbidden }, 403);
  const raw: unknown = await request.json().catch(() => null);
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return reply({ ok: false, error: "Send the comment as a JSON object of the form's fields." }, 400);
  }
  const parsed = postCommentSchema.safeParse(raw);
  if (!parsed.success) return reply(invalidInput(parsed.error, raw as Record<string, unknown>), 422);
  try {
    const { result, status } = await submitComment(parsed.data, await getCurrentUser());
    return reply(result, status);
  } catch (error) {
    console.error("[quire] comment failed", error);
    return reply({ ok: false, error: ERROR_MESSAGES.internal }, 500);
  }
}
