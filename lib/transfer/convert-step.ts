import "server-only";
import { renderCommentMarkdown } from "../comments/render";
import { convertBody, convertComment, htmlToText, type ConvertedBody } from "./convert";
import type { MediaImporter } from "./media";
import type { ImportReport } from "./report";
import type { ImportFormat, ImportPost } from "./shape";
import { autop, expandShortcodes, type MediaLookup } from "./shortcodes";
import type { Staging } from "./staging";
import type { ImportOptions } from "./write";

// Converting, the second of an import's three phases (lib/transfer/write.ts): bodies become
// Markdown and rendered HTML, async work done before the site's database is touched.

const MAX_REMOTE_LISTED = 5000;

function mediaLookup(staging: Staging, sourceIdPrefix: string): MediaLookup {
  return {
    url: (sourceId) => staging.get("media", sourceId)?.url ?? null,
    attachedTo: (postSourceId) =>
      staging
        .children("media", postSourceId)
        .flatMap((item) => (item.kind === "media" ? [{ url: item.url, title: item.title ?? "" }] : [])),
    idFor: (id) => `${sourceIdPrefix}#post:${id}`,
  };
}

// The conversions' awaits resolve at once (microtasks): without a turn of the event loop now
// and then, a server running an import job (lib/jobs/import-job.ts) would answer no
// request until every post and comment is converted.
const YIELD_EVERY = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const REMOTE_SRC = /\bsrc="(https?:\/\/[^"]+)"/g;

/** What turns one post body into stored Markdown and HTML: in this thread, or a worker pool (convert-pool.ts). */
export type BodyConverter = { convert(format: "html" | "markdown", text: string): Promise<ConvertedBody> };
export const inProcessConverter: BodyConverter = { convert: convertBody };

// Bodies handed to the converter before the oldest one's result is awaited: enough to keep
// every worker busy, few enough that the bodies in flight take little memory. Results are
// taken in order, so the report lists its notes in the file's order however many workers.
const IN_FLIGHT = 16;

type Started = { post: ImportPost; warnings: string[]; body: Promise<ConvertedBody> };

/** Step 2 of an import: every staged post and comment converted, before the site's database is touched. */
export async function convertStaged(
  format: ImportFormat,
  staging: Staging,
  report: ImportReport,
  onProgress: ImportOptions["onProgress"],
  mediaFiles: MediaImporter | undefined,
  converter: BodyConverter = inProcessConverter,
) {
  const total = staging.count("post") + staging.count("comment");
  const remote = new Set<string>();
  let done = 0;
  const started: Started[] = [];
  const finish = async ({ post, warnings, body }: Started) => {
    try {
      const converted = await body;
      warnings.push(...converted.warnings);
      staging.saveConverted({
        source_id: post.sourceId,
        markdown: converted.markdown,
        html: converted.html,
        plaintext: converted.plaintext,
        word_count: converted.wordCount,
        words: converted.words,
        kept: converted.kept,
      });
      for (const match of converted.html.matchAll(REMOTE_SRC)) remote.add(match[1]!.replace(/&amp;/g, "&"));
      const featureImage =
        post.featureImage ?? (post.featureImageRef ? staging.get("media", post.featureImageRef)?.url : null);
      const localFeature = featureImage && mediaFiles ? await mediaFiles.resolve(featureImage) : null;
      if (localFeature) staging.setFeatureImage(post.sourceId, localFeature);
      else if (featureImage && /^https?:/.test(featureImage)) remote.add(featureImage);
    } catch (error) {
      staging.skip({ what: `${post.type} “${post.title}”`, sourceId: post.sourceId, reason: reasonOf(error) });
      return;
    }
    for (const warning of new Set(warnings)) report.notes.push({ item: itemLabel(post), note: warning });
  };
  for (const post of staging.each("post")) {
    await onProgress?.("converting", ++done, total);
    if (done % YIELD_EVERY === 0) await yieldToEventLoop();
    const warnings: string[] = [];
    let body: Promise<ConvertedBody>;
    try {
      if (post.body.format === "markdown") {
        let markdown = post.body.text;
        if (mediaFiles) markdown = await rewriteMarkdownMedia(markdown, mediaFiles);
        body = converter.convert("markdown", markdown);
      } else {
        let html = post.body.text;
        if (format === "wordpress") {
          const prefix = post.sourceId.slice(0, post.sourceId.lastIndexOf("#post:"));
          html = expandShortcodes(autop(html), post.sourceId, mediaLookup(staging, prefix), warnings);
        }
        if (mediaFiles) html = await mediaFiles.rewriteHtml(html);
        body = converter.convert("html", html);
      }
    } catch (error) {
      body = Promise.reject(error);
    }
    // Awaited in finish(), in order; until then a failure must not count as unhandled.
    body.catch(() => {});
    started.push({ post, warnings, body });
    if (started.length >= IN_FLIGHT) await finish(started.shift()!);
  }
  for (const item of started) await finish(item);
  for (const comment of staging.each("comment")) {
    await onProgress?.("converting", ++done, total);
    if (done % YIELD_EVERY === 0) await yieldToEventLoop();
    try {
      const converted = await convertComment(comment.html, comment.markdown, renderCommentMarkdown);
      staging.saveComment(comment.sourceId, converted.markdown, converted.html);
    } catch (error) {
      staging.skip({ what: `comment ${comment.sourceId}`, sourceId: comment.sourceId, reason: reasonOf(error) });
    }
  }
  for (const media of staging.each("media")) {
    if (mediaFiles && (await mediaFiles.resolve(media.url))) continue;
    report.mediaKeptRemote++;
    if (/^https?:/.test(media.url)) remote.add(media.url);
  }
  if (mediaFiles) {
    for (const item of mediaFiles.stored) remote.delete(item.url);
    report.rewrittenLinks = mediaFiles.rewritten;
    for (const url of mediaFiles.notImages) report.notes.push({ item: url, note: "not an image: left as a link" });
  }
  report.remoteMedia = [...remote].slice(0, MAX_REMOTE_LISTED);
}

/** Markdown images and links whose files DIR holds: `](url)` → `](/media/…)`. */
async function rewriteMarkdownMedia(markdown: string, mediaFiles: MediaImporter): Promise<string> {
  let result = markdown;
  for (const match of markdown.matchAll(/\]\(\s*<?([^\s)>]+)>?/g)) {
    const local = await mediaFiles.resolve(match[1]!);
    if (local) {
      result = result.replaceAll(`](${match[1]}`, `](${local}`);
      mediaFiles.rewritten++;
    }
  }
  return result;
}

function reasonOf(error: unknown): string {
  return `it could not be converted: ${error instanceof Error ? error.message : String(error)}`;
}

export function itemLabel(post: ImportPost): string {
  return `${post.type} “${htmlToText(post.title) || post.sourceId}”`;
}
