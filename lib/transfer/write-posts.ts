import "server-only";
import { insertImportedPost, insertPostTags } from "@/db/queries/imports";
import { isReservedSlug } from "../posts/slug";
import { slugify } from "../utils/slugify";
import { htmlToText } from "./convert";
import { itemLabel } from "./convert-step";
import { decodeURIComponentSafe } from "./paths";
import { bump, type ImportReport } from "./report";
import { ImportError, type ImportPost } from "./shape";
import type { Staging } from "./staging";
import { clip, type WriteContext } from "./write-common";
import { addRedirect } from "./write-redirects";

const MAX_EXCERPT = 500;
const MAX_SEO = 500;

/** The authors and tags already written, by source id, that posts point at. */
export type PostLinks = {
  authorIds: Map<string, number>;
  tagIds: Map<string, number>;
  /** Who a post without a known author is given to: the site's owner, else the first imported author. */
  fallbackAuthor: number | undefined;
};

/** Each converted post or page once, with its tags and its old addresses as redirects. */
export async function writePosts(context: WriteContext, { authorIds, tagIds, fallbackAuthor }: PostLinks) {
  const { db, sql, staging, report, key, step } = context;
  // Posts' new ids and slugs go to the staging file (staging.setTarget), not to maps.
  const media = (sourceId: string | undefined) => (sourceId ? (staging.get("media", sourceId)?.url ?? null) : null);
  for (const post of staging.each("post")) {
    await step("post");
    const converted = staging.converted(post.sourceId);
    if (!converted) continue; // skipped while converting, already reported
    recordWords(staging, post, report);
    const known = await sql.findImported(key("post", post.sourceId));
    if (known !== undefined) {
      staging.setTarget("post", post.sourceId, known);
      bump(report.alreadyImported, post.type);
      continue;
    }
    const authorId = (post.authorSourceId && authorIds.get(post.authorSourceId)) || fallbackAuthor;
    if (authorId === undefined)
      throw new ImportError(
        "The site has no owner yet and the file names no author: set the site up (or create the owner with create-user) first.",
      );
    const title = htmlToText(post.title).slice(0, 250);
    if (!title) report.notes.push({ item: itemLabel(post), note: "no title: imported as “Untitled”" });
    let publishedAt = post.publishedAt;
    if (!publishedAt && post.status !== "draft" && post.status !== "review") {
      publishedAt = new Date();
      report.notes.push({ item: itemLabel(post), note: "no usable date: given the time of the import" });
    }
    const seo = Object.fromEntries(
      Object.entries(post.seo ?? {}).map(([field, value]) => [field, clip(value, MAX_SEO)]),
    );
    const created = await insertImportedPost(db, {
      type: post.type,
      title: title || "Untitled",
      slug: slugBase(post),
      markdown: converted.markdown,
      html: converted.html,
      plaintext: converted.plaintext,
      wordCount: converted.word_count,
      customExcerpt: clip(post.excerpt, MAX_EXCERPT),
      status: post.status,
      publishedAt,
      authorId,
      featureImage: staging.featureImage(post.sourceId) ?? post.featureImage ?? media(post.featureImageRef),
      featureImageAlt: clip(post.featureImageAlt, 300),
      featured: post.featured,
      commentsOpen: post.commentsOpen,
      ...seo,
      createdAt: post.createdAt ?? publishedAt ?? post.updatedAt ?? new Date(),
      ...(post.updatedAt ? { updatedAt: post.updatedAt } : {}),
      deletedAt: post.deletedAt ?? null,
    });
    bump(report.created, post.type);
    for (const note of post.notes) report.notes.push({ item: itemLabel(post), note });
    staging.setTarget("post", post.sourceId, created.id, created.slug);
    await sql.recordImported(key("post", post.sourceId), "post", created.id);
    await insertPostTags(
      db,
      created.id,
      post.tagSourceIds.map((id) => tagIds.get(id)).filter((id): id is number => id !== undefined),
    );
    for (const from of post.oldPaths) await addRedirect(db, report, from, `/${created.slug}`);
  }
}

/** How many of a converted post's words its Markdown kept, on the report. */
export function recordWords(staging: Staging, post: ImportPost, report: ImportReport) {
  const row = staging.converted(post.sourceId);
  if (!row) return;
  report.words.total += row.words;
  report.words.kept += row.kept;
  report.words.posts.push({
    sourceId: post.sourceId,
    title: htmlToText(post.title),
    words: row.words,
    kept: row.kept,
    share: row.words === 0 ? 1 : row.kept / row.words,
  });
}

/** The slug an imported item asks for, made safe; the writer then makes it unique. */
function slugBase(post: ImportPost): string {
  const requested = decodeURIComponentSafe(post.slug);
  const fromSlug = slugify(requested);
  const fromTitle = slugify(htmlToText(post.title));
  // A non-Latin slug the slugifier cannot spell keeps only its digits ("επίπεδο-2" → "2"):
  // the title then usually says more ("Επίπεδο 2 - Second Greek level" → "2-second-greek-level").
  const lossy = /[^\x00-\x7f]/.test(requested) && fromTitle.length > fromSlug.length;
  const base = (lossy ? fromTitle : fromSlug) || fromTitle || post.type;
  return isReservedSlug(base) ? `${base}-${post.type}` : base;
}
