import "server-only";
import { and, count, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { media, posts, users } from "../schema";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { likeContains, paginate } from "./sql";

export type NewMedia = typeof media.$inferInsert;

export function insertMedia(row: NewMedia, actor: Actor) {
  return getDb().transaction(
    (tx) => {
      const created = tx.insert(media).values(row).returning({ id: media.id }).get();
      recordAudit(tx, {
        ...actor,
        action: "media.upload",
        targetType: "media",
        targetId: created.id,
        details: { name: row.originalName },
      });
      return created;
    },
    { behavior: "immediate" },
  );
}

// Used when a post's body, featured or social image points at the file.
const usedBy = (key: string) =>
  or(
    likeContains(posts.markdown, key.replace(/-w\d+\.[a-z0-9]+$/, "")),
    likeContains(posts.featureImage, key),
    likeContains(posts.ogImage, key),
    likeContains(posts.twitterImage, key),
  )!;

export async function listMedia({ q, page, perPage }: { q?: string; page: number; perPage: number }) {
  const condition = q ? or(likeContains(media.originalName, q), likeContains(media.alt, q)) : undefined;
  const query = getDb()
    .select({
      id: media.id,
      storageKey: media.storageKey,
      originalName: media.originalName,
      mimeType: media.mimeType,
      size: media.size,
      width: media.width,
      height: media.height,
      alt: media.alt,
      createdAt: media.createdAt,
      uploadedBy: media.uploadedBy,
      uploaderName: users.name,
    })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(condition)
    .orderBy(desc(media.createdAt), desc(media.id))
    .$dynamic();
  const { rows, total } = await paginate({ table: media, where: condition, rows: query }, { page, perPage });
  const withUse = [];
  for (const row of rows) {
    const [uses] = await getDb().select({ n: count() }).from(posts).where(usedBy(row.storageKey));
    withUse.push({ ...row, usedIn: uses?.n ?? 0 });
  }
  return { rows: withUse, total };
}

type DeleteOutcome = { ok: true; keys: string[] } | { ok: false; reason: "not_found" | "in_use" };

/** Deletes an item no post uses; `uploadedBy` limits it to one person's uploads. Returns the files to remove. */
export function deleteUnusedMedia(
  { id, uploadedBy }: { id: number; uploadedBy: number | "all" },
  actor: Actor,
): DeleteOutcome {
  return getDb().transaction(
    (tx): DeleteOutcome => {
      const owner = uploadedBy === "all" ? sql`1 = 1` : eq(media.uploadedBy, uploadedBy);
      const row = tx
        .select({ key: media.storageKey, variants: media.variants, name: media.originalName })
        .from(media)
        .where(and(eq(media.id, id), owner))
        .get();
      if (!row) return { ok: false, reason: "not_found" };
      const uses = tx.select({ n: count() }).from(posts).where(usedBy(row.key)).get()?.n ?? 0;
      if (uses > 0) return { ok: false, reason: "in_use" };
      tx.delete(media).where(eq(media.id, id)).run();
      recordAudit(tx, {
        ...actor,
        action: "media.delete",
        targetType: "media",
        targetId: id,
        details: { name: row.name },
      });
      return { ok: true, keys: [row.key, ...(row.variants ?? []).map((variant) => variant.key)] };
    },
    { behavior: "immediate" },
  );
}
