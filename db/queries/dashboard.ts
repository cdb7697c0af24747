import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { comments, posts } from "../schema";
import { type PostScope, scopeWhere } from "./post-scope";

/** Comments waiting for moderation on the posts this person may moderate. */
export async function countPendingComments(scope: PostScope): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(and(eq(comments.status, "pending"), isNull(posts.deletedAt), scopeWhere(scope)));
  return row?.n ?? 0;
}
