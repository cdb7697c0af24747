import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { tempDir } from "@/test/cli-run";
import { QUIRE_EXPORT_FORMAT, QUIRE_EXPORT_VERSION } from "./quire-json";
import { runExport } from "./run";
import { readZip } from "./read-zip";
import { MEDIA_FILES, SECRETS, makeExportSite } from "./test-site";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXTRA_COMMENTS = 3000;
let site: string;
let out: string;
let text: string;
let doc: Json;

const exportTo = (name: string, options: { zip?: boolean; revisions?: boolean; pageSize?: number } = {}) =>
  runExport({
    dataDir: site,
    file: path.join(out, name),
    format: "quire",
    zip: options.zip ?? false,
    revisions: options.revisions ?? false,
    siteUrl: "https://ada.example",
    quireVersion: "9.9.9",
    pageSize: options.pageSize,
  });

beforeAll(async () => {
  site = tempDir("quire-export-site-");
  out = tempDir("quire-export-out-");
  await makeExportSite(site, { comments: EXTRA_COMMENTS });
  // A page size of 7 crosses hundreds of page boundaries on the way.
  await exportTo("site.json", { pageSize: 7 });
  text = fs.readFileSync(path.join(out, "site.json"), "utf8");
  doc = JSON.parse(text) as Json;
});

