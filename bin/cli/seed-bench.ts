// `quire seed-bench --posts N --comments M`: fills a database with generated,
// realistic content for benchmarks, straight through SQLite (no app code per row):
// prepared statements inside large IMMEDIATE transactions.
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { databaseFile, openDatabase } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { getEnv } from "../../lib/env";
import { renderPostMarkdown, type RenderedPost } from "../../lib/markdown/render";
import { hashPassword } from "../../lib/users/password";
import { slugify } from "../../lib/posts/slug";
import { parseCount, parseOptions } from "./args";
import {
  capitalise,
  coinedWord,
  commentText,
  int,
  markdownBody,
  personName,
  pick,
  prng,
  title,
  words,
  type Rng,
} from "./bench-content";
import { CliError } from "./errors";
import { MIGRATIONS_DIR } from "./paths";
import { formatBytes, formatSeconds, progress } from "./progress";
import { USAGE } from "./usage";

export const BENCH_PASSWORD = "quire-bench-password";
// Rendering Markdown costs milliseconds a post: a few hundred distinct bodies are
// rendered once with the app's own renderer (so their HTML is exactly what the
// app would store) and reused. Each post then gets its own opening paragraph,
// generated as Markdown and HTML side by side (plain words, nothing to escape),
// with a coined word in it, so no two posts are identical and search has rare terms.
const TEMPLATE_BODIES = 240;
// Search: the FTS5 insert trigger indexes each post in the same transaction. Measured
// at 30k posts on the busy 2-core machine: posts phase 34.5 s with the trigger, 30.5 s
// with it dropped and each batch indexed by one INSERT…SELECT (then recreated): not
// worth a second copy of the trigger's column mapping. A one-shot 'rebuild' fails on
// the 0001 schema (posts_fts names columns, excerpt and body, that posts lacks).
const POSTS_PER_TX = 2_000;
const COMMENTS_PER_TX = 20_000;
const YEARS = 6;
const DAY = 86_400_000;

type Template = RenderedPost & { markdown: string };

export async function seedBenchCommand(args: string[]): Promise<void> {
  const { values, flags, help } = parseOptions("seed-bench", args, {
    strings: ["posts", "comments", "authors", "tags", "seed", "post-comments", "data-dir"],
    booleans: ["force"],
    maxPositionals: 0,
  });
  if (help) return void console.log(USAGE);
  const opts = {
    posts: parseCount(values.posts, "posts", 200, 1, 10_000_000),
    comments: parseCount(values.comments, "comments", 0, 0, 100_000_000),
    authors: parseCount(values.authors, "authors", 8, 1, 1_000),
    tags: parseCount(values.tags, "tags", 300, 1, 100_000),
    seed: parseCount(values.seed, "seed", 1, 0, 2 ** 31),
    postComments:
      values["post-comments"] === undefined
        ? undefined
        : parseCount(values["post-comments"], "post-comments", 0, 0, 100_000_000),
  };
  if (opts.postComments !== undefined && opts.postComments > opts.comments) {
    throw new CliError(`--post-comments (${opts.postComments}) cannot be more than --comments (${opts.comments}).`);
  }
  const dataDir = values["data-dir"] ? path.resolve(values["data-dir"]) : getEnv().dataDir;
  const file = databaseFile(dataDir);
  const started = Date.now();
  const db = openDatabase(file).$client;
  try {
    runMigrations(db, MIGRATIONS_DIR);
    // Refused early here (before the bodies are rendered), and again for certain inside
    // the transaction that writes the authors (seedAuthors).
    if (!flags.force) assertEmpty(db, file);
    const rng = prng(opts.seed);
    const templates = await renderTemplates(rng, Math.min(TEMPLATE_BODIES, opts.posts));
    const rendered = Date.now();

    // For this bulk load only: synchronous=OFF skips the fsyncs at each WAL
    // checkpoint. A crash mid-load can corrupt the file, which is acceptable for
    // generated data that is simply regenerated; NORMAL is set back before any
    // other use. A larger cache and rarer checkpoints keep the WAL work sequential.
    db.pragma("synchronous = OFF");
    db.pragma("cache_size = -262144");
    db.pragma("wal_autocheckpoint = 20000");
    const authorIds = await seedAuthors(db, rng, opts.authors, () => flags.force || assertEmpty(db, file));
    const tagIds = seedTags(db, rng, opts.tags);
    const posts = seedPosts(db, rng, opts.posts, templates, authorIds, tagIds);
    const postsDone = Date.now();
    seedComments(db, rng, opts.comments, posts, opts.postComments);
    const commentsDone = Date.now();
    db.pragma("synchronous = NORMAL");
    db.pragma("wal_autocheckpoint = 1000");
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("optimize");

    const busiest = db
      .prepare(
        "SELECT p.slug AS slug, count(*) AS n FROM comments c JOIN posts p ON p.id = c.post_id GROUP BY c.post_id ORDER BY n DESC LIMIT 1",
      )
      .get() as { slug: string; n: number } | undefined;
    console.log(
      `Staff sign-in: author1@bench.example … author${opts.authors}@bench.example, password "${BENCH_PASSWORD}".`,
    );
    if (busiest) console.log(`Most-commented post: /${busiest.slug} (${busiest.n} comments).`);
    if (opts.postComments !== undefined && posts.length > 0) {
      const slug = db.prepare("SELECT slug FROM posts WHERE id = ?").pluck().get(posts.at(-1)!.id) as string;
      console.log(`Newest post: /${slug} (${opts.postComments} comments, --post-comments).`);
    }
    console.log(
      `Seeded ${opts.posts.toLocaleString("en")} posts, ${opts.comments.toLocaleString("en")} comments, ${opts.tags} tags, ${opts.authors} authors ` +
        `into ${file} (${formatBytes(fs.statSync(file).size)}) in ${formatSeconds(Date.now() - started)} ` +
        `(bodies ${formatSeconds(rendered - started)}, posts ${formatSeconds(postsDone - rendered)}, comments ${formatSeconds(commentsDone - postsDone)}).`,
    );
  } finally {
    db.close();
  }
}

