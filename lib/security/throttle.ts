import "server-only";
import {
  backoffWait,
  beginBackoffAttempt,
  type BackoffPolicy,
  clearRateLimits,
  consumeWindows,
  forgetRateLimits,
} from "@/db/queries/rate-limits";
import { clientAddress } from "../comments/request";

// Brute-force brakes for the public account endpoints. Counted in the database like
// the comment limits (lib/comments/rate-limit.ts), so every process serving the site
// shares them: an attacker spreading guesses over N instances gets no more guesses.

const HOUR = 3600_000;

/**
 * Escalating waits: five attempts are free, then each further attempt must wait
 * 1 s, 2 s, 4 s … (at most 15 min) after the one before; a key with no attempt for
 * an hour starts afresh. rate-limiter-flexible counts fixed windows but has no
 * per-attempt doubling, hence this policy (db/queries/rate-limits.ts).
 */
export const BACKOFF: BackoffPolicy = {
  freeAttempts: 5,
  firstWaitMs: 1_000,
  maxWaitMs: 15 * 60_000,
  forgetAfterMs: HOUR,
};

/** One family of backoff counters ("sign-in-ip", …); `now` is injectable for tests. */
export class Backoff {
  constructor(
    private readonly name: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private key(key: string) {
    return `${this.name}:${key}`;
  }

  /** Milliseconds this key must still wait; 0 when it may try now. */
  async waitFor(key: string): Promise<number> {
    return await backoffWait(this.key(key), this.now());
  }

  /** Counts an attempt that is about to be made; returns false (counting nothing) while the key must wait. */
  async begin(key: string): Promise<boolean> {
    return (await beginBackoffAttempt([this.key(key)], BACKOFF, this.now())) === 0;
  }

  /** The attempt succeeded: the key starts afresh. */
  async forget(key: string): Promise<void> {
    await forgetRateLimits([this.key(key)]);
  }
}

/** Test hook: a fresh set of counters. */
export async function resetThrottles(): Promise<void> {
  await clearRateLimits();
}

async function addressKey(): Promise<string> {
  return (await clientAddress().catch(() => ({ ip: null }))).ip ?? "unknown";
}

/**
 * Runs one sign-in attempt under the per-address and per-account brakes. `verify`
 * says whether the password was right; while either key must wait the attempt is
 * refused without checking the password, and the caller shows the same message as
 * for a wrong password, so the lock reveals nothing about the account.
 */
export async function throttledSignIn(email: string, verify: () => Promise<boolean>): Promise<boolean> {
  const keys = [`sign-in-ip:${await addressKey()}`, `sign-in-account:${email.trim().toLowerCase()}`];
  if ((await beginBackoffAttempt(keys, BACKOFF)) > 0) return false;
  const ok = await verify();
  if (ok) await forgetRateLimits(keys);
  return ok;
}

/** Reset and invite links: guesses from one address slow down like sign-in failures. */
export async function throttledTokenUse(use: () => Promise<boolean>): Promise<boolean | "wait"> {
  // Tokens in reset and invite links are 256-bit; this only stops a guessing flood.
  const keys = [`token-ip:${await addressKey()}`];
  if ((await beginBackoffAttempt(keys, BACKOFF)) > 0) return "wait";
  const ok = await use();
  if (ok) await forgetRateLimits(keys);
  return ok;
}

/** May another reset e-mail go out for this address, from this client? */
export async function mayRequestReset(email: string): Promise<boolean> {
  // Reset e-mails: a few per address an hour, so nobody's inbox can be flooded.
  const refused = await consumeWindows([
    { key: `reset-ip:${await addressKey()}`, points: 20, durationMs: HOUR },
    { key: `reset-email:${email.trim().toLowerCase()}`, points: 3, durationMs: HOUR },
  ]);
  return refused === -1;
}

/** May this staff member send another invitation this hour? */
export async function maySendInvite(userId: number): Promise<boolean> {
  return (await consumeWindows([{ key: `invite-sender:${userId}`, points: 30, durationMs: HOUR }])) === -1;
}
