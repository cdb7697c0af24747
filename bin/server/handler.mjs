// The request path in front of Next's handler: reader pages and feeds from the page
// cache, Next's immutable files from the static store, everything else from Next with
// streaming compression. Next renders and owns every miss.
import compression from "compression";
import zlib from "node:zlib";
import { captureResponse } from "./capture.mjs";
import { QUALITY, buildEntry, serveEntry } from "./entry.mjs";
import { ByteLru } from "./lru.mjs";
import { bypassReason, cacheKey, storableCacheControl } from "./rules.mjs";

// Headers that would make Next answer a fragment or a 304 instead of the whole page.
const CONDITIONAL = ["if-none-match", "if-modified-since", "if-range", "range"];

/**
 * @param {{ handle: (req: any, res: any) => unknown, dataVersion: (() => number) | null, pageBytes: number, staticBytes: number, maxAgeMs: number }} options
 */
export function createHandler({ handle, dataVersion, pageBytes, staticBytes, maxAgeMs }) {
  const pages = new ByteLru(pageBytes, maxAgeMs);
  const statics = new ByteLru(staticBytes);
  /** @type {Map<string, { flight: Promise<any>, version: number | undefined }>} misses being rendered, so a stampede renders once */
  const flights = new Map();
  let version = dataVersion?.();
  // Uncached responses are compressed as they stream (brotli at a quality fit for that).
  const compress = compression({ threshold: 1024, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });

  function passThrough(request, response) {
    response.setHeader("x-quire-cache", "bypass");
    compress(request, response, () => handle(request, response));
  }

  /** True when the database is unchanged since the cache was filled; empties it otherwise. */
  function fresh() {
    const now = dataVersion();
    if (now === version) return true;
    version = now;
    pages.clear();
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
    handle(request, response);
    const flight = captured.then(async (result) => {
      if (wasHead) request.method = "HEAD";
      const cacheControl = result ? storable(result) : null;
      if (cacheControl === null) return { entry: null, result };
      const entry = await buildEntry(result, { cacheControl, vary: store === pages ? ["Cookie"] : [], quality });
      // Stored only if nothing was written while it rendered: it might show the old data.
      if (store === statics || (started === version && fresh())) store.set(key, entry);
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

  async function fromStore(request, response, options) {
    const { store, key } = options;
    const entry = store.get(key);
    if (entry) return serveEntry(request, response, entry, "hit");
    // A render that began before the last write may show the old data: not joined.
    const pending = flights.get(key);
    if (!pending || (store === pages && pending.version !== version)) return render(request, response, options);
    const shared = await pending.flight.then(
      ({ entry: stored }) => stored,
      () => null,
    );
    return shared ? serveEntry(request, response, shared, "hit") : passThrough(request, response);
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
    if (!dataVersion || pageBytes <= 0 || bypassReason(request) !== null) return passThrough(request, response);
    fresh();
    return fromStore(request, response, {
      store: pages,
      key: cacheKey(url),
      storable: storableCacheControl,
      quality: QUALITY.page,
    });
  }

  return function quireHandler(request, response) {
    Promise.resolve(route(request, response)).catch((error) => {
      console.error("[quire] cached request failed", error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Something went wrong.");
    });
  };
}
