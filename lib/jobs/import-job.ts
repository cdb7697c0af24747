import "server-only";
import fs from "node:fs";
import { getImportJob, type ImportJob, updateImportJob } from "@/db/queries/import-jobs";
import type { ImportFormat } from "../transfer/shape";
import { type ImportPhase, importFile } from "../transfer/write";
import { logger } from "../ops/log.mjs";

// Runs a confirmed import (db/queries/import-jobs.ts) in the server process, outside the
// request that confirmed it, writing its progress to the job's row so the admin page can
// follow it across reloads. importFile() is all-or-nothing: a failure leaves the site as it was.

const holder = globalThis as unknown as { quireImportJob?: string };
const PROGRESS_EVERY_MS = 250;

export const INTERRUPTED =
  "The server stopped before this import finished. An import is all or nothing, so nothing was changed; upload the file again.";

/** Starts a queued job in the background; returns at once. */
export function startImportJob(id: string, actorLabel: string): void {
  if (holder.quireImportJob) return; // one at a time; queueImportJob() refuses a second anyway
  holder.quireImportJob = id;
  void runImportJob(id, actorLabel).finally(() => {
    holder.quireImportJob = undefined;
  });
}

export async function runImportJob(id: string, actorLabel: string): Promise<void> {
  const job = await getImportJob(id);
  if (!job || job.status !== "queued") return;
  await updateImportJob(id, { status: "running", phase: "reading", done: 0, total: 0 });
  let lastPhase: ImportPhase | undefined;
  let lastWrite = 0;
  try {
    const report = await importFile(job.filePath, {
      format: (job.format ?? undefined) as ImportFormat | undefined,
      actorLabel,
      // While writing, this joins the import's write(), as it shared its transaction before.
      onProgress: async (phase, done, total) => {
        const now = Date.now();
        if (phase === lastPhase && done < total && now - lastWrite < PROGRESS_EVERY_MS) return;
        lastPhase = phase;
        lastWrite = now;
        await updateImportJob(id, { phase, done, total });
      },
    });
    report.file = job.fileName;
    await updateImportJob(id, { status: "done", phase: null, report: report as unknown as Record<string, unknown> });
    logger().info({ job: "import", id }, "import job done");
  } catch (error) {
    logger().error({ err: error, job: "import", id }, "import job failed");
    const message = error instanceof Error ? error.message : String(error);
    await updateImportJob(id, { status: "failed", phase: null, error: `${message} Nothing was changed.` });
  } finally {
    fs.rmSync(job.filePath, { force: true });
  }
}

/**
 * The job as it stands. One the database calls queued or running that this process is
 * not running was cut off by a restart: it is marked failed (the site is unchanged).
 */
export async function currentState(job: ImportJob): Promise<ImportJob> {
  if ((job.status === "queued" || job.status === "running") && holder.quireImportJob !== job.id) {
    await updateImportJob(job.id, { status: "failed", phase: null, error: INTERRUPTED });
    fs.rmSync(job.filePath, { force: true });
    return { ...job, status: "failed", phase: null, error: INTERRUPTED };
  }
  return job;
}
