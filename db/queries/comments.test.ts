import { beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { migratedDb, row } from "@/test/helpers";
import { getDb } from "../client";
import { comments, posts, users } from "../schema";
import { write } from "../transaction";
import {
  countCommentsByStatus,
  deleteCommentsForever,
  editCommentAsStaff,
  listCommentsForModeration,
  setCommentStatus,
} from "./comment-moderation";
import { countApprovedCommentsByPost, deleteOwnComment, editOwnComment, listApprovedComments } from "./comments";
import { readCommentSignals } from "./comment-checks";

let ownPost: number;
let otherPost: number;
let authorId: number;

async function addComment(postId: number, values: Partial<typeof comments.$inferInsert> = {}) {
  const [added] = await write((db) =>
    db
      .insert(comments)
      .values({
        postId,
        authorName: "Reader",
        authorEmail: "reader@example.com",
        markdown: "hello",
        html: "<p>hello</p>",
        ...values,
      })
      .returning({ id: comments.id }),
  );
  return added!.id;
}

const statusOf = (id: number) =>
  row(getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, id)));

beforeAll(async () => {
  migratedDb();
  await write(async (db) => {
    const person = async (email: string, name: string, slug: string, role: "owner" | "author") =>
      (await db.insert(users).values({ email, name, slug, role, passwordHash: "x" }).returning())[0]!;
    const post = async (title: string, slug: string, by: number) =>
      (await db.insert(posts).values({ title, slug, status: "published", authorId: by }).returning())[0]!.id;
    const owner = await person("o@example.com", "Owner", "o", "owner");
    authorId = (await person("a@example.com", "Author", "a", "author")).id;
    ownPost = await post("Mine", "mine", authorId);
    otherPost = await post("Theirs", "theirs", owner.id);
  });
});

describe("moderation scope", () => {
  test("an author's scope changes only comments on their own posts", async () => {
    const mine = await addComment(ownPost);
    const theirs = await addComment(otherPost);
    const approved: number[] = [];
    const changed = await setCommentStatus({ ids: [mine, theirs], op: "approve", scope: authorId }, (_tx, c) => {
      approved.push(c.id);
    });
    expect(changed.map((c) => c.id)).toEqual([mine]);
    expect(approved).toEqual([mine]);
    expect(await statusOf(theirs)).toEqual({ status: "pending" });
    expect(await editCommentAsStaff({ id: theirs, scope: authorId, markdown: "x", html: "x" })).toBeUndefined();
    expect(await deleteCommentsForever({ ids: [theirs], scope: "all" })).toEqual([]); // pending: not deletable
    const all = await setCommentStatus({ ids: [theirs], op: "trash", scope: "all" }, () => {});
    expect(all).toHaveLength(1);
    expect(await deleteCommentsForever({ ids: [theirs], scope: authorId })).toEqual([]);
    expect(await deleteCommentsForever({ ids: [theirs], scope: "all" })).toHaveLength(1);
  });

  test("first approval runs its side effects once; counts and lists follow the scope", async () => {
    const id = await addComment(ownPost);
    let calls = 0;
    const count = () => {
      calls++;
    };
    await setCommentStatus({ ids: [id], op: "approve", scope: "all" }, count);
    await setCommentStatus({ ids: [id], op: "spam", scope: "all" }, count);
    await setCommentStatus({ ids: [id], op: "not_spam", scope: "all" }, count);
    await setCommentStatus({ ids: [id], op: "approve", scope: "all" }, count);
    expect(calls).toBe(1);
    const mineCounts = await countCommentsByStatus({ scope: authorId });
    const allCounts = await countCommentsByStatus({ scope: "all" });
    expect(allCounts.approved).toBeGreaterThanOrEqual(mineCounts.approved);
    const listed = await listCommentsForModeration({
      scope: authorId,
      status: "approved",
      filters: {},
      limit: 50,
      offset: 0,
    });
    expect(listed.every((c) => c.postId === ownPost)).toBe(true);
    expect((await countApprovedCommentsByPost({ postIds: [ownPost] })).get(ownPost)).toBe(
      (await listApprovedComments({ postId: ownPost })).length,
    );
  });

  test("search text escapes LIKE wildcards", async () => {
    await addComment(ownPost, { markdown: "100% sure" });
    const hits = await listCommentsForModeration({
      scope: "all",
      status: "pending",
      filters: { q: "100%" },
      limit: 50,
      offset: 0,
    });
    expect(hits.map((c) => c.markdown)).toEqual(["100% sure"]);
    expect(
      (
        await listCommentsForModeration({ scope: "all", status: "pending", filters: { q: "%" }, limit: 50, offset: 0 })
      ).map((c) => c.markdown),
    ).toEqual(["100% sure"]);
  });
});

describe("the commenter's own window", () => {
  test("edit and delete need the token hash and a recent comment", async () => {
    const id = await addComment(ownPost, { editTokenHash: "h1", createdAt: new Date(Date.now() - 60_000) });
    const since = new Date(Date.now() - 10 * 60_000);
    expect(
      await editOwnComment({ id, tokenHash: "wrong", since, markdown: "m", html: "h", holdAgain: false }),
    ).toBeUndefined();
    expect((await editOwnComment({ id, tokenHash: "h1", since, markdown: "m", html: "h", holdAgain: false }))?.id).toBe(
      id,
    );
    expect(
      await editOwnComment({ id, tokenHash: "h1", since: new Date(), markdown: "late", html: "h", holdAgain: false }),
    ).toBeUndefined();
    expect(await deleteOwnComment({ id, tokenHash: "h1", since: new Date() })).toBeUndefined();
    expect((await deleteOwnComment({ id, tokenHash: "h1", since }))?.id).toBe(id);
  });

  test("duplicates match the same words from the same email or address on the same post", async () => {
    await addComment(ownPost, { markdown: "dup words", ipHash: "ip1" });
    const duplicate = async (postId: number, sender: { email: string; ipHash: string | null }) =>
      (await readCommentSignals({ postId, ...sender, markdown: "dup words" })).duplicate;
    expect(await duplicate(ownPost, { email: "reader@example.com", ipHash: null })).toBe(true);
    expect(await duplicate(ownPost, { email: "x@example.com", ipHash: "ip1" })).toBe(true);
    expect(await duplicate(otherPost, { email: "reader@example.com", ipHash: "ip1" })).toBe(false);
  });
});
