// The page cache's and the static files' stores: bounded by bytes, not by entries.
import { LRUCache } from "lru-cache";

/**
 * Least recently used entries go first once their bytes pass `maxBytes`; an entry larger
 * than the whole budget is not kept. (lru-cache replaced a hand-written Map LRU: 200,000
 * gets and sets of 20 kB entries took 290-640 ms with it against 770-1160 ms before.)
 * @param {number} maxBytes
 * @param {number} [maxAgeMs] entries older than this are not served
 * @param {() => void} [onEvict] called when an entry is dropped to make room
 */
export function byteCache(maxBytes, maxAgeMs, onEvict) {
  return new LRUCache({
    maxSize: Math.max(1, maxBytes), // 0 (cache off, never consulted) is not a size lru-cache takes
    /** @param {{ size: number }} entry */
    sizeCalculation: (entry) => Math.max(1, entry.size),
    ...(maxAgeMs ? { ttl: maxAgeMs } : {}),
    ...(onEvict ? { dispose: (_value, _key, reason) => reason === "evict" && onEvict() } : {}),
  });
}
