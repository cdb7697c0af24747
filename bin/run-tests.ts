// `npm test`: type check, lint, unit and integration tests (Vitest), then the
// Playwright journeys against a built server. Ends with the one line CI reads:
// "N passed, N failed", and a non-zero exit on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale } from "./build-check";
import { databaseTestFiles } from "./database-tests";
// The second database (docs/postgres.md): the PostgreSQL server these machines run as a
// service; .ci/run starts it when it is down. Tests make their own databases on it.
import {
  createTestDatabase,
  dropTestDatabase,
  POSTGRES_MISSING,
  postgresAnswers,
  urlOf,
} from "../test/postgres-server";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-reports-"));

let passed = 0;
let failed = 0;
/** What failed, printed again just above the last line: CI shows only the tail of the output. */
const failures: string[] = [];

function run(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n━━ ${title}`);
  const result = spawnSync(path.join(BIN, command), args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status === 0;
}

/** A check that is one pass or one failure (type check, lint). */
function check(title: string, command: string, args: string[]) {
  if (run(title, command, args)) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

/** A suite whose JSON report gives the count; no report at all counts as one failure. */
function suite(
  title: string,
  command: string,
  args: string[],
  reportFile: string,
  count: (report: never) => { passed: number; failed: string[] },
  env: Record<string, string> = {},
) {
  const ok = run(title, command, args, env);
  try {
    const result = count(JSON.parse(fs.readFileSync(reportFile, "utf8")) as never);
    passed += result.passed;
    failed += result.failed.length;
    failures.push(...result.failed);
    if (!ok && result.failed.length === 0) {
      failed++; // the runner failed outside any test (config, crash)
      failures.push(`${title}: the runner failed outside any test`);
    }
  } catch {
    console.error(`${title}: no report was written.`);
    failed++;
    failures.push(`${title}: no report was written`);
  }
}

/** The first line of a failure message, short enough for a summary. */
function firstLine(message: string | undefined): string {
  const line = (message ?? "").split("\n").find((l) => l.trim()) ?? "";
  return line.trim().slice(0, 200);
}

type VitestReport = {
  numPassedTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
};

/** Vitest's report counted; `label` names the database in the failures' lines when both run. */
const vitestResult = (label: string) => (report: VitestReport) => {
  const failedTests: string[] = [];
  for (const file of report.testResults) {
    const where = `${label}${path.relative(ROOT, file.name)}`;
    const failedHere = file.assertionResults.filter((t) => t.status === "failed");
    for (const t of failedHere) failedTests.push(`${where} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
    // A file that failed outside its tests (an import error, a failing hook) has no failed assertion.
    if (file.status === "failed" && failedHere.length === 0) failedTests.push(`${where}: ${firstLine(file.message)}`);
  }
  return { passed: report.numPassedTests, failed: failedTests };
};

type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    ok: boolean;
    line: number;
    tests: { status?: string; results: { error?: { message?: string } }[] }[];
  }[];
};
type PlaywrightReport = { stats: { expected: number; flaky: number }; suites: PlaywrightSuite[] };

