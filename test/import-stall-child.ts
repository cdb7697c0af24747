// Run by import-cli.test.ts: an import that stops inside its write transaction (and
// says so on stderr) so the test can kill the process at that exact point. It imports
// into the site of QUIRE_DATA_DIR, as the app does.
import fs from "node:fs";
import { importFile } from "../lib/transfer/write";

const [input] = process.argv.slice(2) as [string];
let comments = 0;
void importFile(input, {
  beforeWrite: (kind) => {
    if (kind !== "comment" || ++comments !== 50) return;
    fs.writeSync(2, "inside the transaction\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
}).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
