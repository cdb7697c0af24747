import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { detectFormat } from "./detect";
import { runExport } from "./export/run";
import { makeExportSite } from "./export/test-site";
import { dump, rows, siteWithOwner, tempDir, writeTemp } from "./test-support";
import { importFile } from "./write";

// Quire's own export read back: the export tests' site (every status, the trash, spam, threads,
// settings, a media file) exported as JSON and as a zip, then imported into a fresh site.

let json: string;
let zip: string;
let text: string;

beforeAll(async () => {
  const site = tempDir();
  await makeExportSite(site);
  // A real image, so the media pipeline (type from the bytes, variants) accepts it.
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
    .png()
    .toBuffer();
  fs.writeFileSync(path.join(site, "media", "2026/11/aa11-w1600.png"), png);
  const out = tempDir();
  const base = { dataDir: site, revisions: true, siteUrl: "https://ada.example", quireVersion: "test" };
  json = path.join(out, "site.json");
  zip = path.join(out, "site.zip");
  await runExport({ ...base, file: json, format: "quire", zip: false });
  await runExport({ ...base, file: zip, format: "quire", zip: true });
  text = fs.readFileSync(json, "utf8");
});

type Post = { title: string; status: string; deleted_at: number | null; featured: number; meta_title: string | null };

describe("importing a Quire export", () => {
  test("is detected from the file, JSON or zip", () => {
    expect(detectFormat(json)).toBe("quire");
    expect(detectFormat(zip)).toBe("quire");
  });

  test("brings posts with their statuses, the trash, tags in order, comments with threads and settings", async () => {
    await siteWithOwner();
    const report = await importFile(json);
    expect(report.format).toBe("quire");
    expect(report.created).toMatchObject({ post: 5, page: 1, tag: 3, comment: 4, author: 2 });
    // Revisions are listed, not silently dropped.
    expect(report.skipped.items.map((item) => item.reason)).toEqual([
      expect.stringMatching(/revisions are not imported/),
    ]);

    const posts = await rows<Post>("SELECT title, status, deleted_at, featured, meta_title FROM posts ORDER BY id");
    expect(posts.map((post) => [post.title, post.status, post.deleted_at !== null])).toEqual([
      ["On the Engine: ]]> & <tricks>", "published", false],
      ["A draft", "draft", false],
      ["Tomorrow", "scheduled", false],
      ["Waiting", "review", false],
      ["Binned", "published", true],
      ["About", "published", false],
    ]);
    expect(posts[0]).toMatchObject({ featured: 1, meta_title: "Engine SEO title" });
    expect(
      (
        await rows<{ slug: string }>(
          "SELECT t.slug FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = 1 ORDER BY pt.position",
        )
      ).map((tag) => tag.slug),
    ).toEqual(["notes", "engines", "yes"]);
    const comments = await rows<{ author_name: string; status: string; parent: string | null; author_email: string }>(
      "SELECT c.author_name, c.status, p.author_name AS parent, c.author_email FROM comments c LEFT JOIN comments p ON p.id = c.parent_id ORDER BY c.id",
    );
    expect(comments).toEqual([
      { author_name: "Charles", status: "approved", parent: null, author_email: "charles@example.com" },
      { author_name: "Ada Lovelace", status: "approved", parent: "Charles", author_email: "ada@example.com" },
      { author_name: "Mary", status: "pending", parent: "Ada Lovelace", author_email: "mary@example.com" },
      { author_name: "Spammer", status: "spam", parent: null, author_email: "spam@example.com" },
    ]);
    expect(await rows("SELECT from_path, to_path FROM redirects ORDER BY id")).toEqual([
      { from_path: "/2019/05/old-engine/", to_path: "/on-the-engine" },
      { from_path: "/?p=17", to_path: "/on-the-engine" },
    ]);
    const settings = Object.fromEntries(
      (await rows<{ key: string; value: string }>("SELECT key, value FROM settings")).map((row) => [
        row.key,
        row.value,
      ]),
    );
    expect(settings).toMatchObject({ title: JSON.stringify("Ada's <Notebook> & more"), timezone: '"Europe/Paris"' });
    // Never a setting of the server or one Quire does not know; no staff credentials.
    expect(settings).not.toHaveProperty("webhooksAllowPrivate");
    expect(settings).not.toHaveProperty("someFutureSecret");
    expect(await rows<{ password_hash: string }>("SELECT password_hash FROM users WHERE role != 'owner'")).toEqual([
      { password_hash: "!imported:no-password" },
      { password_hash: "!imported:no-password" },
    ]);

    // Importing the same export again creates nothing (the audit log says it ran).
    const before = await dump(["audit_log"]);
    const again = await importFile(json);
    expect(again.created).toEqual({});
    expect(await dump(["audit_log"])).toBe(before);
  });

  test("a zip brings its media files through the media pipeline and points the posts at them", async () => {
    await siteWithOwner();
    const report = await importFile(zip);
    expect(report.created["media file"]).toBe(1);
    const [media] = await rows<{ storage_key: string; mime_type: string }>("SELECT storage_key, mime_type FROM media");
    expect(media!.mime_type).toBe("image/png");
    expect(await rows("SELECT feature_image FROM posts WHERE slug = 'on-the-engine'")).toEqual([
      { feature_image: `/media/${media!.storage_key}` },
    ]);
  });

  test("a file re-indented by another tool is still read (whole)", async () => {
    await siteWithOwner();
    const report = await importFile(writeTemp("pretty.json", JSON.stringify(JSON.parse(text), null, 4)));
    expect(report.created).toMatchObject({ post: 5, page: 1, comment: 4 });
  });

  test("another version, a wrong shape or broken JSON is refused with a clear message and nothing changed", async () => {
    await siteWithOwner();
    const before = await dump();
    const v2 = writeTemp("v2.json", text.replace('"version": 1,', '"version": 2,'));
    await expect(importFile(v2)).rejects.toThrow(/version 2; this Quire reads version 1 only/);
    const wrong = writeTemp("wrong.json", text.replace('"status":"draft"', '"status":"sideways"'));
    await expect(importFile(wrong)).rejects.toThrow(/of “posts” in the Quire export: “status”/);
    const broken = writeTemp("broken.json", text.replace('"title":"A draft"', '"title":"A draft'));
    await expect(importFile(broken)).rejects.toThrow(/Line \d+ of the Quire export is not valid JSON/);
    expect(await dump()).toBe(before);
  });
});
