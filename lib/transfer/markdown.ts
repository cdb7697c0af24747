import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { slugify } from "../utils/slugify";
import { parseAnyDate } from "./dates";
import { folderFiles, zipFiles, type MarkdownFile } from "./markdown-files";
import { oldPath } from "./paths";
import type { ImportItem, ImportPost, ImportSource } from "./shape";

// Markdown files with YAML front matter, as Hugo, Jekyll, Astro and Eleventy write them:
// title, date, draft (or Jekyll's published: false), tags and categories, slug,
// description or summary, aliases (old addresses), and type/layout "page" for pages.
// A file's own path (content/posts/hello.md → /posts/hello) is kept as an old address too.

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n?/;
const JEKYLL_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;

export function readMarkdown(input: string): ImportSource {
  const isZip = fs.statSync(input).isFile();
  let done = 0;
  const files = isZip ? zipFiles(input) : folderFiles(input);
  return {
    format: "markdown",
    items: parse(files, () => done++),
    // The number of files is not known before the end: progress counts files read.
    position: () => ({ done, total: Math.max(done, 1) }),
  };
}

function list(value: unknown): string[] {
  if (typeof value === "string")
    return value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string" || typeof v === "number").map(String);
  return [];
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

async function* parse(
  files: AsyncGenerator<MarkdownFile | { relativePath: string; reason: string }>,
  onFile: () => void,
): AsyncGenerator<ImportItem> {
  const tags = new Set<string>();
  const authors = new Set<string>();
  for await (const file of files) {
    onFile();
    if ("reason" in file) {
      yield { kind: "skipped", what: `file ${file.relativePath}`, sourceId: file.relativePath, reason: file.reason };
      continue;
    }
    // A README at the top of the folder describes the site (Quire's Markdown zip has one): not content.
    if (/^readme\.(md|markdown)$/i.test(file.relativePath)) {
      yield {
        kind: "skipped",
        what: `file ${file.relativePath}`,
        sourceId: file.relativePath,
        reason: "a README: not a post or page",
      };
      continue;
    }
    const notes: string[] = [];
    const match = FRONT_MATTER.exec(file.text);
    let data: Record<string, unknown> = {};
    if (match) {
      try {
        const parsed: unknown = parseYaml(match[1]!, { maxAliasCount: 100 });
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
        else notes.push("its front matter is not a set of fields: ignored");
      } catch (error) {
        yield {
          kind: "skipped",
          what: `file ${file.relativePath}`,
          sourceId: file.relativePath,
          reason: `its YAML front matter cannot be read: ${(error as Error).message.split("\n")[0]}`,
        };
        continue;
      }
    } else if (/^\+\+\+\r?\n/.test(file.text))
      notes.push("TOML front matter is not read: imported with the file name as title");
    // The blank line that follows the front matter separates it from the text: not part of the text.
    const body = match ? file.text.slice(match[0].length).replace(/^(?:\r?\n)+/, "") : file.text;

    const base = path.posix.basename(file.relativePath).replace(/\.(md|markdown|mdx)$/i, "");
    const name =
      base === "index" || base === "_index" ? path.posix.basename(path.posix.dirname(file.relativePath)) : base;
    const jekyll = JEKYLL_NAME.exec(name);
    const fileSlug = jekyll ? jekyll[4]! : name;
    const date =
      data.date instanceof Date
        ? data.date
        : parseAnyDate(text(data.date) ?? (jekyll ? `${jekyll[1]}-${jekyll[2]}-${jekyll[3]}T00:00:00Z` : null));
    if (data.date !== undefined && !date) notes.push(`its date “${String(data.date)}” is not usable`);
    // Hugo's lastmod, jekyll-last-modified-at's last_modified_at.
    const modifiedValue = data.lastmod ?? data.last_modified_at;
    const lastModified = modifiedValue instanceof Date ? modifiedValue : parseAnyDate(text(modifiedValue));
    const draft = data.draft === true || data.published === false;
    // Pages: `type`/`layout: page`, or a file in a pages section (Hugo's content/pages/, as Quire's
    // Markdown zip lays them out; Jekyll's _pages/ collection).
    const inPages = /^(?:content\/|src\/content\/)?_?pages\//.test(file.relativePath);
    const kind = text(data.type) === "page" || text(data.layout) === "page" || inPages ? "page" : "post";

    const tagIds: string[] = [];
    for (const tagName of [...list(data.tags), ...list(data.categories)]) {
      const sourceId = `markdown:tag:${tagName.toLowerCase()}`;
      if (!tags.has(sourceId)) {
        tags.add(sourceId);
        yield {
          kind: "tag",
          sourceId,
          name: tagName,
          oldPaths: [`/tags/${slugify(tagName)}`, `/categories/${slugify(tagName)}`],
        };
      }
      tagIds.push(sourceId);
    }
    const authorName = text(data.author);
    const authorId = authorName ? `markdown:author:${authorName.toLowerCase()}` : null;
    if (authorName && authorId && !authors.has(authorId)) {
      authors.add(authorId);
      yield { kind: "author", sourceId: authorId, name: authorName, email: null, role: "author" };
    }
    const withoutExtension = file.relativePath.replace(/\.(md|markdown|mdx)$/i, "").replace(/\/(_?index)$/, "");
    const sitePath = `/${withoutExtension.replace(/^(content|src\/content|src\/pages|_posts|posts\/_posts)\//, "")}`;
    const oldPaths = [
      ...list(data.aliases),
      ...list(data.redirect_from),
      text(data.url),
      text(data.permalink),
      sitePath,
    ]
      .map((alias) => (alias ? oldPath(alias) : null))
      .filter((alias): alias is string => !!alias);
    const post: ImportPost = {
      kind: "post",
      sourceId: `markdown:${file.relativePath}`,
      type: kind,
      title: text(data.title) ?? fileSlug.replace(/[-_]+/g, " "),
      slug: text(data.slug) ?? fileSlug,
      body: { format: "markdown", text: body },
      excerpt: text(data.description) ?? text(data.summary) ?? text(data.excerpt),
      status: draft ? "draft" : date && date.getTime() > Date.now() ? "scheduled" : "published",
      publishedAt: date,
      authorSourceId: authorId,
      tagSourceIds: tagIds,
      featured: data.featured === true || data.sticky === true || data.pinned === true,
      featureImage: text(data.image) ?? text(data.cover) ?? text(data.feature_image) ?? null,
      commentsOpen: data.comments !== false,
      updatedAt: lastModified ?? undefined,
      oldPaths: [...new Set(oldPaths)],
      notes,
    };
    yield post;
  }
}
