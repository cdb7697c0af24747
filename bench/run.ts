// `npm run bench [-- --large] [--quick] [--reuse] [--port N]`: builds if needed,
// seeds a fresh data folder, starts the production server, measures its cold start,
// page weights and each route under load next to a static-file reference, prints
// one table and writes bench/results/<date>-<small|large>.json. Never run by CI.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildIfStale } from "../bin/build-check";
import { commentJsonTarget, commentTarget, formFields } from "./comment-post";
import { ACCEPT_ENCODING, CONNECTIONS, loadTool, runLoad, WRK_THREADS, type LoadResult, type Target } from "./load";
import { measurePageWeights, type Weight } from "./page-weight";
import { printTable, type Row } from "./report";
import { seedData } from "./seed";
import { startServer, sampleRss, type Server } from "./server";
import { startStaticRef, type StaticRef } from "./static-ref";
import { countComments, pickTargets } from "./targets";

const { values: opts } = parseArgs({
  options: {
    large: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    port: { type: "string", default: process.env.QUIRE_BENCH_PORT ?? "3301" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opts.help) {
  console.log(
    "npm run bench [-- --large] [--quick] [--reuse] [--port N]\n" +
      "  --large  100,000 posts / 1,000,000 comments instead of 200 / 2,000\n" +
      "  --quick  1 s warm-up and 5 s per route instead of 3 s and 15 s\n" +
      "  --reuse  reuse (and keep) the seeded database of an earlier --reuse run in bench/.seeded/\n" +
      "  --port   the server's port (the static reference uses the next one); default 3301",
  );
  process.exit(0);
}

const size = opts.large ? "large" : "small";
const SEED = opts.large ? { posts: 100_000, comments: 1_000_000 } : { posts: 200, comments: 2_000 };
const WARMUP_S = opts.quick ? 1 : 3;
const MEASURE_S = opts.quick ? 5 : 15;
const port = Number(opts.port);
// Bounded time whatever happens: a stuck step ends the run, and the cleanup still runs.
const LIMIT_MS = (opts.large ? 90 : 20) * 60_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bench-"));
const stoppers: (() => Promise<void>)[] = [];
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${LIMIT_MS / 60_000} min: stopping.`);
  void cleanup().then(() => process.exit(1));
}, LIMIT_MS);

const log = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a route the server may still be working through requests the load generator gave up on: wait (bounded) until it answers again. */
async function settle(server: Server): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const ok = await fetch(`${server.origin}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(500);
  }
  log("the server did not answer /api/health within 60 s of the last route: the next figures include its backlog");
}

async function measure(server: Server, name: string, target: Target): Promise<LoadResult & { rssMb: number | null }> {
  await settle(server);
  const tool = loadTool();
  await runLoad(tool, target, WARMUP_S, tmp);
  const stopSampling = sampleRss(server.pid);
  const result = await runLoad(tool, target, MEASURE_S, tmp);
  const rssMb = stopSampling();
  log(
    `${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ${result.errors} errors`,
  );
  return { ...result, rssMb };
}

async function main() {
  const started = Date.now();
  const built = buildIfStale();
  if (built !== 0) throw new Error(`the build failed (exit ${built})`);

  const dataDir = path.join(tmp, "data");
  const seeded = await seedData({ dataDir, ...SEED, reuse: opts.reuse, size, log });
  const dbFile = path.join(dataDir, "quire.db");
  const targets = pickTargets(dbFile);
  log(
    `post /${targets.post.slug} (${targets.post.comments} comments), tag /tag/${targets.tag.slug} (${targets.tag.posts} posts), /page/${targets.page}, search "${targets.commonWord}" and "${targets.rareWord}"`,
  );

  const server = await startServer({ port, dataDir });
  stoppers.push(server.stop);
  log(`cold start (spawn → first 200 on /): ${server.coldStartMs.toFixed(0)} ms`);
  const origin = server.origin;
  const postUrl = `${origin}/${targets.post.slug}`;
  // A comment token now, so it is old enough by the time the comment POSTs start.
  const viewer = (await (await fetch(`${origin}/api/comments/viewer`)).json()) as { issued: string };
  const issuedAt = Date.now();

  const postHtml = await (await fetch(postUrl, { headers: { "accept-encoding": ACCEPT_ENCODING } })).text();
  const staticRef: StaticRef = await startStaticRef({ html: postHtml, port: port + 1, tmp, log });
  stoppers.push(staticRef.stop);
  log(`static reference: ${staticRef.kind}`);

  const paths = { home: "/", post: `/${targets.post.slug}`, tag: `/tag/${targets.tag.slug}` };
  const weights: Record<string, Weight> = await measurePageWeights(origin, paths);
  for (const [name, w] of Object.entries(weights)) {
    log(
      `page weight ${name}: ${kb(w.totalExImages)} excluding images (html ${kb(w.html)}, css ${kb(w.css)}, js ${kb(w.js)}, fonts ${kb(w.fonts)}, images ${kb(w.images)}, other ${kb(w.other)}; ${w.requests} requests${w.foreignHosts.length ? `; OTHER HOSTS: ${w.foreignHosts.join(", ")}` : "; no other host"})`,
    );
  }

  const get = (p: string): Target => ({ url: origin + p });
  // Featured posts are pinned above page 1 and left out of the pages: the last page may be lower.
  let page = targets.page;
  while (page > 1 && (await fetch(`${origin}/page/${page}`)).status !== 200) page--;
  targets.page = page;
  const routes: [string, Target][] = [
    ["static reference", { url: staticRef.url }],
    ["home /", get("/")],
    [`home /page/${page}`, get(`/page/${page}`)],
    [`post (${targets.post.comments} comments)`, get(paths.post)],
    ["tag page", get(paths.tag)],
    [`search common ("${targets.commonWord}")`, get(`/search?q=${targets.commonWord}`)],
    [`search rare ("${targets.rareWord}")`, get(`/search?q=${targets.rareWord}`)],
    ["/rss.xml", get("/rss.xml")],
    ["/api/health", get("/api/health")],
  ];
  const results: Row[] = [];
  for (const [name, target] of routes) results.push({ route: name, ...(await measure(server, name, target)) });
  results[0]!.rssMb = null; // the server idles while nginx answers: its memory is not this row's

  // Comment POSTs last: each one changes the post, and so what the pages above show.
  await sleep(Math.max(0, issuedAt + 3_200 - Date.now()));
  const hidden = formFields(postHtml);
  const posts: [string, Target][] = [
    ["comment POST (JavaScript, JSON)", commentJsonTarget(postUrl, hidden, viewer.issued)],
    ["comment POST (no-JS form)", commentTarget(postUrl, hidden, viewer.issued)],
  ];
  let created = 0;
  for (const [name, target] of posts) {
    const before = countComments(dbFile);
    const posting = await measure(server, name, target);
    const made = countComments(dbFile) - before;
    created += made;
    results.push({ route: name, ...posting, note: `${made} comments created (warm-up included)` });
    // The measured run only; the warm-up's comments are in the database count too.
    log(`${name}: ${made} new comments in the database for ${posting.requests} measured requests plus the warm-up`);
  }

  const staticRps = results[0]!.rps;
  for (const row of results) row.ratio = row.rps / staticRps;
  printTable(results);

  const report = {
    date: new Date().toISOString(),
    size,
    seed: { ...SEED, reused: seeded.reused, seconds: seeded.seconds },
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      ramGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: {
      tool: loadTool(),
      threads: loadTool() === "wrk" ? WRK_THREADS : 1,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_S,
      seconds: MEASURE_S,
      acceptEncoding: ACCEPT_ENCODING,
    },
    staticReference: staticRef.kind,
    coldStartMs: Math.round(server.coldStartMs),
    targets,
    commentsCreated: created,
    pageWeight: weights,
    routes: results,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  const out = path.join(__dirname, "results", `${report.date.slice(0, 10)}-${size}${opts.quick ? "-quick" : ""}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), out)} (${report.totalSeconds} s in all)`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

main()
  .then(
    () => cleanup(),
    async (error: unknown) => {
      console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      await cleanup();
    },
  )
  .finally(() => clearTimeout(watchdog));
