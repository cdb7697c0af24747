// The primary's restart policy: a worker that dies after a stable life is replaced at
// once; workers that keep dying young wait longer each time, up to 30 s.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { restartDelay, STABLE_MS } from "./workers.mjs";

describe("restartDelay", () => {
  it("replaces a worker that lived long at once, and forgets earlier crashes", () => {
    expect(restartDelay(STABLE_MS, 7)).toEqual({ delayMs: 0, quickExits: 0 });
    expect(restartDelay(3_600_000, 0)).toEqual({ delayMs: 0, quickExits: 0 });
  });

  it("backs off while workers keep dying young, up to 30 s", () => {
    let quick = 0;
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const next = restartDelay(100, quick);
      quick = next.quickExits;
      delays.push(next.delayMs);
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    // One stable life ends the streak.
    expect(restartDelay(STABLE_MS + 1, quick).delayMs).toBe(0);
    expect(restartDelay(100, 0).delayMs).toBe(250);
  });
});

describe("runPrimary", () => {
  it("keeps a crash loop from spinning, and stops on SIGTERM", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-workers-"));
    // Workers that die as soon as they start, under a primary that is stopped after 3 s.
    fs.writeFileSync(path.join(dir, "worker.mjs"), "process.exit(3);\n");
    fs.writeFileSync(
      path.join(dir, "primary.mjs"),
      `import cluster from "node:cluster";
       import { runPrimary } from ${JSON.stringify(path.resolve(__dirname, "workers.mjs"))};
       cluster.setupPrimary({ exec: ${JSON.stringify(path.join(dir, "worker.mjs"))} });
       runPrimary({ workers: 2 });
       setTimeout(() => process.kill(process.pid, "SIGTERM"), 3000);`,
    );
    const child = spawn(process.execPath, [path.join(dir, "primary.mjs")], { stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    const code = await new Promise((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
    fs.rmSync(dir, { recursive: true, force: true });

    const exits = [...log.matchAll(/exited \(code 3\).*?replacing it in (\d+) ms/g)].map((m) => Number(m[1]));
    // Two first deaths, then waits of 250, 500, 1000, 2000… ms: a handful in 3 s, not hundreds.
    expect(exits.length).toBeGreaterThanOrEqual(3);
    expect(exits.length).toBeLessThanOrEqual(8);
    expect(exits.slice(0, 3)).toEqual([250, 500, 1000]);
    expect(log).toContain("SIGTERM: stopping");
    expect(code).toBe(0);
  });
});
