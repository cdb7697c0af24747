// Several processes over one data folder, started at the same moment, behave as one
// site: one migrates, one set of secrets, shared rate limits, each outbox item and
// each scheduled post handled once. Real child processes over one real SQLite file, or,
// when the file runs on PostgreSQL, over one database of the test's own (cli-run.ts tempSite()).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { databaseFile, openDatabase } from "../db/connection";
import { migrationStatus, runMigrations } from "../db/migrate";
import { pgMigrationStatus, runPgMigrations } from "../db/pg/migrate";
import { cliEnv, MIGRATION_COUNT, onPostgres, readDb, ROOT, siteDatabase, tempSite } from "./cli-run";
import { journalLength, siteRows } from "./cli-users";
import { connectTo } from "./postgres";

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const CHILD = path.join(ROOT, "test", "shared-state-child.ts");

type Run = { code: number | null; result: unknown; stderr: string };

/** One child: `ready` once it has loaded, `output` its stdout so far, `done` when it ends. */
function start(dataDir: string, args: string[]) {
  const env = cliEnv(dataDir, { QUIRE_DISABLE_COMMENT_RATE_LIMITS: "" });
  const child = spawn(TSX, ["--conditions=react-server", CHILD, ...args], { cwd: ROOT, env });
  let stdout = "";
  let stderr = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.startsWith("ready\n")) resolve();
    });
    child.on("exit", () => reject(new Error(`child ${args.join(" ")} exited before it was ready: ${stderr}`)));
  });
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code) => {
      // The result is the last line; the app may have logged before it.
      const line = stdout.trim().split("\n").at(-1);
      resolve({ code, result: line?.startsWith("{") || line?.startsWith("[") ? JSON.parse(line) : null, stderr });
    }),
  );
  return { child, ready, done, output: () => stdout };
}

/** Starts one child per command line, waits until every one is loaded, then says "go" to all at once. */
async function together(dataDir: string, commands: string[][]): Promise<Run[]> {
  const children = commands.map((args) => start(dataDir, args));
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.stdin.write("go\n");
  const runs = await Promise.all(children.map((c) => c.done));
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  return runs;
}

/** Writes to a new site's database: `?` placeholders, and times as each dialect stores them. */
type Seed = { run(query: string, ...params: unknown[]): Promise<void>; time(ms: number): unknown };

/** A migrated site with its owner and one published post (id 1). */
async function newSite(extra: (db: Seed) => Promise<void> = async () => {}): Promise<string> {
  const dir = await tempSite("quire-shared-");
  await withSeed(dir, async (db) => {
    await db.run(
      "INSERT INTO users (email, name, slug, role, password_hash) VALUES ('owner@example.com', 'Ada', 'ada', 'owner', 'h')",
    );
    await db.run(
      "INSERT INTO posts (title, slug, author_id, status, published_at) VALUES ('Hello', 'hello', 1, 'published', ?)",
      db.time(Date.now() - 60_000),
    );
    await extra(db);
  });
  return dir;
}

async function withSeed(dir: string, seed: (db: Seed) => Promise<void>): Promise<void> {
  const database = siteDatabase(dir);
  if (!database) {
    const db = openDatabase(databaseFile(dir));
    runMigrations(db.$client);
    try {
      await seed({ run: async (query, ...params) => void db.$client.prepare(query).run(...params), time: (ms) => ms });
    } finally {
      db.$client.close();
    }
    return;
  }
  const client = await connectTo(database);
  try {
    await runPgMigrations(client);
    await seed({
      run: async (query, ...params) => {
        let n = 0;
        await client.query(
          query.replace(/\?/g, () => `$${++n}`),
          params,
        );
      },
      time: (ms) => new Date(ms),
    });
  } finally {
    await client.end();
  }
}

const rows = <T>(dir: string, query: string) => siteRows<T>(dir, query);

/** What the migrator itself says of the site's database. */
async function migrationState(dir: string) {
  const database = siteDatabase(dir);
  if (!database) return readDb(databaseFile(dir), (db) => migrationStatus(db));
  const client = await connectTo(database);
  try {
    return await pgMigrationStatus(client);
  } finally {
    await client.end();
  }
}

