// The values of Quire's enumerated text columns, shared by both dialects' schemas
// (db/schema/sqlite.ts and db/schema/pg.ts) so the two cannot drift apart.

export const ROLES = ["owner", "admin", "editor", "author", "contributor"] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ["active", "suspended"] as const;

export const USER_TOKEN_KINDS = ["invite", "reset"] as const;

export const POST_TYPES = ["post", "page"] as const;
export type PostType = (typeof POST_TYPES)[number];
// "review": a contributor submitted it and an editor has not yet published it.
export const POST_STATUSES = ["draft", "review", "scheduled", "published"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const REVISION_KINDS = ["autosave", "save", "publish", "conflict", "restore"] as const;

export const COMMENT_STATUSES = ["pending", "approved", "spam", "trash"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
// Trackbacks and pingbacks arrive only through imports (Quire does not receive them).
export const COMMENT_KINDS = ["comment", "trackback", "pingback"] as const;

export const IMPORT_TARGETS = ["user", "tag", "post", "comment", "media"] as const;

// An import started in the admin: uploaded and checked by a dry run ("checked"), then
// confirmed ("queued"), run in the server process ("running"), "done" or "failed".
export const IMPORT_JOB_STATUSES = ["checked", "queued", "running", "done", "failed"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

// An integration acts with one of these roles (never owner).
export const INTEGRATION_ROLES = ["contributor", "author", "editor", "admin"] as const;
export const API_KEY_TYPES = ["content", "admin"] as const;

export const WEBHOOK_EVENTS = [
  "post.published",
  "post.published.edited",
  "post.unpublished",
  "post.deleted",
  "page.published",
  "page.published.edited",
  "page.unpublished",
  "page.deleted",
  "comment.added",
  "comment.approved",
] as const;

export const OUTBOX_KINDS = ["email", "webhook"] as const;
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;

export const ANALYTICS_DIMENSIONS = ["views", "visitors", "bots", "path", "referrer", "device"] as const;
