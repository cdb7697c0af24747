// WordPress eXtended RSS 1.2, as WordPress's own exporter writes it and its importer
// reads it: authors, categories and tags first, then one <item> per attachment, post
// and page, each post's comments inside its item. Written as it is read.
import type { CommentRow, MediaRow, PostRow } from "@/db/queries/export";
import type { CommentStatus, PostStatus } from "@/db/schema";
import { type ExportContext, mediaPath, postPath } from "./context";
import { noProgress, type ExportProgress } from "./progress";
import { withTags } from "./quire-json";
import type { TextSink } from "./sink";
import { rfc822, wpGmt, wpLocal } from "./wordpress-dates";
import { cdata, cdataElement, element, escapeXml } from "./xml";

export const WXR_NAMESPACES = {
  excerpt: "http://wordpress.org/export/1.2/excerpt/",
  content: "http://purl.org/rss/1.0/modules/content/",
  wfw: "http://wellformedweb.org/CommentAPI/",
  dc: "http://purl.org/dc/elements/1.1/",
  wp: "http://wordpress.org/export/1.2/",
};

const WP_STATUS: Record<PostStatus, string> = {
  published: "publish",
  draft: "draft",
  scheduled: "future",
  review: "pending",
};

const WP_APPROVED: Record<CommentStatus, string> = { approved: "1", pending: "0", spam: "spam", trash: "trash" };

export type WxrOptions = { onProgress?: ExportProgress };

export async function writeWxr(context: ExportContext, sink: TextSink, options: WxrOptions = {}) {
  const { reader, siteUrl, settings } = context;
  const onProgress = options.onProgress ?? noProgress;
  const counts = await reader.counts();
  // Attachments share WordPress's post id space: numbered after the highest post id.
  const attachmentBase = await reader.maxPostId();
  const attachmentByPath = new Map<string, number>();

  const namespaces = Object.entries(WXR_NAMESPACES)
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(" ");
  sink.write(
    `<?xml version="1.0" encoding="UTF-8" ?>\n` +
      `<!-- A WordPress eXtended RSS (WXR 1.2) export of a Quire site, for WordPress's importer (Tools → Import). -->\n` +
      `<!-- generator="Quire/${escapeXml(context.quireVersion)}" created="${wpGmt(context.exportedAt.getTime())}" -->\n` +
      `<rss version="2.0" ${namespaces}>\n<channel>\n` +
      `\t${element("title", settings.title)}\n\t${element("link", siteUrl)}\n` +
      `\t${element("description", settings.description)}\n` +
      `\t${element("pubDate", rfc822(context.exportedAt.getTime()))}\n\t<language>en</language>\n` +
      `\t<wp:wxr_version>1.2</wp:wxr_version>\n` +
      `\t${element("wp:base_site_url", siteUrl)}\n\t${element("wp:base_blog_url", siteUrl)}\n`,
  );

  for (const person of context.staff.values()) {
    sink.write(
      `\t<wp:author>${element("wp:author_id", person.id)}${cdataElement("wp:author_login", person.slug)}` +
        `${cdataElement("wp:author_email", person.email)}${cdataElement("wp:author_display_name", person.name)}` +
        `${cdataElement("wp:author_first_name", "")}${cdataElement("wp:author_last_name", "")}</wp:author>\n`,
    );
  }
  // Quire has tags only. Each becomes a post_tag; the tags that lead a post are also
  // offered as categories, so a WordPress theme that shows categories shows something
  // (the importer creates a category per name, and a Quire import merges the two again).
  const primary = await reader.primaryTagIds();
  for (const tag of context.tags.values()) {
    if (!primary.has(tag.id)) continue;
    sink.write(
      `\t<wp:category>${element("wp:term_id", tag.id)}${cdataElement("wp:category_nicename", tag.slug)}` +
        `${cdataElement("wp:category_parent", "")}${cdataElement("wp:cat_name", tag.name)}` +
        `${cdataElement("wp:category_description", tag.description)}</wp:category>\n`,
    );
  }
  for (const tag of context.tags.values()) {
    sink.write(
      `\t<wp:tag>${element("wp:term_id", tag.id)}${cdataElement("wp:tag_slug", tag.slug)}` +
        `${cdataElement("wp:tag_name", tag.name)}${cdataElement("wp:tag_description", tag.description)}</wp:tag>\n`,
    );
  }
  sink.write(`\t${element("generator", `Quire ${context.quireVersion}`)}\n`);
  await sink.settle();

  let done = 0;
  for await (const page of reader.mediaPages()) {
    for (const row of page) {
      const id = attachmentBase + row.id;
      attachmentByPath.set(mediaPath(row.storageKey), id);
      sink.write(attachmentItem(context, row, id));
    }
    done += page.length;
    onProgress("media", done, counts.media);
    await sink.settle();
  }

  for (const [section, type] of [
    ["posts", "post"],
    ["pages", "page"],
  ] as const) {
    done = 0;
    for await (const page of withTags(context, reader.postPages(type))) {
      for (const { row, tagIds } of page) {
        sink.write(itemHead(context, row, tagIds, attachmentByPath));
        // A post's comments are read in pages of their own: one post may have a great many.
        for await (const comments of reader.commentPagesOf(row.id)) {
          for (const comment of comments) {
            sink.write(commentElement(context, comment));
            if (sink.full) await sink.settle();
          }
        }
        sink.write("</item>\n");
        if (sink.full) await sink.settle();
      }
      done += page.length;
      onProgress(section, done, counts[section]);
      await sink.settle();
    }
  }
  sink.write("</channel>\n</rss>\n");
}

