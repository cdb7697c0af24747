// A byte-bounded least-recently-used store: a Map keeps insertion order, so the first
// key is the least recently used one once every hit moves its key to the end.
export class ByteLru {
  /** @param {number} maxBytes @param {number} maxAgeMs entries older than this are not served */
  constructor(maxBytes, maxAgeMs = Infinity) {
    this.maxBytes = maxBytes;
    this.maxAgeMs = maxAgeMs;
    this.bytes = 0;
    /** @type {Map<string, { size: number, storedAt: number }>} */
    this.map = new Map();
  }

  get(key, now = Date.now()) {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    this.map.delete(key);
    if (now - entry.storedAt > this.maxAgeMs) {
      this.bytes -= entry.size;
      return undefined;
    }
    this.map.set(key, entry);
    return entry;
  }

  /** Stores an entry ({ size, storedAt, … }); one larger than the whole budget is not kept. */
  set(key, entry) {
    this.delete(key);
    if (entry.size > this.maxBytes) return false;
    this.map.set(key, entry);
    this.bytes += entry.size;
    for (const [oldest, old] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(oldest);
      this.bytes -= old.size;
    }
    return true;
  }

  delete(key) {
    const entry = this.map.get(key);
    if (!entry) return;
    this.map.delete(key);
    this.bytes -= entry.size;
  }

  clear() {
    this.map.clear();
    this.bytes = 0;
  }

  get size() {
    return this.map.size;
  }
}