describe("processes starting at once on a new data folder", () => {
  test("one applies the migrations, the others wait and find nothing left to do", async () => {
    const dir = await tempSite("quire-shared-");
    const runs = await together(
      dir,
      Array.from({ length: 4 }, () => ["migrate"]),
    );
    const applied = runs.map((run) => (run.result as { applied: number }).applied).sort((a, b) => b - a);
    expect(applied).toEqual([MIGRATION_COUNT, 0, 0, 0]);
    expect(await migrationState(dir)).toMatchObject({ current: true, applied: MIGRATION_COUNT });
    expect(await journalLength(dir)).toBe(MIGRATION_COUNT);
  }, 120_000);

  // On PostgreSQL the secrets are given to every instance in the environment (lib/env.ts
  // SHARED_SECRETS): no process generates them, so there is no race to test.
  test.skipIf(onPostgres)(
    "all generate the same secrets, none of them empty",
    async () => {
      const dir = await tempSite("quire-shared-");
      // Besides the site's three, 300 more names: each is one more race between the processes.
      const runs = await together(
        dir,
        Array.from({ length: 4 }, () => ["secrets", "300"]),
      );
      const [first, ...rest] = runs.map((run) => run.result as Record<string, string>);
      expect(Object.keys(first!)).toHaveLength(303);
      for (const [name, secret] of Object.entries(first!)) {
        expect(secret).toMatch(/^[\w-]{43}$/);
        expect(fs.readFileSync(path.join(dir, `${name}.secret`), "utf8").trim()).toBe(secret);
      }
      for (const other of rest) expect(other).toEqual(first);
      // No drafts left behind: only the secrets.
      expect(fs.readdirSync(dir).filter((name) => !name.endsWith(".secret"))).toEqual([]);
    },
    120_000,
  );
});

describe("rate limits shared by every process", () => {
  test("one comment per 15 s from a sender: two processes at once, one is refused", async () => {
    const dir = await newSite();
    const runs = await together(dir, [
      ["comment", "1", "reader@example.com"],
      ["comment", "1", "reader@example.com"],
    ]);
    const answers = runs.flatMap((run) => run.result as (string | null)[]);
    expect(answers.filter((answer) => answer === null)).toHaveLength(1);
    expect(answers).toContain("You are commenting very quickly. Please wait a few seconds and send again.");
  }, 120_000);

  test("twenty comments a minute on one post: thirty from two processes, twenty accepted", async () => {
    const dir = await newSite();
    const runs = await together(dir, [
      ["comment", "15", "left@example.com"],
      ["comment", "15", "right@example.com"],
    ]);
    const answers = runs.flatMap((run) => run.result as (string | null)[]);
    expect(answers.filter((answer) => answer === null)).toHaveLength(20);
    expect(answers.filter((answer) => answer === "Too many comments for now. Please try again later.")).toHaveLength(
      10,
    );
  }, 120_000);

  // Each check counts whatever else is in flight; on PostgreSQL a check that aborted on a
  // concurrent one (40001) until its retries ran out would fail the comment POST itself.
  test("a burst of comments on one post, sixty at once from two processes: twenty accepted, every check answered", async () => {
    const dir = await newSite();
    const runs = await together(dir, [
      ["comment-burst", "30", "left@example.com"],
      ["comment-burst", "30", "right@example.com"],
    ]);
    const answers = runs.flatMap((run) => run.result as (string | null)[]);
    expect(answers).toHaveLength(60);
    expect(answers.filter((answer) => answer === null)).toHaveLength(20);
    expect(answers.filter((answer) => answer === "Too many comments for now. Please try again later.")).toHaveLength(
      40,
    );
  }, 120_000);

  test("five free sign-in guesses per account, however many processes take them", async () => {
    const dir = await newSite();
    const runs = await together(dir, [
      ["sign-in", "5"],
      ["sign-in", "5"],
      ["sign-in", "5"],
    ]);
    expect(runs.reduce((sum, run) => sum + (run.result as { checked: number }).checked, 0)).toBe(5);
  }, 120_000);

  test("sign-in guesses fired all at once, thirty from three processes: still five checked", async () => {
    const dir = await newSite();
    const runs = await together(dir, [
      ["sign-in-burst", "10"],
      ["sign-in-burst", "10"],
      ["sign-in-burst", "10"],
    ]);
    expect(runs.reduce((sum, run) => sum + (run.result as { checked: number }).checked, 0)).toBe(5);
  }, 120_000);
});

