// The defaults of every setting that has one, in one place for both readers of the
// environment: the app (lib/env.ts validates the whole environment against them) and the
// HTTP front (bin/server.mjs, plain JavaScript that node runs without a TypeScript step).
import os from "node:os";
import path from "node:path";

/** The database's file name inside the data folder (and inside a backup folder). */
export const DATABASE_FILE_NAME = "quire.db";

/** The media folder's name inside the data folder, where uploads live unless QUIRE_MEDIA_DIR says otherwise. */
export const MEDIA_DIR_NAME = "media";

/**
 * The media folder: QUIRE_MEDIA_DIR when set (a volume several instances share),
 * otherwise `media` inside the data folder. An absolute path.
 * @param {string} dataDir an absolute path
 * @param {string | undefined} mediaDir QUIRE_MEDIA_DIR
 */
export function resolveMediaDir(dataDir, mediaDir) {
  return mediaDir ? path.resolve(mediaDir) : path.join(dataDir, MEDIA_DIR_NAME);
}

export const ENV_DEFAULTS = Object.freeze({
  QUIRE_DATA_DIR: "./data",
  QUIRE_DB_POOL: 10,
  HOST: "127.0.0.1",
  PORT: 3000,
  QUIRE_SCHEDULER_INTERVAL_MS: 15_000,
  QUIRE_OUTBOX_INTERVAL_MS: 2_000,
  QUIRE_OUTBOX_FIRST_RETRY_MS: 30_000,
  QUIRE_TRUST_PROXY: /** @type {"0" | "1"} */ ("0"),
  QUIRE_PAGE_CACHE_MB: 64,
  QUIRE_DISABLE_COMMENT_RATE_LIMITS: /** @type {"0" | "1"} */ ("0"),
  QUIRE_LOG_LEVEL: /** @type {"fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent"} */ ("info"),
  QUIRE_LOG_IP: /** @type {"0" | "1"} */ ("0"),
  QUIRE_WORKERS: 1,
  // The render gate (bin/server/render-gate.mjs); QUIRE_RENDER_CONCURRENCY's default is
  // renderConcurrencyFor(the core count).
  QUIRE_RENDER_QUEUE: 256,
  QUIRE_RENDER_QUEUE_PER_CLIENT: 16,
  QUIRE_RENDER_RATE: 10,
});

/**
 * Renders at once per process when QUIRE_RENDER_CONCURRENCY is unset: 2 to 4 by core count.
 * A render is CPU on the process's one event loop, so more at once only makes each slower;
 * a little more than one keeps compression (on libuv's threads) and rendering overlapping.
 * @param {number} cores
 */
export const renderConcurrencyFor = (cores) => Math.max(2, Math.min(4, cores));

/** The most worker processes QUIRE_WORKERS may ask for. */
export const MAX_WORKERS = 64;

/**
 * What the HTTP front needs, read the way lib/env.ts reads it (an empty variable is
 * unset). bin/start.ts has already validated the environment with lib/env.ts.
 * @param {Record<string, string | undefined>} env
 */
export function serverSettings(env = process.env) {
  /** @param {string} key */
  const read = (key) => env[key] || undefined;
  return {
    host: read("HOST") ?? ENV_DEFAULTS.HOST,
    port: Number(read("PORT") ?? ENV_DEFAULTS.PORT),
    dataDir: path.resolve(read("QUIRE_DATA_DIR") ?? ENV_DEFAULTS.QUIRE_DATA_DIR),
    trustProxy: (read("QUIRE_TRUST_PROXY") ?? ENV_DEFAULTS.QUIRE_TRUST_PROXY) === "1",
    pageCacheMb: Number(read("QUIRE_PAGE_CACHE_MB") ?? ENV_DEFAULTS.QUIRE_PAGE_CACHE_MB),
    logLevel: read("QUIRE_LOG_LEVEL") ?? ENV_DEFAULTS.QUIRE_LOG_LEVEL,
    logAddress: (read("QUIRE_LOG_IP") ?? ENV_DEFAULTS.QUIRE_LOG_IP) === "1",
    metricsToken: read("QUIRE_METRICS_TOKEN"),
    /** PostgreSQL's URL when the site runs on it (lib/env.ts checks its form); else SQLite's file. */
    databaseUrl: read("DATABASE_URL"),
    workers: Number(read("QUIRE_WORKERS") ?? ENV_DEFAULTS.QUIRE_WORKERS),
    renderGate: {
      concurrency: Number(read("QUIRE_RENDER_CONCURRENCY") ?? renderConcurrencyFor(os.availableParallelism())),
      queue: Number(read("QUIRE_RENDER_QUEUE") ?? ENV_DEFAULTS.QUIRE_RENDER_QUEUE),
      perClient: Number(read("QUIRE_RENDER_QUEUE_PER_CLIENT") ?? ENV_DEFAULTS.QUIRE_RENDER_QUEUE_PER_CLIENT),
      rate: Number(read("QUIRE_RENDER_RATE") ?? ENV_DEFAULTS.QUIRE_RENDER_RATE),
    },
  };
}
