// Run by shared-state.test.ts, several at once over one site (a data folder and, on
// PostgreSQL, the database DATABASE_URL names): each child loads the app's modules, says
// "ready", waits for "go" on stdin (so all start the work at the same moment) and prints
// its result as one JSON line.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const [command, ...args] = process.argv.slice(2) as [string, ...string[]];

async function load(): Promise<() => unknown> {
  switch (command) {
    case "migrate": {
      const { databaseKind } = await import("../db/kind");
      if (databaseKind() === "postgres") {
        // As `npm start` migrates PostgreSQL: a client of its own, under the migrator's advisory lock.
        const { default: pg } = await import("pg");
        const { runPgMigrations } = await import("../db/pg/migrate");
        return async () => {
          const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
          await client.connect();
          try {
            return { applied: await runPgMigrations(client) };
          } finally {
            await client.end();
          }
        };
      }
      const { openDatabase, databaseFile } = await import("../db/connection");
      const { runMigrations } = await import("../db/migrate");
      return () => {
        const db = openDatabase(databaseFile(process.env.QUIRE_DATA_DIR!));
        return { applied: runMigrations(db.$client) };
      };
    }
    case "secrets": {
      const { persistentSecret } = await import("../lib/security/secrets");
      // The site's three, then many more: each name is one more race between the processes.
      const names = [
        "auth",
        "comments",
        "ip-salt",
        ...Array.from({ length: Number(args[0] ?? 0) }, (_, i) => `race-${i}`),
      ];
      return () => Object.fromEntries(names.map((name) => [name, persistentSecret(name, "")]));
    }
    case "comment": {
      const { consumeCommentLimits } = await import("../lib/comments/rate-limit");
      const [times, email] = args as [string, string];
      return async () => {
        const answers = [];
        // A fresh sender each time (one address): only the post's and the address's caps apply.
        for (let i = 0; i < Number(times); i++)
          answers.push(await consumeCommentLimits({ ipHash: "shared-office", email: `${i}.${email}`, postId: 1 }));
        return answers;
      };
    }
    case "comment-burst": {
      // The same, all at once: as many checks in flight as the process has connections and more.
      const { consumeCommentLimits } = await import("../lib/comments/rate-limit");
      const [times, email] = args as [string, string];
      return () =>
        Promise.all(
          Array.from({ length: Number(times) }, (_, i) =>
            consumeCommentLimits({ ipHash: "shared-office", email: `${i}.${email}`, postId: 1 }),
          ),
        );
    }
    case "sign-in-burst": {
      const { throttledSignIn } = await import("../lib/security/throttle");
      return async () => {
        let checked = 0;
        const verify = async () => (checked++, false);
        await Promise.all(Array.from({ length: Number(args[0]) }, () => throttledSignIn("owner@example.com", verify)));
        return { checked };
      };
    }
    case "sign-in": {
      const { throttledSignIn } = await import("../lib/security/throttle");
      return async () => {
        let checked = 0;
        const verify = async () => (checked++, false);
        for (let i = 0; i < Number(args[0]); i++) await throttledSignIn("owner@example.com", verify);
        return { checked };
      };
    }
    case "drain": {
      const { processOutbox } = await import("../lib/jobs/outbox");
      const log = args[0]!;
      const deliver = async (item: { id: number }) => {
        fs.appendFileSync(log, `${item.id} ${process.pid}\n`);
        await sleep(2); // a delivery takes a moment, so the processes interleave
        return { ok: true as const };
      };
      return async () => {
        let tried = 0;
        for (let n; (n = await processOutbox({ email: deliver, webhook: deliver })) > 0;) tried += n;
        return { tried };
      };
    }
    case "claim-and-hang": {
      // Takes one item, says so, and never finishes it: the parent kills it (kill -9).
      const { processOutbox } = await import("../lib/jobs/outbox");
      const hang = async (item: { id: number }) => {
        process.stdout.write(`claimed ${item.id} by ${process.pid}\n`);
        return new Promise<never>(() => {});
      };
      return () => processOutbox({ email: hang, webhook: hang }, { leaseMs: Number(args[0]) });
    }
    case "schedule": {
      const { runScheduledPublishing } = await import("../lib/jobs/scheduler");
      return async () => {
        const published = [];
        for (let i = 0; i < 3; i++) published.push(...(await runScheduledPublishing()).map((post) => post.id));
        return { published };
      };
    }
    default:
      throw new Error(`unknown command ${command} (data folder ${path.basename(process.env.QUIRE_DATA_DIR ?? "")})`);
  }
}

void load().then((work) => {
  process.stdout.write("ready\n");
  process.stdin.once("data", () => {
    Promise.resolve()
      .then(work)
      .then((result) => {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  });
});
