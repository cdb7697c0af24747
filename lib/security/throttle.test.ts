import { beforeEach, describe, expect, it, vi } from "vitest";
import { migratedDb } from "@/test/helpers";
import {
  Backoff,
  maySendInvite,
  mayRequestReset,
  resetThrottles,
  throttledSignIn,
  throttledTokenUse,
} from "./throttle";

const client = vi.hoisted(() => ({ ip: "203.0.113.1" as string | null }));
vi.mock("../comments/request", () => ({ clientAddress: async () => ({ ip: client.ip, userAgent: null }) }));

beforeEach(async () => {
  migratedDb();
  await resetThrottles();
});

describe("Backoff", () => {
  let now = 1_000_000;
  const backoff = () => new Backoff("test", () => now);

  it("lets five attempts through, then waits 1 s, 2 s, 4 s … capped at 15 minutes", async () => {
    const b = backoff();
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      expect(await b.waitFor("k")).toBe(0);
      expect(await b.begin("k")).toBe(true);
      waits.push(await b.waitFor("k"));
      now += await b.waitFor("k");
    }
    expect(waits.slice(0, 8)).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(waits.at(-1)).toBe(15 * 60_000);
  });

  it("forgets a key on success and after an hour of quiet", async () => {
    const b = backoff();
    for (let i = 0; i < 5; i++) await b.begin("k");
    expect(await b.waitFor("k")).toBeGreaterThan(0);
    expect(await b.begin("k")).toBe(false); // refused during the wait, and not counted
    now += 1000;
    expect(await b.begin("k")).toBe(true);
    expect(await b.waitFor("k")).toBe(2000);
    await b.forget("k");
    expect(await b.waitFor("k")).toBe(0);
    for (let i = 0; i < 5; i++) await b.begin("j");
    now += 61 * 60_000;
    await b.begin("j");
    expect(await b.waitFor("j")).toBe(0); // counted afresh: one attempt
  });
});

describe("sign-in throttling", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 5_000_000 });
    client.ip = "203.0.113.1";
  });

  const wrong = async () => false;
  const right = async () => true;

  it("after five failures from one address even the right password is refused until the wait passes", async () => {
    for (let i = 0; i < 5; i++) expect(await throttledSignIn(`guess${i}@example.com`, wrong)).toBe(false);
    const verify = vi.fn(right);
    expect(await throttledSignIn("owner@example.com", verify)).toBe(false);
    expect(verify).not.toHaveBeenCalled(); // no password is even checked during the wait
    vi.advanceTimersByTime(1000);
    expect(await throttledSignIn("owner@example.com", right)).toBe(true);
    // Success clears the address: the next mistake is a free one again.
    expect(await throttledSignIn("owner@example.com", wrong)).toBe(false);
    expect(await throttledSignIn("owner@example.com", right)).toBe(true);
  });

  it("an account is locked across addresses, unknown accounts alike", async () => {
    for (const account of ["owner@example.com", "nobody@example.com"]) {
      for (let i = 0; i < 5; i++) {
        client.ip = `198.51.100.${i}`;
        expect(await throttledSignIn(account, wrong)).toBe(false);
      }
      client.ip = "192.0.2.99";
      const verify = vi.fn(right);
      expect(await throttledSignIn(account.toUpperCase(), verify)).toBe(false);
      expect(verify).not.toHaveBeenCalled();
    }
    // Another account from a fresh address is untouched.
    client.ip = "192.0.2.100";
    expect(await throttledSignIn("editor@example.com", right)).toBe(true);
  });

  it("fifty parallel guesses: five are checked, the rest refused unchecked", async () => {
    const verify = vi.fn(wrong);
    await Promise.all(Array.from({ length: 50 }, () => throttledSignIn("owner@example.com", verify)));
    expect(verify).toHaveBeenCalledTimes(5);
  });

  it("successful sign-ins never count", async () => {
    for (let i = 0; i < 100; i++) expect(await throttledSignIn("owner@example.com", right)).toBe(true);
  });
});

describe("reset, invite and token throttles", () => {
  beforeEach(() => {
    client.ip = "203.0.113.7";
  });

  it("three reset e-mails per address an hour, twenty requests per client", async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await mayRequestReset("Owner@example.com"));
    expect(answers).toEqual([true, true, true, false]);
    for (let i = 0; i < 16; i++) await mayRequestReset(`x${i}@example.com`);
    expect(await mayRequestReset("fresh@example.com")).toBe(false);
  });

  it("thirty invitations per sender an hour", async () => {
    for (let i = 0; i < 30; i++) expect(await maySendInvite(2)).toBe(true);
    expect(await maySendInvite(2)).toBe(false);
    expect(await maySendInvite(3)).toBe(true);
  });

  it("token guesses from one address slow down; the used link still works after the wait", async () => {
    for (let i = 0; i < 5; i++) expect(await throttledTokenUse(async () => false)).toBe(false);
    expect(await throttledTokenUse(async () => true)).toBe("wait");
  });
});
