// The page cache's freshness signal across processes: a commit by another process (another
// worker, another instance, the CLI) changes the data version this process sees.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDataVersion } from "./data-version.mjs";

// Another node process that opens the file with its own connection and commits once.
function commitFromAnotherProcess(file: string): Promise<number> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.pragma("busy_timeout = 5000");
    db.prepare("INSERT INTO t (v) VALUES ('from another process')").run();
    db.close();
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

describe("the data version", () => {
  it("changes within a second of a commit made by another process", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "quire-data-version-")), "quire.db");
    const setup = new Database(file);
    setup.pragma("journal_mode = WAL");
    setup.exec("CREATE TABLE t (v TEXT)");
    setup.close();

    const version = openDataVersion(file)!;
    expect(version).not.toBeNull();
    const before = version();
    expect(version()).toBe(before); // nothing committed: unchanged

    expect(await commitFromAnotherProcess(file)).toBe(0);
    const committed = Date.now();
    let seenAfterMs: number | null = null;
    while (Date.now() - committed < 1000) {
      if (version() !== before) {
        seenAfterMs = Date.now() - committed;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seenAfterMs).not.toBeNull();
    expect(seenAfterMs!).toBeLessThan(1000);
  });

  it("is null (nothing cached) when the file cannot be opened", () => {
    const missing = path.join(os.tmpdir(), `quire-missing-${process.pid}`, "quire.db");
    expect(openDataVersion(missing)).toBeNull();
  });
});
