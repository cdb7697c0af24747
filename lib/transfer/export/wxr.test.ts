import fs from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, test } from "vitest";
import { tempDir } from "@/test/cli-run";
import { runExport } from "./run";
import { SECRETS, makeExportSite } from "./test-site";
import { WXR_NAMESPACES } from "./wxr";

type Node = { name: string; uri: string; attributes: Record<string, string>; children: Node[]; text: string };

/** Parses with a strict, namespace-aware parser: any well-formedness error throws. */
function parseXml(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const root: Node = { name: "#document", uri: "", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const node: Node = { name: tag.name, uri: tag.uri, attributes, children: [], text: "" };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => (stack.at(-1)!.text += text));
  parser.on("cdata", (text) => (stack.at(-1)!.text += text));
  parser.write(xml).close();
  return root;
}

const all = (node: Node, name: string) => node.children.filter((child) => child.name === name);
const one = (node: Node, name: string) => {
  const found = all(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
};
const text = (node: Node, name: string) => one(node, name).text.trim();

let xml: string;
let channel: Node;
let items: Node[];
const item = (slug: string) => items.find((i) => text(i, "wp:post_name") === slug)!;

beforeAll(async () => {
  const site = tempDir("quire-wxr-site-");
  const file = path.join(tempDir("quire-wxr-out-"), "site.xml");
  await makeExportSite(site, { comments: 2000 });
  await runExport({
    dataDir: site,
    file,
    format: "wxr",
    zip: false,
    revisions: false,
    siteUrl: "https://ada.example/",
    quireVersion: "9.9.9",
    pageSize: 3,
  });
  xml = fs.readFileSync(file, "utf8");
  const rss = one(parseXml(xml), "rss");
  channel = one(rss, "channel");
  items = all(channel, "item");
});

describe("the WXR export", () => {
  test("is well-formed WXR 1.2 with WordPress's namespaces", () => {
    expect(text(channel, "wp:wxr_version")).toBe("1.2");
    expect(text(channel, "wp:base_site_url")).toBe("https://ada.example");
    expect(text(channel, "title")).toBe("Ada's <Notebook> & more");
    for (const [prefix, uri] of Object.entries(WXR_NAMESPACES)) expect(xml).toContain(`xmlns:${prefix}="${uri}"`);
    expect(one(channel, "wp:wxr_version").uri).toBe(WXR_NAMESPACES.wp);
  });

  test("names the authors, tags and (for the tags that lead a post) categories", () => {
    expect(all(channel, "wp:author").map((a) => [text(a, "wp:author_login"), text(a, "wp:author_email")])).toEqual([
      ["ada", "ada@example.com"],
      ["bob", "bob@example.com"],
    ]);
    expect(all(channel, "wp:tag").map((t) => [text(t, "wp:tag_slug"), text(t, "wp:tag_name")])).toEqual([
      ["engines", "Engines"],
      ["yes", "yes"],
      ["notes", "Notes"],
    ]);
    expect(all(channel, "wp:category").map((c) => text(c, "wp:category_nicename"))).toEqual(["engines", "notes"]);
  });

  test("has an item per post, page and attachment, with WordPress's statuses", () => {
    expect(items.map((i) => [text(i, "wp:post_type"), text(i, "wp:status")])).toEqual([
      ["attachment", "inherit"],
      ["post", "publish"],
      ["post", "draft"],
      ["post", "future"],
      ["post", "pending"],
      ["post", "trash"],
      ["page", "publish"],
    ]);
    const attachment = items[0]!;
    expect(text(attachment, "wp:attachment_url")).toBe("https://ada.example/media/2026/11/aa11-w1600.png");
    // Attachments are numbered after the posts, in the same id space.
    expect(Number(text(attachment, "wp:post_id"))).toBeGreaterThan(6);
  });

  test("carries a post's content, dates, stickiness, terms and SEO fields, escaping ]]> in CDATA", () => {
    const engine = item("on-the-engine");
    expect(text(engine, "title")).toBe("On the Engine: ]]> & <tricks>");
    expect(text(engine, "content:encoded")).toBe(
      "<h1>Notes</h1>\n<p>The engine <em>weaves</em> patterns. ]]&gt; stays.</p>",
    );
    expect(text(engine, "excerpt:encoded")).toBe("Weaving algebraic patterns.");
    expect(text(engine, "link")).toBe("https://ada.example/on-the-engine");
    expect(one(engine, "guid").attributes.isPermaLink).toBe("false");
    expect(text(engine, "pubDate")).toBe("Thu, 15 Jan 2026 09:30:00 +0000");
    expect(text(engine, "wp:post_date_gmt")).toBe("2026-01-15 09:30:00");
    // The site's clock is Paris, one hour ahead in January.
    expect(text(engine, "wp:post_date")).toBe("2026-01-15 10:30:00");
    expect(text(engine, "dc:creator")).toBe("ada");
    expect(text(engine, "wp:is_sticky")).toBe("1");
    expect(all(engine, "category").map((c) => [c.attributes.domain, c.attributes.nicename, c.text])).toEqual([
      ["category", "notes", "Notes"],
      ["post_tag", "notes", "Notes"],
      ["post_tag", "engines", "Engines"],
      ["post_tag", "yes", "yes"],
    ]);
    const meta = Object.fromEntries(
      all(engine, "wp:postmeta").map((m) => [text(m, "wp:meta_key"), text(m, "wp:meta_value")]),
    );
    expect(meta).toMatchObject({
      _thumbnail_id: text(items[0]!, "wp:post_id"),
      _yoast_wpseo_title: "Engine SEO title",
    });
    expect(text(item("about"), "wp:comment_status")).toBe("closed");
  });

  test("nests each post's comments with their threading, approval, author and dates", () => {
    const comments = all(item("on-the-engine"), "wp:comment");
    expect(comments).toHaveLength(4 + 2000);
    const byId = new Map(comments.map((c) => [text(c, "wp:comment_id"), c]));
    const summary = (id: string) => {
      const c = byId.get(id)!;
      return [text(c, "wp:comment_parent"), text(c, "wp:comment_approved"), text(c, "wp:comment_author")];
    };
    expect(summary("1")).toEqual(["0", "1", "Charles"]);
    expect(summary("2")).toEqual(["1", "1", "Ada Lovelace"]);
    expect(summary("3")).toEqual(["2", "0", "Mary"]);
    expect(summary("4")).toEqual(["0", "spam", "Spammer"]);
    expect(text(byId.get("1")!, "wp:comment_author_email")).toBe("charles@example.com");
    expect(text(byId.get("1")!, "wp:comment_author_url")).toBe("https://babbage.example");
    expect(text(byId.get("1")!, "wp:comment_date_gmt")).toBe("2026-01-15 09:30:01");
    expect(text(byId.get("2")!, "wp:comment_user_id")).toBe("1");
    // Every parent is a comment of the same post.
    for (const c of comments) {
      const parent = text(c, "wp:comment_parent");
      if (parent !== "0") expect(byId.has(parent)).toBe(true);
    }
    expect(all(item("a-draft"), "wp:comment")).toEqual([]);
  });

  test("leaves out every secret", () => {
    for (const [name, secret] of Object.entries(SECRETS)) expect(xml, name).not.toContain(secret);
    expect(xml).not.toMatch(/password_hash|SECRET/);
  });
});
