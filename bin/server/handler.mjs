// The request path in front of Next's handler: reader pages and feeds from the page
// cache, Next's immutable files from the static store, readers' JSON comments from the
// app's own handler (direct.mjs), everything else from Next with streaming compression.
// Next renders and owns every miss.
import compression from "compression";
import zlib from "node:zlib";
import { captureResponse } from "./capture.mjs";
import { QUALITY, buildEntry, serveEntry } from "./entry.mjs";
import { byteCache } from "./byte-cache.mjs";
import { answerDirect, directFor } from "./direct.mjs";
import { clientAddress as socketOrProxyAddress } from "./observe.mjs";
import { bypassReason, cacheKey, obviouslyNotOurs, storableCacheControl, storableNotFound } from "./rules.mjs";

/** @typedef {{ cache(result: "hit" | "miss"): void, evicted(): void, renderStarted(): () => void }} CacheMetrics */
/** @type {CacheMetrics} */
const NO_METRICS = { cache() {}, evicted() {}, renderStarted: () => () => {} };

// What Next answers cheaply and must stay live under load: never queued behind renders.
const UNGATED = /^\/(?:_next\/static\/|media\/|api\/health(?:$|\?)|favicon\.ico$)/;
const NOT_FOUND_BODY = "Not found.\n";

// Headers that would make Next answer a fragment or a 304 instead of the whole page.
const CONDITIONAL = ["if-none-match", "if-modified-since", "if-range", "range"];

/**
 * `gate` (render-gate.mjs) bounds and orders whatever reaches Next; without one, all goes straight in.
 * @param {{ handle: (req: any, res: any) => unknown, dataVersion: (() => number) | null, pageBytes: number, staticBytes: number, maxAgeMs: number, metrics?: CacheMetrics, gate?: ReturnType<typeof import("./render-gate.mjs").createRenderGate> | null, clientAddress?: (request: any) => string | null }} options
 */
