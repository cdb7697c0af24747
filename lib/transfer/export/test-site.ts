// A small site for the export tests: every kind of thing an export carries, and
// every kind of secret it must leave out, each with a value a test can search for.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/connection";
import yauzl from "yauzl";
import { runMigrations } from "@/db/migrate";

export const MIGRATIONS = path.resolve(__dirname, "..", "..", "..", "db", "migrations");

// Values that must never appear in an export.
export const SECRETS = {
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$SECRET-PASSWORD-HASH",
  apiSecretHash: "SECRET-CONTENT-KEY-HASH",
  apiSecretEncrypted: "SECRET-ADMIN-KEY-ENCRYPTED",
  tokenHash: "SECRET-INVITE-TOKEN-HASH",
  editTokenHash: "SECRET-EDIT-TOKEN-HASH",
  ipHash: "SECRET-IP-HASH",
  authSecret: "SECRET-AUTH-FILE-VALUE",
  webhookUrl: "https://hooks.example.com/SECRET-WEBHOOK-PATH",
} as const;

export const MEDIA_FILES = {
  "2026/11/aa11-w1600.png": "original png bytes",
  "2026/11/aa11-640.webp": "variant webp bytes",
};

const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 15, 9, 30, 0);

/** A data folder holding the site; `comments` adds that many generated comments on the first post. */
export function makeExportSite(dir: string, options: { comments?: number } = {}) {
  const db = openDatabase(path.join(dir, "quire.db")).$client;
  runMigrations(db, MIGRATIONS);
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run(
    "INSERT INTO users (id, email, name, slug, bio, role, password_hash, avatar_url) VALUES (1, 'ada@example.com', 'Ada Lovelace', 'ada', 'Writes.', 'owner', ?, '/media/ada.png')",
    SECRETS.passwordHash,
  );
  run(
    "INSERT INTO users (id, email, name, slug, role, password_hash) VALUES (2, 'bob@example.com', 'Bob', 'bob', 'author', ?)",
    SECRETS.passwordHash,
  );
  run(
    "INSERT INTO user_tokens (kind, token_hash, email, role, expires_at) VALUES ('invite', ?, 'new@example.com', 'author', ?)",
    SECRETS.tokenHash,
    T0,
  );
  run("INSERT INTO integrations (id, name, role) VALUES (1, 'Zapier', 'editor')");
  run(
    "INSERT INTO api_keys (id, integration_id, type, secret_hash, secret_encrypted) VALUES ('kid1', 1, 'admin', ?, ?)",
    SECRETS.apiSecretHash,
    SECRETS.apiSecretEncrypted,
  );
  run("INSERT INTO webhooks (integration_id, event, target_url) VALUES (1, 'post.published', ?)", SECRETS.webhookUrl);
  for (const [key, value] of Object.entries({
    title: "Ada's <Notebook> & more",
    timezone: "Europe/Paris",
    bannedEmails: ["troll@example.com"],
    webhooksAllowPrivate: true,
    someFutureSecret: "SECRET-STRAY-SETTING",
  }))
    run("INSERT INTO settings (key, value) VALUES (?, ?)", key, JSON.stringify(value));

  run("INSERT INTO tags (id, name, slug, description) VALUES (1, 'Engines', 'engines', 'Analytical ones.')");
  run("INSERT INTO tags (id, name, slug) VALUES (2, 'yes', 'yes')");
  run("INSERT INTO tags (id, name, slug) VALUES (3, 'Notes', 'notes')");

  const post = db.prepare(
    `INSERT INTO posts (id, type, title, slug, markdown, html, status, published_at, author_id, featured, custom_excerpt,
      meta_title, meta_description, feature_image, comments_open, deleted_at, created_at, updated_at)
     VALUES (@id, @type, @title, @slug, @markdown, @html, @status, @publishedAt, @authorId, @featured, @excerpt,
      @metaTitle, @metaDescription, @featureImage, @commentsOpen, @deletedAt, @createdAt, @updatedAt)`,
  );
  const base = {
    type: "post",
    status: "published",
    publishedAt: T0,
    authorId: 1,
    featured: 0,
    excerpt: null,
    metaTitle: null,
    metaDescription: null,
    featureImage: null,
    commentsOpen: 1,
    deletedAt: null,
    createdAt: T0 - DAY,
    updatedAt: T0 + DAY,
  };
  post.run({
    ...base,
    id: 1,
    title: "On the Engine: ]]> & <tricks>",
    slug: "on-the-engine",
    markdown: "# Notes\n\nThe engine *weaves* patterns. ]]> stays.\n",
    html: "<h1>Notes</h1>\n<p>The engine <em>weaves</em> patterns. ]]&gt; stays.</p>",
    featured: 1,
    excerpt: "Weaving algebraic patterns.",
    metaTitle: "Engine SEO title",
    metaDescription: "Engine SEO description",
    featureImage: "/media/2026/11/aa11-w1600.png",
  });
  post.run({
    ...base,
    id: 2,
    title: "A draft",
    slug: "a-draft",
    markdown: "Draft body.",
    html: "<p>Draft body.</p>",
    status: "draft",
    publishedAt: null,
    authorId: 2,
  });
  post.run({
    ...base,
    id: 3,
    title: "Tomorrow",
    slug: "tomorrow",
    markdown: "Later.",
    html: "<p>Later.</p>",
    status: "scheduled",
    publishedAt: T0 + 30 * DAY,
  });
  post.run({
    ...base,
    id: 4,
    title: "Waiting",
    slug: "waiting",
    markdown: "Please review.",
    html: "<p>Please review.</p>",
    status: "review",
    publishedAt: null,
    authorId: 2,
  });
  post.run({
    ...base,
    id: 5,
    title: "Binned",
    slug: "binned",
    markdown: "Gone.",
    html: "<p>Gone.</p>",
    deletedAt: T0 + 2 * DAY,
  });
  post.run({
    ...base,
    id: 6,
    type: "page",
    title: "About",
    slug: "about",
    markdown: "About *me*.",
    html: "<p>About <em>me</em>.</p>",
    commentsOpen: 0,
  });
  const tag = db.prepare("INSERT INTO post_tags (post_id, tag_id, position) VALUES (?, ?, ?)");
  tag.run(1, 3, 0);
  tag.run(1, 1, 1);
  tag.run(1, 2, 2);
  tag.run(2, 1, 0);

  run(
    "INSERT INTO revisions (post_id, author_id, kind, title, markdown, version, created_at) VALUES (1, 1, 'save', 'Old title', 'Old body', 1, ?)",
    T0 - DAY,
  );

  const comment = db.prepare(
    `INSERT INTO comments (id, post_id, parent_id, status, author_name, author_email, author_url, user_id, markdown, html,
      ip_hash, user_agent, edit_token_hash, created_at) VALUES (@id, @postId, @parentId, @status, @name, @email, @url,
      @userId, @markdown, @html, @ipHash, 'Mozilla/5.0 SECRET-AGENT', @editTokenHash, @createdAt)`,
  );
  const c = {
    postId: 1,
    parentId: null,
    status: "approved",
    url: null,
    userId: null,
    ipHash: SECRETS.ipHash,
    editTokenHash: SECRETS.editTokenHash,
  };
  comment.run({
    ...c,
    id: 1,
    name: "Charles",
    email: "charles@example.com",
    url: "https://babbage.example",
    markdown: "First!",
    html: "<p>First!</p>",
    createdAt: T0 + 1000,
  });
  comment.run({
    ...c,
    id: 2,
    parentId: 1,
    name: "Ada Lovelace",
    email: "ada@example.com",
    userId: 1,
    markdown: "Reply",
    html: "<p>Reply</p>",
    createdAt: T0 + 2000,
  });
  comment.run({
    ...c,
    id: 3,
    parentId: 2,
    status: "pending",
    name: "Mary",
    email: "mary@example.com",
    markdown: "Deeper",
    html: "<p>Deeper</p>",
    createdAt: T0 + 3000,
  });
  comment.run({
    ...c,
    id: 4,
    status: "spam",
    name: "Spammer",
    email: "spam@example.com",
    markdown: "Buy",
    html: "<p>Buy</p>",
    createdAt: T0 + 4000,
  });
  const extra = options.comments ?? 0;
  db.transaction(() => {
    for (let i = 0; i < extra; i++)
      comment.run({
        ...c,
        id: 100 + i,
        parentId: i % 3 === 0 ? null : 100 + i - 1,
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        markdown: `Comment ${i}`,
        html: `<p>Comment ${i}</p>`,
        createdAt: T0 + 10_000 + i,
      });
  })();

  run("INSERT INTO redirects (from_path, to_path) VALUES ('/2019/05/old-engine/', '/on-the-engine')");
  run("INSERT INTO redirects (from_path, to_path) VALUES ('/?p=17', '/on-the-engine')");
  run(
    `INSERT INTO media (storage_key, original_name, mime_type, size, width, height, alt, variants, uploaded_by)
     VALUES ('2026/11/aa11-w1600.png', 'loom.png', 'image/png', 18, 1600, 900, 'A Jacquard loom', ?, 1)`,
    JSON.stringify([{ width: 640, key: "2026/11/aa11-640.webp", size: 18 }]),
  );
  db.close();
  for (const [key, content] of Object.entries(MEDIA_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, "media", key)), { recursive: true });
    fs.writeFileSync(path.join(dir, "media", key), content);
  }
  fs.writeFileSync(path.join(dir, "auth.secret"), `${SECRETS.authSecret}\n`, { mode: 0o600 });
}

/** Every entry of a zip, by name. */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
