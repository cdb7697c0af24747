import path from "node:path";
import { z } from "zod";

// Every setting is optional: `npm start` must work with none of them.
const envSchema = z.object({
  QUIRE_DATA_DIR: z.string().min(1).default("./data"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  QUIRE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  // How often the in-process scheduler looks for scheduled posts that are due.
  QUIRE_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  // How often queued e-mail and webhooks are sent, and the first retry's wait (it then doubles).
  QUIRE_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  QUIRE_OUTBOX_FIRST_RETRY_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  // The sender of every e-mail; by default no-reply@ the site's host name.
  QUIRE_MAIL_FROM: z.string().min(3).max(200).optional(),
  // Secrets for comment tokens and IP hashes; generated and kept in the data folder when unset.
  QUIRE_COMMENTS_SECRET: z.string().min(32).optional(),
  QUIRE_IP_SALT: z.string().min(16).optional(),
  // "1" behind a reverse proxy that appends the client's address to X-Forwarded-For (read by bin/server.mjs).
  QUIRE_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  // Memory for the in-process cache of reader pages (bin/server/handler.mjs); 0 turns it off.
  QUIRE_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // Benchmarks only: switches the comment rate limits off ("1").
  QUIRE_DISABLE_COMMENT_RATE_LIMITS: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

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
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.QUIRE_DATA_DIR) };
  return cached;
}

/** The site's public origin, without a trailing slash. */
export function siteUrl(): string {
  const env = getEnv();
  const url = env.QUIRE_URL ?? `http://${env.HOST}:${env.PORT}`;
  return url.replace(/\/+$/, "");
}
