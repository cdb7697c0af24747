import { describe, expect, test } from "vitest";
import {
  checkFormToken,
  hashEditToken,
  hashIp,
  issueFormToken,
  newEditToken,
  readUnsubscribeToken,
  unsubscribeToken,
} from "./tokens";

describe("issued-at token", () => {
  test("refuses under 3 s, over 24 h, and anything forged", () => {
    const now = Date.now();
    const token = issueFormToken(now);
    expect(checkFormToken(token, now + 2_000)).toBe("too_fast");
    expect(checkFormToken(token, now + 3_500)).toBe("ok");
    expect(checkFormToken(token, now + 25 * 3600_000)).toBe("expired");
    const [time, signature] = token.split(".");
    expect(checkFormToken(`${Number(time) - 60_000}.${signature}`, now)).toBe("invalid");
    for (const bad of [undefined, "", "abc", `${time}.`, `${time}.x`])
      expect(checkFormToken(bad, now + 5_000)).toBe("invalid");
  });
});

test("edit tokens are stored as hashes only", () => {
  const { token, hash } = newEditToken();
  expect(token.length).toBeGreaterThanOrEqual(32);
  expect(hash).toBe(hashEditToken(token));
  expect(hash).not.toContain(token);
});

test("IP hashes are salted, stable and never the address", () => {
  expect(hashIp("203.0.113.9")).toBe(hashIp("203.0.113.9"));
  // Hex digits only: no part of the dotted address survives (a bare "203" could occur by chance).
  expect(hashIp("203.0.113.9")).toMatch(/^[0-9a-f]{32}$/);
  expect(hashIp("203.0.113.9")).not.toBe(hashIp("203.0.113.10"));
  expect(hashIp(null)).toBeNull();
});

test("unsubscribe tokens name their address and cannot be forged", () => {
  const token = unsubscribeToken("grace@example.com");
  expect(readUnsubscribeToken(token)).toBe("grace@example.com");
  const forged = `${Buffer.from("other@example.com").toString("base64url")}.${token.split(".")[1]}`;
  expect(readUnsubscribeToken(forged)).toBeNull();
  expect(readUnsubscribeToken("nonsense")).toBeNull();
});
