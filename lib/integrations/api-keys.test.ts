import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, generateAdminKey, generateContentKey, hashKey, sameHash } from "./api-keys";

describe("API keys", () => {
  it("have Ghost's shapes", () => {
    expect(generateContentKey()).toMatch(/^[0-9a-f]{26}$/);
    const admin = generateAdminKey();
    expect(admin.id).toMatch(/^[0-9a-f]{24}$/);
    expect(admin.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keep Admin secrets encrypted, readable back, and tamper-evident", () => {
    const { secret } = generateAdminKey();
    const stored = encryptSecret(secret);
    expect(stored).not.toContain(secret);
    expect(decryptSecret(stored)).toBe(secret);
    const tampered = stored.slice(0, -2) + (stored.endsWith("A") ? "BB" : "AA");
    expect(() => decryptSecret(tampered)).toThrow();
  });

  it("compare Content keys by hash", () => {
    const key = generateContentKey();
    expect(sameHash(hashKey(key), hashKey(key))).toBe(true);
    expect(sameHash(hashKey(key), hashKey(generateContentKey()))).toBe(false);
  });
});
