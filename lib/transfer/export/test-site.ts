// A small site for the export tests: every kind of thing an export carries, and
// every kind of secret it must leave out, each with a value a test can search for.
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "@/db/connection";
import { databaseKind } from "@/db/kind";
import { runMigrations } from "@/db/migrate";
import type { PgDb } from "@/db/pg/connection";
import {
  apiKeys,
  comments,
  integrations,
  media,
  posts,
  postTags,
  redirects,
  revisions,
  settings,
  tags,
  userTokens,
  users,
  webhooks,
} from "@/db/schema";
import { write } from "@/db/transaction";
import { advanceIdentities } from "@/test/admin-fixture";
import { freshSite } from "../test-support";

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
const at = (ms: number) => new Date(ms);

/**
 * A data folder holding the site; `comments` adds that many generated comments on the first
 * post. On SQLite the site is a database of its own in `dir`; on PostgreSQL it is the test
 * file's database (DATABASE_URL), emptied first, and `dir` holds the media and the secret file.
 */
export async function makeExportSite(dir: string, options: { comments?: number } = {}) {
  if (databaseKind() === "postgres") {
    await freshSite();
    await write(async (db) => {
      await fill(db, options.comments ?? 0);
      // Rows inserted with their ids leave the identity sequences behind them.
      await advanceIdentities(db as unknown as PgDb);
    });
  } else {
    const db = openDatabase(path.join(dir, "quire.db"));
    try {
      runMigrations(db.$client, MIGRATIONS);
      db.$client.exec("BEGIN");
      await fill(db, options.comments ?? 0);
      db.$client.exec("COMMIT");
    } finally {
      db.$client.close();
    }
  }
  for (const [key, content] of Object.entries(MEDIA_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, "media", key)), { recursive: true });
    fs.writeFileSync(path.join(dir, "media", key), content);
  }
  fs.writeFileSync(path.join(dir, "auth.secret"), `${SECRETS.authSecret}\n`, { mode: 0o600 });
}

