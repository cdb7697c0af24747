import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { write } from "../transaction";
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

export async function insertCheckedJob(values: {
  id: string;
  filePath: string;
  fileName: string;
  fileBytes: number;
  format: string;
  dryRunReport: Record<string, unknown>;
  createdBy: number;
}): Promise<void> {
  await write((db) => db.insert(importJobs).values({ ...values, status: "checked" }));
}

/**
 * A checked job becomes queued, unless another import is queued or running: read and
 * write in one write() so two confirmations cannot both start.
 */
export async function queueImportJob(
  id: string,
  actor: { id: number; label: string },
): Promise<"queued" | "busy" | "missing"> {
  return await write(async (db) => {
    const [busy] = await db
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(inArray(importJobs.status, BUSY))
      .limit(1);
    if (busy) return "busy";
    const changed = await db
      .update(importJobs)
      .set({ status: "queued", updatedAt: new Date() })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, "checked")))
      .returning({ id: importJobs.id });
    if (changed.length === 0) return "missing";
    await recordAudit(db, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: "site.import_started",
      targetType: "import_job",
      targetId: id,
    });
    return "queued";
  });
}

export async function updateImportJob(
  id: string,
  values: Partial<Pick<ImportJob, "status" | "phase" | "done" | "total" | "report" | "error">>,
): Promise<void> {
  await write((db) =>
    db
      .update(importJobs)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(importJobs.id, id)),
  );
}

/** Uploads checked but never confirmed, closed when a new file comes: returns their files, to remove. */
export async function discardCheckedJobs(): Promise<string[]> {
  const closed = await write((db) =>
    db
      .update(importJobs)
      .set({ status: "failed", error: "Not imported: a newer file was uploaded.", updatedAt: new Date() })
      .where(eq(importJobs.status, "checked"))
      .returning({ filePath: importJobs.filePath }),
  );
  return closed.map((job) => job.filePath);
}
