// `quire export [FILE] [--format quire|wxr|markdown] [--zip] [--revisions]`: the site's
// content in a portable file, read from a snapshot while the site keeps running.
// The formats themselves live in lib/transfer/export/ (docs/export-format.md).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseFile, openDatabase } from "../../db/connection";
import { databaseKind } from "../../db/kind";
import { runMigrations } from "../../db/migrate";
import { runPgMigrations } from "../../db/pg/migrate";
import { getEnv, siteUrl } from "../../lib/env";
import {
  EXPORT_FORMATS,
  partialPath,
  runExport,
  type ExportFormat,
  type ExportSummary,
} from "../../lib/transfer/export/run";
import { HELP_HINT, parseOptions } from "./args";
import { fileStamp, quireVersion } from "./backup-format";
import { CliError, UsageError } from "./errors";
import { MIGRATIONS_DIR } from "./paths";
import { formatBytes, formatSeconds, progress, type Progress } from "./progress";
import { USAGE } from "./usage";

export async function exportCommand(args: string[]): Promise<void> {
  const { values, flags, positionals, help } = parseOptions("export", args, {
    strings: ["format"],
    booleans: ["zip", "revisions"],
    maxPositionals: 1,
  });
  if (help) return void console.log(USAGE);
  const format = (values.format ?? "quire") as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}; got "${values.format}". ${HELP_HINT}`);
  }
  if (format === "markdown" && flags.zip)
    console.error("note: a Markdown export is always a zip; --zip changes nothing.");
  if (format !== "quire" && flags.revisions) {
    throw new UsageError(`--revisions works with --format quire only: ${format} has no place for them. ${HELP_HINT}`);
  }

  const { dataDir, mediaDir, DATABASE_URL } = getEnv();
  // On PostgreSQL the site is the database DATABASE_URL names; on SQLite, the data folder's file.
  const postgres = databaseKind() === "postgres";
  const source = databaseFile(dataDir);
  if (!postgres && !fs.existsSync(source))
    throw new CliError(`No database at ${source}: nothing to export (is QUIRE_DATA_DIR set right?).`);
  const zip = flags.zip || format === "markdown";
  const target = path.resolve(positionals[0] ?? defaultName(format, zip));
  if (fs.existsSync(target))
    throw new CliError(`${target} already exists: an export never overwrites; choose a new path.`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.accessSync(path.dirname(target), fs.constants.W_OK);
  } catch (error) {
    throw new CliError(
      `Cannot write the export in ${path.dirname(target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }

  // Like the other commands, a database from an older Quire is brought up to date first.
  const applied = postgres ? await migratePostgres(DATABASE_URL!) : migrateSqlite(source);
  if (applied > 0) console.log(`Applied ${applied} database migration(s) first.`);

  // Interrupted (Ctrl-C, a stop): the half-written file goes too.
  const stop = (signal: NodeJS.Signals) => {
    fs.rmSync(partialPath(target), { force: true });
    console.error(`\nquire: export interrupted (${signal}); nothing was written.`);
    process.exit(130);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);

  const started = Date.now();
  const bars = sectionBars();
  const summary = await runExport({
    dataDir,
    mediaDir,
    file: target,
    format,
    zip,
    revisions: flags.revisions,
    siteUrl: siteUrl(),
    quireVersion: quireVersion(),
    onProgress: bars.update,
  });
  bars.finish();
  report(format, summary, flags.revisions, Date.now() - started);
}

function migrateSqlite(file: string): number {
  const db = openDatabase(file);
  try {
    return runMigrations(db.$client, MIGRATIONS_DIR);
  } finally {
    db.$client.close();
  }
}

async function migratePostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await runPgMigrations(client, path.join(MIGRATIONS_DIR, "pg"));
  } finally {
    await client.end();
  }
}

function defaultName(format: ExportFormat, zip: boolean): string {
  const ext = zip ? "zip" : format === "wxr" ? "xml" : "json";
  const kind = format === "quire" ? "" : `-${format}`;
  return path.join("exports", `quire${kind}-${fileStamp()}.${ext}`);
}

/** One progress bar per section (staff, posts, comments, …), each finished when the next starts. */
function sectionBars() {
  let current: { section: string; bar: Progress } | null = null;
  return {
    update(section: string, done: number, total: number) {
      if (current?.section !== section) {
        current?.bar.finish();
        current = { section, bar: progress(section.padEnd(11), total) };
      }
      current.bar.update(done);
    },
    finish() {
      current?.bar.finish();
      current = null;
    },
  };
}

function report(format: ExportFormat, summary: ExportSummary, revisions: boolean, elapsed: number) {
  const { counts } = summary;
  const n = (value: number) => value.toLocaleString("en");
  console.log(
    `Export (${format}) written to ${summary.file} in ${formatSeconds(elapsed)}: ${formatBytes(summary.bytes)}.`,
  );
  console.log(
    `  ${n(counts.posts)} posts, ${n(counts.pages)} pages, ${n(counts.comments)} comments, ${n(counts.tags)} tags, ` +
      `${n(counts.staff)} staff, ${n(counts.redirects)} redirects, ${n(counts.media)} media items` +
      (revisions ? `, ${n(counts.revisions)} revisions` : ""),
  );
  if (summary.markdownFiles !== undefined)
    console.log(
      `  ${n(summary.markdownFiles)} Markdown files (trashed posts and comments are not part of this format).`,
    );
  if (summary.mediaFiles || summary.missingMedia.length)
    console.log(
      `  ${n(summary.mediaFiles)} media file(s) in the zip` +
        (summary.missingMedia.length
          ? `; ${summary.missingMedia.length} named in the database but missing from the media folder: ${summary.missingMedia.slice(0, 5).join(", ")}${summary.missingMedia.length > 5 ? ", …" : ""}`
          : ""),
    );
  if (format !== "markdown")
    console.log("  Contains personal data (staff and commenter e-mail addresses): keep it private.");
}
