// The tables the app queries: SQLite's, or PostgreSQL's when DATABASE_URL names a server
// (db/kind.ts). Both are typed as SQLite's, so one set of query functions serves both
// dialects: db/schema/shape.test.ts proves the two modules' tables, columns and row types
// the same, which is what makes that cast honest.
import { databaseKind } from "./kind";
import * as pg from "./schema/pg";
import * as sqlite from "./schema/sqlite";

export * from "./schema/enums";
export type { Comment, Media, NewPost, Post, Tag, User } from "./schema/sqlite";

const active = (databaseKind() === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const {
  users,
  userTokens,
  posts,
  tags,
  postTags,
  revisions,
  comments,
  media,
  settings,
  redirects,
  importItems,
  importJobs,
  auditLog,
  integrations,
  apiKeys,
  webhooks,
  outbox,
  rateLimits,
  analyticsDaily,
  instances,
  emailSuppressions,
} = active;
