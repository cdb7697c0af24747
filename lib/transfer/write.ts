import "server-only";
import path from "node:path";
import type { Db, Tx } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { saveSettings, SETTING_DEFAULTS } from "@/db/queries/settings";
import { settings } from "@/db/schema";
import {
  fallbackAuthorId,
  findImported,
  findTag,
  findUserIdByEmail,
  importedMediaUrl,
  ImportSql,
  insertImportedMedia,
  insertImportedPost,
  insertImportedTag,
  insertImportedUser,
  insertPostTags,
  insertRedirect,
  isLiveAddress,
  recordImported,
  tagSlugById,
  type SourceKey,
} from "@/db/queries/imports";
import { isReservedSlug } from "../posts/slug";
import { slugify } from "../utils/slugify";
import { htmlToText } from "./convert";
import { openSource } from "./detect";
import { MediaImporter } from "./media";
import { decodeURIComponentSafe } from "./paths";
import { bump, emptyReport, type ImportReport } from "./report";
import { ImportError, type ImportFormat, type ImportPost, type ImportSource } from "./shape";
import { type BodyConverter, convertStaged, itemLabel } from "./convert-step";
import { Staging } from "./staging";
import { writeComments } from "./write-comments";

// An import runs in three phases. Reading: the parser streams the file into a staging
// SQLite file. Converting (convert-step.ts): bodies become Markdown and rendered HTML (async, done
// before the site's database is touched). Writing: one immediate transaction on the
// site's database, so a failure or an interrupted process leaves the site as it was.
//
// WordPress page hierarchy is flattened: every page lives at /<slug> like any Quire
// page, and its old nested address (/parent/child/) becomes a 301 redirect.

export type ImportPhase = "reading" | "converting" | "writing";

export type ImportOptions = {
  format?: ImportFormat;
  dryRun?: boolean;
  /** A folder holding the files the export points at (see media.ts). */
  mediaDir?: string;
  actorLabel?: string;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** Converts the post bodies; in this thread when omitted (the CLI passes a worker pool, convert-pool.ts). */
  converter?: BodyConverter;
  /** For tests: called before each item is written, so a failure can be injected midway. */
  beforeWrite?: (kind: string, index: number) => void;
};

const MAX_EXCERPT = 500;
const MAX_SEO = 500;
const MAX_LISTED_SKIPS = 500;

export async function importFile(db: Db, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const source = await openSource(file, options.format);
  const report = emptyReport(source.format, path.basename(file), options.dryRun === true);
  const staging = new Staging();
  // A dry run reads the media folder but stores nothing.
  // --media, else the folder the source unpacked (a Quire export zip's media/).
  const mediaDir = options.mediaDir ?? source.mediaDir?.();
  const mediaFiles =
    mediaDir && !options.dryRun
      ? new MediaImporter(mediaDir, (url) => importedMediaUrl(db, source.format, url))
      : undefined;
  let committed = false;
  try {
    await stage(source, staging, report, options);
    await convertStaged(source.format, staging, report, options.onProgress, mediaFiles, options.converter);
    if (options.dryRun) dryRunCounts(staging, report);
    else
      db.transaction(
        (tx) => write(tx, new ImportSql(db.$client), source.format, staging, report, options, mediaFiles),
        {
          behavior: "immediate",
        },
      );
    committed = true;
    for (const row of staging.skippedRows()) {
      report.skipped.total++;
      bump(report.skipped.byReason, row.reason);
      if (report.skipped.items.length < MAX_LISTED_SKIPS)
        report.skipped.items.push({ what: row.what, sourceId: row.source_id, reason: row.reason });
    }
    const { words } = report;
    words.share = words.total === 0 ? 1 : words.kept / words.total;
    words.postsBelow99 = words.posts.filter((post) => post.share < 0.99).length;
    report.durationMs = Date.now() - started;
    return report;
  } finally {
    staging.close();
    await source.close?.();
    if (!committed) await mediaFiles?.remove();
  }
}

