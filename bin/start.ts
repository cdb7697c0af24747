// `npm start`: build when the build is missing or older than the sources, apply
// migrations, then serve on HOST:PORT (bin/server.mjs).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, openDatabase } from "../db/connection";
import { runMigrations } from "../db/migrate";
import { getEnv } from "../lib/env";

const ROOT = path.resolve(__dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "db", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package.json", "tsconfig.json"];

function newestSourceTime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestSourceTime(path.join(entry, name))));
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestSourceTime(path.join(ROOT, entry)) > builtAt);
}

function main() {
  const env = getEnv(); // fails here, with every bad variable named, before anything starts
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  if (buildIsStale()) {
    console.log("[quire] building (the build is missing or older than the sources)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const db = openDatabase(databaseFile(env.dataDir));
  const applied = runMigrations(db.$client);
  db.$client.close();
  console.log(`[quire] database ${databaseFile(env.dataDir)} (${applied} migration(s) applied)`);

  const server = spawn(process.execPath, [path.join(ROOT, "bin", "server.mjs")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", HOST: env.HOST, PORT: String(env.PORT) },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  main();
} catch (error) {
  console.error(`[quire] ${(error as Error).message}`);
  process.exit(1);
}
