// The load generator: Debian's `wrk` when it is installed (C, its own threads, so
// the client is not what limits the figures), else autocannon in this process.
// Both get the same fixed settings and report the same numbers.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

export const CONNECTIONS = 32;
export const WRK_THREADS = 2;
// Browsers ask for compressed pages; so does every request of the bench.
export const ACCEPT_ENCODING = "gzip, br";

export type Target = { url: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
export type LoadResult = { requests: number; rps: number; p50Ms: number; p99Ms: number; errors: number };
export type Tool = "wrk" | "autocannon";

export function loadTool(): Tool {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error ? "autocannon" : "wrk";
}

/** Drives one target for `seconds` at the fixed settings. */
export function runLoad(tool: Tool, target: Target, seconds: number, tmp: string): Promise<LoadResult> {
  return tool === "wrk" ? runWrk(target, seconds, tmp) : runAutocannon(target, seconds);
}

// `[<id>]` in a body becomes a unique value per request (autocannon's idReplacement;
// the wrk script does the same), so each posted comment differs from the others.
export const UNIQUE = "[<id>]";

const luaString = (s: string) => JSON.stringify(s); // JSON escapes are valid Lua escapes for this text

/** A wrk script: method, headers and body, a per-thread unique id, and a JSON summary. */
function wrkScript(target: Target): string {
  const headers = { "Accept-Encoding": ACCEPT_ENCODING, ...target.headers };
  const [before, after] = (target.body ?? "").split(UNIQUE);
  // Each wrk run (the warm-up, then the measured run) counts from 1 again: a run id keeps
  // the measured run's bodies from repeating the warm-up's (refused as duplicates).
  const run = `${Date.now().toString(36)}-`;
  return `
local counter = 0
local threads = {}
local next_id = 1
function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
wrk.method = ${luaString(target.method ?? "GET")}
${Object.entries(headers)
  .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
  .join("\n")}
request = function()
  counter = counter + 1
  ${after === undefined ? `return wrk.format(nil, nil, nil, ${luaString(before ?? "")})` : `return wrk.format(nil, nil, nil, ${luaString(before! + run)} .. tid .. "x" .. counter .. ${luaString(after)})`}
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;
}

function runWrk(target: Target, seconds: number, tmp: string): Promise<LoadResult> {
  const script = path.join(tmp, `wrk-${process.hrtime.bigint()}.lua`);
  fs.writeFileSync(script, wrkScript(target));
  const args = [
    "-t",
    String(WRK_THREADS),
    "-c",
    String(CONNECTIONS),
    "-d",
    `${seconds}s`,
    "--timeout",
    "10s",
    "-s",
    script,
    target.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", () => {
      fs.rmSync(script, { force: true });
      const line = out.split("\n").find((l) => l.startsWith("WRK_JSON "));
      if (!line) return reject(new Error(`wrk gave no summary:\n${out}`));
      const r = JSON.parse(line.slice("WRK_JSON ".length)) as {
        requests: number;
        duration_us: number;
        p50_us: number;
        p99_us: number;
        errors: number;
      };
      // No answer at all in the run: every connection's request failed, whatever wrk counted.
      const errors = r.requests === 0 ? Math.max(r.errors, CONNECTIONS) : r.errors;
      resolve({
        requests: r.requests,
        rps: r.requests / (r.duration_us / 1e6),
        p50Ms: r.p50_us / 1000,
        p99Ms: r.p99_us / 1000,
        errors,
      });
    });
  });
}

async function runAutocannon(target: Target, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    method: target.method ?? "GET",
    headers: { "accept-encoding": ACCEPT_ENCODING, ...target.headers },
    body: target.body,
    idReplacement: target.body?.includes(UNIQUE) ?? false,
  });
  // 3xx answers are fine (a redirect is an answer); autocannon counts them as non-2xx.
  const failedStatus = result.non2xx - result["3xx"];
  const total = result["2xx"] + result["3xx"] + failedStatus;
  if (total === 0) return { requests: 0, rps: 0, p50Ms: 0, p99Ms: 0, errors: Math.max(result.errors, CONNECTIONS) };
  return {
    requests: total,
    rps: total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: failedStatus + result.errors,
  };
}
