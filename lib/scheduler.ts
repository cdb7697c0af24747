import "server-only";
import { publishDuePosts } from "@/db/queries/post-workflow";
import { getEnv } from "./env";
import { afterPostsChanged } from "./publishing";

// The schedule lives in the database (status "scheduled" + published_at), so a restart
// loses nothing: the first tick after start publishes whatever fell due meanwhile.
const holder = globalThis as unknown as { quireScheduler?: NodeJS.Timeout };

/** Publishes every due post through the same transition and side effects as "Publish now". */
export function runScheduledPublishing(now = new Date()) {
  const published = publishDuePosts(now);
  if (published.length === 0) return published;
  try {
    afterPostsChanged(published);
  } catch (error) {
    // Outside a request Next.js may refuse to revalidate; pages read the live database anyway.
    console.error("[quire] scheduler: cache invalidation failed", error);
  }
  console.log(`[quire] scheduler published ${published.map((post) => `#${post.id}`).join(", ")}`);
  return published;
}

export function startScheduler() {
  if (holder.quireScheduler) return;
  const tick = () => {
    try {
      runScheduledPublishing();
    } catch (error) {
      console.error("[quire] scheduler tick failed", error);
    }
  };
  holder.quireScheduler = setInterval(tick, getEnv().QUIRE_SCHEDULER_INTERVAL_MS);
  holder.quireScheduler.unref();
  tick();
}