function attachmentItem(context: ExportContext, row: MediaRow, id: number): string {
  const url = context.siteUrl + mediaPath(row.storageKey);
  const author = row.uploadedBy === null ? undefined : context.staff.get(row.uploadedBy);
  const title = row.originalName.replace(/\.[^.]+$/, "");
  return (
    `<item>\n\t${cdataElement("title", title)}\n\t${element("link", url)}\n` +
    `\t${element("pubDate", rfc822(row.createdAt))}\n\t${cdataElement("dc:creator", author?.slug ?? "")}\n` +
    `\t<guid isPermaLink="false">${escapeXml(url)}</guid>\n\t<description></description>\n` +
    `\t${cdataElement("content:encoded", "")}\n\t${cdataElement("excerpt:encoded", row.alt)}\n` +
    `\t${element("wp:post_id", id)}\n` +
    `\t${cdataElement("wp:post_date", wpLocal(row.createdAt, context.settings.timezone))}\n` +
    `\t${cdataElement("wp:post_date_gmt", wpGmt(row.createdAt))}\n` +
    `\t${cdataElement("wp:comment_status", "closed")}\n\t${cdataElement("wp:ping_status", "closed")}\n` +
    `\t${cdataElement("wp:post_name", row.storageKey.replace(/\.[^.]+$/, "").replaceAll("/", "-"))}\n` +
    `\t${cdataElement("wp:status", "inherit")}\n\t<wp:post_parent>0</wp:post_parent>\n\t<wp:menu_order>0</wp:menu_order>\n` +
    `\t${cdataElement("wp:post_type", "attachment")}\n\t${cdataElement("wp:post_password", "")}\n` +
    `\t<wp:is_sticky>0</wp:is_sticky>\n\t${cdataElement("wp:attachment_url", url)}\n` +
    postmeta("_wp_attached_file", row.storageKey) +
    (row.alt ? postmeta("_wp_attachment_image_alt", row.alt) : "") +
    `</item>\n`
  );
}

