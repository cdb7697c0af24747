// bin/server.mjs and the app read the same variables with the same defaults.
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderConcurrencyFor, serverSettings } from "./env-defaults.mjs";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// What a PostgreSQL site must be given (lib/env.ts, SHARED_SECRETS).
const SECRETS = {
  AUTH_SECRET: "an-auth-secret-of-thirty-two-characters-or-more",
  QUIRE_COMMENTS_SECRET: "a-comments-secret-of-thirty-two-characters-or-more",
  QUIRE_IP_SALT: "an-ip-salt-of-sixteen-or-more",
};

async function appEnv(vars: Record<string, string>) {
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
  const { getEnv } = await import("./env");
  return getEnv();
}

describe("the server's settings", () => {
  it.each([
    [
      "nothing set (or set empty)",
      {
        HOST: "",
        PORT: "",
        QUIRE_DATA_DIR: "",
        DATABASE_URL: "",
        QUIRE_PAGE_CACHE_MB: "",
        QUIRE_TRUST_PROXY: "",
        QUIRE_LOG_LEVEL: "",
        QUIRE_LOG_IP: "",
        QUIRE_METRICS_TOKEN: "",
        QUIRE_WORKERS: "",
        QUIRE_RENDER_CONCURRENCY: "",
        QUIRE_RENDER_QUEUE: "",
        QUIRE_RENDER_QUEUE_PER_CLIENT: "",
        QUIRE_RENDER_RATE: "",
      },
    ],
    [
      "everything set",
      {
        HOST: "0.0.0.0",
        PORT: "8080",
        QUIRE_DATA_DIR: "/srv/q",
        DATABASE_URL: "postgres://quire@db.internal:5432/quire",
        ...SECRETS,
        QUIRE_PAGE_CACHE_MB: "0",
        QUIRE_TRUST_PROXY: "1",
        QUIRE_LOG_LEVEL: "warn",
        QUIRE_LOG_IP: "1",
        QUIRE_METRICS_TOKEN: "a-token-of-sixteen-or-more",
        QUIRE_WORKERS: "3",
        QUIRE_RENDER_CONCURRENCY: "3",
        QUIRE_RENDER_QUEUE: "100",
        QUIRE_RENDER_QUEUE_PER_CLIENT: "5",
        QUIRE_RENDER_RATE: "2.5",
      },
    ],
  ])("agree with the app's with %s", async (_label, vars) => {
    const env = await appEnv(vars);
    expect(serverSettings({ ...vars })).toEqual({
      host: env.HOST,
      port: env.PORT,
      dataDir: env.dataDir,
      trustProxy: env.QUIRE_TRUST_PROXY === "1",
      pageCacheMb: env.QUIRE_PAGE_CACHE_MB,
      logLevel: env.QUIRE_LOG_LEVEL,
      logAddress: env.QUIRE_LOG_IP === "1",
      metricsToken: env.QUIRE_METRICS_TOKEN,
      databaseUrl: env.DATABASE_URL,
      workers: env.QUIRE_WORKERS,
      renderGate: {
        concurrency: env.QUIRE_RENDER_CONCURRENCY ?? renderConcurrencyFor(os.availableParallelism()),
        queue: env.QUIRE_RENDER_QUEUE,
        perClient: env.QUIRE_RENDER_QUEUE_PER_CLIENT,
        rate: env.QUIRE_RENDER_RATE,
      },
    });
  });
});

describe("QUIRE_WORKERS", () => {
  it.each(["0", "-1", "1.5", "three", "65"])("refuses %s, naming the variable", async (value) => {
    await expect(appEnv({ QUIRE_WORKERS: value })).rejects.toThrow(/QUIRE_WORKERS/);
  });

  it.each([
    ["", 1],
    ["4", 4],
  ])("%j means %d worker(s)", async (value, workers) => {
    expect((await appEnv({ QUIRE_WORKERS: value })).QUIRE_WORKERS).toBe(workers);
  });
});

describe("the media folder", () => {
  it("is `media` in the data folder unless QUIRE_MEDIA_DIR names another", async () => {
    expect((await appEnv({ QUIRE_DATA_DIR: "/srv/q", QUIRE_MEDIA_DIR: "" })).mediaDir).toBe(
      path.join("/srv/q", "media"),
    );
    vi.resetModules();
    expect((await appEnv({ QUIRE_DATA_DIR: "/srv/q", QUIRE_MEDIA_DIR: "/mnt/shared/media" })).mediaDir).toBe(
      "/mnt/shared/media",
    );
  });
});

describe("the database settings", () => {
  it("take a postgres:// URL and a pool size, with 10 connections by default", async () => {
    const env = await appEnv({
      DATABASE_URL: "postgres://quire@db.internal:5432/quire",
      QUIRE_DB_POOL: "",
      ...SECRETS,
    });
    expect(env).toMatchObject({ DATABASE_URL: "postgres://quire@db.internal:5432/quire", QUIRE_DB_POOL: 10 });
  });

  it("refuse any other kind of URL, naming the variable", async () => {
    await expect(appEnv({ DATABASE_URL: "mysql://root@localhost/quire" })).rejects.toThrow(
      /DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL/,
    );
  });

  it("require the secrets every instance shares, naming each one missing", async () => {
    const url = "postgres://quire@db.internal:5432/quire";
    const refused = appEnv({
      DATABASE_URL: url,
      AUTH_SECRET: SECRETS.AUTH_SECRET,
      QUIRE_COMMENTS_SECRET: "",
      QUIRE_IP_SALT: "",
    });
    await expect(refused).rejects.toThrow(/QUIRE_COMMENTS_SECRET: QUIRE_COMMENTS_SECRET is required with DATABASE_URL/);
    await expect(refused).rejects.toThrow(/QUIRE_IP_SALT: QUIRE_IP_SALT is required with DATABASE_URL/);
    await expect(refused).rejects.not.toThrow(/AUTH_SECRET:/);
  });

  it("leave the secrets optional on SQLite, where they are generated into the data folder", async () => {
    const env = await appEnv({ DATABASE_URL: "", AUTH_SECRET: "", QUIRE_COMMENTS_SECRET: "", QUIRE_IP_SALT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });
});
