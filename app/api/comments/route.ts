// POST /api/comments — a comment as JSON, from the comment form with JavaScript (lib/comments/post-json.ts).
import { handleCommentPost } from "@/lib/comments/post-json";

export const POST = handleCommentPost;