/** Playwright's report counted; `label` names the database in the lines when both run. */
const playwrightResult = (label: string) => (report: PlaywrightReport) => {
  const failedTests: string[] = [];
  const walk = (s: PlaywrightSuite, file: string) => {
    for (const spec of s.specs ?? []) {
      // Passed on its retry (CI only): counted as passed, and named so it gets looked at.
      if (spec.tests.some((t) => t.status === "flaky"))
        console.log(`Flaky (passed on retry): ${label}e2e/${file}:${spec.line} › ${spec.title}`);
      if (spec.ok) continue;
      const error = spec.tests.flatMap((t) => t.results).find((r) => r.error)?.error?.message;
      failedTests.push(`${label}e2e/${file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
    }
    for (const child of s.suites ?? []) walk(child, child.file ?? file);
  };
  for (const s of report.suites) walk(s, s.file ?? s.title);
  return { passed: report.stats.expected + report.stats.flaky, failed: failedTests };
};

function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const canInstall = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
  if (canInstall) {
    console.log(`\n━━ ${CHROMIUM} is missing: installing Debian's chromium package`);
    spawnSync("sh", ["-c", "apt-get update -qq && apt-get install -y -qq chromium"], { stdio: "inherit" });
    if (fs.existsSync(CHROMIUM)) return true;
  }
  console.error(
    `\nNo browser at ${CHROMIUM}. Install one with \`sudo apt-get install -y chromium\` (Debian) ` +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.",
  );
  return false;
}

/** Without PostgreSQL its runs cannot count: in CI that is a failure, elsewhere a plain warning. */
function postgresMissing(what: string) {
  const why = `${what}: ${POSTGRES_MISSING}`;
  if (process.env.CI) {
    failed++;
    failures.push(why);
  } else console.warn(`\n━━ Skipped ${why}`);
}

// The build runs here, on its own, rather than inside Playwright's web-server start-up:
// on a busy machine it can take longer than any start-up timeout should allow.
function built(): boolean {
  console.log("\n━━ Production build for the journeys (when missing or stale)");
  if (buildIfStale() === 0) return true;
  failed++;
  failures.push("Production build for the journeys");
  return false;
}

async function main() {
  check("Type check (tsc)", "tsc", ["--noEmit"]);
  check("Lint (ESLint)", "eslint", [".", "--max-warnings=0"]);
  check("Format (Prettier)", "prettier", ["--check", "."]);

  const vitestReport = path.join(reports, "vitest.json");
  suite(
    "Unit and integration tests on SQLite (Vitest)",
    "vitest",
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
    vitestReport,
    vitestResult(""),
  );

  // The same tests again, each file on a PostgreSQL database of its own (test/setup-database.ts):
  // those that reach the database or start processes (bin/database-tests.ts).
  const postgres = await postgresAnswers();
  if (postgres) {
    const pgReport = path.join(reports, "vitest-postgres.json");
    const files = databaseTestFiles(ROOT);
    suite(
      `Unit and integration tests on PostgreSQL (Vitest, the ${files.length} files that reach the database)`,
      "vitest",
      ["run", "--reporter=dot", "--reporter=json", `--outputFile.json=${pgReport}`, ...files],
      pgReport,
      vitestResult("[PostgreSQL] "),
      { QUIRE_TEST_DATABASE: "postgres" },
    );
  } else postgresMissing("Unit and integration tests on PostgreSQL");

  if (chromiumAvailable() && built()) {
    const playwrightReport = path.join(reports, "playwright.json");
    suite(
      "End-to-end journeys (Playwright, built server)",
      "playwright",
      ["test", "--project=first-run", "--project=journeys"],
      playwrightReport,
      playwrightResult(""),
      { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    );
    // Every journey runs a second time against a server on a PostgreSQL database of its own (the
    // cluster journey on PostgreSQL, e2e/cluster/postgres.spec.ts, makes one more of its own). On
    // a quiet 2-core machine the whole of .ci/run took 41 minutes with it (README, "Tests"); run
    // beside the SQLite pass instead, both crawled, as the journeys keep both cores busy.
    if (postgres) {
      const database = await createTestDatabase("quire_e2e");
      const pgReport = path.join(reports, "playwright-postgres.json");
      try {
        suite(
          "End-to-end journeys on PostgreSQL (every journey again)",
          "playwright",
          ["test", "--project=first-run", "--project=journeys"],
          pgReport,
          playwrightResult("[PostgreSQL] "),
          { PLAYWRIGHT_JSON_OUTPUT_NAME: pgReport, QUIRE_E2E_DATABASE_URL: urlOf(database) },
        );
      } finally {
        await dropTestDatabase(database);
      }
    } else postgresMissing("End-to-end journeys on PostgreSQL");
  } else if (!fs.existsSync(CHROMIUM)) {
    failed++;
    failures.push("End-to-end journeys: no browser");
  }

  fs.rmSync(reports, { recursive: true, force: true });
  if (failures.length > 0) {
    console.log(`\n━━ What failed (${failures.length})`);
    for (const f of failures) console.log(`  ✘ ${f}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
