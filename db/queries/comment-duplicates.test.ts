// The duplicate-comment check (isDuplicateComment): the same words from the same sender on
// the same post, found by the body's hash through comments_post_body_hash_idx, and by the
// text for rows that have no hash (written before migration 0011, or inserted by hand).
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { migratedDb } from "@/test/helpers";
import { getDb } from "../client";
import { posts, users } from "../schema";
import { editCommentAsStaff } from "./comment-moderation";
import { commentBodyHash, isDuplicateComment } from "./comment-checks";
import { createComment, editOwnComment } from "./comments";

let db: ReturnType<typeof migratedDb>;
let postId: number;
let otherPostId: number;
const prepared: string[] = [];

const rita = { email: "rita@example.com", ipHash: "ip-rita" };

async function addComment(values: { postId: number; markdown: string; email?: string; ipHash?: string | null }) {
  const now = new Date();
  const { id } = await createComment(
    {
      postId: values.postId,
      status: "pending",
      authorName: "Rita",
      authorEmail: values.email ?? rita.email,
      ipHash: values.ipHash === undefined ? rita.ipHash : values.ipHash,
      markdown: values.markdown,
      html: `<p>${values.markdown}</p>`,
      editTokenHash: "token-hash",
      createdAt: now,
      updatedAt: now,
    },
    () => {},
  );
  return id;
}

const duplicate = (markdown: string, on = postId, sender: { email: string; ipHash: string | null } = rita) =>
  isDuplicateComment({ postId: on, ...sender, markdown });

beforeAll(() => {
  db = migratedDb();
  // Every statement prepared from here on is recorded, so its plan can be asked for: on the
  // writer, and on the reader the checks run on (getDb() outside write()) once it is split off.
  for (const client of new Set([db.$client, getDb().$client])) {
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof client.prepare;
  }
  const author = db
    .insert(users)
    .values({ email: "a@example.com", name: "Author", slug: "a", role: "author", passwordHash: "x" })
    .returning()
    .get();
  const post = (slug: string) =>
    db.insert(posts).values({ title: slug, slug, status: "published", authorId: author.id }).returning().get().id;
  postId = post("busy");
  otherPostId = post("quiet");
});

