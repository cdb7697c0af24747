import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { posts, postTags, tags, users } from "../schema";
import { isPublic } from "./post-visibility";

const LIMIT = 200; // suggestions, not a directory: enough for any menu

/**
 * What a menu link may point to on Admin → Design: published pages, tags with published
 * posts, and people with published posts, as addresses with their names.
 */
export async function listMenuTargets(): Promise<{ url: string; label: string }[]> {
  const db = getDb();
  const pages = await db
    .select({ slug: posts.slug, title: posts.title })
    .from(posts)
    .where(isPublic("page"))
    .orderBy(asc(posts.title))
    .limit(LIMIT);
  const tagRows = await db
    .selectDistinct({ slug: tags.slug, name: tags.name })
    .from(tags)
    .innerJoin(postTags, eq(postTags.tagId, tags.id))
    .innerJoin(posts, and(eq(posts.id, postTags.postId), isPublic("post")))
    .orderBy(asc(tags.name))
    .limit(LIMIT);
  const authors = await db
    .selectDistinct({ slug: users.slug, name: users.name })
    .from(users)
    .innerJoin(posts, and(eq(posts.authorId, users.id), isPublic("post")))
    .orderBy(asc(users.name))
    .limit(LIMIT);
  return [
    ...pages.map((page) => ({ url: `/${page.slug}`, label: `Page: ${page.title}` })),
    ...tagRows.map((tag) => ({ url: `/tag/${tag.slug}`, label: `Tag: ${tag.name}` })),
    ...authors.map((author) => ({ url: `/author/${author.slug}`, label: `Author: ${author.name}` })),
  ];
}
