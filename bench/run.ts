// `npm run bench [-- --large] [--quick] [--reuse] [--port N] [--workers N] [--instances N] [--comments] [--db postgres]`:
// builds if needed, seeds a fresh data folder, starts the production server (with
// QUIRE_WORKERS=N, or N instances behind nginx configured from docs/deploy/nginx.conf), measures its cold start,
// page weights and each route under load next to a static-file reference, prints
// one table and writes bench/results/<date>-<small|large>.json. Never run by CI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { buildIfStale } from "../bin/build-check";
import { commentJsonTarget, commentTarget, formFields } from "./comment-post";
import { ACCEPT_ENCODING, CONNECTIONS, loadTool, runLoad, WRK_THREADS, type LoadResult, type Target } from "./load";
import { measureEditor } from "./editor-weight";
import { measurePageWeights, type Weight } from "./page-weight";
import { printTable, type Row } from "./report";
import { seedData } from "./seed";
import { Nginx, NGINX } from "../e2e/cluster/processes";
import { cpuMs, startServer, sampleRss } from "./server";
import { startStaticRef, type StaticRef } from "./static-ref";
import { type BenchDatabase, postgresDatabase, sqliteDatabase } from "./database";
import { pickTargets } from "./targets";
import { measureRenderCost, uncachedRoutes } from "./uncached";
import { runFlood } from "./flood";

// `npm run bench -- --transfer …`: the import and export bench instead (bench/transfer.ts), in its own process.
if (process.argv[2] === "--transfer") {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, path.join(__dirname, "transfer.ts"), ...process.argv.slice(3)],
    {
      stdio: "inherit",
    },
  );
  process.exit(run.status ?? 1);
}

