// `quire seed-bench`, run as a real child process on small numbers.
import path from "node:path";
import { verify } from "@node-rs/argon2";
import { beforeAll, describe, expect, test } from "vitest";
import { COINED } from "../bin/cli/bench-content";
import { BENCH_PASSWORD } from "../bin/cli/seed-bench";
import { quire, readDb, singleErrorLine, tempDir, type Result } from "./cli-run";

const ARGS = [
  "seed-bench",
  "--posts",
  "40",
  "--comments",
  "400",
  "--authors",
  "4",
  "--tags",
  "12",
  "--seed",
  "7",
  "--post-comments",
  "50",
];

let dir: string;
let run: Result;
const dbFile = () => path.join(dir, "quire.db");

beforeAll(async () => {
  dir = tempDir();
  // --data-dir wins over QUIRE_DATA_DIR.
  run = await quire(tempDir(), [...ARGS, "--data-dir", dir]);
}, 60_000);

describe("seed-bench", () => {
  test("reports what it made, with a progress bar on stderr", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /Seeded 40 posts, 400 comments, 12 tags, 4 authors into .*quire\.db \([\d.]+ [KM]B\) in [\d.]+ s/,
    );
    expect(run.stdout).toContain(`password "${BENCH_PASSWORD}"`);
    for (const bar of ["bodies", "posts", "comments"]) expect(run.stderr).toMatch(new RegExp(`${bar} \\[#+\\] 100%`));
  });

  test("writes long bodies with headings, code and links, rendered like the app renders them", () => {
    const posts = readDb(dbFile(), (db) =>
      db.prepare("SELECT markdown, html, plaintext, word_count AS words, status, published_at AS at FROM posts").all(),
    ) as {
      markdown: string;
      html: string;
      plaintext: string;
      words: number;
      status: string;
      at: number | null;
    }[];
    expect(posts).toHaveLength(40);
    for (const post of posts) {
      expect(post.words).toBeGreaterThanOrEqual(800);
      expect(post.words).toBeLessThanOrEqual(2_000);
      expect(post.markdown).toMatch(/^## /m);
      expect(post.html).toContain("<h2>");
      expect(post.plaintext).not.toContain("<");
    }
    expect(posts.some((p) => /<pre[^>]*><code/.test(p.html))).toBe(true);
    expect(posts.some((p) => /<a href="https:\/\//.test(p.html))).toBe(true);
    expect(new Set(posts.map((p) => p.markdown)).size).toBe(40);
    const dates = posts.filter((p) => p.status === "published").map((p) => p.at!);
    expect(Math.max(...dates) - Math.min(...dates)).toBeGreaterThan(2 * 365 * 86_400_000);
  });

  test("tags each post 1 to 4 times and gives staff a real password hash", async () => {
    const perPost = readDb(dbFile(), (db) =>
      db
        .prepare("SELECT count(*) AS n FROM posts p LEFT JOIN post_tags t ON t.post_id = p.id GROUP BY p.id")
        .pluck()
        .all(),
    ) as number[];
    expect(Math.min(...perPost)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perPost)).toBeLessThanOrEqual(4);
    const users = readDb(dbFile(), (db) =>
      db.prepare("SELECT email, role, password_hash AS hash FROM users ORDER BY id").all(),
    ) as { email: string; role: string; hash: string }[];
    expect(users.map((u) => u.email)).toEqual([1, 2, 3, 4].map((i) => `author${i}@bench.example`));
    expect(users.filter((u) => u.role === "owner")).toHaveLength(1);
    expect(await verify(users[0]!.hash, BENCH_PASSWORD)).toBe(true);
  });

  test("--post-comments gives the newest published post exactly that many comments", () => {
    const newest = readDb(dbFile(), (db) =>
      db
        .prepare(
          "SELECT p.slug, (SELECT count(*) FROM comments c WHERE c.post_id = p.id) AS n FROM posts p WHERE p.status = 'published' ORDER BY p.published_at DESC LIMIT 1",
        )
        .get(),
    ) as { slug: string; n: number };
    expect(newest.n).toBe(50);
    expect(run.stdout).toContain(`Newest post: /${newest.slug} (50 comments, --post-comments).`);
  });

  test("threads approved comments: replies point to an earlier comment on the same post", () => {
    const rows = readDb(dbFile(), (db) =>
      db
        .prepare(
          "SELECT c.status, c.post_id AS post, c.created_at AS at, p.post_id AS parentPost, p.created_at AS parentAt FROM comments c LEFT JOIN comments p ON p.id = c.parent_id",
        )
        .all(),
    ) as { status: string; post: number; at: number; parentPost: number | null; parentAt: number | null }[];
    expect(rows).toHaveLength(400);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["approved"]));
    const replies = rows.filter((r) => r.parentPost !== null);
    expect(replies.length).toBeGreaterThan(20);
    for (const reply of replies) {
      expect(reply.parentPost).toBe(reply.post);
      expect(reply.at).toBeGreaterThanOrEqual(reply.parentAt!);
    }
  });

  test("indexes the posts for search, including their rare words", () => {
    readDb(dbFile(), (db) => {
      // One row per indexed document (readable whatever the index's content table).
      expect(db.prepare("SELECT count(*) FROM posts_fts_docsize").pluck().get()).toBe(40);
      const plaintext = db.prepare("SELECT plaintext FROM posts ORDER BY id LIMIT 1").pluck().get() as string;
      const rare = plaintext
        .replace(/[.,]/g, "")
        .toLowerCase()
        .split(" ")
        .find((w) => COINED.test(w));
      expect(rare).toBeDefined();
      const hits = db
        .prepare("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ?")
        .pluck()
        .get(`"${rare}"`) as number;
      expect(hits).toBeGreaterThanOrEqual(1);
      expect(hits).toBeLessThan(40);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    });
  });

  test("is deterministic: the same seed gives the same site", async () => {
    const other = tempDir();
    expect((await quire(other, ARGS)).code).toBe(0);
    const titles = (file: string) =>
      readDb(file, (db) => db.prepare("SELECT title FROM posts ORDER BY id").pluck().all());
    expect(titles(path.join(other, "quire.db"))).toEqual(titles(dbFile()));
  });

  test("two runs started at once on one empty folder: one seeds, the other refuses in one line", async () => {
    const shared = tempDir();
    const small = ["seed-bench", "--posts", "10", "--comments", "20", "--authors", "3", "--tags", "4"];
    const runs = await Promise.all([quire(shared, small), quire(shared, small)]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    // Refused before or after rendering its bodies, depending on who got there first: the error is the last line.
    const refused = runs
      .find((r) => r.code === 1)!
      .stderr.trim()
      .split("\n")
      .at(-1);
    expect(refused).toMatch(/^quire: .*already has (bench authors|10 posts)/);
    readDb(path.join(shared, "quire.db"), (db) => {
      expect(db.prepare("SELECT count(*) FROM posts").pluck().get()).toBe(10);
      expect(db.prepare("SELECT count(*) FROM users").pluck().get()).toBe(3);
    });
  }, 120_000);

  test("refuses a database with content unless --force, and bad numbers, in one line", async () => {
    const again = await quire(tempDir(), [...ARGS, "--data-dir", dir]);
    expect(again.code).toBe(1);
    expect(singleErrorLine(again)).toContain("already has 40 posts and 400 comments");

    const forced = await quire(tempDir(), [
      "seed-bench",
      "--posts",
      "3",
      "--comments",
      "5",
      "--authors",
      "4",
      "--data-dir",
      dir,
      "--force",
    ]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readDb(dbFile(), (db) => db.prepare("SELECT count(*) FROM posts").pluck().get())).toBe(43);

    for (const args of [["--posts", "many"], ["--posts", "0"], ["--comments", "-1"], ["--nope"], ["stray"]]) {
      const result = await quire(tempDir(), ["seed-bench", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      singleErrorLine(result);
    }
    const pinned = await quire(tempDir(), ["seed-bench", "--posts", "2", "--comments", "5", "--post-comments", "6"]);
    expect(pinned.code).toBe(1);
    expect(singleErrorLine(pinned)).toContain("--post-comments (6) cannot be more than --comments (5)");
  }, 60_000);
});
