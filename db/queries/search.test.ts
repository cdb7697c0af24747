import { beforeEach, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { renderPostMarkdown } from "@/lib/markdown/render";
import { searchPublishedTerms } from "@/lib/site/search";
import { parseSearchInput } from "@/lib/site/search-query";
import { MATCH_END, MATCH_START } from "./search";
import { insertPost } from "./posts";
import { insertUser } from "./users";

let authorId: number;

async function post(
  title: string,
  markdown: string,
  extra: { status?: "draft" | "scheduled" | "published"; publishedAt?: Date | null } = {},
) {
  const rendered = await renderPostMarkdown(markdown);
  const db = migratedDb();
  return insertPost(db, {
    title,
    slug: title.toLowerCase().replace(/\W+/g, "-"),
    markdown,
    ...rendered,
    authorId,
    status: extra.status ?? "published",
    publishedAt: extra.publishedAt === undefined ? new Date(Date.now() - 1000) : extra.publishedAt,
  });
}

// The search of the database the tests run on: FTS5 on SQLite, the tsquery search on PostgreSQL.
const search = (input: string) => searchPublishedTerms(parseSearchInput(input), "all", 10);

beforeEach(async () => {
  const db = migratedDb();
  authorId = (
    await insertUser(db, {
      email: `a${Math.random()}@example.com`,
      name: "Ada",
      role: "owner",
      passwordHash: "x",
      slugBase: "ada",
    })
  ).id;
});

describe("reader search", () => {
  it("ranks title matches first and marks the matched words in the snippet", async () => {
    await post("Gardening notes", "Tomatoes need sun. A word on caching too.");
    await post("Caching in depth", "How we cache pages.");
    const results = await search("caching");
    expect(results.map((r) => r.title)).toEqual(["Caching in depth", "Gardening notes"]);
    expect(results[1]!.snippet).toContain(`${MATCH_START}caching${MATCH_END}`);
  });

  it("never finds drafts, scheduled posts or future-dated ones", async () => {
    await post("Hidden draft zebra", "zebra", { status: "draft", publishedAt: null });
    await post("Hidden scheduled zebra", "zebra", {
      status: "scheduled",
      publishedAt: new Date(Date.now() + 86_400_000),
    });
    await post("Future zebra", "zebra", { publishedAt: new Date(Date.now() + 86_400_000) });
    expect(await search("zebra")).toEqual([]);
  });

  it("keeps quoted phrases together", async () => {
    await post("Phrases", "the quick brown fox jumps");
    await post("Scrambled", "brown the quick fox");
    expect((await search('"quick brown"')).map((r) => r.title)).toEqual(["Phrases"]);
  });

  it("porter stemming: 'scaling' finds 'scale' and 'scaled' but not 'scalability'", async () => {
    await post("Scale", "we scaled the system to scale further");
    await post("Scalability", "a note on scalability");
    expect((await search("scaling")).map((r) => r.title)).toEqual(["Scale"]);
    // A prefix query reaches it: porter reduces "scalability" to "scalabl".
    expect((await search("scal*")).map((r) => r.title).sort()).toEqual(["Scalability", "Scale"]);
  });
});

describe("hostile search input", () => {
  it("turns FTS5 and tsquery syntax and 10 KB strings into a harmless query", async () => {
    await post("Operators", "near and or not star");
    for (const input of [
      '"',
      '""""',
      "*",
      "NEAR(a b)",
      "a OR b NOT",
      "title:foo",
      "^a",
      "(((",
      "-",
      '"'.repeat(10_000),
      "word ".repeat(2_000),
      "\u0000",
      "😀",
      "a:* & <->",
      "!word | x",
      "it's",
    ]) {
      const terms = parseSearchInput(input);
      expect(terms.length, input.slice(0, 20)).toBeLessThanOrEqual(12);
      if (terms.length > 0) await expect(searchPublishedTerms(terms, "all", 5)).resolves.toBeInstanceOf(Array);
    }
    // Operator words are searched for as words.
    expect((await search("NEAR")).map((r) => r.title)).toEqual(["Operators"]);
  });
});