const { values: opts } = parseArgs({
  options: {
    large: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    port: { type: "string", default: process.env.QUIRE_BENCH_PORT ?? "3301" },
    workers: { type: "string", default: "1" },
    instances: { type: "string" },
    analytics: { type: "boolean", default: false },
    editor: { type: "boolean", default: false },
    flood: { type: "boolean", default: false },
    comments: { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opts.help) {
  console.log(
    "npm run bench [-- --large] [--quick] [--reuse] [--port N] [--workers N] [--instances N] [--analytics]\n" +
      "  --analytics  only the cost of analytics: the cached post page with analytics on, then off, three times\n" +
      "  --editor  only the editor's client JS (bytes, gzipped) and its time to interactive (bench/editor-weight.ts)\n" +
      "  --flood  only the flood scenario (bench/flood.ts); a full run ends with it\n" +
      "  --comments  only the comment POST rows, with the server's CPU time per POST\n" +
      "  --db postgres  the server on PostgreSQL (the local server; the seeded rows copied into a database of the run's own)\n" +
      "  --large  100,000 posts / 1,000,000 comments instead of 200 / 2,000\n" +
      "  --quick  1 s warm-up and 5 s per route instead of 3 s and 15 s\n" +
      "  --reuse  reuse (and keep) the seeded database of an earlier --reuse run in bench/.seeded/\n" +
      "  --port   the server's port (the static reference uses the next one); default 3301\n" +
      "  --workers N    QUIRE_WORKERS=N: N worker processes on the one port (default 1)\n" +
      "  --instances N  N servers (ports port+2…) behind Debian's nginx on the port, configured from docs/deploy/nginx.conf\n" +
      "npm run bench -- --transfer --help: the import and export bench (bench/transfer.ts)",
  );
  process.exit(0);
}

const size = opts.large ? "large" : "small";
const SEED = opts.large ? { posts: 100_000, comments: 1_000_000 } : { posts: 200, comments: 2_000 };
const WARMUP_S = opts.quick ? 1 : 3;
const MEASURE_S = opts.quick ? 5 : 15;
const port = Number(opts.port);
const workers = Number(opts.workers);
const instances = opts.instances === undefined ? 0 : Number(opts.instances);
for (const [name, value] of [
  ["--workers", workers],
  ["--instances", opts.instances === undefined ? 1 : instances],
] as const) {
  if (!Number.isInteger(value) || value < 1 || value > 16) {
    console.error(`bench: ${name} takes a whole number from 1 to 16`);
    process.exit(2);
  }
}
if (opts.db !== "sqlite" && opts.db !== "postgres") {
  console.error("bench: --db takes sqlite or postgres");
  process.exit(2);
}
if (opts.db === "postgres" && (opts.analytics || opts.editor)) {
  console.error("bench: --analytics and --editor read the SQLite file: run them without --db postgres");
  process.exit(2);
}
/** How the site is served, for the log, the report and the result file's name. */
const topology = instances
  ? `${instances} instance(s)${workers > 1 ? ` of ${workers} workers` : ""} behind nginx`
  : `${workers} worker(s)`;
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
/** What serves the site: one server (maybe with workers) or instances behind nginx. */
type Site = { origin: string; pids: number[]; coldStartMs: number };

async function startSite(dataDir: string, database: BenchDatabase): Promise<Site> {
  const env = { ...database.env, QUIRE_WORKERS: String(workers) };
  if (!instances) {
    const server = await startServer({ port, dataDir, env });
    stoppers.push(server.stop);
    return { origin: server.origin, pids: [server.pid], coldStartMs: server.coldStartMs };
  }
  if (!fs.existsSync(NGINX)) throw new Error(`--instances needs nginx at ${NGINX} (apt-get install nginx)`);
  const origin = `http://127.0.0.1:${port}`;
  const behind = { ...env, QUIRE_TRUST_PROXY: "1", QUIRE_URL: origin };
  const ports = Array.from({ length: instances }, (_, i) => port + 2 + i);
  // The first alone (its cold start is the figure), then the others together.
  const first = await startServer({ port: ports[0]!, dataDir, env: behind });
  stoppers.push(first.stop);
  const rest = await Promise.all(ports.slice(1).map((p) => startServer({ port: p, dataDir, env: behind })));
  for (const server of rest) stoppers.push(server.stop);
  const nginx = new Nginx(port, ports);
  await nginx.start();
  stoppers.push(() => nginx.stop());
  return { origin, pids: [first.pid, ...rest.map((server) => server.pid)], coldStartMs: first.coldStartMs };
}

async function settle(server: Site): Promise<void> {
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

type Measured = LoadResult & { rssMb: number | null; cpuMsPerRequest: number | null };

/**
 * Server CPU time (user + system, /proc) over the measured run: one process only, or the
 * workers' time would be missed. On a shared machine req/s and latencies move with
 * everything else running; the CPU a request costs hardly does.
 */
function serverCpuMs(server: Site): number | null {
  return server.pids.length === 1 && workers === 1 ? cpuMs(server.pids[0]!) : null;
}

async function measure(server: Site, name: string, target: Target): Promise<Measured> {
  await settle(server);
  const tool = loadTool();
  await runLoad(tool, target, WARMUP_S, tmp);
  const stopSampling = sampleRss(server.pids);
  const cpuBefore = serverCpuMs(server);
  const result = await runLoad(tool, target, MEASURE_S, tmp);
  const cpuAfter = serverCpuMs(server);
  const rssMb = stopSampling();
  const cpuMsPerRequest =
    cpuBefore !== null && cpuAfter !== null && result.requests > 0 ? (cpuAfter - cpuBefore) / result.requests : null;
  const cpu = cpuMsPerRequest === null ? "" : `, ${cpuMsPerRequest.toFixed(2)} ms of server CPU per request`;
  log(
    `${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ${result.errors} errors${cpu}, RSS ${rssMb?.toFixed(0) ?? "n/a"} MB`,
  );
  return { ...result, rssMb, cpuMsPerRequest };
}

/** Comment POSTs both ways the form sends them, each counted in the database afterwards. */
async function commentRows(
  server: Site,
  {
    postUrl,
    postHtml,
    database,
    postId,
  }: { postUrl: string; postHtml: string; database: BenchDatabase; postId: number },
): Promise<{ rows: Row[]; created: number }> {
  // A comment token, old enough (3 s, MIN_FORM_AGE_MS) by the time the POSTs start.
  const viewer = (await (await fetch(`${server.origin}/api/comments/viewer`)).json()) as { issued: string };
  await sleep(3_200);
  const hidden = formFields(postHtml);
  const posts: [string, Target][] = [
    ["comment POST (JavaScript, JSON)", commentJsonTarget(postUrl, hidden, viewer.issued)],
    ["comment POST (no-JS form)", commentTarget(postUrl, hidden, viewer.issued)],
  ];
  const rows: Row[] = [];
  let created = 0;
  for (const [name, target] of posts) {
    const before = await database.countComments();
    const onPost = await database.countComments(postId);
    const posting = await measure(server, name, target);
    const made = (await database.countComments()) - before;
    created += made;
    rows.push({
      route: name,
      ...posting,
      note: `${made} comments created (warm-up included); the post had ${onPost} before`,
    });
    // The measured run only; the warm-up's comments are in the database count too.
    log(`${name}: ${made} new comments in the database for ${posting.requests} measured requests plus the warm-up`);
  }
  return { rows, created };
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

  const database = opts.db === "postgres" ? await postgresDatabase(dbFile, log) : sqliteDatabase(dbFile);
  stoppers.push(database.drop); // stopped last: the servers first
  log(`serving with ${topology} on ${database.label}; load average ${loadAverage()}`);
  const loadBefore = os.loadavg();
  const server = await startSite(dataDir, database);
  log(`cold start (spawn → first 200 on /): ${server.coldStartMs.toFixed(0)} ms`);
  const origin = server.origin;
  const postUrl = `${origin}/${targets.post.slug}`;
  if (opts.analytics) return analyticsCost(server, dbFile, { url: postUrl });
  if (opts.editor) return log(`editor: ${JSON.stringify(await measureEditor(origin, dbFile))}`);
  // One client flooding renders while others read: on a server of its own (port + 10).
  const floodRun = () =>
    runFlood({
      port: port + 10,
      dataDir,
      env: { ...database.env, QUIRE_WORKERS: String(workers) },
      cachedPath: "/",
      uncachedPath: `/${targets.post.slug}`,
      seconds: MEASURE_S,
      tmp,
      log,
    });
  if (opts.flood) {
    const flood = await floodRun();
    const out = path.join(__dirname, "results", `${new Date().toISOString().slice(0, 10)}-${size}-flood.json`);
    fs.writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), size, loadAverage: os.loadavg(), flood }, null, 2)}\n`,
    );
    return log(`wrote ${path.relative(process.cwd(), out)}`);
  }
  const postHtml = await (await fetch(postUrl, { headers: { "accept-encoding": ACCEPT_ENCODING } })).text();
  if (opts.comments) return commentsOnly(server, { postUrl, postHtml, database, postId: targets.post.id });
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
    // The same reader routes rendered by Next.js for every request (bench/uncached.ts).
    ...uncachedRoutes(origin, paths),
  ];
  const results: Row[] = [];
  for (const [name, target] of routes) results.push({ route: name, ...(await measure(server, name, target)) });
  results[0]!.rssMb = null; // the server idles while nginx answers: its memory is not this row's
  // Server CPU per uncached render: steadier than req/s on a shared machine (bench/uncached.ts).
  const renderCost = workers === 1 && !instances ? await measureRenderCost(origin, server.pids[0]!, paths, log) : null;

  // Comment POSTs last: each one changes the post, and so what the pages above show.
  const commented = await commentRows(server, { postUrl, postHtml, database, postId: targets.post.id });
  results.push(...commented.rows);
  const created = commented.created;

  const flood = instances ? null : await floodRun(); // behind nginx every client is nginx's address
  const staticRps = results[0]!.rps;
  for (const row of results) row.ratio = row.rps / staticRps;
  printTable(results);
  const loadAfter = os.loadavg();
  log(`${topology}; load average before ${fmtLoad(loadBefore)}, after ${fmtLoad(loadAfter)} (uptime's 1, 5, 15 min)`);

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
    topology: { workers, instances, nginx: instances > 0, label: topology },
    database: database.label,
    loadAverage: { before: loadBefore, after: loadAfter },
    staticReference: staticRef.kind,
    coldStartMs: Math.round(server.coldStartMs),
    targets,
    renderCost,
    commentsCreated: created,
    pageWeight: weights,
    routes: results,
    flood,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  const out = path.join(
    __dirname,
    "results",
    `${report.date.slice(0, 10)}-${size}${opts.quick ? "-quick" : ""}${opts.db === "postgres" ? "-postgres" : ""}${instances ? `-instances-${instances}` : ""}${workers > 1 || instances ? `-workers-${workers}` : ""}.json`,
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), out)} (${report.totalSeconds} s in all)`);
}

/** `--comments`: only the comment POST rows, their table and a JSON of their own. */
async function commentsOnly(server: Site, post: Parameters<typeof commentRows>[1]) {
  const loadBefore = os.loadavg();
  const { rows, created } = await commentRows(server, post);
  printTable(rows);
  const loadAfter = os.loadavg();
  log(`${topology}; load average before ${fmtLoad(loadBefore)}, after ${fmtLoad(loadAfter)} (uptime's 1, 5, 15 min)`);
  const date = new Date().toISOString();
  const out = path.join(
    __dirname,
    "results",
    `${date.slice(0, 10)}-${size}${opts.quick ? "-quick" : ""}${opts.db === "postgres" ? "-postgres" : ""}-comments.json`,
  );
  const report = {
    date,
    size,
    topology,
    database: opts.db,
    loadAverage: { before: loadBefore, after: loadAfter },
    created,
    routes: rows,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), out)}`);
}

const fmtLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(", ");
const loadAverage = () => fmtLoad(os.loadavg());
// A browser's user agent: one with none is counted as a bot, which skips the visitor hash.
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** Turns analytics on or off in the settings; the server reads it on its next pass (every 5 s). */
async function setAnalytics(dbFile: string, on: boolean) {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 5000");
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('analyticsEnabled', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(on));
  db.close();
  await sleep(6_000);
}

/**
 * `--analytics`: the cached post page with analytics on and off, alternated three times so a
 * busy machine weighs on both alike; the medians and their difference. Writes nothing.
 */
async function analyticsCost(server: Site, dbFile: string, post: Target) {
  // The counting itself, in this process: what one view adds to a request's CPU time.
  const { createAnalytics } = await import("../bin/server/analytics.mjs");
  const counter = createAnalytics();
  const N = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    counter.view({
      path: "/a-post",
      userAgent: BROWSER,
      referer: undefined,
      host: "127.0.0.1",
      address: `10.0.${(i >> 8) & 255}.${i & 255}`,
    });
  }
  log(`one view counted in memory (a new visitor each time): ${(((performance.now() - t0) / N) * 1000).toFixed(2)} µs`);
  // A browser's next pages on its keep-alive connection: the connection remembers its visitor.
  const connection = {};
  const t1 = performance.now();
  for (let i = 0; i < N; i++) {
    counter.view({
      path: "/a-post",
      userAgent: BROWSER,
      referer: undefined,
      host: "127.0.0.1",
      address: "10.1.0.1",
      connection,
    });
  }
  log(
    `one view counted in memory (the same visitor on one connection): ${(((performance.now() - t1) / N) * 1000).toFixed(2)} µs`,
  );
  const misses = async () => {
    const text = await (await fetch(`${server.origin}/metrics`)).text();
    return Number(/^quire_page_cache_requests_total\{result="miss"[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
  };
  const target = { ...post, headers: { "user-agent": BROWSER } };
  // Requests per second swing with whatever else the machine runs; the server's CPU time per
  // request (user + system, from /proc) is steadier, so both are reported.
  const cpuMs = () => {
    const fields = fs.readFileSync(`/proc/${server.pids[0]}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s ticks
  };
  const runs: Record<"on" | "off", { rps: number; cpuUs: number }[]> = { on: [], off: [] };
  const tool = loadTool();
  for (let round = 1; round <= 3; round++) {
    for (const state of ["on", "off"] as const) {
      await setAnalytics(dbFile, state === "on");
      await settle(server);
      await runLoad(tool, target, WARMUP_S, tmp);
      const before = { misses: await misses(), cpu: cpuMs() };
      const result = await runLoad(tool, target, MEASURE_S, tmp);
      const cpuUs = ((cpuMs() - before.cpu) * 1000) / result.requests;
      runs[state].push({ rps: result.rps, cpuUs });
      log(
        `post, analytics ${state} (round ${round}): ${result.rps.toFixed(0)} req/s, ${cpuUs.toFixed(0)} µs of server CPU per request, p99 ${result.p99Ms.toFixed(1)} ms, ${result.errors} errors, ${(await misses()) - before.misses} page-cache misses`,
      );
    }
  }
  await setAnalytics(dbFile, true);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rps = { on: median(runs.on.map((r) => r.rps)), off: median(runs.off.map((r) => r.rps)) };
  const cpu = { on: median(runs.on.map((r) => r.cpuUs)), off: median(runs.off.map((r) => r.cpuUs)) };
  const views = new Database(dbFile, { readonly: true })
    .prepare("SELECT coalesce(sum(count), 0) FROM analytics_daily WHERE dimension = 'views'")
    .pluck()
    .get() as number;
  log(
    `analytics cost on the cached post page (medians of 3): ${rps.on.toFixed(0)} req/s on, ${rps.off.toFixed(0)} off (${(((rps.off - rps.on) / rps.off) * 100).toFixed(1)} % slower); ${cpu.on.toFixed(0)} µs of server CPU per request on, ${cpu.off.toFixed(0)} off (${(((cpu.on - cpu.off) / cpu.off) * 100).toFixed(1)} % more); ${views} views written`,
  );
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
