import "server-only";
import { write } from "@/db/transaction";
import { postsByIdsForWebhooks } from "@/db/queries/admin-api";
import { enqueueWebhookEvent, type WebhookEvent } from "@/db/queries/outbox";
import type { Changed } from "@/db/queries/post-workflow";
import { postsWithRelations } from "../content-api/handlers";
import { logger } from "../ops/log.mjs";

// Which Ghost webhook event a change is: what was done, and what the post was before.
function eventOf(change: Changed): WebhookEvent | null {
  const was = change.previousStatus;
  if (change.action === "publish" && was !== "published") return `${change.type}.published`;
  if (change.action === "unpublish" && was === "published") return `${change.type}.unpublished`;
  if (change.action === "trash" && was === "published") return `${change.type}.deleted`;
  if (change.action === "save" && was === "published") return `${change.type}.published.edited`;
  return null;
}

/**
 * Queues the webhooks of these changes (right after the write), with Ghost's body
 * `{ post: { current, previous } }`; the outbox delivers them with retries.
 */
export async function firePostWebhooks(changed: Changed[]) {
  const events = changed.map((change) => ({ change, event: eventOf(change) })).filter((item) => item.event !== null);
  if (events.length === 0) return;
  const rows = postsByIdsForWebhooks(events.map((item) => item.change.id));
  const serialized = postsWithRelations(rows, { include: ["tags", "authors"], formats: ["html", "plaintext"] });
  for (const { change, event } of events) {
    const index = rows.findIndex((row) => row.id === change.id);
    const row = rows[index];
    const current = row ? { ...serialized[index], status: row.status } : { id: String(change.id), slug: change.slug };
    const previous = {
      status: change.previousStatus ?? null,
      ...(event!.endsWith(".published") && { published_at: null }),
    };
    try {
      await write((db) => enqueueWebhookEvent(db, event!, { [change.type]: { current, previous } }));
    } catch (error) {
      // The change itself is saved; a failed enqueue must not turn it into an error page.
      logger().error({ err: error, event }, "could not queue webhook");
    }
  }
}
