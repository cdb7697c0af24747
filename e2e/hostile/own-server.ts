// A Quire server of the test's own: a fresh data folder (and on PostgreSQL a database of
// its own), seeded directly, served by `node bin/server.mjs` (what `npm start` runs) from
// the build the journeys already made, so a test may SIGKILL it, restart it, back it up
// or boot it on a restore without touching the shared e2e server.
import { spawn, type ChildProcess } from "node:child_process";
import { createCipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { openDatabase } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { runPgMigrations } from "../../db/pg/migrate";
import { createTestDatabase, dropTestDatabase, urlOf } from "../../test/postgres-server";
import { connected, disconnect, transaction, type Sql, type Target } from "../fixtures/db";

export const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

// Fixed secrets, so the test can sign what a real client would hold (a form token, an
// Admin API JWT) without reading the server's data folder.
export const SECRETS = {
  AUTH_SECRET: "crash-suite-auth-secret-0123456789abcdef",
  QUIRE_COMMENTS_SECRET: "crash-suite-comments-secret-0123456789abcdef",
  QUIRE_IP_SALT: "crash-suite-ip-salt-0123",
};

/**
 * Ports for the servers these specs start, clear of the shared one: QUIRE_E2E_PORT + 1
 * crash safety, + 2 concurrency, + 3 and + 4 backup → boot, + 5 sqlmap, + 6 observability.
 */
export function extraPort(offset: number): number {
  return Number(process.env.QUIRE_E2E_PORT ?? 3100) + offset;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type Site = {
  dataDir: string;
  /** Its database: the data folder's SQLite file, or (`makeSite`'s `postgres`) a PostgreSQL database of its own. */
  target: Target;
  /** PostgreSQL: the database's name, dropped by `dropSiteDatabase`. */
  database: string | null;
  /** What its servers are told besides the data folder: on PostgreSQL, DATABASE_URL. */
  env: Record<string, string>;
  ownerId: number;
  posts: { id: number; slug: string }[];
  adminKey: { id: string; secret: string };
  contentKey: string;
};

// lib/integrations/api-keys.ts encrypts Admin secrets with a key derived from AUTH_SECRET; it is
// server-only, so the same few lines are repeated here to seed an integration.
function encryptAdminSecret(plain: string): string {
  const key = Buffer.from(hkdfSync("sha256", SECRETS.AUTH_SECRET, "quire", "quire admin api key secrets v1", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

/**
 * A migrated site with an owner, `postCount` published posts and an admin integration: in
 * a new data folder's SQLite file, or (`postgres`) in a new database on the local PostgreSQL
 * server, with a data folder of its own for everything else.
 */
export async function makeSite(postCount: number, prefix = "quire-hostile-", { postgres = false } = {}): Promise<Site> {
  const dataDir = tempDir(prefix);
  let site: Pick<Site, "target" | "database" | "env">;
  if (postgres) {
    const database = await createTestDatabase(prefix.replace(/\W+/g, "_").replace(/_+$/, ""));
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      await runPgMigrations(client);
    } finally {
      await client.end();
    }
    site = { target: { postgresUrl: urlOf(database) }, database, env: { DATABASE_URL: urlOf(database) } };
  } else {
    const db = openDatabase(path.join(dataDir, "quire.db")).$client;
    try {
      runMigrations(db);
    } finally {
      db.close();
    }
    site = { target: { sqliteFile: path.join(dataDir, "quire.db") }, database: null, env: {} };
  }
  return transaction(async (db) => {
    const ownerId = await db.insert(
      "INSERT INTO users (email, name, slug, role, password_hash) VALUES ('owner@example.com', 'Olive Owner', 'olive', 'owner', 'x')",
    );
    await db.run("INSERT INTO settings (key, value) VALUES ('title', '\"Hostile\"'), ('commentPolicy', '\"publish\"')");
    const posts: Site["posts"] = [];
    for (let i = 0; i < postCount; i++) {
      const slug = `hostile-post-${i}`;
      const id = await db.insert(
        "INSERT INTO posts (title, slug, status, published_at, author_id, markdown, html, plaintext) VALUES (?, ?, 'published', ?, ?, ?, ?, ?)",
        `Hostile post ${i}`,
        slug,
        db.time(Date.UTC(2024, 0, 1 + i)),
        ownerId,
        `Body ${i}.`,
        `<p>Body ${i}.</p>`,
        `Body ${i}.`,
      );
      posts.push({ id, slug });
    }
    // One tag on every post, for the tag archive and the API's filter.
    const tag = await db.insert("INSERT INTO tags (name, slug) VALUES ('News', 'news')");
    for (const post of posts)
      await db.run("INSERT INTO post_tags (post_id, tag_id, position) VALUES (?, ?, 0)", post.id, tag);
    const integration = await db.insert(
      "INSERT INTO integrations (name, role, created_by) VALUES ('Hostile suite', 'admin', ?)",
      ownerId,
    );
    const adminKey = { id: randomBytes(12).toString("hex"), secret: randomBytes(32).toString("hex") };
    const contentKey = randomBytes(13).toString("hex");
    await db.run(
      "INSERT INTO api_keys (id, integration_id, type, secret_encrypted) VALUES (?, ?, 'admin', ?)",
      adminKey.id,
      integration,
      encryptAdminSecret(adminKey.secret),
    );
    await db.run(
      "INSERT INTO api_keys (id, integration_id, type, secret_hash) VALUES (?, ?, 'content', ?)",
      randomBytes(12).toString("hex"),
      integration,
      createHash("sha256").update(contentKey).digest("hex"),
    );
    return { dataDir, ...site, ownerId, posts, adminKey, contentKey };
  }, site.target);
}

/** Drops a PostgreSQL site's database (the data folders stay, as on SQLite, in the temp folder). */
export async function dropSiteDatabase(site: Site): Promise<void> {
  if (!site.database || !("postgresUrl" in site.target)) return;
  await disconnect(site.target.postgresUrl);
  await dropTestDatabase(site.database);
}

/** Reads (or writes) the site's database directly, on either kind. */
export function siteDb<T>(site: Site, fn: (db: Sql) => Promise<T>): Promise<T> {
  return connected(fn, site.target);
}

/**
 * The database's own consistency check, "ok" when it passes: SQLite's integrity_check; on
 * PostgreSQL, amcheck's verification of every B-tree index of the site's tables against
 * the index's ordering and against the rows it must hold (heapallindexed).
 */
export function integrityCheck(site: Site): Promise<string> {
  return siteDb(site, async (db) => {
    if (!site.database) {
      const rows = await db.query<{ integrity_check: string }>("PRAGMA integrity_check");
      return rows.map((row) => row.integrity_check).join("; ");
    }
    await db.run("CREATE EXTENSION IF NOT EXISTS amcheck");
    const indexes = await db.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = 'public'",
    );
    const problems: string[] = [];
    for (const { name } of indexes) {
      await db.query("SELECT bt_index_check(?::regclass, true)", `public."${name}"`).catch((error: Error) => {
        problems.push(`${name}: ${error.message}`);
      });
    }
    if (indexes.length === 0) problems.push("no index was checked");
    return problems.length ? problems.join("; ") : "ok";
  });
}

// A test that dies (a timeout, a crash) must not leave its servers running.
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

const PROBLEM = /SQLITE_|database is locked|\bfailed\b|Error|⨯/;

export class QuireServer {
  readonly url: string;
  private child: ChildProcess | null = null;
  /** The end of what the server printed (for a failure message). */
  log = "";
  /** Every line it printed, across restarts, that names an error, a busy database or a failure. */
  problems: string[] = [];

  constructor(
    readonly dataDir: string,
    readonly port: number,
    /** Settings of this server's own, over the defaults below. */
    readonly env: Record<string, string> = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    // Another server on the port would answer the health check in this one's place.
    const taken = await fetch(`${this.url}/api/health`).then(
      () => true,
      () => false,
    );
    if (taken)
      throw new Error(`Port ${this.port} is already in use: set QUIRE_E2E_PORT so that the next few ports are free.`);
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "server.mjs")], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...SECRETS,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        QUIRE_DATA_DIR: this.dataDir,
        HOST: "127.0.0.1",
        PORT: String(this.port),
        QUIRE_DISABLE_COMMENT_RATE_LIMITS: "1",
        SMTP_URL: "",
        // A line per request would bury what the specs look for in the log.
        QUIRE_LOG_LEVEL: "warn",
        ...this.env,
      },
    });
    this.child = child;
    live.add(child);
    child.once("exit", () => live.delete(child));
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      this.log = (this.log + text).slice(-20_000);
      this.problems.push(...text.split("\n").filter((line) => PROBLEM.test(line)));
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`The server exited while starting:\n${this.log.slice(-3000)}`);
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The server did not answer within 90 s:\n${this.log.slice(-3000)}`);
  }

  /** SIGKILL: no shutdown hook runs, as in a crash or the OOM killer. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  stop(): Promise<void> {
    return this.kill("SIGTERM");
  }
}

/** Runs the real CLI (`quire <args>`) against a data folder. */
export function quireCli(
  dataDir: string,
  args: string[],
  // A site's own (Site.env): on PostgreSQL, the database the command works on.
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["--conditions=react-server", path.join(ROOT, "bin", "quire.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...SECRETS, QUIRE_DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk) => (stdout += chunk));
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Reads a data folder's database directly (read-only), e.g. after the last restart. */
export function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, "quire.db"), { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return read(db);
  } finally {
    db.close();
  }
}
