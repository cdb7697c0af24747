import "server-only";
import { getDb } from "@/db/client";
import { isEmailSuppressed } from "@/db/queries/comments";
import type { OutboxItem } from "@/db/queries/outbox";
import { type EmailMessage, sendEmail } from "./send";
import type { Delivery } from "../jobs/outbox";

/** The outbox "email" handler. Checks suppression again at send time: an unsubscribe wins over the queue. */
export async function deliverEmail(item: OutboxItem): Promise<Delivery> {
  const message = item.payload as unknown as EmailMessage;
  if (typeof message.to !== "string" || typeof message.subject !== "string") return { ok: true }; // malformed: nothing to retry
  if (await isEmailSuppressed(getDb(), { email: message.to })) return { ok: true };
  try {
    await sendEmail(message);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
