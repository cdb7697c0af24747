// Reads for the exporters (lib/transfer/export/): every list is read in keyset pages
// (`id > last ORDER BY id LIMIT n`), so no query ever holds all posts or comments. A page
// is handed over whole, which leaves the connection free while the caller awaits its
// output stream between pages. On SQLite each page is still read synchronously.
//
// Raw SQL on a dedicated read-only connection rather than the app's Drizzle handle:
// the export runs inside one read transaction (a consistent snapshot while the site
// keeps writing, as the backup does), and that must not be the web server's connection.
// The same SQL runs on both databases (camelCase aliases are quoted for PostgreSQL), but
// for two queries where each has its own idiom; PostgreSQL's connection, and its values
// turned into SQLite's encodings, are in db/dialects/pg/export.ts.
import Database from "better-sqlite3";
import { getEnv } from "@/lib/env";
import { databaseFile } from "../connection";
import { openPgExportSource } from "../dialects/pg/export";
import { databaseKind, type DatabaseKind } from "../kind";
import type { CommentStatus, PostStatus, PostType, Role } from "../schema";

export type StaffRow = {
  id: number;
  name: string;
  email: string;
  slug: string;
  bio: string;
  role: Role;
  avatarUrl: string | null;
  status: "active" | "suspended";
  createdAt: number;
};

export type TagRow = { id: number; name: string; slug: string; description: string; createdAt: number };

