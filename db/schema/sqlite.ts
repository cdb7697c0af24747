import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  ANALYTICS_DIMENSIONS,
  API_KEY_TYPES,
  COMMENT_KINDS,
  COMMENT_STATUSES,
  IMPORT_JOB_STATUSES,
  IMPORT_TARGETS,
  INTEGRATION_ROLES,
  OUTBOX_KINDS,
  OUTBOX_STATUSES,
  POST_STATUSES,
  POST_TYPES,
  REVISION_KINDS,
  ROLES,
  USER_STATUSES,
  USER_TOKEN_KINDS,
  WEBHOOK_EVENTS,
} from "./enums";

export * from "./enums";

// Times are UTC, stored as integer milliseconds (Drizzle maps them to Date).
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  bio: text("bio").notNull().default(""),
  avatarUrl: text("avatar_url"),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  // Bumped on suspension, password change and "sign out everywhere": older sessions stop working.
  sessionVersion: integer("session_version").notNull().default(1),
  status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
  lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// Invitations and password resets: only a hash of the emailed token is kept.
export const userTokens = sqliteTable(
  "user_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: USER_TOKEN_KINDS }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("user_tokens_email_idx").on(t.email, t.kind)],
);

// Posts and pages share one table, so they share one slug space (`/<slug>`).
export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type", { enum: POST_TYPES }).notNull().default("post"),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    markdown: text("markdown").notNull().default(""),
    // Sanitised HTML rendered from `markdown` at save time; readers never pay for rendering.
    html: text("html").notNull().default(""),
    // Plain text of the body, for search and derived excerpts.
    plaintext: text("plaintext").notNull().default(""),
    customExcerpt: text("custom_excerpt"),
    wordCount: integer("word_count").notNull().default(0),
    status: text("status", { enum: POST_STATUSES }).notNull().default("draft"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    featureImage: text("feature_image"),
    featureImageAlt: text("feature_image_alt"),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    metaTitle: text("meta_title"),
    metaDescription: text("meta_description"),
    canonicalUrl: text("canonical_url"),
    ogTitle: text("og_title"),
    ogDescription: text("og_description"),
    ogImage: text("og_image"),
    twitterTitle: text("twitter_title"),
    twitterDescription: text("twitter_description"),
    twitterImage: text("twitter_image"),
    commentsOpen: integer("comments_open", { mode: "boolean" }).notNull().default(true),
    // Optimistic concurrency: a save names the version it started from.
    version: integer("version").notNull().default(1),
    // Trash: set when deleted, cleared on restore; purge removes the row.
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("posts_slug_unique").on(t.slug),
    // Keyset pagination of the reader lists: newest published first. `deleted_at`
    // sits in the key (readers filter on `deleted_at IS NULL`, an equality for SQLite)
    // so lists and counts never read a row: its columns come after the long bodies,
    // and reaching them means walking each row's overflow pages.
    index("posts_listing_idx").on(t.type, t.status, t.deletedAt, t.publishedAt, t.id),
    index("posts_author_idx").on(t.authorId, t.type, t.status, t.deletedAt, t.publishedAt),
    // Whether a post (found by id through post_tags) is public, without reading its
    // row: queries that check thousands of posts name it with INDEXED BY.
    index("posts_visibility_idx").on(t.id, t.type, t.status, t.deletedAt, t.publishedAt),
    index("posts_featured_idx").on(t.featured, t.status, t.publishedAt),
    index("posts_updated_idx").on(t.updatedAt),
  ],
);

export const tags = sqliteTable("tags", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  description: text("description").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const postTags = sqliteTable(
  "post_tags",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    // The first tag is the primary one.
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tagId] }), index("post_tags_tag_idx").on(t.tagId, t.postId)],
);

export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: REVISION_KINDS }).notNull(),
    title: text("title").notNull(),
    markdown: text("markdown").notNull(),
    // The post version this revision was based on.
    version: integer("version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("revisions_post_idx").on(t.postId, t.createdAt)],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "set null" }),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("pending"),
    kind: text("kind", { enum: COMMENT_KINDS }).notNull().default("comment"),
    authorName: text("author_name").notNull(),
    // Never shown to readers: used for reply notifications and trust.
    authorEmail: text("author_email"),
    authorUrl: text("author_url"),
    // Set when a signed-in staff member wrote it.
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    markdown: text("markdown").notNull(),
    // SHA-256 (hex) of `markdown` as written, for the duplicate check's index
    // (db/queries/comments.ts commentBodyHash). Null on rows written before it existed
    // and on rows inserted by hand: the check looks those up by their text.
    bodyHash: text("body_hash"),
    html: text("html").notNull(),
    // Salted hash only: the raw address is never stored.
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
    notifyReplies: integer("notify_replies", { mode: "boolean" }).notNull().default(false),
    // Capability token for the commenter's short edit/delete window (hash only).
    editTokenHash: text("edit_token_hash"),
    spamScore: real("spam_score").notNull().default(0),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("comments_post_status_idx").on(t.postId, t.status, t.createdAt),
    index("comments_status_idx").on(t.status, t.createdAt),
    index("comments_email_idx").on(t.authorEmail, t.status),
    // The spam screen counts what moderators marked spam from the sender's address.
    index("comments_ip_status_idx").on(t.ipHash, t.status),
    index("comments_parent_idx").on(t.parentId),
    // The duplicate check: the same words on the same post, found without reading the post's comments.
    index("comments_post_body_hash_idx").on(t.postId, t.bodyHash),
  ],
);

