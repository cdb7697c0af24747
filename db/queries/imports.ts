import "server-only";
import type Database from "better-sqlite3";
import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
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
import { commentBodyHash } from "./comment-checks";

// The writes of an import (lib/transfer/write.ts), all inside its one transaction.
// Comments come by the million: their writes (ImportSql) are raw statements prepared
// once on the connection the transaction runs on, not a query built per row.

type Target = (typeof IMPORT_TARGETS)[number];
export type SourceKey = { sourceFormat: string; sourceKind: string; sourceId: string };

// One query for both uses below: inside the import's transaction (synchronous until
// transactions become async) and before it, while media files are stored.
function importedItem(db: Tx | Db, key: SourceKey) {
  return db
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
}

/** What an earlier import made from this source item, if anything (inside the import's transaction). */
export function findImported(tx: Tx | Db, key: SourceKey): number | undefined {
  return importedItem(tx, key).get()?.targetId;
}

export function recordImported(tx: Tx, key: SourceKey, targetType: Target, targetId: number): void {
  tx.insert(importItems)
    .values({ ...key, targetType, targetId })
    .onConflictDoNothing()
    .run();
}

/** Whom posts without a known author are credited to: the owner, else the first admin. */
export function fallbackAuthorId(tx: Tx): number | undefined {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.role, ["owner", "admin"]))
    .orderBy(sql`${users.role} = 'owner' desc`, asc(users.id))
    .get()?.id;
}

export function findUserIdByEmail(tx: Tx, email: string): number | undefined {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .get()?.id;
}

function uniqueSlug(taken: (slug: string) => boolean, base: string): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

// Imported staff have no password: this is no argon2 hash, so verifyPassword can never
// accept anything against it (lib/users/password.ts). A password reset or invitation gives them one.
export const NO_PASSWORD = "!imported:no-password";

export function insertImportedUser(
  tx: Tx,
  user: { email: string; name: string; slugBase: string; role: Exclude<Role, "owner">; bio: string },
): number {
  const slug = uniqueSlug(
    (candidate) => !!tx.select({ id: users.id }).from(users).where(eq(users.slug, candidate)).get(),
    user.slugBase || "author",
  );
  return tx
    .insert(users)
    .values({ email: user.email, name: user.name, slug, role: user.role, bio: user.bio, passwordHash: NO_PASSWORD })
    .returning({ id: users.id })
    .get().id;
}

/** A tag with this slug or this name (any case): a category and a tag of one name are one tag. */
export function findTag(tx: Tx, name: string, slug: string): number | undefined {
  return tx
    .select({ id: tags.id })
    .from(tags)
    .where(or(eq(tags.slug, slug), sql`lower(${tags.name}) = ${name.toLowerCase()}`))
    .orderBy(sql`${tags.slug} = ${slug} desc`)
    .get()?.id;
}

export function insertImportedTag(tx: Tx, tag: { name: string; slug: string; description: string }): number {
  const slug = uniqueSlug(
    (candidate) => !!tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, candidate)).get(),
    tag.slug,
  );
  return tx
    .insert(tags)
    .values({ ...tag, slug })
    .returning({ id: tags.id })
    .get().id;
}

export function tagSlugById(tx: Tx, id: number): string | undefined {
  return tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, id)).get()?.slug;
}

/**
 * A post slug no one has: "hello", else "hello-2", "hello-3", …. Two index lookups
 * (the slug itself, then the range of "hello-…"), not the LIKE scan of every slug
 * uniqueSlug() in sql.ts makes: that one is fine for a post typed in the editor, but
 * at 100,000 imported posts it read ten billion index entries.
 */
function uniqueImportedPostSlug(tx: Tx, base: string): string {
  const wanted = base || "untitled";
  if (!tx.select({ id: posts.id }).from(posts).where(eq(posts.slug, wanted)).get()) return wanted;
  // "-" is followed by "." in code-point order: the range holds exactly the slugs starting "<base>-".
  const taken = new Set(
    tx
      .select({ slug: posts.slug })
      .from(posts)
      .where(and(gte(posts.slug, `${wanted}-`), lt(posts.slug, `${wanted}.`)))
      .all()
      .map((row) => row.slug),
  );
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** Inserts a post under a slug no one has (staff's posts keep theirs). */
export function insertImportedPost(tx: Tx, post: NewPost): { id: number; slug: string } {
  return tx
    .insert(posts)
    .values({ ...post, slug: uniqueImportedPostSlug(tx, post.slug) })
    .returning({ id: posts.id, slug: posts.slug })
    .get();
}

export function insertPostTags(tx: Tx, postId: number, tagIds: number[]): void {
  const unique = [...new Set(tagIds)];
  if (unique.length === 0) return;
  tx.insert(postTags)
    .values(unique.map((tagId, position) => ({ postId, tagId, position })))
    .onConflictDoNothing()
    .run();
}

/** Whether a path is the live address of a post, page or tag: a redirect must never hide it. */
export function isLiveAddress(tx: Tx, path: string): boolean {
  const post = /^\/([^/?#]+)$/.exec(path)?.[1];
  if (post)
    return !!tx
      .select({ id: posts.id })
      .from(posts)
      .where(eq(posts.slug, decodeSafe(post)))
      .get();
  const tag = /^\/tag\/([^/?#]+)$/.exec(path)?.[1];
  if (tag)
    return !!tx
      .select({ id: tags.id })
      .from(tags)
      .where(eq(tags.slug, decodeSafe(tag)))
      .get();
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
export function insertRedirect(tx: Tx, fromPath: string, toPath: string): boolean {
  return tx.insert(redirects).values({ fromPath, toPath }).onConflictDoNothing().run().changes === 1;
}

/** The /media/ address of a file an earlier import stored from this URL (read before the transaction). */
export async function importedMediaUrl(db: Db, sourceFormat: string, url: string): Promise<string | undefined> {
  const [item] = await importedItem(db, { sourceFormat, sourceKind: "media-url", sourceId: url });
  if (item === undefined) return undefined;
  const [row] = await db.select({ key: media.storageKey }).from(media).where(eq(media.id, item.targetId)).limit(1);
  return row ? `/media/${row.key}` : undefined;
}

export function insertImportedMedia(tx: Tx, row: typeof media.$inferInsert): number {
  return tx.insert(media).values(row).returning({ id: media.id }).get().id;
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

/**
 * The per-row writes of an import as statements prepared once. `client` is the
 * connection the import's transaction runs on (db.$client), so they run inside it.
 */
export class ImportSql {
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

  findImported(key: SourceKey): number | undefined {
    return this.statement(
      "SELECT target_id FROM import_items WHERE source_format = ? AND source_kind = ? AND source_id = ?",
    )
      .pluck()
      .get(key.sourceFormat, key.sourceKind, key.sourceId) as number | undefined;
  }

  recordImported(key: SourceKey, targetType: Target, targetId: number): void {
    this.statement(
      `INSERT INTO import_items (source_format, source_kind, source_id, target_type, target_id)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(key.sourceFormat, key.sourceKind, key.sourceId, targetType, targetId);
  }

  insertComment(comment: NewImportedComment): number {
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

  setCommentParent(id: number, parentId: number): void {
    this.statement("UPDATE comments SET parent_id = ? WHERE id = ?").run(parentId, id);
  }
}
