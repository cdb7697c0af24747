import fs from "node:fs";
import { slugify } from "../utils/slugify";
import { parseAnyDate } from "./dates";
import { lastSegment, oldPath } from "./paths";
import type { ImportItem, ImportSource } from "./shape";
import { ImportError } from "./shape";
import { childrenNamed, childText, streamXmlRecords, type XmlNode } from "./xml-stream";

// Blogger backups: an Atom feed whose entries are told apart by a "kind" category
// (post, page, comment, settings, template). Posts are "…blog-1.post-7", pages
// "…blog-1.page-7", and a comment on a page names it "…post-7": items are keyed by
// blog and number alone, so a comment finds its page.
const ATOM = "http://www.w3.org/2005/Atom";
const KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
const LABEL_SCHEME = "http://www.blogger.com/atom/ns#";

function nameOf(uri: string, local: string): string {
  if (uri === ATOM) return local;
  if (uri === "http://purl.org/syndication/thread/1.0") return `thr:${local}`;
  if (uri === "http://purl.org/atom/app#" || uri === "http://www.w3.org/2007/app") return `app:${local}`;
  return uri ? `{${uri}}${local}` : local;
}

/** "tag:blogger.com,1999:blog-12.post-34" → "blogger:12#34" (post-/page- dropped, see above). */
function itemKey(atomId: string): { key: string; blog: string; kind: string } | null {
  const match = /blog-(\d+)\.(post|page|comment)-(\d+)$/.exec(atomId.trim());
  return match ? { key: `blogger:${match[1]}#${match[3]}`, blog: match[1]!, kind: match[2]! } : null;
}

function alternate(node: XmlNode): string {
  return childrenNamed(node, "link").find((link) => link.attrs.rel === "alternate")?.attrs.href ?? "";
}

export function readBlogger(file: string): ImportSource {
  const total = fs.statSync(file).size;
  let done = 0;
  return { format: "blogger", items: parse(file, (bytes) => (done = bytes)), position: () => ({ done, total }) };
}

async function* parse(file: string, onBytes: (bytes: number) => void): AsyncGenerator<ImportItem> {
  let sawFeed = false;
  const authors = new Set<string>();
  const labels = new Set<string>();
  const records = streamXmlRecords(file, {
    nameOf,
    onBytes,
    isRecord: (path) => path.length === 2 && path[0] === "feed" && path[1] === "entry",
  });
  for await (const { node } of records) {
    sawFeed = true;
    const kindTerm = childrenNamed(node, "category").find((c) => c.attrs.scheme === KIND_SCHEME)?.attrs.term ?? "";
    const kind = kindTerm.split("#").pop() ?? "";
    const atomId = childText(node, "id");
    const title = childText(node, "title");
    if (kind !== "post" && kind !== "page" && kind !== "comment") {
      yield {
        kind: "skipped",
        what: `${kind || "unknown"} entry`,
        sourceId: atomId,
        reason:
          kind === "settings" || kind === "template" ? `Blogger ${kind}: not content` : "not a post, page or comment",
      };
      continue;
    }
    const key = itemKey(atomId);
    if (!key) {
      yield { kind: "skipped", what: `${kind} “${title}”`, sourceId: atomId, reason: "its id is not a Blogger id" };
      continue;
    }
    const author = childrenNamed(node, "author")[0];
    const authorName = author ? childText(author, "name") : "";
    const authorEmail = author ? childText(author, "email").toLowerCase() : "";
    // Blogger hides addresses behind noreply@blogger.com: that names nobody.
    const email = authorEmail && authorEmail !== "noreply@blogger.com" ? authorEmail : null;
    const published = parseAnyDate(childText(node, "published")) ?? parseAnyDate(childText(node, "updated"));

    if (kind === "comment") {
      const replyTo = childrenNamed(node, "thr:in-reply-to")[0]?.attrs.ref ?? "";
      const post = itemKey(replyTo);
      // A reply names its parent comment in a "related" link ending in the comment's number.
      const related = childrenNamed(node, "link").find((link) => link.attrs.rel === "related")?.attrs.href ?? "";
      const parent = /\/comments\/default\/(\d+)$/.exec(related)?.[1];
      if (!post) {
        yield { kind: "skipped", what: `comment ${atomId}`, sourceId: key.key, reason: "it names no post" };
        continue;
      }
      yield {
        kind: "comment",
        sourceId: `${key.key}:comment`,
        postSourceId: post.key,
        parentSourceId: parent ? `blogger:${key.blog}#${parent}:comment` : null,
        status: "approved",
        commentKind: "comment",
        authorName: authorName || "Anonymous",
        authorEmail: email,
        authorUrl: (author && childText(author, "uri")) || null,
        createdAt: published ?? new Date(0),
        html: childText(node, "content"),
      };
      continue;
    }

    const authorKey = `blogger:${key.blog}#author:${email ?? authorName}`;
    if (authorName && !authors.has(authorKey)) {
      authors.add(authorKey);
      yield { kind: "author", sourceId: authorKey, name: authorName, email, role: "author" };
    }
    const tagIds: string[] = [];
    for (const category of childrenNamed(node, "category")) {
      if (category.attrs.scheme !== LABEL_SCHEME || !category.attrs.term) continue;
      const label = category.attrs.term;
      const tagKey = `blogger:${key.blog}#label:${label}`;
      if (!labels.has(tagKey)) {
        labels.add(tagKey);
        yield {
          kind: "tag",
          sourceId: tagKey,
          name: label,
          oldPaths: [`/search/label/${encodeURIComponent(label)}`],
        };
      }
      tagIds.push(tagKey);
    }
    const link = alternate(node);
    const draft = childText(childrenNamed(node, "app:control")[0] ?? emptyNode, "app:draft") === "yes";
    yield {
      kind: "post",
      sourceId: key.key,
      type: kind,
      title,
      slug: (link && lastSegment(link)) || slugify(title),
      body: { format: "html", text: childText(node, "content") },
      excerpt: null,
      status: draft ? "draft" : "published",
      publishedAt: published,
      authorSourceId: authorName ? authorKey : null,
      tagSourceIds: tagIds,
      featured: false,
      featureImage: null,
      commentsOpen: true,
      oldPaths: [oldPath(link)].filter((path): path is string => !!path),
      notes: [],
    };
  }
  if (!sawFeed) throw new ImportError("This is not a Blogger backup: no Atom <feed> with entries was found.");
}

const emptyNode: XmlNode = { name: "", attrs: {}, children: [], text: "" };
