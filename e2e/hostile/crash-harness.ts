// The crash harness (issue 6, point 8): clients post comments and save posts through
// the real paths while the server is SIGKILLed at random moments and restarted. Every
// write the server acknowledged must be in the database afterwards, and the database must
// pass its own consistency check (SQLite's `PRAGMA integrity_check`; on PostgreSQL,
// amcheck over every index: see own-server.ts). Used by e2e/hostile/crash-safety.spec.ts (10 rounds)
// and by `npm run test:crash -- --rounds N` (the long run, e2e/hostile/crash-long-run.ts).
import { prng } from "../../bin/cli/bench-content";
import { QuireServer, dropSiteDatabase, integrityCheck, makeSite, siteDb, type Site } from "./own-server";
import { commentFormFields, postComment, readPostVersion, savePost } from "./write-clients";

export type CrashOptions = {
  rounds: number;
  comments: number;
  saves: number;
  port: number;
  seed?: number;
  commentClients?: number;
  log?: (line: string) => void;
  /** On a PostgreSQL database of its own instead of a SQLite file. */
  postgres?: boolean;
};

export type CrashReport = {
  seed: number;
  rounds: number;
  comments: {
    attempted: number;
    acknowledged: number;
    refused: number;
    unanswered: number;
    unansweredButStored: number;
    lost: string[];
  };
  saves: {
    attempted: number;
    acknowledged: number;
    conflicts: number;
    refused: number;
    unanswered: number;
    unansweredButStored: number;
    lost: string[];
  };
  refusals: string[];
  integrity: string;
  inconsistentPosts: string[];
  serverProblems: string[];
  seconds: number;
};

