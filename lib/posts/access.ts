import type { Actor, PostScope } from "@/db/queries/post-scope";
import { type Action, ownershipScope, type RoleHolder } from "../authz";

// lib/authz.ts's role table as SQL scopes: one table, read here, never restated.
const ALL: PostScope = { authorId: "all", statuses: "all" };
const UNPUBLISHED = ["draft", "review"] as const;

/**
 * Whose posts, in which statuses, `user` may touch for `action`. Someone who may act on
 * their own posts only, and may not publish them either (a contributor), is kept to the
 * ones that were never published: what readers see stays an editor's call.
 */
function postScope(user: RoleHolder, action: Action): PostScope | null {
  const whose = ownershipScope(user, action);
  if (whose === null) return null;
  if (whose === "all") return ALL;
  return { authorId: whose, statuses: ownershipScope(user, "post.publish") === null ? UNPUBLISHED : "all" };
}

// Every staff role may edit and delete its own posts, so these scopes are never null;
// the fallback keeps a future rule change from opening everything instead.
const NOTHING: PostScope = { authorId: -1, statuses: [] };

/** Whose posts this person may open and save. */
export const editScope = (user: RoleHolder): PostScope => postScope(user, "post.edit") ?? NOTHING;

/** Whose posts this person may publish, schedule or unpublish; null: none. */
export const publishScope = (user: RoleHolder): PostScope | null => postScope(user, "post.publish");

/** Trash, restore and purge: like editing (a contributor may throw away their own drafts). */
export const deleteScope = (user: RoleHolder): PostScope => postScope(user, "post.delete") ?? NOTHING;

/** Which posts appear in this person's lists: everyone's to whoever may edit everyone's, otherwise their own. */
export function listScope(user: RoleHolder): PostScope {
  return ownershipScope(user, "post.edit") === "all" ? ALL : { authorId: user.id, statuses: "all" };
}

/** How the audit log names a signed-in staff member. */
export function actorOf(user: { id: number; name: string }): Actor {
  return { actorId: user.id, actorLabel: user.name };
}
