// Which test files the PostgreSQL pass runs, decided on a small tree of its own.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { tempDir } from "@/test/temp-dir";
import { databaseTestFiles } from "./database-tests";

function tree(files: Record<string, string>): string {
  const root = tempDir("quire-db-tests-");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

test("a test file runs on PostgreSQL when its imports reach db/ or start a process, however deep", () => {
  const root = tree({
    "db/client.ts": "export const db = 1;",
    "lib/posts.ts": 'import { db } from "@/db/client";\nexport const posts = db;',
    "lib/feed.ts": 'export { posts } from "./posts";',
    "lib/pure.ts": 'import { z } from "zod";\nexport const pure = z;',
    "lib/cycle-a.ts": 'import "./cycle-b";',
    "lib/cycle-b.ts": 'import "./cycle-a";\nimport "./pure";',
    "lib/feed.test.ts": 'import { posts } from "./feed";',
    "lib/lazy.test.ts": 'const load = () => import("../db/client.js");',
    "lib/spawns.test.ts": 'import { spawn } from "node:child_process";',
    "lib/pure.test.ts": 'import { pure } from "./pure";\nimport "./cycle-a";',
    // A cycle whose way to the database leaves from its far side: both ends reach it.
    "lib/near.ts": 'import "./far";\nimport "./posts";',
    "lib/far.ts": 'import "./near";',
    "lib/near.test.ts": 'import "./near";',
    "lib/far.test.ts": 'import "./far";',
    "node_modules/x/db.test.ts": 'import "../../db/client";',
    "e2e/site.test.ts": 'import "../db/client";',
  });
  expect(databaseTestFiles(root).sort()).toEqual([
    "lib/far.test.ts",
    "lib/feed.test.ts",
    "lib/lazy.test.ts",
    "lib/near.test.ts",
    "lib/spawns.test.ts",
  ]);
});

test("in this project, the CLI's tests run on both databases and the zip writer's once", () => {
  const files = databaseTestFiles(path.resolve(__dirname, ".."));
  expect(files).toContain("test/cli.test.ts");
  expect(files).toContain("lib/actions/authorization-matrix.test.ts");
  expect(files).not.toContain("lib/transfer/export/zip.test.ts");
  expect(files).not.toContain("lib/markdown/render.test.ts");
});
