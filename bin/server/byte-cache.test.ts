import { describe, expect, it } from "vitest";
import { byteCache } from "./byte-cache.mjs";

const entry = (size: number) => ({ size });

describe("the byte-bounded LRU", () => {
  it("evicts the least recently used entries past its budget", () => {
    const lru = byteCache(100);
    lru.set("a", entry(40));
    lru.set("b", entry(40));
    lru.get("a"); // a is now the most recently used
    lru.set("c", entry(40));
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBeDefined();
    expect(lru.get("c")).toBeDefined();
    expect(lru.calculatedSize).toBe(80);
  });

  it("keeps nothing larger than its budget, replaces by key, and forgets old entries", async () => {
    const lru = byteCache(100, 50);
    lru.set("huge", entry(101));
    expect(lru.has("huge")).toBe(false);
    lru.set("a", entry(30));
    lru.set("a", entry(50));
    expect(lru.calculatedSize).toBe(50);
    expect(lru.get("a")).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(lru.get("a")).toBeUndefined();
    expect(lru.calculatedSize).toBe(0);
    lru.set("b", entry(10));
    lru.clear();
    expect(lru.size).toBe(0);
  });

  it("can be made with a budget of 0 (the page cache switched off)", () => {
    expect(() => byteCache(0, 60_000)).not.toThrow();
  });
});
