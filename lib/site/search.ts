import "server-only";
import { getPgDb } from "@/db/client";
import { searchPublishedPg } from "@/db/dialects/pg/search";
import { databaseKind } from "@/db/kind";
import { searchPublished } from "@/db/queries/search";
import { parseSearchInput, type SearchTerm, toMatchQuery, toTsQuery } from "./search-query";

const MAX_RESULTS = 20;

/**
 * Reader search: every word must match (phrases in quotes stay together); when that
 * finds nothing, any word may. Input is never passed to FTS5 unquoted.
 */
export async function searchSite(input: string, { limit = MAX_RESULTS, anyWord = false } = {}) {
  const terms = parseSearchInput(input);
  if (terms.length === 0) return { results: [], relaxed: false, searched: false };
  if (!anyWord) {
    const results = await searchPublishedTerms(terms, "all", limit);
    if (results.length > 0 || terms.length === 1) return { results, relaxed: false, searched: true };
  }
  return {
    results: await searchPublishedTerms(terms, "any", limit),
    relaxed: !anyWord,
    searched: true,
  };
}

/**
 * Published posts and pages matching these terms (from parseSearchInput; at least one),
 * in the site's database's own syntax: FTS5's MATCH on SQLite, a tsquery on PostgreSQL.
 */
export function searchPublishedTerms(terms: SearchTerm[], mode: "all" | "any", limit: number) {
  if (databaseKind() === "postgres") return searchPublishedPg(getPgDb(), { tsquery: toTsQuery(terms, mode)!, limit });
  return searchPublished({ match: toMatchQuery(terms, mode)!, limit });
}
