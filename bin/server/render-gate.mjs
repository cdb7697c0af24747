// Fair overload: every request that needs Next.js (a page-cache miss, an API call, a
// POST) passes this gate; answers from the page cache and static files never do. At most
// `concurrency` run at once (renders are CPU on the one event loop: more at a time only
// makes each slower and holds more memory); the rest wait in one bounded queue served
// round-robin by client address, so one address flooding misses waits behind its own
// requests, not in front of everyone else's. An address past its share — more than
// `perClient` waiting, or more than `rate` starts a second — is refused (429), as is
// anyone once the whole queue is full (503). Pure bookkeeping, no HTTP: handler.mjs answers.

/** Starts one address may make at once before `rate` applies (a page and its prefetches). */
export const BURST_SECONDS = 3;
/** Refusals an address gets at once per second; further ones wait (see `refusalDelayMs`). */
export const FREE_REFUSALS = 5;
/** How long a refusal past FREE_REFUSALS is held before it goes out. */
export const REFUSAL_DELAY_MS = 1000;
/**
 * How long one request may hold a place among the `concurrency`: past this it runs on but
 * no longer counts, so a client sending its body slowly (up to requestTimeout) or a stuck
 * render cannot hold every place for long. Renders take milliseconds; uploads take longer.
 */
export const MAX_HOLD_MS = 10_000;
/**
 * Requests of one address in Next at once. One: an address never holds two places while
 * another place could serve someone else, so a flooder leaves the rest of `concurrency`
 * (and the CPU it stands for) to other clients even when none is waiting yet.
 */
export const PER_CLIENT_RUNNING = 1;

/**
 * The key an address is counted under: an IPv6 address by its /64 (one subscriber's
 * prefix, which they can walk at will), anything else as it is.
 * @param {string | null} address
 */
export function clientKey(address) {
  if (!address) return "unknown";
  if (address.startsWith("::ffff:")) return address.slice(7);
  if (!address.includes(":") || address === "::1") return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const groups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - groups.length - tailGroups.length;
  const full = address.includes("::") ? [...groups, ...Array(Math.max(0, missing)).fill("0"), ...tailGroups] : groups;
  return `${full.slice(0, 4).join(":")}::/64`;
}

/** Loopback is the machine itself: a proxy not declared with QUIRE_TRUST_PROXY, or the operator's tools. */
export const isLoopback = (key) => key === "127.0.0.1" || key === "::1";

/**
 * @param {{ concurrency: number, queue: number, perClient: number, rate: number, now?: () => number, maxHoldMs?: number }} options
 *   rate: starts a second per address (0: no rate); perClient: how many of one address may wait.
 */
export function createRenderGate({
  concurrency,
  queue,
  perClient,
  rate,
  now = () => performance.now(),
  maxHoldMs = MAX_HOLD_MS,
}) {
  let running = 0;
  /** @type {Map<string, number>} address → its requests running now (limited addresses only) */
  const active = new Map();
  const atCap = (key) => !isLoopback(key) && (active.get(key) ?? 0) >= PER_CLIENT_RUNNING;
  let waiting = 0;
  /** @type {Map<string, ((release: () => void) => void)[]>} address → its waiting requests, in the order served */
  const queues = new Map();
  /** @type {Map<string, { tokens: number, at: number, refusals: number, refusedAt: number }>} */
  const buckets = new Map();
  let prunedAt = now();
  const burst = Math.max(1, rate * BURST_SECONDS);

  function bucketOf(key) {
    let bucket = buckets.get(key);
    const t = now();
    if (!bucket) {
      bucket = { tokens: burst, at: t, refusals: 0, refusedAt: 0 };
      buckets.set(key, bucket);
    } else if (rate > 0) {
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * rate);
      bucket.at = t;
    }
    return bucket;
  }

  /** Forgets addresses that are back to a full bucket: the map never outgrows the active clients. */
  function prune() {
    const t = now();
    if (t - prunedAt < 10_000) return;
    prunedAt = t;
    for (const [key, bucket] of buckets) {
      const refilled = rate > 0 ? bucket.tokens + ((t - bucket.at) / 1000) * rate >= burst : true;
      if (refilled && t - bucket.refusedAt > 1000 && !queues.has(key)) buckets.delete(key);
    }
  }

  /** A refusal, held back once the address has had FREE_REFUSALS this second (a flood of 429s costs timers, not CPU). */
  function refuse(bucket, status, retryAfterSeconds) {
    const t = now();
    if (t - bucket.refusedAt > 1000) {
      bucket.refusals = 0;
      bucket.refusedAt = t;
    }
    bucket.refusals += 1;
    const delayMs = bucket.refusals > FREE_REFUSALS ? REFUSAL_DELAY_MS : 0;
    return { refused: { status, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)), delayMs } };
  }

  function startNext() {
    while (running < concurrency) {
      // Round-robin: the first address in line that may start gives one request, then goes to the back.
      let next;
      for (const key of queues.keys()) {
        if (!atCap(key)) {
          next = key;
          break;
        }
      }
      if (next === undefined) return;
      const line = /** @type {((release: () => void) => void)[]} */ (queues.get(next));
      const task = /** @type {(release: () => void) => void} */ (line.shift());
      queues.delete(next);
      if (line.length > 0) queues.set(next, line);
      waiting -= 1;
      start(next, task);
    }
  }

  function start(key, run) {
    running += 1;
    active.set(key, (active.get(key) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      running -= 1;
      const left = (active.get(key) ?? 1) - 1;
      if (left > 0) active.set(key, left);
      else active.delete(key);
      startNext();
    };
    const timer = setTimeout(release, maxHoldMs);
    timer.unref?.();
    try {
      run(release);
    } catch (error) {
      release();
      throw error;
    }
  }

  return {
    /**
     * Lets `run` start now or when its turn comes; it must call the `release` it is given
     * once when its work is over. Returns a refusal instead (nothing runs), or `cancel`,
     * which drops the request if it is still waiting (its client left).
     * @param {string | null} address
     * @param {(release: () => void) => void} run
     * @returns {{ refused: { status: 429 | 503, retryAfterSeconds: number, delayMs: number } } | { cancel: () => void }}
     */
    submit(address, run) {
      prune();
      const key = clientKey(address);
      const limited = !isLoopback(key);
      const bucket = bucketOf(key);
      if (limited && rate > 0 && bucket.tokens < 1) return refuse(bucket, 429, (1 - bucket.tokens) / rate);
      const line = queues.get(key);
      const mustWait = running >= concurrency || atCap(key);
      if (mustWait && limited && (line?.length ?? 0) >= perClient) return refuse(bucket, 429, 1);
      if (mustWait && waiting >= queue) return refuse(bucket, 503, 1);
      if (limited && rate > 0) bucket.tokens -= 1;
      if (!mustWait) {
        start(key, run);
        return { cancel() {} };
      }
      if (line) line.push(run);
      else queues.set(key, [run]);
      waiting += 1;
      return {
        // Out of the line at once, so a client that asks and hangs up holds no place.
        cancel() {
          const mine = queues.get(key);
          const at = mine?.indexOf(run) ?? -1;
          if (!mine || at === -1) return;
          mine.splice(at, 1);
          waiting -= 1;
          if (mine.length === 0) queues.delete(key);
        },
      };
    },
    /** What the gate holds now, for metrics and tests. */
    stats: () => ({ running, waiting, addresses: queues.size, tracked: buckets.size }),
  };
}
