// Issue 6, point 8: SIGKILL the server at random moments while clients post comments
// (the no-JavaScript form's POST) and save posts (Admin API edits); after the last
// restart every acknowledged write is there and the database passes its consistency check.
// On a SQLite file, or, when the journeys run on PostgreSQL (QUIRE_E2E_DATABASE_URL), on a
// PostgreSQL database of its own. The long run: `npm run test:crash -- --rounds 100` (e2e/hostile/crash-long-run.ts).
import { expect, test } from "../fixtures/test";
import { onPostgres } from "../fixtures/db";
import { runCrashHarness } from "./crash-harness";
import { extraPort } from "./own-server";

test("10 SIGKILLs during 1,000 comments and 200 post saves lose no acknowledged write", async () => {
  // About a minute on a quiet 2-core machine; the margin is for a busy one.
  test.setTimeout(600_000);
  const report = await runCrashHarness({
    rounds: 10,
    comments: 1000,
    saves: 200,
    port: extraPort(1),
    postgres: onPostgres(),
    log: (line) => console.log(`[crash] ${line}`),
  });
  console.log(`[crash] ${JSON.stringify(report)}`);

  expect(report.rounds).toBe(10);
  expect(report.comments.attempted).toBe(1000);
  expect(report.saves.attempted).toBe(200);
  expect(report.refusals).toEqual([]);
  expect(report.comments.lost).toEqual([]);
  expect(report.saves.lost).toEqual([]);
  expect(report.inconsistentPosts).toEqual([]);
  expect(report.integrity).toBe("ok");
  expect(report.serverProblems).toEqual([]);
  // The harness really did crash the server mid-write and the site answered after each restart.
  expect(report.comments.acknowledged + report.saves.acknowledged).toBeGreaterThan(900);
});
