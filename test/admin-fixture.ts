import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/session";
import { migratedDb } from "./helpers";

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
};

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

/** Every ordinary table (the FTS index mirrors posts through triggers, so it is left out). */
function tables(): string[] {
  const sqlite = migratedDb().$client;
  const rows = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  const virtual = rows.filter((r) => /VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter(
      (name) =>
        !name.startsWith("sqlite_") &&
        !name.startsWith("__drizzle") &&
        !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
    );
}

/** Empties and re-seeds the test database. */
export function seedSite() {
  const sqlite = migratedDb().$client;
  sqlite.pragma("foreign_keys = OFF");
  for (const table of tables()) sqlite.prepare(`DELETE FROM ${table}`).run();
  sqlite.pragma("foreign_keys = ON");
  const user = sqlite.prepare(
    "INSERT INTO users (id, email, name, slug, role, password_hash) VALUES (?, ?, ?, ?, ?, 'h')",
  );
  for (const p of Object.values(PEOPLE)) user.run(p.id, p.email, p.name, `u${p.id}`, p.role);
  const post = sqlite.prepare(
    "INSERT INTO posts (id, title, slug, markdown, html, status, author_id, published_at, deleted_at) VALUES (?, ?, ?, 'Body', '<p>Body</p>', ?, ?, ?, ?)",
  );
  for (const [name, p] of Object.entries(POSTS)) {
    post.run(
      p.id,
      name,
      `post-${p.id}`,
      p.status,
      p.author,
      p.status === "published" ? Date.now() - 60_000 : null,
      name === "trashedOther" ? Date.now() : null,
    );
  }
  sqlite.prepare("INSERT INTO tags (id, name, slug) VALUES (21, 'Sea', 'sea'), (22, 'Ocean', 'ocean')").run();
  const comment = sqlite.prepare(
    "INSERT INTO comments (id, post_id, status, author_name, author_email, markdown, html, edit_token_hash, approved_at) VALUES (?, ?, ?, 'Reader', 'reader@example.com', 'Hi', '<p>Hi</p>', ?, ?)",
  );
  comment.run(COMMENTS.readerOnAuthors, POSTS.authorPublished.id, "pending", sha256(TOKENS.comment), null);
  comment.run(COMMENTS.onOthers, POSTS.otherPublished.id, "pending", null, null);
  comment.run(COMMENTS.approvedOnOthers, POSTS.otherPublished.id, "approved", null, Date.now());
  comment.run(COMMENTS.approvedOnAuthors, POSTS.authorPublished.id, "approved", null, Date.now());
  sqlite
    .prepare("INSERT INTO integrations (id, name, role, created_by) VALUES (?, 'Zapier', 'editor', 2)")
    .run(INTEGRATION.id);
  sqlite
    .prepare(
      "INSERT INTO webhooks (id, integration_id, event, target_url) VALUES (?, ?, 'post.published', 'https://hooks.example.com/x')",
    )
    .run(INTEGRATION.webhook, INTEGRATION.id);
  const medium = sqlite.prepare(
    "INSERT INTO media (id, storage_key, original_name, mime_type, size, alt, uploaded_by) VALUES (?, ?, 'a.png', 'image/png', 10, 'A', ?)",
  );
  medium.run(MEDIA.contributors, "2026/11/contributor.png", PEOPLE.contributor.id);
  medium.run(MEDIA.authors, "2026/11/aldo.png", PEOPLE.author.id);
  const token = sqlite.prepare(
    "INSERT INTO user_tokens (kind, token_hash, email, role, user_id, created_by, expires_at) VALUES (?, ?, ?, ?, ?, 2, ?)",
  );
  token.run("invite", sha256(TOKENS.invite), "invitee@example.com", "author", null, Date.now() + 3_600_000);
  token.run("reset", sha256(TOKENS.reset), PEOPLE.author.email, null, PEOPLE.author.id, Date.now() + 3_600_000);
  sqlite
    .prepare(
      "INSERT INTO revisions (id, post_id, author_id, kind, title, markdown, version) VALUES (31, 13, 5, 'save', 'old', 'Old body', 1), (32, 15, 6, 'save', 'old', 'Old body', 1), (33, 11, 4, 'save', 'old', 'Old body', 1)",
    )
    .run();
}

/**
 * Every row of every table this test touches: equal before and after means nothing changed.
 * Except the brute-force counters (rate_limits): a refused attempt counting there is the point.
 */
export function dump(): string {
  const sqlite = migratedDb().$client;
  return JSON.stringify(
    tables()
      .filter((table) => table !== "rate_limits")
      .map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]),
  );
}

export function row<T>(sql: string, ...params: unknown[]): T {
  return migratedDb()
    .$client.prepare(sql)
    .get(...params) as T;
}