async function renderTemplates(rng: Rng, count: number): Promise<Template[]> {
  const bar = progress("bodies", count);
  const out: Template[] = [];
  for (let i = 0; i < count; i++) {
    // Code and headings count as words too, so the rendered count is checked, and a
    // body outside the range drawn again: with the opening paragraph (29–61 words)
    // every post lands within 800–2,000 words.
    let template: Template;
    do {
      const markdown = markdownBody(rng, int(rng, 700, 1_800));
      template = { markdown, ...(await renderPostMarkdown(markdown)) };
    } while (template.wordCount < 772 || template.wordCount > 1_938);
    out.push(template);
    bar.update(i + 1);
  }
  bar.finish();
  return out;
}

/** Staff users with one real argon2id hash (hashed once: ~0.1 s each would add up). */
/**
 * Refuses a database that has content, or bench authors (another seed-bench started at
 * the same moment, or one that stopped half-way).
 */
function assertEmpty(db: Database.Database, file: string): true {
  const existing = db
    .prepare(
      "SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM users WHERE email LIKE '%@bench.example') AS authors",
    )
    .get() as { posts: number; comments: number; authors: number };
  if (existing.posts > 0 || existing.comments > 0) {
    throw new CliError(
      `${file} already has ${existing.posts} posts and ${existing.comments} comments: use an empty --data-dir, or --force to add to them.`,
    );
  }
  if (existing.authors > 0) {
    throw new CliError(
      `${file} already has bench authors (another seed-bench is filling it, or one stopped half-way): use an empty --data-dir, or --force to add to them.`,
    );
  }
  return true;
}

/** The authors, written in one IMMEDIATE transaction after `claim` (run inside it) allows: of two seed-bench runs started at once on one database, one seeds. */
async function seedAuthors(db: Database.Database, rng: Rng, count: number, claim: () => true): Promise<number[]> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const insert = db.prepare(
    "INSERT OR IGNORE INTO users (email, name, slug, bio, role, password_hash) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const idOf = db.prepare("SELECT id FROM users WHERE email = ?").pluck();
  return db
    .transaction(() => {
      claim();
      const hasOwner = db.prepare("SELECT 1 FROM users WHERE role = 'owner'").get() !== undefined;
      return Array.from({ length: count }, (_, i) => {
        const email = `author${i + 1}@bench.example`;
        const role = i === 0 && !hasOwner ? "owner" : i % 3 === 2 ? "editor" : "author";
        insert.run(email, personName(rng), `bench-author-${i + 1}`, sentence(rng), role, hash);
        return idOf.get(email) as number;
      });
    })
    .immediate();
}

function sentence(rng: Rng): string {
  return `${capitalise(words(rng, int(rng, 8, 20)).join(" "))}.`;
}

function seedTags(db: Database.Database, rng: Rng, count: number): number[] {
  const insert = db.prepare("INSERT OR IGNORE INTO tags (name, slug, description) VALUES (?, ?, ?)");
  const idOf = db.prepare("SELECT id FROM tags WHERE slug = ?").pluck();
  return db
    .transaction(() =>
      Array.from({ length: count }, (_, i) => {
        const name = capitalise(words(rng, int(rng, 1, 2)).join(" "));
        const slug = `${slugify(name)}-${i + 1}`;
        insert.run(name, slug, sentence(rng));
        return idOf.get(slug) as number;
      }),
    )
    .immediate();
}

type SeededPost = { id: number; publishedAt: number };

