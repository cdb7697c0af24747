import type { CommentStatus } from "@/db/schema";
import { SPAM_THRESHOLD } from "./spam";

export type CommentPolicy = "hold_all" | "hold_first_time" | "publish";

/** Where a new comment lands, from the site policy and what is known of the commenter. */
export function decideStatus(input: {
  staff: boolean;
  policy: CommentPolicy;
  score: number;
  links: number;
  linkLimit: number;
  emailApproved: number;
}): CommentStatus {
  if (input.staff) return "approved";
  if (input.score >= SPAM_THRESHOLD) return "spam";
  if (input.links > input.linkLimit) return "pending";
  if (input.policy === "hold_all") return "pending";
  if (input.policy === "hold_first_time" && input.emailApproved === 0) return "pending";
  return "approved";
}

/** Closed per post, or globally after N days from publication (0 = never). */
export function commentsClosed(
  post: { commentsOpen: boolean; publishedAt: Date | null },
  closeAfterDays: number,
  now = Date.now(),
): boolean {
  if (!post.commentsOpen) return true;
  if (closeAfterDays > 0 && post.publishedAt) return now - post.publishedAt.getTime() > closeAfterDays * 86_400_000;
  return false;
}

export const EDIT_WINDOW_MS = 10 * 60 * 1000;
