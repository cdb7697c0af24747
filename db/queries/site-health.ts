import "server-only";
import fs from "node:fs";
import { and, count, eq, lte, min, sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { getDb, getPgDb } from "../client";
import { databaseFile } from "../connection";
import { databaseSizePg } from "../dialects/pg/health";
import { databaseKind } from "../kind";
import { outbox, posts } from "../schema";

/** Where the site's data is and how big it is: SQLite's file and its write-ahead log, or PostgreSQL's database. */
export type DatabaseSize =
  | { kind: "SQLite"; file: string; bytes: number; walBytes: number }
  | { kind: "PostgreSQL"; database: string; bytes: number };

const sizeOf = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // no WAL file between checkpoints
  }
};

export async function databaseSize(): Promise<DatabaseSize> {
  const env = getEnv();
  if (databaseKind() === "postgres") {
    // Host and database name only: the URL may hold a password.
    const url = new URL(env.DATABASE_URL!);
    return { kind: "PostgreSQL", database: `${url.host}${url.pathname}`, bytes: await databaseSizePg(getPgDb()) };
  }
  const file = databaseFile(env.dataDir);
  return { kind: "SQLite", file, bytes: sizeOf(file), walBytes: sizeOf(`${file}-wal`) };
}

export type OutboxHealth = {
  pending: number;
  failed: number;
  /** Seconds since the oldest pending item was queued (0 when none waits). */
  oldestPendingSeconds: number;
  lastError: string | null;
};

/** The outbox's depth and failures, for metrics and the health page. */
export async function outboxHealth(now = new Date()): Promise<OutboxHealth> {
  const db = getDb();
  const byStatus = await db
    .select({ status: outbox.status, n: count(), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(sql`${outbox.status} in ('pending', 'failed')`)
    .groupBy(outbox.status);
  const pending = byStatus.find((row) => row.status === "pending");
  const failed = byStatus.find((row) => row.status === "failed");
  const [last] = await db
    .select({ error: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.status, "failed")))
    .orderBy(sql`${outbox.updatedAt} desc`)
    .limit(1);
  return {
    pending: pending?.n ?? 0,
    failed: failed?.n ?? 0,
    oldestPendingSeconds: pending?.oldest ? Math.max(0, (now.getTime() - pending.oldest.getTime()) / 1000) : 0,
    lastError: last?.error ?? null,
  };
}

/** How late the scheduler is: seconds since the earliest scheduled post fell due (0 when none has). */
export async function schedulerLagSeconds(now = new Date()): Promise<number> {
  const [row] = await getDb()
    .select({ due: min(posts.publishedAt) })
    .from(posts)
    .where(and(eq(posts.status, "scheduled"), lte(posts.publishedAt, now)));
  return row?.due ? Math.max(0, (now.getTime() - row.due.getTime()) / 1000) : 0;
}
