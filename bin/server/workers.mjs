// QUIRE_WORKERS=N (N > 1): this process becomes the primary of N worker processes
// (node:cluster) that share the port and the database file. It serves nothing itself:
// it forks, restarts a worker that dies, and stops them all on SIGTERM or SIGINT.
// Migrations ran before it started (bin/start.ts); each worker keeps its own page
// cache, emptied by any commit from any process (bin/server/data-version.mjs).
import cluster from "node:cluster";

/** A worker that lived at least this long before dying is replaced at once. */
export const STABLE_MS = 10_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;
/** How long a worker may take to finish its requests after SIGTERM before it is killed. */
export const STOP_GRACE_MS = 10_000;

/**
 * The wait before replacing a worker that died after `lifetimeMs`, given how many quick
 * deaths (each under STABLE_MS) came just before it: none after a stable life; 250 ms,
 * then doubling up to 30 s while workers keep dying young, so a crash loop does not spin.
 * @param {number} lifetimeMs
 * @param {number} quickExits
 * @returns {{ delayMs: number, quickExits: number }}
 */
export function restartDelay(lifetimeMs, quickExits) {
  if (lifetimeMs >= STABLE_MS) return { delayMs: 0, quickExits: 0 };
  const streak = quickExits + 1;
  return { delayMs: Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (streak - 1)), quickExits: streak };
}

/**
 * Forks `workers` workers and keeps that many running until a stop signal.
 * @param {{ workers: number, log?: (line: string) => void }} options
 */
export function runPrimary({ workers, log = (line) => console.log(line) }) {
  /** @type {Set<import("node:cluster").Worker>} */
  const live = new Set();
  /** @type {Set<NodeJS.Timeout>} */
  const pending = new Set();
  let quickExits = 0;
  let stopping = false;

  function fork() {
    const worker = cluster.fork();
    const born = Date.now();
    live.add(worker);
    worker.once("exit", (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) process.exit(0);
        return;
      }
      const lived = Date.now() - born;
      const next = restartDelay(lived, quickExits);
      quickExits = next.quickExits;
      log(
        `[quire] worker ${worker.process.pid} exited (${signal ?? `code ${code}`}) after ${(lived / 1000).toFixed(1)} s; ` +
          `replacing it${next.delayMs ? ` in ${next.delayMs} ms` : ""}`,
      );
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!stopping) fork();
      }, next.delayMs);
      pending.add(timer);
    });
  }

  function stop(signal) {
    if (stopping) return;
    stopping = true;
    for (const timer of pending) clearTimeout(timer);
    log(`[quire] ${signal}: stopping ${live.size} worker(s)`);
    if (live.size === 0) process.exit(0);
    for (const worker of live) worker.process.kill("SIGTERM");
    // Whatever has not finished by then is killed; the primary exits with the last worker.
    setTimeout(() => {
      for (const worker of live) worker.process.kill("SIGKILL");
    }, STOP_GRACE_MS).unref();
  }

  // The kernel hands each new connection to whichever worker accepts it first. Node's
  // default on Linux (the primary accepts and passes sockets round-robin) can pass a
  // connection to a worker in the instant it dies, and that client then hangs.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => stop(signal));
  log(`[quire] primary ${process.pid}: starting ${workers} workers`);
  for (let i = 0; i < workers; i++) fork();
}
