import "server-only";
import {
  databaseSize,
  type DatabaseSize,
  outboxHealth,
  schedulerLagSeconds,
  type OutboxHealth,
} from "@/db/queries/site-health";
import packageJson from "@/package.json";
import { getEnv } from "../env";
import { type InstanceSeen, instancesSeen } from "./heartbeat";
import { readLastBackup, type LastBackup } from "./last-backup";

// What the owner's health page shows, and what needs their attention. Thresholds are the
// points past which something is wrong rather than merely busy.
const BACKUP_WARN_HOURS = 48;
const OUTBOX_WAIT_WARN_SECONDS = 15 * 60;
const SCHEDULER_LAG_WARN_SECONDS = 5 * 60;

/** Set by bin/server.mjs when the production server runs (absent under `next dev`). */
type ServerInfo = {
  instance: string;
  pageCacheBytes: number;
  pageCache: () => { hits: number; misses: number; bytes: number; entries: number };
};

export type SiteHealth = {
  version: string;
  uptimeSeconds: number;
  instance: string;
  database: DatabaseSize;
  backup: (LastBackup & { ageHours: number }) | null;
  outbox: OutboxHealth;
  schedulerLagSeconds: number;
  pageCache: { hits: number; misses: number; hitRatio: number | null; bytes: number; limitBytes: number } | null;
  mailConfigured: boolean;
  /** Every instance whose heartbeat was seen in the last few minutes (this one included). */
  instances: InstanceSeen[];
  /** Sentences for the owner, empty when all is well. */
  attention: string[];
};

export async function gatherSiteHealth(now = new Date()): Promise<SiteHealth> {
  const env = getEnv();
  const server = (globalThis as unknown as { quireServer?: ServerInfo }).quireServer;
  const last = readLastBackup(env.dataDir);
  const backup = last ? { ...last, ageHours: (now.getTime() - Date.parse(last.at)) / 3_600_000 } : null;
  const outbox = await outboxHealth(now);
  const lag = await schedulerLagSeconds(now);
  const cache = server?.pageCache();
  const health: SiteHealth = {
    version: packageJson.version,
    uptimeSeconds: process.uptime(),
    instance: server?.instance ?? `pid ${process.pid}`,
    database: await databaseSize(),
    backup,
    outbox,
    schedulerLagSeconds: lag,
    pageCache:
      server && cache
        ? {
            hits: cache.hits,
            misses: cache.misses,
            hitRatio: cache.hits + cache.misses > 0 ? cache.hits / (cache.hits + cache.misses) : null,
            bytes: cache.bytes,
            limitBytes: server.pageCacheBytes,
          }
        : null,
    mailConfigured: Boolean(env.SMTP_URL),
    instances: await instancesSeen(now),
    attention: [],
  };
  if (!backup) health.attention.push("No backup has been recorded: run `npm run quire -- backup`.");
  else if (backup.ageHours > BACKUP_WARN_HOURS)
    health.attention.push(`The last backup is ${Math.floor(backup.ageHours)} hours old.`);
  if (outbox.failed > 0)
    health.attention.push(
      `${outbox.failed} e-mail or webhook ${outbox.failed === 1 ? "delivery has" : "deliveries have"} failed.`,
    );
  if (outbox.oldestPendingSeconds > OUTBOX_WAIT_WARN_SECONDS)
    health.attention.push(`An e-mail or webhook has waited ${Math.floor(outbox.oldestPendingSeconds / 60)} minutes.`);
  if (lag > SCHEDULER_LAG_WARN_SECONDS)
    health.attention.push(`A scheduled post is ${Math.floor(lag / 60)} minutes late.`);
  if (!health.mailConfigured) health.attention.push("E-mail is not configured (SMTP_URL): nothing is sent.");
  return health;
}