describe("the duplicate check", () => {
  test("refuses the same body twice on one post, from the same email or the same address", async () => {
    expect(await duplicate("First words.")).toBe(false);
    await addComment({ postId, markdown: "First words." });
    expect(await duplicate("First words.")).toBe(true);
    expect(await duplicate("First words.", postId, { email: "other@example.com", ipHash: rita.ipHash })).toBe(true);
    expect(await duplicate("First words.", postId, { email: rita.email, ipHash: null })).toBe(true);
  });

  test("accepts the same body on another post, or from someone else", async () => {
    await addComment({ postId, markdown: "Same elsewhere." });
    expect(await duplicate("Same elsewhere.", otherPostId)).toBe(false);
    expect(await duplicate("Same elsewhere.", postId, { email: "other@example.com", ipHash: "ip-other" })).toBe(false);
    expect(await duplicate("Same elsewhere.", postId, { email: "other@example.com", ipHash: null })).toBe(false);
  });

  test("compares the text as written, as it always has: other case or spacing is another comment", async () => {
    await addComment({ postId, markdown: "Exact words here." });
    expect(await duplicate("Exact words here.")).toBe(true);
    expect(await duplicate("exact words here.")).toBe(false);
    expect(await duplicate("Exact words here. ")).toBe(false);
    expect(await duplicate("Exact  words here.")).toBe(false);
  });

  test("stores SHA-256 hex of the markdown, the value PostgreSQL's backfill computes", async () => {
    const text = 'Ünïcode ✓ and "quotes"';
    const id = await addComment({ postId, markdown: text });
    const stored = db.$client.prepare("SELECT body_hash FROM comments WHERE id = ?").pluck().get(id);
    expect(stored).toBe(createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"));
    expect(stored).toBe(commentBodyHash(text));
  });

  test("stores the comment as given (the insert is prepared), with null, false or 0 for what is left out", async () => {
    const at = new Date(1_790_000_000_123);
    const { id } = await createComment(
      {
        postId,
        status: "approved",
        authorName: "Staff",
        markdown: "As given.",
        html: "<p>As given.</p>",
        approvedAt: at,
        createdAt: at,
        updatedAt: at,
      },
      () => {},
    );
    expect(db.$client.prepare("SELECT * FROM comments WHERE id = ?").get(id)).toMatchObject({
      post_id: postId,
      parent_id: null,
      status: "approved",
      kind: "comment",
      author_email: null,
      user_id: null,
      body_hash: commentBodyHash("As given."),
      notify_replies: 0,
      spam_score: 0,
      approved_at: at.getTime(),
      created_at: at.getTime(),
      updated_at: at.getTime(),
    });
    const held = await addComment({ postId, markdown: "Held, notified." });
    expect(db.$client.prepare("SELECT approved_at, ip_hash FROM comments WHERE id = ?").get(held)).toEqual({
      approved_at: null,
      ip_hash: rita.ipHash,
    });
  });

  test("does not count a comment in the trash", async () => {
    const id = await addComment({ postId, markdown: "Thrown away." });
    db.$client.prepare("UPDATE comments SET status = 'trash' WHERE id = ?").run(id);
    expect(await duplicate("Thrown away.")).toBe(false);
  });

  test("still catches a row without a hash, as rows written before the column are", async () => {
    db.$client
      .prepare(
        "INSERT INTO comments (post_id, status, author_name, author_email, ip_hash, markdown, html) VALUES (?, 'approved', 'Rita', ?, ?, 'Said long ago.', '<p>Said long ago.</p>')",
      )
      .run(postId, rita.email, rita.ipHash);
    expect(await duplicate("Said long ago.")).toBe(true);
    expect(await duplicate("Said long ago.", otherPostId)).toBe(false);
  });

  test("follows edits: the new words are the comment's, the old ones no longer", async () => {
    const own = await addComment({ postId, markdown: "Before my edit." });
    await editOwnComment({
      id: own,
      tokenHash: "token-hash",
      since: new Date(Date.now() - 60_000),
      markdown: "After my edit.",
      html: "<p>After my edit.</p>",
      holdAgain: false,
    });
    expect(await Promise.all([duplicate("Before my edit."), duplicate("After my edit.")])).toEqual([false, true]);

    const staffEdited = await addComment({ postId, markdown: "Before the moderator." });
    await editCommentAsStaff({ id: staffEdited, scope: "all", markdown: "After the moderator.", html: "<p>x</p>" });
    expect(await Promise.all([duplicate("Before the moderator."), duplicate("After the moderator.")])).toEqual([
      false,
      true,
    ]);
  });

  test("looks both ways up through the (post_id, body_hash) index, never through the post's comments", async () => {
    // Thousands of comments on the post, as under load, and statistics for the planner.
    const insert = db.$client.prepare(
      "INSERT INTO comments (post_id, status, author_name, author_email, ip_hash, markdown, body_hash, html) VALUES (?, 'pending', 'Rita', ?, ?, ?, ?, '')",
    );
    db.$client.transaction(() => {
      for (let i = 0; i < 3_000; i++)
        insert.run(postId, rita.email, rita.ipHash, `Load ${i}`, commentBodyHash(`Load ${i}`));
    })();
    db.$client.exec("ANALYZE");
    expect(await duplicate("Load 2999")).toBe(true);

    const lookups = [...new Set(prepared.filter((sql) => /^select[\s\S]*"body_hash"/i.test(sql)))];
    expect(lookups).toHaveLength(2); // by hash, and by text where the hash is null
    for (const sql of lookups) {
      const params = Array.from(sql.match(/\?/g) ?? [], () => "x");
      const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
        (row) => row.detail,
      );
      expect(plan, sql).toEqual([
        "SEARCH comments USING INDEX comments_post_body_hash_idx (post_id=? AND body_hash=?)",
      ]);
    }
  });
});
