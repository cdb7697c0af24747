// Broken and hostile input: each is refused with a message a person can act on and
// leaves the site's database exactly as it was, or is imported safely and reported.
import { describe, expect, test } from "vitest";
import { posts } from "@/db/schema";
import { write } from "@/db/transaction";
import { MAX_TEXT_BYTES } from "./xml-stream";
import { dump, rows, siteWithOwner, writeTemp, wxr, wxrComment, wxrItem } from "./test-support";
import { importFile } from "./write";

async function refused(file: string, message: RegExp, format?: "wordpress" | "ghost" | "blogger") {
  await siteWithOwner();
  const before = await dump();
  await expect(importFile(file, { format })).rejects.toThrow(message);
  expect(await dump()).toBe(before);
}

describe("refused input leaves the database unchanged", () => {
  test("malformed XML: the message gives line and column", async () => {
    const file = writeTemp("broken.xml", wxr("<item><title>Unclosed</item>"));
    await refused(file, /The XML is malformed at line 9, column 28: unexpected close tag/);
  });

  test("a DOCTYPE with entities (billion laughs, external entity) is refused without expanding anything", async () => {
    const laughs = [`<!ENTITY lol "lol">`];
    for (let i = 1; i <= 9; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [${laughs.join("")}]>\n<rss><channel><title>&lol9;</title></channel></rss>`;
    const started = Date.now();
    await refused(writeTemp("laughs.xml", bomb), /declares a DOCTYPE .*no entity is expanded or fetched/, "wordpress");
    expect(Date.now() - started).toBeLessThan(5_000);
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>`;
    await refused(writeTemp("xxe.xml", external), /declares a DOCTYPE/, "wordpress");
  });

  test("bytes that are not UTF-8", async () => {
    const [head, tail] = wxr(wxrItem({ title: "MARK" })).split("MARK") as [string, string];
    const file = writeTemp(
      "latin1.xml",
      Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from(tail)]),
    );
    await refused(file, /not valid UTF-8/);
    await refused(writeTemp("latin1.json", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])), /not valid UTF-8/, "ghost");
  });

  test("a text node past the limit (a 1 GB body, scaled down) is refused", async () => {
    const big = "a".repeat(MAX_TEXT_BYTES + 1024 * 1024);
    await refused(writeTemp("huge.xml", wxr(wxrItem({ "content:encoded": big }))), /larger than 16 MB/);
  }, 60_000);

  test("malformed JSON: the message gives line and column", async () => {
    const file = writeTemp("broken.json", '{\n  "db": [\n    { "meta": {}, "data": { "posts": [ } }\n  ]\n}');
    await refused(file, /The JSON is malformed at line 3, column \d+/);
  });

  test("JSON of the wrong shape names the field", async () => {
    await refused(
      writeTemp("shape.json", JSON.stringify({ db: [{ data: { posts: [{ title: 5 }] } }] })),
      /db\.0\.data\.posts\.0\.(id|title|slug)/,
    );
    await refused(writeTemp("shape2.json", JSON.stringify({ posts: [] })), /not a Ghost export we can read: db/);
    await refused(writeTemp("shape3.json", "[]"), /not a Ghost export/, "ghost");
  });

  test("an import that fails midway (any kind of item) leaves the dump identical", async () => {
    const file = writeTemp(
      "midway.xml",
      wxr(
        [1, 2, 3]
          .map((id) => wxrItem({ "wp:post_id": String(id), "wp:post_name": `p${id}` }, wxrComment(id * 10, 0)))
          .join("\n"),
      ),
    );
    for (const failAt of ["author", "post", "comment"]) {
      await siteWithOwner();
      await write(async (db) => {
        await db.insert(posts).values({ title: "Staff post", slug: "p1", authorId: 1 });
      });
      const before = await dump();
      const beforeWrite = (kind: string) => {
        if (kind === failAt) throw new Error(`simulated failure at ${kind}`);
      };
      await expect(importFile(file, { beforeWrite })).rejects.toThrow(/simulated failure/);
      expect(await dump()).toBe(before);
    }
  });
});

async function imported(body: string): Promise<{ report: Awaited<ReturnType<typeof importFile>> }> {
  await siteWithOwner();
  return { report: await importFile(writeTemp("input.xml", wxr(body))) };
}

