import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { getEnv } from "../env";

// In memory: one process serves the site (ARCHITECTURE.md). Several instances would
// move these to a shared store (rate-limiter-flexible has Redis and SQL ones).
const holder = globalThis as unknown as { quireCommentLimiters?: ReturnType<typeof createLimiters> };

function createLimiters() {
  return {
    // One comment per 15 s from one address and email, and an hourly cap.
    burst: new RateLimiterMemory({ keyPrefix: "comment-burst", points: 1, duration: 15 }),
    hourly: new RateLimiterMemory({ keyPrefix: "comment-hour", points: 10, duration: 3600 }),
    // One address whatever the emails it claims: generous, it may be a shared office.
    address: new RateLimiterMemory({ keyPrefix: "comment-ip", points: 120, duration: 3600 }),
    // A burst on one post from many addresses: a raid.
    post: new RateLimiterMemory({ keyPrefix: "comment-post", points: 20, duration: 60 }),
  };
}

/** Benchmarks and load tests post far faster than people: QUIRE_DISABLE_COMMENT_RATE_LIMITS=1 lifts the caps. */
export const rateLimitsDisabled = () => getEnv().QUIRE_DISABLE_COMMENT_RATE_LIMITS === "1";

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
  const limiters = (holder.quireCommentLimiters ??= createLimiters());
  const sender = `${ipHash ?? "unknown"}|${email}`;
  try {
    await limiters.burst.consume(sender);
  } catch {
    return "You are commenting very quickly. Please wait a few seconds and send again.";
  }
  try {
    await limiters.hourly.consume(sender);
    // The post's cap before the address's: a raid refused on one post must not use up
    // the allowance of everyone else behind that address (a shared office, a NAT).
    await limiters.post.consume(String(postId));
    await limiters.address.consume(ipHash ?? "unknown");
  } catch {
    return "Too many comments for now. Please try again later.";
  }
  return null;
}