describe("the Quire export", () => {
  test("is one JSON document of the documented format and version", () => {
    expect(doc.format).toBe(QUIRE_EXPORT_FORMAT);
    expect(doc.version).toBe(QUIRE_EXPORT_VERSION);
    expect(new Date(doc.exported_at).toISOString()).toBe(doc.exported_at);
    expect(doc.generator).toEqual({ name: "Quire", version: "9.9.9" });
    const docs = fs.readFileSync(path.resolve(__dirname, "../../../docs/export-format.md"), "utf8");
    expect(docs).toContain(`"format": "${QUIRE_EXPORT_FORMAT}"`);
    expect(docs).toContain(`"version": ${QUIRE_EXPORT_VERSION}`);
  });

  test("holds the staff without credentials, the tags, the redirects and the media manifest", () => {
    expect(doc.staff).toEqual([
      expect.objectContaining({ name: "Ada Lovelace", email: "ada@example.com", slug: "ada", role: "owner" }),
      expect.objectContaining({ name: "Bob", email: "bob@example.com", slug: "bob", role: "author" }),
    ]);
    expect(Object.keys(doc.staff[0]).sort()).toEqual(
      ["avatar_url", "bio", "created_at", "email", "id", "name", "role", "slug", "status"].sort(),
    );
    expect(doc.tags.map((t: Json) => t.slug)).toEqual(["engines", "yes", "notes"]);
    expect(doc.redirects.map((r: Json) => [r.from_path, r.to_path])).toEqual([
      ["/2019/05/old-engine/", "/on-the-engine"],
      ["/?p=17", "/on-the-engine"],
    ]);
    expect(doc.media).toEqual([
      expect.objectContaining({
        storage_key: "2026/11/aa11-w1600.png",
        original_name: "loom.png",
        mime_type: "image/png",
        width: 1600,
        height: 900,
        alt: "A Jacquard loom",
        uploaded_by: "ada",
        variants: [
          { width: 640, storage_key: "2026/11/aa11-640.webp", path: "/media/2026/11/aa11-640.webp", size: 18 },
        ],
      }),
    ]);
  });

  test("holds every post and page with its content, dates in UTC, SEO fields and tags in order", () => {
    expect(doc.posts.map((p: Json) => [p.slug, p.status, p.trashed])).toEqual([
      ["on-the-engine", "published", false],
      ["a-draft", "draft", false],
      ["tomorrow", "scheduled", false],
      ["waiting", "review", false],
      ["binned", "published", true],
    ]);
    const [engine] = doc.posts;
    expect(engine).toMatchObject({
      title: "On the Engine: ]]> & <tricks>",
      markdown: "# Notes\n\nThe engine *weaves* patterns. ]]> stays.\n",
      published_at: "2026-01-15T09:30:00.000Z",
      author: { slug: "ada", email: "ada@example.com" },
      featured: true,
      comments_open: true,
      custom_excerpt: "Weaving algebraic patterns.",
      feature_image: "/media/2026/11/aa11-w1600.png",
      tags: ["notes", "engines", "yes"],
      seo: { meta_title: "Engine SEO title", meta_description: "Engine SEO description" },
    });
    expect(engine.html).toContain("<em>weaves</em>");
    expect(doc.pages).toEqual([expect.objectContaining({ slug: "about", type: "page", comments_open: false })]);
  });

  test("holds every comment with its thread, status and author, the e-mail marked as personal data", () => {
    expect(doc.comments).toHaveLength(4 + EXTRA_COMMENTS);
    expect(doc.counts.comments).toBe(4 + EXTRA_COMMENTS);
    const ids = doc.comments.map((c: Json) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.comments.slice(0, 3)).toEqual([
      expect.objectContaining({ id: 1, parent_id: null, status: "approved" }),
      expect.objectContaining({ id: 2, parent_id: 1, status: "approved" }),
      expect.objectContaining({ id: 3, parent_id: 2, status: "pending" }),
    ]);
    expect(doc.comments[0].author).toEqual({
      name: "Charles",
      website: "https://babbage.example",
      staff: null,
      personal_data: { email: "charles@example.com", notify_replies: false },
    });
    expect(doc.comments[1].author.staff).toBe("ada");
    expect(doc.personal_data.fields).toContain("comments[].author.personal_data");
    expect(doc.settings.personal_data).toEqual({ banned_emails: ["troll@example.com"] });
  });

  test("leaves out every password hash, key, token, session value and secret", () => {
    for (const [name, secret] of Object.entries(SECRETS)) expect(text, name).not.toContain(secret);
    expect(text).not.toContain("SECRET");
    expect(text).not.toMatch(/password|secret|token|ip_hash|user_agent|session/i);
    expect(doc.settings).not.toHaveProperty("webhooksAllowPrivate");
    expect(doc.settings).not.toHaveProperty("someFutureSecret");
    expect(doc.settings).toMatchObject({ title: "Ada's <Notebook> & more", timezone: "Europe/Paris" });
  });

  test("adds revisions only when asked", async () => {
    expect(doc).not.toHaveProperty("revisions");
    expect(doc.includes).toEqual({ revisions: false });
    await exportTo("with-revisions.json", { revisions: true });
    const withRevisions = JSON.parse(fs.readFileSync(path.join(out, "with-revisions.json"), "utf8")) as Json;
    expect(withRevisions.revisions).toEqual([
      expect.objectContaining({ post_id: 1, title: "Old title", markdown: "Old body", author: expect.any(Object) }),
    ]);
  });

  test("as a zip, carries the document and the media files at their storage keys", async () => {
    const summary = await exportTo("site.zip", { zip: true });
    expect(summary.missingMedia).toEqual([]);
    const entries = await readZip(path.join(out, "site.zip"));
    expect([...entries.keys()].sort()).toEqual(
      ["quire-export.json", ...Object.keys(MEDIA_FILES).map((key) => `media/${key}`)].sort(),
    );
    for (const [key, content] of Object.entries(MEDIA_FILES))
      expect(entries.get(`media/${key}`)!.toString()).toBe(content);
    const zipped = JSON.parse(entries.get("quire-export.json")!.toString("utf8")) as Json;
    expect(zipped.comments).toHaveLength(4 + EXTRA_COMMENTS);
  });

  test("never overwrites a file, and leaves no partial file behind when it fails", async () => {
    await expect(exportTo("site.json")).rejects.toThrow();
    expect(fs.readFileSync(path.join(out, "site.json"), "utf8")).toBe(text);
    expect(fs.readdirSync(out).filter((name) => name.includes(".partial-"))).toEqual([]);
  });
});
