import "server-only";
import { headers } from "next/headers";
import { MISSING_PATH_HEADER } from "./utils/request-path";
import { siteSettings } from "./reader";
import { searchSite } from "./search";
import { wordsOfPath } from "./search-query";

/** What the reader 404 offers: the words of the missing address and posts matching any of them. */
export async function notFoundSuggestions() {
  // proxy.ts copies the requested path here: a not-found page gets no params of its own.
  const words = wordsOfPath((await headers()).get(MISSING_PATH_HEADER) ?? "");
  const results = words ? searchSite(words, { limit: 5, anyWord: true }).results : [];
  return { words, results, timeZone: siteSettings().timezone };
}
