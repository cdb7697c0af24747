import "server-only";
import { searchPublished } from "@/db/queries/search";
import { parseSearchInput, toMatchQuery } from "./search-query";

const MAX_RESULTS = 20;

/**
 * Reader search: every word must match (phrases in quotes stay together); when that
 * finds nothing, any word may. Input is never passed to FTS5 unquoted.
 */
export async function searchSite(input: string, { limit = MAX_RESULTS, anyWord = false } = {}) {
  const terms = parseSearchInput(input);
  const all = toMatchQuery(terms, "all");
  if (!all) return { results: [], relaxed: false, searched: false };
  if (!anyWord) {
    const results = await searchPublished({ match: all, limit });
    if (results.length > 0 || terms.length === 1) return { results, relaxed: false, searched: true };
  }
  return {
    results: await searchPublished({ match: toMatchQuery(terms, "any")!, limit }),
    relaxed: !anyWord,
    searched: true,
  };
}
