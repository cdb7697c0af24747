import "server-only";
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { posts } from "../schema";
import { sqlNow } from "./sql";

/**
 * What a reader may see: published, not in the trash, and not dated in the future
 * (a "published" row with a future date stays hidden until its time comes).
 * Every reader query goes through this, so drafts and scheduled posts cannot leak.
 */
export const isPublic = (type: "post" | "page") =>
  and(eq(posts.type, type), eq(posts.status, "published"), isNull(posts.deletedAt), lte(posts.publishedAt, sqlNow()));

/** Approved comments on a post: the count readers see on cards. */
export const approvedCommentCount = sql<number>`(select count(*) from comments c where c.post_id = ${posts.id} and c.status = 'approved')`;
