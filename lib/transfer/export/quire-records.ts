// One Quire export record per row: the shapes docs/export-format.md documents.
// Field names are snake_case; dates are ISO-8601 UTC strings or null.
import type { CommentRow, MediaRow, PostRow, RedirectRow, RevisionRow, StaffRow, TagRow } from "@/db/queries/export";
import { type ExportContext, iso, mediaPath, parseVariants, postPath } from "./context";

/** A person's reference: the slug is the key, the e-mail lets an importer match existing staff. */
export function staffRef(context: ExportContext, id: number | null) {
  const person = id === null ? undefined : context.staff.get(id);
  return person ? { slug: person.slug, email: person.email } : null;
}

export function staffRecord(row: StaffRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    slug: row.slug,
    bio: row.bio,
    role: row.role,
    avatar_url: row.avatarUrl,
    status: row.status,
    created_at: iso(row.createdAt),
  };
}

export function tagRecord(row: TagRow) {
  return { id: row.id, name: row.name, slug: row.slug, description: row.description, created_at: iso(row.createdAt) };
}

export function postRecord(context: ExportContext, row: PostRow, tagIds: number[]) {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    slug: row.slug,
    path: postPath(row.slug),
    status: row.status,
    trashed: row.deletedAt !== null,
    published_at: iso(row.publishedAt),
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    deleted_at: iso(row.deletedAt),
    author: staffRef(context, row.authorId),
    featured: row.featured === 1,
    comments_open: row.commentsOpen === 1,
    custom_excerpt: row.customExcerpt,
    feature_image: row.featureImage,
    feature_image_alt: row.featureImageAlt,
    tags: tagIds.map((id) => context.tags.get(id)?.slug).filter((slug): slug is string => slug !== undefined),
    seo: {
      meta_title: row.metaTitle,
      meta_description: row.metaDescription,
      canonical_url: row.canonicalUrl,
      og_title: row.ogTitle,
      og_description: row.ogDescription,
      og_image: row.ogImage,
      twitter_title: row.twitterTitle,
      twitter_description: row.twitterDescription,
      twitter_image: row.twitterImage,
    },
    markdown: row.markdown,
    html: row.html,
  };
}

export function commentRecord(context: ExportContext, row: CommentRow) {
  return {
    id: row.id,
    post_id: row.postId,
    parent_id: row.parentId,
    status: row.status,
    kind: row.kind,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    approved_at: iso(row.approvedAt),
    author: {
      name: row.authorName,
      website: row.authorUrl,
      staff: row.userId === null ? null : (context.staff.get(row.userId)?.slug ?? null),
      // Never shown to readers; see the export's top-level `personal_data` note.
      personal_data: { email: row.authorEmail, notify_replies: row.notifyReplies === 1 },
    },
    markdown: row.markdown,
    html: row.html,
  };
}

export function revisionRecord(context: ExportContext, row: RevisionRow) {
  return {
    id: row.id,
    post_id: row.postId,
    author: staffRef(context, row.authorId),
    kind: row.kind,
    version: row.version,
    created_at: iso(row.createdAt),
    title: row.title,
    markdown: row.markdown,
  };
}

export function mediaRecord(context: ExportContext, row: MediaRow) {
  return {
    id: row.id,
    storage_key: row.storageKey,
    path: mediaPath(row.storageKey),
    original_name: row.originalName,
    mime_type: row.mimeType,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    variants: parseVariants(row.variants).map((v) => ({
      width: v.width,
      storage_key: v.key,
      path: mediaPath(v.key),
      size: v.size,
    })),
    uploaded_by: staffRef(context, row.uploadedBy)?.slug ?? null,
    created_at: iso(row.createdAt),
  };
}

export function redirectRecord(row: RedirectRow) {
  return { from_path: row.fromPath, to_path: row.toPath, created_at: iso(row.createdAt) };
}
