// Reader search on PostgreSQL against the local server, in a database of its own: the same
// contract as the SQLite search (db/queries/search.test.ts). Skipped, saying so, when no
// server answers.
import { beforeAll, describe, expect, it } from "vitest";
import { parseSearchInput, toTsQuery } from "../../../lib/site/search-query";
import { POSTGRES_MISSING, postgresAnswers, usePgSite } from "../../../test/postgres";
import { MATCH_END, MATCH_START } from "../../queries/search";
import { searchPublishedPg } from "./search";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("reader search on PostgreSQL", () => {
  const site = usePgSite({ prefix: "quire_search" });

  const search = async (input: string, mode: "all" | "any" = "all") => {
    const tsquery = toTsQuery(parseSearchInput(input), mode);
    return tsquery ? searchPublishedPg(site.db, { tsquery, limit: 20 }) : [];
  };
  const titles = async (input: string, mode: "all" | "any" = "all") =>
    (await search(input, mode)).map((hit) => hit.title);

  beforeAll(async () => {
    const client = await site.db.$client.connect();
    try {
      const author = await client.query<{ id: number }>(
        `INSERT INTO users (email, name, slug, role, password_hash)
         VALUES ('ada@example.com', 'Ada', 'ada', 'owner', 'x') RETURNING id`,
      );
      const add = (
        title: string,
        plaintext: string,
        { status = "published", excerpt = null as string | null, when = "now() - interval '1 day'" } = {},
      ) =>
        client.query(
          `INSERT INTO posts (title, slug, custom_excerpt, plaintext, author_id, status, published_at)
           VALUES ($1, $2, $3, $4, $5, $6, ${when})`,
          [title, title.toLowerCase().replace(/\W+/g, "-"), excerpt, plaintext, author.rows[0]!.id, status],
        );
      // The body-only match names the word twice and comes first: the title match must still win.
      await add(
        "Harbour notes",
        "We walked past the lighthouse at dusk; the lighthouse was dark and the sea was calm.",
      );
      await add("Keeping lighthouses", "Oil, wicks and weather.", { excerpt: "A season with the keepers." });
      await add("Lighthouse guide", "Every light on the coast, from the static site of the old keepers.");
      await add("Scaling a static site", "Static site generators scale; scalability is about caches.");
      await add("Draft lighthouse", "Not yet.", { status: "draft" });
      await add("Future lighthouse", "Scheduled.", { status: "scheduled", when: "now() + interval '1 day'" });
    } finally {
      client.release();
    }
  });

  it("ranks title matches first, stems words, and shows only what readers may see", async () => {
    expect(await titles("lighthouse")).toEqual(["Lighthouse guide", "Keeping lighthouses", "Harbour notes"]);
    expect(await titles("submarine")).toEqual([]);
  });

  it("keeps phrases together and reads word* as a prefix", async () => {
    expect(await titles('"static site"')).toEqual(["Scaling a static site", "Lighthouse guide"]);
    expect(await titles('"generators static"')).toEqual([]);
    expect(await titles("scal*")).toEqual(["Scaling a static site"]);
  });

  it("needs every word by default and any word when relaxed", async () => {
    expect(await titles("lighthouse weather")).toEqual(["Keeping lighthouses"]);
    expect(await titles("weather caches", "any")).toEqual(
      expect.arrayContaining(["Keeping lighthouses", "Scaling a static site"]),
    );
    expect(await titles("weather caches")).toEqual([]);
  });

  it("marks the matched words in the snippet with the page's private-use markers", async () => {
    const [hit] = await search("dusk");
    expect(hit?.title).toBe("Harbour notes");
    expect(hit?.snippet).toContain(`${MATCH_START}dusk${MATCH_END}`);
    expect(hit?.publishedAt).toBeInstanceOf(Date);
  });

  it("reads operators and quotes a reader typed as text, without an error", async () => {
    for (const input of ["lighthouse' OR 1=1 --", "!lighthouse", "lighthouse | x", "(((", "a:* & <->", "\\'"]) {
      await expect(search(input)).resolves.toBeInstanceOf(Array);
    }
    expect(await titles("lighthouse' OR 1=1 --", "all")).toEqual([]);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: search on PostgreSQL not tried`, () => {});
