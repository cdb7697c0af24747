import "server-only";
import os from "node:os";
import { type Instance, instancesSeenSince, recordHeartbeat, sweepInstances } from "@/db/queries/instances";
import packageJson from "@/package.json";
import { quietWriter } from "../analytics/flush";
import { logger } from "./log.mjs";

// Each process serving the site (each cluster worker too) tells the database it is alive:
// at start and every HEARTBEAT_MS. The health page of any instance then lists them all,
// and marks one whose heartbeat stopped. Rows not seen for SWEEP_AFTER_MS are deleted.
export const HEARTBEAT_MS = 30_000;
/** Listed on the health page when seen this recently… */
export const SHOWN_FOR_MS = 5 * 60_000;
/** …and marked stale past this (two missed heartbeats and a margin). */
export const STALE_AFTER_MS = 75_000;
const SWEEP_AFTER_MS = 60 * 60_000;

const holder = globalThis as unknown as { quireServer?: { instance: string }; quireHeartbeat?: NodeJS.Timeout };
const startedAt = new Date(Date.now() - process.uptime() * 1000);

/**
 * This process's id: the label bin/server/metrics.mjs puts on its /metrics output
 * (host:port:pid); under `next dev`, where that server does not run, host:pid.
 */
export function instanceId(): string {
  return holder.quireServer?.instance ?? `${os.hostname()}:${process.pid}`;
}

/** Writes this instance's heartbeat and sweeps long-gone ones. */
export async function beat(now = new Date()) {
  // Through the page-cache watcher's connection when there is one: this process's cache stays full.
  const db = quietWriter();
  const self: Instance = {
    id: instanceId(),
    host: os.hostname(),
    pid: process.pid,
    version: packageJson.version,
    startedAt,
    lastSeenAt: now,
  };
  await recordHeartbeat(self, db);
  await sweepInstances(new Date(now.getTime() - SWEEP_AFTER_MS), db);
}

/** Starts the heartbeat (once per process): one now, then every HEARTBEAT_MS. */
export function startHeartbeat() {
  if (holder.quireHeartbeat) return;
  const safely = async () => {
    try {
      await beat();
    } catch (error) {
      logger().error({ err: error, job: "heartbeat" }, "heartbeat failed");
    }
  };
  void safely();
  holder.quireHeartbeat = setInterval(safely, HEARTBEAT_MS);
  holder.quireHeartbeat.unref();
}

export type InstanceSeen = Instance & { stale: boolean; current: boolean };

/** The instances seen in the last few minutes, each marked stale or not, this one marked current. */
export async function instancesSeen(now = new Date()): Promise<InstanceSeen[]> {
  const current = instanceId();
  return (await instancesSeenSince(new Date(now.getTime() - SHOWN_FOR_MS))).map((instance) => ({
    ...instance,
    stale: now.getTime() - instance.lastSeenAt.getTime() > STALE_AFTER_MS,
    current: instance.id === current,
  }));
}
