// `npm run bench -- --transfer [--data-dir D | --posts N --comments M] [--formats quire,wxr,markdown]
//   [--no-import] [--keep DIR]`: the import and export bench (issue 13). Each step is a separate
// `quire` process under /usr/bin/time -v, so its wall time, CPU time and peak RSS are its own:
//
//   1. the site: D (an existing `seed-bench` data folder, read only), or one seeded here;
//   2. exports of it in each format (Quire JSON, WXR, Markdown zip);
//   3. the WXR export imported into a fresh, empty site with `quire import FILE`;
//   4. the WordPress Theme Unit Test (test/corpora) imported into a fresh site.
//
// The machine's load average is noted beside every step: on a shared machine the wall
// clock also measures the neighbours, CPU time is what the step itself cost. Prints one
// table and writes bench/results/<date>-transfer-<posts>.json. Goals: 100k posts / 1M
// comments export in ≤ 2 min and ≤ 300 MB, import in ≤ 3 min and ≤ 400 MB.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const ROOT = path.resolve(__dirname, "..");
const THEME_UNIT_TEST = path.join(ROOT, "test", "corpora", "wordpress", "themeunittestdata.wordpress.xml");
const EXT: Record<string, string> = { quire: "json", wxr: "xml", markdown: "zip" };

const { values: opts } = parseArgs({
  options: {
    transfer: { type: "boolean", default: true },
    "data-dir": { type: "string" },
    posts: { type: "string", default: "100000" },
    comments: { type: "string", default: "1000000" },
    formats: { type: "string", default: "quire,wxr,markdown" },
    "no-import": { type: "boolean", default: false },
    keep: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opts.help) {
  console.log(
    "npm run bench -- --transfer [--data-dir D | --posts N --comments M] [--formats quire,wxr,markdown] [--no-import] [--keep DIR]\n" +
      "  --data-dir  an existing seed-bench data folder to export (read only); else one is seeded (default 100k / 1M)\n" +
      "  --formats   the exports to time (the WXR one is also what is imported)\n" +
      "  --no-import time the exports only\n" +
      "  --keep      keep the export files and imported sites in DIR instead of a temporary folder",
  );
  process.exit(0);
}

type Step = {
  step: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  fileMb?: number;
  load: { before: number; after: number };
  /** Why wall time exceeds CPU time: waits (I/O, drain: voluntary switches) or neighbours (involuntary). */
  waits: { voluntarySwitches: number; involuntarySwitches: number; fsInputMb: number; fsOutputMb: number };
  note?: string;
};

const work = opts.keep ? path.resolve(opts.keep) : fs.mkdtempSync(path.join(os.tmpdir(), "quire-transfer-bench-"));
fs.mkdirSync(work, { recursive: true });
const load = () => os.loadavg()[0]!;
const log = (line: string) => console.log(`[bench] ${line}`);

/** One `quire` command under /usr/bin/time -v, with QUIRE_DATA_DIR set. */
function timed(name: string, dataDir: string, args: string[]): Step & { stdout: string } {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const before = load();
  log(`${name}: quire ${args.join(" ")} (load ${before.toFixed(1)})`);
  const run = spawnSync("/usr/bin/time", ["-v", tsx, "--conditions=react-server", "bin/quire.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, QUIRE_DATA_DIR: dataDir },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`${name} failed (exit ${run.status})`);
  }
  const field = (pattern: RegExp) => pattern.exec(run.stderr)?.[1] ?? "0";
  const wall = field(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/);
  return {
    step: name,
    seconds: round(wall.split(":").reduce((total, part) => total * 60 + Number(part), 0)),
    cpuSeconds: round(
      Number(field(/User time \(seconds\): ([\d.]+)/)) + Number(field(/System time \(seconds\): ([\d.]+)/)),
    ),
    peakRssMb: round(Number(field(/Maximum resident set size \(kbytes\): (\d+)/)) / 1024),
    load: { before: round(before), after: round(load()) },
    waits: {
      voluntarySwitches: Number(field(/Voluntary context switches: (\d+)/)),
      involuntarySwitches: Number(field(/Involuntary context switches: (\d+)/)),
      // time -v counts 512-byte blocks.
      fsInputMb: round(Number(field(/File system inputs: (\d+)/)) / 2048),
      fsOutputMb: round(Number(field(/File system outputs: (\d+)/)) / 2048),
    },
    stdout: run.stdout,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
const mb = (file: string) => round(fs.statSync(file).size / 1024 / 1024);

function siteCounts(dataDir: string) {
  const db = new Database(path.join(dataDir, "quire.db"), { readonly: true });
  try {
    return db
      .prepare("SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM comments) AS comments")
      .get() as { posts: number; comments: number };
  } finally {
    db.close();
  }
}

function main() {
  const started = Date.now();
  const steps: Step[] = [];
  let site = opts["data-dir"] ? path.resolve(opts["data-dir"]) : "";
  if (!site) {
    site = path.join(work, "site");
    const seeded = timed("seed", site, ["seed-bench", "--posts", opts.posts, "--comments", opts.comments]);
    steps.push({ ...seeded, stdout: undefined } as Step);
  }
  const size = siteCounts(site);
  log(`site: ${size.posts.toLocaleString("en")} posts, ${size.comments.toLocaleString("en")} comments (${site})`);

  let wxr: string | undefined;
  for (const format of opts.formats.split(",")) {
    const file = path.join(work, `export-${format}-${Date.now()}.${EXT[format] ?? "out"}`);
    const { stdout: _out, ...step } = timed(`export ${format}`, site, ["export", "--format", format, file]);
    steps.push({ ...step, fileMb: mb(file) });
    if (format === "wxr") wxr = file;
    else if (!opts.keep) fs.rmSync(file);
  }

  if (!opts["no-import"]) {
    if (!wxr) throw new Error("the import needs the WXR export: keep wxr in --formats, or pass --no-import");
    const target = path.join(work, "imported");
    fs.rmSync(target, { recursive: true, force: true });
    const { stdout, ...step } = timed("import wxr", target, ["import", "--json", wxr]);
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { created: Record<string, number> };
    const made = siteCounts(target);
    steps.push({
      ...step,
      fileMb: mb(wxr),
      note: `created ${made.posts} posts, ${made.comments} comments (report: ${JSON.stringify(report.created)})`,
    });
    if (!opts.keep) fs.rmSync(target, { recursive: true, force: true });

    const theme = path.join(work, "theme-unit-test");
    fs.rmSync(theme, { recursive: true, force: true });
    const { stdout: _themeOut, ...themeStep } = timed("import Theme Unit Test", theme, ["import", THEME_UNIT_TEST]);
    steps.push({ ...themeStep, fileMb: mb(THEME_UNIT_TEST) });
    if (!opts.keep) fs.rmSync(theme, { recursive: true, force: true });
  }
  if (wxr && !opts.keep) fs.rmSync(wxr);

  const header = ["step", "wall s", "CPU s", "peak RSS MB", "file MB", "load before/after", "switches vol/invol"];
  const rows = steps.map((s) => [
    s.step,
    s.seconds.toFixed(1),
    s.cpuSeconds.toFixed(1),
    s.peakRssMb.toFixed(0),
    s.fileMb === undefined ? "" : s.fileMb.toFixed(1),
    `${s.load.before.toFixed(1)} / ${s.load.after.toFixed(1)}`,
    `${s.waits.voluntarySwitches} / ${s.waits.involuntarySwitches}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  for (const s of steps) if (s.note) console.log(`${s.step}: ${s.note}`);

  const date = new Date().toISOString();
  const result = {
    date,
    kind: "transfer",
    site: { ...size, dataDir: opts["data-dir"] ? "given (--data-dir)" : "seeded by this run" },
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim(),
      ramGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
    },
    goals: { exportSeconds: 120, exportRssMb: 300, importSeconds: 180, importRssMb: 400 },
    steps,
    totalSeconds: round((Date.now() - started) / 1000),
  };
  const out = path.join(__dirname, "results", `${date.slice(0, 10)}-transfer-${size.posts}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), out)}`);
}

try {
  main();
} finally {
  if (!opts.keep) fs.rmSync(work, { recursive: true, force: true });
}
