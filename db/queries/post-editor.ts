import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { type PostType, posts, postTags, redirects, revisions, tags, users } from "../schema";
import { write } from "../transaction";
import { postPresentationColumns } from "./post-columns";
import { recordAudit } from "./audit";
import { type Actor, liveInScope, type PostScope, tagSlugsOf } from "./post-scope";
import { uniquePostSlug } from "./posts";
import { slugTaken, tagsOfPosts } from "./sql";

export type { Actor, PostScope } from "./post-scope";

export type EditorFields = {
  title: string;
  markdown: string;
  html: string;
  plaintext: string;
  wordCount: number;
  customExcerpt: string | null;
  featureImage: string | null;
  featureImageAlt: string | null;
  featured: boolean;
  commentsOpen: boolean;
  metaTitle: string | null;
  metaDescription: string | null;
  canonicalUrl: string | null;
  ogTitle: string | null;
  ogDescription: string | null;
  ogImage: string | null;
  twitterTitle: string | null;
  twitterDescription: string | null;
  twitterImage: string | null;
};

export type TagInput = { name: string; slug: string };

/** Everything the editor shows, when the scope reaches the post. */
export async function getPostForEditor({ id, scope }: { id: number; scope: PostScope }) {
  const [post] = await getDb()
    .select({
      id: posts.id,
      type: posts.type,
      title: posts.title,
      slug: posts.slug,
      markdown: posts.markdown,
      html: posts.html,
      customExcerpt: posts.customExcerpt,
      wordCount: posts.wordCount,
      status: posts.status,
      publishedAt: posts.publishedAt,
      authorId: posts.authorId,
      authorName: users.name,
      ...postPresentationColumns,
      featured: posts.featured,
      commentsOpen: posts.commentsOpen,
      version: posts.version,
      updatedAt: posts.updatedAt,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(liveInScope(id, scope))
    .limit(1);
  if (!post) return undefined;
  return { ...post, tags: (await tagsOfPosts(getDb(), [id])).map((tag) => tag.name) };
}

/** Is this slug free for the post (or for a new one)? */
export async function isPostSlugFree(slug: string, exceptId?: number, db: Db = getDb()): Promise<boolean> {
  return !(await slugTaken(db, { slug: posts.slug, id: posts.id }, slug, exceptId));
}

// Tags named inline are created on the way; the first one is the primary tag.
async function setPostTags(db: Db, postId: number, list: TagInput[]): Promise<string[]> {
  await db.delete(postTags).where(eq(postTags.postId, postId));
  for (const [position, tag] of list.entries()) {
    const [existing] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, tag.slug)).limit(1);
    const tagId =
      existing?.id ??
      (await db.insert(tags).values({ name: tag.name, slug: tag.slug }).returning({ id: tags.id }))[0]!.id;
    await db.insert(postTags).values({ postId, tagId, position }).onConflictDoNothing();
  }
  return list.map((tag) => tag.slug);
}

export async function createPost(
  input: { type: PostType; authorId: number; slug: string; fields: EditorFields; tags: TagInput[] },
  actor: Actor,
) {
  return await write(async (db) => {
    const [inserted] = await db
      .insert(posts)
      .values({
        ...input.fields,
        type: input.type,
        authorId: input.authorId,
        status: "draft",
        slug: await uniquePostSlug(db, input.slug),
      })
      .returning({ id: posts.id, slug: posts.slug, version: posts.version });
    const created = inserted!;
    const tagSlugs = await setPostTags(db, created.id, input.tags);
    await db.insert(revisions).values({
      postId: created.id,
      authorId: actor.actorId,
      kind: "save",
      title: input.fields.title,
      markdown: input.fields.markdown,
      version: created.version,
    });
    await recordAudit(db, {
      ...actor,
      action: `${input.type}.create`,
      targetType: "post",
      targetId: created.id,
      details: { title: input.fields.title },
    });
    return { ...created, tagSlugs };
  });
}

export type SaveOutcome =
  | { ok: true; id: number; version: number; slug: string; status: string; tagSlugs: string[] }
  | { ok: false; reason: "not_found" | "slug_taken" }
  | { ok: false; reason: "conflict"; revisionId: number };

/**
 * Saves the editor's fields when the post is still at the version the editor started
 * from. Otherwise nothing changes but a `conflict` revision that keeps the refused text.
 */
