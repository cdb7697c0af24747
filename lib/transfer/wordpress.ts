import fs from "node:fs";
import { parseWordPressDate, parseAnyDate } from "./dates";
import { lastSegment, oldPath } from "./paths";
import type { ImportItem, ImportPost, ImportSource } from "./shape";
import { ImportError } from "./shape";
import { childrenNamed, childText, streamXmlRecords, type XmlNode } from "./xml-stream";

// WordPress WXR 1.0–1.2. Namespaces are matched by pattern, so http:// and https://
// (WordPress.com writes https) and every version read the same.
function nameOf(uri: string, local: string): string {
  if (/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/.test(uri)) return `excerpt:${local}`;
  if (/wordpress\.org\/export\/\d+\.\d+\/?$/.test(uri)) return `wp:${local}`;
  if (/purl\.org\/rss\/1\.0\/modules\/content\/?$/.test(uri)) return `content:${local}`;
  if (/purl\.org\/dc\/elements\/1\.1\/?$/.test(uri)) return `dc:${local}`;
  if (uri === "") return local;
  return `{${uri}}${local}`;
}

// WXR carries no roles: every author becomes an "author" (report says so).
const STATUS: Record<string, ImportPost["status"]> = {
  publish: "published",
  draft: "draft",
  "auto-draft": "draft",
  future: "scheduled",
  pending: "review",
  private: "draft",
};

// SEO plugins' fields, by meta key (Yoast, Rank Math, All in One SEO).
const SEO_META: Record<string, keyof NonNullable<ImportPost["seo"]>> = {
  _yoast_wpseo_title: "metaTitle",
  _yoast_wpseo_metadesc: "metaDescription",
  _yoast_wpseo_canonical: "canonicalUrl",
  "_yoast_wpseo_opengraph-title": "ogTitle",
  "_yoast_wpseo_opengraph-description": "ogDescription",
  "_yoast_wpseo_opengraph-image": "ogImage",
  "_yoast_wpseo_twitter-title": "twitterTitle",
  "_yoast_wpseo_twitter-description": "twitterDescription",
  "_yoast_wpseo_twitter-image": "twitterImage",
  rank_math_title: "metaTitle",
  rank_math_description: "metaDescription",
  rank_math_canonical_url: "canonicalUrl",
  _aioseo_title: "metaTitle",
  _aioseo_description: "metaDescription",
};

export function readWordPress(file: string): ImportSource {
  const total = fs.statSync(file).size;
  let done = 0;
  return { format: "wordpress", items: parse(file, (bytes) => (done = bytes)), position: () => ({ done, total }) };
}

async function* parse(file: string, onBytes: (bytes: number) => void): AsyncGenerator<ImportItem> {
  let base = "";
  let sawChannel = false;
  const tagsSeen = new Set<string>();
  const records = streamXmlRecords(file, {
    nameOf,
    onBytes,
    // Every direct child of <channel>: authors, terms, items and the site's own fields.
    isRecord: (path) => path.length === 3 && path[0] === "rss" && path[1] === "channel",
  });
  for await (const { node } of records) {
    sawChannel = true;
    switch (node.name) {
      case "wp:base_blog_url":
        base = node.text.trim().replace(/\/+$/, "");
        break;
      case "link":
        base ||= node.text.trim().replace(/\/+$/, "");
        break;
      case "wp:author": {
        const login = childText(node, "wp:author_login");
        const email = childText(node, "wp:author_email").toLowerCase();
        yield {
          kind: "author",
          sourceId: `${base}#author:${login}`,
          name: childText(node, "wp:author_display_name") || login,
          email: email || null,
          role: "author",
        };
        break;
      }
      case "wp:category": {
        const slug = childText(node, "wp:category_nicename");
        tagsSeen.add(`category:${slug}`);
        yield {
          kind: "tag",
          sourceId: `${base}#category:${slug}`,
          name: childText(node, "wp:cat_name") || slug,
          slug,
          description: childText(node, "wp:category_description"),
          oldPaths: [`/category/${slug}`],
        };
        break;
      }
      case "wp:tag": {
        const slug = childText(node, "wp:tag_slug");
        tagsSeen.add(`post_tag:${slug}`);
        yield {
          kind: "tag",
          sourceId: `${base}#post_tag:${slug}`,
          name: childText(node, "wp:tag_name") || slug,
          slug,
          description: childText(node, "wp:tag_description"),
          oldPaths: [`/tag/${slug}`],
        };
        break;
      }
      case "wp:term":
        yield {
          kind: "skipped",
          what: `term (${childText(node, "wp:term_taxonomy") || "unknown taxonomy"})`,
          sourceId: childText(node, "wp:term_slug"),
          reason: "Quire has tags only; menus and custom taxonomies are not imported.",
        };
        break;
      case "item":
        yield* parseItem(node, base, tagsSeen);
        break;
    }
  }
  if (!sawChannel) throw new ImportError("This is not a WordPress export: no <rss><channel> was found.");
}

