// One export, start to finish: a snapshot of the database, the chosen format, and the
// output file written beside its final name and renamed at the end, so an interrupted
// export never looks like a finished one. Shared by the CLI and (later) the admin.
import fs from "node:fs";
import path from "node:path";
import { type ExportCounts, openExportSnapshot, type ExportReader } from "@/db/queries/export";
import { resolveMediaDir } from "@/lib/env-defaults.mjs";
import { isValidMediaKey } from "@/lib/media/storage";
import { type ExportContext, loadContext, parseVariants } from "./context";
import { MARKDOWN_MEDIA_FOLDER, writeMarkdownZip } from "./markdown";
import { noProgress, type ExportProgress } from "./progress";
import { writeQuireExport } from "./quire-json";
import { FILE_HIGH_WATER, TextSink } from "./sink";
import { writeWxr } from "./wxr";
import { ZipWriter } from "./zip";

export const EXPORT_FORMATS = ["quire", "wxr", "markdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The document's name inside a zip. */
export const DOCUMENT_NAMES = { quire: "quire-export.json", wxr: "wordpress.xml" } as const;

export type ExportRequest = {
  dataDir: string;
  /** The media folder (QUIRE_MEDIA_DIR); `media` inside the data folder when omitted. */
  mediaDir?: string;
  file: string;
  format: ExportFormat;
  /** Quire and WXR: a zip holding the document and the media files (Markdown is always a zip). */
  zip: boolean;
  revisions: boolean;
  siteUrl: string;
  quireVersion: string;
  onProgress?: ExportProgress;
  /** Rows per keyset page; tests make it small to cross many page boundaries. */
  pageSize?: number;
};

export type ExportSummary = {
  file: string;
  bytes: number;
  counts: ExportCounts;
  mediaFiles: number;
  /** Media files the database names that are not in the media folder. */
  missingMedia: string[];
  markdownFiles?: number;
};

/** Where an export is written until it is complete. */
export function partialPath(target: string): string {
  return `${path.resolve(target)}.partial-${process.pid}`;
}

export async function runExport(request: ExportRequest): Promise<ExportSummary> {
  const onProgress = request.onProgress ?? noProgress;
  const target = path.resolve(request.file);
  if (fs.existsSync(target)) throw new Error(`${target} already exists: an export never overwrites.`);
  const work = partialPath(target);
  const snapshot = await openExportSnapshot(request.dataDir, request.pageSize);
  try {
    const context = await loadContext(snapshot.reader, {
      siteUrl: request.siteUrl,
      quireVersion: request.quireVersion,
    });
    const counts = await snapshot.reader.counts();
    const summary: ExportSummary = { file: target, bytes: 0, counts, mediaFiles: 0, missingMedia: [] };
    const mediaDir = request.mediaDir ?? resolveMediaDir(request.dataDir, undefined);

    if (request.format === "markdown" || request.zip) {
      const zip = new ZipWriter(work, context.exportedAt);
      if (request.format === "markdown") {
        summary.markdownFiles = (await writeMarkdownZip(context, zip, { onProgress })).files;
      } else {
        const sink = new TextSink(zip.addStream(DOCUMENT_NAMES[request.format]));
        await writeDocument(request, context, sink, onProgress);
        await sink.end();
      }
      const folder = request.format === "markdown" ? MARKDOWN_MEDIA_FOLDER : "media";
      Object.assign(summary, await addMedia(snapshot.reader, zip, mediaDir, folder, onProgress));
      await zip.finish();
    } else {
      const sink = new TextSink(fs.createWriteStream(work, { flags: "wx", highWaterMark: FILE_HIGH_WATER }));
      await writeDocument(request, context, sink, onProgress);
      await sink.end();
    }
    fs.renameSync(work, target);
    summary.bytes = fs.statSync(target).size;
    return summary;
  } catch (error) {
    fs.rmSync(work, { force: true });
    throw error;
  } finally {
    await snapshot.close();
  }
}

function writeDocument(request: ExportRequest, context: ExportContext, sink: TextSink, onProgress: ExportProgress) {
  return request.format === "wxr"
    ? writeWxr(context, sink, { onProgress })
    : writeQuireExport(context, sink, { revisions: request.revisions, onProgress });
}

/** Each media item's original and variants, from the media folder, at `<folder>/<storage key>`. */
async function addMedia(
  reader: ExportReader,
  zip: ZipWriter,
  mediaDir: string,
  folder: string,
  onProgress: ExportProgress,
) {
  const total = (await reader.counts()).media;
  let done = 0;
  let mediaFiles = 0;
  const missingMedia: string[] = [];
  for await (const page of reader.mediaPages()) {
    for (const row of page) {
      for (const key of [row.storageKey, ...parseVariants(row.variants).map((v) => v.key)]) {
        const file = path.join(mediaDir, key);
        if (isValidMediaKey(key) && fs.existsSync(file)) {
          zip.addFile(`${folder}/${key}`, file);
          mediaFiles++;
        } else {
          missingMedia.push(key);
        }
      }
    }
    done += page.length;
    onProgress("media files", done, total);
    await zip.settle();
  }
  return { mediaFiles, missingMedia };
}
