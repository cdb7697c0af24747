import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { postTags, tags } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { recordRedirect } from "./post-editor";
import { slugTaken } from "./sql";

/** Every tag with how many posts carry it. */
export async function listTagsForAdmin() {
  return await getDb()
    .select({
      id: tags.id,
      name: tags.name,
      slug: tags.slug,
      description: tags.description,
      posts: count(postTags.postId),
    })
    .from(tags)
    .leftJoin(postTags, eq(postTags.tagId, tags.id))
    .groupBy(tags.id)
    .orderBy(asc(tags.name));
}

export async function listTagNames(): Promise<string[]> {
  const rows = await getDb().select({ name: tags.name }).from(tags).orderBy(asc(tags.name));
  return rows.map((row) => row.name);
}

type TagOutcome = { ok: true; slugs: string[] } | { ok: false; reason: "not_found" | "slug_taken" };

export async function createTag(
  input: { name: string; slug: string; description: string },
  actor: Actor,
): Promise<TagOutcome> {
  return await write(async (db): Promise<TagOutcome> => {
    if (await slugTaken(db, tags, input.slug)) return { ok: false, reason: "slug_taken" };
    const [created] = await db.insert(tags).values(input).returning({ id: tags.id });
    await recordAudit(db, {
      ...actor,
      action: "tag.create",
      targetType: "tag",
      targetId: created!.id,
      details: { name: input.name },
    });
    return { ok: true, slugs: [input.slug] };
  });
}

/** The tag's current slug, when the tag exists. */
const slugOfTag = async (db: Db, id: number) =>
  (await db.select({ slug: tags.slug }).from(tags).where(eq(tags.id, id)).limit(1))[0];

/** Rename and describe; a new slug leaves a redirect from the old tag address. */
export async function updateTag(
  input: { id: number; name: string; slug: string; description: string },
  actor: Actor,
): Promise<TagOutcome> {
  return await write(async (db): Promise<TagOutcome> => {
    const current = await slugOfTag(db, input.id);
    if (!current) return { ok: false, reason: "not_found" };
    if (await slugTaken(db, tags, input.slug, input.id)) return { ok: false, reason: "slug_taken" };
    await db
      .update(tags)
      .set({ name: input.name, slug: input.slug, description: input.description, updatedAt: new Date() })
      .where(eq(tags.id, input.id));
    if (current.slug !== input.slug) await recordRedirect(db, `/tag/${current.slug}`, `/tag/${input.slug}`);
    await recordAudit(db, {
      ...actor,
      action: "tag.update",
      targetType: "tag",
      targetId: input.id,
      details: { name: input.name, slug: input.slug, from: current.slug },
    });
    return { ok: true, slugs: [current.slug, input.slug] };
  });
}

/** Moves every post of one tag onto another, then removes the first; its address redirects. */
export async function mergeTags(input: { fromId: number; intoId: number }, actor: Actor): Promise<TagOutcome> {
  return await write(async (db): Promise<TagOutcome> => {
    const from = await slugOfTag(db, input.fromId);
    const into = await slugOfTag(db, input.intoId);
    if (!from || !into || input.fromId === input.intoId) return { ok: false, reason: "not_found" };
    // A post that already has both tags keeps its place under the one it merges into.
    await db
      .insert(postTags)
      .select(
        db
          .select({
            postId: postTags.postId,
            tagId: sql<number>`${input.intoId}`.as("tag_id"),
            position: postTags.position,
          })
          .from(postTags)
          .where(eq(postTags.tagId, input.fromId)),
      )
      .onConflictDoNothing();
    await db.delete(tags).where(eq(tags.id, input.fromId));
    await recordRedirect(db, `/tag/${from.slug}`, `/tag/${into.slug}`);
    await recordAudit(db, {
      ...actor,
      action: "tag.merge",
      targetType: "tag",
      targetId: input.intoId,
      details: { from: from.slug, into: into.slug },
    });
    return { ok: true, slugs: [from.slug, into.slug] };
  });
}

export async function deleteTag(input: { id: number }, actor: Actor): Promise<TagOutcome> {
  return await write(async (db): Promise<TagOutcome> => {
    const [current] = await db
      .select({ slug: tags.slug, name: tags.name })
      .from(tags)
      .where(eq(tags.id, input.id))
      .limit(1);
    if (!current) return { ok: false, reason: "not_found" };
    await db.delete(tags).where(eq(tags.id, input.id));
    await recordAudit(db, {
      ...actor,
      action: "tag.delete",
      targetType: "tag",
      targetId: input.id,
      details: { name: current.name },
    });
    return { ok: true, slugs: [current.slug] };
  });
}
