// The documented long run of the crash harness (SECURITY.md):
//   npm run test:crash -- --rounds 100 [--comments 10000] [--saves 2000] [--seed N] [--port 3190]
// Needs a build (`npm run build`, or any `npm start`/`npm test` before). Prints the
// report as JSON and exits non-zero when an acknowledged write was lost.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCrashHarness } from "./crash-harness";
import { ROOT } from "./own-server";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "100" },
    comments: { type: "string" },
    saves: { type: "string" },
    seed: { type: "string" },
    port: { type: "string", default: "3190" },
  },
});
const rounds = Number(values.rounds);
if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No build in .next: run `npm run build` first.");
  process.exit(1);
}

async function main() {
  const report = await runCrashHarness({
    rounds,
    // By default the in-suite ratio: 100 comments and 20 saves per round.
    comments: Number(values.comments ?? rounds * 100),
    saves: Number(values.saves ?? rounds * 20),
    port: Number(values.port),
    seed: values.seed === undefined ? undefined : Number(values.seed),
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(report, null, 2));
  const failed =
    report.comments.lost.length + report.saves.lost.length + report.inconsistentPosts.length > 0 ||
    report.integrity !== "ok" ||
    report.refusals.length > 0 ||
    report.serverProblems.length > 0;
  console.error(
    `${report.rounds} rounds in ${report.seconds} s: ${report.comments.acknowledged + report.saves.acknowledged} writes acknowledged, ` +
      `${report.comments.lost.length + report.saves.lost.length} lost; integrity_check ${report.integrity}.`,
  );
  process.exit(failed ? 1 : 0);
}

void main();
