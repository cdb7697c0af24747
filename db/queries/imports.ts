import "server-only";
import type Database from "better-sqlite3";
import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import {
  comments,
  importItems,
  IMPORT_TARGETS,
  media,
  type NewPost,
  postTags,
  posts,
  redirects,
  type Role,
  tags,
  users,
} from "../schema";
import { databaseKind } from "../kind";
import { commentBodyHash } from "./comment-checks";

// The writes of an import (lib/transfer/write.ts), all inside its one write() (`db` is the
// connection it hands over). Comments come by the million: on SQLite their writes (ImportSql)
// are raw statements prepared once on that connection, not a query built per row.

type Target = (typeof IMPORT_TARGETS)[number];
export type SourceKey = { sourceFormat: string; sourceKind: string; sourceId: string };

/** What an earlier import made from this source item, if anything. */
export async function findImported(db: Db, key: SourceKey): Promise<number | undefined> {
  const [item] = await db
    .select({ targetId: importItems.targetId })
    .from(importItems)
    .where(
      and(
        eq(importItems.sourceFormat, key.sourceFormat),
        eq(importItems.sourceKind, key.sourceKind),
        eq(importItems.sourceId, key.sourceId),
      ),
    )
    .limit(1);
  return item?.targetId;
}

export async function recordImported(db: Db, key: SourceKey, targetType: Target, targetId: number): Promise<void> {
  await db
    .insert(importItems)
    .values({ ...key, targetType, targetId })
    .onConflictDoNothing();
}

/** Whom posts without a known author are credited to: the owner, else the first admin. */
export async function fallbackAuthorId(db: Db): Promise<number | undefined> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.role, ["owner", "admin"]))
    .orderBy(sql`${users.role} = 'owner' desc`, asc(users.id))
    .limit(1);
  return user?.id;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<number | undefined> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user?.id;
}

async function uniqueSlug(taken: (slug: string) => Promise<boolean>, base: string): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) if (!(await taken(`${base}-${n}`))) return `${base}-${n}`;
}

// Imported staff have no password: this is no argon2 hash, so verifyPassword can never
// accept anything against it (lib/users/password.ts). A password reset or invitation gives them one.
export const NO_PASSWORD = "!imported:no-password";

export async function insertImportedUser(
  db: Db,
  user: { email: string; name: string; slugBase: string; role: Exclude<Role, "owner">; bio: string },
): Promise<number> {
  const slug = await uniqueSlug(
    async (candidate) =>
      (await db.select({ id: users.id }).from(users).where(eq(users.slug, candidate)).limit(1)).length > 0,
    user.slugBase || "author",
  );
  const [row] = await db
    .insert(users)
    .values({ email: user.email, name: user.name, slug, role: user.role, bio: user.bio, passwordHash: NO_PASSWORD })
    .returning({ id: users.id });
  return row!.id;
}

/** A tag with this slug or this name (any case): a category and a tag of one name are one tag. */
export async function findTag(db: Db, name: string, slug: string): Promise<number | undefined> {
  const [tag] = await db
    .select({ id: tags.id })
    .from(tags)
    .where(or(eq(tags.slug, slug), sql`lower(${tags.name}) = ${name.toLowerCase()}`))
    .orderBy(sql`${tags.slug} = ${slug} desc`)
    .limit(1);
  return tag?.id;
}

export async function insertImportedTag(
  db: Db,
  tag: { name: string; slug: string; description: string },
): Promise<number> {
  const slug = await uniqueSlug(
    async (candidate) =>
      (await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, candidate)).limit(1)).length > 0,
    tag.slug,
  );
  const [row] = await db
    .insert(tags)
    .values({ ...tag, slug })
    .returning({ id: tags.id });
  return row!.id;
}

export async function tagSlugById(db: Db, id: number): Promise<string | undefined> {
  const [tag] = await db.select({ slug: tags.slug }).from(tags).where(eq(tags.id, id)).limit(1);
  return tag?.slug;
}

/**
 * A post slug no one has: "hello", else "hello-2", "hello-3", …. Two index lookups
 * (the slug itself, then the range of "hello-…"), not the LIKE scan of every slug
 * uniqueSlug() in sql.ts makes: that one is fine for a post typed in the editor, but
 * at 100,000 imported posts it read ten billion index entries.
 */
