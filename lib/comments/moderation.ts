import "server-only";
import { countPendingComments, type ModerationScope } from "@/db/queries/comment-moderation";
import { ownershipScope } from "../authz";
import type { SessionUser } from "../session";

/** The moderation scope of a staff member, or null when they may not moderate at all. */
export function moderationScope(user: SessionUser): ModerationScope | null {
  return ownershipScope(user, "comment.moderate");
}

/** For the admin navigation: comments waiting in this user's scope, or null when they cannot moderate. */
export async function pendingCommentCount(user: SessionUser): Promise<number | null> {
  const scope = moderationScope(user);
  return scope === null ? null : await countPendingComments({ scope });
}
