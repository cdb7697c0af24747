import "server-only";
import type { Db } from "../client";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type PostStatus, posts } from "../schema";
import { tagsOfPosts } from "./sql";

/**
 * Which posts a person may act on: every author's or one author's, in any status or
 * only some (contributors edit their own drafts only). Built by lib/posts/access.ts
 * from the role; it always becomes part of the SQL WHERE, never a separate read.
 */
export type PostScope = { authorId: number | "all"; statuses: "all" | readonly PostStatus[] };

/** Who the audit log names for a change: a staff member, an integration, or the CLI (no id). */
export type Actor = { actorId: number | null; actorLabel: string };

export function scopeWhere(scope: PostScope): SQL {
  const author = scope.authorId === "all" ? sql`1 = 1` : eq(posts.authorId, scope.authorId);
  const status = scope.statuses === "all" ? sql`1 = 1` : inArray(posts.status, [...scope.statuses]);
  return and(author, status)!;
}

/** A post that is not in the trash and that the scope reaches. */
export function liveInScope(id: number, scope: PostScope): SQL {
  return and(eq(posts.id, id), isNull(posts.deletedAt), scopeWhere(scope))!;
}

/** A post's tag slugs, primary first (which tag pages a change makes stale). */
export async function tagSlugsOf(db: Db, postId: number): Promise<string[]> {
  return (await tagsOfPosts(db, [postId])).map((tag) => tag.slug);
}
