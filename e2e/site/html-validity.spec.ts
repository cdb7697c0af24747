import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../fixtures/test";
import { authorSlugOf, createPost, createTag } from "../fixtures/content";
import { insert, ownerId, run } from "../fixtures/db";
import { unique } from "../fixtures/site";

// The Nu HTML checker (the W3C validator, from the vnu-jar package) on every kind of reader
// page, as the server sends it: 0 errors. Warnings are printed, not failed on.

const VNU_JAR = String(createRequire(__filename)("vnu-jar"));

type Message = { type: string; subType?: string; url?: string; message: string; lastLine?: number; extract?: string };

function javaOrExplain() {
  try {
    execFileSync("java", ["-version"], { stdio: "ignore" });
  } catch {
    throw new Error(
      "The HTML validity test runs the Nu checker, which needs Java: apt-get install -y default-jre-headless",
    );
  }
}

/** Checks the files in one run of the checker (the JVM starts once) and returns its messages. */
function nuCheck(files: string[]): Message[] {
  const out = execFileSync("java", ["-jar", VNU_JAR, "--format", "json", "--stdout", "--exit-zero-always", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { messages: Message[] }).messages;
}

async function readerPages() {
  const id = unique();
  const tag = await createTag({ name: `Valid ${id}`, description: "Pages the checker likes." });
  const post = await createPost({
    title: `Checked post ${id}`,
    tags: [tag.slug],
    markdown: `Words with **bold** and [a link](https://example.com).\n\n\`\`\`ts\nconst x: number = 1;\n\`\`\`\n\n> A quote.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n- a list\n\n![A tide table](/media/none.png)`,
  });
  const comment = await insert(
    "INSERT INTO comments (post_id, status, author_name, author_email, author_url, markdown, html) VALUES (?, 'approved', 'Grace', 'grace@example.com', 'https://example.com', 'x', '<p>First <em>thoughts</em>.</p>')",
    post.id,
  );
  await run(
    "INSERT INTO comments (post_id, parent_id, status, author_name, author_email, markdown, html) VALUES (?, ?, 'approved', 'Ada', 'ada2@example.com', 'x', '<p>A reply.</p>')",
    post.id,
    comment,
  );
  const page = await createPost({ title: `Checked page ${id}`, type: "page", markdown: "A page of its own." });
  return [
    "/",
    `/${post.slug}`,
    `/${page.slug}`,
    `/tag/${tag.slug}`,
    `/author/${await authorSlugOf(await ownerId())}`,
    "/archive",
    `/search?q=checked%20${id}`,
    `/no-such-page-${id}`,
  ];
}

test("the Nu HTML checker finds no error on home, post with comments, page, tag, author, archive, search and 404", async ({
  request,
}) => {
  test.setTimeout(90_000);
  javaOrExplain();
  const paths = await readerPages();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-vnu-"));
  try {
    const fileFor = new Map<string, string>();
    for (const [i, pagePath] of paths.entries()) {
      const response = await request.get(pagePath);
      expect(response.status(), pagePath).toBe(pagePath.startsWith("/no-such-page") ? 404 : 200);
      const file = path.join(dir, `page-${i}.html`);
      fs.writeFileSync(file, await response.text());
      fileFor.set(`file:${file}`, pagePath);
    }
    const messages = nuCheck([...fileFor.keys()].map((url) => url.slice("file:".length)));
    const describe = (m: Message) =>
      `${fileFor.get(m.url ?? "") ?? m.url}:${m.lastLine ?? "?"} ${m.message}${m.extract ? ` «${m.extract.trim()}»` : ""}`;
    // Warnings, one line per kind (React's `<meta/>` alone gives dozens of "trailing slash" notes a page).
    const warnings = new Map<string, string[]>();
    for (const m of messages.filter((m) => m.type === "info"))
      warnings.set(m.message, [...(warnings.get(m.message) ?? []), fileFor.get(m.url ?? "") ?? "?"]);
    for (const [message, where] of warnings)
      console.log(`Nu checker warning ×${where.length} (${[...new Set(where)].join(", ")}): ${message}`);
    expect(messages.filter((m) => m.type !== "info").map(describe)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
