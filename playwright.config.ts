import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_POSTGRES_SECRETS } from "./e2e/fixtures/postgres-secrets";

// One fresh data folder per run, made here so every worker and the server share it.
const dataDir = (process.env.QUIRE_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "quire-e2e-")));
const port = Number(process.env.QUIRE_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The SMTP sink (e2e/fixtures/global-setup.ts) listens here; the server sends comment e-mail to it.
const smtpPort = Number((process.env.QUIRE_E2E_SMTP_PORT ??= String(port === 3100 ? 2526 : 2540)));
// With a postgres:// URL the server runs on that database (made and dropped by whoever runs
// Playwright; the server migrates it on start) and the journeys' SQL goes there too
// (e2e/fixtures/db.ts). Such a server keeps no secrets in its data folder: it is given them.
const databaseUrl = process.env.QUIRE_E2E_DATABASE_URL;
const postgres: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl, ...E2E_POSTGRES_SECRETS } : {};

export default defineConfig({
  testDir: "e2e",
  // The journeys share one site and one database: run them one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // In CI a failed journey runs once more; one that passes then is reported as flaky by `npm test`.
  retries: process.env.CI ? 1 : 0,
  globalSetup: "./e2e/fixtures/global-setup.ts",
  timeout: 30_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    // Recorded only when CI runs a failed journey again: recording every journey took 15 % longer
    // (the same 16 journeys in 4.0 min with traces, 3.4 min without). Locally: --trace on.
    trace: "on-first-retry",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // First run needs an empty site; everything else needs the owner it creates.
    // Never retried: its tests use up the one-time setup, so a retry could not start from an empty site.
    { name: "first-run", testMatch: /first-run\/.*\.spec\.ts$/, retries: 0 },
    { name: "journeys", testIgnore: [/first-run\//, /screenshots\.spec\.ts$/], dependencies: ["first-run"] },
    // Not part of `npm test`: `npm run screenshots` refreshes docs/screenshots.
    { name: "screenshots", testMatch: /screenshots\.spec\.ts$/, dependencies: ["first-run"] },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // `npm test` builds first; this covers a build started here by a direct `playwright test`.
    timeout: 600_000,
    stdout: "pipe",
    env: {
      QUIRE_DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      // Scheduled posts go live within a second or two, so the journey need not wait 15 s.
      QUIRE_SCHEDULER_INTERVAL_MS: "1000",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      QUIRE_OUTBOX_INTERVAL_MS: "500",
      // A failing webhook receiver is retried after 1 s (then 2 s, …) instead of 30 s.
      QUIRE_OUTBOX_FIRST_RETRY_MS: "1000",
      // Playwright prints the server's output: a JSON line per request would bury the test report.
      QUIRE_LOG_LEVEL: "warn",
      ...postgres,
    },
  },
});