async function fill(db: Db, extraComments: number) {
  await db.insert(users).values([
    {
      id: 1,
      email: "ada@example.com",
      name: "Ada Lovelace",
      slug: "ada",
      bio: "Writes.",
      role: "owner",
      passwordHash: SECRETS.passwordHash,
      avatarUrl: "/media/ada.png",
    },
    { id: 2, email: "bob@example.com", name: "Bob", slug: "bob", role: "author", passwordHash: SECRETS.passwordHash },
  ]);
  await db.insert(userTokens).values({
    kind: "invite",
    tokenHash: SECRETS.tokenHash,
    email: "new@example.com",
    role: "author",
    expiresAt: at(T0),
  });
  await db.insert(integrations).values({ id: 1, name: "Zapier", role: "editor" });
  await db.insert(apiKeys).values({
    id: "kid1",
    integrationId: 1,
    type: "admin",
    secretHash: SECRETS.apiSecretHash,
    secretEncrypted: SECRETS.apiSecretEncrypted,
  });
  await db.insert(webhooks).values({ integrationId: 1, event: "post.published", targetUrl: SECRETS.webhookUrl });
  await db.insert(settings).values(
    Object.entries({
      title: "Ada's <Notebook> & more",
      timezone: "Europe/Paris",
      bannedEmails: ["troll@example.com"],
      webhooksAllowPrivate: true,
      someFutureSecret: "SECRET-STRAY-SETTING",
    }).map(([key, value]) => ({ key, value })),
  );

  await db.insert(tags).values([
    { id: 1, name: "Engines", slug: "engines", description: "Analytical ones." },
    { id: 2, name: "yes", slug: "yes" },
    { id: 3, name: "Notes", slug: "notes" },
  ]);

  const base = {
    type: "post",
    status: "published",
    publishedAt: at(T0),
    authorId: 1,
    featured: false,
    customExcerpt: null,
    metaTitle: null,
    metaDescription: null,
    featureImage: null,
    commentsOpen: true,
    deletedAt: null,
    createdAt: at(T0 - DAY),
    updatedAt: at(T0 + DAY),
  } as const;
  await db.insert(posts).values([
    {
      ...base,
      id: 1,
      title: "On the Engine: ]]> & <tricks>",
      slug: "on-the-engine",
      markdown: "# Notes\n\nThe engine *weaves* patterns. ]]> stays.\n",
      html: "<h1>Notes</h1>\n<p>The engine <em>weaves</em> patterns. ]]&gt; stays.</p>",
      featured: true,
      customExcerpt: "Weaving algebraic patterns.",
      metaTitle: "Engine SEO title",
      metaDescription: "Engine SEO description",
      featureImage: "/media/2026/11/aa11-w1600.png",
    },
    {
      ...base,
      id: 2,
      title: "A draft",
      slug: "a-draft",
      markdown: "Draft body.",
      html: "<p>Draft body.</p>",
      status: "draft",
      publishedAt: null,
      authorId: 2,
    },
    {
      ...base,
      id: 3,
      title: "Tomorrow",
      slug: "tomorrow",
      markdown: "Later.",
      html: "<p>Later.</p>",
      status: "scheduled",
      publishedAt: at(T0 + 30 * DAY),
    },
    {
      ...base,
      id: 4,
      title: "Waiting",
      slug: "waiting",
      markdown: "Please review.",
      html: "<p>Please review.</p>",
      status: "review",
      publishedAt: null,
      authorId: 2,
    },
    {
      ...base,
      id: 5,
      title: "Binned",
      slug: "binned",
      markdown: "Gone.",
      html: "<p>Gone.</p>",
      deletedAt: at(T0 + 2 * DAY),
    },
    {
      ...base,
      id: 6,
      type: "page",
      title: "About",
      slug: "about",
      markdown: "About *me*.",
      html: "<p>About <em>me</em>.</p>",
      commentsOpen: false,
    },
  ]);
  await db.insert(postTags).values([
    { postId: 1, tagId: 3, position: 0 },
    { postId: 1, tagId: 1, position: 1 },
    { postId: 1, tagId: 2, position: 2 },
    { postId: 2, tagId: 1, position: 0 },
  ]);

  await db.insert(revisions).values({
    postId: 1,
    authorId: 1,
    kind: "save",
    title: "Old title",
    markdown: "Old body",
    version: 1,
    createdAt: at(T0 - DAY),
  });

  const c = {
    postId: 1,
    parentId: null,
    status: "approved",
    authorUrl: null,
    userId: null,
    ipHash: SECRETS.ipHash,
    userAgent: "Mozilla/5.0 SECRET-AGENT",
    editTokenHash: SECRETS.editTokenHash,
  } as const;
  await db.insert(comments).values([
    {
      ...c,
      id: 1,
      authorName: "Charles",
      authorEmail: "charles@example.com",
      authorUrl: "https://babbage.example",
      markdown: "First!",
      html: "<p>First!</p>",
      createdAt: at(T0 + 1000),
    },
    {
      ...c,
      id: 2,
      parentId: 1,
      authorName: "Ada Lovelace",
      authorEmail: "ada@example.com",
      userId: 1,
      markdown: "Reply",
      html: "<p>Reply</p>",
      createdAt: at(T0 + 2000),
    },
    {
      ...c,
      id: 3,
      parentId: 2,
      status: "pending",
      authorName: "Mary",
      authorEmail: "mary@example.com",
      markdown: "Deeper",
      html: "<p>Deeper</p>",
      createdAt: at(T0 + 3000),
    },
    {
      ...c,
      id: 4,
      status: "spam",
      authorName: "Spammer",
      authorEmail: "spam@example.com",
      markdown: "Buy",
      html: "<p>Buy</p>",
      createdAt: at(T0 + 4000),
    },
  ]);
  const generated = Array.from({ length: extraComments }, (_, i) => ({
    ...c,
    id: 100 + i,
    parentId: i % 3 === 0 ? null : 100 + i - 1,
    authorName: `Reader ${i}`,
    authorEmail: `reader${i}@example.com`,
    markdown: `Comment ${i}`,
    html: `<p>Comment ${i}</p>`,
    createdAt: at(T0 + 10_000 + i),
  }));
  // In batches: one statement's parameters are bounded (SQLite's 32,766; PostgreSQL's 65,535).
  for (let i = 0; i < generated.length; i += 500) await db.insert(comments).values(generated.slice(i, i + 500));

  await db.insert(redirects).values([
    { fromPath: "/2019/05/old-engine/", toPath: "/on-the-engine" },
    { fromPath: "/?p=17", toPath: "/on-the-engine" },
  ]);
  await db.insert(media).values({
    storageKey: "2026/11/aa11-w1600.png",
    originalName: "loom.png",
    mimeType: "image/png",
    size: 18,
    width: 1600,
    height: 900,
    alt: "A Jacquard loom",
    variants: [{ width: 640, key: "2026/11/aa11-640.webp", size: 18 }],
    uploadedBy: 1,
  });
}
