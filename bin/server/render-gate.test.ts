// The render gate's bookkeeping, with a clock the test moves.
import { describe, expect, it, vi } from "vitest";
import { FREE_REFUSALS, REFUSAL_DELAY_MS, clientKey, createRenderGate } from "./render-gate.mjs";

function setup(options: Partial<Parameters<typeof createRenderGate>[0]> = {}) {
  let t = 0;
  const gate = createRenderGate({ concurrency: 1, queue: 10, perClient: 2, rate: 0, now: () => t, ...options });
  const started: string[] = [];
  const releases: (() => void)[] = [];
  const submit = (address: string, name: string) =>
    gate.submit(address, (release) => {
      started.push(name);
      releases.push(release);
    });
  return { gate, started, releases, submit, tick: (ms: number) => (t += ms) };
}

describe("the render gate", () => {
  it("runs at most `concurrency` at once and serves waiting addresses round-robin", () => {
    const { gate, started, releases, submit } = setup();
    submit("10.0.0.1", "a1");
    submit("10.0.0.1", "a2");
    submit("10.0.0.1", "a3");
    submit("10.0.0.2", "b1");
    submit("10.0.0.3", "c1");
    expect(started).toEqual(["a1"]);
    expect(gate.stats()).toMatchObject({ running: 1, waiting: 4 });
    for (let i = 0; i < 4; i++) releases[i]!();
    // The flooding address's second and third requests do not go before the others' first.
    expect(started).toEqual(["a1", "a2", "b1", "c1", "a3"]);
    releases[4]!();
    releases[4]!(); // a second release of the same request changes nothing
    expect(gate.stats()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("runs one request per address at a time, keeping the other places for other clients", () => {
    const { gate, started, releases, submit } = setup({ concurrency: 2 });
    submit("10.0.0.1", "a1");
    submit("10.0.0.1", "a2");
    expect(started).toEqual(["a1"]);
    expect(gate.stats()).toMatchObject({ running: 1, waiting: 1 });
    submit("10.0.0.2", "b1");
    expect(started).toEqual(["a1", "b1"]);
    releases[0]!();
    expect(started).toEqual(["a1", "b1", "a2"]);
    // Loopback (a proxy not declared trusted, the operator) is one address for many: not held to one.
    submit("127.0.0.1", "l1");
    submit("127.0.0.1", "l2");
    releases[1]!();
    releases[2]!();
    expect(started).toEqual(["a1", "b1", "a2", "l1", "l2"]);
  });

  it("refuses an address past its share with 429, and anyone once the queue is full with 503", () => {
    const { submit } = setup({ queue: 3 });
    submit("10.0.0.1", "running");
    expect(submit("10.0.0.1", "w1")).toHaveProperty("cancel");
    expect(submit("10.0.0.1", "w2")).toHaveProperty("cancel");
    expect(submit("10.0.0.1", "w3")).toEqual({ refused: { status: 429, retryAfterSeconds: 1, delayMs: 0 } });
    expect(submit("10.0.0.2", "x1")).toHaveProperty("cancel");
    expect(submit("10.0.0.3", "y1")).toMatchObject({ refused: { status: 503 } });
  });

  it("holds back an address's refusals past the first few each second", () => {
    const { submit, tick } = setup({ perClient: 0 });
    submit("10.0.0.9", "running");
    const delays = Array.from({ length: FREE_REFUSALS + 2 }, () => {
      const answer = submit("10.0.0.1", "x");
      return "refused" in answer ? answer.refused.delayMs : -1;
    });
    expect(delays).toEqual([...Array(FREE_REFUSALS).fill(0), REFUSAL_DELAY_MS, REFUSAL_DELAY_MS]);
    tick(1001);
    expect(submit("10.0.0.1", "x")).toMatchObject({ refused: { delayMs: 0 } });
  });

  it("drops a waiting request whose client left, and frees its place", () => {
    const { gate, started, releases, submit } = setup({ perClient: 1 });
    submit("10.0.0.1", "running");
    const waiting = submit("10.0.0.2", "gone");
    expect(submit("10.0.0.2", "refused")).toHaveProperty("refused");
    if ("cancel" in waiting) waiting.cancel();
    expect(gate.stats().waiting).toBe(0);
    submit("10.0.0.2", "next");
    releases[0]!();
    expect(started).toEqual(["running", "next"]);
  });

  it("limits each address to `rate` starts a second after a burst of three seconds' worth, telling when to return", () => {
    const { submit, releases, tick } = setup({ concurrency: 100, rate: 2, perClient: 10 });
    for (let i = 0; i < 6; i++) expect(submit("10.0.0.1", `r${i}`)).toHaveProperty("cancel");
    expect(submit("10.0.0.1", "over")).toEqual({ refused: { status: 429, retryAfterSeconds: 1, delayMs: 0 } });
    expect(submit("10.0.0.2", "another client")).toHaveProperty("cancel");
    tick(500);
    expect(submit("10.0.0.1", "refilled")).toHaveProperty("cancel");
    for (const release of releases) release();
  });

  it("stops counting a request that holds its place past maxHoldMs (a slow body, a stuck render)", () => {
    vi.useFakeTimers();
    try {
      const { gate, started, submit } = setup({ maxHoldMs: 10_000 });
      submit("10.0.0.1", "slow upload");
      submit("10.0.0.2", "reader");
      vi.advanceTimersByTime(9_999);
      expect(started).toEqual(["slow upload"]);
      vi.advanceTimersByTime(1);
      expect(started).toEqual(["slow upload", "reader"]);
      expect(gate.stats()).toMatchObject({ running: 1, waiting: 0 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("never limits loopback (a proxy not declared trusted, or the operator) but still queues it", () => {
    const { gate, submit } = setup({ perClient: 0, rate: 1 });
    for (let i = 0; i < 5; i++) expect(submit("127.0.0.1", `l${i}`)).toHaveProperty("cancel");
    expect(gate.stats()).toMatchObject({ running: 1, waiting: 4 });
  });

  it("forgets idle addresses, so its memory follows the active clients", () => {
    const { gate, submit, releases, tick } = setup({ concurrency: 10, rate: 5 });
    for (let i = 0; i < 50; i++) submit(`10.0.1.${i}`, "x");
    for (const release of releases) release();
    expect(gate.stats().tracked).toBe(50);
    tick(11_000);
    submit("10.0.2.1", "y");
    expect(gate.stats().tracked).toBe(1);
  });
});

describe("clientKey", () => {
  it.each([
    ["203.0.113.5", "203.0.113.5"],
    ["::ffff:203.0.113.5", "203.0.113.5"],
    ["::1", "::1"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::99", "2001:db8:1:2::/64"],
    ["2001:DB8::1", "2001:db8:0:0::/64"],
  ])("counts %s as %s", (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});