describe("odd input imported safely, and reported", () => {
  test("cycles in comment parents and page parents end, top-level and flattened", async () => {
    const comments = wxrComment(1, 2) + wxrComment(2, 1) + wxrComment(3, 1) + wxrComment(4, 99);
    const pages =
      wxrItem({ "wp:post_id": "10", "wp:post_type": "page", "wp:post_parent": "11", "wp:post_name": "a" }) +
      wxrItem({ "wp:post_id": "11", "wp:post_type": "page", "wp:post_parent": "10", "wp:post_name": "b" });
    const { report } = await imported(wxrItem({}, comments) + pages);
    const parents = await rows<{ author_name: string; parent: string | null }>(
      "SELECT c.author_name, p.author_name AS parent FROM comments c LEFT JOIN comments p ON p.id = c.parent_id ORDER BY c.id",
    );
    expect(parents).toEqual([
      { author_name: "Reader 1", parent: null },
      { author_name: "Reader 2", parent: null },
      { author_name: "Reader 3", parent: "Reader 1" },
      { author_name: "Reader 4", parent: null },
    ]);
    expect(report.warnings.join("\n")).toMatch(/2 comment\(s\) are in a loop of replies/);
    expect(report.warnings.join("\n")).toMatch(/1 comment\(s\) answer a comment that is not in the file/);
    expect(await rows("SELECT slug FROM posts WHERE type = 'page' ORDER BY slug")).toEqual([
      { slug: "a" },
      { slug: "b" },
    ]);
  });

  test("a duplicate id is imported once and the second is reported", async () => {
    const { report } = await imported(wxrItem({ title: "First" }) + wxrItem({ title: "Second" }));
    expect(await rows("SELECT title FROM posts")).toEqual([{ title: "First" }]);
    expect(report.skipped.items).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^duplicate id/) as unknown as string }),
    ]);
  });

  test("dates out of range, zero dates and garbage never reach the database as such", async () => {
    const { report } = await imported(
      wxrItem({ "wp:post_id": "1", "wp:post_name": "far", "wp:post_date_gmt": "275760-01-01 00:00:00" }) +
        wxrItem({
          "wp:post_id": "2",
          "wp:post_name": "zero",
          "wp:post_date_gmt": "0000-00-00 00:00:00",
          "wp:post_date": "0000-00-00 00:00:00",
        }) +
        wxrItem(
          { "wp:post_id": "3", "wp:post_name": "old", "wp:post_date_gmt": "1000-01-01 00:00:00" },
          wxrComment(5, 0, { "wp:comment_date_gmt": "99999-01-01 00:00:00" }),
        ),
    );
    const dates = await rows<{ published_at: number }>("SELECT published_at FROM posts");
    for (const { published_at } of dates) expect(new Date(published_at).getUTCFullYear()).toBeGreaterThanOrEqual(1970);
    expect(report.notes.filter((n) => /no usable date/.test(n.note))).toHaveLength(3);
    const comment = (await rows<{ created_at: number }>("SELECT created_at FROM comments"))[0]!;
    expect(new Date(comment.created_at).getUTCFullYear()).toBeLessThan(2201);
  });

  test("XSS payloads in every text field are stored sanitised", async () => {
    const xss = `<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>`;
    const body =
      `<category domain="category" nicename="evil"><![CDATA[${xss}Evil]]></category>` +
      wxrComment(1, 0, {
        "wp:comment_author": `${xss}Mallory`,
        "wp:comment_author_url": "javascript:alert(4)",
        "wp:comment_content": `${xss}<a href="javascript:alert(5)">click</a>`,
      });
    await imported(
      wxrItem(
        {
          title: `${xss}Title`,
          "content:encoded": `${xss}<a href="javascript:alert(6)">x</a><iframe src="javascript:alert(7)"></iframe><p onclick="alert(8)">Body</p>`,
          "excerpt:encoded": `${xss}Excerpt`,
        },
        body,
      ),
    );
    const stored = JSON.stringify([
      await rows("SELECT title, markdown, html, custom_excerpt FROM posts"),
      await rows("SELECT author_name, author_url, markdown, html FROM comments"),
      await rows("SELECT name, description FROM tags"),
    ]);
    for (const bad of ["<script", "onerror", "onload", "onclick", "javascript:", "<svg", "<iframe"])
      expect(stored).not.toContain(bad);
    expect(await rows("SELECT title, custom_excerpt FROM posts")).toEqual([
      { title: "Title", custom_excerpt: "Excerpt" },
    ]);
    expect(await rows("SELECT author_name, author_url FROM comments")).toEqual([
      { author_name: "Mallory", author_url: null },
    ]);
  });
});