describe("jobs done once across processes", () => {
  test("three processes draining one outbox deliver each item exactly once", async () => {
    const dir = await newSite(async (db) => {
      for (let i = 0; i < 60; i++)
        await db.run(
          "INSERT INTO outbox (kind, payload, next_attempt_at) VALUES ('email', ?, ?)",
          JSON.stringify({ to: `r${i}@example.com` }),
          db.time(Date.now() - 1000),
        );
    });
    const log = path.join(dir, "deliveries.log");
    const runs = await together(dir, [
      ["drain", log],
      ["drain", log],
      ["drain", log],
    ]);
    const deliveries = fs.readFileSync(log, "utf8").trim().split("\n");
    const ids = deliveries.map((line) => Number(line.split(" ")[0]));
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(runs.reduce((sum, run) => sum + (run.result as { tried: number }).tried, 0)).toBe(60);
    // More than one process took part (each claims one item at a time).
    expect(new Set(deliveries.map((line) => line.split(" ")[1])).size).toBeGreaterThan(1);
    expect(await rows(dir, "SELECT status, attempts, claimed_by, lease_until FROM outbox GROUP BY 1, 2, 3, 4")).toEqual(
      [{ status: "sent", attempts: 1, claimed_by: null, lease_until: null }],
    );
  }, 120_000);

  test("an item whose process was killed mid-delivery is delivered by another once the lease has passed", async () => {
    const dir = await newSite((db) =>
      db.run(
        "INSERT INTO outbox (kind, payload, next_attempt_at) VALUES ('email', ?, ?)",
        JSON.stringify({ to: "r@example.com" }),
        db.time(Date.now() - 1000),
      ),
    );
    const LEASE_MS = 5_000;
    const log = path.join(dir, "deliveries.log");
    // All three loaded first, so each starts its work the moment it is told.
    const doomed = start(dir, ["claim-and-hang", String(LEASE_MS)]);
    const early = start(dir, ["drain", log]);
    const late = start(dir, ["drain", log]);
    await Promise.all([doomed.ready, early.ready, late.ready]);
    doomed.child.stdin.write("go\n");
    let claimed: RegExpMatchArray | null;
    while (!(claimed = doomed.output().match(/claimed 1 by (\d+)/))) await sleep(20);
    const claimedAt = Date.now();
    // The process itself (tsx runs the script in a child of its own), killed as a crash would.
    process.kill(Number(claimed[1]), "SIGKILL");
    await doomed.done;
    expect(
      await rows(dir, "SELECT status, attempts, CASE WHEN claimed_by IS NULL THEN 0 ELSE 1 END AS claimed FROM outbox"),
    ).toEqual([{ status: "pending", attempts: 0, claimed: 1 }]);

    // While the lease holds, nobody else takes the item.
    early.child.stdin.write("go\n");
    expect((await early.done).result).toEqual({ tried: 0 });
    await sleep(claimedAt + LEASE_MS - Date.now());
    late.child.stdin.write("go\n");
    expect((await late.done).result).toEqual({ tried: 1 });
    expect(fs.readFileSync(log, "utf8").trim().split("\n")).toHaveLength(1);
    expect(await rows(dir, "SELECT status, attempts, claimed_by FROM outbox")).toEqual([
      { status: "sent", attempts: 1, claimed_by: null },
    ]);
  }, 120_000);

  test("two schedulers publish a due post once, with one webhook delivery per subscription", async () => {
    const dir = await newSite(async (db) => {
      await db.run(
        "INSERT INTO posts (title, slug, author_id, status, published_at) VALUES ('Later', 'later', 1, 'scheduled', ?)",
        db.time(Date.now() - 1000),
      );
      await db.run("INSERT INTO integrations (name) VALUES ('Receiver')");
      for (const target of ["https://one.example/hook", "https://two.example/hook"])
        await db.run(
          "INSERT INTO webhooks (integration_id, event, target_url) VALUES (1, 'post.published', ?)",
          target,
        );
    });
    const runs = await together(dir, [["schedule"], ["schedule"]]);
    expect(runs.flatMap((run) => (run.result as { published: number[] }).published)).toEqual([2]);
    expect(await rows(dir, "SELECT status FROM posts WHERE id = 2")).toEqual([{ status: "published" }]);
    expect(await rows(dir, "SELECT webhook_id, kind FROM outbox ORDER BY webhook_id")).toEqual([
      { webhook_id: 1, kind: "webhook" },
      { webhook_id: 2, kind: "webhook" },
    ]);
    expect(await rows(dir, "SELECT action, actor_label FROM audit_log")).toEqual([
      { action: "post.publish", actor_label: "scheduler" },
    ]);
    expect(await rows(dir, "SELECT kind FROM revisions WHERE post_id = 2")).toEqual([{ kind: "publish" }]);
  }, 120_000);
});
