// One place every request passes: it gets an id (sent back as X-Request-Id, and handed
// to the app in the same request header), and when it ends one log line and its metrics.
// The id also goes out in Server-Timing, the one part of a page's own response headers its
// script can read: the friendly error page shows it (components/site/request-id.ts).
import { randomUUID } from "node:crypto";
import { isReaderView } from "./analytics.mjs";
import { routeClass } from "./route-class.mjs";

// An id a trusted proxy already gave the request (nginx's $request_id) is kept, so both
// logs tell of the same request; anything else a client sends is replaced.
const PROXY_ID = /^[\w.:-]{1,128}$/;

/**
 * The client's address: bin/server.mjs has already put the socket's address in
 * X-Forwarded-For, unless a trusted proxy appended it there (its last hop).
 * @returns {string | null}
 */
export function clientAddress(request) {
  const header = request.headers["x-forwarded-for"];
  return (typeof header === "string" && header.split(",").at(-1)?.trim()) || request.socket?.remoteAddress || null;
}

/**
 * @param {(request: any, response: any) => void} handler
 * @param {{ log: import("pino").Logger, metrics: ReturnType<typeof import("./metrics.mjs").createMetrics>, trustProxy: boolean, logAddress: boolean, analytics?: ReturnType<typeof import("./analytics.mjs").createAnalytics> | null }} options
 */
export function observed(handler, { log, metrics, trustProxy, logAddress, analytics = null }) {
  return function observedHandler(request, response) {
    const started = performance.now();
    const given = request.headers["x-request-id"];
    const id = trustProxy && typeof given === "string" && PROXY_ID.test(given) ? given : randomUUID();
    request.headers["x-request-id"] = id;
    response.setHeader("x-request-id", id);
    // Not on Next's router prefetches: the error page must find the navigation's own id.
    if (request.headers["next-router-prefetch"] === undefined)
      response.setHeader("server-timing", `request;desc="${id}"`);
    let bytes = 0;
    const { write, end } = response;
    response.write = function (chunk, ...rest) {
      if (chunk) bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      return write.call(this, chunk, ...rest);
    };
    response.end = function (chunk, ...rest) {
      if (chunk && typeof chunk !== "function")
        bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      return end.call(this, chunk, ...rest);
    };
    response.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const route = routeClass(request.url);
      const status = response.headersSent ? response.statusCode : 499; // 499: the client left first
      metrics.request(route, status, seconds);
      // Reader page views, from the cache or not: counted in memory (bin/server/analytics.mjs).
      if (analytics?.enabled && isReaderView(request, status, route)) {
        const url = request.url ?? "/";
        const query = url.indexOf("?");
        analytics.view({
          path: query === -1 ? url : url.slice(0, query),
          userAgent: request.headers["user-agent"],
          referer: request.headers.referer,
          host: request.headers.host,
          address: clientAddress(request),
          connection: request.socket,
        });
      }
      if (!log.isLevelEnabled("info")) return;
      log.info({
        reqId: id,
        method: request.method,
        url: request.url,
        route,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        cache: response.quireCache ?? response.getHeader("x-quire-cache") ?? null,
        bytes,
        ...(logAddress ? { ip: clientAddress(request) } : {}),
      });
    });
    handler(request, response);
  };
}
