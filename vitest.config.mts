import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Outside Next.js's server bundle the guard module has nothing to guard.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    pool: "forks",
    // Vitest's default is one file at a time on two cores, but the longest files mostly wait
    // on child processes and PostgreSQL: three at a time ran the suite in 312 s, not 401 s.
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    // Each test file gets its own fresh SQLite file in a temporary data folder.
    setupFiles: ["test/setup-database.ts"],
    // With QUIRE_TEST_DATABASE=postgres, the migrated database each file's own is copied from.
    globalSetup: ["test/global-postgres.ts"],
    testTimeout: 30_000,
    // In CI a failed test runs once more (the default reporter marks it); locally, never.
    retry: process.env.CI ? 1 : 0,
  },
});
