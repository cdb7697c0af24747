"use client";

import { useSyncExternalStore } from "react";

// The request id bin/server/observe.mjs gave the response that brought this page, read in
// the browser from that response's Server-Timing header ("request;desc=<id>", the same id
// as X-Request-Id and the log line). Browsers expose Server-Timing to the page's scripts,
// response headers themselves they do not; and nothing per request is rendered into the
// HTML, so cached pages stay as they are.

const NAME = "request";

function idIn(entry: PerformanceEntry | undefined): string | null {
  const timings = (entry as PerformanceResourceTiming | undefined)?.serverTiming ?? [];
  return timings.find((timing) => timing.name === NAME)?.description || null;
}

function pathOf(address: string): URL | null {
  try {
    return new URL(address, location.href);
  } catch {
    return null;
  }
}

/**
 * The id of the request that rendered the current address: the latest fetch of its content
 * by a client-side navigation (Next's `?_rsc=` requests; the server leaves the id out of
 * prefetches, which show nothing), else the document load itself.
 */
export function currentRequestId(): string | null {
  if (typeof performance === "undefined" || typeof performance.getEntriesByType !== "function") return null;
  const here = location.pathname;
  const fetched = performance
    .getEntriesByType("resource")
    .filter((entry) => {
      const url = pathOf(entry.name);
      return url?.pathname === here && url.searchParams.has("_rsc") && idIn(entry) !== null;
    })
    .at(-1);
  if (fetched) return idIn(fetched);
  const load = performance.getEntriesByType("navigation")[0];
  return load && pathOf(load.name)?.pathname === here ? idIn(load) : null;
}

// A navigation's fetch is listed once its body has arrived, which may be after the error
// page first shows: it looks again at each new entry.
function subscribe(changed: () => void): () => void {
  if (typeof PerformanceObserver === "undefined") return () => {};
  const observer = new PerformanceObserver(changed);
  observer.observe({ type: "resource" });
  return () => observer.disconnect();
}

/** The current page's request id once hydrated (null on the server and when unknown). */
export function useRequestId(): string | null {
  return useSyncExternalStore(subscribe, currentRequestId, () => null);
}
