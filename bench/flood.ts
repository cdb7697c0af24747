// The flood scenario (issue 16, "fair overload"): one client asks for unique uncached
// addresses (404s, never cached) on 64 connections while other clients read a cached page
// (wrk, the bench's usual 32 connections) and an uncached one (a few readers who each
// fetch it, read for a moment, and fetch it again). The others' figures are taken twice,
// without the flood and during it. All load comes from 127.0.0.1: the scenario's own
// server trusts X-Forwarded-For (QUIRE_TRUST_PROXY=1, as behind nginx) and each client
// names its own address there. Without that setting the server overwrites the header
// with the socket's address (bin/server.mjs), so no client can choose its address.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { ACCEPT_ENCODING, loadTool, runLoad, type LoadResult } from "./load";
import { sampleRss, startServer, rssMb } from "./server";

export const FLOOD_CONNECTIONS = 64;
const FLOODER = "203.0.113.66";
const READERS = ["198.51.100.11", "198.51.100.12", "198.51.100.13", "198.51.100.14"];
const CACHED_READER = "198.51.100.10";
/** How long an uncached-page reader waits between pages: a person reading, not a script. */
const THINK_MS = 250;

type Others = { cached: LoadResult; uncached: LoadResult & { statuses: Record<string, number> } };
export type FloodResult = {
  unflooded: Others;
  flooded: Others;
  /** The others again once the flood is over: how much the machine itself drifted meanwhile. */
  afterwards: Others;
  flooder: { requests: number; rps: number; statuses: Record<string, number>; errors: number };
  rssMb: { before: number | null; max: number | null; after: number | null };
  gateAfter: string;
  alive: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/** Readers of an uncached page, each from its own address, for `seconds`. */
async function uncachedReaders(url: string, seconds: number): Promise<Others["uncached"]> {
  const until = performance.now() + seconds * 1000;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  await Promise.all(
    READERS.map(async (address) => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          // An Authorization header is one thing the page cache never answers: rendered every time.
          const response = await fetch(url, {
            headers: {
              "x-forwarded-for": address,
              authorization: "Bench uncached",
              "accept-encoding": ACCEPT_ENCODING,
            },
            signal: AbortSignal.timeout(10_000),
          });
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status !== 200) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - started);
        await sleep(THINK_MS);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    rps: times.length / seconds,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    errors,
    statuses,
  };
}

/** The flooder, in a process of its own (autocannon), so that it does not slow the others' measurements. */
function flood(origin: string, seconds: number): Promise<FloodResult["flooder"]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, "--flooder", origin, String(seconds)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", () => {
      const line = out.split("\n").find((l) => l.startsWith("FLOOD_JSON "));
      if (!line) return reject(new Error(`the flooder gave no summary:\n${out}`));
      resolve(JSON.parse(line.slice("FLOOD_JSON ".length)) as FloodResult["flooder"]);
    });
  });
}

/** In the flooder's process: 64 connections, every request a new address, the answers counted by status. */
async function flooder(origin: string, seconds: number) {
  let counter = 0;
  const result = await autocannon({
    url: origin,
    connections: FLOOD_CONNECTIONS,
    duration: seconds,
    timeout: 10,
    headers: { "x-forwarded-for": FLOODER, "accept-encoding": ACCEPT_ENCODING },
    requests: [{ setupRequest: (request) => ({ ...request, path: `/flood-${process.pid}-${++counter}` }) }],
  });
  const stats = (result.statusCodeStats ?? {}) as Record<string, { count: number }>;
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(stats)) statuses[status] = count;
  const requests = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  const summary = { requests, rps: requests / result.duration, statuses, errors: result.errors + result.timeouts };
  console.log(`FLOOD_JSON ${JSON.stringify(summary)}`);
}

if (process.argv[2] === "--flooder") void flooder(process.argv[3]!, Number(process.argv[4]));

async function others(origin: string, cachedPath: string, uncachedPath: string, seconds: number, tmp: string) {
  const [cached, uncached] = await Promise.all([
    runLoad(loadTool(), { url: origin + cachedPath, headers: { "X-Forwarded-For": CACHED_READER } }, seconds, tmp),
    uncachedReaders(origin + uncachedPath, seconds),
  ]);
  return { cached, uncached };
}

/**
 * Runs the scenario on a server of its own (port `port`, the bench's data folder,
 * QUIRE_TRUST_PROXY=1), then stops it.
 */
export async function runFlood({
  port,
  dataDir,
  env,
  cachedPath,
  uncachedPath,
  seconds,
  tmp,
  log,
}: {
  port: number;
  dataDir: string;
  env: Record<string, string>;
  cachedPath: string;
  uncachedPath: string;
  seconds: number;
  tmp: string;
  log: (line: string) => void;
}): Promise<FloodResult> {
  const server = await startServer({ port, dataDir, env: { ...env, QUIRE_TRUST_PROXY: "1" } });
  try {
    const origin = server.origin;
    const line = (name: string, o: Others) =>
      log(
        `flood, ${name}: others' cached ${cachedPath} ${o.cached.rps.toFixed(0)} req/s, p50 ${o.cached.p50Ms.toFixed(1)} ms, p99 ${o.cached.p99Ms.toFixed(1)} ms, ${o.cached.errors} errors; ` +
          `uncached ${uncachedPath} p50 ${o.uncached.p50Ms.toFixed(0)} ms, p99 ${o.uncached.p99Ms.toFixed(0)} ms (${o.uncached.requests} by ${READERS.length} readers, statuses ${JSON.stringify(o.uncached.statuses)})`,
      );
    // Warm-up as long as a measurement: a fresh server loads its routes and JIT-compiles on the first renders.
    await others(origin, cachedPath, uncachedPath, seconds, tmp);
    const unflooded = await others(origin, cachedPath, uncachedPath, seconds, tmp);
    line("without the flood", unflooded);
    const before = rssMb(server.pid);
    const flooding = flood(origin, seconds + 4);
    await sleep(2_000); // the flood under way before the others measure
    const stopSampling = sampleRss([server.pid]);
    const flooded = await others(origin, cachedPath, uncachedPath, seconds, tmp);
    const max = stopSampling();
    const flooder = await flooding;
    line("during the flood", flooded);
    log(
      `flood, the flooder (${FLOOD_CONNECTIONS} connections, unique addresses): ${flooder.requests} requests (${flooder.rps.toFixed(0)}/s), by status ${JSON.stringify(flooder.statuses)}, ${flooder.errors} socket errors`,
    );
    await sleep(5_000);
    const afterwards = await others(origin, cachedPath, uncachedPath, seconds, tmp);
    line("after the flood (the machine's drift)", afterwards);
    const health = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    const metrics = await fetch(`${origin}/metrics`).then(
      (r) => r.text(),
      () => "",
    );
    const gateAfter = metrics
      .split("\n")
      .filter((l) => l.startsWith("quire_render_gate_requests"))
      .map((l) => l.replace(/,?instance="[^"]*"/, ""))
      .join("; ");
    const after = rssMb(server.pid);
    log(
      `flood, the server: RSS ${before?.toFixed(0)} MB before, at most ${max?.toFixed(0)} MB during, ${after?.toFixed(0)} MB after; gate afterwards ${gateAfter || "n/a"}; /api/health ${health ? "answers" : "DOES NOT ANSWER"}`,
    );
    return { unflooded, flooded, afterwards, flooder, rssMb: { before, max, after }, gateAfter, alive: health };
  } finally {
    await server.stop();
  }
}
