import "server-only";
import path from "node:path";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  fallbackAuthorId,
  importedMediaUrl,
  importSql,
  type ImportSql,
  insertImportedMedia,
  recordImported,
  type SourceKey,
} from "@/db/queries/imports";
import { write } from "@/db/transaction";
import { type BodyConverter, convertStaged } from "./convert-step";
import { openSource } from "./detect";
import { MediaImporter } from "./media";
import { bump, emptyReport, type ImportReport } from "./report";
import type { ImportFormat, ImportSource } from "./shape";
import { Staging } from "./staging";
import { writeAuthors } from "./write-authors";
import { writeComments } from "./write-comments";
import type { WriteContext } from "./write-common";
import { recordWords, writePosts } from "./write-posts";
import { writeListedRedirects } from "./write-redirects";
import { writeSettings } from "./write-settings";
import { writeTags } from "./write-tags";

// An import runs in three phases. Reading: the parser streams the file into a staging
// SQLite file. Converting (convert-step.ts): bodies become Markdown and rendered HTML (async, done
// before the site's database is touched). Writing: one write() on the site's database (a
// single transaction), so a failure or an interrupted process leaves the site as it was.
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
  /** Awaited when it answers a promise: the import job records progress in the database (inside the
   * import's write() while writing, as a write() there joins it). */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void | Promise<void>;
  /** Converts the post bodies; in this thread when omitted (the CLI passes a worker pool, convert-pool.ts). */
  converter?: BodyConverter;
  /** For tests: called before each item is written, so a failure can be injected midway. */
  beforeWrite?: (kind: string, index: number) => void;
};

const MAX_LISTED_SKIPS = 500;

/** Imports a file into the site's database (getDb()/write()); a dry run only reads it. */
export async function importFile(file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const source = await openSource(file, options.format);
  const report = emptyReport(source.format, path.basename(file), options.dryRun === true);
  const staging = new Staging();
  // A dry run reads the media folder but stores nothing.
  // --media, else the folder the source unpacked (a Quire export zip's media/).
  const mediaDir = options.mediaDir ?? source.mediaDir?.();
  const mediaFiles =
    mediaDir && !options.dryRun
      ? new MediaImporter(mediaDir, (url) => importedMediaUrl(source.format, url))
      : undefined;
  let committed = false;
  try {
    await stage(source, staging, report, options);
    await convertStaged(source.format, staging, report, options.onProgress, mediaFiles, options.converter);
    if (options.dryRun) dryRunCounts(staging, report);
    else await write((db) => writeStaged(db, importSql(db), source.format, staging, report, options, mediaFiles));
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
    if (++n % 200 === 0) await options.onProgress?.("reading", source.position().done, source.position().total);
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
  await options.onProgress?.("reading", source.position().total, source.position().total);
}

function dryRunCounts(staging: Staging, report: ImportReport) {
  for (const post of staging.each("post")) if (staging.converted(post.sourceId)) recordWords(staging, post, report);
  for (const [kind, n] of Object.entries(report.parsed)) report.created[kind] = n;
}

async function writeStaged(
  db: Db,
  sql: ImportSql,
  format: ImportFormat,
  staging: Staging,
  report: ImportReport,
  options: ImportOptions,
  mediaFiles: MediaImporter | undefined,
) {
  const key = (sourceKind: string, sourceId: string): SourceKey => ({ sourceFormat: format, sourceKind, sourceId });
  for (const item of mediaFiles?.stored ?? []) {
    const id = await insertImportedMedia(db, item.row);
    await recordImported(db, key("media-url", item.url), "media", id);
    bump(report.created, "media file");
  }
  const total = staging.count("author") + staging.count("tag") + staging.count("post") + staging.count("comment");
  let done = 0;
  const step = async (kind: string) => {
    options.beforeWrite?.(kind, done);
    if (++done % 100 === 0) await options.onProgress?.("writing", done, total);
  };

  const context: WriteContext = { db, sql, staging, report, key, step };
  const authorIds = await writeAuthors(context);
  const fallbackAuthor = (await fallbackAuthorId(db)) ?? authorIds.values().next().value;
  const tagIds = await writeTags(context);
  await writePosts(context, { authorIds, tagIds, fallbackAuthor });
  // After the posts, so a listed redirect can lead to its post's slug here.
  await writeListedRedirects(context);
  await writeSettings(context);
  await writeComments(context);
  await recordAudit(db, {
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
  await options.onProgress?.("writing", total, total);
}
