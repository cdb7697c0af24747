// Markdown folders and zips with YAML front matter, and zips that try to escape or explode.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import yazl from "yazl";
import { ZIP_LIMITS } from "./markdown-files";
import { dump, rows, siteWithOwner, tempDir, writeTemp } from "./test-support";
import { importFile } from "./write";

const HELLO = `---
title: "Hello, world"
date: 2019-05-01T10:00:00Z
tags: [news, "Big Things"]
categories: news
description: A first post.
author: Grace
aliases:
  - /2019/05/hello/
---
Hello **world**, with [a link](https://example.com).
`;

function folder(files: Record<string, string>): string {
  const root = tempDir();
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function zip(entries: { name: string; data: Buffer | string; mode?: number; compress?: boolean }[]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const entry of entries)
    archive.addBuffer(Buffer.from(entry.data), entry.name, { mode: entry.mode, compress: entry.compress ?? true });
  archive.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** yazl refuses unsafe names, so a safe one of the same length is written, then swapped. */
function rename(buffer: Buffer, from: string, to: string): Buffer {
  expect(from.length).toBe(to.length);
  return Buffer.from(buffer.toString("latin1").replaceAll(from, to), "latin1");
}

describe("Markdown folders", () => {
  test("front matter maps to posts, pages, drafts, tags, authors and redirects", async () => {
    const root = folder({
      "content/posts/hello-world.md": HELLO,
      "content/posts/2020-01-02-draft-one.md": "---\ntitle: Draft one\ndraft: true\n---\nNot yet.\n",
      "content/about/index.md": "---\ntitle: About\nlayout: page\n---\nAbout us.\n",
      "content/notes/no-front-matter.md": "Just text.\n",
      "content/broken.md": "---\ntitle: [unclosed\n---\nBody\n",
    });
    await siteWithOwner();
    const report = await importFile(root);
    expect(report.format).toBe("markdown");
    expect(report.parsed).toEqual({ post: 3, page: 1, tag: 2, author: 1 });
    expect(report.skipped.items).toEqual([
      expect.objectContaining({ sourceId: "content/broken.md", reason: expect.stringMatching(/YAML front matter/) }),
    ]);
    const posts = await rows<{
      type: string;
      slug: string;
      status: string;
      custom_excerpt: string | null;
      title: string;
    }>("SELECT type, slug, status, custom_excerpt, title FROM posts ORDER BY slug");
    expect(posts).toEqual([
      { type: "page", slug: "about", status: "published", custom_excerpt: null, title: "About" },
      { type: "post", slug: "draft-one", status: "draft", custom_excerpt: null, title: "Draft one" },
      {
        type: "post",
        slug: "hello-world",
        status: "published",
        custom_excerpt: "A first post.",
        title: "Hello, world",
      },
      { type: "post", slug: "no-front-matter", status: "published", custom_excerpt: null, title: "no front matter" },
    ]);
    const redirects = await rows<{ from_path: string; to_path: string }>("SELECT from_path, to_path FROM redirects");
    expect(redirects).toContainEqual({ from_path: "/2019/05/hello", to_path: "/hello-world" });
    expect(redirects).toContainEqual({ from_path: "/posts/hello-world", to_path: "/hello-world" });
    expect(await rows("SELECT name FROM tags ORDER BY name")).toEqual([{ name: "Big Things" }, { name: "news" }]);
    expect(await rows("SELECT name, role FROM users WHERE role != 'owner'")).toEqual([
      { name: "Grace", role: "author" },
    ]);
    expect(report.words.postsBelow99).toBe(0);

    const again = await importFile(root);
    expect(again.created).toEqual({});
    expect(again.alreadyImported).toMatchObject({ post: 3, page: 1 });
  });

  test("a symbolic link in a folder is not followed, and reported", async () => {
    const root = folder({ "posts/a.md": "---\ntitle: A\n---\nA.\n" });
    fs.symlinkSync("/etc/passwd", path.join(root, "posts", "passwd.md"));
    await siteWithOwner();
    const report = await importFile(root);
    expect(report.parsed).toEqual({ post: 1 });
    expect(report.skipped.items).toEqual([expect.objectContaining({ reason: "a symbolic link: not followed" })]);
  });
});

describe("Markdown zips", () => {
  const limits = { ...ZIP_LIMITS };
  afterEach(() => Object.assign(ZIP_LIMITS, limits));

  async function refusedZip(buffer: Buffer, message: RegExp) {
    await siteWithOwner();
    const before = await dump();
    await expect(importFile(writeTemp("site.zip", buffer))).rejects.toThrow(message);
    expect(await dump()).toBe(before);
  }

  test("a zip of Markdown files imports like a folder", async () => {
    const buffer = await zip([{ name: "posts/hello-world.md", data: HELLO }]);
    await siteWithOwner();
    const report = await importFile(writeTemp("site.zip", buffer));
    expect(report.created).toMatchObject({ post: 1, tag: 2 });
  });

  test("paths with ../, absolute paths and symbolic links are refused", async () => {
    const safe = await zip([{ name: "aa/evil.md", data: "x" }]);
    await refusedZip(rename(safe, "aa/evil.md", "../evil.md"), /outside its own folder \(“\.\.\/evil\.md”\)/);
    await refusedZip(rename(safe, "aa/evil.md", "/tmp/ev.md"), /outside its own folder/);
    const link = await zip([{ name: "link.md", data: "/etc/passwd", mode: 0o120777 }]);
    await refusedZip(link, /symbolic link \(“link\.md”\)/);
  });

  test("zip bombs: compression ratio, total size and entry count are bounded", async () => {
    await refusedZip(
      await zip([{ name: "bomb.md", data: Buffer.alloc(20 * 1024 * 1024) }]),
      /compressed more than 200 to 1/,
    );
    ZIP_LIMITS.totalBytes = 1024;
    await refusedZip(
      await zip([{ name: "a.md", data: "a".repeat(2000), compress: false }]),
      /more than 0\.0009765625 MB|unpack to more than/,
    );
    Object.assign(ZIP_LIMITS, limits);
    ZIP_LIMITS.entries = 3;
    const many = await zip([1, 2, 3, 4].map((n) => ({ name: `p${n}.md`, data: `# ${n}` })));
    await refusedZip(many, /more than 3 entries/);
  }, 60_000);

  test("a file that is not UTF-8 is refused by name", async () => {
    await refusedZip(
      await zip([{ name: "latin1.md", data: Buffer.from([0x63, 0x61, 0x66, 0xe9]) }]),
      /latin1\.md is not valid UTF-8/,
    );
  });
});

describe("a Quire Markdown zip read back (laid out as a Hugo site)", () => {
  test("content/pages/ holds pages, the README is no post, lastmod and the text come back as written", async () => {
    await siteWithOwner();
    const report = await importFile(
      folder({
        "README.md": "# Quire\n\nExported from Quire.\n",
        "content/pages/about.md": '---\ntitle: About\ndate: "2019-05-01T10:00:00Z"\n---\n\nAbout *me*.\n',
        "content/posts/hello.md":
          '---\ntitle: Hello\ndate: "2019-05-01T10:00:00Z"\nlastmod: "2019-06-02T08:00:00Z"\n---\n\nHello.\n',
      }),
    );
    expect(report.skipped.items).toEqual([
      { what: "file README.md", sourceId: "README.md", reason: "a README: not a post or page" },
    ]);
    const posts = await rows<{ type: string; slug: string; markdown: string; updated_at: number }>(
      "SELECT type, slug, markdown, updated_at FROM posts ORDER BY slug",
    );
    expect(posts.map((post) => [post.type, post.slug, post.markdown])).toEqual([
      ["page", "about", "About *me*.\n"],
      ["post", "hello", "Hello.\n"],
    ]);
    expect(new Date(posts[1]!.updated_at).toISOString()).toBe("2019-06-02T08:00:00.000Z");
  });
});