function seedPosts(
  db: Database.Database,
  rng: Rng,
  count: number,
  templates: Template[],
  authorIds: number[],
  tagIds: number[],
): SeededPost[] {
  const insertPost = db.prepare(
    `INSERT INTO posts (type, title, slug, markdown, html, plaintext, custom_excerpt, word_count, status, published_at,
       author_id, featured, comments_open, created_at, updated_at)
     VALUES ('post', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertTag = db.prepare("INSERT INTO post_tags (post_id, tag_id, position) VALUES (?, ?, ?)");
  const firstId = (db.prepare("SELECT coalesce(max(id), 0) FROM posts").pluck().get() as number) + 1;
  const now = Date.now();
  const span = YEARS * 365 * DAY;
  const published: SeededPost[] = [];
  const bar = progress("posts", count);

  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const body = templates[i % templates.length]!;
      const heading = title(rng);
      // Oldest first, so ids grow with dates as on a real site; a day of jitter.
      const at = Math.min(now, Math.round(now - span + (span * i) / count + rng() * DAY));
      const draft = rng() < 0.02;
      const intro = [...words(rng, int(rng, 20, 40)), coinedWord(rng), ...words(rng, int(rng, 8, 20))];
      const introText = `${capitalise(intro.join(" "))}.`;
      const tagCount = int(rng, 1, 4);
      const result = insertPost.run(
        heading,
        `${slugify(heading) || "post"}-${firstId + i}`,
        `${introText}\n\n${body.markdown}`,
        `<p>${introText}</p>\n${body.html}`,
        `${introText} ${body.plaintext}`,
        rng() < 0.1 ? sentence(rng) : null,
        intro.length + body.wordCount,
        draft ? "draft" : "published",
        draft ? null : at,
        pick(rng, authorIds),
        rng() < 0.03 ? 1 : 0,
        at,
        at,
      );
      const id = Number(result.lastInsertRowid);
      // Popular tags get most posts: squaring the draw skews it toward the first ids.
      const chosen = new Set<number>();
      while (chosen.size < Math.min(tagCount, tagIds.length))
        chosen.add(tagIds[Math.floor(rng() ** 2 * tagIds.length)]!);
      let position = 0;
      for (const tagId of chosen) insertTag.run(id, tagId, position++);
      if (!draft) published.push({ id, publishedAt: at });
    }
  });
  for (let from = 0; from < count; from += POSTS_PER_TX) {
    batch.immediate(from, Math.min(count, from + POSTS_PER_TX));
    bar.update(Math.min(count, from + POSTS_PER_TX));
  }
  bar.finish();
  return published;
}

/** Gives the newest post exactly `exact` comments, moving the difference to the others, newest first. */
function pinNewest(perPost: Uint32Array, exact: number): void {
  const last = perPost.length - 1;
  let excess = perPost[last]! - exact;
  perPost[last] = exact;
  for (let p = last - 1; p >= 0 && excess !== 0; p--) {
    const moved = excess > 0 ? excess : -Math.min(perPost[p]!, -excess);
    perPost[p]! += moved;
    excess -= moved;
  }
}

function seedComments(db: Database.Database, rng: Rng, count: number, posts: SeededPost[], exact?: number): void {
  if (count === 0 || posts.length === 0) return;
  const insert = db.prepare(
    `INSERT INTO comments (post_id, parent_id, status, author_name, author_email, author_url, markdown, html, approved_at, created_at, updated_at)
     VALUES (?, ?, 'approved', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // How many each post gets: newer posts draw more, and a few draw hundreds.
  const perPost = new Uint32Array(posts.length);
  for (let i = 0; i < count; i++) perPost[posts.length - 1 - Math.floor(rng() ** 1.5 * posts.length)]!++;
  // The bench's "post with 50 comments".
  if (exact !== undefined) pinNewest(perPost, exact);
  const now = Date.now();
  const bar = progress("comments", count);
  let done = 0;

  // Post by post, each thread in time order: ids, (post, status, date) and parent
  // keys then grow at the end of their indexes instead of at random places, which
  // keeps the load fast at a million rows.
  const batch = db.transaction((from: number, to: number) => {
    for (let p = from; p < to; p++) {
      const thread: number[] = [];
      let at = posts[p]!.publishedAt;
      for (let k = 0; k < perPost[p]!; k++) {
        at = Math.min(now, at + Math.round(rng() * 2 * DAY));
        const text = commentText(rng);
        const name = personName(rng);
        const parent = thread.length > 0 && rng() < 0.35 ? pick(rng, thread) : null;
        const result = insert.run(
          posts[p]!.id,
          parent,
          name,
          `${slugify(name)}@readers.example`,
          rng() < 0.2 ? `https://${slugify(name)}.example.net` : null,
          text,
          `<p>${text}</p>`,
          at,
          at,
          at,
        );
        thread.push(Number(result.lastInsertRowid));
      }
      done += perPost[p]!;
    }
  });
  let from = 0;
  let pending = 0;
  for (let p = 0; p < posts.length; p++) {
    pending += perPost[p]!;
    if (pending >= COMMENTS_PER_TX || p === posts.length - 1) {
      batch.immediate(from, p + 1);
      bar.update(done);
      from = p + 1;
      pending = 0;
    }
  }
  bar.finish();
}
