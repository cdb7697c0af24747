import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { type ImportJobStatus, importJobs } from "../schema";
import { recordAudit } from "./audit";

// The admin's import jobs (lib/jobs/import-job.ts runs them). One import at a time:
// a job "queued" or "running" blocks the next one from starting.

export type ImportJob = typeof importJobs.$inferSelect;
const BUSY: ImportJobStatus[] = ["queued", "running"];

export async function getImportJob(id: string): Promise<ImportJob | undefined> {
  const [job] = await getDb().select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return job;
}

/** The newest job, to show on the page when none is named. */
export async function latestImportJob(): Promise<ImportJob | undefined> {
  const [job] = await getDb().select().from(importJobs).orderBy(desc(importJobs.createdAt)).limit(1);
  return job;
}

export async function busyImportJob(): Promise<ImportJob | undefined> {
  const [job] = await getDb().select().from(importJobs).where(inArray(importJobs.status, BUSY)).limit(1);
  return job;
}

export function insertCheckedJob(values: {
  id: string;
  filePath: string;
  fileName: string;
  fileBytes: number;
  format: string;
  dryRunReport: Record<string, unknown>;
  createdBy: number;
}) {
  getDb()
    .insert(importJobs)
    .values({ ...values, status: "checked" })
    .run();
}

/**
 * A checked job becomes queued, unless another import is queued or running: read and
 * write in one immediate transaction so two confirmations cannot both start.
 */
export function queueImportJob(id: string, actor: { id: number; label: string }): "queued" | "busy" | "missing" {
  return getDb().transaction(
    (tx) => {
      if (tx.select({ id: importJobs.id }).from(importJobs).where(inArray(importJobs.status, BUSY)).get())
        return "busy";
      const changed = tx
        .update(importJobs)
        .set({ status: "queued", updatedAt: new Date() })
        .where(and(eq(importJobs.id, id), eq(importJobs.status, "checked")))
        .run().changes;
      if (changed === 0) return "missing";
      recordAudit(tx, {
        actorId: actor.id,
        actorLabel: actor.label,
        action: "site.import_started",
        targetType: "import_job",
        targetId: id,
      });
      return "queued";
    },
    { behavior: "immediate" },
  );
}

export function updateImportJob(
  id: string,
  values: Partial<Pick<ImportJob, "status" | "phase" | "done" | "total" | "report" | "error">>,
) {
  getDb()
    .update(importJobs)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(importJobs.id, id))
    .run();
}

/** Uploads checked but never confirmed, closed when a new file comes: returns their files, to remove. */
export function discardCheckedJobs(): string[] {
  return getDb()
    .update(importJobs)
    .set({ status: "failed", error: "Not imported: a newer file was uploaded.", updatedAt: new Date() })
    .where(eq(importJobs.status, "checked"))
    .returning({ filePath: importJobs.filePath })
    .all()
    .map((job) => job.filePath);
}
