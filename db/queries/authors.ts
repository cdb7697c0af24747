import "server-only";
import { and, desc, eq, max } from "drizzle-orm";
import { getDb } from "../client";
import { posts, users } from "../schema";
import { isPublic } from "./post-visibility";

/** What readers may know about a staff member: never the email, role or status. */
const publicAuthor = { id: users.id, name: users.name, slug: users.slug, bio: users.bio, avatarUrl: users.avatarUrl };

/** An author by slug: only someone with a published post (other staff stay private). */
export async function getAuthorBySlug({ slug }: { slug: string }) {
  const [author] = await getDb()
    .select(publicAuthor)
    .from(users)
    .innerJoin(posts, and(eq(posts.authorId, users.id), isPublic("post")))
    .where(eq(users.slug, slug))
    .limit(1);
  return author;
}

/** Authors with published posts and when their newest post changed, for the sitemap. */
export async function listAuthorsInUse() {
  return await getDb()
    .select({ slug: users.slug, lastModified: max(posts.updatedAt) })
    .from(users)
    .innerJoin(posts, and(eq(posts.authorId, users.id), isPublic("post")))
    .groupBy(users.id)
    .orderBy(desc(max(posts.updatedAt)));
}
