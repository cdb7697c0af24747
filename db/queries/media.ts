import "server-only";
import { and, count, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { media, posts, users } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { likeContains, paginate } from "./sql";

export type NewMedia = typeof media.$inferInsert;

export async function insertMedia(row: NewMedia, actor: Actor) {
  return await write(async (db) => {
    const [created] = await db.insert(media).values(row).returning({ id: media.id });
    await recordAudit(db, {
      ...actor,
      action: "media.upload",
      targetType: "media",
      targetId: created!.id,
      details: { name: row.originalName },
    });
    return created!;
  });
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
export async function deleteUnusedMedia(
  { id, uploadedBy }: { id: number; uploadedBy: number | "all" },
  actor: Actor,
): Promise<DeleteOutcome> {
  return await write(async (db): Promise<DeleteOutcome> => {
    const owner = uploadedBy === "all" ? sql`1 = 1` : eq(media.uploadedBy, uploadedBy);
    const [row] = await db
      .select({ key: media.storageKey, variants: media.variants, name: media.originalName })
      .from(media)
      .where(and(eq(media.id, id), owner))
      .limit(1);
    if (!row) return { ok: false, reason: "not_found" };
    const [uses] = await db.select({ n: count() }).from(posts).where(usedBy(row.key));
    if ((uses?.n ?? 0) > 0) return { ok: false, reason: "in_use" };
    await db.delete(media).where(eq(media.id, id));
    await recordAudit(db, {
      ...actor,
      action: "media.delete",
      targetType: "media",
      targetId: id,
      details: { name: row.name },
    });
    return { ok: true, keys: [row.key, ...(row.variants ?? []).map((variant) => variant.key)] };
  });
}
