// `npm run lighthouse [-- --port N] [--reuse]`: builds if needed, seeds a small site
// (200 posts, 2,000 comments, as the bench), starts the production server and runs
// Lighthouse's mobile audit (its default: a throttled mid-range phone) from Debian's
// Chromium on the home, post and tag pages. Prints the four category scores and the
// audits that cost points, plus each page's weight, and writes
// bench/results/<date>-lighthouse.json. Nothing is downloaded; never run by CI.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import { buildIfStale, ROOT } from "../bin/build-check";
import { measurePageWeights } from "./page-weight";
import { seedData } from "./seed";
import { startServer } from "./server";
import { pickTargets } from "./targets";

const { values: opts } = parseArgs({
  options: {
    port: { type: "string", default: process.env.QUIRE_BENCH_PORT ?? "3301" },
    reuse: { type: "boolean", default: false },
  },
});
const CHROMIUM = process.env.QUIRE_CHROMIUM ?? "/usr/bin/chromium";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const log = (line: string) => console.log(`[lighthouse] ${line}`);

type PageScores = { path: string; scores: Record<string, number>; failing: string[]; kbExImages: number };

type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; score: number | null; displayValue?: string }>;
};

function audit(url: string, port: number) {
  const json = execFileSync(process.execPath, [path.join(__dirname, "lighthouse-audit.mjs"), url, String(port)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = { lhr: JSON.parse(json) as Report };
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]));
  // What cost points: scored audits below 1 that carry weight in a category.
  const weighted = new Set(
    CATEGORIES.flatMap((id) => categories[id]?.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id) ?? []),
  );
  const failing = Object.values(audits)
    .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)}${a.displayValue ? `, ${a.displayValue}` : ""})`);
  return { scores, failing };
}

async function main() {
  const built = buildIfStale();
  if (built !== 0) throw new Error(`the build failed (exit ${built})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "quire-lighthouse-"));
  const dataDir = path.join(tmp, "data");
  let stopServer = async () => {};
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    await seedData({ dataDir, posts: 200, comments: 2_000, reuse: opts.reuse, size: "small", log });
    const targets = pickTargets(path.join(dataDir, "quire.db"));
    const server = await startServer({ port: Number(opts.port), dataDir });
    stopServer = server.stop;
    const paths = { home: "/", post: `/${targets.post.slug}`, tag: `/tag/${targets.tag.slug}` };
    const weights = await measurePageWeights(server.origin, paths);
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    const pages: Record<string, PageScores> = {};
    for (const [name, pagePath] of Object.entries(paths)) {
      const { scores, failing } = audit(server.origin + pagePath, chrome.port);
      pages[name] = { path: pagePath, scores, failing, kbExImages: weights[name]!.totalExImages / 1024 };
      log(
        `${name} ${pagePath}: ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(", ")}; ` +
          `${pages[name].kbExImages.toFixed(1)} KB excluding images (js ${(weights[name]!.js / 1024).toFixed(1)} KB)`,
      );
      for (const line of failing) log(`  costs points: ${line}`);
    }
    const file = path.join(ROOT, "bench", "results", `${new Date().toISOString().slice(0, 10)}-lighthouse.json`);
    const report = { date: new Date().toISOString(), chromium: CHROMIUM, loadAverage: os.loadavg(), pages, weights };
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    chrome?.kill();
    await stopServer();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
