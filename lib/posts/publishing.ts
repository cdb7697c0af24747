import "server-only";
import type { Changed } from "@/db/queries/post-workflow";
import { type CacheTag, invalidate } from "../cache";
import { firePostWebhooks } from "./webhooks";

/** What readers may now see differently after posts changed: the lists, each post, each of their tags. */
export function cacheTagsFor(changed: Changed[]): CacheTag[] {
  if (changed.length === 0) return [];
  const tags = new Set<CacheTag>(["posts"]);
  for (const post of changed) {
    tags.add(`post:${post.id}`);
    for (const slug of post.tagSlugs) tags.add(`tag:${slug}`);
  }
  return [...tags];
}

/**
 * The side effects of a content change. The manual publish and the scheduler both end
 * here: caches, then webhooks.
 */
export async function afterPostsChanged(changed: Changed[]) {
  const tags = cacheTagsFor(changed);
  if (tags.length) invalidate(...tags);
  await firePostWebhooks(changed);
}
