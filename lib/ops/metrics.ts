import "server-only";
import client from "prom-client";
import { databaseSize, outboxHealth, schedulerLagSeconds } from "@/db/queries/site-health";
import { getEnv } from "../env";
import { readLastBackup } from "./last-backup";

// The app's metrics, in prom-client's default registry: the one bin/server/metrics.mjs
// answers /metrics from (prom-client is loaded once from node_modules for both). Each
// metric is made once per process, whoever asks first.

export type CommentOutcome = "published" | "held" | "spam" | "refused" | "rate_limited";

function once<T extends client.Metric>(name: string, make: () => T): T {
  return (client.register.getSingleMetric(name) as T | undefined) ?? make();
}

/** Counts one comment submission by what became of it. */
export function countCommentOutcome(outcome: CommentOutcome) {
  once(
    "quire_comment_submissions_total",
    () =>
      new client.Counter({
        name: "quire_comment_submissions_total",
        help: "Comment submissions, by outcome.",
        labelNames: ["outcome"],
      }),
  ).inc({ outcome });
}

/** Gauges read from the database when Prometheus scrapes: the outbox, the scheduler, the files. */
export function registerOperationalMetrics() {
  // prom-client awaits an async collect() before it answers the scrape.
  const gauge = (name: string, help: string, read: () => number | Promise<number>) =>
    once(
      name,
      () =>
        new client.Gauge({
          name,
          help,
          async collect() {
            this.set(await read());
          },
        }),
    );
  const { dataDir } = getEnv();
  gauge(
    "quire_outbox_pending",
    "Outbox items (e-mail, webhooks) waiting to be delivered.",
    async () => (await outboxHealth()).pending,
  );
  gauge("quire_outbox_failed", "Outbox items that failed every attempt.", async () => (await outboxHealth()).failed);
  gauge(
    "quire_outbox_oldest_pending_seconds",
    "Age of the oldest outbox item still waiting.",
    async () => (await outboxHealth()).oldestPendingSeconds,
  );
  gauge("quire_scheduler_lag_seconds", "How long the earliest due scheduled post has waited.", () =>
    schedulerLagSeconds(),
  );
  gauge("quire_database_bytes", "Size of the database: SQLite's file, or PostgreSQL's database.", async () => {
    return (await databaseSize()).bytes;
  });
  gauge("quire_database_wal_bytes", "Size of SQLite's write-ahead log (0 on PostgreSQL).", async () => {
    const size = await databaseSize();
    return size.kind === "SQLite" ? size.walBytes : 0;
  });
  gauge("quire_last_backup_timestamp_seconds", "When the last `quire backup` finished (0: never).", () => {
    const last = readLastBackup(dataDir);
    return last ? Date.parse(last.at) / 1000 : 0;
  });
}
