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

const TABLES = ["users", "posts", "post_tags", "tags", "revisions", "settings", "redirects", "audit_log", "user_tokens", "media"];

/** Empties and re-seeds the test database. */
export function seedSite() {
  const sqlite = migratedDb().$client;
  sqlite.pragma("foreign_keys = OFF");
  for (const table of TABLES) sqlite.prepare(`DELETE FROM ${table}`).run();
  sqlite.pragma("foreign_keys = ON");
  const user = sqlite.prepare("INSERT INTO users (id, email, name, slug, role, password_hash) VALUES (?, ?, ?, ?, ?, 'h')");
  for (const p of Object.values(PEOPLE)) user.run(p.id, p.email, p.name, `u${p.id}`, p.role);
  const post = sqlite.prepare(
    "INSERT INTO posts (id, title, slug, markdown, html, status, author_id, published_at, deleted_at) VALUES (?, ?, ?, 'Body', '<p>Body</p>', ?, ?, ?, ?)",
  );
  for (const [name, p] of Object.entries(POSTS)) {
    post.run(p.id, name, `post-${p.id}`, p.status, p.author, p.status === "published" ? Date.now() - 60_000 : null, name === "trashedOther" ? Date.now() : null);
  }
  sqlite.prepare("INSERT INTO tags (id, name, slug) VALUES (21, 'Sea', 'sea'), (22, 'Ocean', 'ocean')").run();
  sqlite.prepare("INSERT INTO revisions (id, post_id, author_id, kind, title, markdown, version) VALUES (31, 13, 5, 'save', 'old', 'Old body', 1), (32, 15, 6, 'save', 'old', 'Old body', 1), (33, 11, 4, 'save', 'old', 'Old body', 1)").run();
}

/** Every row of every table this test touches: equal before and after means nothing changed. */
export function dump(): string {
  const sqlite = migratedDb().$client;
  return JSON.stringify(TABLES.map((table) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
}

export function row<T>(sql: string, ...params: unknown[]): T {
  return migratedDb().$client.prepare(sql).get(...params) as T;
}
