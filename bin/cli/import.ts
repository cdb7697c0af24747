// `quire import FILE|DIR [--format F] [--media DIR] [--dry-run]`: brings a WordPress, Ghost, Blogger,
// Markdown or Quire export into the site in one transaction (lib/transfer/write.ts). The progress bar
// goes to stderr; the report to stdout.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ConvertPool } from "../../lib/transfer/convert-pool";
import { parseFormat } from "../../lib/transfer/detect";
import { formatReport } from "../../lib/transfer/report";
import { ImportError } from "../../lib/transfer/shape";
import { importFile, type ImportPhase } from "../../lib/transfer/write";
import { HELP_HINT, parseCount, parseOptions } from "./args";
import { withMigratedDb, migrationNote } from "./database";
import { CliError, UsageError } from "./errors";
import { progress, type Progress } from "./progress";
import { USAGE } from "./usage";

const LABELS: Record<ImportPhase, string> = { reading: "Reading   ", converting: "Converting", writing: "Writing   " };

export async function importCommand(args: string[]): Promise<void> {
  const { positionals, values, flags, help } = parseOptions("import", args, {
    strings: ["format", "media", "workers"],
    booleans: ["dry-run", "json"],
    maxPositionals: 1,
  });
  if (help) return void console.log(USAGE);
  const from = positionals[0];
  if (from === undefined) throw new UsageError(`Missing the file or folder to import. ${HELP_HINT}`);
  if (values.media !== undefined && !fs.statSync(values.media, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--media must name a folder; ${values.media} is not one.`);
  // Conversion threads: none by default. Measured at 2k posts (README, "Speed and memory"),
  // two workers cost more CPU than they save on a busy 2-core machine; they pay where cores are free.
  const workers = parseCount(values.workers, "--workers", 0, 0, os.availableParallelism() * 2);
  let format;
  try {
    format = values.format === undefined ? undefined : parseFormat(values.format);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  await withMigratedDb(async (_db, applied) => {
    process.stderr.write(migrationNote(applied));
    let bar: Progress | undefined;
    let phase: ImportPhase | undefined;
    const pool = workers > 0 ? new ConvertPool(workers) : undefined;
    try {
      const report = await importFile(path.resolve(from), {
        format,
        dryRun: flags["dry-run"],
        mediaDir: values.media === undefined ? undefined : path.resolve(values.media),
        actorLabel: "cli",
        converter: pool,
        onProgress: (next, done, total) => {
          if (next !== phase) {
            bar?.finish();
            phase = next;
            bar = progress(LABELS[next], total);
          }
          bar!.update(done);
        },
      });
      bar?.finish();
      console.log(flags.json ? JSON.stringify(report, null, 2) : formatReport(report));
    } catch (error) {
      if (bar) process.stderr.write("\n");
      if (error instanceof ImportError) throw new CliError(`Import refused: ${error.message} Nothing was changed.`);
      throw error;
    } finally {
      await pool?.close();
    }
  });
}
