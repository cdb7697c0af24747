// `npm test`: type check, lint, unit and integration tests (Vitest), then the
// Playwright journeys against a built server. Ends with the one line CI reads:
// "N passed, N failed", and a non-zero exit on any failure.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale } from "./build-check";

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

function vitestResult(report: VitestReport) {
  const failedTests: string[] = [];
  for (const file of report.testResults) {
    const where = path.relative(ROOT, file.name);
    const failedHere = file.assertionResults.filter((t) => t.status === "failed");
    for (const t of failedHere) failedTests.push(`${where} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
    // A file that failed outside its tests (an import error, a failing hook) has no failed assertion.
    if (file.status === "failed" && failedHere.length === 0) failedTests.push(`${where}: ${firstLine(file.message)}`);
  }
  return { passed: report.numPassedTests, failed: failedTests };
}

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
type PlaywrightReport = { suites: PlaywrightSuite[] };
type SpecResult = { ok: boolean; skipped: boolean; error?: string };

/** Each journey of a report, by file, line and title, with whether it passed (perhaps on its retry). */
function playwrightSpecs(report: PlaywrightReport): Map<string, SpecResult> {
  const specs = new Map<string, SpecResult>();
  const walk = (s: PlaywrightSuite, file: string) => {
    for (const spec of s.specs ?? []) {
      const name = `e2e/${file}:${spec.line} › ${spec.title}`;
      // Passed on its retry (CI only): counted as passed, and named so it gets looked at.
      if (spec.tests.some((t) => t.status === "flaky")) console.log(`Flaky (passed on retry): ${name}`);
      const error = spec.tests.flatMap((t) => t.results).find((r) => r.error)?.error?.message;
      const skipped = spec.tests.every((t) => t.status === "skipped");
      specs.set(name, { ok: spec.ok, skipped, error: spec.ok ? undefined : firstLine(error) });
    }
    for (const child of s.suites ?? []) walk(child, child.file ?? file);
  };
  for (const s of report.suites) walk(s, s.file ?? s.title);
  return specs;
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
check("Format (Prettier)", "prettier", ["--check", "."]);

const vitestReport = path.join(reports, "vitest.json");
suite(
  "Unit and integration tests (Vitest)",
  "vitest",
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  vitestReport,
  vitestResult,
);

// The build runs here, on its own, rather than inside Playwright's web-server start-up:
// on a busy machine it can take longer than any start-up timeout should allow.
function built(): boolean {
  console.log("\n━━ Production build for the journeys (when missing or stale)");
  if (buildIfStale() === 0) return true;
  failed++;
  failures.push("Production build for the journeys");
  return false;
}

// The journeys run as two halves at once, each with its own server, data folder, SMTP sink
// and ports: a journey spends most of its time waiting (for the browser, the server, a
// timer), and one at a time kept about half a core of two busy (measured: 10 CPU-minutes
// in 18 minutes of journeys). Each half sets up its own site first, so the first-run
// journeys run in both; a journey that ran in both counts once, and passed only if it
// passed in both.
const E2E = path.join(ROOT, "e2e");
const FIRST_HALF = ["admin", "auth", "cache"];
const everyFolder = fs
  .readdirSync(E2E, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !["first-run", "fixtures", "tools", "types"].includes(entry.name))
  .map((entry) => entry.name);
const halves = [FIRST_HALF, everyFolder.filter((name) => !FIRST_HALF.includes(name))];
const basePort = Number(process.env.QUIRE_E2E_PORT ?? 3100);
const baseSmtpPort = Number(process.env.QUIRE_E2E_SMTP_PORT ?? (basePort === 3100 ? 2526 : 2540));
// Each half's servers take its port and the next 23 (e2e/hostile/own-server.ts, e2e/cluster/).
const PORT_STRIDE = 50;

/** Runs a command with each line of its output prefixed by `label`; resolves with its success. */
function runLabelled(label: string, command: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<boolean>((resolve) => {
    const child = spawn(path.join(BIN, command), args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      let pending = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop()!;
        for (const line of lines) out.write(`${label} ${line}\n`);
      });
      stream.on("end", () => pending && out.write(`${label} ${pending}\n`));
    }
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

async function journeys() {
  const title = "End-to-end journeys (Playwright, built server, two halves at once)";
  console.log(`\n━━ ${title}`);
  const runs = halves.map(async (folders, i) => {
    const report = path.join(reports, `playwright-${i + 1}.json`);
    const label = `[${i + 1}/${halves.length}]`;
    console.log(`${label} ${folders.join(", ")} on port ${basePort + i * PORT_STRIDE}`);
    const ok = await runLabelled(
      label,
      "playwright",
      ["test", "--project=first-run", "--project=journeys", "e2e/first-run", ...folders.map((f) => `e2e/${f}/`)],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
        QUIRE_E2E_PORT: String(basePort + i * PORT_STRIDE),
        QUIRE_E2E_SMTP_PORT: String(baseSmtpPort + i * PORT_STRIDE),
        QUIRE_E2E_OUTPUT_DIR: `test-results/half-${i + 1}`,
        QUIRE_E2E_DATA_DIR: undefined, // each half makes its own (playwright.config.ts)
      },
    );
    let specs: Map<string, SpecResult> | null = null;
    try {
      specs = playwrightSpecs(JSON.parse(fs.readFileSync(report, "utf8")) as PlaywrightReport);
    } catch {
      console.error(`${label} no report was written.`);
    }
    return { label, ok, specs };
  });
  const merged = new Map<string, SpecResult>();
  for (const { label, ok, specs } of await Promise.all(runs)) {
    if (!specs) {
      failed++;
      failures.push(`${title} ${label}: no report was written`);
      continue;
    }
    for (const [name, result] of specs) {
      const before = merged.get(name);
      merged.set(name, before && !before.ok ? before : result);
    }
    if (!ok && [...specs.values()].every((s) => s.ok)) {
      failed++; // the runner failed outside any journey (config, crash)
      failures.push(`${title} ${label}: the runner failed outside any journey`);
    }
  }
  for (const [name, result] of merged) {
    if (result.ok && result.skipped) continue; // said why where it was skipped
    if (result.ok) passed++;
    else {
      failed++;
      failures.push(`${name}: ${result.error ?? ""}`);
    }
  }
}

function finish() {
  fs.rmSync(reports, { recursive: true, force: true });
  if (failures.length > 0) {
    console.log(`\n━━ What failed (${failures.length})`);
    for (const f of failures) console.log(`  ✘ ${f}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (chromiumAvailable() && built()) {
  journeys().then(finish, (error: unknown) => {
    console.error(error);
    failed++;
    failures.push("End-to-end journeys: the runner itself failed");
    finish();
  });
} else {
  if (!fs.existsSync(CHROMIUM)) {
    failed++;
    failures.push("End-to-end journeys: no browser");
  }
  finish();
}