async function uniqueImportedPostSlug(db: Db, base: string): Promise<string> {
  const wanted = base || "untitled";
  const same = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, wanted)).limit(1);
  if (same.length === 0) return wanted;
  // "-" is followed by "." in code-point order: the range holds exactly the slugs starting "<base>-".
  const taken = new Set(
    (
      await db
        .select({ slug: posts.slug })
        .from(posts)
        .where(and(gte(posts.slug, `${wanted}-`), lt(posts.slug, `${wanted}.`)))
    ).map((row) => row.slug),
  );
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** Inserts a post under a slug no one has (staff's posts keep theirs). */
export async function insertImportedPost(db: Db, post: NewPost): Promise<{ id: number; slug: string }> {
  const [row] = await db
    .insert(posts)
    .values({ ...post, slug: await uniqueImportedPostSlug(db, post.slug) })
    .returning({ id: posts.id, slug: posts.slug });
  return row!;
}

export async function insertPostTags(db: Db, postId: number, tagIds: number[]): Promise<void> {
  const unique = [...new Set(tagIds)];
  if (unique.length === 0) return;
  await db
    .insert(postTags)
    .values(unique.map((tagId, position) => ({ postId, tagId, position })))
    .onConflictDoNothing();
}

/** Whether a path is the live address of a post, page or tag: a redirect must never hide it. */
export async function isLiveAddress(db: Db, path: string): Promise<boolean> {
  const post = /^\/([^/?#]+)$/.exec(path)?.[1];
  if (post)
    return (
      (
        await db
          .select({ id: posts.id })
          .from(posts)
          .where(eq(posts.slug, decodeSafe(post)))
          .limit(1)
      ).length > 0
    );
  const tag = /^\/tag\/([^/?#]+)$/.exec(path)?.[1];
  if (tag)
    return (
      (
        await db
          .select({ id: tags.id })
          .from(tags)
          .where(eq(tags.slug, decodeSafe(tag)))
          .limit(1)
      ).length > 0
    );
  return false;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An old address → its new one; false when that old address already leads somewhere. */
export async function insertRedirect(db: Db, fromPath: string, toPath: string): Promise<boolean> {
  const inserted = await db
    .insert(redirects)
    .values({ fromPath, toPath })
    .onConflictDoNothing()
    .returning({ id: redirects.id });
  return inserted.length === 1;
}

/** The /media/ address of a file an earlier import stored from this URL (read before the import's write). */
export async function importedMediaUrl(sourceFormat: string, url: string): Promise<string | undefined> {
  const db = getDb();
  const id = await findImported(db, { sourceFormat, sourceKind: "media-url", sourceId: url });
  if (id === undefined) return undefined;
  const [row] = await db.select({ key: media.storageKey }).from(media).where(eq(media.id, id)).limit(1);
  return row ? `/media/${row.key}` : undefined;
}

export async function insertImportedMedia(db: Db, row: typeof media.$inferInsert): Promise<number> {
  const [inserted] = await db.insert(media).values(row).returning({ id: media.id });
  return inserted!.id;
}

export type NewImportedComment = {
  postId: number;
  status: (typeof comments.$inferInsert)["status"] & string;
  kind: (typeof comments.$inferInsert)["kind"] & string;
  authorName: string;
  authorEmail: string | null;
  authorUrl: string | null;
  markdown: string;
  html: string;
  approvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  notifyReplies: boolean;
};

/** The per-row writes of an import: the steps that run once per post or comment. */
export type ImportSql = {
  findImported(key: SourceKey): Promise<number | undefined>;
  recordImported(key: SourceKey, targetType: Target, targetId: number): Promise<void>;
  insertComment(comment: NewImportedComment): Promise<number>;
  setCommentParent(id: number, parentId: number): Promise<void>;
};

/**
 * The per-row writes on `db`, the connection the import's write() hands over, so they run
 * inside it. On SQLite, raw statements prepared once (a million comments cost seconds less
 * than a query built per row); on PostgreSQL, the builder's queries on the transaction.
 */
export function importSql(db: Db): ImportSql {
  if (databaseKind() === "sqlite") return new SqliteImportSql(db.$client);
  return {
    findImported: (key) => findImported(db, key),
    recordImported: (key, targetType, targetId) => recordImported(db, key, targetType, targetId),
    async insertComment(comment) {
      const [row] = await db
        .insert(comments)
        .values({ ...comment, bodyHash: commentBodyHash(comment.markdown) })
        .returning({ id: comments.id });
      return row!.id;
    },
    async setCommentParent(id, parentId) {
      await db.update(comments).set({ parentId }).where(eq(comments.id, id));
    },
  };
}

class SqliteImportSql implements ImportSql {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly client: Database.Database) {}

  private statement(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.client.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async findImported(key: SourceKey): Promise<number | undefined> {
    return this.statement(
      "SELECT target_id FROM import_items WHERE source_format = ? AND source_kind = ? AND source_id = ?",
    )
      .pluck()
      .get(key.sourceFormat, key.sourceKind, key.sourceId) as number | undefined;
  }

  async recordImported(key: SourceKey, targetType: Target, targetId: number): Promise<void> {
    this.statement(
      `INSERT INTO import_items (source_format, source_kind, source_id, target_type, target_id)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(key.sourceFormat, key.sourceKind, key.sourceId, targetType, targetId);
  }

  async insertComment(comment: NewImportedComment): Promise<number> {
    return Number(
      this.statement(
        `INSERT INTO comments (post_id, status, kind, author_name, author_email, author_url, markdown, body_hash, html,
           notify_replies, approved_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        comment.postId,
        comment.status,
        comment.kind,
        comment.authorName,
        comment.authorEmail,
        comment.authorUrl,
        comment.markdown,
        commentBodyHash(comment.markdown), // for the duplicate check's index
        comment.html,
        comment.notifyReplies ? 1 : 0,
        comment.approvedAt?.getTime() ?? null,
        comment.createdAt.getTime(),
        comment.updatedAt.getTime(),
      ).lastInsertRowid,
    );
  }

  async setCommentParent(id: number, parentId: number): Promise<void> {
    this.statement("UPDATE comments SET parent_id = ? WHERE id = ?").run(parentId, id);
  }
}
