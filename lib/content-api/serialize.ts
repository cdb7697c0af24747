import "server-only";
import { createHash } from "node:crypto";
import type { authorsByIds, readPublicPost, tagsForPosts } from "@/db/queries/content-api";
import { siteUrl } from "../env";
import { deriveExcerpt, readingTime } from "../markdown/render";

// Ghost's field names and shapes, so Ghost's clients and front ends read Quire unchanged.

type PostRow = NonNullable<Awaited<ReturnType<typeof readPublicPost>>>;
type TagRow = Omit<Awaited<ReturnType<typeof tagsForPosts>>[number], "postId">;
type AuthorRow = Awaited<ReturnType<typeof authorsByIds>>[number];

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A stable UUID-shaped id per post (Ghost clients expect one). */
function uuidFor(id: number): string {
  const hex = createHash("sha1").update(`quire-post-${id}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function serializeTag(tag: TagRow) {
  return {
    id: String(tag.id),
    name: tag.name,
    slug: tag.slug,
    description: tag.description || null,
    feature_image: null,
    visibility: "public",
    meta_title: null,
    meta_description: null,
    url: `${siteUrl()}/tag/${tag.slug}/`,
  };
}

export function serializeAuthor(author: AuthorRow) {
  return {
    id: String(author.id),
    name: author.name,
    slug: author.slug,
    profile_image: author.avatarUrl,
    cover_image: null,
    bio: author.bio || null,
    website: null,
    location: null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: `${siteUrl()}/author/${author.slug}/`,
  };
}

export type PostContext = {
  formats: Set<string>;
  fields?: string[];
  tags?: Map<number, TagRow[]>;
  authors?: Map<number, AuthorRow>;
};

export function serializePost(post: PostRow, context: PostContext) {
  const base: Record<string, unknown> = {
    id: String(post.id),
    uuid: uuidFor(post.id),
    title: post.title,
    slug: post.slug,
    ...(context.formats.has("html") && { html: post.html }),
    ...(context.formats.has("plaintext") && { plaintext: post.plaintext }),
    comment_id: String(post.id),
    feature_image: post.featureImage,
    feature_image_alt: post.featureImageAlt,
    feature_image_caption: null,
    featured: post.featured,
    visibility: "public",
    created_at: iso(post.createdAt),
    updated_at: iso(post.updatedAt),
    published_at: iso(post.publishedAt),
    custom_excerpt: post.customExcerpt,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: post.canonicalUrl,
    url: `${siteUrl()}/${post.slug}/`,
    excerpt: post.customExcerpt || deriveExcerpt(post.plaintext, 500),
    reading_time: readingTime(post.wordCount),
    access: true,
    og_image: post.ogImage,
    og_title: post.ogTitle,
    og_description: post.ogDescription,
    twitter_image: post.twitterImage,
    twitter_title: post.twitterTitle,
    twitter_description: post.twitterDescription,
    meta_title: post.metaTitle,
    meta_description: post.metaDescription,
    email_subject: null,
    frontmatter: null,
  };
  const result = context.fields?.length
    ? Object.fromEntries(context.fields.filter((field) => field in base).map((field) => [field, base[field]]))
    : base;
  if (context.tags) {
    const tags = (context.tags.get(post.id) ?? []).map(serializeTag);
    Object.assign(result, { tags, primary_tag: tags[0] ?? null });
  }
  if (context.authors) {
    const author = context.authors.get(post.authorId);
    const authors = author ? [serializeAuthor(author)] : [];
    Object.assign(result, { authors, primary_author: authors[0] ?? null });
  }
  return result;
}
