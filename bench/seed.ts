// A fresh data folder for the run, seeded by `quire seed-bench` as a child process.
// With --reuse, the seeded database is kept in bench/.seeded/<size>/ and later runs
// start from a copy of it (and say so): a large seed takes minutes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../bin/build-check";
import { openDatabase } from "../db/connection";
import { runMigrations } from "../db/migrate";

type Options = {
  dataDir: string;
  posts: number;
  comments: number;
  reuse: boolean;
  size: string;
  log: (line: string) => void;
};

const SEEDED = path.join(__dirname, ".seeded");

function seedInto(dataDir: string, posts: number, comments: number): Promise<void> {
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const args = [
    tsx,
    "--conditions=react-server",
    path.join(ROOT, "bin", "quire.ts"),
    "seed-bench",
    "--data-dir",
    dataDir,
    "--posts",
    String(posts),
    "--comments",
    String(comments),
    "--post-comments",
    "50",
  ];
  return new Promise((resolve, reject) => {
    // The progress bars go straight to the terminal.
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed-bench exited with ${code}`))));
  });
}

export async function seedData({
  dataDir,
  posts,
  comments,
  reuse,
  size,
  log,
}: Options): Promise<{ reused: boolean; seconds: number }> {
  const started = Date.now();
  const kept = path.join(SEEDED, size, "quire.db");
  fs.mkdirSync(dataDir, { recursive: true });
  if (reuse && fs.existsSync(kept)) {
    log(
      `REUSING the database seeded on ${fs.statSync(kept).mtime.toISOString()} (${kept}), copied to a fresh data folder (--reuse)`,
    );
    fs.copyFileSync(kept, path.join(dataDir, "quire.db"));
    // As `npm start` does: a database seeded before the latest migrations gets them.
    const db = openDatabase(path.join(dataDir, "quire.db"));
    const applied = runMigrations(db.$client);
    db.$client.close();
    if (applied > 0) log(`applied ${applied} newer migration(s) to the copy`);
    return { reused: true, seconds: (Date.now() - started) / 1000 };
  }
  log(
    `seeding ${posts.toLocaleString("en")} posts and ${comments.toLocaleString("en")} comments into a fresh data folder…`,
  );
  await seedInto(dataDir, posts, comments);
  if (reuse) {
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.copyFileSync(path.join(dataDir, "quire.db"), kept);
    log(`kept a copy in ${kept} for later --reuse runs`);
  }
  return { reused: false, seconds: (Date.now() - started) / 1000 };
}
