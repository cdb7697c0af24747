import "server-only";
import { revalidateTag } from "next/cache";

export type CacheTag =
  "posts" | "settings" | "tags" | "users" | `post:${number}` | `comments:${number}` | `tag:${string}`;

/**
 * Why this stays, though nothing is cached under these tags (no unstable_cache, "use cache"
 * or tagged fetch; reader pages render per request and bin/server's page cache empties on
 * every commit): inside a server action, revalidateTag(…, { expire: 0 }) is what makes
 * Next.js send the re-rendered page back with the action's answer and drop the browser's
 * router cache, so the admin screen shows the change without a reload. In a route handler
 * it does nothing harmful. The tags name what changed, for the day something is cached.
 */
export function invalidate(...tags: CacheTag[]) {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
