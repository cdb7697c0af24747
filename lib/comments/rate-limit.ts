import "server-only";
import { consumeWindows, type WindowLimit } from "@/db/queries/rate-limits";
import { getEnv } from "../env";

// Counted in the database (db/queries/rate-limits.ts), so every process serving the
// site shares them: hitting several instances gives no more comments than hitting one.
const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** Benchmarks and load tests post far faster than people: QUIRE_DISABLE_COMMENT_RATE_LIMITS=1 lifts the caps. */
export const rateLimitsDisabled = () => getEnv().QUIRE_DISABLE_COMMENT_RATE_LIMITS === "1";

const TOO_QUICK = "You are commenting very quickly. Please wait a few seconds and send again.";
const TOO_MANY = "Too many comments for now. Please try again later.";

/** Counts one attempt; returns a sentence for the commenter when a limit is reached. */
export async function consumeCommentLimits({
  ipHash,
  email,
  postId,
}: {
  ipHash: string | null;
  email: string;
  postId: number;
}): Promise<string | null> {
  if (rateLimitsDisabled()) return null;
  const sender = `${ipHash ?? "unknown"}|${email}`;
  const limits: WindowLimit[] = [
    // One comment per 15 s from one address and email, and an hourly cap.
    { key: `comment-burst:${sender}`, points: 1, durationMs: 15 * SECOND },
    { key: `comment-hour:${sender}`, points: 10, durationMs: HOUR },
    // A burst on one post from many addresses: a raid. Before the address's cap: a raid
    // refused on one post must not use up the allowance of everyone else behind that
    // address (a shared office, a NAT).
    { key: `comment-post:${postId}`, points: 20, durationMs: 60 * SECOND },
    // One address whatever the emails it claims: generous, it may be a shared office.
    { key: `comment-ip:${ipHash ?? "unknown"}`, points: 120, durationMs: HOUR },
  ];
  const refused = await consumeWindows(limits);
  if (refused === -1) return null;
  return refused === 0 ? TOO_QUICK : TOO_MANY;
}