export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  // Seeded, so a failing run can be replayed with its printed seed.
  const rand = prng(seed);
  const log = options.log ?? (() => {});
  // Comments spread over many posts: each comment POST renders its post's whole thread,
  // and the harness measures durability, not the speed of a 1,000-comment page.
  const commentPostCount = Math.max(3, Math.ceil(options.comments / 50));
  const site: Site = await makeSite(commentPostCount + 4, "quire-crash-", { postgres: options.postgres });
  const commentPosts = site.posts.slice(0, commentPostCount);
  const savedPosts = site.posts.slice(commentPostCount);
  const server = new QuireServer(site.dataDir, options.port, site.env);
  await server.start();
  const actionFields = await commentFormFields(server.url, commentPosts[0]!.slug);
  // Each post's form carries the same action reference; the post id travels as a field.

  const run = `run-${seed}`;
  const total = options.comments + options.saves;
  let done = 0;
  const report: CrashReport = {
    seed,
    rounds: 0,
    comments: { attempted: 0, acknowledged: 0, refused: 0, unanswered: 0, unansweredButStored: 0, lost: [] },
    saves: { attempted: 0, acknowledged: 0, conflicts: 0, refused: 0, unanswered: 0, unansweredButStored: 0, lost: [] },
    refusals: [],
    integrity: "",
    inconsistentPosts: [],
    serverProblems: [],
    seconds: 0,
  };
  const ackedComments: string[] = [];
  const unansweredComments: string[] = [];
  const ackedSaves: { postId: number; markdown: string }[] = [];
  const unansweredSaves: { postId: number; markdown: string }[] = [];

  // Clients wait while the server is down, so writes are lost only by a kill that lands
  // while they are in flight, never by knocking on a closed port.
  let ready: Promise<void> = Promise.resolve();

  async function commentClient(next: () => number | null) {
    for (let i = next(); i !== null; i = next()) {
      await ready;
      const post = commentPosts[i % commentPosts.length]!;
      const body = `Comment ${i} of ${run}: ${"durable words ".repeat(1 + (i % 20))}`.trim();
      report.comments.attempted++;
      const result = await postComment(server.url, post, actionFields, {
        name: `Reader ${i % 50}`,
        email: `reader-${i % 50}@example.com`,
        body,
      });
      if (result.outcome === "acknowledged") ackedComments.push(body);
      else if (result.outcome === "no_answer") unansweredComments.push(body);
      else report.refusals.push(`comment ${i}: ${result.status} ${result.detail}`);
      done++;
    }
  }

  async function saveClient() {
    const versions = new Map<number, string>();
    for (let n = 0; n < options.saves; n++) {
      const post = savedPosts[n % savedPosts.length]!;
      await ready;
      let version = versions.get(post.id) ?? (await readPostVersion(server.url, site.adminKey, post.id));
      while (!version) {
        await ready; // killed while reading: read again once it is back
        version = await readPostVersion(server.url, site.adminKey, post.id);
      }
      const markdown = `Save ${n} of ${run}.\n\n${"A paragraph that must survive. ".repeat(1 + (n % 30))}`.trim();
      report.saves.attempted++;
      const result = await savePost(server.url, site.adminKey, post.id, version, markdown);
      if (result.outcome === "acknowledged") {
        ackedSaves.push({ postId: post.id, markdown });
        versions.set(post.id, result.updatedAt);
      } else {
        versions.delete(post.id); // it may or may not have been saved: read the version again
        if (result.outcome === "no_answer") unansweredSaves.push({ postId: post.id, markdown });
        else if (result.outcome === "conflict") report.saves.conflicts++;
        else report.refusals.push(`save ${n}: ${result.status} ${result.detail}`);
      }
      done++;
    }
  }

  // Kill points: random moments spread over the whole run, by how many writes are done.
  const killAt = Array.from({ length: options.rounds }, () => Math.floor((0.03 + rand() * 0.94) * total)).sort(
    (a, b) => a - b,
  );
  async function killer() {
    for (const threshold of killAt) {
      while (done < threshold) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, rand() * 120));
      let back!: () => void;
      ready = new Promise((resolve) => (back = resolve));
      await server.kill("SIGKILL");
      report.rounds++;
      log(`round ${report.rounds}: SIGKILL after ${done} of ${total} writes`);
      await server.start();
      back();
    }
  }

  let nextComment = 0;
  const takeComment = () => (nextComment < options.comments ? nextComment++ : null);
  try {
    await Promise.all([
      killer(),
      saveClient(),
      ...Array.from({ length: options.commentClients ?? 4 }, () => commentClient(takeComment)),
    ]);

    // After the last restart: every acknowledged write must be there.
    await siteDb(site, async (db) => {
      const stored = new Set(
        (await db.query<{ markdown: string }>("SELECT markdown FROM comments")).map((row) => row.markdown),
      );
      report.comments.lost = ackedComments.filter((body) => !stored.has(body));
      report.comments.unansweredButStored = unansweredComments.filter((body) => stored.has(body)).length;
      const revisions = new Set(
        (
          await db.query<{ post_id: number; markdown: string }>(
            "SELECT post_id, markdown FROM revisions WHERE kind = 'save'",
          )
        ).map((row) => `${row.post_id}\n${row.markdown}`),
      );
      const kept = (s: { postId: number; markdown: string }) => revisions.has(`${s.postId}\n${s.markdown}`);
      report.saves.lost = ackedSaves.filter((s) => !kept(s)).map((s) => s.markdown.split("\n")[0]!);
      report.saves.unansweredButStored = unansweredSaves.filter(kept).length;
      // Each post is its newest saved version: the row and its history agree.
      for (const post of savedPosts) {
        const [row] = await db.query<{ version: number; markdown: string }>(
          "SELECT version, markdown FROM posts WHERE id = ?",
          post.id,
        );
        const [newest] = await db.query<{ version: number; markdown: string }>(
          "SELECT version, markdown FROM revisions WHERE post_id = ? AND kind = 'save' ORDER BY version DESC LIMIT 1",
          post.id,
        );
        const saves = (
          await db.query<{ n: number }>(
            "SELECT count(*) AS n FROM revisions WHERE post_id = ? AND kind = 'save'",
            post.id,
          )
        )[0]!.n;
        if (
          !row ||
          !newest ||
          newest.version !== row.version ||
          newest.markdown !== row.markdown ||
          saves !== row.version - 1
        ) {
          report.inconsistentPosts.push(
            `post ${post.id}: version ${row?.version}, ${saves} saves, newest save ${newest?.version}`,
          );
        }
      }
    });
    report.integrity = await integrityCheck(site);
  } finally {
    await server.stop();
    await dropSiteDatabase(site);
  }
  report.comments.acknowledged = ackedComments.length;
  report.comments.unanswered = unansweredComments.length;
  report.comments.refused = report.comments.attempted - ackedComments.length - unansweredComments.length;
  report.saves.acknowledged = ackedSaves.length;
  report.saves.unanswered = unansweredSaves.length;
  report.saves.refused = report.saves.attempted - ackedSaves.length - unansweredSaves.length - report.saves.conflicts;
  report.serverProblems = server.problems.slice(0, 20);
  report.seconds = Math.round((Date.now() - started) / 1000);
  return report;
}
