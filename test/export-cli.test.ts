// `quire export` as an operator runs it: a real child process on a temporary site.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { databaseKind } from "@/db/kind";
import { makeExportSite } from "@/lib/transfer/export/test-site";
import { quire, singleErrorLine, tempDir } from "./cli-run";

let site: string;
let out: string;

beforeAll(async () => {
  site = tempDir();
  out = tempDir();
  await makeExportSite(site, { comments: 40 });
});

describe("quire export", () => {
  test("is listed in the usage", async () => {
    const help = await quire(site, ["help"]);
    expect(help.stdout).toContain("export [FILE] [--format quire|wxr|markdown] [--zip] [--revisions]");
  });

  test("writes the Quire export with progress on stderr and a summary on stdout", async () => {
    const file = path.join(out, "site.json");
    const result = await quire(site, ["export", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Export (quire) written to ${file}`);
    expect(result.stdout).toContain("5 posts, 1 pages, 44 comments, 3 tags, 2 staff, 2 redirects, 1 media items");
    expect(result.stdout).toContain("Contains personal data");
    expect(result.stderr).toMatch(/posts\s+\[#+\] 100% 5\/5/);
    expect(result.stderr).toMatch(/comments\s+\[#+\] 100% 44\/44/);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).posts).toHaveLength(5);
  });

  test("writes a WXR zip with the media files", async () => {
    const file = path.join(out, "wordpress.zip");
    const result = await quire(site, ["export", "--format", "wxr", "--zip", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Export (wxr) written to ${file}`);
    expect(result.stdout).toContain("2 media file(s) in the zip");
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });

  test("refuses an unknown format or a file that exists, in one line with the right exit code", async () => {
    const bad = await quire(site, ["export", "--format", "ghost", path.join(out, "x.json")]);
    expect(bad.code).toBe(2);
    expect(singleErrorLine(bad)).toContain('--format must be one of quire, wxr, markdown; got "ghost"');
    const again = await quire(site, ["export", path.join(out, "site.json")]);
    expect(again.code).toBe(1);
    expect(singleErrorLine(again)).toContain("already exists: an export never overwrites");
  });

  // SQLite's file only: on PostgreSQL the database is DATABASE_URL's, never missing from a folder.
  test.skipIf(databaseKind() === "postgres")("says so when there is no database", async () => {
    const empty = await quire(tempDir(), ["export", path.join(out, "none.json")]);
    expect(empty.code).toBe(1);
    expect(singleErrorLine(empty)).toMatch(/No database at .*quire\.db: nothing to export/);
  });
});
