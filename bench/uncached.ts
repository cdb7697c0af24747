// The reader routes rendered afresh for every request: what a page-cache miss costs
// (a 404, a query-string variant, the first view after a commit). Each request carries an
// Authorization header, one of the things the page cache never answers
// (bin/server/rules.mjs); the pages ignore it, so Next renders exactly what an anonymous
// reader gets, as with QUIRE_PAGE_CACHE_MB=0, and on the same server as the cached rows.
import fs from "node:fs";
import { ACCEPT_ENCODING, type Target } from "./load";
import { cpuMs } from "./server";

export const UNCACHED_HEADERS = { Authorization: "Bench uncached" };

type Paths = { home: string; post: string; tag: string };

const ROUTES = (paths: Paths): [string, string][] => [
  ["post", paths.post],
  ["home /", paths.home],
  ["tag page", paths.tag],
  ["/rss.xml", "/rss.xml"],
];

/** Rows named "<route>, uncached": the post, home, the tag page and /rss.xml. */
export function uncachedRoutes(origin: string, paths: Paths): [string, Target][] {
  return ROUTES(paths).map(([name, path]) => [`${name}, uncached`, { url: origin + path, headers: UNCACHED_HEADERS }]);
}

export type RenderCost = { route: string; renders: number; cpuMsPerRender: number; rendersPerCpuSecond: number };

const RENDERS = 200;
const AT_ONCE = 4;

/**
 * The server's CPU time per uncached render: RENDERS requests, AT_ONCE at a time, each
 * waited for, so no abandoned request is counted. Unlike req/s at 32 connections this
 * hardly moves when other work shares the machine; 1000 / ms is what one core could serve.
 * Null where /proc is not there, or for a server with workers (its CPU is in its children).
 */
export async function measureRenderCost(
  origin: string,
  pid: number,
  paths: Paths,
  log: (line: string) => void,
): Promise<RenderCost[] | null> {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return null;
  const costs: RenderCost[] = [];
  for (const [name, path] of ROUTES(paths)) {
    const once = async () => {
      const response = await fetch(origin + path, {
        headers: { ...UNCACHED_HEADERS, "accept-encoding": ACCEPT_ENCODING },
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    };
    const batches = async (count: number) => {
      for (let i = 0; i < count / AT_ONCE; i++) await Promise.all(Array.from({ length: AT_ONCE }, once));
    };
    await batches(40); // warm-up: the JIT and the prepared statements
    const before = cpuMs(pid)!;
    await batches(RENDERS);
    const perRender = (cpuMs(pid)! - before) / RENDERS;
    const cost = {
      route: `${name}, uncached`,
      renders: RENDERS,
      cpuMsPerRender: perRender,
      rendersPerCpuSecond: 1000 / perRender,
    };
    log(
      `${cost.route}: ${perRender.toFixed(1)} ms of server CPU per render (${cost.rendersPerCpuSecond.toFixed(0)} renders per CPU-second)`,
    );
    costs.push(cost);
  }
  return costs;
}
