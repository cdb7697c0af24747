// POST /api/comments — a comment as JSON, from the comment form with JavaScript (lib/comments/post-json.ts).
import { handleCommentPost } from "@/lib/comments/post-json";
import { offerDirectly } from "@/lib/direct-handlers.mjs";

export const POST = handleCommentPost;

// Once Next has loaded this route, bin/server answers the form's cookie-less POSTs with this
// same function without going through Next's router (bin/server/direct.mjs): half a
// comment's CPU was Next's request handling. Signed-in staff still come through Next.
offerDirectly("/api/comments", handleCommentPost);
