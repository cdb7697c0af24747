// Prometheus metrics (prom-client's default registry). The HTTP front counts requests
// here; the app adds its own (comments, outbox, scheduler, database) to the same registry,
// since prom-client loads once from node_modules for both (next.config.js keeps it external).
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";

const { register } = client;

/** Loopback, as the socket or (behind a trusted proxy) X-Forwarded-For says. */
function isLoopback(address) {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

function tokenMatches(header, token) {
  const given = Buffer.from(String(header ?? "").replace(/^Bearer\s+/i, ""));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Who may read /metrics: with QUIRE_METRICS_TOKEN set, whoever sends it as a bearer token;
 * without it, loopback clients only (a Prometheus on the same machine).
 * @param {{ authorization?: string, clientAddress: string | null, token: string | undefined }} request
 */
export function metricsAllowed({ authorization, clientAddress, token }) {
  if (token) return tokenMatches(authorization, token);
  return clientAddress !== null && isLoopback(clientAddress);
}

/**
 * The front's own metrics. `instance` labels everything this process reports, so several
 * instances scraped into one Prometheus stay apart.
 * @param {{ instance: string }} options
 */
export function createMetrics({ instance }) {
  register.setDefaultLabels({ instance });
  client.collectDefaultMetrics({ prefix: "quire_" });
  // Gauges that prom-client names like counters ("_total"): promtool's lint rejects them.
  for (const name of ["active_handles_total", "active_requests_total", "active_resources_total"]) {
    register.removeSingleMetric(`quire_nodejs_${name}`);
  }
  const requests = new client.Counter({
    name: "quire_http_requests_total",
    help: "HTTP requests answered, by route class and status.",
    labelNames: ["route", "status"],
  });
  const duration = new client.Histogram({
    name: "quire_http_request_duration_seconds",
    help: "Time from request to the end of the response, by route class.",
    labelNames: ["route"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const cacheLookups = new client.Counter({
    name: "quire_page_cache_requests_total",
    help: "Requests the page cache answered (hit) or sent to a render (miss).",
    labelNames: ["result"],
  });
  const evictions = new client.Counter({
    name: "quire_page_cache_evictions_total",
    help: "Entries dropped from the page cache to stay within its byte budget.",
  });
  const renderTime = new client.Histogram({
    name: "quire_render_duration_seconds",
    help: "Time Next.js took to render a page-cache miss.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  const rendersInFlight = new client.Gauge({
    name: "quire_renders_in_flight",
    help: "Page-cache misses being rendered now.",
  });
  /** @type {() => { bytes: number, entries: number }} */
  let pageCache = () => ({ bytes: 0, entries: 0 });
  // Plain counts beside prom-client's, for the admin's health page (read in-process).
  const counts = { hits: 0, misses: 0 };
  new client.Gauge({
    name: "quire_page_cache_bytes",
    help: "Bytes held by the page cache.",
    collect() {
      this.set(pageCache().bytes);
    },
  });
  new client.Gauge({
    name: "quire_page_cache_entries",
    help: "Pages held by the page cache.",
    collect() {
      this.set(pageCache().entries);
    },
  });
  /** @type {() => { running: number, waiting: number }} */
  let renderGate = () => ({ running: 0, waiting: 0 });
  new client.Gauge({
    name: "quire_render_gate_requests",
    help: "Requests in the render gate (bin/server/render-gate.mjs): running in Next, or waiting their turn.",
    labelNames: ["state"],
    collect() {
      const { running, waiting } = renderGate();
      this.set({ state: "running" }, running);
      this.set({ state: "waiting" }, waiting);
    },
  });
  return {
    /** Where the page-cache gauges read from. */
    watchPageCache(read) {
      pageCache = read;
    },
    /** Where the render gate's gauge reads from. */
    watchRenderGate(read) {
      renderGate = read;
    },
    /** One answered request (never /metrics itself). */
    request(route, status, seconds) {
      requests.inc({ route, status: String(status) });
      duration.observe({ route }, seconds);
    },
    cache(result) {
      cacheLookups.inc({ result });
      counts[result === "hit" ? "hits" : "misses"] += 1;
    },
    /** The page cache since this process started: what the health page shows. */
    pageCacheStats() {
      return { ...counts, ...pageCache() };
    },
    evicted() {
      evictions.inc();
    },
    /** Call when a render starts; call the returned function when it ends. */
    renderStarted() {
      rendersInFlight.inc();
      const end = renderTime.startTimer();
      return () => {
        end();
        rendersInFlight.dec();
      };
    },
  };
}

/** Answers GET /metrics: never cached, never counted. */
export async function answerMetrics(request, response, { clientAddress, token }) {
  if (!metricsAllowed({ authorization: request.headers.authorization, clientAddress, token })) {
    response.writeHead(token ? 401 : 403, {
      "content-type": "application/json",
      "cache-control": "no-store",
      ...(token ? { "www-authenticate": 'Bearer realm="metrics"' } : {}),
    });
    response.end(
      JSON.stringify({ error: token ? "A bearer token is required." : "Metrics are served to loopback only." }),
    );
    return;
  }
  const body = await register.metrics();
  response.writeHead(200, { "content-type": register.contentType, "cache-control": "no-store" });
  response.end(request.method === "HEAD" ? undefined : body);
}
