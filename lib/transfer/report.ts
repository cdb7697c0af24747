import type { ImportFormat } from "./shape";

// What an import did (or, with --dry-run, would do): every item of the file is counted
// in one of created, already imported, merged into existing, or skipped with a reason.

export type PostWords = { sourceId: string; title: string; words: number; kept: number; share: number };

export type ImportReport = {
  format: ImportFormat;
  file: string;
  dryRun: boolean;
  durationMs: number;
  /** Items read from the file, by kind ("post", "page", "comment", "author", "tag", "media"). */
  parsed: Record<string, number>;
  created: Record<string, number>;
  /** Found by their source id in an earlier import: nothing new made. */
  alreadyImported: Record<string, number>;
  /** Authors who are already staff (by e-mail), tags that already existed (by slug or name). */
  merged: Record<string, number>;
  skipped: {
    total: number;
    byReason: Record<string, number>;
    items: { what: string; sourceId: string; reason: string }[];
  };
  /** Things said about single items (a private post made a draft). */
  notes: { item: string; note: string }[];
  warnings: string[];
  redirects: { created: number; alreadyTaken: number };
  /** Media items of the file left at their old address (no --media): counted, and listed below. */
  mediaKeptRemote: number;
  /** Remote files the content still points at (no --media, or not found in it). */
  remoteMedia: string[];
  rewrittenLinks: number;
  words: { posts: PostWords[]; total: number; kept: number; share: number; postsBelow99: number };
};

export function emptyReport(format: ImportFormat, file: string, dryRun: boolean): ImportReport {
  return {
    format,
    file,
    dryRun,
    durationMs: 0,
    parsed: {},
    created: {},
    alreadyImported: {},
    merged: {},
    skipped: { total: 0, byReason: {}, items: [] },
    notes: [],
    warnings: [],
    redirects: { created: 0, alreadyTaken: 0 },
    mediaKeptRemote: 0,
    remoteMedia: [],
    rewrittenLinks: 0,
    words: { posts: [], total: 0, kept: 0, share: 1, postsBelow99: 0 },
  };
}

export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

const MAX_LISTED = 200;

function percent(share: number): string {
  return `${(share * 100).toFixed(share === 1 ? 0 : 2)} %`;
}

function counts(label: string, values: Record<string, number>): string[] {
  const entries = Object.entries(values).filter(([, n]) => n > 0);
  return entries.length === 0 ? [] : [`${label}: ${entries.map(([k, n]) => `${n} ${k}`).join(", ")}`];
}

/** The report as the terminal shows it. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? "Dry run (nothing written)" : "Imported"}: ${report.file} (${report.format}) in ${(report.durationMs / 1000).toFixed(1)} s`,
    ...counts("Read", report.parsed),
    ...counts(report.dryRun ? "Would create" : "Created", report.created),
    ...counts("Already imported (nothing new)", report.alreadyImported),
    ...counts("Merged into existing", report.merged),
    `Redirects: ${report.redirects.created} made${report.redirects.alreadyTaken ? `, ${report.redirects.alreadyTaken} old addresses left alone (already redirected, or a live address on this site)` : ""}`,
    `Skipped: ${report.skipped.total}`,
    ...Object.entries(report.skipped.byReason).map(([reason, n]) => `  ${n} × ${reason}`),
  ];
  if (report.notes.length > 0) {
    lines.push(`Notes (${report.notes.length}):`);
    for (const { item, note } of report.notes.slice(0, MAX_LISTED)) lines.push(`  ${item}: ${note}`);
  }
  if (report.warnings.length > 0) {
    lines.push(`Warnings (${report.warnings.length}):`);
    for (const warning of report.warnings.slice(0, MAX_LISTED)) lines.push(`  ${warning}`);
  }
  if (report.mediaKeptRemote > 0)
    lines.push(`Media items left at their old address (links kept): ${report.mediaKeptRemote}`);
  lines.push(`Links rewritten to imported media: ${report.rewrittenLinks}`);
  if (report.remoteMedia.length > 0) {
    lines.push(`Remote media kept as links (${report.remoteMedia.length}; import them with --media DIR):`);
    for (const url of report.remoteMedia.slice(0, MAX_LISTED)) lines.push(`  ${url}`);
  }
  const { words } = report;
  lines.push(
    `Words preserved: ${percent(words.share)} of ${words.total} source words; ${words.posts.length - words.postsBelow99} of ${words.posts.length} posts keep ≥ 99 %`,
  );
  for (const post of words.posts.filter((p) => p.share < 0.99))
    lines.push(`  ${percent(post.share)} “${post.title}” (${post.kept}/${post.words})`);
  return lines.join("\n");
}
