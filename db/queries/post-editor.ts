import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { type PostType, posts, postTags, redirects, revisions, tags, users } from "../schema";
import { postPresentationColumns } from "./post-columns";
import { recordAudit } from "./audit";
import { type Actor, liveInScope, type PostScope, tagSlugsOf } from "./post-scope";
import { uniquePostSlug } from "./posts";
import { type DbOrTx, slugTaken, tagsOfPosts } from "./sql";

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
  return { ...post, tags: tagsOfPosts(getDb(), [id]).map((tag) => tag.name) };
}

/** Is this slug free for the post (or for a new one)? */
export function isPostSlugFree(slug: string, exceptId?: number, db: DbOrTx = getDb()): boolean {
  return !slugTaken(db, { slug: posts.slug, id: posts.id }, slug, exceptId);
}

// Tags named inline are created on the way; the first one is the primary tag.
function setPostTags(tx: Tx, postId: number, list: TagInput[]): string[] {
  tx.delete(postTags).where(eq(postTags.postId, postId)).run();
  list.forEach((tag, position) => {
    const existing = tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, tag.slug)).get();
    const tagId =
      existing?.id ?? tx.insert(tags).values({ name: tag.name, slug: tag.slug }).returning({ id: tags.id }).get().id;
    tx.insert(postTags).values({ postId, tagId, position }).onConflictDoNothing().run();
  });
  return list.map((tag) => tag.slug);
}

export function createPost(
  input: { type: PostType; authorId: number; slug: string; fields: EditorFields; tags: TagInput[] },
  actor: Actor,
) {
  return getDb().transaction(
    (tx) => {
      const created = tx
        .insert(posts)
        .values({
          ...input.fields,
          type: input.type,
          authorId: input.authorId,
          status: "draft",
          slug: uniquePostSlug(tx, input.slug),
        })
        .returning({ id: posts.id, slug: posts.slug, version: posts.version })
        .get();
      const tagSlugs = setPostTags(tx, created.id, input.tags);
      tx.insert(revisions)
        .values({
          postId: created.id,
          authorId: actor.actorId,
          kind: "save",
          title: input.fields.title,
          markdown: input.fields.markdown,
          version: created.version,
        })
        .run();
      recordAudit(tx, {
        ...actor,
        action: `${input.type}.create`,
        targetType: "post",
        targetId: created.id,
        details: { title: input.fields.title },
      });
      return { ...created, tagSlugs };
    },
    { behavior: "immediate" },
  );
}

export type SaveOutcome =
  | { ok: true; id: number; version: number; slug: string; status: string; tagSlugs: string[] }
  | { ok: false; reason: "not_found" | "slug_taken" }
  | { ok: false; reason: "conflict"; revisionId: number };

/**
 * Saves the editor's fields when the post is still at the version the editor started
 * from. Otherwise nothing changes but a `conflict` revision that keeps the refused text.
 */
export function savePost(
  input: { id: number; scope: PostScope; version: number; slug: string; fields: EditorFields; tags: TagInput[] },
  actor: Actor,
): SaveOutcome {
  return getDb().transaction(
    (tx): SaveOutcome => {
      const current = tx
        .select({ id: posts.id, slug: posts.slug, status: posts.status, version: posts.version, type: posts.type })
        .from(posts)
        .where(liveInScope(input.id, input.scope))
        .get();
      if (!current) return { ok: false, reason: "not_found" };
      if (current.version !== input.version) {
        const kept = tx
          .insert(revisions)
          .values({
            postId: current.id,
            authorId: actor.actorId,
            kind: "conflict",
            title: input.fields.title,
            markdown: input.fields.markdown,
            version: input.version,
          })
          .returning({ id: revisions.id })
          .get();
        return { ok: false, reason: "conflict", revisionId: kept.id };
      }
      const slug = input.slug || current.slug;
      if (slug !== current.slug) {
        if (!isPostSlugFree(slug, current.id, tx)) return { ok: false, reason: "slug_taken" };
        // Readers' old links keep working once the post has been public under its old slug.
        if (current.status === "published") recordRedirect(tx, `/${current.slug}`, `/${slug}`);
      }
      const version = current.version + 1;
      tx.update(posts)
        .set({ ...input.fields, slug, version, updatedAt: new Date() })
        .where(and(eq(posts.id, current.id), eq(posts.version, current.version)))
        .run();
      const oldTags = tagSlugsOf(tx, current.id);
      const newTags = setPostTags(tx, current.id, input.tags);
      tx.insert(revisions)
        .values({
          postId: current.id,
          authorId: actor.actorId,
          kind: "save",
          title: input.fields.title,
          markdown: input.fields.markdown,
          version,
        })
        .run();
      recordAudit(tx, {
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
    },
    { behavior: "immediate" },
  );
}

/** `/old` answers 301 to `/new`; a chain collapses, and going back to an old address frees it. */
export function recordRedirect(tx: Tx, fromPath: string, toPath: string) {
  tx.delete(redirects).where(eq(redirects.fromPath, toPath)).run();
  tx.update(redirects).set({ toPath }).where(eq(redirects.toPath, fromPath)).run();
  tx.insert(redirects)
    .values({ fromPath, toPath })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath } })
    .run();
}

/**
 * Autosave: a revision, never the post itself. The latest autosave of the same
 * person is replaced rather than piling up one per few seconds.
 */
export function autosavePost(input: {
  id: number;
  scope: PostScope;
  authorId: number;
  title: string;
  markdown: string;
  version: number;
}) {
  return getDb().transaction(
    (tx) => {
      const post = tx.select({ id: posts.id }).from(posts).where(liveInScope(input.id, input.scope)).get();
      if (!post) return null;
      const last = tx
        .select({ id: revisions.id, kind: revisions.kind, authorId: revisions.authorId })
        .from(revisions)
        .where(eq(revisions.postId, post.id))
        .orderBy(desc(revisions.id))
        .limit(1)
        .get();
      const values = { title: input.title, markdown: input.markdown, version: input.version, createdAt: new Date() };
      if (last && last.kind === "autosave" && last.authorId === input.authorId) {
        tx.update(revisions).set(values).where(eq(revisions.id, last.id)).run();
        return { id: last.id };
      }
      return tx
        .insert(revisions)
        .values({ ...values, postId: post.id, authorId: input.authorId, kind: "autosave" })
        .returning({ id: revisions.id })
        .get();
    },
    { behavior: "immediate" },
  );
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
export function restoreRevision(
  input: {
    postId: number;
    scope: PostScope;
    revisionId: number;
    rendered: Pick<EditorFields, "title" | "markdown" | "html" | "plaintext" | "wordCount">;
  },
  actor: Actor,
) {
  return getDb().transaction(
    (tx) => {
      const current = tx
        .select({ id: posts.id, version: posts.version })
        .from(posts)
        .where(liveInScope(input.postId, input.scope))
        .get();
      if (!current) return null;
      const version = current.version + 1;
      tx.update(posts)
        .set({ ...input.rendered, version, updatedAt: new Date() })
        .where(eq(posts.id, current.id))
        .run();
      tx.insert(revisions)
        .values({
          postId: current.id,
          authorId: actor.actorId,
          kind: "restore",
          title: input.rendered.title,
          markdown: input.rendered.markdown,
          version,
        })
        .run();
      recordAudit(tx, {
        ...actor,
        action: "post.restore_revision",
        targetType: "post",
        targetId: current.id,
        details: { revisionId: input.revisionId },
      });
      return { version, tagSlugs: tagSlugsOf(tx, current.id) };
    },
    { behavior: "immediate" },
  );
}
