import "server-only";
import { publishDuePosts } from "@/db/queries/post-workflow";
import { getEnv } from "./env";
import { revalidateFromTimer } from "./internal-revalidate";
import { firePostWebhooks } from "./post-webhooks";
import { cacheTagsFor } from "./publishing";

// The schedule lives in the database (status "scheduled" + published_at), so a restart
// loses nothing: the first tick after start publishes whatever fell due meanwhile.
const holder = globalThis as unknown as { quireScheduler?: NodeJS.Timeout };

/**
 * Publishes every due post through the same transition as "Publish now", then the same
 * cache invalidation (sent through a request, since a timer has none).
 */
export async function runScheduledPublishing(now = new Date(), revalidate = revalidateFromTimer) {
  const published = publishDuePosts(now);
  if (published.length === 0) return published;
  firePostWebhooks(published);
  console.log(`[quire] scheduler published ${published.map((post) => `#${post.id}`).join(", ")}`);
  await revalidate(cacheTagsFor(published)).catch((error) =>
    console.error("[quire] scheduler: cache invalidation failed", error),
  );
  return published;
}

export function startScheduler() {
  if (holder.quireScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow tick is never overlapped by the next
    running = true;
    try {
      await runScheduledPublishing();
    } catch (error) {
      console.error("[quire] scheduler tick failed", error);
    } finally {
      running = false;
    }
  };
  holder.quireScheduler = setInterval(tick, getEnv().QUIRE_SCHEDULER_INTERVAL_MS);
  holder.quireScheduler.unref();
  void tick();
}
