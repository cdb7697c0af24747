import "server-only";
import { desc, gte, lt } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { instances } from "../schema";

// The instances serving the site, as their heartbeats tell (lib/ops/heartbeat.ts): every
// process and cluster worker writes its own row at start and every 30 s, so the health
// page of any one of them lists them all. Nothing here is shown on a reader page.

export type Instance = typeof instances.$inferSelect;

/** One heartbeat: the instance's row, made or brought up to date. */
export function recordHeartbeat(instance: Instance, db: Db = getDb()) {
  const { host, pid, version, startedAt, lastSeenAt } = instance;
  db.insert(instances)
    .values(instance)
    .onConflictDoUpdate({ target: instances.id, set: { host, pid, version, startedAt, lastSeenAt } })
    .run();
}

/** Forgets instances not seen since `before` (stopped long ago). Returns how many. */
export function sweepInstances(before: Date, db: Db = getDb()): number {
  return db.delete(instances).where(lt(instances.lastSeenAt, before)).run().changes;
}

/** The instances seen since `since`, the most recently seen first. */
export async function instancesSeenSince(since: Date, db: Db = getDb()): Promise<Instance[]> {
  return await db
    .select()
    .from(instances)
    .where(gte(instances.lastSeenAt, since))
    .orderBy(desc(instances.lastSeenAt), instances.id);
}