export function createHandler({
  handle,
  dataVersion,
  pageBytes,
  staticBytes,
  maxAgeMs,
  metrics = NO_METRICS,
  gate = null,
  clientAddress = socketOrProxyAddress,
}) {
  const pages = byteCache(pageBytes, maxAgeMs, metrics.evicted);
  // "Not found" answers apart, in an eighth of the budget: unique 404s (a scanner's) can
  // never push the site's own pages out.
  const missing = byteCache(Math.floor(pageBytes / 8), maxAgeMs);
  const statics = byteCache(staticBytes);
  /** @type {Map<string, { flight: Promise<any>, version: number | undefined }>} misses being rendered, so a stampede renders once */
  const flights = new Map();
  /** @type {Map<string, Promise<void>>} misses waiting in the gate, so a second request for one waits for it, not in line */
  const queued = new Map();
  let version = dataVersion?.();
  // Uncached responses are compressed as they stream (brotli at a quality fit for that).
  const compress = compression({ threshold: 1024, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });

  function passThrough(request, response) {
    response.setHeader("x-quire-cache", "bypass");
    compress(request, response, () => handle(request, response));
  }

  /** Runs `work` (which reaches Next) when the gate lets it, or answers the gate's refusal. */
  function gated(request, response, work) {
    if (!gate || UNGATED.test(request.url ?? "/")) return work();
    const ticket = gate.submit(clientAddress(request), (release) => {
      response.once("finish", release);
      response.once("close", release);
      if (response.destroyed) return release();
      Promise.resolve(work()).catch((error) => failed(response, error));
    });
    if ("refused" in ticket) return refuse(request, response, ticket.refused);
    response.once("close", ticket.cancel); // still waiting when the client left: dropped
  }

  /** True when the database is unchanged since the cache was filled; empties it otherwise. */
  function fresh() {
    const now = dataVersion();
    if (now === version) return true;
    version = now;
    pages.clear();
    missing.clear();
    return false;
  }

  /** Renders through Next once per key; resolves with the entry, or null if not storable. */
  function render(request, response, { store, key, storable, quality }) {
    const started = version;
    for (const name of CONDITIONAL) delete request.headers[name];
    // A HEAD miss renders the GET it stands for, so the entry can serve both.
    const wasHead = request.method === "HEAD";
    if (wasHead) request.method = "GET";
    const captured = captureResponse(response);
    if (store === pages) metrics.cache("miss");
    const rendered = metrics.renderStarted();
    captured.then(rendered, rendered);
    handle(request, response);
    const flight = captured.then(async (result) => {
      if (wasHead) request.method = "HEAD";
      const cacheControl = result ? storable(result) : null;
      if (cacheControl === null) return { entry: null, result };
      const entry = await buildEntry(result, { cacheControl, vary: store === pages ? ["Cookie"] : [], quality });
      // Stored only if nothing was written while it rendered: it might show the old data.
      const into = store === pages && result.status === 404 ? missing : store;
      if (store === statics || (started === version && fresh())) into.set(key, entry);
      return { entry, result };
    });
    const mine = { flight, version: started };
    flights.set(key, mine);
    const done = () => flights.get(key) === mine && flights.delete(key);
    flight.then(done, done);
    return flight.then(async ({ entry, result }) => {
      if (entry) return serveEntry(request, response, entry, "miss");
      if (!result) return; // the client left before Next finished
      // Not storable (a 404, a cookie…): answered as Next made it, compressed if it pays.
      const once = await buildEntry(result, {
        cacheControl: result.headers["cache-control"]?.toString(),
        vary: [],
        quality: QUALITY.page,
        etag: false,
      });
      serveEntry(request, response, once, "bypass");
    });
  }

  /** @param {boolean} [admitted] true once the gate let this request through */
  async function fromStore(request, response, options, admitted = false) {
    const { store, key } = options;
    const entry = store.get(key) ?? (store === pages ? missing.get(key) : undefined);
    if (entry) {
      if (store === pages) metrics.cache("hit");
      return serveEntry(request, response, entry, "hit");
    }
    // A render that began before the last write may show the old data: not joined.
    const pending = flights.get(key);
    if (!pending || (store === pages && pending.version !== version)) {
      if (admitted || store === statics) return render(request, response, options);
      // The same page already waiting for its turn: wait for that request (its render, or
      // its refusal) instead of queueing again, then look again.
      const ahead = queued.get(key);
      if (ahead) return ahead.then(() => fromStore(request, response, options));
      let turn = () => {};
      const mine = new Promise((resolve) => (turn = resolve));
      queued.set(key, mine);
      const done = () => {
        if (queued.get(key) === mine) queued.delete(key);
        turn();
      };
      response.once("close", done);
      // Its turn may come after another request stored or began the same page: look again then.
      return gated(request, response, () => {
        const rendering = fromStore(request, response, options, true);
        done(); // the render's flight is registered by now: the waiting requests join it
        return rendering;
      });
    }
    const shared = await pending.flight.then(
      ({ entry: stored }) => stored,
      () => null,
    );
    return shared
      ? serveEntry(request, response, shared, "hit")
      : gated(request, response, () => passThrough(request, response));
  }

  function route(request, response) {
    const url = request.url ?? "/";
    if (
      url.startsWith("/_next/static/") &&
      (request.method === "GET" || request.method === "HEAD") &&
      staticBytes > 0
    ) {
      return fromStore(request, response, {
        store: statics,
        key: url,
        storable: ({ status, headers }) =>
          status === 200 && /immutable/.test(String(headers["cache-control"] ?? ""))
            ? String(headers["cache-control"])
            : null,
        quality: QUALITY.immutable,
      });
    }
    if (!url.startsWith("/media/") && obviouslyNotOurs(url)) {
      response.writeHead(404, {
        "content-type": "text/plain; charset=utf-8",
        "x-content-type-options": "nosniff",
        "cache-control": "public, max-age=3600",
      });
      return response.end(request.method === "HEAD" ? undefined : NOT_FOUND_BODY);
    }
    // The comment form's JSON POST, once Next has offered its handler: answered here.
    const direct = directFor(request);
    if (direct) return gated(request, response, () => answerDirect(request, response, direct));
    if (!dataVersion || pageBytes <= 0 || bypassReason(request) !== null)
      return gated(request, response, () => passThrough(request, response));
    fresh();
    return fromStore(request, response, {
      store: pages,
      key: cacheKey(url),
      storable: (result) => storableCacheControl(result) ?? storableNotFound(result),
      quality: QUALITY.page,
    });
  }

  /** What the page cache holds (the stored "not found" answers included), for metrics. */
  quireHandler.pageCache = () => ({
    bytes: pages.calculatedSize + missing.calculatedSize,
    entries: pages.size + missing.size,
  });
  return quireHandler;

  function quireHandler(request, response) {
    Promise.resolve(route(request, response)).catch((error) => failed(response, error));
  }
}

function failed(response, error) {
  console.error("[quire] cached request failed", error);
  if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
  response.end("Something went wrong.");
}

/**
 * The gate's refusal: 429 (this address is past its share) or 503 (the queue is full),
 * with Retry-After; JSON for the APIs. Held `delayMs` first when the gate says so.
 */
function refuse(request, response, { status, retryAfterSeconds, delayMs }) {
  const send = () => {
    if (response.destroyed || response.headersSent) return;
    const message =
      status === 429
        ? `Too many requests from your address: try again in ${retryAfterSeconds} s.`
        : `The server is busy: try again in ${retryAfterSeconds} s.`;
    const api = /^\/(?:api|ghost)\//.test(request.url ?? "");
    const body = api
      ? JSON.stringify({
          errors: [{ message, type: status === 429 ? "TooManyRequestsError" : "ServiceUnavailableError" }],
        })
      : `${message}\n`;
    response.writeHead(status, {
      "content-type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
      "content-length": Buffer.byteLength(body),
      "retry-after": String(retryAfterSeconds),
      "cache-control": "no-store",
      "x-quire-cache": "refused",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  };
  if (!delayMs) return send();
  const timer = setTimeout(send, delayMs);
  response.once("close", () => clearTimeout(timer));
}
