// The arithmetic of escalating waits, shared by SQLite (./rate-limits.ts) and PostgreSQL
// (../dialects/pg/rate-limits.ts): the two differ in how they lock, not in what they count.

/** Escalating waits: `freeAttempts` free, then firstWaitMs, doubled per attempt, at most maxWaitMs. */
export type BackoffPolicy = { freeAttempts: number; firstWaitMs: number; maxWaitMs: number; forgetAfterMs: number };

/** A key's counter as it stands, while its window is open. */
export type BackoffState = { points: number; blockedUntil: number };

/** The longest wait any of these counters still imposes; 0 when an attempt may begin. */
export function longestWait(live: Iterable<BackoffState>, now: number): number {
  return Math.max(0, ...[...live].map((row) => row.blockedUntil - now));
}

/** The counter after one more attempt begins, and how long it is kept. */
export function afterAttempt(previous: BackoffState | undefined, policy: BackoffPolicy, now: number) {
  const attempts = (previous?.points ?? 0) + 1;
  const blockedUntil =
    attempts >= policy.freeAttempts
      ? now + Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** (attempts - policy.freeAttempts))
      : (previous?.blockedUntil ?? 0);
  return { points: attempts, blockedUntil, expiresAt: Math.max(now + policy.forgetAfterMs, blockedUntil) };
}
