// POST /api/comments/own — the commenter's own comments, for public/comments.js (lib/comments/own-json.ts).
import { handleOwnComments } from "@/lib/comments/own-json";

export const POST = handleOwnComments;
