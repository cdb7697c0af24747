// A zip of Markdown files with YAML front matter, laid out as a Hugo site's
// `content/` and `static/` folders; the front matter uses the keys Hugo and Jekyll
// both read (see docs/export-format.md). Trashed posts are left out.
import { stringify } from "yaml";
import type { PostRow } from "@/db/queries/export";
import { type ExportContext, postPath } from "./context";
import { noProgress, type ExportProgress } from "./progress";
import { withTags } from "./quire-json";
import type { ZipWriter } from "./zip";

export const MARKDOWN_FOLDERS = { post: "content/posts", page: "content/pages" } as const;
export const MARKDOWN_MEDIA_FOLDER = "static/media";

export type MarkdownOptions = { onProgress?: ExportProgress };

export async function writeMarkdownZip(context: ExportContext, zip: ZipWriter, options: MarkdownOptions = {}) {
  const { reader } = context;
  const onProgress = options.onProgress ?? noProgress;
  const counts = await reader.counts();
  // Old addresses by the address they now lead to; the redirects table is small next to posts.
  const aliases = new Map<string, string[]>();
  for await (const page of reader.redirectPages()) {
    for (const row of page) aliases.set(row.toPath, [...(aliases.get(row.toPath) ?? []), row.fromPath]);
  }
  zip.addText("README.md", readme(context));
  let files = 0;
  for (const [section, type] of [
    ["posts", "post"],
    ["pages", "page"],
  ] as const) {
    let done = 0;
    for await (const page of withTags(context, reader.postPages(type))) {
      for (const { row, tagIds } of page) {
        if (row.deletedAt !== null) continue;
        const tags = tagIds.map((id) => context.tags.get(id)?.name).filter((name): name is string => !!name);
        zip.addText(
          `${MARKDOWN_FOLDERS[type]}/${fileName(row.slug)}.md`,
          markdownFile(context, row, tags, aliases.get(postPath(row.slug)) ?? []),
        );
        files++;
      }
      done += page.length;
      onProgress(section, done, counts[section]);
      await zip.settle();
    }
  }
  return { files };
}

export function frontMatter(context: ExportContext, row: PostRow, tags: string[], aliases: string[]) {
  const author = context.staff.get(row.authorId);
  const date = new Date(row.publishedAt ?? row.createdAt).toISOString().replace(/\.\d{3}Z$/, "Z");
  const data: Record<string, unknown> = {
    title: row.title,
    date,
    lastmod: new Date(row.updatedAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
    // Scheduled posts are not drafts: their date lies ahead, and Hugo and Jekyll publish from that date.
    draft: row.status === "draft" || row.status === "review",
    slug: row.slug,
  };
  if (author) data.author = author.name;
  if (tags.length) data.tags = tags;
  const description = row.metaDescription || row.customExcerpt;
  if (description) data.description = description;
  if (row.customExcerpt) data.summary = row.customExcerpt;
  if (row.featured) data.featured = true;
  if (row.featureImage) data.image = row.featureImage;
  if (row.featureImageAlt) data.image_alt = row.featureImageAlt;
  if (row.canonicalUrl) data.canonical_url = row.canonicalUrl;
  // Hugo reads `aliases`; Jekyll's jekyll-redirect-from plugin reads `redirect_from`.
  if (aliases.length) {
    data.aliases = aliases;
    data.redirect_from = [...aliases];
  }
  if (!row.commentsOpen) data.comments = false;
  return data;
}

export function markdownFile(context: ExportContext, row: PostRow, tags: string[], aliases: string[]): string {
  // YAML 1.1 rules for quoting: Jekyll's parser is YAML 1.1, where a bare yes, no, on or y is a boolean.
  const yaml = stringify(frontMatter(context, row, tags, aliases), { version: "1.1", lineWidth: 0 });
  const body = row.markdown.endsWith("\n") ? row.markdown : `${row.markdown}\n`;
  return `---\n${yaml}---\n\n${body}`;
}

// Slugs are unique and already URL-safe; this only makes sure none can leave its folder.
function fileName(slug: string): string {
  return slug.replace(/[/\\]/g, "-").replace(/^\.+/, "") || "untitled";
}

function readme(context: ExportContext): string {
  return `# ${context.settings.title}

Exported from Quire ${context.quireVersion} on ${context.exportedAt.toISOString()}.

- \`${MARKDOWN_FOLDERS.post}/\`: one Markdown file per post, \`${MARKDOWN_FOLDERS.page}/\`: one per page,
  each with YAML front matter (title, date, lastmod, draft, slug, author, tags, description, summary,
  featured, image, aliases / redirect_from).
- \`${MARKDOWN_MEDIA_FOLDER}/\`: the uploaded images, at the paths the posts link to (\`/media/...\`).

Hugo: unzip into the site's folder. Jekyll: move the posts into \`_posts/\` named \`YYYY-MM-DD-slug.md\`
and the media folder to \`media/\`; add jekyll-redirect-from for the old addresses.
Comments are not part of this format: use the Quire or WXR export to keep them.
`;
}