export async function savePost(
  input: { id: number; scope: PostScope; version: number; slug: string; fields: EditorFields; tags: TagInput[] },
  actor: Actor,
): Promise<SaveOutcome> {
  return await write(async (db): Promise<SaveOutcome> => {
    const [current] = await db
      .select({ id: posts.id, slug: posts.slug, status: posts.status, version: posts.version, type: posts.type })
      .from(posts)
      .where(liveInScope(input.id, input.scope))
      .limit(1);
    if (!current) return { ok: false, reason: "not_found" };
    if (current.version !== input.version) {
      const [kept] = await db
        .insert(revisions)
        .values({
          postId: current.id,
          authorId: actor.actorId,
          kind: "conflict",
          title: input.fields.title,
          markdown: input.fields.markdown,
          version: input.version,
        })
        .returning({ id: revisions.id });
      return { ok: false, reason: "conflict", revisionId: kept!.id };
    }
    const slug = input.slug || current.slug;
    if (slug !== current.slug) {
      if (!(await isPostSlugFree(slug, current.id, db))) return { ok: false, reason: "slug_taken" };
      // Readers' old links keep working once the post has been public under its old slug.
      if (current.status === "published") await recordRedirect(db, `/${current.slug}`, `/${slug}`);
    }
    const version = current.version + 1;
    await db
      .update(posts)
      .set({ ...input.fields, slug, version, updatedAt: new Date() })
      .where(and(eq(posts.id, current.id), eq(posts.version, current.version)));
    const oldTags = await tagSlugsOf(db, current.id);
    const newTags = await setPostTags(db, current.id, input.tags);
    await db.insert(revisions).values({
      postId: current.id,
      authorId: actor.actorId,
      kind: "save",
      title: input.fields.title,
      markdown: input.fields.markdown,
      version,
    });
    await recordAudit(db, {
      ...actor,
      action: `${current.type}.update`,
      targetType: "post",
      targetId: current.id,
      details: { title: input.fields.title, slug },
    });
    return {
      ok: true,
      id: current.id,
      version,
      slug,
      status: current.status,
      tagSlugs: [...new Set([...oldTags, ...newTags])],
    };
  });
}

/** `/old` answers 301 to `/new`; a chain collapses, and going back to an old address frees it. */
export async function recordRedirect(db: Db, fromPath: string, toPath: string) {
  await db.delete(redirects).where(eq(redirects.fromPath, toPath));
  await db.update(redirects).set({ toPath }).where(eq(redirects.toPath, fromPath));
  await db
    .insert(redirects)
    .values({ fromPath, toPath })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath } });
}

/**
 * Autosave: a revision, never the post itself. The latest autosave of the same
 * person is replaced rather than piling up one per few seconds.
 */
export async function autosavePost(input: {
  id: number;
  scope: PostScope;
  authorId: number;
  title: string;
  markdown: string;
  version: number;
}) {
  return await write(async (db) => {
    const [post] = await db.select({ id: posts.id }).from(posts).where(liveInScope(input.id, input.scope)).limit(1);
    if (!post) return null;
    const [last] = await db
      .select({ id: revisions.id, kind: revisions.kind, authorId: revisions.authorId })
      .from(revisions)
      .where(eq(revisions.postId, post.id))
      .orderBy(desc(revisions.id))
      .limit(1);
    const values = { title: input.title, markdown: input.markdown, version: input.version, createdAt: new Date() };
    if (last && last.kind === "autosave" && last.authorId === input.authorId) {
      await db.update(revisions).set(values).where(eq(revisions.id, last.id));
      return { id: last.id };
    }
    const [created] = await db
      .insert(revisions)
      .values({ ...values, postId: post.id, authorId: input.authorId, kind: "autosave" })
      .returning({ id: revisions.id });
    return created!;
  });
}

export async function listRevisions({ postId, scope }: { postId: number; scope: PostScope }) {
  return await getDb()
    .select({
      id: revisions.id,
      kind: revisions.kind,
      title: revisions.title,
      version: revisions.version,
      createdAt: revisions.createdAt,
      authorName: users.name,
    })
    .from(revisions)
    .innerJoin(posts, eq(posts.id, revisions.postId))
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.postId, postId), liveInScope(postId, scope)))
    .orderBy(desc(revisions.id))
    .limit(200);
}

export async function getRevision({
  postId,
  revisionId,
  scope,
}: {
  postId: number;
  revisionId: number;
  scope: PostScope;
}) {
  const [revision] = await getDb()
    .select({
      id: revisions.id,
      kind: revisions.kind,
      title: revisions.title,
      markdown: revisions.markdown,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .innerJoin(posts, eq(posts.id, revisions.postId))
    .where(and(eq(revisions.id, revisionId), eq(revisions.postId, postId), liveInScope(postId, scope)))
    .limit(1);
  return revision;
}

/** Puts an older text back as the current one: a new version, and a `restore` revision. */
export async function restoreRevision(
  input: {
    postId: number;
    scope: PostScope;
    revisionId: number;
    rendered: Pick<EditorFields, "title" | "markdown" | "html" | "plaintext" | "wordCount">;
  },
  actor: Actor,
) {
  return await write(async (db) => {
    const [current] = await db
      .select({ id: posts.id, version: posts.version })
      .from(posts)
      .where(liveInScope(input.postId, input.scope))
      .limit(1);
    if (!current) return null;
    const version = current.version + 1;
    await db
      .update(posts)
      .set({ ...input.rendered, version, updatedAt: new Date() })
      .where(eq(posts.id, current.id));
    await db.insert(revisions).values({
      postId: current.id,
      authorId: actor.actorId,
      kind: "restore",
      title: input.rendered.title,
      markdown: input.rendered.markdown,
      version,
    });
    await recordAudit(db, {
      ...actor,
      action: "post.restore_revision",
      targetType: "post",
      targetId: current.id,
      details: { revisionId: input.revisionId },
    });
    return { version, tagSlugs: await tagSlugsOf(db, current.id) };
  });
}
