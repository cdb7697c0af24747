// The duplicate-comment check (readCommentSignals().duplicate): the same words from the same sender on
// the same post, found by the body's hash through comments_post_body_hash_idx, and by the
// text for rows that have no hash (written before migration 0011, or inserted by hand).
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { migratedDb, row } from "@/test/helpers";
import { getDb } from "../client";
import { databaseKind } from "../kind";
import { comments, posts, users } from "../schema";
import { write } from "../transaction";
import { editCommentAsStaff } from "./comment-moderation";
import { commentBodyHash, readCommentSignals } from "./comment-checks";
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

const duplicate = async (markdown: string, on = postId, sender: { email: string; ipHash: string | null } = rita) =>
  (await readCommentSignals({ postId: on, ...sender, markdown })).duplicate;

const onPostgres = databaseKind() === "postgres";

/** The comment's stored columns, read back through the builder. */
const stored = (id: number) => row(getDb().select().from(comments).where(eq(comments.id, id)));

beforeAll(async () => {
  db = migratedDb();
  // SQLite: every statement prepared from here on is recorded, so its plan can be asked for:
  // on the writer, and on the reader the checks run on (getDb() outside write()).
  if (!onPostgres)
    for (const client of new Set([db.$client, getDb().$client])) {
      const prepare = client.prepare.bind(client);
      client.prepare = ((source: string) => {
        prepared.push(source);
        return prepare(source);
      }) as typeof client.prepare;
    }
  await write(async (db) => {
    const [author] = await db
      .insert(users)
      .values({ email: "a@example.com", name: "Author", slug: "a", role: "author", passwordHash: "x" })
      .returning();
    const post = async (slug: string) =>
      (await db.insert(posts).values({ title: slug, slug, status: "published", authorId: author!.id }).returning())[0]!
        .id;
    postId = await post("busy");
    otherPostId = await post("quiet");
  });
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
    const { bodyHash } = (await stored(id))!;
    expect(bodyHash).toBe(createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"));
    expect(bodyHash).toBe(commentBodyHash(text));
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
    expect(await stored(id)).toMatchObject({
      postId,
      parentId: null,
      status: "approved",
      kind: "comment",
      authorEmail: null,
      userId: null,
      bodyHash: commentBodyHash("As given."),
      notifyReplies: false,
      spamScore: 0,
      approvedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    // In each column's own encoding: the builder's comparisons, which encode the values
    // themselves (milliseconds and 0 on SQLite, timestamptz and boolean on PostgreSQL), find it.
    const [encoded] = await getDb()
      .select({ id: comments.id })
      .from(comments)
      .where(
        and(
          eq(comments.id, id),
          eq(comments.notifyReplies, false),
          eq(comments.approvedAt, at),
          eq(comments.createdAt, at),
          eq(comments.updatedAt, at),
        ),
      );
    expect(encoded).toEqual({ id });
    const held = await addComment({ postId, markdown: "Held, notified." });
    expect(await stored(held)).toMatchObject({ approvedAt: null, ipHash: rita.ipHash });
  });

  test("does not count a comment in the trash", async () => {
    const id = await addComment({ postId, markdown: "Thrown away." });
    await write((db) => db.update(comments).set({ status: "trash" }).where(eq(comments.id, id)));
    expect(await duplicate("Thrown away.")).toBe(false);
  });

  test("still catches a row without a hash, as rows written before the column are", async () => {
    const [old] = await write((db) =>
      db
        .insert(comments)
        .values({
          postId,
          status: "approved",
          authorName: "Rita",
          authorEmail: rita.email,
          ipHash: rita.ipHash,
          markdown: "Said long ago.",
          html: "<p>Said long ago.</p>",
        })
        .returning({ id: comments.id }),
    );
    expect(await stored(old!.id)).toMatchObject({ bodyHash: null });
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

  // SQLite's query planner, asked about the statements SQLite prepared (EXPLAIN QUERY PLAN):
  // PostgreSQL names its prepared statements on the server and plans them itself.
  test.skipIf(onPostgres)(
    "looks both ways up through the (post_id, body_hash) index, never through the post's comments",
    async () => {
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

      // The statements that look up by body_hash (not the ones above that only read it back).
      const lookups = [...new Set(prepared.filter((sql) => /^select[\s\S]*\bwhere\b[\s\S]*"body_hash"/i.test(sql)))];
      expect(lookups).toHaveLength(1); // readCommentSignals' one statement
      for (const sql of lookups) {
        const params = Array.from(sql.match(/\?/g) ?? [], () => "x");
        const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
          (step) => step.detail,
        );
        const onComments = plan.filter((step) => /\bcomments\b/.test(step));
        // The duplicate lookups: by hash, and by text where the hash is null.
        expect(
          onComments.filter((step) => step.includes("body_hash")),
          sql,
        ).toEqual([
          "SEARCH comments USING INDEX comments_post_body_hash_idx (post_id=? AND body_hash=?)",
          "SEARCH comments USING INDEX comments_post_body_hash_idx (post_id=? AND body_hash=?)",
        ]);
        // The spam signals read through indexes too: nothing walks the table.
        expect(
          onComments.filter((step) => !step.startsWith("SEARCH comments USING")),
          sql,
        ).toEqual([]);
      }
    },
  );
});
