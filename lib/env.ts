import path from "node:path";
import { z } from "zod";
import { ENV_DEFAULTS as D, MAX_WORKERS, resolveMediaDir } from "./env-defaults.mjs";

/** Where the database, uploads and generated secrets live unless QUIRE_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = D.QUIRE_DATA_DIR;

/** The secrets every instance of a PostgreSQL site must share, so they come from the environment there. */
export const SHARED_SECRETS = ["AUTH_SECRET", "QUIRE_COMMENTS_SECRET", "QUIRE_IP_SALT"] as const;

// Every setting is optional: `npm start` must work with none of them (defaults: lib/env-defaults.mjs).
const envSchema = z
  .object({
    QUIRE_DATA_DIR: z.string().min(1).default(D.QUIRE_DATA_DIR),
    // A PostgreSQL server instead of the SQLite file in the data folder (docs/postgres.md), and
    // the connections each process keeps open to it.
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }).optional(),
    QUIRE_DB_POOL: z.coerce.number().int().min(1).max(1000).default(D.QUIRE_DB_POOL),
    // Uploaded media; by default `media` inside the data folder. Several instances share one.
    QUIRE_MEDIA_DIR: z.string().min(1).optional(),
    HOST: z.string().min(1).default(D.HOST),
    PORT: z.coerce.number().int().min(0).max(65535).default(D.PORT),
    QUIRE_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    // How often the in-process scheduler looks for scheduled posts that are due.
    QUIRE_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(D.QUIRE_SCHEDULER_INTERVAL_MS),
    // How often queued e-mail and webhooks are sent, and the first retry's wait (it then doubles).
    QUIRE_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(D.QUIRE_OUTBOX_INTERVAL_MS),
    QUIRE_OUTBOX_FIRST_RETRY_MS: z.coerce.number().int().min(100).max(3_600_000).default(D.QUIRE_OUTBOX_FIRST_RETRY_MS),
    // The sender of every e-mail; by default no-reply@ the site's host name.
    QUIRE_MAIL_FROM: z.string().min(3).max(200).optional(),
    // Secrets for comment tokens and IP hashes; generated and kept in the data folder when unset
    // (on SQLite only: with DATABASE_URL they and AUTH_SECRET are required, see below).
    QUIRE_COMMENTS_SECRET: z.string().min(32).optional(),
    QUIRE_IP_SALT: z.string().min(16).optional(),
    // "1" behind a reverse proxy that appends the client's address to X-Forwarded-For (read by bin/server.mjs).
    QUIRE_TRUST_PROXY: z.enum(["0", "1"]).default(D.QUIRE_TRUST_PROXY),
    // Memory for the in-process cache of reader pages (bin/server/handler.mjs); 0 turns it off.
    QUIRE_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(D.QUIRE_PAGE_CACHE_MB),
    // How much bin/server logs (one JSON line per request at "info"), and whether a request's
    // line carries the client's address ("1"; off by default: an address is personal data).
    QUIRE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default(D.QUIRE_LOG_LEVEL),
    QUIRE_LOG_IP: z.enum(["0", "1"]).default(D.QUIRE_LOG_IP),
    // When set, /metrics answers whoever sends it as a bearer token; unset, loopback only.
    QUIRE_METRICS_TOKEN: z.string().min(16, "QUIRE_METRICS_TOKEN must be at least 16 characters").optional(),
    // Worker processes serving the one port over the one database file (bin/server.mjs, node:cluster).
    QUIRE_WORKERS: z.coerce.number().int().min(1).max(MAX_WORKERS).default(D.QUIRE_WORKERS),
    // The render gate in front of Next.js (bin/server/render-gate.mjs): renders at once per
    // process (default by core count), requests waiting in all and per client address, and
    // renders a second one address may start (0: no rate).
    QUIRE_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    QUIRE_RENDER_QUEUE: z.coerce.number().int().min(0).max(100_000).default(D.QUIRE_RENDER_QUEUE),
    QUIRE_RENDER_QUEUE_PER_CLIENT: z.coerce.number().int().min(0).max(10_000).default(D.QUIRE_RENDER_QUEUE_PER_CLIENT),
    QUIRE_RENDER_RATE: z.coerce.number().min(0).max(100_000).default(D.QUIRE_RENDER_RATE),
    // Benchmarks only: switches the comment rate limits off ("1").
    QUIRE_DISABLE_COMMENT_RATE_LIMITS: z.enum(["0", "1"]).default(D.QUIRE_DISABLE_COMMENT_RATE_LIMITS),
  })
  .superRefine((env, ctx) => {
    // On SQLite a missing secret is generated once and kept in the data folder. Instances on
    // one PostgreSQL server share no data folder: each would make its own, and a session or a
    // comment token signed by one would be refused by the next. So they must be given.
    if (!env.DATABASE_URL) return;
    for (const key of SHARED_SECRETS)
      if (!env[key])
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} is required with DATABASE_URL: every instance must be given the same one (make one with \`openssl rand -base64 48\`)`,
        });
  });

export type Env = z.infer<typeof envSchema> & { dataDir: string; mediaDir: string };

let cached: Env | undefined;

/** The validated environment; throws one readable message listing every bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  // An empty variable means "not set", as in a shell `FOO= npm start`.
  const raw = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, process.env[key] || undefined]));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.QUIRE_DATA_DIR);
  cached = { ...parsed.data, dataDir, mediaDir: resolveMediaDir(dataDir, parsed.data.QUIRE_MEDIA_DIR) };
  return cached;
}

/** The site's public origin, without a trailing slash. */
export function siteUrl(): string {
  const env = getEnv();
  const url = env.QUIRE_URL ?? `http://${env.HOST}:${env.PORT}`;
  return url.replace(/\/+$/, "");
}