export const media = sqliteTable(
  "media",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Generated storage name under the data folder's media directory; never the uploaded name.
    storageKey: text("storage_key").notNull().unique(),
    originalName: text("original_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    width: integer("width"),
    height: integer("height"),
    alt: text("alt").notNull().default(""),
    // JSON list of resized variants: [{ width, key, size }].
    variants: text("variants", { mode: "json" }).$type<{ width: number; key: string; size: number }[]>(),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("media_created_idx").on(t.createdAt)],
);

// Key/value site settings; values are JSON.
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: updatedAt(),
});

// Old addresses that answer 301 to their new place (slug changes).
export const redirects = sqliteTable("redirects", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  fromPath: text("from_path").notNull().unique(),
  toPath: text("to_path").notNull(),
  createdAt: createdAt(),
});

// What an import created, keyed by where it came from: importing the same file again
// finds its items here and creates nothing new.
export const importItems = sqliteTable(
  "import_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // "wordpress", "ghost", "blogger", "markdown".
    sourceFormat: text("source_format").notNull(),
    // The source's own kind and id, made unique within the source (a GUID, a site URL plus id).
    sourceKind: text("source_kind").notNull(),
    sourceId: text("source_id").notNull(),
    targetType: text("target_type", { enum: IMPORT_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("import_items_source_unique").on(t.sourceFormat, t.sourceKind, t.sourceId),
    index("import_items_target_idx").on(t.targetType, t.targetId),
  ],
);

// An import started in the admin (statuses in ./enums.ts), kept in the database so the
// page can follow it across reloads and offer the report later.
export const importJobs = sqliteTable(
  "import_jobs",
  {
    id: text("id").primaryKey(),
    status: text("status", { enum: IMPORT_JOB_STATUSES }).notNull(),
    filePath: text("file_path").notNull(),
    fileName: text("file_name").notNull(),
    fileBytes: integer("file_bytes").notNull(),
    format: text("format"),
    // Progress of the running import: its phase ("reading", "converting", "writing") and counts.
    phase: text("phase"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    dryRunReport: text("dry_run_report", { mode: "json" }).$type<Record<string, unknown>>(),
    report: text("report", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("import_jobs_status_idx").on(t.status)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    // Who acted, kept when the user is deleted: a name, "cli", or an integration.
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt), index("audit_log_target_idx").on(t.targetType, t.targetId)],
);

// Integrations own a Content API key and an Admin API key, and act with one role.
export const integrations = sqliteTable("integrations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  role: text("role", { enum: INTEGRATION_ROLES }).notNull().default("editor"),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    // The public key id (Ghost's `kid` for Admin keys).
    id: text("id").primaryKey(),
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    type: text("type", { enum: API_KEY_TYPES }).notNull(),
    // Content keys are only compared: a hash is enough.
    secretHash: text("secret_hash"),
    // Admin secrets verify HMAC signatures, so they are kept encrypted with the site secret.
    secretEncrypted: text("secret_encrypted"),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("api_keys_integration_idx").on(t.integrationId)],
);

export const webhooks = sqliteTable(
  "webhooks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    event: text("event", { enum: WEBHOOK_EVENTS }).notNull(),
    targetUrl: text("target_url").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhooks_event_idx").on(t.event)],
);

// Outgoing work that must survive a restart and retry with backoff: webhook
// deliveries and e-mails are queued here, never sent inside a user's request.
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: OUTBOX_KINDS }).notNull(),
    // For webhooks: the subscription; for e-mail: null.
    webhookId: integer("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    lastResponseStatus: integer("last_response_status"),
    // Several processes work one queue: a process claims an item (its id here) until
    // lease_until; a claimer that dies leaves the item to the next one after the lease.
    claimedBy: text("claimed_by"),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_webhook_idx").on(t.webhookId, t.createdAt),
  ],
);

// Rate limits and brute-force brakes, shared by every process serving the site
// (db/queries/rate-limits.ts). Times are plain epoch milliseconds: the counters are
// computed in SQL. A fixed window counts `points` until `expires_at`; a backoff counts
// attempts in `points` and refuses until `blocked_until`. Rows past `expires_at` mean
// nothing and are swept.
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull(),
    blockedUntil: integer("blocked_until").notNull().default(0),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);

// Reader analytics, daily aggregates only (db/queries/analytics.ts; counted in memory by
// bin/server/analytics.mjs, no address or user agent is ever stored). One row per UTC day,
// dimension and key: "views", "visitors" and "bots" with key ""; "path" by path;
// "referrer" by another site's host ("" = none, a direct visit); "device" by
// mobile/tablet/desktop. Flushes add to `count`, so processes and instances add up.
export const analyticsDaily = sqliteTable(
  "analytics_daily",
  {
    day: text("day").notNull(), // YYYY-MM-DD, UTC
    dimension: text("dimension", { enum: ANALYTICS_DIMENSIONS }).notNull(),
    key: text("key").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.dimension, t.key] }),
    index("analytics_daily_dimension_idx").on(t.dimension, t.day),
  ],
);

// Instances serving the site (each process, each cluster worker), for the health page
// (db/queries/instances.ts): each writes a heartbeat at start and every 30 s; rows not
// seen for an hour are swept. `id` is the label the process's /metrics output carries.
export const instances = sqliteTable(
  "instances",
  {
    id: text("id").primaryKey(),
    host: text("host").notNull(),
    pid: integer("pid").notNull(),
    version: text("version").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("instances_last_seen_idx").on(t.lastSeenAt)],
);

// Addresses that clicked "unsubscribe": no more reply or comment mail to them.
export const emailSuppressions = sqliteTable("email_suppressions", {
  email: text("email").primaryKey(),
  createdAt: createdAt(),
});

export type User = typeof users.$inferSelect;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type Tag = typeof tags.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Media = typeof media.$inferSelect;
