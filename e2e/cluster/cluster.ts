// Several Quire processes over one site, for the cluster journeys: instances
// (`node bin/server.mjs`, what `npm start` runs after migrating) behind Debian's nginx
// with the configuration shipped in docs/deploy/nginx.conf, or one server with
// QUIRE_WORKERS. On SQLite they share one data folder, and secrets are left for the
// instances to generate, as on a real site, so a session made by one is accepted by the
// others only if they share them. On PostgreSQL each instance has a data folder of its
// own, and all are given the same secrets (lib/env.ts requires them with DATABASE_URL).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { openDatabase } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { runPgMigrations } from "../../db/pg/migrate";
import { createTestDatabase, dropTestDatabase, urlOf } from "../../test/postgres-server";
import { connected, disconnect, type Sql, type Target } from "../fixtures/db";
import { SMTP_PORT } from "../fixtures/smtp";
import { answers, Child, sleep } from "./processes";

export { Nginx, NGINX } from "./processes";

export const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Ports of the cluster journeys, clear of the shared server's and the hostile suite's:
 * QUIRE_E2E_CLUSTER_PORT (default QUIRE_E2E_PORT + 20) is nginx, + 1, + 2 and + 3 the
 * instances A, B and C (on SQLite, then on PostgreSQL: the journeys run one file at a
 * time), + 4 the QUIRE_WORKERS server.
 */
export function clusterPort(offset: number): number {
  const base = Number(process.env.QUIRE_E2E_CLUSTER_PORT ?? Number(process.env.QUIRE_E2E_PORT ?? 3100) + 20);
  return base + offset;
}

export const STAFF = { email: "cluster-owner@example.com", password: "cluster owner password 1" };

// What every instance of a PostgreSQL site is given: secrets no data folder could share.
const SHARED_SECRETS = {
  AUTH_SECRET: "cluster-auth-secret-of-at-least-thirty-two-characters",
  QUIRE_COMMENTS_SECRET: "cluster-comments-secret-of-at-least-thirty-two-characters",
  QUIRE_IP_SALT: "cluster-ip-salt-of-sixteen",
};

export type ClusterSite = {
  /** Where its rows are: the data folder's SQLite file, or a PostgreSQL database made for it. */
  target: Target;
  /** SQLite: the data folder every instance shares. PostgreSQL: none, each instance has its own. */
  dataDir: string | null;
  /** PostgreSQL: the database's name, dropped with the site. */
  database: string | null;
  ownerId: number;
  post: { id: number; slug: string; title: string };
};

/**
 * A migrated site with an owner who can sign in and one published post open to comments:
 * a data folder's SQLite file, or (`postgres`) a database of its own on the local server.
 */
export async function makeClusterSite({ postgres = false } = {}): Promise<ClusterSite> {
  const passwordHash = await hash(STAFF.password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  let site: Pick<ClusterSite, "target" | "dataDir" | "database">;
  if (postgres) {
    const database = await createTestDatabase("quire_cluster");
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      await runPgMigrations(client);
    } finally {
      await client.end();
    }
    site = { target: { postgresUrl: urlOf(database) }, dataDir: null, database };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-cluster-"));
    const db = openDatabase(path.join(dataDir, "quire.db")).$client;
    try {
      runMigrations(db);
    } finally {
      db.close();
    }
    site = { target: { sqliteFile: path.join(dataDir, "quire.db") }, dataDir, database: null };
  }
  return connected(async (db) => {
    const ownerId = await db.insert(
      "INSERT INTO users (email, name, slug, role, password_hash) VALUES (?, 'Clara Cluster', 'clara', 'owner', ?)",
      STAFF.email,
      passwordHash,
    );
    await db.run(
      "INSERT INTO settings (key, value) VALUES ('title', '\"Cluster\"'), ('commentPolicy', '\"publish\"'), ('webhooksAllowPrivate', 'true')",
    );
    const post = { slug: "the-shared-post", title: "The shared post" };
    const id = await db.insert(
      "INSERT INTO posts (title, slug, status, published_at, author_id, markdown, html, plaintext) VALUES (?, ?, 'published', ?, ?, 'Body.', '<p>Body.</p>', 'Body.')",
      post.title,
      post.slug,
      db.time(Date.now() - 60_000),
      ownerId,
    );
    return { ...site, ownerId, post: { id, ...post } };
  }, site.target);
}

/** Removes the site: its data folder, or its database. */
export async function removeClusterSite(site: ClusterSite): Promise<void> {
  if (site.dataDir) fs.rmSync(site.dataDir, { recursive: true, force: true });
  if (site.database && "postgresUrl" in site.target) {
    await disconnect(site.target.postgresUrl);
    await dropTestDatabase(site.database);
  }
}

/**
 * Where one more instance of the site keeps its files, and what it is told: on SQLite the
 * shared data folder; on PostgreSQL a new folder of its own (removed by the caller), the
 * database and the shared secrets.
 */
export function instanceSetup(site: ClusterSite): { dataDir: string; env: Record<string, string> } {
  if (site.dataDir) return { dataDir: site.dataDir, env: {} };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-cluster-instance-"));
  return { dataDir, env: { DATABASE_URL: (site.target as { postgresUrl: string }).postgresUrl, ...SHARED_SECRETS } };
}

/** Writes to (or reads) the site's database directly, as test set-up (a scheduled post, a webhook). */
export function writeDb<T>(site: ClusterSite, write: (db: Sql) => Promise<T>): Promise<T> {
  return connected(write, site.target);
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
