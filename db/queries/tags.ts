import "server-only";
import { and, desc, eq, max, sql } from "drizzle-orm";
import { getDb } from "../client";
import { postTags, posts, tags } from "../schema";
import { isPublic } from "./post-visibility";
import { prepared } from "./prepared";

/** A tag by slug, for its archive page and feeds. */
const tagBySlug = prepared((db) =>
  db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(eq(tags.slug, sql.placeholder("slug"))),
);

export async function getTagBySlug({ slug }: { slug: string }) {
  return tagBySlug().get({ slug });
}

/** Tags with at least one published post and when that newest post changed, for the sitemap. */
export async function listTagsInUse() {
  return await getDb()
    .select({ slug: tags.slug, lastModified: max(posts.updatedAt) })
    .from(tags)
    .innerJoin(postTags, eq(postTags.tagId, tags.id))
    .innerJoin(posts, and(eq(posts.id, postTags.postId), isPublic("post")))
    .groupBy(tags.id)
    .orderBy(desc(sql`count(*)`));
}
