import "server-only";
import { revalidateTag } from "next/cache";

// Every cache invalidation goes through here, so one place knows what depends on what.
export type CacheTag =
  "posts" | "settings" | "tags" | "users" | `post:${number}` | `comments:${number}` | `tag:${string}`;

/** Marks cached reader data stale; the next request renders it afresh. */
export function invalidate(...tags: CacheTag[]) {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
