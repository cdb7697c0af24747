import type { z } from "zod";
import {
  commentSchema,
  headerSchema,
  LISTS,
  type ListName,
  mediaSchema,
  postSchema,
  redirectSchema,
  settingsSchema,
  staffSchema,
  SUPPORTED_VERSION,
  tagSchema,
} from "./quire-schema";
import { ImportError, type ImportItem, type ImportRole } from "./shape";

// A Quire export's header and records, checked (quire-schema.ts) and turned into import items.
// Source ids are the export's site URL plus the record's id (slug for staff and tags), so
// importing the same export again finds what the first import made.

const SEO_FIELDS = {
  meta_title: "metaTitle",
  meta_description: "metaDescription",
  canonical_url: "canonicalUrl",
  og_title: "ogTitle",
  og_description: "ogDescription",
  og_image: "ogImage",
  twitter_title: "twitterTitle",
  twitter_description: "twitterDescription",
  twitter_image: "twitterImage",
} as const;

/** The writer reads titles, names and excerpts as HTML (blog exports hold HTML there); Quire's are
 * plain text, so "<tricks>" in a title is escaped to stay text rather than vanish as a tag. */
function asHtml(value: string): string;
function asHtml(value: string | null | undefined): string | null;
function asHtml(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ImportError(`${where}: “${issue.path.join(".") || "(record)"}” ${issue.message.toLowerCase()}.`);
}

/** Turns the export's records into import items; holds only the post addresses (for redirects). */
export class RecordReader {
  private prefix = "";
  private readonly postByPath = new Map<string, string>();

  *header(value: unknown): Generator<ImportItem> {
    const version = (value as { version?: unknown } | null)?.version;
    if ((value as { format?: unknown } | null)?.format === "quire-export" && version !== SUPPORTED_VERSION)
      throw new ImportError(
        `This is a Quire export of version ${String(version)}; this Quire reads version ${SUPPORTED_VERSION} only. Import it with the Quire that wrote it, or a newer one.`,
      );
    const header = check(headerSchema, value, "The Quire export's header");
    this.prefix = `${header.site.url}#`;
    const settings = settingsSchema.safeParse(
      Object.fromEntries(Object.entries(header.settings ?? {}).filter(([key]) => key in settingsSchema.shape)),
    );
    if (settings.success) yield { kind: "settings", sourceId: "settings", values: settings.data };
    else
      yield {
        kind: "warning",
        message: `The export's settings were not imported: ${settings.error.issues[0]!.path.join(".")} is not a valid value.`,
      };
  }

  *record(list: string, value: unknown, line: number): Generator<ImportItem> {
    if (!(LISTS as readonly string[]).includes(list)) return; // a list added by a later Quire: ignored
    const where = `Record ${line} of “${list}” in the Quire export`;
    const p = this.prefix;
    switch (list as ListName) {
      case "staff": {
        const staff = check(staffSchema, value, where);
        // The site has its owner already: an exported owner becomes an administrator (or, with the
        // same e-mail, is matched to an existing member).
        const role: ImportRole = staff.role === "owner" ? "admin" : staff.role;
        yield {
          kind: "author",
          sourceId: `${p}staff:${staff.slug}`,
          name: asHtml(staff.name),
          email: staff.email,
          role,
          bio: asHtml(staff.bio) ?? undefined,
          slug: staff.slug,
        };
        return;
      }
      case "tags": {
        const tag = check(tagSchema, value, where);
        yield {
          kind: "tag",
          sourceId: `${p}tag:${tag.slug}`,
          name: asHtml(tag.name),
          slug: tag.slug,
          description: asHtml(tag.description) ?? undefined,
          oldPaths: [],
        };
        return;
      }
      case "media": {
        const media = check(mediaSchema, value, where);
        yield { kind: "media", sourceId: `${p}media:${media.id}`, url: media.path };
        return;
      }
      case "posts":
      case "pages": {
        const post = check(postSchema, value, where);
        const sourceId = `${p}post:${post.id}`;
        this.postByPath.set(post.path ?? `/${post.slug}`, sourceId);
        const seo = Object.fromEntries(
          Object.entries(SEO_FIELDS).flatMap(([field, name]) =>
            post.seo?.[field] ? [[name, asHtml(post.seo[field])]] : [],
          ),
        );
        yield {
          kind: "post",
          sourceId,
          type: post.type,
          title: asHtml(post.title),
          slug: post.slug,
          body: { format: "markdown", text: post.markdown },
          excerpt: asHtml(post.custom_excerpt),
          status: post.status,
          publishedAt: post.published_at ?? null,
          authorSourceId: post.author ? `${p}staff:${post.author.slug}` : null,
          tagSourceIds: post.tags.map((slug) => `${p}tag:${slug}`),
          featured: post.featured,
          featureImage: post.feature_image ?? null,
          featureImageAlt: asHtml(post.feature_image_alt),
          seo,
          commentsOpen: post.comments_open,
          oldPaths: [],
          notes: post.trashed ? ["in the trash, as in the export"] : [],
          createdAt: post.created_at ?? undefined,
          updatedAt: post.updated_at ?? undefined,
          deletedAt: post.trashed ? (post.deleted_at ?? new Date()) : null,
        };
        return;
      }
      case "redirects": {
        const redirect = check(redirectSchema, value, where);
        yield {
          kind: "redirect",
          sourceId: redirect.from_path,
          to: redirect.to_path,
          targetSourceId: this.postByPath.get(redirect.to_path),
        };
        return;
      }
      case "comments": {
        const comment = check(commentSchema, value, where);
        yield {
          kind: "comment",
          sourceId: `${p}comment:${comment.id}`,
          postSourceId: `${p}post:${comment.post_id}`,
          parentSourceId: comment.parent_id === null ? null : `${p}comment:${comment.parent_id}`,
          status: comment.status,
          commentKind: comment.kind ?? "comment",
          authorName: asHtml(comment.author.name),
          authorEmail: comment.author.personal_data?.email ?? null,
          authorUrl: comment.author.website ?? null,
          createdAt: comment.created_at,
          updatedAt: comment.updated_at ?? undefined,
          approvedAt: comment.approved_at ?? null,
          notifyReplies: comment.author.personal_data?.notify_replies ?? false,
          html: comment.html,
          markdown: comment.markdown,
        };
        return;
      }
      case "revisions": {
        const id = (value as { id?: unknown } | null)?.id;
        yield {
          kind: "skipped",
          what: `revision ${String(id)}`,
          sourceId: `${p}revision:${String(id)}`,
          reason: "revisions are not imported: each post comes in as its latest version",
        };
        return;
      }
    }
  }
}