export type PostRow = {
  id: number;
  type: PostType;
  title: string;
  slug: string;
  markdown: string;
  html: string;
  customExcerpt: string | null;
  status: PostStatus;
  publishedAt: number | null;
  authorId: number;
  featureImage: string | null;
  featureImageAlt: string | null;
  featured: number;
  metaTitle: string | null;
  metaDescription: string | null;
  canonicalUrl: string | null;
  ogTitle: string | null;
  ogDescription: string | null;
  ogImage: string | null;
  twitterTitle: string | null;
  twitterDescription: string | null;
  twitterImage: string | null;
  commentsOpen: number;
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

export type CommentRow = {
  id: number;
  postId: number;
  parentId: number | null;
  status: CommentStatus;
  kind: "comment" | "trackback" | "pingback";
  authorName: string;
  authorEmail: string | null;
  authorUrl: string | null;
  userId: number | null;
  markdown: string;
  html: string;
  notifyReplies: number;
  approvedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

export type RevisionRow = {
  id: number;
  postId: number;
  authorId: number | null;
  kind: string;
  title: string;
  markdown: string;
  version: number;
  createdAt: number;
};

export type MediaRow = {
  id: number;
  storageKey: string;
  originalName: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string;
  variants: string | null;
  uploadedBy: number | null;
  createdAt: number;
};

export type RedirectRow = { id: number; fromPath: string; toPath: string; createdAt: number };

export type ExportCounts = {
  staff: number;
  tags: number;
  posts: number;
  pages: number;
  comments: number;
  revisions: number;
  media: number;
  redirects: number;
};

// Columns named once, aliased to the row types above. Never selected: password
// hashes, session versions, comment IP hashes, user agents and edit-token hashes.
const POST_COLUMNS = `id, type, title, slug, markdown, html, custom_excerpt AS "customExcerpt", status,
  published_at AS "publishedAt", author_id AS "authorId", feature_image AS "featureImage",
  feature_image_alt AS "featureImageAlt", featured, meta_title AS "metaTitle", meta_description AS "metaDescription",
  canonical_url AS "canonicalUrl", og_title AS "ogTitle", og_description AS "ogDescription", og_image AS "ogImage",
  twitter_title AS "twitterTitle", twitter_description AS "twitterDescription", twitter_image AS "twitterImage",
  comments_open AS "commentsOpen", deleted_at AS "deletedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;
const COMMENT_COLUMNS = `id, post_id AS "postId", parent_id AS "parentId", status, kind, author_name AS "authorName",
  author_email AS "authorEmail", author_url AS "authorUrl", user_id AS "userId", markdown, html,
  notify_replies AS "notifyReplies", approved_at AS "approvedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export const DEFAULT_PAGE_SIZE = 500;

/**
 * One connection inside one read transaction, answering the reader's SQL (parameters named
 * `@name`) with rows in SQLite's encodings, whichever database it reads.
 */
export interface ExportSource {
  readonly kind: DatabaseKind;
  all<R>(sql: string, params?: Record<string, unknown>): Promise<R[]>;
  /** Ends the transaction and closes the connection. */
  close(): Promise<void>;
}

/** Yields the rows of `sql` (which takes `@after` and `@limit`) one page at a time, in id order. */
async function* keysetPages<R extends { id: number }>(
  source: ExportSource,
  sql: string,
  params: Record<string, unknown>,
  pageSize: number,
): AsyncGenerator<R[]> {
  let after = 0;
  for (;;) {
    const page = await source.all<R>(sql, { ...params, after, limit: pageSize });
    if (page.length === 0) return;
    after = page[page.length - 1]!.id;
    yield page;
    if (page.length < pageSize) return;
  }
}

export class ExportReader {
  constructor(
    readonly source: ExportSource,
    readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {}

  async counts(): Promise<ExportCounts> {
    const [counts] = await this.source.all<ExportCounts>(
      `SELECT (SELECT count(*) FROM users) AS staff, (SELECT count(*) FROM tags) AS tags,
        (SELECT count(*) FROM posts WHERE type = 'post') AS posts, (SELECT count(*) FROM posts WHERE type = 'page') AS pages,
        (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM revisions) AS revisions,
        (SELECT count(*) FROM media) AS media, (SELECT count(*) FROM redirects) AS redirects`,
    );
    return counts!;
  }

  /** The highest post id: attachments in WXR are numbered after it, in the same id space. */
  async maxPostId(): Promise<number> {
    const [row] = await this.source.all<{ maxId: number }>(`SELECT coalesce(max(id), 0) AS "maxId" FROM posts`);
    return row?.maxId ?? 0;
  }

  /** Stored settings as raw key → JSON text; the caller keeps only the keys it knows. */
  async settings(): Promise<Map<string, string>> {
    const rows = await this.source.all<{ key: string; value: string }>("SELECT key, value FROM settings");
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  // Staff, tags, media and redirects are small next to posts and comments, but are
  // paged all the same: nothing here assumes a table fits in memory.
  staffPages(): AsyncGenerator<StaffRow[]> {
    return keysetPages(
      this.source,
      `SELECT id, name, email, slug, bio, role, avatar_url AS "avatarUrl", status, created_at AS "createdAt"
       FROM users WHERE id > @after ORDER BY id LIMIT @limit`,
      {},
      this.pageSize,
    );
  }

  tagPages(): AsyncGenerator<TagRow[]> {
    return keysetPages(
      this.source,
      `SELECT id, name, slug, description, created_at AS "createdAt" FROM tags WHERE id > @after ORDER BY id LIMIT @limit`,
      {},
      this.pageSize,
    );
  }

  postPages(type: PostType): AsyncGenerator<PostRow[]> {
    // SQLite: by id through the index that starts with id and holds the type: no sort, and pages
    // are found without reading any post's row (left alone, SQLite sorts every post of the type
    // per page). PostgreSQL walks its primary key in order by itself and has no such hint.
    const from = this.source.kind === "sqlite" ? "posts INDEXED BY posts_visibility_idx" : "posts";
    return keysetPages(
      this.source,
      `SELECT ${POST_COLUMNS} FROM ${from} WHERE id > @after AND type = @type ORDER BY id LIMIT @limit`,
      { type },
      // Posts carry their bodies twice (Markdown and HTML): smaller pages keep memory flat.
      Math.max(1, Math.ceil(this.pageSize / 5)),
    );
  }

  /** Tag ids of these posts in their order (the first is the primary tag). */
  async tagIdsOf(postIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return out;
    const params = Object.fromEntries(postIds.map((id, i) => [`post${i}`, id]));
    const rows = await this.source.all<{ postId: number; tagId: number }>(
      `SELECT post_id AS "postId", tag_id AS "tagId" FROM post_tags
       WHERE post_id IN (${postIds.map((_, i) => `@post${i}`).join(",")}) ORDER BY post_id, position, tag_id`,
      params,
    );
    for (const row of rows) out.get(row.postId)!.push(row.tagId);
    return out;
  }

  /** Tags that come first on at least one post: WXR also offers them as categories. */
  async primaryTagIds(): Promise<Set<number>> {
    const rows = await this.source.all<{ tagId: number }>(
      this.source.kind === "sqlite"
        ? // A bare column next to min() comes from the row holding the minimum.
          `SELECT DISTINCT tagId AS "tagId" FROM (SELECT tag_id AS tagId, min(position) FROM post_tags GROUP BY post_id)`
        : // Each post's first row, in the order tagIdsOf() reads them.
          `SELECT DISTINCT "tagId" FROM (SELECT DISTINCT ON (post_id) tag_id AS "tagId" FROM post_tags
           ORDER BY post_id, position, tag_id) AS firsts`,
    );
    return new Set(rows.map((row) => row.tagId));
  }

  commentPages(): AsyncGenerator<CommentRow[]> {
    return keysetPages(
      this.source,
      `SELECT ${COMMENT_COLUMNS} FROM comments WHERE id > @after ORDER BY id LIMIT @limit`,
      {},
      this.pageSize * 4,
    );
  }

  /** One post's comments, oldest id first (a parent always comes before its replies). */
  commentPagesOf(postId: number): AsyncGenerator<CommentRow[]> {
    return keysetPages(
      this.source,
      `SELECT ${COMMENT_COLUMNS} FROM comments WHERE post_id = @postId AND id > @after ORDER BY id LIMIT @limit`,
      { postId },
      this.pageSize * 4,
    );
  }

  revisionPages(): AsyncGenerator<RevisionRow[]> {
    return keysetPages(
      this.source,
      `SELECT id, post_id AS "postId", author_id AS "authorId", kind, title, markdown, version, created_at AS "createdAt"
       FROM revisions WHERE id > @after ORDER BY id LIMIT @limit`,
      {},
      this.pageSize,
    );
  }

  mediaPages(): AsyncGenerator<MediaRow[]> {
    return keysetPages(
      this.source,
      `SELECT id, storage_key AS "storageKey", original_name AS "originalName", mime_type AS "mimeType", size, width,
        height, alt, variants, uploaded_by AS "uploadedBy", created_at AS "createdAt"
       FROM media WHERE id > @after ORDER BY id LIMIT @limit`,
      {},
      this.pageSize,
    );
  }

  redirectPages(): AsyncGenerator<RedirectRow[]> {
    return keysetPages(
      this.source,
      `SELECT id, from_path AS "fromPath", to_path AS "toPath", created_at AS "createdAt" FROM redirects
       WHERE id > @after ORDER BY id LIMIT @limit`,
      {},
      this.pageSize,
    );
  }
}

/**
 * A read-only connection of its own, inside one read transaction: every page the export
 * reads comes from the same snapshot, and the site's writers are never blocked (WAL mode on
 * SQLite; REPEATABLE READ on PostgreSQL, the database DATABASE_URL names, where `dataDir`
 * plays no part). Close it with `close()` when done.
 */
export async function openExportSnapshot(dataDir: string, pageSize = DEFAULT_PAGE_SIZE) {
  const source =
    databaseKind() === "postgres" ? await openPgExportSource(getEnv().DATABASE_URL!) : openSqliteSource(dataDir);
  return { reader: new ExportReader(source, pageSize), close: () => source.close() };
}

function openSqliteSource(dataDir: string): ExportSource {
  const sqlite = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.exec("BEGIN");
  // A deferred transaction takes its snapshot at the first read: read now.
  sqlite.prepare("SELECT count(*) FROM sqlite_master").get();
  const statements = new Map<string, Database.Statement>();
  return {
    kind: "sqlite",
    async all<R>(sql: string, params: Record<string, unknown> = {}): Promise<R[]> {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(params) as R[];
    },
    async close() {
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
      sqlite.close();
    },
  };
}