async function stage(source: ImportSource, staging: Staging, report: ImportReport, options: ImportOptions) {
  let n = 0;
  for await (const item of source.items) {
    if (++n % 200 === 0) options.onProgress?.("reading", source.position().done, source.position().total);
    if (item.kind === "warning") {
      report.warnings.push(item.message);
      continue;
    }
    if (item.kind === "skipped") {
      staging.skip(item);
      continue;
    }
    const label = item.kind === "post" ? item.type : item.kind;
    if (!staging.add(item)) {
      staging.skip({
        what: `${label} ${item.sourceId}`,
        sourceId: item.sourceId,
        reason: "duplicate id: an item of this kind with this id came earlier in the file",
      });
      continue;
    }
    bump(report.parsed, label);
  }
  options.onProgress?.("reading", source.position().total, source.position().total);
}

function dryRunCounts(staging: Staging, report: ImportReport) {
  for (const post of staging.each("post")) if (staging.converted(post.sourceId)) recordWords(staging, post, report);
  for (const [kind, n] of Object.entries(report.parsed)) report.created[kind] = n;
}

function recordWords(staging: Staging, post: ImportPost, report: ImportReport) {
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

function clip(text: string | null | undefined, max: number): string | null {
  const plain = text ? htmlToText(text).slice(0, max) : "";
  return plain || null;
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

function write(
  tx: Tx,
  sql: ImportSql,
  format: ImportFormat,
  staging: Staging,
  report: ImportReport,
  options: ImportOptions,
  mediaFiles: MediaImporter | undefined,
) {
  const key = (sourceKind: string, sourceId: string): SourceKey => ({ sourceFormat: format, sourceKind, sourceId });
  for (const item of mediaFiles?.stored ?? []) {
    const id = insertImportedMedia(tx, item.row);
    recordImported(tx, key("media-url", item.url), "media", id);
    bump(report.created, "media file");
  }
  const total = staging.count("author") + staging.count("tag") + staging.count("post") + staging.count("comment");
  let done = 0;
  const step = (kind: string) => {
    options.beforeWrite?.(kind, done);
    if (++done % 100 === 0) options.onProgress?.("writing", done, total);
  };

  const authorIds = new Map<string, number>();
  for (const author of staging.each("author")) {
    step("author");
    const known = findImported(tx, key("author", author.sourceId));
    if (known !== undefined) {
      authorIds.set(author.sourceId, known);
      bump(report.alreadyImported, "author");
      continue;
    }
    const existing = author.email ? findUserIdByEmail(tx, author.email) : undefined;
    const slug = slugify(author.slug ?? "") || slugify(author.name) || "author";
    const id =
      existing ??
      insertImportedUser(tx, {
        // Staff need an address: one that can never receive mail until someone sets a real one.
        email: author.email ?? `${slug}-${author.sourceId.length}@imported.invalid`,
        name: htmlToText(author.name).slice(0, 100) || "Imported author",
        slugBase: slug,
        role: author.role,
        bio: clip(author.bio, 500) ?? "",
      });
    bump(existing === undefined ? report.created : report.merged, "author");
    if (!author.email && existing === undefined)
      report.notes.push({
        item: `author “${author.name}”`,
        note: "no e-mail in the export: a placeholder address was given",
      });
    authorIds.set(author.sourceId, id);
    recordImported(tx, key("author", author.sourceId), "user", id);
  }
  const fallbackAuthor = fallbackAuthorId(tx) ?? authorIds.values().next().value;

  const tagIds = new Map<string, number>();
  for (const tag of staging.each("tag")) {
    step("tag");
    const known = findImported(tx, key("tag", tag.sourceId));
    if (known !== undefined) {
      tagIds.set(tag.sourceId, known);
      bump(report.alreadyImported, "tag");
      continue;
    }
    const name = htmlToText(tag.name).slice(0, 60) || tag.slug || "tag";
    const slug = slugify(decodeURIComponentSafe(tag.slug ?? "")) || slugify(name) || "tag";
    const existing = findTag(tx, name, slug);
    const id = existing ?? insertImportedTag(tx, { name, slug, description: clip(tag.description, 500) ?? "" });
    bump(existing === undefined ? report.created : report.merged, "tag");
    tagIds.set(tag.sourceId, id);
    recordImported(tx, key("tag", tag.sourceId), "tag", id);
  }
  // Tag archive addresses, once every tag has its final slug.
  for (const tag of staging.each("tag")) {
    const id = tagIds.get(tag.sourceId);
    const slug = id !== undefined ? tagSlugById(tx, id) : undefined;
    if (slug) for (const from of tag.oldPaths) addRedirect(tx, report, from, `/tag/${slug}`);
  }

  // Posts' new ids and slugs go to the staging file (staging.setTarget), not to maps.
  const media = (sourceId: string | undefined) => (sourceId ? (staging.get("media", sourceId)?.url ?? null) : null);
  for (const post of staging.each("post")) {
    step("post");
    const converted = staging.converted(post.sourceId);
    if (!converted) continue; // skipped while converting, already reported
    recordWords(staging, post, report);
    const known = sql.findImported(key("post", post.sourceId));
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
    const created = insertImportedPost(tx, {
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
    sql.recordImported(key("post", post.sourceId), "post", created.id);
    insertPostTags(
      tx,
      created.id,
      post.tagSourceIds.map((id) => tagIds.get(id)).filter((id): id is number => id !== undefined),
    );
    for (const from of post.oldPaths) addRedirect(tx, report, from, `/${created.slug}`);
  }

  // Redirects a source lists on their own (Quire exports), in file order, after the posts they
  // lead to: one whose post got another slug here leads to the new one.
  for (const redirect of staging.each("redirect")) {
    const slug = redirect.targetSourceId ? staging.target("post", redirect.targetSourceId)?.slug : undefined;
    addRedirect(tx, report, redirect.sourceId, slug ? `/${slug}` : redirect.to);
  }
  for (const item of staging.each("settings")) writeSettings(tx, item.values, report);

  writeComments(sql, staging, report, key, step);
  recordAudit(tx, {
    actorId: null,
    actorLabel: options.actorLabel ?? "cli",
    action: "site.import",
    targetType: "import",
    targetId: report.file,
    details: {
      format,
      created: report.created,
      alreadyImported: report.alreadyImported,
      skipped: report.skipped.total,
    },
  });
  options.onProgress?.("writing", total, total);
}

/** Settings the site never set take the source's values; what staff set is kept. */
function writeSettings(tx: Tx, values: Record<string, unknown>, report: ImportReport) {
  const taken = new Set(
    tx
      .select({ key: settings.key })
      .from(settings)
      .all()
      .map((row) => row.key),
  );
  // A value equal to the default (or null: unset) needs no row; a settings value cannot be SQL NULL.
  const fresh = Object.fromEntries(
    Object.entries(values).filter(
      ([name, value]) =>
        !taken.has(name) &&
        value !== null &&
        JSON.stringify(value) !== JSON.stringify(SETTING_DEFAULTS[name as keyof typeof SETTING_DEFAULTS]),
    ),
  );
  saveSettings(tx, fresh);
  for (const name of Object.keys(values))
    if (taken.has(name)) report.notes.push({ item: `setting ${name}`, note: "already set on this site: kept" });
  if (Object.keys(fresh).length > 0) bump(report.created, "setting");
}

function addRedirect(tx: Tx, report: ImportReport, from: string, to: string) {
  if (from === to || from.length > 300) return;
  // "/hello" may be a staff post's own address (the import's "hello" became "hello-2"): kept live.
  if (isLiveAddress(tx, from)) {
    report.redirects.alreadyTaken++;
    return;
  }
  if (insertRedirect(tx, from, to)) report.redirects.created++;
  else report.redirects.alreadyTaken++;
}
