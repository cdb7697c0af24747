// The time of the last backup `quire backup` completed, kept beside the database so the
// health page and /metrics can warn when backups stop. A small JSON file, not a table: a
// row written by the backup would itself be missing from the copy it describes.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const FILE_NAME = "last-backup.json";

const lastBackupSchema = z.object({ at: z.iso.datetime(), path: z.string(), bytes: z.number().int().min(0) });
export type LastBackup = z.infer<typeof lastBackupSchema>;

export function recordBackup(dataDir: string, backup: LastBackup): void {
  const file = path.join(dataDir, FILE_NAME);
  const draft = `${file}.${process.pid}`;
  fs.writeFileSync(draft, `${JSON.stringify(backup)}\n`);
  fs.renameSync(draft, file); // whole or not at all
}

/** The last backup recorded, or null when none was (or the file is unreadable). */
export function readLastBackup(dataDir: string): LastBackup | null {
  try {
    const parsed = lastBackupSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, FILE_NAME), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
