// `npm test`: type check, lint, unit and integration tests (Vitest), then the
// Playwright journeys against a built server. Ends with the one line CI reads:
// "N passed, N failed", and a non-zero exit on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-reports-"));

let passed = 0;
let failed = 0;

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
  else failed++;
}

/** A suite whose JSON report gives the count; no report at all counts as one failure. */
function suite(title: string, command: string, args: string[], reportFile: string, count: (report: never) => [number, number], env: Record<string, string> = {}) {
  const ok = run(title, command, args, env);
  try {
    const [p, f] = count(JSON.parse(fs.readFileSync(reportFile, "utf8")) as never);
    passed += p;
    failed += f;
    if (!ok && f === 0) failed++; // the runner failed outside any test (config, crash)
  } catch {
    console.error(`${title}: no report was written.`);
    failed++;
  }
}

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

check("Type check (tsc)", "tsc", ["--noEmit"]);
check("Lint (ESLint)", "eslint", [".", "--max-warnings=0"]);

const vitestReport = path.join(reports, "vitest.json");
suite(
  "Unit and integration tests (Vitest)",
  "vitest",
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  vitestReport,
  (report: { numPassedTests: number; numFailedTests: number }) => [report.numPassedTests, report.numFailedTests],
);

if (chromiumAvailable()) {
  const playwrightReport = path.join(reports, "playwright.json");
  suite(
    "End-to-end journeys (Playwright, built server)",
    "playwright",
    ["test", "--project=first-run", "--project=journeys"],
    playwrightReport,
    (report: { stats: { expected: number; unexpected: number; flaky: number } }) => [
      report.stats.expected + report.stats.flaky,
      report.stats.unexpected,
    ],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  );
} else {
  failed++;
}

fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
