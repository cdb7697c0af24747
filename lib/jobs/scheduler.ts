import "server-only";
import { publishDuePosts } from "@/db/queries/post-workflow";
import { getEnv } from "../env";
import { firePostWebhooks } from "../posts/webhooks";
import { logger } from "../ops/log.mjs";

// The schedule lives in the database (status "scheduled" + published_at), so a restart
// loses nothing: the first tick after start publishes whatever fell due meanwhile.
const holder = globalThis as unknown as { quireScheduler?: NodeJS.Timeout };

/**
 * Publishes every due post through the same transition as "Publish now", with the same
 * webhooks; run by every process, each post published by one. Readers see it at once: the page cache in bin/server empties on any commit,
 * and Next.js caches no reader data of its own.
 */
export async function runScheduledPublishing(now = new Date()) {
  // Webhooks are queued in the transaction that publishes the post: only the process
  // that flipped it queues them, and a crash cannot publish without queuing them.
  const published = await publishDuePosts(now, (changed) => firePostWebhooks([changed]));
  if (published.length === 0) return published;
  logger().info({ job: "scheduler", published: published.map((post) => post.id) }, "scheduled posts published");
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
      logger().error({ err: error, job: "scheduler" }, "scheduler tick failed");
    } finally {
      running = false;
    }
  };
  holder.quireScheduler = setInterval(tick, getEnv().QUIRE_SCHEDULER_INTERVAL_MS);
  holder.quireScheduler.unref();
  void tick();
}
