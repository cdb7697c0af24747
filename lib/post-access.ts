import type { PostScope } from "@/db/queries/post-scope";
import { hasRole } from "./authz";

type Actor = { id: number; role: "owner" | "admin" | "editor" | "author" | "contributor" };

// PRODUCT.md's role table as SQL scopes. Editors and up reach every post; authors
// their own in any status; contributors their own drafts (and those waiting for review).
const ALL: PostScope = { authorId: "all", statuses: "all" };
const OWN_DRAFTS = ["draft", "review"] as const;

/** Whose posts this person may open and save. */
export function editScope(user: Actor): PostScope {
  if (hasRole(user, "editor")) return ALL;
  if (hasRole(user, "author")) return { authorId: user.id, statuses: "all" };
  return { authorId: user.id, statuses: OWN_DRAFTS };
}

/** Whose posts this person may publish, schedule or unpublish; null: none. */
export function publishScope(user: Actor): PostScope | null {
  if (hasRole(user, "editor")) return ALL;
  if (hasRole(user, "author")) return { authorId: user.id, statuses: "all" };
  return null;
}

/** Trash, restore and purge: like editing (a contributor may throw away their own drafts). */
export const deleteScope = editScope;

/** Which posts appear in this person's lists: everyone's from editor up, otherwise their own. */
export function listScope(user: Actor): PostScope {
  return hasRole(user, "editor") ? ALL : { authorId: user.id, statuses: "all" };
}

export function actorOf(user: { id: number; name: string }) {
  return { actorId: user.id, actorLabel: user.name };
}
