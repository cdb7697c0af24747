// Several Quire processes over one SQLite file, for the cluster journeys: instances
// (`node bin/server.mjs`, what `npm start` runs after migrating) behind Debian's nginx
// with the configuration shipped in docs/deploy/nginx.conf, or one server with
// QUIRE_WORKERS. Secrets are left for the instances to generate, as on a real site, so a
// session made by one is accepted by the others only if they share them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { SMTP_PORT } from "../fixtures/smtp";
import { answers, Child, sleep } from "./processes";

export { Nginx, NGINX } from "./processes";

export const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Ports of the cluster journeys, clear of the shared server's and the hostile suite's:
 * QUIRE_E2E_CLUSTER_PORT (default QUIRE_E2E_PORT + 20) is nginx, + 1, + 2 and + 3 the
 * instances A, B and C, + 4 the QUIRE_WORKERS server.
 */
export function clusterPort(offset: number): number {
  const base = Number(process.env.QUIRE_E2E_CLUSTER_PORT ?? Number(process.env.QUIRE_E2E_PORT ?? 3100) + 20);
  return base + offset;
}

export const STAFF = { email: "cluster-owner@example.com", password: "cluster owner password 1" };

export type ClusterSite = { dataDir: string; ownerId: number; post: { id: number; slug: string; title: string } };

/** A migrated data folder with an owner who can sign in and one published post open to comments. */
export async function makeClusterSite(): Promise<ClusterSite> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-cluster-"));
  const passwordHash = await hash(STAFF.password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const db = openDatabase(path.join(dataDir, "quire.db")).$client;
  try {
    runMigrations(db);
    const ownerId = Number(
      db
        .prepare(
          "INSERT INTO users (email, name, slug, role, password_hash) VALUES (?, 'Clara Cluster', 'clara', 'owner', ?)",
        )
        .run(STAFF.email, passwordHash).lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('title', '\"Cluster\"'), ('commentPolicy', '\"publish\"'), ('webhooksAllowPrivate', 'true')",
    ).run();
    const post = { slug: "the-shared-post", title: "The shared post" };
    const id = Number(
      db
        .prepare(
          "INSERT INTO posts (title, slug, status, published_at, author_id, markdown, html, plaintext) VALUES (?, ?, 'published', ?, ?, 'Body.', '<p>Body.</p>', 'Body.')",
        )
        .run(post.title, post.slug, Date.now() - 60_000, ownerId).lastInsertRowid,
    );
    return { dataDir, ownerId, post: { id, ...post } };
  } finally {
    db.close();
  }
}

/** Writes to the site's database directly, as test set-up (a scheduled post, a webhook). */
export function writeDb<T>(dataDir: string, write: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, "quire.db"), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return write(db);
  } finally {
    db.close();
  }
}

/** One Quire server process (with QUIRE_WORKERS > 1, the primary of its workers). */
export class Instance extends Child {
  readonly url: string;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly port: number,
    readonly env: Record<string, string>,
  ) {
    super();
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    if (await answers(`${this.url}/api/health`))
      throw new Error(`Port ${this.port} is already in use: set QUIRE_E2E_CLUSTER_PORT so that the next few are free.`);
    const child = this.spawn(process.execPath, [path.join(ROOT, "bin", "server.mjs")], {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      QUIRE_DATA_DIR: this.dataDir,
      HOST: "127.0.0.1",
      PORT: String(this.port),
      // The journeys' SMTP sink (e2e/fixtures/global-setup.ts); due posts and queued mail go quickly.
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      QUIRE_SCHEDULER_INTERVAL_MS: "500",
      QUIRE_OUTBOX_INTERVAL_MS: "500",
      QUIRE_OUTBOX_FIRST_RETRY_MS: "1000",
      // Generated per site, never given: whatever one instance makes, the others must use.
      AUTH_SECRET: "",
      QUIRE_COMMENTS_SECRET: "",
      QUIRE_IP_SALT: "",
      QUIRE_DISABLE_COMMENT_RATE_LIMITS: "0",
      // A JSON line per request would push the lines the journeys read ("worker … listening",
      // "… exited") out of the kept log.
      QUIRE_LOG_LEVEL: "warn",
      ...this.env,
    });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.name} exited while starting:\n${this.log.slice(-3000)}`);
      if (await answers(`${this.url}/api/health`)) return;
      await sleep(100);
    }
    throw new Error(`${this.name} did not answer within 120 s:\n${this.log.slice(-3000)}`);
  }

  /** The worker processes (QUIRE_WORKERS > 1) that said they are listening and are still alive. */
  workerPids(): number[] {
    const pids = [...this.log.matchAll(/\[quire\] worker (\d+) listening/g)].map((match) => Number(match[1]));
    return [...new Set(pids)].filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
  }
}

export type LoadOutcome = { requests: number; failures: string[] };

/**
 * Bounded read load: `connections` loops of GETs (the paths in turn) for `durationMs`.
 * Every answer other than a 200, and every network error, is a failure.
 */
export async function readLoad(
  origin: string,
  paths: string[],
  { connections, durationMs }: { connections: number; durationMs: number },
): Promise<LoadOutcome> {
  const until = Date.now() + durationMs;
  const failures: string[] = [];
  let requests = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      let i = loop;
      while (Date.now() < until) {
        const url = origin + paths[i++ % paths.length];
        requests++;
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
          await response.arrayBuffer();
          if (response.status !== 200) failures.push(`${response.status} ${url}`);
        } catch (error) {
          failures.push(`${(error as Error).message} ${url}`);
        }
      }
    }),
  );
  return { requests, failures };
}
