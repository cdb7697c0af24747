import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { postTags, tags } from "../schema";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { recordRedirect } from "./post-editor";
import { immediate, slugTaken } from "./sql";

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

export function createTag(input: { name: string; slug: string; description: string }, actor: Actor): TagOutcome {
  return immediate((tx): TagOutcome => {
    if (slugTaken(tx, tags, input.slug)) return { ok: false, reason: "slug_taken" };
    const created = tx.insert(tags).values(input).returning({ id: tags.id }).get();
    recordAudit(tx, {
      ...actor,
      action: "tag.create",
      targetType: "tag",
      targetId: created.id,
      details: { name: input.name },
    });
    return { ok: true, slugs: [input.slug] };
  });
}

/** Rename and describe; a new slug leaves a redirect from the old tag address. */
export function updateTag(
  input: { id: number; name: string; slug: string; description: string },
  actor: Actor,
): TagOutcome {
  return immediate((tx): TagOutcome => {
    const current = tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, input.id)).get();
    if (!current) return { ok: false, reason: "not_found" };
    if (slugTaken(tx, tags, input.slug, input.id)) return { ok: false, reason: "slug_taken" };
    tx.update(tags)
      .set({ name: input.name, slug: input.slug, description: input.description, updatedAt: new Date() })
      .where(eq(tags.id, input.id))
      .run();
    if (current.slug !== input.slug) recordRedirect(tx, `/tag/${current.slug}`, `/tag/${input.slug}`);
    recordAudit(tx, {
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
export function mergeTags(input: { fromId: number; intoId: number }, actor: Actor): TagOutcome {
  return immediate((tx): TagOutcome => {
    const from = tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, input.fromId)).get();
    const into = tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, input.intoId)).get();
    if (!from || !into || input.fromId === input.intoId) return { ok: false, reason: "not_found" };
    tx.run(
      sql`INSERT OR IGNORE INTO post_tags (post_id, tag_id, position) SELECT post_id, ${input.intoId}, position FROM post_tags WHERE tag_id = ${input.fromId}`,
    );
    tx.delete(tags).where(eq(tags.id, input.fromId)).run();
    recordRedirect(tx, `/tag/${from.slug}`, `/tag/${into.slug}`);
    recordAudit(tx, {
      ...actor,
      action: "tag.merge",
      targetType: "tag",
      targetId: input.intoId,
      details: { from: from.slug, into: into.slug },
    });
    return { ok: true, slugs: [from.slug, into.slug] };
  });
}

export function deleteTag(input: { id: number }, actor: Actor): TagOutcome {
  return immediate((tx): TagOutcome => {
    const current = tx.select({ slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.id, input.id)).get();
    if (!current) return { ok: false, reason: "not_found" };
    tx.delete(tags).where(eq(tags.id, input.id)).run();
    recordAudit(tx, {
      ...actor,
      action: "tag.delete",
      targetType: "tag",
      targetId: input.id,
      details: { name: current.name },
    });
    return { ok: true, slugs: [current.slug] };
  });
}
