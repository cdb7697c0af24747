import "server-only";
import { desc, gte, lt } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { instances } from "../schema";
import { write } from "../transaction";

// The instances serving the site, as their heartbeats tell (lib/ops/heartbeat.ts): every
// process and cluster worker writes its own row at start and every 30 s, so the health
// page of any one of them lists them all. Nothing here is shown on a reader page.

export type Instance = typeof instances.$inferSelect;

// Both writes below go through `db` when one is given (the HTTP front's own connection, whose
// commits leave this process's page cache full: lib/analytics/flush.ts, quietWriter), else
// through the writer; either way they wait their turn in write().

/** One heartbeat: the instance's row, made or brought up to date. */
export async function recordHeartbeat(instance: Instance, db?: Db): Promise<void> {
  const { host, pid, version, startedAt, lastSeenAt } = instance;
  const upsert = (on: Db) =>
    on
      .insert(instances)
      .values(instance)
      .onConflictDoUpdate({ target: instances.id, set: { host, pid, version, startedAt, lastSeenAt } });
  await write(upsert, db);
}

/** Forgets instances not seen since `before` (stopped long ago). Returns how many. */
export async function sweepInstances(before: Date, db?: Db): Promise<number> {
  const sweep = (on: Db) =>
    on.delete(instances).where(lt(instances.lastSeenAt, before)).returning({ id: instances.id });
  return (await write(sweep, db)).length;
}

/** The instances seen since `since`, the most recently seen first. */
export async function instancesSeenSince(since: Date, db: Db = getDb()): Promise<Instance[]> {
  return await db
    .select()
    .from(instances)
    .where(gte(instances.lastSeenAt, since))
    .orderBy(desc(instances.lastSeenAt), instances.id);
}
