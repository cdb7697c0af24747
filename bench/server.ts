// The production server as `npm start` runs it (node bin/server.mjs, built, migrated
// data folder), started and stopped by the bench, with its memory sampled.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../bin/build-check";

export type Server = { origin: string; pid: number; coldStartMs: number; log: () => string; stop: () => Promise<void> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server on 127.0.0.1:port and waits for the first 200 on `/` (the cold start), then for /api/health. */
export async function startServer({
  port,
  dataDir,
  timeoutMs = 60_000,
  env = {},
}: {
  port: number;
  dataDir: string;
  timeoutMs?: number;
  /** More settings: QUIRE_WORKERS, or QUIRE_TRUST_PROXY and QUIRE_URL behind nginx. */
  env?: Record<string, string>;
}): Promise<Server> {
  const origin = `http://127.0.0.1:${port}`;
  if (
    await fetch(origin).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`something already answers on ${origin}: choose another --port`);
  let log = "";
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...benchNodeArgs(), path.join(ROOT, "bin", "server.mjs")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      QUIRE_DATA_DIR: dataDir,
      QUIRE_URL: origin,
      // Set by the bench only: comment POSTs at load-test speed would otherwise be refused.
      QUIRE_DISABLE_COMMENT_RATE_LIMITS: "1",
      // The bench keeps what the server prints: a line per request would grow it without end.
      QUIRE_LOG_LEVEL: process.env.QUIRE_LOG_LEVEL ?? "warn",
      ...env,
    },
  });
  // QUIRE_BENCH_SERVER_LOG=FILE: a copy of what the server prints (with --trace-gc, say).
  const copy = process.env.QUIRE_BENCH_SERVER_LOG ? fs.createWriteStream(process.env.QUIRE_BENCH_SERVER_LOG) : null;
  const keep = (chunk: Buffer) => {
    log += chunk;
    copy?.write(chunk);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.on("exit", () => (exited = true));

  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) child.kill("SIGKILL");
  };

  const until = async (url: string) => {
    while (performance.now() - started < timeoutMs) {
      if (exited) throw new Error(`the server exited:\n${log}`);
      const status = await fetch(url).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(10);
    }
    await stop();
    throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s:\n${log}`);
  };
  await until(`${origin}/`);
  const coldStartMs = performance.now() - started;
  await until(`${origin}/api/health`);
  return { origin, pid: child.pid!, coldStartMs, log: () => log, stop };
}

/**
 * QUIRE_BENCH_NODE_ARGS: more options for the server's node, split at spaces, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/profiles" for a CPU profile of the run (written when the
 * server stops) or "--heapsnapshot-signal=SIGUSR2" to look at its memory.
 */
function benchNodeArgs(): string[] {
  return (process.env.QUIRE_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
}

/** User + system CPU time of a process so far, in ms (Linux /proc; 1/100 s ticks), or null elsewhere. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The resident memory of a process in MB (Linux), or null where /proc is not there. */
export function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** A process and its descendants (QUIRE_WORKERS' workers), read from /proc; just the process elsewhere. */
function withDescendants(pid: number): number[] {
  try {
    const children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(" ")
      .filter(Boolean)
      .map(Number);
    return [pid, ...children.flatMap(withDescendants)];
  } catch {
    return [pid];
  }
}

/** The resident memory of these processes and their descendants together, in MB. */
function treeRssMb(pids: number[]): number | null {
  const sizes = pids.flatMap(withDescendants).map(rssMb);
  return sizes.some((size) => size !== null) ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0) : null;
}

/** Samples the RSS of these servers (with their workers) every 100 ms until stopped; returns the highest total seen. */
export function sampleRss(pids: number[]): () => number | null {
  let max: number | null = treeRssMb(pids);
  const timer = setInterval(() => {
    const now = treeRssMb(pids);
    if (now !== null) max = Math.max(max ?? 0, now);
  }, 100);
  return () => {
    clearInterval(timer);
    return max;
  };
}
