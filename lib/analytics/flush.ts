import "server-only";
import type Database from "better-sqlite3";
import { type DayCounts, addAnalytics, sweepAnalytics } from "@/db/queries/analytics";
import { type Db, wrapConnection } from "@/db/connection";
import { getSettings } from "@/db/queries/settings";

// The app's half of reader analytics: bin/server/analytics.mjs counts views in memory in
// this process and leaves its buffer on globalThis; the background loop calls
// `analyticsPass` every few seconds (and the server calls `buffer.flush` at shutdown),
// which adds the counts to the daily rows and sweeps days past the retention setting.

/** What bin/server/analytics.mjs puts on globalThis.quireAnalytics. */
export type AnalyticsBuffer = {
  enabled: boolean;
  drain(): DayCounts[];
  restore(days: DayCounts[]): void;
  flush: (() => Promise<void>) | null;
  connection: unknown;
};

export const ANALYTICS_FLUSH_MS = 5_000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;

const holder = globalThis as unknown as { quireAnalytics?: AnalyticsBuffer; quireAnalyticsWriter?: Db };
let lastSweep = 0;

export function analyticsBuffer(): AnalyticsBuffer | undefined {
  return holder.quireAnalytics;
}

/**
 * Where counts (and heartbeats, lib/ops/heartbeat.ts) are written: the server's
 * data_version watcher when there is one (its own commits leave this process's page cache
 * full), else the app's connection (undefined).
 */
export function quietWriter(buffer: AnalyticsBuffer | undefined = analyticsBuffer()): Db | undefined {
  if (!buffer?.connection) return undefined;
  holder.quireAnalyticsWriter ??= wrapConnection(buffer.connection as Database.Database);
  return holder.quireAnalyticsWriter;
}

/**
 * One pass: reads the settings (changed in the admin while the process runs), writes what
 * was counted (or drops it when analytics is off) and, once an hour, sweeps old days.
 */
export async function analyticsPass(buffer: AnalyticsBuffer | undefined = analyticsBuffer(), now = Date.now()) {
  const settings = await getSettings();
  const db = buffer ? quietWriter(buffer) : undefined;
  if (buffer) {
    buffer.enabled = settings.analyticsEnabled === true;
    const days = buffer.drain();
    if (buffer.enabled && days.length > 0) {
      try {
        await addAnalytics(days, db);
      } catch (error) {
        buffer.restore(days); // added on the next pass
        throw error;
      }
    }
  }
  if (now - lastSweep >= SWEEP_EVERY_MS) {
    lastSweep = now;
    const firstKept = new Date(now - settings.analyticsRetentionDays * DAY_MS).toISOString().slice(0, 10);
    await sweepAnalytics(firstKept, db);
  }
}

/** Lets the server write what is pending at shutdown (bin/server.mjs). */
export function registerAnalyticsFlush(buffer: AnalyticsBuffer | undefined = analyticsBuffer()) {
  if (!buffer) return;
  buffer.flush = async () => {
    const days = buffer.drain();
    if (buffer.enabled && days.length > 0) await addAnalytics(days, quietWriter(buffer));
  };
}