function itemHead(context: ExportContext, row: PostRow, tagIds: number[], attachments: Map<string, number>): string {
  const { siteUrl, settings } = context;
  const url = siteUrl + postPath(row.slug);
  const author = context.staff.get(row.authorId);
  const date = row.publishedAt ?? row.createdAt;
  const status = row.deletedAt !== null ? "trash" : WP_STATUS[row.status];
  const categories = tagIds.flatMap((tagId, index) => {
    const tag = context.tags.get(tagId);
    if (!tag) return [];
    const attrs = (domain: string) => `domain="${domain}" nicename="${escapeXml(tag.slug)}"`;
    const asTag = `\t<category ${attrs("post_tag")}>${cdata(tag.name)}</category>\n`;
    return index === 0 ? [`\t<category ${attrs("category")}>${cdata(tag.name)}</category>\n`, asTag] : [asTag];
  });
  const thumbnail = row.featureImage ? attachments.get(row.featureImage.replace(/^https?:\/\/[^/]+/, "")) : undefined;
  // SEO fields under Yoast SEO's keys, the plugin most WordPress sites read them from.
  const seo: [string, string | null][] = [
    ["_yoast_wpseo_title", row.metaTitle],
    ["_yoast_wpseo_metadesc", row.metaDescription],
    ["_yoast_wpseo_canonical", row.canonicalUrl],
    ["_yoast_wpseo_opengraph-title", row.ogTitle],
    ["_yoast_wpseo_opengraph-description", row.ogDescription],
    ["_yoast_wpseo_opengraph-image", row.ogImage],
    ["_yoast_wpseo_twitter-title", row.twitterTitle],
    ["_yoast_wpseo_twitter-description", row.twitterDescription],
    ["_yoast_wpseo_twitter-image", row.twitterImage],
  ];
  return (
    `<item>\n\t${cdataElement("title", row.title)}\n\t${element("link", url)}\n` +
    `\t${element("pubDate", rfc822(date))}\n\t${cdataElement("dc:creator", author?.slug ?? "")}\n` +
    `\t<guid isPermaLink="false">${escapeXml(`${siteUrl}/?p=${row.id}`)}</guid>\n\t<description></description>\n` +
    `\t${cdataElement("content:encoded", row.html)}\n\t${cdataElement("excerpt:encoded", row.customExcerpt ?? "")}\n` +
    `\t${element("wp:post_id", row.id)}\n` +
    `\t${cdataElement("wp:post_date", wpLocal(date, settings.timezone))}\n` +
    `\t${cdataElement("wp:post_date_gmt", wpGmt(date))}\n` +
    `\t${cdataElement("wp:post_modified", wpLocal(row.updatedAt, settings.timezone))}\n` +
    `\t${cdataElement("wp:post_modified_gmt", wpGmt(row.updatedAt))}\n` +
    `\t${cdataElement("wp:comment_status", row.commentsOpen ? "open" : "closed")}\n` +
    `\t${cdataElement("wp:ping_status", "closed")}\n\t${cdataElement("wp:post_name", row.slug)}\n` +
    `\t${cdataElement("wp:status", status)}\n\t<wp:post_parent>0</wp:post_parent>\n\t<wp:menu_order>0</wp:menu_order>\n` +
    `\t${cdataElement("wp:post_type", row.type)}\n\t${cdataElement("wp:post_password", "")}\n` +
    `\t${element("wp:is_sticky", row.featured ? 1 : 0)}\n` +
    categories.join("") +
    (thumbnail !== undefined ? postmeta("_thumbnail_id", String(thumbnail)) : "") +
    seo.map(([key, value]) => (value ? postmeta(key, value) : "")).join("")
  );
}

function commentElement(context: ExportContext, row: CommentRow): string {
  return (
    `\t<wp:comment>\n\t\t${element("wp:comment_id", row.id)}\n` +
    `\t\t${cdataElement("wp:comment_author", row.authorName)}\n` +
    `\t\t${cdataElement("wp:comment_author_email", row.authorEmail ?? "")}\n` +
    `\t\t${element("wp:comment_author_url", row.authorUrl ?? "")}\n\t\t<wp:comment_author_IP></wp:comment_author_IP>\n` +
    `\t\t${cdataElement("wp:comment_date", wpLocal(row.createdAt, context.settings.timezone))}\n` +
    `\t\t${cdataElement("wp:comment_date_gmt", wpGmt(row.createdAt))}\n` +
    `\t\t${cdataElement("wp:comment_content", row.html)}\n` +
    `\t\t${cdataElement("wp:comment_approved", WP_APPROVED[row.status])}\n` +
    `\t\t${cdataElement("wp:comment_type", row.kind)}\n` +
    `\t\t${element("wp:comment_parent", row.parentId ?? 0)}\n` +
    `\t\t${element("wp:comment_user_id", row.userId ?? 0)}\n\t</wp:comment>\n`
  );
}

function postmeta(key: string, value: string): string {
  return `\t<wp:postmeta>${cdataElement("wp:meta_key", key)}${cdataElement("wp:meta_value", value)}</wp:postmeta>\n`;
}
