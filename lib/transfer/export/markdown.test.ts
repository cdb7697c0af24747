import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { tempDir } from "@/test/cli-run";
import { runExport, type ExportSummary } from "./run";
import { readZip } from "./read-zip";
import { MEDIA_FILES, makeExportSite } from "./test-site";

let entries: Map<string, Buffer>;
let summary: ExportSummary;

/** Splits a file into its front matter (parsed as YAML 1.1, as Jekyll does) and body. */
function read(name: string) {
  const content = entries.get(name)?.toString("utf8");
  if (content === undefined) throw new Error(`${name} is not in the zip`);
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(content);
  if (!match) throw new Error(`${name} has no front matter:\n${content}`);
  return { data: parse(match[1]!, { version: "1.1" }) as Record<string, unknown>, body: match[2]! };
}

beforeAll(async () => {
  const site = tempDir("quire-md-site-");
  const file = path.join(tempDir("quire-md-out-"), "site.zip");
  await makeExportSite(site);
  summary = await runExport({
    dataDir: site,
    file,
    format: "markdown",
    zip: true,
    revisions: false,
    siteUrl: "https://ada.example",
    quireVersion: "9.9.9",
    pageSize: 2,
  });
  entries = await readZip(file);
});

describe("the Markdown export", () => {
  test("has one file per post and page (trash left out), the media beside them, and a README", () => {
    expect([...entries.keys()].sort()).toEqual(
      [
        "README.md",
        "content/pages/about.md",
        "content/posts/a-draft.md",
        "content/posts/on-the-engine.md",
        "content/posts/tomorrow.md",
        "content/posts/waiting.md",
        ...Object.keys(MEDIA_FILES).map((key) => `static/media/${key}`),
      ].sort(),
    );
    expect(summary.markdownFiles).toBe(5);
  });

  test("writes front matter Hugo and Jekyll read: title, UTC date, draft, slug, tags, description, aliases", () => {
    const { data, body } = read("content/posts/on-the-engine.md");
    expect(data).toEqual({
      title: "On the Engine: ]]> & <tricks>",
      date: "2026-01-15T09:30:00Z",
      lastmod: "2026-01-16T09:30:00Z",
      draft: false,
      slug: "on-the-engine",
      author: "Ada Lovelace",
      // "yes" would be a boolean in YAML 1.1 if it were not quoted.
      tags: ["Notes", "Engines", "yes"],
      description: "Engine SEO description",
      summary: "Weaving algebraic patterns.",
      featured: true,
      image: "/media/2026/11/aa11-w1600.png",
      aliases: ["/2019/05/old-engine/", "/?p=17"],
      redirect_from: ["/2019/05/old-engine/", "/?p=17"],
    });
    expect(body).toBe("# Notes\n\nThe engine *weaves* patterns. ]]> stays.\n");
  });

  test("marks drafts and posts waiting for review as drafts, and keeps a scheduled post's future date", () => {
    expect(read("content/posts/a-draft.md").data).toMatchObject({ draft: true, author: "Bob", tags: ["Engines"] });
    expect(read("content/posts/waiting.md").data.draft).toBe(true);
    expect(read("content/posts/tomorrow.md").data).toMatchObject({ draft: false, date: "2026-02-14T09:30:00Z" });
    expect(read("content/pages/about.md").data).toMatchObject({ title: "About", comments: false });
  });

  test("front matter also reads as YAML 1.2 (Hugo) with the same values", () => {
    const content = entries.get("content/posts/on-the-engine.md")!.toString("utf8");
    const yaml = content.split("\n---\n")[0]!.replace(/^---\n/, "");
    expect(parse(yaml)).toEqual(read("content/posts/on-the-engine.md").data);
  });
});
