// `npx tsx --conditions=react-server bench/comment-duplicate.ts [comments] [--unhashed]`: the
// time of the duplicate-comment check (readCommentSignals, db/queries/comment-checks.ts, which
// reads the spam signals in the same statement) on a post that already has that many comments
// (2,000 unless told), all from the sender who posts again: what the check meets under the
// bench's comment POST load, where one reader posts to one post. --unhashed: those comments
// without a body hash, as rows written before migration 0011 are. A fresh database in a
// temporary folder; nothing else is touched.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const existing = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 2_000);
const unhashed = args.includes("--unhashed");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bench-duplicate-"));
process.env.QUIRE_DATA_DIR = dataDir; // before any module reads the environment
process.env.QUIRE_LOG_LEVEL ??= "warn";

const CHECKS = 2_000;

async function main() {
  const { writerConnection } = await import("../db/client");
  const { runMigrations } = await import("../db/migrate");
  const { posts, users } = await import("../db/schema");
  const { createComment } = await import("../db/queries/comments");
  const { readCommentSignals } = await import("../db/queries/comment-checks");
  const db = writerConnection(); // the setup writes directly, as the tests' migratedDb() does
  runMigrations(db.$client);
  const author = db
    .insert(users)
    .values({ email: "author@example.com", name: "Author", slug: "author", role: "author", passwordHash: "x" })
    .returning()
    .get();
  const post = db
    .insert(posts)
    .values({ title: "Busy", slug: "busy", status: "published", authorId: author.id })
    .returning()
    .get();
  const sender = { email: "bench-reader@readers.example", ipHash: "bench-ip-hash" };
  const body = (i: number) => `A comment from the benchmark, sent with JavaScript, number ${i}.`;
  const now = new Date();
  for (let i = 0; i < existing; i++) {
    await createComment(
      {
        postId: post.id,
        status: "pending",
        authorName: "Bench Reader",
        authorEmail: sender.email,
        ipHash: sender.ipHash,
        markdown: body(i),
        html: `<p>${body(i)}</p>`,
        createdAt: now,
        updatedAt: now,
      },
      () => {},
    );
  }
  if (unhashed) db.$client.prepare("UPDATE comments SET body_hash = NULL").run();
  const check = async (i: number) =>
    (await readCommentSignals({ postId: post.id, ...sender, markdown: body(i) })).duplicate;
  if (!(await check(0)) || (await check(existing + 1))) throw new Error("the duplicate check answered wrongly");
  for (let i = 0; i < 200; i++) await check(existing + i); // warm-up: the JIT and the prepared statement
  const started = performance.now();
  for (let i = 0; i < CHECKS; i++) await check(existing + i); // new bodies: what a real POST asks
  const ms = (performance.now() - started) / CHECKS;
  const kind = unhashed ? "comments without a body hash" : "comments";
  console.log(`duplicate check on a post with ${existing.toLocaleString("en")} ${kind}: ${ms.toFixed(3)} ms per check`);
  db.$client.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dataDir, { recursive: true, force: true }));
