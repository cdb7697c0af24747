// The production server `npm start` runs (after building and migrating): Next.js's own
// request handler behind a plain node:http server, so that what reaches the app about
// the client is what the socket says, not what the client claims, and so that reader
// pages can be answered from memory before Next's handler runs (bin/server/handler.mjs).
// With QUIRE_WORKERS=N (N > 1) this process forks N workers that each run serve() on the
// same port (bin/server/workers.mjs); with 1 (the default) it serves by itself.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GLOBAL_KEY, createAnalytics } from "./server/analytics.mjs";
import { openDataVersion } from "./server/data-version.mjs";
import { watchPgChanges } from "./server/pg-changes.mjs";
import { createHandler } from "./server/handler.mjs";
import { createFrontServer } from "./server/http-limits.mjs";
import { withoutReaderRuntime } from "./server/reader-runtime.mjs";
import { answerMetrics, createMetrics } from "./server/metrics.mjs";
import { clientAddress, observed } from "./server/observe.mjs";
import { createRenderGate } from "./server/render-gate.mjs";
import { runPrimary, STOP_GRACE_MS } from "./server/workers.mjs";
import { DATABASE_FILE_NAME, serverSettings } from "../lib/env-defaults.mjs";
import { logger } from "../lib/ops/log.mjs";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Validated with the rest of the environment by lib/env.ts (bin/start.ts checks it first);
// behind a reverse proxy that sets X-Forwarded-For itself, QUIRE_TRUST_PROXY=1.
const {
  host: hostname,
  port,
  dataDir,
  trustProxy,
  pageCacheMb,
  logAddress,
  metricsToken,
  workers,
  renderGate,
  databaseUrl,
} = serverSettings();
// The file db/connection.ts's databaseFile() names; this process only watches it.
const dataFile = path.join(dataDir, DATABASE_FILE_NAME);

async function serve() {
  const log = logger();
  // Several instances (and workers) scraped into one Prometheus stay apart by this label.
  const instance = `${os.hostname()}:${port}:${process.pid}`;
  const metrics = createMetrics({ instance });
  // The admin's health page runs in this process (Next's handler): it reads these.
  globalThis.quireServer = {
    instance,
    pageCacheBytes: pageCacheMb * 1024 * 1024,
    pageCache: () => metrics.pageCacheStats(),
  };

  // Reader page views, counted in memory here and written by the app's background loop
  // (lib/jobs/background.ts), which finds the buffer on globalThis: both run in this process.
  const analytics = createAnalytics();
  globalThis[GLOBAL_KEY] = analytics;

  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  // Each process (each worker) keeps its own cache and watches the database itself: a commit
  // by any other process, worker, instance or CLI empties it on the next request. SQLite:
  // the file's data_version; PostgreSQL: the notifications its triggers send at each commit.
  const dataVersion = pageCacheMb <= 0 ? null : databaseUrl ? watchPgChanges(databaseUrl) : openDataVersion(dataFile);
  // The app keeps its settings while this number stays the same (db/queries/settings.ts).
  if (dataVersion) globalThis.quireServer.changeVersion = dataVersion;
  // On SQLite the counts are written through the connection that watches data_version, so
  // writing them does not empty this process's page cache (see data-version.mjs). On
  // PostgreSQL their table sends no notification: they go through the app's pool.
  if (dataVersion && "connection" in dataVersion && !dataVersion.connection.readonly)
    analytics.connection = dataVersion.connection;
  // Everything that reaches Next waits its turn here, fairly by client address (render-gate.mjs).
  const gate = createRenderGate(renderGate);
  metrics.watchRenderGate(gate.stats);
  const cached = createHandler({
    // Reader pages with nothing to hydrate go out without Next's client runtime.
    handle: withoutReaderRuntime(app.getRequestHandler()),
    dataVersion,
    pageBytes: pageCacheMb * 1024 * 1024,
    staticBytes: 32 * 1024 * 1024,
    // Time-based details (comment-form token ages, "closes in N days") are at most this old.
    maxAgeMs: 60_000,
    metrics,
    gate,
  });
  metrics.watchPageCache(cached.pageCache);
  const handler = observed(cached, { log, metrics, trustProxy, logAddress, analytics });

  const server = createFrontServer((request, response) => {
    if (!trustProxy) {
      // A client could otherwise choose its own address and slip past per-address limits.
      request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
      delete request.headers["x-real-ip"];
      // Nor its own host and scheme: Next.js checks a server action's Origin against X-Forwarded-Host.
      delete request.headers["x-forwarded-host"];
      delete request.headers["x-forwarded-proto"];
    }
    // Answered here, before the request is counted or logged: a scrape never measures itself.
    if ((request.url === "/metrics" || request.url?.startsWith("/metrics?")) && request.method === "GET") {
      answerMetrics(request, response, { clientAddress: clientAddress(request), token: metricsToken }).catch(
        (error) => {
          log.error({ err: error }, "metrics failed");
          if (!response.headersSent) response.writeHead(500);
          response.end();
        },
      );
      return;
    }
    // Each layer here (log, cache, gate, limits) and Next's own streaming add one "close"
    // listener, all once() per response: 11 or 12 is expected, not a leak.
    response.setMaxListeners(20);
    handler(request, response);
  });
  // A plain line whatever the log level: people and the cluster journeys wait for it.
  const who = cluster.isWorker ? ` worker ${process.pid}` : "";
  server.listen(port, hostname, () => console.log(`[quire]${who} listening on http://${hostname}:${port}`));

  // Writes what was counted since the last pass of the app's loop. Each flush is chained to
  // the ones before, so an exit that waits for the last waits for them all: the first one
  // drains the counts, and its write waits for its turn (db/transaction.ts) after the drain.
  let flushes = Promise.resolve();
  const flushAnalytics = () => {
    flushes = flushes.then(async () => {
      try {
        await analytics.flush?.();
      } catch (error) {
        log.error({ err: error }, "analytics flush at shutdown failed");
      }
    });
    return flushes;
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      void flushAnalytics();
      // Requests in flight finish; idle keep-alive connections close; then the process ends.
      server.close(() => {
        void flushAnalytics().then(() => process.exit(0)); // what the requests still open then counted
      });
      setTimeout(() => {
        void flushAnalytics().then(() => process.exit(0));
      }, STOP_GRACE_MS - 1000).unref();
    });
  }
}

if (workers > 1 && cluster.isPrimary) runPrimary({ workers });
else await serve();
