import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// A fresh data folder per test file, set before any module reads the environment.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-"));
process.env.QUIRE_DATA_DIR = dataDir;
// Jobs and failures log through pino (lib/ops/log.mjs); tests that expect them stay quiet.
process.env.QUIRE_LOG_LEVEL ??= "silent";

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});