function* parseItem(node: XmlNode, base: string, tagsSeen: Set<string>): Generator<ImportItem> {
  const id = childText(node, "wp:post_id");
  const type = childText(node, "wp:post_type") || "post";
  const title = childText(node, "title");
  const sourceId = `${base}#post:${id}`;
  const label = `${type} ${id}${title ? ` “${title.slice(0, 60)}”` : ""}`;
  if (!id) {
    yield { kind: "skipped", what: label, sourceId: title, reason: "It has no wp:post_id." };
    return;
  }
  if (type === "attachment") {
    const url = childText(node, "wp:attachment_url") || childText(node, "guid");
    const parent = childText(node, "wp:post_parent");
    yield {
      kind: "media",
      sourceId,
      url,
      title,
      parentSourceId: parent && parent !== "0" ? `${base}#post:${parent}` : undefined,
    };
    return;
  }
  if (type !== "post" && type !== "page") {
    const reason =
      type === "nav_menu_item"
        ? "Navigation menus are not imported: Quire builds its navigation itself."
        : `Quire has no “${type}” content type.`;
    yield { kind: "skipped", what: label, sourceId, reason };
    return;
  }
  const wpStatus = childText(node, "wp:status");
  if (wpStatus === "trash" || wpStatus === "inherit") {
    yield { kind: "skipped", what: label, sourceId, reason: `Its status is “${wpStatus}”.` };
    return;
  }
  const notes: string[] = [];
  let status = STATUS[wpStatus] ?? "draft";
  if (!STATUS[wpStatus]) notes.push(`unknown status “${wpStatus}” imported as a draft`);
  if (wpStatus === "private") notes.push("private: imported as a draft");
  if (childText(node, "wp:post_password")) {
    status = "draft";
    notes.push("password-protected: imported as a draft (Quire has no post passwords)");
  }
  const gmt = parseWordPressDate(childText(node, "wp:post_date_gmt"));
  const local = parseWordPressDate(childText(node, "wp:post_date"));
  const publishedAt = gmt ?? local ?? parseAnyDate(childText(node, "pubDate"));
  if (!gmt && local) notes.push("no GMT date: the site's local time was read as UTC");
  if (status === "scheduled" && !publishedAt) status = "draft";
  // The last change, kept so that a re-export says what the source said (a zero date: none).
  const modified =
    parseWordPressDate(childText(node, "wp:post_modified_gmt")) ??
    parseWordPressDate(childText(node, "wp:post_modified"));

  const tagSourceIds: string[] = [];
  for (const category of childrenNamed(node, "category")) {
    const domain = category.attrs.domain ?? "";
    const slug = category.attrs.nicename ?? "";
    if (domain === "post_format") {
      notes.push(`post format “${slug.replace(/^post-format-/, "")}” not kept (Quire has none)`);
      continue;
    }
    if (domain !== "category" && domain !== "post_tag") continue;
    const key = `${domain}:${slug}`;
    if (!tagsSeen.has(key)) {
      // A term used by an item but not listed at the top of the file.
      tagsSeen.add(key);
      yield {
        kind: "tag",
        sourceId: `${base}#${key}`,
        name: category.text.trim() || slug,
        slug,
        oldPaths: [domain === "category" ? `/category/${slug}` : `/tag/${slug}`],
      };
    }
    tagSourceIds.push(`${base}#${key}`);
  }

  const seo: NonNullable<ImportPost["seo"]> = {};
  let featureImageRef: string | undefined;
  for (const meta of childrenNamed(node, "wp:postmeta")) {
    const key = childText(meta, "wp:meta_key");
    const value = childText(meta, "wp:meta_value");
    if (key === "_thumbnail_id" && value) featureImageRef = `${base}#post:${value}`;
    const field = SEO_META[key];
    if (field && value) seo[field] = value;
  }

  const link = childText(node, "link");
  // A draft's <link> is often "/?p=ID" already: each address once.
  const oldPaths = [
    ...new Set([oldPath(link), type === "page" ? `/?page_id=${id}` : `/?p=${id}`].filter((path) => path !== null)),
  ];
  const slug = childText(node, "wp:post_name") || (link ? lastSegment(link) : "");
  const parent = childText(node, "wp:post_parent");
  yield {
    kind: "post",
    sourceId,
    type,
    title,
    slug,
    body: { format: "html", text: childText(node, "content:encoded") },
    excerpt: childText(node, "excerpt:encoded") || null,
    status,
    publishedAt,
    authorSourceId: childText(node, "dc:creator") ? `${base}#author:${childText(node, "dc:creator")}` : null,
    tagSourceIds,
    featured: childText(node, "wp:is_sticky") === "1",
    featureImage: null,
    featureImageRef,
    seo,
    commentsOpen: childText(node, "wp:comment_status") !== "closed",
    parentSourceId: parent && parent !== "0" ? `${base}#post:${parent}` : undefined,
    oldPaths,
    notes,
    updatedAt: modified ?? undefined,
  };

  for (const comment of childrenNamed(node, "wp:comment")) {
    const commentId = childText(comment, "wp:comment_id");
    const approved = childText(comment, "wp:comment_approved");
    const commentSourceId = `${base}#comment:${commentId}`;
    if (approved === "spam" || approved === "trash" || approved === "post-trashed") {
      yield {
        kind: "skipped",
        what: `comment ${commentId}`,
        sourceId: commentSourceId,
        reason: approved === "spam" ? "spam" : "trash",
      };
      continue;
    }
    const type = childText(comment, "wp:comment_type");
    const parentId = childText(comment, "wp:comment_parent");
    const createdAt =
      parseWordPressDate(childText(comment, "wp:comment_date_gmt")) ??
      parseWordPressDate(childText(comment, "wp:comment_date")) ??
      publishedAt ??
      new Date(0);
    yield {
      kind: "comment",
      sourceId: commentSourceId,
      postSourceId: sourceId,
      parentSourceId: parentId && parentId !== "0" ? `${base}#comment:${parentId}` : null,
      status: approved === "1" || approved === "approve" ? "approved" : "pending",
      commentKind: type === "trackback" || type === "pingback" ? type : "comment",
      authorName: childText(comment, "wp:comment_author") || "Anonymous",
      authorEmail: childText(comment, "wp:comment_author_email") || null,
      authorUrl: childText(comment, "wp:comment_author_url") || null,
      createdAt,
      html: childText(comment, "wp:comment_content"),
    };
  }
}
