// `quire import`, run for real as a child process, as an operator would.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { makeExportSite } from "@/lib/transfer/export/test-site";
import { BLOGGER, GHOST } from "@/lib/transfer/test-support";
import { cliEnv, ROOT, siteDatabase, singleErrorLine } from "./cli-run";
import { freshDataDir, freshSite, quire, siteRows } from "./cli-users";

// A site is a data folder, and on PostgreSQL a database of its own (cli-run.ts tempSite()).
const count = async (dir: string, table: string) =>
  Number((await siteRows<{ n: number | string }>(dir, `SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0);

/** Every row of every table: equal dumps mean an unchanged database. */
async function dumpOf(dir: string): Promise<string> {
  const tables = await siteRows<{ name: string }>(
    dir,
    siteDatabase(dir)
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  const rows = [];
  for (const { name } of tables) rows.push([name, await siteRows(dir, `SELECT * FROM "${name}" ORDER BY 1`)]);
  return JSON.stringify(rows);
}

// The machine running the tests may be busy: each run of the CLI starts tsx afresh.
describe("quire import", { timeout: 120_000 }, () => {
  test("the usage lists it", async () => {
    const result = await quire(freshDataDir(), ["help"]);
    expect(result.stdout).toContain("import <file|folder> [--format F] [--media DIR] [--dry-run]");
    expect(result.stdout).toContain("or a Quire export");
  });

  test("--dry-run reports what the file holds and writes nothing", async () => {
    const dir = await freshSite();
    const result = await quire(dir, ["import", BLOGGER, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run \(nothing written\): blogger\.xml \(blogger\)/);
    expect(result.stdout).toContain("Would create: 1 author, 4 post, 1 tag, 1 page, 13 comment");
    expect(result.stdout).toContain("57 × Blogger settings: not content");
    expect(result.stdout).toMatch(/Words preserved: 100 % of \d+ source words; 5 of 5 posts keep ≥ 99 %/);
    expect(result.stderr).toMatch(/Reading .*100%/);
    expect(await count(dir, "posts")).toBe(0);
  });

  test("imports, then a second run creates nothing new and says so", async () => {
    const dir = await freshSite();
    const first = await quire(dir, ["import", GHOST]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Created: 2 author, 1 tag, 7 post, 4 page");
    expect(await count(dir, "posts")).toBe(11);
    const second = await quire(dir, ["import", GHOST, "--format", "ghost"]);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("Created:");
    expect(second.stdout).toContain("Already imported (nothing new): 2 author, 1 tag, 7 post, 4 page");
    expect(await count(dir, "posts")).toBe(11);
    const json = await quire(dir, ["import", GHOST, "--dry-run", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: "ghost", dryRun: true, parsed: { post: 7, page: 4 } });
  });

  test("reads back Quire's own export, detected from the file", async () => {
    // makeExportSite() writes where this test file's own database is (a folder's file, or
    // the file's PostgreSQL database, which a plain folder's commands use).
    const from = freshDataDir();
    fs.mkdirSync(from, { recursive: true });
    await makeExportSite(from);
    const file = path.join(from, "site.json");
    expect((await quire(from, ["export", file])).code).toBe(0);
    const to = await freshSite();
    const result = await quire(to, ["import", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created: .*5 post, 1 page/);
    expect(await count(to, "comments")).toBe(4);
  });

  test("broken input: one line naming the problem, exit code 1, nothing changed", async () => {
    const dir = await freshSite();
    const file = path.join(dir, "broken.json");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, '{"db": [\n  {"data": }\n]}');
    expect((await quire(dir, ["migrate"])).code).toBe(0);
    const result = await quire(dir, ["import", file]);
    expect(result.code).toBe(1);
    expect(singleErrorLine(result)).toBe(
      'quire: Import refused: The JSON is malformed at line 2, column 12: unexpected "}". Nothing was changed.',
    );
    expect(await count(dir, "posts")).toBe(0);
  });

  test("bad command lines exit 2", async () => {
    const dir = freshDataDir();
    expect((await quire(dir, ["import"])).code).toBe(2);
    const wrong = await quire(dir, ["import", GHOST, "--format", "tumblr"]);
    expect(wrong.code).toBe(2);
    expect(singleErrorLine(wrong)).toContain("Unknown format “tumblr”");
  });

  test("a process killed inside the write transaction leaves the database exactly as it was", async () => {
    const dir = await freshSite();
    // A site with content, migrated, before the import starts.
    expect((await quire(dir, ["import", BLOGGER])).code).toBe(0);
    const before = await dumpOf(dir);
    const items = Array.from({ length: 30 }, (_, i) => {
      const comments = Array.from(
        { length: 3 },
        (_, c) =>
          `<wp:comment><wp:comment_id>${i * 10 + c}</wp:comment_id><wp:comment_author>R</wp:comment_author><wp:comment_content>Reply ${c}</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>`,
      ).join("");
      return `<item><title>Post ${i}</title><link>https://big.example/p${i}/</link><dc:creator>ada</dc:creator><content:encoded>Words of post ${i}.</content:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>2019-05-01 10:00:00</wp:post_date_gmt><wp:post_name>p${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${comments}</item>`;
    });
    const file = path.join(dir, "big.xml");
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.1/"><channel><wp:base_blog_url>https://big.example</wp:base_blog_url><wp:author><wp:author_login>ada</wp:author_login><wp:author_email>ada@big.example</wp:author_email></wp:author>${items.join("")}</channel></rss>`,
    );
    // Node itself with tsx as a loader: one process, so the kill reaches the import (tsx's
    // own command would run it in a child process of its own).
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", path.join(ROOT, "test", "import-stall-child.ts"), file],
      { cwd: ROOT, env: cliEnv(dir) },
    );
    let stderr = "";
    const ended = new Promise<string>((resolve) => {
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        if (stderr.includes("inside the transaction")) child.kill("SIGKILL");
      });
      child.on("close", (_code, signal) => resolve(String(signal)));
    });
    expect(await ended).toBe("SIGKILL");
    expect(stderr).toContain("inside the transaction");
    expect(await dumpOf(dir)).toBe(before);
  }, 180_000);
});
