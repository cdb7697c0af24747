import { createHash } from "node:crypto";
import { getTableName, is, sql, Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { databaseKind } from "@/db/kind";
import type { PgDb } from "@/db/pg/connection";
import * as schema from "@/db/schema";
import { comments, integrations, media, posts, revisions, tags, userTokens, users, webhooks } from "@/db/schema";
import { write } from "@/db/transaction";
import type { SessionUser } from "@/lib/session";
import { migratedDb } from "./helpers";

export { row } from "./helpers";

// A small site for authorisation tests: one person per role, posts in each state.
export const PEOPLE = {
  owner: { id: 1, name: "Olive Owner", email: "owner@example.com", role: "owner" },
  admin: { id: 2, name: "Adam Admin", email: "admin@example.com", role: "admin" },
  editor: { id: 3, name: "Edna Editor", email: "editor@example.com", role: "editor" },
  author: { id: 4, name: "Aldo Author", email: "author@example.com", role: "author" },
  otherAuthor: { id: 5, name: "Bea Author", email: "bea@example.com", role: "author" },
  contributor: { id: 6, name: "Cal Contributor", email: "cal@example.com", role: "contributor" },
  otherContributor: { id: 7, name: "Dee Contributor", email: "dee@example.com", role: "contributor" },
} satisfies Record<string, SessionUser>;

export const POSTS = {
  authorDraft: { id: 11, author: 4, status: "draft" },
  authorPublished: { id: 12, author: 4, status: "published" },
  otherDraft: { id: 13, author: 5, status: "draft" },
  otherPublished: { id: 14, author: 5, status: "published" },
  contributorDraft: { id: 15, author: 6, status: "draft" },
  contributorPublished: { id: 16, author: 6, status: "published" },
  trashedOther: { id: 17, author: 5, status: "draft" },
} as const;

/** Capability tokens the seeded rows accept: a reader's comment token, an invite link, a reset link. */
export const TOKENS = {
  comment: "reader-comment-capability-token",
  invite: "invite-link-token-0123456789abcdef",
  reset: "reset-link-token-0123456789abcdef0",
};
export const COMMENTS = { readerOnAuthors: 41, onOthers: 42, approvedOnOthers: 43, approvedOnAuthors: 44 };
export const INTEGRATION = { id: 51, webhook: 61 };
export const MEDIA = { contributors: 71, authors: 72 };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Every table of the schema (the FTS index and the migrations' journal are not in it), the
 * tables that reference others after them: emptied in reverse, no row is left pointing at a
 * deleted one (posts' authors are `restrict`).
 */
export function tables(): SQLiteTable[] {
  const all = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, Table));
  const referenced = (table: SQLiteTable) =>
    (databaseKind() === "postgres"
      ? pgTableConfig(table as unknown as PgTable).foreignKeys
      : sqliteTableConfig(table).foreignKeys
    ).map((key) => key.reference().foreignTable as unknown);
  const ordered: SQLiteTable[] = [];
  while (ordered.length < all.length) {
    const next = all.filter(
      (table) =>
        !ordered.includes(table) &&
        referenced(table).every((parent) => parent === table || ordered.includes(parent as SQLiteTable)),
    );
    if (next.length === 0) throw new Error("the schema's foreign keys form a cycle");
    ordered.push(...next);
  }
  return ordered;
}

/**
 * On PostgreSQL, rows inserted with their ids leave the identity sequences where they were:
 * each is moved past its table's highest id, as SQLite's AUTOINCREMENT moves by itself.
 */
export async function advanceIdentities(db: PgDb) {
  const { rows } = await db.execute<{ table_name: string; column_name: string }>(
    sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await db.execute(
      sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce((SELECT max(${sql.identifier(column)}) FROM ${sql.identifier(table)}), 0) + 1, false)`,
    );
  }
}

/** Empties and re-seeds the test database. */
export async function seedSite() {
  migratedDb();
  const minuteAgo = new Date(Date.now() - 60_000);
  const now = new Date();
  const inAnHour = new Date(Date.now() + 3_600_000);
  await write(async (db) => {
    // Every row of every table, on purpose: the site starts empty.
    // eslint-disable-next-line drizzle/enforce-delete-with-where
    for (const table of tables().reverse()) await db.delete(table);
    await db.insert(users).values(
      Object.values(PEOPLE).map((p) => ({
        id: p.id,
        email: p.email,
        name: p.name,
        slug: `u${p.id}`,
        role: p.role,
        passwordHash: "h",
      })),
    );
    await db.insert(posts).values(
      Object.entries(POSTS).map(([name, p]) => ({
        id: p.id,
        title: name,
        slug: `post-${p.id}`,
        markdown: "Body",
        html: "<p>Body</p>",
        status: p.status,
        authorId: p.author,
        publishedAt: p.status === "published" ? minuteAgo : null,
        deletedAt: name === "trashedOther" ? now : null,
      })),
    );
    await db.insert(tags).values([
      { id: 21, name: "Sea", slug: "sea" },
      { id: 22, name: "Ocean", slug: "ocean" },
    ]);
    const comment = {
      status: "pending",
      authorName: "Reader",
      authorEmail: "reader@example.com",
      markdown: "Hi",
      html: "<p>Hi</p>",
      editTokenHash: null,
      approvedAt: null,
    } as const;
    await db.insert(comments).values([
      {
        ...comment,
        id: COMMENTS.readerOnAuthors,
        postId: POSTS.authorPublished.id,
        editTokenHash: sha256(TOKENS.comment),
      },
      { ...comment, id: COMMENTS.onOthers, postId: POSTS.otherPublished.id },
      {
        ...comment,
        id: COMMENTS.approvedOnOthers,
        postId: POSTS.otherPublished.id,
        status: "approved",
        approvedAt: now,
      },
      {
        ...comment,
        id: COMMENTS.approvedOnAuthors,
        postId: POSTS.authorPublished.id,
        status: "approved",
        approvedAt: now,
      },
    ]);
    await db.insert(integrations).values({ id: INTEGRATION.id, name: "Zapier", role: "editor", createdBy: 2 });
    await db.insert(webhooks).values({
      id: INTEGRATION.webhook,
      integrationId: INTEGRATION.id,
      event: "post.published",
      targetUrl: "https://hooks.example.com/x",
    });
    const medium = { originalName: "a.png", mimeType: "image/png", size: 10, alt: "A" };
    await db.insert(media).values([
      {
        ...medium,
        id: MEDIA.contributors,
        storageKey: "2026/11/contributor.png",
        uploadedBy: PEOPLE.contributor.id,
      },
      { ...medium, id: MEDIA.authors, storageKey: "2026/11/aldo.png", uploadedBy: PEOPLE.author.id },
    ]);
    await db.insert(userTokens).values([
      {
        kind: "invite",
        tokenHash: sha256(TOKENS.invite),
        email: "invitee@example.com",
        role: "author",
        userId: null,
        createdBy: 2,
        expiresAt: inAnHour,
      },
      {
        kind: "reset",
        tokenHash: sha256(TOKENS.reset),
        email: PEOPLE.author.email,
        role: null,
        userId: PEOPLE.author.id,
        createdBy: 2,
        expiresAt: inAnHour,
      },
    ]);
    const revision = { kind: "save", title: "old", markdown: "Old body", version: 1 } as const;
    await db.insert(revisions).values([
      { ...revision, id: 31, postId: 13, authorId: 5 },
      { ...revision, id: 32, postId: 15, authorId: 6 },
      { ...revision, id: 33, postId: 11, authorId: 4 },
    ]);
    if (databaseKind() === "postgres") await advanceIdentities(db as unknown as PgDb);
  });
}

/**
 * Every row of every table this test touches: equal before and after means nothing changed.
 * Except the brute-force counters (rate_limits): a refused attempt counting there is the point.
 * Rows are compared in a fixed order of their own (PostgreSQL has no rowid).
 */
export async function dump(): Promise<string> {
  migratedDb();
  const db = getDb();
  const contents: [string, string[]][] = [];
  for (const table of tables()) {
    const name = getTableName(table);
    if (name === "rate_limits") continue;
    const rows = (await db.select().from(table)).map((r) => JSON.stringify(r));
    contents.push([name, rows.sort()]);
  }
  return JSON.stringify(contents);
}
