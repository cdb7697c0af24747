import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { clientAddress } from "./comments/request";

// Brute-force brakes for the public account endpoints. In memory like the comment
// limits (lib/comments/rate-limit.ts): one process serves the site.

const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 1_000;
const MAX_WAIT_MS = 15 * 60_000;
// A key with no attempt for this long starts afresh.
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_KEYS = 50_000;

type Entry = { attempts: number; until: number; last: number };

/**
 * Escalating waits: five attempts are free, then each further attempt must wait
 * 1 s, 2 s, 4 s … (at most 15 min) after the one before. An attempt counts when it
 * STARTS (so fifty parallel guesses cannot all slip in before the first fails) and
 * success forgets the key. rate-limiter-flexible counts fixed windows but has no
 * per-attempt doubling, hence this small class.
 */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Milliseconds this key must still wait; 0 when it may try now. */
  waitFor(key: string): number {
    const entry = this.fresh(key);
    return entry ? Math.max(0, entry.until - this.now()) : 0;
  }

  /** Counts an attempt that is about to be made (call only when waitFor is 0). */
  begin(key: string): void {
    const now = this.now();
    const entry = this.fresh(key) ?? { attempts: 0, until: 0, last: now };
    entry.attempts += 1;
    entry.last = now;
    if (entry.attempts >= FREE_ATTEMPTS) {
      entry.until = now + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (entry.attempts - FREE_ATTEMPTS));
    }
    this.entries.delete(key); // re-inserted last: the Map stays ordered oldest first
    this.entries.set(key, entry);
    if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The attempt succeeded: the key starts afresh. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.last > FORGET_AFTER_MS && this.now() >= entry.until) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

const holder = globalThis as unknown as { quireThrottles?: ReturnType<typeof createThrottles> };

function createThrottles() {
  return {
    signInAddress: new Backoff(),
    signInAccount: new Backoff(),
    // Tokens in reset and invite links are 256-bit; this only stops a guessing flood.
    tokenAddress: new Backoff(),
    // Reset e-mails: a few per address an hour, so nobody's inbox can be flooded.
    resetEmail: new RateLimiterMemory({ keyPrefix: "reset-email", points: 3, duration: 3600 }),
    resetAddress: new RateLimiterMemory({ keyPrefix: "reset-ip", points: 20, duration: 3600 }),
    inviteSender: new RateLimiterMemory({ keyPrefix: "invite-sender", points: 30, duration: 3600 }),
  };
}

const throttles = () => (holder.quireThrottles ??= createThrottles());

/** Test hook: a fresh set of counters. */
export function resetThrottles() {
  holder.quireThrottles = createThrottles();
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
  const { signInAddress, signInAccount } = throttles();
  const address = await addressKey();
  const account = email.trim().toLowerCase();
  if (signInAddress.waitFor(address) > 0 || signInAccount.waitFor(account) > 0) return false;
  signInAddress.begin(address);
  signInAccount.begin(account);
  const ok = await verify();
  if (ok) {
    signInAddress.forget(address);
    signInAccount.forget(account);
  }
  return ok;
}

/** Reset and invite links: guesses from one address slow down like sign-in failures. */
export async function throttledTokenUse(use: () => Promise<boolean>): Promise<boolean | "wait"> {
  const { tokenAddress } = throttles();
  const address = await addressKey();
  if (tokenAddress.waitFor(address) > 0) return "wait";
  tokenAddress.begin(address);
  const ok = await use();
  if (ok) tokenAddress.forget(address);
  return ok;
}

/** May another reset e-mail go out for this address, from this client? */
export async function mayRequestReset(email: string): Promise<boolean> {
  const { resetEmail, resetAddress } = throttles();
  try {
    await resetAddress.consume(await addressKey());
    await resetEmail.consume(email.trim().toLowerCase());
    return true;
  } catch {
    return false;
  }
}

/** May this staff member send another invitation this hour? */
export async function maySendInvite(userId: number): Promise<boolean> {
  try {
    await throttles().inviteSender.consume(String(userId));
    return true;
  } catch {
    return false;
  }
}
