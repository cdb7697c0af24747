// The Quire export: one JSON document (docs/export-format.md), written as it is read.
// The top level is indented for people; each record is one line, so a million
// comments stay a million short lines that grep and diff handle.
import { type ExportContext } from "./context";
import { noProgress, type ExportProgress } from "./progress";
import {
  commentRecord,
  mediaRecord,
  postRecord,
  redirectRecord,
  revisionRecord,
  staffRecord,
  tagRecord,
} from "./quire-records";
import type { TextSink } from "./sink";

export const QUIRE_EXPORT_FORMAT = "quire-export";
export const QUIRE_EXPORT_VERSION = 1;

export const PERSONAL_DATA_NOTE = {
  note:
    "This file holds personal data: the e-mail addresses of staff and of commenters, and the banned addresses of " +
    "the comment settings. Every such field sits in an object named personal_data (staff e-mails excepted: they " +
    "are the staff list's key), so it can be found, removed or handled under the law that applies to you.",
  fields: ["staff[].email", "comments[].author.personal_data", "settings.personal_data"],
};

export type QuireExportOptions = { revisions: boolean; onProgress?: ExportProgress };

export async function writeQuireExport(context: ExportContext, sink: TextSink, options: QuireExportOptions) {
  const { reader } = context;
  const onProgress = options.onProgress ?? noProgress;
  const counts = await reader.counts();
  const { bannedEmails, webhooksAllowPrivate: _serverPolicy, ...settings } = context.settings;

  const header = {
    format: QUIRE_EXPORT_FORMAT,
    version: QUIRE_EXPORT_VERSION,
    exported_at: context.exportedAt.toISOString(),
    generator: { name: "Quire", version: context.quireVersion },
    site: { url: context.siteUrl },
    personal_data: PERSONAL_DATA_NOTE,
    includes: { revisions: options.revisions },
    counts: { ...counts, revisions: options.revisions ? counts.revisions : 0 },
    settings: { ...settings, personal_data: { banned_emails: bannedEmails } },
  };
  // The header's closing brace is left off: the lists follow in the same object.
  sink.write(JSON.stringify(header, null, 2).replace(/\n}$/, ""));

  const list = async <R>(name: string, total: number, pages: AsyncIterable<R[]>, record: (row: R) => unknown) => {
    sink.write(`,\n  ${JSON.stringify(name)}: [`);
    let done = 0;
    for await (const page of pages) {
      for (const row of page) {
        sink.write(`${done === 0 ? "" : ","}\n    ${JSON.stringify(record(row))}`);
        done++;
        // The page is already read (the connection is free): wait inside it too, so at most
        // one chunk of output is queued, not a whole page of long posts.
        if (sink.full) await sink.settle();
      }
      onProgress(name, done, total);
      await sink.settle();
    }
    sink.write(done === 0 ? "]" : "\n  ]");
    onProgress(name, done, total);
  };

  await list("staff", counts.staff, reader.staffPages(), staffRecord);
  await list("tags", counts.tags, reader.tagPages(), tagRecord);
  await list("media", counts.media, reader.mediaPages(), (row) => mediaRecord(context, row));
  for (const [name, type] of [
    ["posts", "post"],
    ["pages", "page"],
  ] as const) {
    await list(name, counts[name], withTags(context, reader.postPages(type)), ({ row, tagIds }) =>
      postRecord(context, row, tagIds),
    );
  }
  await list("redirects", counts.redirects, reader.redirectPages(), redirectRecord);
  await list("comments", counts.comments, reader.commentPages(), (row) => commentRecord(context, row));
  if (options.revisions) {
    await list("revisions", counts.revisions, reader.revisionPages(), (row) => revisionRecord(context, row));
  }
  sink.write("\n}\n");
}

/** Each page of posts with its tag ids, read in one query per page. */
export async function* withTags<R extends { id: number }>(context: ExportContext, pages: AsyncIterable<R[]>) {
  for await (const page of pages) {
    const tagIds = await context.reader.tagIdsOf(page.map((row) => row.id));
    yield page.map((row) => ({ row, tagIds: tagIds.get(row.id) ?? [] }));
  }
}
